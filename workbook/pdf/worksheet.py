"""The building blocks of every worksheet: headings, answers, tables, lists.

Every function returns flowables and takes the build's `Context`. User text
goes through `Context.user` or `markup.user_text`; labels and headings are the
workbook's own words. Tables are `Grid`s: light, splitting inside long rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph
from reportlab.platypus.doctemplate import ActionFlowable

from .context import Context
from .flowables import AccentRule, Gap, Panel, TickBox, WriteLines, keep_with_next
from .grid import Grid, GridLook
from .markup import widest
from .phones import glue_phones
from .styles import ACCENT, styles_for
from .textblock import TextBlock, text_flowable

# A part's last group carries at least this share of half a page over when cut.
REST_SHARE = 0.5
# Styles of the headings that must stay with what follows them.
HEADING_STYLES = frozenset({"h2", "h3"})


@dataclass(frozen=True)
class Column:
    title: str
    weight: float = 1.0
    strong: bool = False  # bold cells: the phone numbers of the crisis plan


def section_title(ctx: Context, kicker: str, title: str, template: str | None) -> list[Flowable]:
    """The opening of a section: a small kicker, the title, a rule, the introduction."""
    st = ctx.styles
    out: list[Flowable] = []
    if kicker:
        out.append(ctx.text(kicker.upper(), st.kicker))
    out += [ctx.text(title, st.h1), AccentRule()]
    if template:
        out += ctx.prose(template)
    return out


def heading(ctx: Context, text: str, hint: str = "") -> list[Flowable]:
    """A worksheet heading, with an optional line of help below it.

    `bind_headings` later keeps it with at least two lines of what follows.
    """
    out: list[Flowable] = [ctx.text(text, ctx.styles.h2)]
    if hint:
        out.append(_lead(ctx.text(hint, ctx.styles.small)))
        out.append(_lead(Gap(4)))
    return out


def _lead(flowable: Flowable) -> Flowable:
    """Mark `flowable` as part of the heading before it (a hint, a gap)."""
    flowable.heading_lead = True
    return flowable


def _is_heading(flowable: Flowable) -> bool:
    style = getattr(flowable, "style", None)
    return (isinstance(flowable, TextBlock | Paragraph) and isinstance(style, ParagraphStyle)
            and style.name in HEADING_STYLES)


def bind_headings(story: Sequence[Flowable], last_whole: float = 0.0) -> list[Flowable]:
    """Every heading (with its hint) joined to what follows it, so that a page
    never ends with a heading and less than two lines of what it heads.

    With `last_whole`, the last heading of `story` (a part) takes everything
    after it along, kept whole when no taller than `last_whole`: the end of a
    part never spills a few lines onto a page of their own.
    """
    story = list(story)
    last = _last_heading(story) if last_whole else None
    if last is not None:
        lead = [story[last]]
        while last + len(lead) < len(story) and getattr(story[last + len(lead)],
                                                         "heading_lead", False):
            lead.append(story[last + len(lead)])
        body = bind_headings(story[last + len(lead):])
        group = Panel([*lead, *body], 0.0, border=None, keep_first=len(lead),
                      keep_below=last_whole, min_rest=last_whole * REST_SHARE)
        group.spaceBefore = lead[0].getSpaceBefore()
        return [*bind_headings(story[:last]), group]
    out: list[Flowable] = []
    pending: Flowable | None = None  # the next content, bound already
    for flowable in reversed(story):
        if pending is not None and _is_heading(flowable):
            lead = [flowable]
            # Hints and gaps gathered so far belong to this heading.
            while out and getattr(out[-1], "heading_lead", False):
                lead.append(out.pop())
            following = [out.pop()]  # `pending` itself
            # One line of a list is not enough to stay with: take the next item too.
            if (isinstance(pending, TextBlock | Paragraph | TickBox) and out
                    and isinstance(out[-1], TextBlock | Paragraph | TickBox | WriteLines)
                    and not _is_heading(out[-1])):
                following.append(out.pop())
            group = keep_with_next(lead[0], [*lead[1:], *following], lead=len(lead))
            out.append(group)
            pending = group
            continue
        out.append(flowable)
        if not getattr(flowable, "heading_lead", False):
            pending = flowable
    out.reverse()
    return out


def _last_heading(story: Sequence[Flowable]) -> int | None:
    """Index of the last heading with only content flowables (no page actions) after it."""
    for index in range(len(story) - 1, -1, -1):
        flowable = story[index]
        if isinstance(flowable, ActionFlowable | CondPageBreak | KeepTogether):
            return None
        if _is_heading(flowable):
            return index if index + 1 < len(story) else None
    return None


def lines(ctx: Context, count: int, indent: float = 0.0, optional: bool = False) -> WriteLines:
    return WriteLines(count, ctx.styles.metrics.write_spacing, indent, optional)


def answer(
    ctx: Context, label: str, value: str | None, *, empty_lines: int = 3, extra_lines: int = 1
) -> list[Flowable]:
    """A labelled answer: the client's words and a line or two more, or lines to write on."""
    head = ctx.text(label, ctx.styles.label)
    if value is not None and value.strip():
        group = keep_with_next(head, [ctx.user(value)])
        out: list[Flowable] = [group]
        if extra_lines:
            out.append(lines(ctx, extra_lines, optional=True))
    else:
        out = [keep_with_next(head, [lines(ctx, empty_lines)])]
    out.append(Gap(4))
    return out


