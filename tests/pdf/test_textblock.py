"""Text blocks: line breaking measured with the real fonts, and the blocks it fills."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from workbook.pdf.fonts import register_fonts
from workbook.pdf.styles import styles_for
from workbook.pdf.textblock import TextBlock, text_flowable

register_fonts()
STYLE = styles_for(False).cell


@given(st.text(alphabet="abc defgh\nijk-", max_size=300), st.floats(20, 300))
@settings(max_examples=30, deadline=None)
def test_a_text_block_breaks_in_its_own_font_and_keeps_every_word(
    text: str, width: float
) -> None:
    # The breaker is geometry's (tests/geometry/test_fit.py); here it measures the real font.
    block = TextBlock(text, STYLE)
    block.wrap(width, 1e6)
    assert block.lines is not None
    assert "".join("".join(block.lines).split()) == "".join(text.split())
    for line in block.lines:
        assert stringWidth(line, STYLE.fontName, STYLE.fontSize) <= width + 1e-6 or len(line) == 1


def test_explicit_line_breaks_are_kept() -> None:
    block = TextBlock("one\ntwo\n\nthree", STYLE)
    block.wrap(500, 1e6)
    assert block.lines == ["one", "two", "", "three"]


def test_text_flowable_uses_paragraphs_only_for_fallback_fonts() -> None:
    assert isinstance(text_flowable("plain <b> & text", STYLE), TextBlock)
    assert isinstance(text_flowable("Nguyễn", STYLE), TextBlock)  # Andika has Vietnamese
    para = text_flowable("王小明 <b>", STYLE)
    assert isinstance(para, Paragraph)
    assert "&lt;b&gt;" in para.text and "Fallback-CJK" in para.text


def test_text_block_measures_like_a_paragraph() -> None:
    text = "A long answer that wraps onto a few lines in a narrow column of a table " * 3
    block = TextBlock(text, STYLE)
    para = Paragraph(text, STYLE)
    assert block.wrap(150, 1000)[1] == pytest.approx(para.wrap(150, 1000)[1])


def test_text_block_splits_by_lines() -> None:
    block = TextBlock("word " * 400, STYLE)
    _, height = block.wrap(200, 1e6)
    first, rest = block.split(200, height / 3)
    assert first.wrap(200, 1e6)[1] <= height / 3
    assert first.lines + rest.lines == block.lines
