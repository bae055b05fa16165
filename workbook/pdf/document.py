"""The page set-up of every workbook PDF: paper, margins, page templates, footer.

Page templates:

- ``cover``: the first page; a content frame and a frame at the foot of the
  page for the facility. Followed automatically by ``body``.
- ``body``: margins and the running footer (client's name or initials,
  facility, "Page N of M").
- ``continued``: like ``body``, with a heading at the top of the page saying
  what it continues (the crisis plan, when it is larger than its page).
- ``fullpage``: one frame that is the whole page, no padding and no footer;
  a flowable drawn there has (0, 0) at the page's bottom-left corner (card
  sheets use it).

"Page N of M" needs the page count before the footers are drawn; the
`FooterCanvas` keeps each finished page aside and draws the footers when the
document is saved, so the layout runs only once.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ..geometry import PAGE_SIZES as SHEET_SIZES
from ..plan import Paper
from . import pen
from .canvas_text import Line, draw_line, fit_text, prepare
from .fonts import BODY, register_fonts
from .markup import text_width
from .metadata import DocumentInfo, apply_info, document_settings
from .styles import ACCENT, ACCENT_SOFT, ACCENT_TINT, INK, MUTED, RULE, styles_for
from .writer import use as use_fast_writer

# Not ASCII85-encoding streams makes files smaller and builds faster; every
# PDF reader handles the binary streams.
rl_config.useA85 = 0

# ReportLab takes a page size as a (width, height) tuple; the sizes are geometry's.
PAGE_SIZES: dict[Paper, tuple[float, float]] = {
    paper: (SHEET_SIZES[paper].width, SHEET_SIZES[paper].height) for paper in Paper
}

MARGIN_X = 0.75 * inch
MARGIN_TOP = 0.7 * inch
MARGIN_BOTTOM = 0.85 * inch  # room for the footer
FOOTER_Y = 0.45 * inch
COVER_FOOT = 2.1 * inch  # height of the facility frame at the foot of the cover
COVER_BAND_SHARE = 0.36  # the tinted band across the top of the cover

@dataclass(frozen=True)
class Footer:
    """What the running footer says; `left` is the client's name or initials.

    `continued` heads a page of the ``continued`` template ("My crisis plan,
    continued").
    """

    left: str
    centre: str
    large_print: bool
    page: str  # "Page {number} of {total}", in the workbook's language
    continued: str = ""


def continued_size(large_print: bool) -> float:
    """Type size of the heading of a continued page (body size at least)."""
    return 16.0 if large_print else 11.0


def continued_room(large_print: bool) -> float:
    """The height the heading of a continued page takes from the frame."""
    return 2.2 * continued_size(large_print)


# A drawing made when the document is saved: (canvas, page of each marker).
LateDrawing = Callable[[Canvas, dict[str, int]], None]


class FooterCanvas(Canvas):  # type: ignore[misc]
    """A canvas that draws "Page N of M" footers once the page count is known."""

    def __init__(self, *args: Any, footer: Footer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        use_fast_writer(self)
        self._footer = footer
        self._pages: list[dict[str, Any]] = []
        self.wants_footer = False
        self.final_page_count = 0
        # Pages of named places (a part's start), and drawings that need them.
        self.markers: dict[str, int] = {}
        self._late: dict[str, LateDrawing] = {}

    def mark(self, name: str) -> None:
        """Remember that `name` is on the current page (the first time only)."""
        self.markers.setdefault(name, self.getPageNumber())

    def draw_late(self, name: str, drawing: LateDrawing) -> None:
        """Place here a drawing made once every page is laid out (a page number).

        The drawing is a form XObject, defined when the document is saved and
        used here: it sits in the page's content in reading order, so text
        extraction and screen readers find "page 19" where it is printed.
        `drawing` draws with this point as its origin.
        """
        self._late.setdefault(name, drawing)
        self.doForm(name)

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()
        self.wants_footer = False

    def save(self) -> None:
        width, height = self._pagesize
        for name, drawing in self._late.items():
            # The form's box reaches left of and below its origin: a number
            # drawn right-aligned at the origin (the contents page) lies at
            # negative x, and a box starting at 0 would clip it away unseen.
            self.beginForm(name, lowerx=-width, lowery=-height, upperx=width, uppery=height)
            drawing(self, self.markers)
            self.endForm()
        pages = self._pages
        total = len(pages)
        lines = self._footer_lines(total)
        frame: tuple[str, str] | None = None
        for number, state in enumerate(pages, start=1):
            self.__dict__.update(state)
            if state["wants_footer"]:
                if frame is None:
                    frame = self._first_footer(number, total, lines)
                else:
                    self._draw_footer(number, total, lines[0].size, frame)
            Canvas.showPage(self)
        self._pages = []
        self.final_page_count = total
        Canvas.save(self)

    def _footer_lines(self, total: int) -> tuple[Line, Line]:
        """The name and facility lines, fitted once per document beside the widest number."""
        footer = self._footer
        size = styles_for(footer.large_print).metrics.footer_size
        usable = self._pagesize[0] - 2 * MARGIN_X
        widest = text_width(footer.page.format(number=total, total=total), size)
        # Name on the left, facility in the middle: each gets what is left.
        room = (usable - widest) / 2 - 12
        left_room = room if footer.centre else usable - widest - 18
        return (
            prepare(fit_text(footer.left, size, left_room, bold=True), size, bold=True),
            prepare(fit_text(footer.centre, size, room), size),
        )

    def _first_footer(self, number: int, total: int, lines: tuple[Line, Line]) -> tuple[str, str]:
        """Draw the first footer; return its drawing before and after the page number.

        That drawing is the same on every page: the next footers repeat the
        two strings around their own numbers. It is closed between ``q`` and
        ``Q``, and its text keeps its codes (a subset only ever adds
        characters), so the bytes are those of drawing each footer whole.
        """
        code = self._code
        start = len(code)
        size = lines[0].size
        width = self._pagesize[0]
        y = FOOTER_Y
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.6)
        self.line(MARGIN_X, y + size + 5, width - MARGIN_X, y + size + 5)
        self.setFillColor(INK if self._footer.large_print else MUTED)
        self.setFont(BODY, size)
        before = "\n".join(code[start:])
        self._page_number(number, total, size)
        end = len(code)
        draw_line(self, MARGIN_X, y, lines[0])
        draw_line(self, width / 2, y, lines[1], align="centre")
        self.restoreState()
        return before, "\n".join(code[end:])

    def _draw_footer(self, number: int, total: int, size: float, frame: tuple[str, str]) -> None:
        self._code.append(frame[0])
        self._page_number(number, total, size)
        self._code.append(frame[1])

    def _page_number(self, number: int, total: int, size: float) -> None:
        """"Page N of M" right-aligned at the margin, as drawRightString writes it."""
        page = self._footer.page.format(number=number, total=total)
        x = self._pagesize[0] - MARGIN_X - pdfmetrics.stringWidth(page, BODY, size)
        pen.text(self, ((x, FOOTER_Y, page),), BODY, size, size * 1.2)


def _mark_footer(canv: Canvas, doc: BaseDocTemplate) -> None:
    canv.wants_footer = True


def _continued_heading(canv: Canvas, doc: BaseDocTemplate) -> None:
    canv.wants_footer = True
    footer = getattr(canv, "_footer", None)
    if footer is None or not footer.continued:
        return
    size = continued_size(footer.large_print)
    width, height = canv._pagesize
    y = height - MARGIN_TOP - size
    canv.saveState()
    line = prepare(fit_text(footer.continued, size, width - 2 * MARGIN_X, bold=True), size,
                   bold=True)
    canv.setFillColor(ACCENT)
    draw_line(canv, MARGIN_X, y, line)
    canv.restoreState()


def _draw_cover_band(canv: Canvas, doc: BaseDocTemplate) -> None:
    # A soft band across the top of the cover; the title sits inside it.
    width, height = canv._pagesize
    band = height * COVER_BAND_SHARE
    canv.saveState()
    canv.setFillColor(ACCENT_TINT)
    canv.rect(0, height - band, width, band, stroke=0, fill=1)
    canv.setFillColor(ACCENT_SOFT)
    canv.rect(0, height - band - 3, width, 3, stroke=0, fill=1)
    canv.restoreState()


def cover_space_below_band(paper: Paper) -> float:
    """Height of the cover's main frame below the band, less a gap."""
    height = PAGE_SIZES[paper][1]
    return float(height * (1 - COVER_BAND_SHARE) - 28 - (MARGIN_BOTTOM + COVER_FOOT))


def frame_size(paper: Paper) -> tuple[float, float]:
    """Width and height of the body frame's content area."""
    width, height = PAGE_SIZES[paper]
    return width - 2 * MARGIN_X, height - MARGIN_TOP - MARGIN_BOTTOM


def _templates(paper: Paper, large: bool) -> list[PageTemplate]:
    width, height = PAGE_SIZES[paper]
    fw, fh = frame_size(paper)
    body = Frame(MARGIN_X, MARGIN_BOTTOM, fw, fh, id="body", leftPadding=0, rightPadding=0,
                 topPadding=0, bottomPadding=0)
    cover_main = Frame(MARGIN_X, MARGIN_BOTTOM + COVER_FOOT, fw, fh - COVER_FOOT,
                       id="cover", leftPadding=0, rightPadding=0, topPadding=0,
                       bottomPadding=0)
    cover_foot = Frame(MARGIN_X, MARGIN_BOTTOM, fw, COVER_FOOT, id="cover-foot",
                       leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    full = Frame(0, 0, width, height, id="fullpage", leftPadding=0, rightPadding=0,
                 topPadding=0, bottomPadding=0)
    return [
        PageTemplate("continued", [Frame(MARGIN_X, MARGIN_BOTTOM, fw, fh - continued_room(large),
                                         id="continued", leftPadding=0, rightPadding=0,
                                         topPadding=0, bottomPadding=0)],
                     onPage=_continued_heading, pagesize=(width, height)),
        PageTemplate("cover", [cover_main, cover_foot], onPage=_draw_cover_band,
                     pagesize=(width, height), autoNextPageTemplate="body"),
        PageTemplate("body", [body], onPage=_mark_footer, pagesize=(width, height)),
        PageTemplate("fullpage", [full], pagesize=(width, height)),
    ]


class WorkbookDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, buffer: io.BytesIO, paper: Paper, first_template: str, large: bool,
                 info: DocumentInfo) -> None:
        templates = _templates(paper, large)
        templates.sort(key=lambda t: t.id != first_template)
        super().__init__(
            buffer,
            pagesize=PAGE_SIZES[paper],
            pageTemplates=templates,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            **document_settings(info),
        )


def render_story(
    story: Sequence[Flowable], paper: Paper, footer: Footer, info: DocumentInfo,
    first_template: str = "cover",
) -> tuple[bytes, int, dict[str, int]]:
    """Lay out `story`: the PDF bytes, the page count, and the page of each marker."""
    register_fonts()
    buffer = io.BytesIO()
    doc = WorkbookDocTemplate(buffer, paper, first_template, footer.large_print, info)
    canvases: list[FooterCanvas] = []

    def make_canvas(*args: Any, **kwargs: Any) -> FooterCanvas:
        canvas = FooterCanvas(*args, footer=footer, **kwargs)
        apply_info(canvas, info)
        canvases.append(canvas)
        return canvas

    doc.build(list(story), canvasmaker=make_canvas)
    last = canvases[-1]
    return buffer.getvalue(), last.final_page_count, dict(last.markers)