def bullets(ctx: Context, items: Sequence[str], blank: int) -> list[Flowable]:
    """A bulleted list of the client's items, then `blank` lines to add more."""
    st = ctx.styles
    out: list[Flowable] = [
        text_flowable(item, st.bullet, bullet="•") for item in items
    ]
    if blank:
        out.append(lines(ctx, blank, indent=_indent(ctx), optional=bool(items)))
    if not out:
        out.append(Gap(st.metrics.write_spacing))
    return out


def numbered(ctx: Context, items: Sequence[str], blank: int, start: int = 1) -> list[Flowable]:
    """A numbered list, then numbered lines to add more."""
    out: list[Flowable] = []
    number = start
    for item in items:
        out.append(text_flowable(item, ctx.styles.bullet, bullet=f"{number}."))
        number += 1
    out.extend(numbered_lines(ctx, blank, number))
    return out


def numbered_lines(ctx: Context, count: int, start: int) -> list[Flowable]:
    """Numbered empty lines: "4. ______"."""
    spacing = ctx.styles.metrics.write_spacing
    return [NumberedLine(ctx, n, spacing) for n in range(start, start + count)]


class NumberedLine(WriteLines):
    """One write-in line with a number before it."""

    def __init__(self, ctx: Context, number: int, spacing: float) -> None:
        super().__init__(1, spacing, _indent(ctx))
        self.number = number
        self.font_size = ctx.styles.bullet.fontSize
        self.font_name = ctx.styles.bullet.bulletFontName

    def draw(self) -> None:
        super().draw()
        self.canv.setFillColor(ACCENT)
        self.canv.setFont(self.font_name, self.font_size)
        self.canv.drawString(0, 4, f"{self.number}.")


def ticks(
    ctx: Context, choices: Iterable[tuple[str, bool]], *, user: bool = False
) -> list[Flowable]:
    """Tick boxes, ticked where the client chose; labels are our wording unless `user`."""
    st = ctx.styles
    out: list[Flowable] = []
    for label, ticked in choices:
        para = ctx.user(label, st.list_item) if user else ctx.text(label, st.list_item)
        out.append(TickBox(para, st.metrics.checkbox, ticked))
    return out


def more_rows(ctx: Context, filled: int) -> int:
    """Empty rows after a table: more in a blank workbook or under an empty list."""
    if ctx.blank:
        return 6
    return 2 if filled else 4


def table(
    ctx: Context,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    blank_rows: int,
    width: float | None = None,
    blank_cells: Sequence[Flowable | None] | None = None,
    *,
    cell: ParagraphStyle | None = None,
    strong: ParagraphStyle | None = None,
    head: ParagraphStyle | None = None,
    pad: float | None = None,
) -> list[Flowable]:
    """A table of the client's records, then `blank_rows` empty rows to write in.

    Short tables are kept whole, and a cut never leaves one row alone (see `Grid`).
    The cell styles are the build's unless given.
    """
    st = ctx.styles
    cell = cell or st.cell
    strong = strong or st.cell_strong
    head = head or st.cell_head
    look = _look(st.large) if pad is None else GridLook(pad=pad)
    widths = column_widths(columns, rows, width or ctx.width, cell, strong, head, look.pad)
    header = [ctx.text(c.title, head) for c in columns]
    styles = [strong if c.strong else cell for c in columns]
    cells = [[ctx.user(t, s) if t.strip() else None for t, s in zip(row, styles, strict=True)]
             for row in rows]
    grid = Grid(widths, cells, look, header=header, blank_rows=max(0, blank_rows),
                blank_height=st.metrics.row_height, blank_cells=blank_cells,
                page_height=ctx.height)
    grid.spaceAfter = 8
    return [grid]


def _words(text: str) -> list[str]:
    # A phone number's parts are glued with no-break spaces: one "word".
    return [w for w in text.replace("\n", " ").split(" ") if w.strip()]


def _longest_word(text: str, size: float, bold: bool) -> float:
    return widest(_words(glue_phones(text)), size, bold)


