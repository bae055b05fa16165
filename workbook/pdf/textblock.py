"""Plain text in one font, wrapped and drawn without the paragraph machinery.

Most of a workbook is short plain text: the client's answers in table cells,
labels, headings. ReportLab's Paragraph parses markup, keeps a fragment per
style change and draws word by word; for text in a single font none of that
is needed. `TextBlock` breaks lines with the program's one line breaker
(`geometry.break_text`: greedy, at spaces, never at a no-break space, words
too wide for the column cut after a hyphen where one fits) measured in the
style's font, and draws one text object. It measures exactly as a
Paragraph of the same style would, so the two can stand side by side.

`text_flowable` picks: a TextBlock when every character is in the body font,
otherwise a Paragraph of `markup.user_text` (which adds the fallback fonts).
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from ..geometry import Measure, break_text
from . import pen
from .markup import clean, in_body_font, user_text
from .phones import glue_phones


def text_flowable(text: str, style: ParagraphStyle, bullet: str | None = None) -> Flowable:
    """The lightest flowable that prints `text` (typed by someone) exactly.

    Phone numbers in it never break across lines (`phones.glue_phones`).
    """
    text = glue_phones(text)
    cleaned = clean(text)
    if in_body_font(cleaned):
        return TextBlock(cleaned, style, bullet)
    return Paragraph(user_text(text), style, bulletText=bullet)


@cache
def _measure(font: str) -> Measure:
    """Widths in `font` for the line breaker (one face: bold is the style's own font)."""

    string_width = getFont(font).stringWidth  # the font looked up once, not per word

    def width(text: str, size: float, bold: bool) -> float:
        return float(string_width(text, size))

    return width


class TextBlock(pen.Direct):
    """Plain text in the style's font, size, leading, colour and indents."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        bullet: str | None = None,
        lines: list[str] | None = None,
    ) -> None:
        # No Flowable.__init__: its attributes are pen.Direct's defaults (a build
        # makes some 700 text blocks).
        self.text = text
        self.style = style
        self.bullet = bullet
        self.lines = lines
        self._width: float | None = None if lines is None else -1.0
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self.keepWithNext = getattr(style, "keepWithNext", 0)

    def _text_width(self, avail_width: float) -> float:
        return float(avail_width - self.style.leftIndent - self.style.rightIndent)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        style = self.style
        if self._width != avail_width and self._width != -1.0:
            self.lines = break_text(self.text, max(self._text_width(avail_width), 1.0),
                                    style.fontSize, False, _measure(style.fontName))
            self._width = avail_width
        assert self.lines is not None
        self.width = avail_width
        self.height = len(self.lines) * style.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        assert self.lines is not None
        fits = int((avail_height + 1e-6) // self.style.leading)
        if fits < self._least_lines() or fits >= len(self.lines):
            return []
        first, rest = self._parts(fits)
        first.spaceAfter = 0
        rest.spaceBefore = 0
        return [first, rest]

    def _least_lines(self) -> int:
        """The fewest lines left at the foot of a page when the block is cut."""
        return 1

    def _parts(self, fits: int) -> tuple[TextBlock, TextBlock]:
        """The block cut after its first `fits` lines."""
        assert self.lines is not None
        return (TextBlock(self.text, self.style, self.bullet, self.lines[:fits]),
                TextBlock(self.text, self.style, None, self.lines[fits:]))

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        style = self.style
        assert self.lines is not None
        left = x + style.leftIndent
        baseline = y + self.height - style.fontSize
        if self.bullet:
            pen.fill(canv, style.bulletColor)
            pen.text(canv, ((x + style.bulletIndent, baseline, self.bullet),),
                 style.bulletFontName, style.bulletFontSize, style.leading)
        pen.fill(canv, style.textColor)
        placed: list[tuple[float, float, str]] = []
        if style.alignment in (TA_CENTER, TA_RIGHT):
            room = self._text_width(self.width)
            share = 2 if style.alignment == TA_CENTER else 1
            width = getFont(style.fontName).stringWidth
            for line in self.lines:
                placed.append((left + (room - width(line, style.fontSize)) / share, baseline, line))
                baseline -= style.leading
        else:
            for line in self.lines:
                placed.append((left, baseline, line))
                baseline -= style.leading
        pen.text(canv, placed, style.fontName, style.fontSize, style.leading)
