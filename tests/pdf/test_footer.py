"""Footers drawn from one frame per document are what drawing each whole would give."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pdfutil import page_texts

from workbook.example import example_plan
from workbook.facility import Facility
from workbook.options import RenderOptions
from workbook.pdf import build_pdf
from workbook.pdf.canvas_text import draw_line
from workbook.pdf.document import FOOTER_Y, MARGIN_X, FooterCanvas
from workbook.pdf.fonts import BODY
from workbook.pdf.styles import INK, MUTED, RULE

PLAN = example_plan()


def _whole_footer(self: FooterCanvas, number: int, total: int, *_: Any) -> tuple[str, str]:
    # The footer as ReportLab's canvas draws it, every part on every page.
    lines = self._footer_lines(total)
    size = lines[0].size
    width = self._pagesize[0]
    y = FOOTER_Y
    self.saveState()
    self.setStrokeColor(RULE)
    self.setLineWidth(0.6)
    self.line(MARGIN_X, y + size + 5, width - MARGIN_X, y + size + 5)
    self.setFillColor(INK if self._footer.large_print else MUTED)
    self.setFont(BODY, size)
    self.drawRightString(width - MARGIN_X, y, self._footer.page.format(number=number, total=total))
    draw_line(self, MARGIN_X, y, lines[0])
    draw_line(self, width / 2, y, lines[1], align="centre")
    self.restoreState()
    return "", ""


@pytest.mark.parametrize("options", [
    RenderOptions.for_plan(PLAN),
    RenderOptions.for_plan(PLAN, large_print=True, language="es"),
    RenderOptions.for_plan(PLAN, facility=Facility(name="Harbor Light Recovery Services")),
], ids=["plain", "large print, Spanish", "facility"])
def test_footers_are_the_bytes_of_drawing_each_whole(
    options: RenderOptions, monkeypatch: pytest.MonkeyPatch
) -> None:
    ours = build_pdf(PLAN, options).pdf
    with monkeypatch.context() as patch:
        patch.setattr(FooterCanvas, "_first_footer", _whole_footer)
        patch.setattr(FooterCanvas, "_draw_footer",
                      lambda self, number, total, size, frame: _whole_footer(self, number, total))
        reference = build_pdf(PLAN, options).pdf
    assert ours == reference
    # Each page has its own number ("Page 3 of 35", "Página 3 de 35").
    texts = page_texts(ours)
    total = len(texts)
    for number in (2, 3, total // 2):
        assert re.search(rf"\b{number}\b \w+ {total}\n", texts[number - 1])
