"""Page numbers before they are known: the contents page and "turn to page N".

The layout runs once. A `Marker` at the start of each part tells the canvas
which page the part starts on; the contents page and page references leave
room for their numbers (a number's width never changes the layout) and draw
them when the document is saved (`FooterCanvas.draw_late`), when every page
is known. This costs nothing, where a second layout pass would double the
build time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from .canvas_text import draw_line, prepare
from .markup import text_width
from .styles import ACCENT, INK, RULE

WIDEST_NUMBER = "888"  # room kept for any page number


class Marker(Flowable):  # type: ignore[misc]
    """Takes no room; tells the canvas that `name` starts on this page."""

    _ZEROSIZE = True

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        mark = getattr(self.canv, "mark", None)
        if mark is not None:
            mark(self.name)


def _late(canv: Canvas, drawing: object) -> bool:
    draw_late = getattr(canv, "draw_late", None)
    if draw_late is None:
        return False
    draw_late(drawing)
    return True


@dataclass(frozen=True)
class Entry:
    """One line of the contents: "Part 7", "My crisis plan", the marker of its page."""

    kicker: str
    title: str
    marker: str
    strong: bool = False


class Contents(Flowable):  # type: ignore[misc]
    """The contents: each part's title, a dotted leader, and its page number."""

    def __init__(self, entries: Sequence[Entry], style: ParagraphStyle, kicker_width: float,
                 row: float) -> None:
        super().__init__()
        self.entries = list(entries)
        self.style = style
        self.kicker_width = kicker_width
        self.row = row

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.row * len(self.entries)
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        size = self.style.fontSize
        number_room = text_width(WIDEST_NUMBER, size, True)
        places: list[tuple[str, float, float, bool]] = []
        y = self.height
        for entry in self.entries:
            y -= self.row
            baseline = y + (self.row - size) / 2 + 0.2 * size
            colour = ACCENT if entry.strong else INK
            canv.setFillColor(ACCENT)
            if entry.kicker:
                draw_line(canv, 0, baseline, prepare(entry.kicker, size, bold=True))
            canv.setFillColor(colour)
            line = prepare(entry.title, size, bold=entry.strong)
            draw_line(canv, self.kicker_width, baseline, line)
            start = self.kicker_width + line.width + 6
            end = self.width - number_room - 6
            if end > start:
                canv.saveState()
                canv.setStrokeColor(RULE)
                canv.setDash([0.8, 3.2])
                canv.setLineWidth(1)
                canv.line(start, baseline, end, baseline)
                canv.restoreState()
            x, abs_y = canv.absolutePosition(self.width, baseline)
            places.append((entry.marker, x, abs_y, entry.strong))
        _late(canv, _PageNumbers(tuple(places), size))


@dataclass(frozen=True)
class _PageNumbers:
    places: tuple[tuple[str, float, float, bool], ...]  # marker, right edge, baseline, bold
    size: float

    def __call__(self, canv: Canvas, markers: dict[str, int]) -> None:
        for marker, x, y, bold in self.places:
            page = markers.get(marker)
            if page is None:
                continue
            canv.setFillColor(ACCENT if bold else INK)
            draw_line(canv, x, y, prepare(str(page), self.size, bold=True), align="right")


class PageReference(Flowable):  # type: ignore[misc]
    """One line saying where something is: "... on page {page}." with the number filled
    in once the layout is done (the number is drawn last, with what follows it)."""

    def __init__(self, message: str, marker: str, style: ParagraphStyle) -> None:
        super().__init__()
        before, _, after = message.partition("{page}")
        self.before = before
        self.after = after
        self.marker = marker
        self.style = style

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = float(self.style.leading)
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        size = self.style.fontSize
        bold = self.style.fontName.endswith("Bold") or "bold" in self.style.fontName.lower()
        baseline = self.height - size
        canv.setFillColor(self.style.textColor)
        before = prepare(self.before, size, bold=bold)
        draw_line(canv, 0, baseline, before)
        x, y = canv.absolutePosition(before.width, baseline)
        _late(canv, _Reference(self.marker, self.after, x, y, size, bold,
                               self.style.textColor))


@dataclass(frozen=True)
class _Reference:
    marker: str
    after: str
    x: float
    y: float
    size: float
    bold: bool
    colour: object

    def __call__(self, canv: Canvas, markers: dict[str, int]) -> None:
        page = markers.get(self.marker)
        if page is None:
            return
        canv.setFillColor(self.colour)
        draw_line(canv, self.x, self.y, prepare(f"{page}{self.after}", self.size, bold=self.bold))
