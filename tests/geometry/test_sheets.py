"""Paper and card sizes, sheet grids, cut guides and wallet sheets: exact points."""

from __future__ import annotations

import itertools

import pytest

from workbook.geometry import (
    A4,
    AVERY_5371,
    AVERY_L7414,
    BUSINESS_CARD,
    ID1_CARD,
    ID1_CORNER_RADIUS,
    LETTER,
    Box,
    CardLayoutError,
    GridSpec,
    Size,
    card_slots,
    cell_boxes,
    crop_marks,
    grid_cut_guides,
    inch,
    mm,
    paginate,
    wallet_slots,
)


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
