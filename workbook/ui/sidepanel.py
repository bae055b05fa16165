"""The list of pages beside the form, each with a mark for how far along it is."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ..form.pages import PAGES, Page, PageState, matters_for, missing, page_state, part_number
from ..text.i18n import N_, _
from .controller import PlanController

MARK_TEXT = {
    PageState.NOT_STARTED: N_("not started"),
    PageState.IN_PROGRESS: N_("in progress"),
    PageState.DONE: N_("done"),
}


def page_label(page: Page) -> str:
    """The page as the side panel lists it: with its part number in the workbook."""
    number = part_number(page)
    if number is None:
        return _("{title} (cover)").format(title=_(page.title))
    return _("Part {number}: {title}").format(number=number, title=_(page.title))
_GREEN = QColor(38, 120, 70)
_GREY = QColor(120, 120, 120)


def state_icon(state: PageState, size: int = 32) -> QIcon:
    """An empty ring, a half-filled ring, or a filled ring with a tick."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(3, 3, size - 6, size - 6)
    colour = _GREY if state == PageState.NOT_STARTED else _GREEN
    painter.setPen(QPen(colour, size / 12))
    if state == PageState.DONE:
        painter.setBrush(colour)
    painter.drawEllipse(box)
    if state == PageState.IN_PROGRESS:
        half = QPainterPath()
        half.moveTo(box.center())
        half.arcTo(box, 90, 180)
        half.closeSubpath()
        painter.fillPath(half, colour)
    if state == PageState.DONE:
        painter.setPen(QPen(Qt.GlobalColor.white, size / 9))
        painter.drawPolyline(
            [
                QPointF(size * 0.30, size * 0.52),
                QPointF(size * 0.44, size * 0.66),
                QPointF(size * 0.70, size * 0.36),
            ]
        )
    painter.end()
    return QIcon(pixmap)


# Qt's own item sizing wraps a label at the item's full width but draws it
# inside the style sheet's padding, so a label that only just fits on one line
# was drawn cut short ("Part 7: Crisis action …"). This delegate measures and
# draws the words in the same rectangle, wrapped at spaces, never cut.
_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(
    Qt.AlignmentFlag.AlignVCenter)


class PageItemDelegate(QStyledItemDelegate):
    """Draws a page's label wrapped onto as many lines as it needs."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def text_rect(self, option: QStyleOptionViewItem) -> QRect:
        """Where the words go in an item drawn in `option.rect`."""
        style = self.view.style()
        return style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, self.view)

    def _option(self, option: QStyleOptionViewItem,
                index: QModelIndex | QPersistentModelIndex) -> QStyleOptionViewItem:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        return opt

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        opt = self._option(option, index)
        width = self.view.viewport().width() - 2 * self.view.spacing()
        # The text's room in an item as wide as the list, one line high.
        opt.rect = QRect(0, 0, width, QFontMetrics(opt.font).height())
        room = self.text_rect(opt)
        words = QFontMetrics(opt.font).boundingRect(
            QRect(0, 0, max(1, room.width()), 10_000), _WRAP, opt.text)
        chrome = opt.rect.height() - room.height()  # padding above and below the words
        icon = opt.decorationSize.height()
        return QSize(width, max(words.height(), icon) + chrome)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = self._option(option, index)
        text, opt.text = opt.text, ""
        # Background, selection, icon and focus frame as the style draws them...
        self.view.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter,
                                      self.view)
        # ...and the words wrapped in the same rectangle `sizeHint` measured.
        # The text colour, selected or not: the selection is a light green
        # (style.py), under which the palette's white "highlighted text" vanishes.
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(opt.palette.ColorRole.Text))
        painter.drawText(self.text_rect(opt), _WRAP, text)
        painter.restore()


class SidePanel(QListWidget):
    """The pages in the workbook's order, which never changes while a person works;
    pages that matter most for the chosen pathways are shown in bold.

    Signals:
        page_chosen(str): the key of the page the person clicked.
    """

    page_chosen = Signal(str)

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("pagesPanel")
        self.setAccessibleName(_("Pages of the plan"))
        self.setIconSize(QSize(18, 18))
        self.setSpacing(2)
        self.setMinimumWidth(150)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)  # labels wrap again when it narrows
        self.setItemDelegate(PageItemDelegate(self))
        self._icons = {state: state_icon(state) for state in PageState}
        self._pages: list[Page] = []
        self._quiet = False
        self.currentRowChanged.connect(self._row_changed)
        controller.changed.connect(self.refresh)
        self.refresh()

    def pages(self) -> list[Page]:
        return list(self._pages)

    def refresh(self, *_args: object) -> None:
        plan = self.controller.plan
        kinds = plan.pathways.kinds()
        current = self.current_key()
        self._quiet = True
        try:
            if not self._pages:
                self._pages = list(PAGES)
                for page in self._pages:
                    self.addItem(QListWidgetItem(page_label(page)))
            for row, page in enumerate(self._pages):
                state = page_state(plan, page)
                item = self.item(row)
                item.setIcon(self._icons[state])
                item.setData(Qt.ItemDataRole.UserRole, state.value)
                leads = matters_for(page, kinds)
                font = item.font()
                if font.bold() != leads:
                    font.setBold(leads)
                    item.setFont(font)
                tip = f"{_(page.title)}: {_(MARK_TEXT[state])}"
                still = missing(plan, page)
                if still and state != PageState.NOT_STARTED:
                    tip += " — " + _("still to answer: {fields}").format(fields=", ".join(still))
                if leads:
                    tip += " — " + _("matters most for the pathways chosen")
                item.setToolTip(tip)
                spoken = f"{page_label(page)}, {_(MARK_TEXT[state])}"
                item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            if current:
                self.select_key(current)
        finally:
            self._quiet = False

    def state_of(self, key: str) -> PageState:
        for row, page in enumerate(self._pages):
            if page.key == key:
                return PageState(self.item(row).data(Qt.ItemDataRole.UserRole))
        raise KeyError(key)

    def current_key(self) -> str | None:
        row = self.currentRow()
        return self._pages[row].key if 0 <= row < len(self._pages) else None

    def select_key(self, key: str) -> None:
        for row, page in enumerate(self._pages):
            if page.key == key and self.currentRow() != row:
                self.setCurrentRow(row)

    def _row_changed(self, row: int) -> None:
        if not self._quiet and 0 <= row < len(self._pages):
            self.page_chosen.emit(self._pages[row].key)
