"""Card text fitted into card boxes, with the notes of what did not fit.

Measuring uses the real fonts (`markup.text_width`, with fallback for any
script), but nothing is drawn here: `card_overflow` runs this alone to tell
the desktop form what will be shortened before anything is printed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from ...geometry import (
    BUSINESS_CARD,
    ID1_CARD,
    ID1_CORNER_RADIUS,
    Block,
    Row,
    RowsLayout,
    StackLayout,
    fit_rows,
    fit_stack,
    mm,
)
from ...options import OverflowNote
from ..markup import text_width
from ..phones import split_phone
from .content import (
    CONTACT_CARDS,
    WALLET_BACK,
    WALLET_FRONT,
    ContactCard,
    LinesCard,
    WalletContent,
    quote,
)


@lru_cache(maxsize=65536)
def measure(text: str, size: float, bold: bool) -> float:
    """Width of `text` on one line in the card fonts (with fallback), cached."""
    return text_width(text, size, bold)


@dataclass(frozen=True)
class CardType:
    """Type sizes of one print mode. Minimums are the smallest readable size: nothing
    on a wallet card is smaller than 8 pt (10 pt in large print), and its numbers to
    call not smaller than WALLET_NUMBER_MIN."""

    contact_min: float
    wallet_min: float
    name: float
    role: float
    phone: float
    detail: float
    wallet_title: float
    wallet_heading: float
    wallet_item: float
    wallet_row: float


NORMAL = CardType(contact_min=8, wallet_min=8, name=13, role=9, phone=20, detail=9,
                  wallet_title=13, wallet_heading=8.5, wallet_item=10.5, wallet_row=9.5)
LARGE = CardType(contact_min=10, wallet_min=10, name=15, role=11, phone=22, detail=11,
                 wallet_title=15, wallet_heading=10, wallet_item=12, wallet_row=11)


WALLET_NUMBER_MIN = 9.0  # the crisis lines' numbers (bold) are never smaller


def card_type(large_print: bool) -> CardType:
    return LARGE if large_print else NORMAL


# Safe areas: nothing is drawn closer than this to a card's cut edge.
CONTACT_INSET = mm("3.2")  # about 1/8 in
WALLET_INSET = max(mm(3), ID1_CORNER_RADIUS * 0.95)
CONTACT_AREA = (BUSINESS_CARD.width - 2 * CONTACT_INSET, BUSINESS_CARD.height - 2 * CONTACT_INSET)
WALLET_AREA = (ID1_CARD.width - 2 * WALLET_INSET, ID1_CARD.height - 2 * WALLET_INSET)
# A contact with no number gets a line to write one on, this tall.
WRITE_IN = 22.0


Sources = dict[str, tuple[str, str, str | None]]  # block key -> where, item, field path


def _notes(layout: StackLayout, items: Sources) -> list[OverflowNote]:
    """Notes for the blocks of `layout` named in `items` (key -> where, item, field path)."""
    notes = []
    for block in layout.blocks:
        if block.key not in items or not (block.shortened or block.left_off):
            continue
        where, item, path = items[block.key]
        notes.append(OverflowNote(where, item, "left off" if block.left_off else "shortened", path))
    return notes


# --------------------------------------------------------------------------- contact cards


@dataclass(frozen=True)
class ContactLayout:
    card: ContactCard
    stack: StackLayout
    write_in: bool  # draw a line to write the phone number on


def layout_contact(
    card: ContactCard, large_print: bool
) -> tuple[ContactLayout, list[OverflowNote]]:
    t = card_type(large_print)
    low = t.contact_min
    width, height = CONTACT_AREA
    write_in = card.phone.blank
    blocks = [
        Block("name", card.name.text, t.name, low, bold=True, max_lines=2, leading=1.15,
              stage=1, keep=9),
        Block("role", card.role.text, t.role, low, max_lines=1, space_before=1, keep=5),
    ]
    if not write_in:
        # The number large; what else the field says ("work line, weekdays only") small below.
        number, phone_note = split_phone(card.phone.text)
        # One line, shrinking as far as the minimum; two lines only if even that is too wide.
        one_line = measure(number, low, True) <= width
        blocks += [
            Block("phone", number, t.phone, low, bold=True, max_lines=1 if one_line else 2,
                  leading=1.1, space_before=4, stage=2, keep=10),
            Block("phone_note", phone_note, t.detail, low, max_lines=2, keep=4),
        ]
    blocks += [
        Block("helps_with", card.helps_with.text, t.detail, low, max_lines=3, space_before=4,
              keep=1, label=card.helps_with_label),
        Block("best_time", card.best_time.text, t.detail, low, max_lines=2, space_before=1.5,
              keep=2, label=card.best_time_label),
    ]
    stack = fit_stack(blocks, width, height - (WRITE_IN if write_in else 0), measure)
    name = quote(card.name.text)
    notes = _notes(stack, {
        "name": (CONTACT_CARDS, f"name {name}", card.name.path),
        "role": (CONTACT_CARDS, f"who {name} is", card.role.path),
        "phone": (CONTACT_CARDS, f"phone of {name}", card.phone.path),
        "phone_note": (CONTACT_CARDS, f"phone of {name}", card.phone.path),
        "helps_with": (CONTACT_CARDS, f"what {name} helps with", card.helps_with.path),
        "best_time": (CONTACT_CARDS, f"when to call {name}", card.best_time.path),
    })
    return ContactLayout(card, stack, write_in), notes


@dataclass(frozen=True)
class LinesLayout:
    card: LinesCard
    heading: StackLayout
    rows: RowsLayout


def layout_lines(card: LinesCard, large_print: bool) -> tuple[LinesLayout, list[OverflowNote]]:
    t = card_type(large_print)
    width, height = CONTACT_AREA
    heading = fit_stack([Block("title", card.title, t.name, t.contact_min, bold=True)],
                        width, height, measure)
    rows = fit_rows(
        [Row(str(i), line.name, line.card_text()) for i, line in enumerate(card.lines)],
        width, height - heading.height - 6, measure,
        preferred=t.phone * 0.65, minimum=t.contact_min, row_gap=4,
    )
    notes = []
    for row in rows.rows:
        if row.shortened or row.left_off:
            line = card.lines[int(row.key)]
            notes.append(OverflowNote(CONTACT_CARDS, f"crisis line {quote(line.name)}",
                                      "left off" if row.left_off else "shortened", None))
    return LinesLayout(card, heading, rows), notes


# --------------------------------------------------------------------------- wallet card


@dataclass(frozen=True)
class WalletLayout:
    content: WalletContent
    front: StackLayout
    heading: StackLayout  # "Who I call, in order"
    rows: RowsLayout
    naloxone: StackLayout | None
    more: bool = False  # print "More in my workbook, page N": something was left off
    blank_rows: int = 0  # a blank card's rows to write names and numbers on


# What the card leaves off whole (the workbook prints everything).
LEFT_OFF = "left off"


def more_height(large_print: bool) -> float:
    """The room of the line "More in my workbook, page N" at the foot of the back."""
    return card_type(large_print).wallet_min * 1.25 + 3


def leaves_off(notes: list[OverflowNote]) -> bool:
    """Whether any of the client's words are left off the card (for any reason)."""
    return any(note.action.startswith(LEFT_OFF) for note in notes)


