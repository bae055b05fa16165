"""The workbook's own small flowables: lines to write on, tick boxes, panels.

Each is a tiny wrap/split/draw trio. All of them split across pages, so no
amount of text or number of lines can raise ReportLab's LayoutError.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph

from . import pen
from .styles import ACCENT, BOX_RULE, WRITE_LINE

MOVE_LINES = 12  # lines to write on that always stay where they are when this many fit
# Lines to write on: dark and thick enough to survive a photocopy.
WRITE_LINE_WIDTH = 0.75


class WriteLines(pen.Direct):
    """`count` light ruled lines to write on, `spacing` apart.

    `optional` lines are extra room after an answer: at the foot of a page
    they shrink to what fits rather than start the next page with a stray line.
    """

    def __init__(
        self, count: int, spacing: float, indent: float = 0.0, optional: bool = False
    ) -> None:
        super().__init__()
        self.count = max(0, count)
        self.spacing = spacing
        self.indent = indent
        self.optional = optional

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.count * self.spacing
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fits = int(avail_height // self.spacing)
        if self.optional:
            return [WriteLines(min(max(fits, 0), self.count), self.spacing, self.indent, True)]
        # Room to write is never carried over to a page of its own (a page of a
        # few stray lines): at the foot of a page the lines shrink to what fits,
        # as long as at least half of them stay; otherwise they move whole.
        # (A dozen lines always stay: more than half a page of them never moves.)
        if fits >= self.count or fits < min(max(1, (self.count + 1) // 2), MOVE_LINES):
            return []
        return [WriteLines(fits, self.spacing, self.indent)]

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        pen.stroke(canv, WRITE_LINE)
        pen.line_width(canv, WRITE_LINE_WIDTH)
        top = y + self.height + 1
        start, end = x + self.indent, x + self.width
        pen.rules(canv, [(start, top - i * self.spacing, end, top - i * self.spacing)
                         for i in range(1, self.count + 1)])


class FillLines(WriteLines):
    """Lines to write on down to the foot of the page (at least `minimum`)."""

    def __init__(self, minimum: int, spacing: float, maximum: int = 60) -> None:
        super().__init__(minimum, spacing)
        self.minimum = minimum
        self.maximum = maximum

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        fits = int((avail_height - 1) // self.spacing)
        # Too little room left: ask for `minimum` lines so the frame moves on.
        self.count = min(self.maximum, fits) if fits >= self.minimum else self.minimum
        return super().wrap(avail_width, avail_height)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []


class TickBox(pen.Direct):
    """A tick box followed by a paragraph (a choice to tick by hand or printed ticked)."""

    def __init__(self, paragraph: Paragraph, side: float, ticked: bool = False) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.side = side
        self.ticked = ticked
        self.gap = side * 0.9

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, height = self.paragraph.wrap(avail_width - self.side - self.gap, avail_height)
        self.width = avail_width
        self.height = max(height, self.side + 2)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = self.paragraph.split(avail_width - self.side - self.gap, avail_height)
        if len(parts) < 2:
            return []
        return [TickBox(parts[0], self.side, self.ticked), *parts[1:]]

    def getSpaceAfter(self) -> float:
        return float(self.paragraph.getSpaceAfter())

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        style = self.paragraph.style
        # Put the box on the first line of text, centred on its x-height.
        first_baseline = y + self.height - style.fontSize
        box = first_baseline + style.fontSize * 0.35 - self.side / 2
        pen.stroke(canv, ACCENT)
        pen.line_width(canv, 0.9)
        canv.rect(x, box, self.side, self.side, stroke=1, fill=0)
        if self.ticked:
            pen.line_width(canv, 1.6)
            s = self.side
            path = canv.beginPath()
            path.moveTo(x + 0.2 * s, box + 0.5 * s)
            path.lineTo(x + 0.42 * s, box + 0.22 * s)
            path.lineTo(x + 0.85 * s, box + 0.85 * s)
            canv.drawPath(path, stroke=1, fill=0)
        self.paragraph.drawOn(canv, x + self.side + self.gap,
                              y + self.height - self.paragraph.height)


class Panel(pen.Direct):
    """Flowables inside a softly framed box; splits across pages like a frame would.

    A panel cut by a page break is drawn open at the cut (no bottom or top
    rule there), so it reads as one box continued.

    `keep_first` leading items (a heading and its hint) never end a page
    alone: at least two lines of what follows stay with them (or all of it,
    when it is shorter). A panel no taller than `keep_below` is never
    cut: it moves to the next page whole.
    """

    def __init__(
        self,
        content: Sequence[Flowable],
        padding: float,
        background: Color | None = None,
        border: Color | None = BOX_RULE,
        open_top: bool = False,
        open_bottom: bool = False,
        keep_first: int = 0,
        keep_below: float = 0.0,
        cuts: Sequence[int] | None = None,
        continued: Flowable | None = None,
        min_rest: float = 0.0,
    ) -> None:
        super().__init__()
        self.min_rest = min_rest
        self.content = list(content)
        self.keep_first = int(keep_first)
        self.cuts = None if cuts is None else sorted(cuts)
        self.continued = continued
        self.keep_below = keep_below
        self.padding = padding
        self.background = background
        self.border = border
        self.open_top = open_top
        self.open_bottom = open_bottom
        self._placed: list[tuple[Flowable, float, float]] = []

    def _inner(self, avail_width: float) -> float:
        return avail_width - 2 * self.padding

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        inner = self._inner(avail_width)
        y = 0.0
        placed: list[tuple[Flowable, float, float]] = []
        previous_after = 0.0
        for i, flowable in enumerate(self.content):
            _, height = flowable.wrap(inner, 1e9)
            before = 0.0 if i == 0 else max(previous_after, flowable.getSpaceBefore())
            y += before
            placed.append((flowable, y, height))
            y += height
            previous_after = flowable.getSpaceAfter()
        self._placed = placed
        self.width = avail_width
        self.height = y + 2 * self.padding
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float, *,
              force: bool = False) -> list[Flowable]:
        """Cut where it fits; `force` cuts even against the keep rules (see below)."""
        inner = self._inner(avail_width)
        room = avail_height - 2 * self.padding
        if room <= 0:
            return []
        # At the top of a page moving on would not help: cut wherever it fits.
        # A panel inside a panel never sees the frame, so the outer one passes
        # that on (`force`) when the inner one refusing would leave it nothing
        # to print, or only its heading: a heading with a page-long name under
        # it must still be cut, or ReportLab raises LayoutError.
        at_top = force or bool(getattr(getattr(self, "_frame", None), "_atTop", False))
        if self.cuts is not None and not at_top:
            return self._split_at_cuts(inner, room)
        if not at_top and self.keep_below and self.wrap(avail_width, 1e9)[1] <= self.keep_below:
            return []
        first: list[Flowable] = []
        y = 0.0
        previous_after = 0.0
        lead_height = 0.0
        for i, flowable in enumerate(self.content):
            _, height = flowable.wrap(inner, room)
            before = 0.0 if i == 0 else max(previous_after, flowable.getSpaceBefore())
            if y + before + height <= room:
                first.append(flowable)
                y += before + height
                if i < self.keep_first:
                    lead_height = y
                previous_after = flowable.getSpaceAfter()
                continue
            left = room - y - before
            parts = flowable.split(inner, left) if left > 0 else []
            if not parts and left > 0 and at_top and isinstance(flowable, Panel) \
                    and len(first) <= self.keep_first:
                parts = flowable.split(inner, left, force=True)
            rest = self.content[i + 1 :]
            if parts:  # cut in two, or shrunk to what fits (room to write)
                first.append(parts[0])
                y += before + parts[0].wrap(inner, room)[1]
                rest = [*parts[1:], *rest]
            else:
                rest = [flowable, *rest]
            if all(isinstance(f, Gap) for f in first) or not (
                    at_top or self._enough_follows(first, y - lead_height, inner)):
                return []  # nothing fits, or a heading would stand (nearly) alone
            if all(isinstance(f, Gap) for f in rest):  # only space left: nothing to carry
                return [self._part(first, self.open_top, self.open_bottom)]
            if self.min_rest and not at_top:
                moved = self._no_short_rest(first, rest, i, inner)
                if moved is not None:
                    # Items moved back to the next page: nothing else goes on this one.
                    return [self._part(moved[0], self.open_top, True), PageBreak(),
                            self._part(moved[1], True, self.open_bottom)]
            return [
                self._part(first, self.open_top, True),
                self._part(rest, True, self.open_bottom),
            ]
        return []

    def _no_short_rest(self, first: list[Flowable], rest: list[Flowable], at: int,
                       inner: float) -> tuple[list[Flowable], list[Flowable]] | None:
        """A cut that carries at least `min_rest` points over, moving whole items to
        the next page, so that the end of a part never makes a page of a few lines
        (None: the cut as it is carries enough, or no earlier cut would)."""
        def height(items: Sequence[Flowable]) -> float:
            return float(sum(f.wrap(inner, 1e9)[1] for f in items))

        if height(rest) >= self.min_rest:
            return None
        for cut in range(min(at, len(self.content) - 1), self.keep_first, -1):
            if height(self.content[cut:]) >= self.min_rest:
                return list(self.content[:cut]), list(self.content[cut:])
        return None

    def _split_at_cuts(self, inner: float, room: float) -> list[Flowable]:
        """Cut before the last allowed index whose content fits; else move on whole."""
        assert self.cuts is not None
        y = 0.0
        previous_after = 0.0
        heights: list[float] = []  # height of content[:i] for each i
        for i, flowable in enumerate(self.content):
            _, height = flowable.wrap(inner, room)
            y += (0.0 if i == 0 else max(previous_after, flowable.getSpaceBefore())) + height
            previous_after = flowable.getSpaceAfter()
            heights.append(y)
        fitting = [c for c in self.cuts if 0 < c < len(self.content) and heights[c - 1] <= room]
        if not fitting:
            return []
        cut = fitting[-1]
        rest = self.content[cut:]
        if self.continued is not None:
            rest = [self.continued, *rest]
        first = Panel(self.content[:cut], self.padding, self.background, self.border,
                      self.open_top, True)
        second = Panel(rest, self.padding, self.background, self.border, True, self.open_bottom,
                       cuts=[c - cut + (1 if self.continued is not None else 0)
                             for c in self.cuts if c > cut],
                       continued=self.continued)
        return [first, second]

    def _enough_follows(self, first: list[Flowable], followed: float, inner: float) -> bool:
        """Whether what stays on this page after the leading items is enough."""
        if not self.keep_first:
            return True
        if len(first) <= self.keep_first:
            return False
        after = self.content[self.keep_first :]
        total = float(sum(f.wrap(inner, 1e9)[1] for f in after))
        return bool(followed >= min(follow_room(after[0], inner), total) - 1e-6)

    def _part(self, content: list[Flowable], open_top: bool, open_bottom: bool) -> Panel:
        return Panel(content, self.padding, self.background, self.border, open_top, open_bottom)

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        width, height = self.width, self.height
        right, top = x + width, y + height
        if self.background is not None:
            pen.fill(canv, self.background)
            canv.rect(x, y, width, height, stroke=0, fill=1)
        if self.border is not None:
            pen.stroke(canv, self.border)
            pen.line_width(canv, 1)
            sides = [(x, y, x, top), (right, y, right, top)]
            if not self.open_top:
                sides.append((x, top, right, top))
            if not self.open_bottom:
                sides.append((x, y, right, y))
            pen.rules(canv, sides)
        inner_top = top - self.padding
        for flowable, at, h in self._placed:
            flowable.drawOn(canv, x + self.padding, inner_top - at - h)


# A heading or label keeps at least this many lines of what follows on its page.
FOLLOW_LINES = 2


def follow_room(flowable: Flowable, width: float) -> float:
    """The height of about FOLLOW_LINES lines of `flowable` (what a heading keeps with it)."""
    style = getattr(flowable, "style", None)
    if style is not None:
        return float(FOLLOW_LINES * style.leading)
    spacing = getattr(flowable, "spacing", None)
    if spacing is not None:
        return float(FOLLOW_LINES * spacing)
    first_rows = getattr(flowable, "first_rows_height", None)
    if first_rows is not None:  # a table: its header and two lines of its first row
        return float(first_rows(FOLLOW_LINES - 1, follow_room))
    if isinstance(flowable, Panel) and flowable.content:
        lead = flowable.keep_first
        inner = width - 2 * flowable.padding
        if lead and len(flowable.content) > lead:
            lead_height = float(sum(f.wrap(inner, 1e9)[1] for f in flowable.content[:lead]))
            return lead_height + follow_room(flowable.content[lead], inner)
        return follow_room(flowable.content[0], inner)
    return float(flowable.wrap(width, 1e9)[1])


def keep_with_next(label: Flowable, following: Sequence[Flowable], lead: int = 1) -> Panel:
    """`label` and what follows it, never parted by a page break right after the label.

    The first `lead` items (a heading, its hint) stay with at least two lines
    of what follows. Cheaper than ReportLab's keepWithNext, which wraps the
    pair in a KeepTogether that copies the whole frame each time it is measured.
    """
    panel = Panel([label, *following], 0.0, border=None, keep_first=lead)
    panel.spaceBefore = label.getSpaceBefore()
    return panel


class AccentRule(pen.Direct):
    """A short thick rule in the accent colour under a section title."""

    def __init__(self, length: float = 48.0, thickness: float = 3.0, space: float = 10.0) -> None:
        super().__init__()
        self.length = length
        self.thickness = thickness
        self.space = space

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, self.thickness + self.space

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        pen.fill(canv, ACCENT)
        canv.rect(x, y + self.space, self.length, self.thickness, stroke=0, fill=1)


class Scale(pen.Direct):
    """Numbers spread evenly across a cell, to circle by hand ("1  2  3  4  5")."""

    def __init__(self, count: int, font: str, size: float, colour: Color) -> None:
        super().__init__()
        self.count = count
        self.font = font
        self.size = size
        self.colour = colour

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.size * 1.2
        return self.width, self.height

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        pen.fill(canv, self.colour)
        step = self.width / self.count
        width = getFont(self.font).stringWidth
        baseline = y + self.size * 0.25
        numbers = [str(i + 1) for i in range(self.count)]
        pen.text(canv, [(x + step * (i + 0.5) - 0.5 * width(n, self.size), baseline, n)
                        for i, n in enumerate(numbers)], self.font, self.size, self.size * 1.2)


class MarkedLines(WriteLines):
    """Lines to write on with a bullet, or numbers from `start`, hanging like a list's."""

    def __init__(self, count: int, spacing: float, style: ParagraphStyle, *,
                 start: int | None = None, optional: bool = False) -> None:
        super().__init__(count, spacing, float(style.leftIndent), optional)
        self.style = style
        self.start = start

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = super().split(avail_width, avail_height)
        return [MarkedLines(p.count, self.spacing, self.style, start=self.start,
                            optional=self.optional) for p in parts]

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        super().draw_at(canv, x, y)
        style = self.style
        pen.fill(canv, style.bulletColor)
        left = x + float(style.bulletIndent)
        top = y + self.height + 4
        marks = [(left, top - (i + 1) * self.spacing,
                  "•" if self.start is None else f"{self.start + i}.") for i in range(self.count)]
        pen.text(canv, marks, style.bulletFontName, style.bulletFontSize, self.spacing)


