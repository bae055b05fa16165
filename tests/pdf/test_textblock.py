"""Text blocks: line breaking measured with the real fonts, and the blocks it fills."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from workbook.pdf.fonts import BODY, register_fonts
from workbook.pdf.styles import styles_for
from workbook.pdf.textblock import TextBlock, break_lines, text_flowable

register_fonts()
STYLE = styles_for(False).cell


@given(st.text(alphabet="abc defgh\nijk", max_size=300), st.floats(20, 300))
@settings(max_examples=30, deadline=None)
def test_break_lines_keeps_every_word_and_fits_the_width(text: str, width: float) -> None:
    lines = break_lines(text, BODY, 10, width)
    assert "".join("".join(lines).split()) == "".join(text.split())
    for line in lines:
        assert stringWidth(line, BODY, 10) <= width + 1e-6 or len(line) == 1


def test_a_word_wider_than_the_column_is_cut() -> None:
    lines = break_lines("x" * 200, BODY, 10, 50)
    assert len(lines) > 3 and "".join(lines) == "x" * 200


def test_explicit_line_breaks_are_kept() -> None:
    assert break_lines("one\ntwo\n\nthree", BODY, 10, 500) == ["one", "two", "", "three"]


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