def _whole_blocks(blocks: list[Block], width: float, height: float,
                  items: Sources) -> tuple[StackLayout, list[OverflowNote]]:
    """The front fitted with every block whole: a sign or step that would be cut
    short ("…") is left off instead, and reported."""
    notes: list[OverflowNote] = []
    while True:
        stack = fit_stack(blocks, width, height, measure)
        cut = [b.key for b in stack.blocks if b.shortened or b.left_off]
        if not cut:
            return stack, notes
        for key in cut:
            if key in items:
                where, item, path = items[key]
                notes.append(OverflowNote(where, item, LEFT_OFF, path))
        keep = [b for b in blocks if b.key not in cut or b.key not in items]
        if len(keep) == len(blocks):  # only our own words (a heading) would be cut
            return stack, notes
        blocks = keep


def _whole_rows(rows: list[Row], width: float, height: float, preferred: float,
                minimum: float) -> tuple[RowsLayout, set[str]]:
    """The numbers fitted with every row whole: a row that would be cut short is left
    off instead. Returns the layout and the keys of the rows left off."""
    dropped: set[str] = set()
    while True:
        layout = fit_rows(rows, width, height, measure, preferred=preferred, minimum=minimum,
                          prefer_one_line=False)
        cut = {r.key for r in layout.rows if r.shortened and not r.left_off}
        if not cut:
            return layout, dropped
        dropped |= cut
        rows = [r for r in rows if r.key not in cut]


