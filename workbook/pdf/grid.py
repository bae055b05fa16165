"""A light table for worksheets: rows of paragraphs, then empty rows to write in.

ReportLab's Table handles spans, per-cell styles and much more, and pays for
it on every page; worksheets need none of that. `Grid` lays out fixed column
widths, draws light rules, repeats its header on each page, and splits
between rows or, when one row is taller than the room left, inside the row:
each cell's paragraph is split at the same height, so a 20,000-character
answer in a narrow column flows across pages instead of raising LayoutError.
Empty rows are only lines, which is what makes tracker pages cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeAlias

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from . import pen
from .flowables import Panel
from .styles import ACCENT_TINT, BOX_RULE, RULE

Cell: TypeAlias = "Flowable | None"
_HUGE = 1e9
UNCUT_ROW = 180.0  # points; rows up to this tall are never cut across pages
KEEP_ROWS = 6  # a table of this many rows or fewer is never cut across pages
LONE_ROWS = 2  # a cut leaves at least this many data rows on either side


def cell_height(cell: Flowable, width: float) -> float:
    """The cell's height at `width`, wrapping it only the first time (wrapping is costly)."""
    # Keyed by identity too: a split-off paragraph starts as a copy of its parent.
    # A paragraph that refused to split has dropped its layout: wrap it again.
    key = (id(cell), width)
    if getattr(cell, "_grid_key", None) != key or (
        isinstance(cell, Paragraph) and not hasattr(cell, "blPara")
    ):
        cell.wrap(width, _HUGE)
        cell._grid_key = key
    return float(cell.height)


@dataclass(frozen=True)
class GridLook:
    """Padding and colours; `form` draws no grid, only a line under empty answers."""

    pad: float
    rule: Color = RULE
    header_fill: Color = ACCENT_TINT
    header_rule: Color = BOX_RULE
    form: bool = False
    rules: bool = True  # False: no lines at all (side-by-side columns)


