"""Part 7, the crisis plan: the crisis action page, then its companion page.

The crisis action page is what a client reaches for in a hard moment, so it is
one page that starts at the top of a page: a band with the emergency number
and the first crisis line, the signs and the steps side by side, who to
contact in order (with the crisis lines), the treatment to return to, where to
go and where naloxone is kept. It is laid out at the largest type that fits
one page (two facing pages in large print); only a plan larger than that
flows on, under a "continued" heading.

It starts on a left-hand (even) page, so that the page a client opens to in
a stapled or duplex-printed workbook shows it with its companion page facing
it (in large print, its own second page); when the part before ends on a
left-hand page, the right-hand page between holds lines for notes, never a
blank page.

Contacts are printed in the order they are called: the client's own people
marked for the wallet card, their mentors, then the professionals of the
crisis plan, then the crisis lines (the facility's, or the standard US lines).
A blank workbook leaves numbered rows to write the people and professionals
in, above the crisis lines.

The companion page follows (see `crisis_companion`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak
from reportlab.platypus import Spacer as Spacing

from ...plan import CrisisContact, CrisisPlan
from ..content import CrisisLine
from ..contents import Marker
from ..context import Context
from ..document import continued_room
from ..flowables import FitPage, MarkedLines, OnEvenPage, Panel, WriteLines, keep_with_next
from ..fonts import BODY, BODY_BOLD
from ..grid import Grid, GridLook
from ..markup import text_width, user_text
from ..phones import glue_phones
from ..prose import paragraphs
from ..richtext import markup_flowable
from ..styles import ACCENT, INK, MUTED
from ..textblock import text_flowable
from ..worksheet import Column, part_kicker, table
from .crisis_band import BandEntry, CrisisBand
from .crisis_companion import companion_page

# The page template of a page that continues the crisis action page (document.py).
CONTINUED_TEMPLATE = "continued"

# Numbers that reach the emergency services, by country.
EMERGENCY_NUMBERS = frozenset({"911", "112", "999", "000", "110", "119", "100", "102", "108"})


@dataclass(frozen=True)
class CrisisType:
    """The type of one try at fitting the crisis page: body size, leading, paddings."""

    size: float
    leading: float
    heading: float
    pad: float  # inside table cells
    gap: float  # between the blocks of the page
    compact: bool = False  # no introduction; who to call and what they are in one column
    # The last resort before a plan continues on the next page: the contacts as
    # numbered entries in two columns (the phone column's empty width used);
    # in large print the title across the band and the steps under the signs.
    dense: bool = False


# Largest first; the body type never goes below 10.5 pt (16 pt in large print).
NORMAL_TRIES = (
    CrisisType(11.5, 14.6, 14.0, 4.0, 10.0),
    CrisisType(11.0, 13.6, 13.0, 3.5, 8.0),
    CrisisType(10.5, 12.8, 12.5, 3.0, 6.0),
    CrisisType(10.5, 12.4, 12.0, 2.5, 4.0, compact=True),
    CrisisType(10.5, 12.0, 12.0, 1.5, 3.0, compact=True, dense=True),
)
LARGE_TRIES = (
    CrisisType(17.0, 21.5, 19.0, 5.0, 12.0),
    CrisisType(16.0, 19.6, 17.5, 4.0, 8.0),
    CrisisType(16.0, 18.6, 16.5, 2.5, 4.0, compact=True),
    CrisisType(16.0, 18.6, 16.5, 1.5, 3.0, compact=True, dense=True),
)


@dataclass(frozen=True)
class CrisisStyles:
    body: ParagraphStyle
    bullet: ParagraphStyle
    heading: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_strong: ParagraphStyle
    cell_head: ParagraphStyle
    note: ParagraphStyle


def _style(name: str, t: CrisisType, **kw: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": BODY, "fontSize": t.size, "leading": t.leading, "textColor": INK,
        "splitLongWords": 1, "wordWrap": None,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


@cache
def crisis_styles(t: CrisisType) -> CrisisStyles:
    """Every style of the crisis page at one type size (all of it at least body size)."""
    return CrisisStyles(
        body=_style("crisis_body", t),
        bullet=_style("crisis_bullet", t, spaceAfter=0.5 if t.compact else t.gap / 4,
                      leftIndent=t.size * 1.7,
                      bulletIndent=0, bulletFontName=BODY_BOLD, bulletColor=ACCENT,
                      bulletFontSize=t.size),
        heading=_style("h3", t, fontName=BODY_BOLD, fontSize=t.heading,
                       leading=t.heading * 1.2, textColor=ACCENT, spaceAfter=t.gap / 3),
        label=_style("crisis_label", t, fontName=BODY_BOLD, textColor=ACCENT),
        cell=_style("crisis_cell", t),
        cell_strong=_style("crisis_cell_strong", t, fontName=BODY_BOLD),
        cell_head=_style("crisis_cell_head", t, fontName=BODY_BOLD, textColor=ACCENT),
        # Large print at its tightest: the date note at 14 pt in ink (never small grey).
        note=(_style("crisis_note", t, fontSize=14.0, leading=17.0) if t.dense and t.size >= 16
              else _style("crisis_note", t, textColor=MUTED)),
    )


# --------------------------------------------------------------------------- the part


def crisis_plan(ctx: Context, part: int) -> list[Flowable]:
    """The crisis action page (from a page top) and the companion page after it."""
    plan = ctx.plan
    crisis = plan.crisis_plan if plan is not None else CrisisPlan()
    tries = LARGE_TRIES if ctx.styles.large else NORMAL_TRIES
    pages = 2 if ctx.styles.large else 1

    def build(t: CrisisType) -> Callable[[], list[Flowable]]:
        return lambda: action_page(ctx, crisis, part, t)

    # The crisis page starts on a left-hand (even) page, so that in a stapled or
    # duplex-printed workbook it faces its companion page (in large print, its
    # second page); a page left over before it holds lines for notes.
    out: list[Flowable] = [
        PageBreak(),
        OnEvenPage(ctx.gettext("Notes"), ctx.styles.h1, ctx.styles.metrics.write_spacing),
    ]
    out += [
        Marker("crisis_plan"),
        NextPageTemplate(CONTINUED_TEMPLATE),
        FitPage([build(t) for t in tries], pages=pages,
                next_height=ctx.height - continued_room(ctx.styles.large)),
        NextPageTemplate("body"),
    ]
    out += companion_page(ctx, crisis)
    return out


def action_page(ctx: Context, crisis: CrisisPlan, part: int, t: CrisisType) -> list[Flowable]:
    """The blocks of the crisis action page at one type size, top to bottom."""
    st = crisis_styles(t)
    all_lines = ctx.content.crisis_lines
    lines = all_lines if _with_lines(ctx, crisis) else ()
    out: list[Flowable] = [band(ctx, part, all_lines, t), Spacing(0, t.gap)]
    if not t.compact:
        out += [ctx.user(p, st.body) for p in _intro(ctx)]
        out.append(Spacing(0, t.gap))
    out.append(_signs_and_steps(ctx, crisis, st, t))
    out.append(Spacing(0, t.gap))
    out.append(keep_with_next(ctx.text(ctx.title(CrisisPlan, "contacts"), st.heading),
                              contacts(ctx, crisis, lines, st, t)))
    out.append(Spacing(0, t.gap))
    checked = checked_note(ctx, lines)
    note = ctx.text(checked, st.note) if checked else None
    if ctx.styles.large:
        out += _where_across(ctx, crisis, st, t, note)
        return out
    tail: list[Flowable] = [_where_to_turn(ctx, crisis, st, t)]
    if note is not None:
        tail += [Spacing(0, t.gap / 2), note]
    out.append(Panel(tail, 0.0, border=None, keep_below=ctx.height * 0.5))
    return out


def _intro(ctx: Context) -> list[str]:
    # The template holds no markup: its paragraphs print as plain text at page size.
    kinds = tuple(sorted(k.value for k in ctx.pathways))
    texts = paragraphs("crisis_plan", ctx.name, kinds, ctx.blank, ctx.facility_name,
                       ctx.language)
    return [plain if plain is not None else markup for markup, plain in texts]


def _with_lines(ctx: Context, crisis: CrisisPlan) -> bool:
    return ctx.plan is None or crisis.include_standard_lines


# --------------------------------------------------------------------------- the band


def emergency_line(lines: Sequence[CrisisLine]) -> CrisisLine | None:
    """The line that reaches the emergency services (911, 112...), if any."""
    for line in lines:
        digits = "".join(c for c in line.number if c.isdigit())
        if digits in EMERGENCY_NUMBERS:
            return line
    return None


def band_lines(lines: Sequence[CrisisLine]) -> tuple[CrisisLine, ...]:
    """The lines the band gives: the emergency line, if any, and the first other line."""
    emergency = emergency_line(lines)
    first = next((line for line in lines if line is not emergency), None)
    return tuple(line for line in (emergency, first) if line is not None)


def band(ctx: Context, part: int, lines: Sequence[CrisisLine], t: CrisisType) -> CrisisBand:
    """The band across the top: the page's title, the emergency number, the first line."""
    emergency = emergency_line(lines)
    first = next((line for line in band_lines(lines) if line is not emergency), None)
    entries = [BandEntry(ctx.gettext("In danger now?"),
                         emergency.card_text() if emergency is not None
                         else ctx.gettext("Call your local emergency number"))]
    if first is not None:
        entries.append(BandEntry(first.name, first.card_text()))
    return CrisisBand(part_kicker(ctx, part).upper(),
                      ctx.gettext("My crisis plan"), entries, t.size, large=ctx.styles.large,
                      compact=t.compact, stacked=t.dense and ctx.styles.large)