class FitPage(pen.Direct):
    """The same content at several type sizes: the largest that fits `pages` pages.

    Each try builds the flowables at one size, largest first. A try is measured
    by cutting it as the frames would (the first page `avail_height` tall, the
    next ones `next_height`). When even the last try needs more pages, its
    flowables flow on as any others do.
    """

    def __init__(self, tries: Sequence[Callable[[], list[Flowable]]], *, pages: int = 1,
                 next_height: float | None = None) -> None:
        super().__init__()
        self.tries = list(tries)
        self.pages = pages
        self.next_height = next_height
        self._key: tuple[float, float] | None = None
        self._chosen: list[Flowable] = []
        self._stack: Panel | None = None
        self.chosen_try = -1

    def _choose(self, avail_width: float, avail_height: float) -> None:
        if self._key == (avail_width, avail_height):
            return
        self._key = (avail_width, avail_height)
        for index, build in enumerate(self.tries):
            flowables = build()
            self._chosen, self.chosen_try = flowables, index
            if pages_needed(flowables, avail_width, avail_height,
                            self.next_height or avail_height, self.pages) <= self.pages:
                return

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._choose(avail_width, avail_height)
        self._stack = Panel(self._chosen, 0.0, border=None)
        self.width, self.height = self._stack.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self._choose(avail_width, avail_height)
        return list(self._chosen)

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        assert self._stack is not None
        self._stack.drawOn(canv, x, y)