class Grid(pen.Direct):
    def __init__(
        self,
        widths: Sequence[float],
        rows: Sequence[Sequence[Cell]],
        look: GridLook,
        *,
        header: Sequence[Cell] | None = None,
        blank_rows: int = 0,
        blank_height: float = 0.0,
        blank_cells: Sequence[Cell] | None = None,
        page_height: float = 0.0,
        carry_blank: bool = False,
        row_height: float = 0.0,
    ) -> None:
        """`page_height` (the frame's) switches on the rules of a table that is
        read as one: a table of at most KEEP_ROWS rows moves whole rather than
        being cut, and a cut never leaves one row alone on either side. Empty
        rows to write in that do not fit at the foot of a page are left off
        (`carry_blank`: carried on, as a tracker's are). `row_height`: the
        least height of a data row."""
        super().__init__()
        self.page_height = page_height
        self.carry_blank = carry_blank
        self.min_row_height = row_height
        self.widths = list(widths)
        self.rows = [list(r) for r in rows]
        self.look = look
        self.header = list(header) if header is not None else None
        self.blank_rows = blank_rows
        self.blank_height = blank_height
        self.blank_cells = list(blank_cells) if blank_cells is not None else None
        self._heights: list[float] = []
        self._header_height = 0.0

    # -- measuring ---------------------------------------------------------
    def _inner(self, column: int) -> float:
        return self.widths[column] - 2 * self.look.pad

    def _row_height(self, cells: Sequence[Cell], minimum: float = 0.0) -> float:
        tallest = 0.0
        for column, cell in enumerate(cells):
            if cell is not None:
                tallest = max(tallest, cell_height(cell, self._inner(column)))
        return max(minimum, tallest + 1.8 * self.look.pad)

    def _measure(self) -> None:
        self._header_height = self._row_height(self.header) if self.header else 0.0
        self._heights = [self._row_height(r, self._min_row()) for r in self.rows]

    def _min_row(self) -> float:
        return self.blank_height if self.look.form else self.min_row_height

    def first_rows_height(
        self, count: int, lines: Callable[[Flowable, float], float] | None = None
    ) -> float:
        """The header and the first `count` rows (data rows, then empty ones).

        With `lines` (a cell's first lines' height at a width), a tall first row
        counts only as tall as the first lines of its cells.
        """
        self._measure()
        data = list(self._heights[:count])
        if lines is not None and data and self.rows:
            first = max((lines(c, self._inner(i)) for i, c in enumerate(self.rows[0])
                         if c is not None), default=0.0) + 1.8 * self.look.pad
            data[0] = min(data[0], first)
        blank = max(0, min(count - len(data), self.blank_rows)) * self.blank_height
        return self._header_height + sum(data) + blank

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._measure()
        self.width = sum(self.widths)
        self.height = (self._header_height + sum(self._heights)
                       + self.blank_rows * self.blank_height)
        return self.width, self.height

    # -- splitting ---------------------------------------------------------
    def _part(self, rows: list[list[Cell]], blank: int) -> Grid:
        return Grid(self.widths, rows, self.look, header=self.header, blank_rows=blank,
                    blank_height=self.blank_height, blank_cells=self.blank_cells,
                    page_height=self.page_height, carry_blank=self.carry_blank,
                    row_height=self.min_row_height)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self._measure()
        total = self._header_height + sum(self._heights) + self.blank_rows * self.blank_height
        if len(self.rows) + self.blank_rows <= KEEP_ROWS and self._may_move(total, avail_height):
            return []  # a short table is read as one: it moves whole
        room = avail_height - self._header_height
        used = 0.0
        count = 0
        for height in self._heights:
            if used + height > room:
                break
            used += height
            count += 1
        if count == len(self.rows):  # every data row fits: what of the empty rows?
            fits = int((room - used) // self.blank_height) if self.blank_height else 0
            if fits >= self.blank_rows or (fits < 1 and count == 0):
                return []
            fits = max(fits, 0)
            if self.carry_blank or not self.page_height:
                return [self._part(self.rows, fits), self._part([], self.blank_rows - fits)]
            # Room to write stays under the rows above it, never alone on a new
            # page: what does not fit is left off, if half of it (or the rows
            # it follows) stays here; otherwise the table moves on.
            if (not count and fits < (self.blank_rows + 1) // 2
                    and self._may_move(self.first_rows_height(LONE_ROWS), avail_height)):
                return []
            return [self._part(self.rows, fits)]
        first = self.rows[:count]
        rest = self.rows[count:]
        # A row of ordinary height moves whole to the next page; only a tall
        # one (a long answer) is cut, so that it starts where there is room.
        cut = None
        if self._heights[count] > UNCUT_ROW:
            cut = self._split_row(rest[0], room - used)
        if cut is not None:
            head = self._part([*first, cut[0]], 0)
            # The cut row must really fit (a form row has a minimum height).
            if head.wrap(avail_width, avail_height)[1] <= avail_height + 1e-6:
                return [head, self._part([cut[1], *rest[1:]], self.blank_rows)]
            _remeasure(rest[0])
        # Never one row alone: at the foot of this page, or at the top of the next.
        if self.page_height and len(rest) < LONE_ROWS and not self.blank_rows:
            back = min(LONE_ROWS - len(rest), len(first) - LONE_ROWS)
            if back > 0:
                first, rest = first[:-back], [*first[-back:], *rest]
        if (self.page_height and len(first) < min(LONE_ROWS, len(self.rows))
                and self._may_move(self.first_rows_height(LONE_ROWS), avail_height)):
            return []
        if not first:
            # Nothing fits whole. Where moving on cannot help (a fresh page),
            # the first row is cut however its cells allow, so layout goes on.
            if cut is None and self._at_top(avail_height):
                forced = self._split_row(rest[0], room - used, force=True)
                if forced is not None:
                    # Every cell may have fitted once shrunk: then nothing is carried.
                    carried = [] if all(c is None for c in forced[1]) else [forced[1]]
                    return [self._part([forced[0]], 0),
                            self._part([*carried, *rest[1:]], self.blank_rows)]
            return []
        return [self._part(first, 0), self._part(rest, self.blank_rows)]

    def _at_top(self, avail_height: float) -> bool:
        """Whether this is the top of a page, where moving on cannot help. A grid
        that was not told the page height (side-by-side columns) asks its frame."""
        if self.page_height:
            return not self._may_move(0.0, avail_height)
        return bool(getattr(getattr(self, "_frame", None), "_atTop", False))

    def _may_move(self, needed: float, avail_height: float) -> bool:
        """Whether moving to the next page helps: `needed` fits a fresh page, and
        this one is not fresh (a frame's height is all the room there is)."""
        page = self.page_height
        return bool(page) and needed <= 0.9 * page and avail_height < 0.9 * page

    def _split_row(self, row: list[Cell], room: float,
                   force: bool = False) -> tuple[list[Cell], list[Cell]] | None:
        """A row cut at `room` points: what fits, and the rest (None if nothing fits)."""
        inner_room = room - 1.8 * self.look.pad
        if inner_room <= 0:
            return None
        top: list[Cell] = []
        bottom: list[Cell] = []
        moved = False
        for column, cell in enumerate(row):
            if cell is None:
                top.append(None)
                bottom.append(None)
                continue
            width = self._inner(column)
            height = cell_height(cell, width)
            if height <= inner_room:
                top.append(cell)
                bottom.append(None)
                continue
            # At the top of a page a panel's keep rules cannot be met by moving
            # on: it is told so, as an outer panel tells an inner one.
            parts = (cell.split(width, inner_room, force=True)
                     if force and isinstance(cell, Panel) else cell.split(width, inner_room))
            # A split attempt may leave the cell's own layout stale (a paragraph
            # that refuses drops it): measure it afresh before it is drawn.
            cell._grid_key = None
            if (force and len(parts) == 1
                    and cell_height(parts[0], width) <= inner_room + 1e-6):
                # Shrunk to what fits (its optional room to write left off).
                top.append(parts[0])
                bottom.append(None)
                moved = True
                continue
            if len(parts) < 2:
                if force:  # at the top of a page: this cell starts on the next one
                    top.append(None)
                    bottom.append(cell)
                    continue
                # This cell cannot give up even one line here: cutting the row
                # would leave the other cells' first lines alone at the foot
                # of the page, away from what they belong to. Move the row.
                _remeasure(row)
                return None
            top.append(parts[0])
            bottom.append(parts[1] if len(parts) == 2 else _Stack(parts[1:]))
            moved = True
        if not moved:
            return None
        return top, bottom

    # -- drawing -----------------------------------------------------------
    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        look = self.look
        width = self.width
        right = x + width
        top = y + self.height
        edges = [x]
        for w in self.widths:
            edges.append(edges[-1] + w)
        if not look.rules:
            for row, height in zip(self.rows, self._heights, strict=True):
                top -= height
                self._draw_cells(canv, row, edges, top, height)
            return
        if self.header:
            bottom = top - self._header_height
            pen.fill(canv, look.header_fill)
            canv.rect(x, bottom, width, self._header_height, stroke=0, fill=1)
            pen.stroke(canv, look.header_rule)
            pen.line_width(canv, 0.8)
            pen.rules(canv, [(x, top, right, top), (x, bottom, right, bottom)])
            self._draw_cells(canv, self.header, edges, bottom, self._header_height)
            pen.stroke(canv, look.rule)
            pen.line_width(canv, 0.5)
            pen.rules(canv, [(e, bottom, e, top) for e in edges[1:-1]])
            top = bottom
        # The rules of the body go down as one path once its cells are drawn
        # (no rule crosses a cell's text, so the order is not seen).
        segments: list[pen.Segment] = []
        form_start = edges[-2] + look.pad
        y_row = top
        for row, height in zip(self.rows, self._heights, strict=True):
            y_row -= height
            self._draw_cells(canv, row, edges, y_row, height)
            if not look.form:
                segments.append((x, y_row, right, y_row))
            elif row[-1] is None:
                segments.append((form_start, y_row + 1, right, y_row + 1))
        for _ in range(self.blank_rows):
            y_row -= self.blank_height
            if self.blank_cells:
                self._draw_cells(canv, self.blank_cells, edges, y_row, self.blank_height,
                                 middle=True)
            if look.form:
                segments.append((form_start, y_row + 1, right, y_row + 1))
            else:
                segments.append((x, y_row, right, y_row))
        if not look.form:
            segments += [(e, y_row, e, top) for e in edges[1:-1]]
        pen.stroke(canv, look.rule)
        pen.line_width(canv, 0.5)
        pen.rules(canv, segments)

    def _draw_cells(
        self, canv: Canvas, cells: Sequence[Cell], edges: list[float], y: float, height: float,
        middle: bool = False,
    ) -> None:
        pad = self.look.pad
        for column, cell in enumerate(cells):
            if cell is None:
                continue
            h = cell_height(cell, self._inner(column))
            if middle:
                cell_y = y + (height - h) / 2
            elif self.look.form and cells[-1] is None:  # label sits on the write-in line
                cell_y = y + 0.6 * pad
            else:
                cell_y = y + height - 0.8 * pad - h
            cell.drawOn(canv, edges[column] + pad, cell_y)


def _remeasure(row: Sequence[Cell]) -> None:
    """Forget the cells' cached sizes: a split attempt may have spoilt their layout."""
    for cell in row:
        if cell is not None:
            cell._grid_key = None


class _Stack(pen.Direct):
    """Several split-off pieces of one cell, stacked (rare: a split in three)."""

    def __init__(self, parts: Sequence[Flowable]) -> None:
        super().__init__()
        self.parts = list(parts)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = sum(cell_height(p, avail_width) for p in self.parts)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        head = self.parts[0]
        cell_height(head, avail_width)
        pieces = head.split(avail_width, avail_height)
        if len(pieces) < 2:
            return []
        return [pieces[0], _Stack([*pieces[1:], *self.parts[1:]])]

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        top = y + self.height
        for part in self.parts:
            top -= cell_height(part, self.width)
            part.drawOn(canv, x, top)