# --------------------------------------------------------------------------- signs and steps


def _signs_and_steps(ctx: Context, crisis: CrisisPlan, st: CrisisStyles,
                     t: CrisisType) -> Flowable:
    spacing = max(ctx.styles.metrics.write_spacing * 0.9, t.leading * 1.6)
    signs = [ctx.text(ctx.title(CrisisPlan, "signs"), st.heading)]
    signs += _items(ctx, crisis.signs, st, spacing, numbered=False)
    steps = [ctx.text(ctx.title(CrisisPlan, "steps"), st.heading)]
    steps += _items(ctx, crisis.steps, st, spacing, numbered=True)
    if t.dense and ctx.styles.large:
        # Large type in half a page's width wraps every few words: the steps
        # go under the signs, each list across the page.
        steps[0].spaceBefore = t.gap
        return Panel([Panel(signs, 0.0, border=None, keep_first=1),
                      Panel(steps, 0.0, border=None, keep_first=1)], 0.0, border=None)
    gap = 20.0
    half = (ctx.width - gap) / 2
    look = GridLook(pad=0.0, rules=False)
    cells: list[Flowable | None] = [Panel(signs, 0.0, border=None, keep_first=1), None,
                                    Panel(steps, 0.0, border=None, keep_first=1)]
    return Grid([half, gap, half], [cells], look)