def pages_needed(flowables: Sequence[Flowable], width: float, first: float, rest: float,
                 most: int) -> int:
    """How many frames `flowables` fill (counted up to `most` + 1)."""
    content: Flowable = Panel(list(flowables), 0.0, border=None)
    height = first
    for pages in range(1, most + 2):
        if content.wrap(width, height)[1] <= height + 1e-6:
            return pages
        parts = content.split(width, height)
        if len(parts) < 2:
            return most + 1
        content = parts[1]
        height = rest
    return most + 1


class OnEvenPage(pen.Direct):
    """Makes what follows start on an even (left-hand) page.

    On an odd page it fills the page with lines for notes under `title`; on an
    even page it takes no room at all. Put it right after a page break.
    """

    def __init__(self, title: str, style: ParagraphStyle, spacing: float) -> None:
        super().__init__()
        self.title = title
        self.style = style
        self.spacing = spacing
        self._fill = False

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        canv = getattr(self, "canv", None)
        self._fill = canv is not None and canv.getPageNumber() % 2 == 1
        self.width = avail_width
        self.height = avail_height if self._fill else 0.0
        return self.width, self.height

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        if not self._fill:
            return
        style = self.style
        pen.fill(canv, style.textColor)
        top = self.height - style.fontSize
        pen.text(canv, [(x, y + top, self.title)], style.fontName, style.fontSize,
                 style.fontSize * 1.2)
        lines_top = top - style.leading
        count = int((lines_top - 4) // self.spacing)
        pen.stroke(canv, WRITE_LINE)
        pen.line_width(canv, WRITE_LINE_WIDTH)
        pen.rules(canv, [(x, y + lines_top - i * self.spacing, x + self.width,
                          y + lines_top - i * self.spacing) for i in range(1, count + 1)])


class Gap(pen.Direct):
    """Space between two blocks that shrinks to what is left at the foot of a page,
    so that it never starts a page of its own (a Spacer would move on whole)."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.gap = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = max(0.0, min(self.gap, avail_height))
        return self.width, self.height

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        pass  # space only
