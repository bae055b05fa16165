"""Page numbers before they are known: the contents page and "turn to page N".

The layout runs once. A `Marker` at the start of each part tells the canvas
which page the part starts on; the contents page and page references leave
room for their numbers (a number's width never changes the layout) and place
a form there whose drawing is made when the document is saved
(`FooterCanvas.draw_late`), when every page is known. This costs nothing,
where a second layout pass would double the build time.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from . import pen
from .canvas_text import Align, draw_line, prepare
from .markup import text_width
from .styles import ACCENT, INK, RULE

WIDEST_NUMBER = "888"  # room kept for any page number
# The marker of the page the workbook refers to in a crisis (and the wallet card).
CRISIS_PLAN = "crisis_plan"


class Marker(pen.Direct):
    """Takes no room; tells the canvas that `name` starts on this page."""

    _ZEROSIZE = True

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        mark = getattr(canv, "mark", None)
        if mark is not None:
            mark(self.name)


def _late(canv: Canvas, name: str, drawing: object) -> bool:
    """Place a drawing made at save time here (False: this canvas cannot)."""
    draw_late = getattr(canv, "draw_late", None)
    if draw_late is None:
        return False
    draw_late(name, drawing)
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
            canv.saveState()
            canv.translate(self.width, baseline)
            _late(canv, f"contents-{entry.marker}",
                  _PageNumber(entry.marker, "", size, True, ACCENT if entry.strong else INK,
                              "right"))
            canv.restoreState()


@dataclass(frozen=True)
class _PageNumber:
    """A marker's page number (and what follows it), drawn at the form's origin."""

    marker: str
    after: str
    size: float
    bold: bool
    colour: Color
    align: Align = "left"

    def __call__(self, canv: Canvas, markers: dict[str, int]) -> None:
        page = markers.get(self.marker)
        if page is None:
            return
        canv.setFillColor(self.colour)
        draw_line(canv, 0, 0, prepare(f"{page}{self.after}", self.size, bold=self.bold),
                  align=self.align)


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
        size = self.style.fontSize
        bold = self.style.fontName.endswith("Bold") or "bold" in self.style.fontName.lower()
        draw_page_reference(self.canv, 0, self.height - size, f"{self.before}{{page}}{self.after}",
                            self.marker, size, bold=bold, colour=self.style.textColor)


def draw_page_reference(canv: Canvas, x: float, baseline: float, message: str, marker: str,
                        size: float, *, bold: bool = False, colour: Color = INK,
                        without_page: str | None = None) -> None:
    """`message` ("... page {page}") at (x, baseline), its page number filled in when
    the document is saved. On a canvas that cannot (a PDF of only the cards, with no
    workbook pages), `without_page` is drawn instead when given."""
    before, _, after = message.partition("{page}")
    canv.setFillColor(colour)
    if getattr(canv, "draw_late", None) is None and without_page is not None:
        draw_line(canv, x, baseline, prepare(without_page, size, bold=bold))
        return
    line = prepare(before, size, bold=bold)
    draw_line(canv, x, baseline, line)
    canv.saveState()
    canv.translate(x + line.width, baseline)
    # The same words and look make the same form: one name per marker, wording and look.
    look = f"{after}|{size:g}|{bold}|{colour.hexval()}"
    _late(canv, f"reference-{marker}-{zlib.crc32(look.encode()):08x}",
          _PageNumber(marker, after, size, bold, colour))
    canv.restoreState()