def _items(ctx: Context, items: Sequence[str], st: CrisisStyles, spacing: float, *,
           numbered: bool) -> list[Flowable]:
    out: list[Flowable] = [
        text_flowable(item, st.bullet, bullet=f"{i}." if numbered else "•")
        for i, item in enumerate(items, start=1)
    ]
    blank = 5 if ctx.blank else (3 if not items else (1 if len(items) < 5 else 0))
    if blank:
        out.append(MarkedLines(blank, spacing, st.bullet,
                               start=len(items) + 1 if numbered else None, optional=bool(items)))
    return out


# --------------------------------------------------------------------------- contacts


def contact_rows(ctx: Context, crisis: CrisisPlan) -> list[list[str]]:
    """The client's own contacts in calling order: people, mentors, then professionals."""
    plan = ctx.plan
    if plan is None:
        return []
    network = plan.support_network
    rows = [[p.name, p.relationship, p.phone] for p in network.people if p.on_wallet_card]
    rows += [[m.name, ctx.label(m.role), m.phone] for m in network.mentors if m.on_wallet_card]
    rows += [[c.name, c.role, c.phone] for c in crisis.contacts]
    return rows


def contacts(ctx: Context, crisis: CrisisPlan, lines: Sequence[CrisisLine], st: CrisisStyles,
             t: CrisisType) -> list[Flowable]:
    own = contact_rows(ctx, crisis)
    # Rows to write more in come before the crisis lines: own people first.
    empty = 5 if ctx.blank else (1 if len(own) + len(lines) < 10 else 0)
    # Dense: the lines whose numbers the band above gives say only their name here.
    banded = band_lines(ctx.content.crisis_lines) if t.dense else ()
    rows = [*own, *([["", "", ""]] * empty),
            *[[line.name, "" if line in banded else line.how, line.number] for line in lines]]
    name, role = ctx.title(CrisisContact, "name"), ctx.title(CrisisContact, "role")
    phone = Column(ctx.title(CrisisContact, "phone"), 1.0, strong=True)
    if t.dense:  # who they are runs on after the name: no line is left half empty
        rows = [[f"{n} · {r}" if r.strip() else n, p] for n, r, p in rows]
        columns = [Column("", 0.2), Column(f"{name} · {role}", 2.7), phone]
    elif t.compact:  # who to call and who they are in one column: one line when it fits
        room = (ctx.width * 2.7 / 3.9) - 2 * t.pad - 4
        rows = [[_name_and_role(n, r, st.cell, room), p] for n, r, p in rows]
        columns = [Column("", 0.2), Column(f"{name} · {role}", 2.7), phone]
    else:
        columns = [Column("", 0.2), Column(name, 1.3), Column(role, 1.4), phone]
    numbered_rows = [[f"{i}.", *row] for i, row in enumerate(rows, start=1)]
    grid = table(ctx, columns, numbered_rows, 0,
                 cell=st.cell, strong=st.cell_strong, head=st.cell_head, pad=t.pad)
    for g in grid:
        if isinstance(g, Grid):
            # An empty row is tall enough to write a name and number in.
            g.min_row_height = ctx.styles.metrics.row_height * (0.85 if not ctx.styles.large
                                                                else 0.7)
            g.spaceAfter = 0
            if t.dense:
                # Cut between any two rows: the pages face each other. No header
                # row: the heading says who they are, and the numbers are bold.
                g.page_height = 0.0
                g.header = None
    return grid


