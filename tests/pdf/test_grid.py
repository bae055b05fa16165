"""The worksheet grid: splitting between rows, cutting tall rows, repeating the header."""

from __future__ import annotations

import pytest
from reportlab.platypus import Flowable, Paragraph

from workbook.pdf.fonts import register_fonts
from workbook.pdf.grid import Grid, GridLook
from workbook.pdf.styles import styles_for
from workbook.pdf.textblock import TextBlock, text_flowable

register_fonts()
STYLE = styles_for(False).cell


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


def test_grid_carries_empty_rows_on_when_asked() -> None:
    grid = Grid([100, 100], [], GridLook(pad=4), header=_header(), blank_rows=40,
                blank_height=20, carry_blank=True, page_height=600)
    first, rest = grid.split(200, 300)
    assert first.blank_rows + rest.blank_rows == 40
    assert first.wrap(200, 300)[1] <= 300


def test_empty_rows_at_a_page_foot_are_left_off_not_carried() -> None:
    # A worksheet's rows to write in never make a page of their own.
    grid = Grid([100, 100], [_cells(["a", "b"])] * 3, GridLook(pad=4), header=_header(),
                blank_rows=6, blank_height=20, page_height=600)
    _, height = grid.wrap(200, 1e6)
    parts = grid.split(200, height - 50)
    assert len(parts) == 1 and len(parts[0].rows) == 3 and 0 < parts[0].blank_rows < 6
    # Less than half of an empty table fits: it moves on whole.
    empty = Grid([100, 100], [], GridLook(pad=4), header=_header(), blank_rows=8,
                 blank_height=20, page_height=600)
    assert empty.split(200, 90) == []


def test_a_short_table_moves_whole_and_a_long_one_leaves_no_row_alone() -> None:
    short = Grid([100, 100], [_cells(["a", "b"])] * 5, GridLook(pad=4), header=_header(),
                 page_height=600)
    _, height = short.wrap(200, 1e6)
    assert short.split(200, height - 10) == []
    rows = [_cells([f"row {i}", "b"]) for i in range(10)]
    long = Grid([100, 100], rows, GridLook(pad=4), header=_header(), page_height=600)
    _, height = long.wrap(200, 1e6)
    first, rest = long.split(200, height - 5)  # room for all but the last row
    assert len(first.rows) == 8 and len(rest.rows) == 2


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
