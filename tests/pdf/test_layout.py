"""Layout measured, not drawn: line breaking, grid and panel splitting, fitting."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from workbook.pdf.canvas_text import ELLIPSIS, fit_text
from workbook.pdf.flowables import FillLines, Panel, WriteLines
from workbook.pdf.fonts import BODY, register_fonts
from workbook.pdf.grid import Grid, GridLook
from workbook.pdf.markup import text_width
from workbook.pdf.styles import styles_for
from workbook.pdf.textblock import TextBlock, break_lines, text_flowable
from workbook.pdf.tounicode import make_to_unicode_cmap, utf16_hex

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


def _cells(texts: list[str]) -> list[Flowable | None]:
    return [TextBlock(t, STYLE) if t else None for t in texts]


def _header() -> list[Flowable | None]:
    return _cells(["Trigger", "My response"])


def test_grid_splits_between_rows_and_repeats_the_header() -> None:
    rows = [_cells([f"trigger {i}", f"response {i}"]) for i in range(60)]
    grid = Grid([100, 300], rows, GridLook(pad=4), header=_header(), blank_rows=3,
                blank_height=20)
    _, height = grid.wrap(400, 1e6)
    first, rest = grid.split(400, height / 2)
    assert isinstance(first, Grid) and isinstance(rest, Grid)
    assert first.header == grid.header and rest.header == grid.header
    assert len(first.rows) + len(rest.rows) == 60
    assert first.blank_rows == 0 and rest.blank_rows == 3
    assert first.wrap(400, 1e6)[1] <= height / 2


def test_grid_cuts_a_row_taller_than_the_room_inside_its_cells() -> None:
    long = "word " * 3000
    grid = Grid([100, 300], [_cells(["payday", long])], GridLook(pad=4), header=_header())
    pieces: list[Flowable] = [grid]
    parts = []
    while pieces:  # split as pages of 500 points would
        piece = pieces.pop(0)
        _, h = piece.wrap(400, 500)
        if h <= 500:
            parts.append(piece)
            continue
        split = piece.split(400, 500)
        assert len(split) == 2, "a grid must always make progress"
        parts.append(split[0])
        pieces.insert(0, split[1])
        assert split[0].wrap(400, 500)[1] <= 500
    assert len(parts) > 5
    printed = []
    for part in parts:
        cell = part.rows[0][1]
        assert isinstance(cell, TextBlock)
        printed += cell.lines
    assert "".join("".join(printed).split()) == "".join(long.split())
    assert parts[0].rows[0][0] is not None  # "payday" on the first page
    assert all(p.rows[0][0] is None for p in parts[1:])


def test_grid_splits_only_empty_rows_when_nothing_else_is_left() -> None:
    grid = Grid([100, 100], [], GridLook(pad=4), header=_header(), blank_rows=40,
                blank_height=20)
    first, rest = grid.split(200, 300)
    assert first.blank_rows + rest.blank_rows == 40
    assert first.wrap(200, 300)[1] <= 300


@pytest.mark.parametrize("room", [5.0, 12.0, 19.0, 26.0, 33.0, 60.0])
def test_a_form_row_is_never_cut_below_its_minimum_height(room: float) -> None:
    # Found by hypothesis: a cut form row came out taller than the room left.
    label = TextBlock("Counselor", STYLE)
    value = TextBlock("https://example.org/" + "x" * 600, STYLE)
    grid = Grid([100, 300], [[label, value]], GridLook(pad=4, form=True), blank_height=25)
    parts = grid.split(400, room)
    if parts:
        assert parts[0].wrap(400, room)[1] <= room


def test_grid_gives_up_when_not_even_the_header_fits() -> None:
    grid = Grid([100, 100], [_cells(["a", "b"])] * 3, GridLook(pad=4), header=_header())
    assert grid.split(200, 5) == []


def test_write_lines_split_into_whole_lines() -> None:
    lines = WriteLines(10, 25)
    first, rest = lines.split(500, 110)
    assert (first.count, rest.count) == (4, 6)
    assert lines.split(500, 10) == []


def test_fill_lines_fill_the_rest_of_the_page_or_move_on() -> None:
    fill = FillLines(3, 25)
    assert fill.wrap(500, 260)[1] == 250
    assert fill.wrap(500, 60)[1] == 75  # too little room: asks for its minimum


def test_panel_splits_its_content_and_keeps_every_part() -> None:
    content = [TextBlock(f"line {i} " * 30, STYLE) for i in range(20)]
    panel = Panel(content, padding=10)
    _, height = panel.wrap(300, 1e6)
    first, rest = panel.split(300, height / 2)
    assert first.wrap(300, 1e6)[1] <= height / 2
    assert first.open_bottom and rest.open_top
    assert len(first.content) + len(rest.content) >= 20


def test_fit_text_shortens_with_an_ellipsis() -> None:
    assert fit_text("Jordan R.", 9, 200) == "Jordan R."
    short = fit_text("Jordan " * 40, 9, 100)
    assert short.endswith(ELLIPSIS) and text_width(short, 9) <= 100


def test_emoji_get_utf16_surrogates_in_the_tounicode_map() -> None:
    assert utf16_hex(0x1F331) == "D83CDF31"
    assert utf16_hex(0x4E2D) == "4E2D"
    cmap = make_to_unicode_cmap("F", [0x41, 0x1F331])
    assert "<00> <0041>" in cmap and "<01> <D83CDF31>" in cmap and "1F331" not in cmap


def test_ascii_text_is_one_body_run_and_other_scripts_fall_back() -> None:
    from workbook.pdf.fonts import BODY
    from workbook.pdf.markup import segments

    assert list(segments("Call Sam <b> & 7 p.m.")) == [(BODY, "Call Sam <b> & 7 p.m.")]
    assert list(segments("")) == []
    runs = list(segments("Lan Nguyễn 中文"))
    assert runs[0] == (BODY, "Lan Nguyễn ")
    assert runs[1][0] != BODY and runs[1][1] == "中文"


def test_a_tall_row_moves_whole_when_its_tall_cell_cannot_start_here() -> None:
    # A long run of Chinese (a fallback-font Paragraph) beside a short answer
    # that wraps to two lines. At the foot of a page with room for about one
    # line, the Chinese cannot start, so the short answer must not be cut and
    # left there alone: the whole row goes to the next page.
    chinese = text_flowable("恢复" * 400, STYLE)
    assert isinstance(chinese, Paragraph)
    rows = [_cells(["before", "a short row"]), [chinese, TextBlock("meeting {name}", STYLE)]]
    grid = Grid([60, 80], rows, GridLook(pad=4), header=_header())
    grid.wrap(140, 10_000)
    first_rows = grid._header_height + grid._heights[0]
    # Room for a line of the short answer, not for the Paragraph's first line.
    room = first_rows + 2.0 * STYLE.leading
    parts = grid.split(140, room)
    assert len(parts) == 2
    assert len(parts[0].rows) == 1  # only "before" stays
    moved = parts[1].rows[0]
    assert moved[0] is chinese and isinstance(moved[1], TextBlock)
    assert moved[1].lines == ["meeting", "{name}"]  # both lines, uncut