def _name_and_role(name: str, role: str, style: ParagraphStyle, room: float) -> str:
    """"Name · who they are" on one line if it fits `room`, else the role on a line below."""
    if not role.strip():
        return name
    joined = f"{name} · {role}"
    if "\n" not in joined and text_width(joined, style.fontSize) <= room:
        return joined
    return f"{name}\n{role}"


def checked_note(ctx: Context, lines: Sequence[CrisisLine]) -> str:
    """When the crisis lines were last checked: one date, or one per line."""
    if not lines:
        return ""
    days = {line.last_checked for line in lines}
    if len(days) == 1:
        return ctx.gettext("Crisis lines last checked {date}.").format(
            date=ctx.date(days.pop()))
    each = "; ".join(f"{line.name}, {ctx.date(line.last_checked)}" for line in lines)
    return ctx.gettext("Crisis lines last checked: {lines}.").format(lines=each)


# --------------------------------------------------------------------------- where to turn


def _where_to_turn(ctx: Context, crisis: CrisisPlan, st: CrisisStyles,
                   t: CrisisType) -> Flowable:
    """Treatment to return to, where to go and where naloxone is kept, side by side
    (compact: the first two side by side, naloxone below across the page)."""
    pairs = [(ctx.title(CrisisPlan, "return_to_treatment"), crisis.return_to_treatment),
             (ctx.title(CrisisPlan, "where_to_go"), crisis.where_to_go)]
    naloxone = ctx.blank or crisis.naloxone_applies or bool(crisis.naloxone_location.strip())
    location = (ctx.title(CrisisPlan, "naloxone_location"), crisis.naloxone_location)
    spacing = max(ctx.styles.metrics.write_spacing * 0.9, t.leading * 1.6)
    if naloxone and not t.compact:
        pairs.append(location)
    gap = 16.0
    width = (ctx.width - gap * (len(pairs) - 1)) / len(pairs)
    cells: list[Flowable | None] = []
    widths: list[float] = []
    for i, (head, value) in enumerate(pairs):
        if i:
            cells.append(None)
            widths.append(gap)
        cells.append(_answer(ctx, head, value, st, spacing))
        widths.append(width)
    grid = Grid(widths, [cells], GridLook(pad=0.0, rules=False))
    if not (naloxone and t.compact):
        return grid
    head, value = location
    below: Flowable
    if value.strip():  # the label leads the line: "Where my naloxone is kept: ..."
        below = _labelled(head, value, st)
    else:
        below = _answer(ctx, head, value, st, spacing, lines=1)
    below.spaceBefore = t.gap
    return Panel([grid, below], 0.0, border=None)


