"""The list of pages beside the form: every part's name readable at any panel width."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from workbook.example import example_plan
from workbook.form.pages import PAGES
from workbook.ui.controller import PlanController
from workbook.ui.sidepanel import SidePanel, page_label
from workbook.ui.style import STYLE_SHEET


@pytest.mark.parametrize("width", [150, 170, 190, 220, 260])
def test_every_part_label_is_whole_at_any_panel_width(qtbot: Any, width: int) -> None:
    panel = SidePanel(PlanController(example_plan("en")))
    panel.setStyleSheet(STYLE_SHEET)  # the program's item padding
    qtbot.addWidget(panel)
    panel.resize(width, 640)
    panel.show()
    qtbot.waitExposed(panel)
    panel.doItemsLayout()
    wrap = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
    assert [panel.item(row).text() for row in range(panel.count())] == [
        page_label(page) for page in PAGES
    ]
    for row in range(panel.count()):
        item = panel.item(row)
        option = QStyleOptionViewItem()
        option.rect = panel.visualItemRect(item)
        option.font = item.font()
        option.text = item.text()
        option.icon = item.icon()
        option.decorationSize = panel.iconSize()
        option.features = (QStyleOptionViewItem.ViewItemFeature.HasDisplay
                           | QStyleOptionViewItem.ViewItemFeature.HasDecoration
                           | QStyleOptionViewItem.ViewItemFeature.WrapText)
        room = panel.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, panel)
        words = QFontMetrics(item.font()).boundingRect(
            QRect(0, 0, room.width(), 10_000), wrap, item.text())
        # Every line of the label fits in the room its item has: nothing is elided.
        assert words.height() <= room.height(), (item.text(), words, room)
        assert option.rect.right() <= panel.viewport().width(), item.text()