def layout_wallet(
    content: WalletContent, large_print: bool, reserve: float = 0.0
) -> tuple[WalletLayout, list[OverflowNote]]:
    """Fit the wallet card; `reserve` is height kept free on the back above the rows.

    When anything is left off, the back is fitted again with room for the line
    "More in my workbook, page N" (which can leave off one more number, reported)."""
    layout, notes = _fit_wallet(content, large_print, reserve)
    if not leaves_off([*content.notes, *notes]):
        return layout, notes
    layout, notes = _fit_wallet(content, large_print, reserve + more_height(large_print))
    return replace(layout, more=True), notes


def _fit_wallet(
    content: WalletContent, large_print: bool, reserve: float
) -> tuple[WalletLayout, list[OverflowNote]]:
    t = card_type(large_print)
    low = t.wallet_min
    width, height = WALLET_AREA
    signs_heading, steps_heading, calls_heading = content.headings

    front_blocks = [Block("title", content.title, t.wallet_title, low, bold=True, max_lines=2,
                          leading=1.15, stage=1, keep=20)]
    items: Sources = {}
    if content.custom_title:
        items["title"] = (WALLET_FRONT, f"title {quote(content.title)}", "wallet_card.title")
    if content.signs:
        front_blocks.append(Block("signs", signs_heading, t.wallet_heading, low, bold=True,
                                  space_before=4, stage=1, keep=15))
        for i, sign in enumerate(content.signs):
            key = f"sign{i}"
            front_blocks.append(Block(key, sign.text, t.wallet_item, low, max_lines=2,
                                      space_before=1, keep=5 - i, label="• ", hanging=True))
            items[key] = (WALLET_FRONT, f"warning sign {quote(sign.text)}", sign.path)
    if content.steps:
        front_blocks.append(Block("steps", steps_heading, t.wallet_heading, low, bold=True,
                                  space_before=4, stage=1, keep=15))
        for i, step in enumerate(content.steps):
            key = f"step{i}"
            front_blocks.append(Block(key, step.text, t.wallet_item, low, max_lines=3,
                                      space_before=1, keep=8 - i, label=f"{i + 1}. ",
                                      hanging=True))
            items[key] = (WALLET_FRONT, f"step {i + 1} {quote(step.text)}", step.path)
    front, notes = _whole_blocks(front_blocks, width, height, items)

    heading = fit_stack([Block("calls", calls_heading, t.wallet_heading + 0.5, low, bold=True)],
                        width, height, measure)
    naloxone = None
    room = height - heading.height - 3 - reserve
    if content.naloxone is not None:
        naloxone = fit_stack(
            [Block("naloxone", content.naloxone.text, t.wallet_row - 0.5, low, max_lines=2,
                   label=content.naloxone_label)],
            width, min(room / 3, 3 * t.wallet_row), measure,
        )
        notes += _notes(naloxone, {"naloxone": (WALLET_BACK, "where naloxone is kept",
                                                content.naloxone.path)})
        room -= naloxone.height + 3
    # Two-line rows are fine here: the numbers stay in one column on the right.
    # A person's number is split from its notes ("work line, weekdays only"), which go
    # small on a line below; a crisis line's wording ("Call or text 988") stays whole.
    candidates = [Row(str(i), entry.label, entry.phone.text, keep=1)
                  if entry.essential else Row(str(i), entry.label, *split_phone(entry.phone.text))
                  for i, entry in enumerate(content.contacts)]
    rows, dropped = _whole_rows(candidates, width, room, t.wallet_row,
                                max(low, WALLET_NUMBER_MIN))
    for row in rows.rows:
        if row.left_off:
            dropped.add(row.key)
    for i, entry in enumerate(content.contacts):
        if str(i) in dropped:
            name = quote(entry.name.text, 80)
            notes.append(OverflowNote(WALLET_BACK, f"contact {name}", LEFT_OFF,
                                      entry.name.path))
    return WalletLayout(content, front, heading, rows, naloxone), notes
