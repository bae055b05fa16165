"""Card geometry: sizes, sheet grids, cut guides, wallet sheets, fit-to-box text layout.

Layout is measured with a fake width table (every character is half the type
size wide, bold 10 % wider), so these tests need no fonts.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.geometry import (
    A4,
    AVERY_5371,
    AVERY_L7414,
    BUSINESS_CARD,
    ELLIPSIS,
    ID1_CARD,
    ID1_CORNER_RADIUS,
    LETTER,
    Block,
    Box,
    CardLayoutError,
    GridSpec,
    Row,
    Size,
    card_slots,
    cell_boxes,
    crop_marks,
    fit_rows,
    fit_stack,
    grid_cut_guides,
    inch,
    mm,
    normalise,
    paginate,
    shorten,
    wallet_slots,
    wrap,
    wrap_shortened,
)


def fake_width(text: str, size: float, bold: bool) -> float:
    return len(text) * size * (0.55 if bold else 0.5)


# --------------------------------------------------------------------------- units and sizes


def test_units_are_exact() -> None:
    assert mm("25.4") == 72
    assert inch("0.5") == 36
    assert mm(210) == pytest.approx(595.2756, abs=1e-4)
    with pytest.raises(TypeError):
        mm(85.6)  # type: ignore[arg-type]  # floats would hide rounding


def test_card_sizes() -> None:
    assert BUSINESS_CARD.width == pytest.approx(252, abs=0.1)
    assert BUSINESS_CARD.height == pytest.approx(144, abs=0.1)
    assert ID1_CARD.width == pytest.approx(242.65, abs=0.1)
    assert ID1_CARD.height == pytest.approx(153.01, abs=0.1)
    assert abs(ID1_CORNER_RADIUS - 3.18 * 72 / 25.4) < 1e-9
    assert (LETTER.width, LETTER.height) == (612, 792)
    assert A4.width == pytest.approx(595.28, abs=0.01)
    assert A4.height == pytest.approx(841.89, abs=0.01)


# --------------------------------------------------------------------------- sheet grids


def test_avery_5371_positions_match_the_published_template() -> None:
    # Avery 5371/8371: x0 0.75 in, y0 0.5 in (from the top), pitch 3.5 x 2 in, 2 x 5.
    slots = card_slots(AVERY_5371, BUSINESS_CARD)
    assert len(slots) == 10
    for index, slot in enumerate(slots):
        row, column = divmod(index, 2)
        assert slot.x == pytest.approx(0.75 * 72 + column * 3.5 * 72, abs=0.01)
        assert 792 - slot.top == pytest.approx(0.5 * 72 + row * 2 * 72, abs=0.01)
        assert (slot.width, slot.height) == (252, 144)
    assert slots[0] == Box(54, 612, 252, 144)
    assert slots[-1] == Box(306, 36, 252, 144)


def test_avery_l7414_cells_match_the_published_template() -> None:
    # glabels avery-iso-templates.xml, part 7414: x0 42.51 pt, y0 52.44 pt,
    # dx 255.1 pt, dy 147.4 pt, pieces 255.1 x 147.4 pt, 2 x 5 on A4.
    cells = cell_boxes(AVERY_L7414)
    assert len(cells) == 10
    for index, cell in enumerate(cells):
        row, column = divmod(index, 2)
        assert cell.x == pytest.approx(42.51 + column * 255.1, abs=0.1)
        assert A4.height - cell.top == pytest.approx(52.44 + row * 147.4, abs=0.1)
        assert cell.width == pytest.approx(255.1, abs=0.1)
        assert cell.height == pytest.approx(147.4, abs=0.1)


def test_business_cards_are_centred_in_the_l7414_pieces() -> None:
    for cell, slot in zip(cell_boxes(AVERY_L7414), card_slots(AVERY_L7414, BUSINESS_CARD),
                          strict=True):
        assert cell.contains(slot)
        assert slot.size == BUSINESS_CARD
        assert slot.x - cell.x == pytest.approx(cell.right - slot.right, abs=1e-9)
        assert slot.y - cell.y == pytest.approx(cell.top - slot.top, abs=1e-9)


@pytest.mark.parametrize("spec", [AVERY_5371, AVERY_L7414], ids=lambda s: s.name[:11])
def test_cards_never_overlap_and_stay_on_the_sheet(spec: GridSpec) -> None:
    slots = card_slots(spec, BUSINESS_CARD)
    page = Box(0, 0, spec.page.width, spec.page.height)
    assert all(page.contains(slot) for slot in slots)
    for a, b in itertools.combinations(slots, 2):
        assert not a.overlaps(b)


def test_neighbouring_cards_share_edges_without_overlapping() -> None:
    a, b = card_slots(AVERY_5371, BUSINESS_CARD)[:2]
    assert a.right == b.x
    assert not a.overlaps(b)
    assert a.overlaps(Box(a.right - 1, a.y, 10, 10))


def _spec(**changes: object) -> GridSpec:
    fields = {**AVERY_5371.__dict__, **changes}
    return GridSpec(**fields)


@pytest.mark.parametrize(
    ("changes", "card", "message"),
    [
        ({"columns": 3}, BUSINESS_CARD, "3 columns need"),
        ({"rows": 6}, BUSINESS_CARD, "6 rows need"),
        ({"pitch_x": inch(3)}, BUSINESS_CARD, "columns overlap"),
        ({"pitch_y": inch(1)}, BUSINESS_CARD, "rows overlap"),
        ({"left": -1.0}, BUSINESS_CARD, "outside the sheet"),
        ({"rows": 0}, BUSINESS_CARD, "at least one row"),
        ({}, Size(inch(4), inch(2)), "does not fit"),
    ],
)
def test_a_grid_that_cannot_fit_its_sheet_is_a_domain_error(
    changes: dict[str, object], card: Size, message: str
) -> None:
    with pytest.raises(CardLayoutError, match=message):
        card_slots(_spec(**changes), card)


def test_an_85_mm_sheet_cannot_hold_a_3_5_inch_card() -> None:
    # Why A4 uses L7414 (90 x 52 mm): 85 x 55 mm pieces are narrower than 3.5 in.
    narrow = _spec(page=A4, cell=Size(mm(85), mm(55)), pitch_x=mm(85), pitch_y=mm(55),
                   left=mm(20), top=mm(11))
    with pytest.raises(CardLayoutError):
        card_slots(narrow, BUSINESS_CARD)


def test_paginate_continues_on_further_sheets() -> None:
    sheets = paginate(23, 10)
    assert [len(s) for s in sheets] == [10, 10, 3]
    assert [i for s in sheets for i in s] == list(range(23))
    assert paginate(0, 10) == []
    with pytest.raises(CardLayoutError):
        paginate(3, 0)


# --------------------------------------------------------------------------- cut guides


@pytest.mark.parametrize("spec", [AVERY_5371, AVERY_L7414], ids=lambda s: s.name[:11])
def test_cut_guides_lie_outside_every_card_and_inside_the_printable_page(spec: GridSpec) -> None:
    slots = card_slots(spec, BUSINESS_CARD)
    lines = grid_cut_guides(slots, spec.page)
    # The sheets print guides along the pieces of the stock, which hold the cards.
    lines += grid_cut_guides(cell_boxes(spec), spec.page)
    printable = Box(0, 0, spec.page.width, spec.page.height).inset(mm(5) - 1e-6)
    assert lines
    for line in lines:
        bounds = line.bounds()
        assert printable.contains(bounds)
        for slot in slots:
            assert not slot.overlaps(bounds.inset(-0.01))  # not even touching a card
    # Every distinct card edge has a guide along it.
    card_lines = grid_cut_guides(slots, spec.page)
    xs = {round(v, 3) for s in slots for v in (s.x, s.right)}
    assert {round(line.x1, 3) for line in card_lines if line.x1 == line.x2} == xs


def test_crop_marks_stay_outside_their_card() -> None:
    box = Box(100, 100, ID1_CARD.width, ID1_CARD.height)
    marks = crop_marks(box)
    assert len(marks) == 8
    for mark in marks:
        assert not box.overlaps(mark.bounds().inset(-0.01))


# --------------------------------------------------------------------------- wallet sheets


@pytest.mark.parametrize("page", [LETTER, A4], ids=["letter", "a4"])
def test_single_sided_wallet_pairs_front_and_back_on_the_fold(page: Size) -> None:
    slots = wallet_slots(page, duplex=False)
    assert len(slots) == 3
    sheet = Box(0, 0, page.width, page.height)
    faces = [face for slot in slots for face in (slot.front, slot.back)]
    for slot in slots:
        assert slot.front.size == ID1_CARD
        assert slot.back.size == ID1_CARD
        assert slot.front.right == slot.back.x == slot.fold_x
        assert slot.front.y == slot.back.y
        assert sheet.inset(mm(5)).contains(slot.outline)
    for a, b in itertools.combinations(faces, 2):
        assert not a.overlaps(b)
    for a, b in itertools.combinations([s.outline for s in slots], 2):
        # Room between copies for both copies' crop marks.
        assert min(abs(a.y - b.top), abs(b.y - a.top)) >= mm(14) - 1e-6


@pytest.mark.parametrize("page", [LETTER, A4], ids=["letter", "a4"])
def test_duplex_wallet_backs_are_mirrored_behind_their_fronts(page: Size) -> None:
    slots = wallet_slots(page, duplex=True)
    assert len(slots) == 6
    for slot in slots:
        assert slot.back == Box(page.width - slot.front.right, slot.front.y,
                                ID1_CARD.width, ID1_CARD.height)
    for a, b in itertools.combinations([s.front for s in slots], 2):
        assert not a.overlaps(b)


def test_a_sheet_too_small_for_a_wallet_card_is_a_domain_error() -> None:
    with pytest.raises(CardLayoutError):
        wallet_slots(Size(mm(100), mm(150)), duplex=False)


# --------------------------------------------------------------------------- wrapping


def test_wrap_breaks_between_words() -> None:
    wrapped = wrap("the quick brown fox jumps", 50, 10, False, fake_width, 5)
    assert wrapped.lines == ("the quick", "brown fox", "jumps")
    assert wrapped.complete


def test_wrap_stops_at_max_lines_and_says_so() -> None:
    wrapped = wrap("the quick brown fox jumps", 50, 10, False, fake_width, 2)
    assert wrapped.lines == ("the quick", "brown fox")
    assert not wrapped.complete


def test_wrap_breaks_chinese_between_characters() -> None:
    wrapped = wrap("王小明住在河内市", 20, 10, False, fake_width, 5)
    assert wrapped.lines == ("王小明住", "在河内市")


def test_wrap_breaks_a_word_wider_than_the_line() -> None:
    wrapped = wrap("x" * 25, 50, 10, False, fake_width, 5)
    assert wrapped.lines == ("x" * 10, "x" * 10, "x" * 5)


def test_wrap_leaves_room_for_an_inline_label() -> None:
    wrapped = wrap("aaaa bbbb", 50, 10, False, fake_width, 3, first_width=25)
    assert wrapped.lines == ("aaaa", "bbbb")


def test_shorten_ends_in_an_ellipsis_within_the_width() -> None:
    text = "Dr. Maria Fernández-Castillo (Community Health Center)"
    short = shorten(text, 100, 10, False, fake_width)
    assert short.endswith(ELLIPSIS)
    assert fake_width(short, 10, False) <= 100
    assert text.startswith(short[:-1].rstrip())
    assert shorten("short", 100, 10, False, fake_width) == "short"
    assert shorten("anything", 2, 10, False, fake_width) == ""  # not even "…" fits


def test_wrap_shortened_reports_when_text_was_cut() -> None:
    lines, shortened = wrap_shortened("one two three four five six", 40, 10, False,
                                      fake_width, 2)
    assert shortened
    assert lines[0] == "one two"
    assert lines[-1].endswith(ELLIPSIS)
    assert wrap_shortened("one two", 40, 10, False, fake_width, 2) == (("one two",), False)


# --------------------------------------------------------------------------- fit_stack


def contact_blocks(name: str = "Anna Nguyen", phone: str = "555-0100",
                   helps: str = "Rides and a listening ear") -> list[Block]:
    return [
        Block("name", name, 13, 8, bold=True, max_lines=2, stage=1, keep=9),
        Block("phone", phone, 20, 8, bold=True, stage=2, keep=10, space_before=4),
        Block("helps", helps, 9, 8, max_lines=3, keep=1, label="Helps: "),
    ]


def test_fit_stack_keeps_preferred_sizes_when_everything_fits() -> None:
    layout = fit_stack(contact_blocks(), 234, 126, fake_width)
    assert [b.size for b in layout.blocks] == [13, 20, 9]
    assert layout.shortened == () and layout.left_off == ()
    assert layout.height <= 126


def test_fit_stack_shrinks_secondary_text_first() -> None:
    # 60 pt tall: the helper text (stage 0) and the name (stage 1) give way before the phone.
    layout = fit_stack(contact_blocks(helps="word " * 20), 234, 60, fake_width)
    sizes = {b.key: b.size for b in layout.blocks}
    assert sizes["phone"] == 20
    assert sizes["helps"] < 9
    assert layout.height <= 60
    assert layout.shortened == ()


def test_a_long_number_shrinks_without_shrinking_the_name() -> None:
    layout = fit_stack(contact_blocks(phone="1-800-555-0100 ext 1234"), 234, 126, fake_width)
    sizes = {b.key: b.size for b in layout.blocks}
    assert sizes["name"] == 13
    assert 8 < sizes["phone"] < 20
    assert fake_width(layout.block("phone").lines[0], sizes["phone"], True) <= 234


def test_fit_stack_never_goes_below_the_minimum_and_reports_what_it_shortened() -> None:
    layout = fit_stack(contact_blocks(helps="Rides to appointments " * 40), 234, 126,
                       fake_width)
    helps = layout.block("helps")
    assert helps.size == 8
    assert len(helps.lines) == 3
    assert helps.lines[-1].endswith(ELLIPSIS)
    assert layout.shortened == ("helps",)
    # Text that cannot be whole anyway does not drag the others down.
    assert layout.block("phone").size == 20
    assert layout.block("name").size == 13


def test_fit_stack_leaves_off_the_least_kept_block_when_space_runs_out() -> None:
    layout = fit_stack(contact_blocks(), 234, 30, fake_width)
    assert layout.left_off == ("helps",)
    assert layout.block("helps").lines == ()
    assert layout.block("phone").lines == ("555-0100",)
    assert layout.height <= 30


def test_fit_stack_gives_up_lines_before_leaving_a_block_off() -> None:
    blocks = [Block("a", "x " * 60, 8, 8, max_lines=3, keep=1),
              Block("b", "keep me", 8, 8, keep=5)]
    layout = fit_stack(blocks, 100, 8 * 1.2 * 3, fake_width)
    assert len(layout.block("a").lines) == 2
    assert layout.shortened == ("a",)
    assert layout.block("b").lines == ("keep me",)


def test_fit_stack_skips_empty_blocks() -> None:
    layout = fit_stack([Block("a", "  ", 10, 8), Block("b", "text", 10, 8)], 100, 100,
                       fake_width)
    assert [b.key for b in layout.blocks] == ["b"]


words = st.text(alphabet="abcdefghij 王明ễ", min_size=0, max_size=300)


@settings(max_examples=30, deadline=None)
@given(texts=st.lists(words, min_size=1, max_size=5),
       width=st.floats(min_value=30, max_value=300),
       height=st.floats(min_value=5, max_value=200))
def test_fit_stack_never_overflows_and_never_loses_text_silently(
    texts: list[str], width: float, height: float
) -> None:
    blocks = [Block(str(i), text, 12, 7, max_lines=3, keep=i, label="L: " if i % 2 else "")
              for i, text in enumerate(texts)]
    layout = fit_stack(blocks, width, height, fake_width)
    assert layout.height <= height + 1e-9
    for placed in layout.blocks:
        assert 7 <= placed.size <= 12
        for index, line in enumerate(placed.lines):
            room = width - (placed.label_width if index == 0 and placed.label else 0)
            assert fake_width(line, placed.size, placed.bold) <= room + 1e-9
        original = normalise(texts[int(placed.key)])
        printed = "".join(placed.lines).replace(" ", "")
        if not (placed.shortened or placed.left_off):
            assert printed == original.replace(" ", "")
        elif placed.left_off:
            assert placed.lines == ()
    kept = {p.key for p in layout.blocks}
    assert kept == {str(i) for i, t in enumerate(texts) if t.strip()}


# --------------------------------------------------------------------------- fit_rows


def test_fit_rows_prefers_one_line_per_row() -> None:
    rows = [Row("a", "Sam Ortiz", "555-0142"), Row("b", "988 Lifeline", "Call or text 988")]
    layout = fit_rows(rows, 150, 100, fake_width, preferred=12, minimum=7)
    assert all(r.one_line for r in layout.rows)
    assert layout.size < 12  # smaller, rather than a second line


def test_fit_rows_puts_the_number_under_a_long_name() -> None:
    rows = [Row("a", "A very long name for one line", "555-0142")]
    layout = fit_rows(rows, 120, 100, fake_width, preferred=8, minimum=7,
                      prefer_one_line=False)
    (row,) = layout.rows
    assert layout.size == 8
    assert not row.one_line
    assert row.label_lines == ("A very long name for one line",)
    assert row.value_lines == ("555-0142",)
    assert not row.shortened


def test_fit_rows_shortens_and_leaves_off_and_reports_it() -> None:
    rows = [Row(str(i), f"Person {i}", f"555-01{i:02d}") for i in range(20)]
    rows.append(Row("long", "Dr. Maria Fernández-Castillo (Community Health Center)",
                    "555-0199"))
    rows.append(Row("line", "Emergency", "911", keep=1))
    layout = fit_rows(rows, 100, 60, fake_width, preferred=9, minimum=7)
    assert layout.size == 7
    assert layout.height <= 60
    assert "line" not in layout.left_off  # kept: higher `keep`
    assert layout.left_off  # personal rows from the end first
    placed = {r.key: r for r in layout.rows}
    assert not placed["0"].left_off
    assert placed["long"].left_off or placed["long"].label_shortened


def test_fit_rows_puts_a_note_on_its_own_line() -> None:
    rows = [Row("a", "Dale", "555-0100", note="work line, weekdays only")]
    layout = fit_rows(rows, 150, 100, fake_width, preferred=9, minimum=7)
    (row,) = layout.rows
    assert row.one_line and row.note_lines == ("work line, weekdays only",)
    assert row.line_count == 2


def test_fit_rows_fills_room_left_by_a_dropped_row() -> None:
    rows = [Row("a", "A", "1"), Row("big", "x " * 30, "2"), Row("c", "C", "3")]
    line = 7 * 1.2
    layout = fit_rows(rows, 60, 2 * line + 1.5, fake_width, preferred=7, minimum=7)
    assert [r.key for r in layout.rows if not r.left_off] == ["a", "c"]
    assert layout.left_off == ("big",)
