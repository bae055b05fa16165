"""The building blocks of every worksheet: headings, answers, tables, lists.

Every function returns flowables and takes the build's `Context`. User text
goes through `Context.user` or `markup.user_text`; labels and headings are the
workbook's own words. Tables are `Grid`s: light, splitting inside long rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from .context import Context
from .flowables import AccentRule, Panel, TickBox, WriteLines, keep_with_next
from .grid import Grid, GridLook
from .styles import ACCENT, styles_for
from .textblock import text_flowable

# A worksheet heading needs this many write-in lines of room below it, or it
# starts on the next page (a heading alone at the foot of a page helps no one).
HEADING_ROOM_LINES = 4


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
    """A worksheet heading, with an optional line of help below it."""
    room = HEADING_ROOM_LINES * ctx.styles.metrics.row_height + ctx.styles.h2.leading * 2
    out: list[Flowable] = [CondPageBreak(room), ctx.text(text, ctx.styles.h2)]
    if hint:
        out.append(ctx.text(hint, ctx.styles.small))
        out.append(Spacer(0, 4))
    return out


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
    out.append(Spacer(0, 4))
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
        out.append(Spacer(0, st.metrics.write_spacing))
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
) -> list[Flowable]:
    """A table of the client's records, then `blank_rows` empty rows to write in."""
    st = ctx.styles
    widths = column_widths(ctx, columns, rows, width or ctx.width)
    header = [ctx.text(c.title, st.cell_head) for c in columns]
    styles = [st.cell_strong if c.strong else st.cell for c in columns]
    cells = [[ctx.user(t, s) if t.strip() else None for t, s in zip(row, styles, strict=True)]
             for row in rows]
    grid = Grid(widths, cells, _look(st.large), header=header, blank_rows=max(0, blank_rows),
                blank_height=st.metrics.row_height, blank_cells=blank_cells)
    grid.spaceAfter = 8
    return [grid]


def _longest_word(text: str, font: str, size: float) -> float:
    return max((stringWidth(w, font, size) for w in text.split()), default=0.0)


def column_widths(
    ctx: Context, columns: Sequence[Column], rows: Sequence[Sequence[str]], total: float
) -> list[float]:
    """Widths by weight, widened where a column's longest word would not fit.

    A header like "Relationship" in large print must not break mid-word; the
    room comes from the columns with some to spare. A word longer than a
    third of the table (a pasted link) is left to break.
    """
    st = ctx.styles
    pad = 2 * st.metrics.cell_pad + 1
    weight = sum(c.weight for c in columns)
    widths = [total * c.weight / weight for c in columns]
    needs = []
    for i, column in enumerate(columns):
        need = _longest_word(column.title, st.cell_head.fontName, st.cell_head.fontSize)
        cell = st.cell_strong if column.strong else st.cell
        for row in rows[:50]:  # enough to see the column's kind of content
            text = row[i]
            if text and len(text) < 400 and text.isascii():
                need = max(need, _longest_word(text, cell.fontName, cell.fontSize))
        needs.append(min(need + pad, total / 3))
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