def _where_across(ctx: Context, crisis: CrisisPlan, st: CrisisStyles, t: CrisisType,
                  note: Flowable | None) -> list[Flowable]:
    """Treatment to return to, where to go and where naloxone is kept, each answer across
    the page after its label (large print: 16 pt type in a third of the page wraps
    every few words).
    They may be cut between answers; `note` stays with the last one."""
    pairs = [(ctx.title(CrisisPlan, "return_to_treatment"), crisis.return_to_treatment),
             (ctx.title(CrisisPlan, "where_to_go"), crisis.where_to_go)]
    if ctx.blank or crisis.naloxone_applies or crisis.naloxone_location.strip():
        pairs.append((ctx.title(CrisisPlan, "naloxone_location"), crisis.naloxone_location))
    spacing = max(ctx.styles.metrics.write_spacing * 0.9, t.leading * 1.6)
    blocks: list[Flowable] = []
    for head, value in pairs:
        block: Flowable = (_labelled(head, value, st) if value.strip()
                           else _answer(ctx, head, value, st, spacing, lines=1 if t.dense else 2))
        block.spaceBefore = t.gap if blocks else 0.0
        blocks.append(block)
    if note is not None:
        last = blocks.pop()
        blocks.append(Panel([last, Spacing(0, t.gap / 2), note], 0.0, border=None,
                            keep_below=ctx.height * 0.5))
        blocks[-1].spaceBefore = last.getSpaceBefore()
    return blocks


def _labelled(head: str, value: str, st: CrisisStyles) -> Flowable:
    """"Label: the client's words" as one paragraph, the label in bold; a phone number
    in the words never breaks across lines."""
    return markup_flowable(f"<b>{user_text(head)}:</b> {user_text(glue_phones(value))}",
                           ParagraphStyle("labelled", parent=st.body))


def _answer(ctx: Context, head: str, value: str, st: CrisisStyles, spacing: float,
            lines: int = 3) -> Panel:
    """A label over the client's words, or over lines to write them on."""
    answer: Flowable = ctx.user(value, st.body) if value.strip() else WriteLines(lines, spacing)
    return Panel([ctx.text(head, st.label), answer], 0.0, border=None, keep_first=1)