def _extent(text: str, size: float, bold: bool, longest: float) -> tuple[float, float]:
    """The width of the cell's longest word or `longest` if wider, and of its longest line.

    A word is never wider than the line it is on: when the line is no wider than
    `longest`, its words are not measured (most cells of a column of short entries).
    """
    glued = glue_phones(text)
    lines = glued.split("\n")
    line = widest(lines, size, bold)
    if line <= longest:
        return longest, line
    if len(lines) == 1 and " " not in glued and glued.strip():
        return line, line  # one word: measured already
    return max(longest, widest(_words(glued), size, bold)), line


SCAN_ROWS = 60  # enough rows to see a column's kind of content
SCAN_CHARS = 400  # a longer answer is a paragraph: it wraps whatever the width


def column_widths(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    total: float,
    cell: ParagraphStyle,
    strong: ParagraphStyle,
    head: ParagraphStyle,
    pad: float,
) -> list[float]:
    """Column widths from what the columns hold, as a browser lays out a table.

    Each column needs at least its longest word (a header like "Relationship"
    in large print must not break mid-word) and would like its longest entry
    on one line. When everything fits on one line, the spare room goes by the
    columns' weights; otherwise each column gets its minimum and the rest of
    the room in proportion to how much more it would like, so a column of
    long answers ("What they help with") gets the room and a column of short
    words is not padded out. A word longer than a third of the table (a pasted
    link) is left to break. An empty table is laid out by the weights.
    """
    extra = 2 * pad + 1
    weight = sum(c.weight for c in columns)
    by_weight = [total * c.weight / weight for c in columns]
    least: list[float] = []
    most: list[float] = []
    for i, column in enumerate(columns):
        style = strong if column.strong else cell
        bold = style.fontName != cell.fontName or column.strong
        low = _longest_word(column.title, head.fontSize, True)
        high = 0.0
        for row in rows[:SCAN_ROWS]:
            text = row[i][:SCAN_CHARS]
            if not text.strip():
                continue
            low, line = _extent(text, style.fontSize, bold, low)
            high = max(high, line)
        least.append(min(low + extra, total / 3))
        # A phone column (bold) wants room for the dialable number only: an
        # extension or a note may take a second line; the names need the room more.
        most.append(least[-1] if column.strong else max(high + extra, least[-1]))
    if not rows or sum(least) >= total:
        return _widen(by_weight, least)
    if sum(most) <= total:
        spare = total - sum(most)
        return [m + spare * c.weight / weight for m, c in zip(most, columns, strict=True)]
    wish = [m - low for m, low in zip(most, least, strict=True)]
    spare = total - sum(least)
    return [low + spare * w / sum(wish) for low, w in zip(least, wish, strict=True)]


def _widen(widths: list[float], needs: list[float]) -> list[float]:
    """`widths` with each column widened to its need, from the columns with room to spare."""
    short = sum(max(0.0, n - w) for n, w in zip(needs, widths, strict=True))
    spare = sum(max(0.0, w - n) for n, w in zip(needs, widths, strict=True))
    if short <= 0 or spare < short:
        return widths
    return [n if n > w else w - (w - n) * short / spare
            for n, w in zip(needs, widths, strict=True)]


@cache
def _look(large: bool, form: bool = False) -> GridLook:
    return GridLook(pad=styles_for(large).metrics.cell_pad, form=form)


COLUMNS_LOOK = GridLook(pad=0.0, rules=False)


def columns(ctx: Context, left: list[Flowable], right: list[Flowable],
            gap: float = 24.0) -> Flowable:
    """Two columns side by side; each flows on to the next page if it must."""
    half = (ctx.width - gap) / 2
    cells: list[Flowable | None] = [Panel(left, 0.0, border=None), None,
                                    Panel(right, 0.0, border=None)]
    return Grid([half, gap, half], [cells], COLUMNS_LOOK)


def label_values(
    ctx: Context,
    pairs: Sequence[tuple[str, str]],
    label_share: float = 0.32,
    width: float | None = None,
) -> list[Flowable]:
    """Labels beside the client's answers (or a line to write on), like a form."""
    st = ctx.styles
    full = width or ctx.width
    widths = [full * label_share, full * (1 - label_share)]
    rows: list[list[Flowable | None]] = [
        [ctx.text(label, st.label), ctx.user(value) if value.strip() else None]
        for label, value in pairs
    ]
    grid = Grid(widths, rows, _look(st.large, form=True), blank_height=st.metrics.write_spacing)
    grid.spaceAfter = 6
    return [grid]


def _indent(ctx: Context) -> float:
    return float(ctx.styles.bullet.leftIndent)



def part_kicker(ctx: Context, part: int) -> str:
    """The small line above a part's title: "Part 3"."""
    return ctx.gettext("Part {number}").format(number=part)
