"""Plain text in one font, wrapped and drawn without the paragraph machinery.

Most of a workbook is short plain text: the client's answers in table cells,
labels, headings. ReportLab's Paragraph parses markup, keeps a fragment per
style change and draws word by word; for text in a single font none of that
is needed. `TextBlock` breaks lines greedily at spaces (splitting words too
wide for the column), and draws one text object. It measures exactly as a
Paragraph of the same style would, so the two can stand side by side.

`text_flowable` picks: a TextBlock when every character is in the body font,
otherwise a Paragraph of `markup.user_text` (which adds the fallback fonts).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from .fonts import BODY, face_for
from .markup import clean, user_text
from .phones import glue_phones


@lru_cache(maxsize=8192)
def _in_body_font(text: str) -> bool:
    """True when the body font draws every character (ASCII is always fine)."""
    if text.isascii():
        return True
    return all(
        char.isspace() or face_for(ord(char)) == BODY or _is_mark(char) for char in text
    )


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M") or ord(char) in (0x200C, 0x200D)


def text_flowable(text: str, style: ParagraphStyle, bullet: str | None = None) -> Flowable:
    """The lightest flowable that prints `text` (typed by someone) exactly.

    Phone numbers in it never break across lines (`phones.glue_phones`).
    """
    text = glue_phones(text)
    cleaned = clean(text)
    if _in_body_font(cleaned):
        return TextBlock(cleaned, style, bullet)
    return Paragraph(user_text(text), style, bulletText=bullet)


# Where a line may break: any white space but the no-break space, which glues
# the parts of a phone number together (see `phones.glue_phones`).
_BREAKABLE = re.compile(r"[^\S\u00a0]+")


def break_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking at spaces (never at a no-break space); newlines kept; long
    words cut."""
    space = stringWidth(" ", font, size)
    out: list[str] = []
    for source in text.split("\n"):
        words = [w for w in _BREAKABLE.split(source) if w]
        if not words:
            out.append("")
            continue
        line: list[str] = []
        used = 0.0
        for word in words:
            w = stringWidth(word, font, size)
            if w > width:
                if line:
                    out.append(" ".join(line))
                    line, used = [], 0.0
                pieces = _cut_word(word, font, size, width)
                out.extend(pieces[:-1])
                word = pieces[-1]
                w = stringWidth(word, font, size)
            extra = w if not line else used + space + w
            if line and extra > width:
                out.append(" ".join(line))
                line, used = [word], w
            else:
                line.append(word)
                used = extra
        out.append(" ".join(line))
    return out


def _cut_word(word: str, font: str, size: float, width: float) -> list[str]:
    """A word too wide for the column in pieces: after a hyphen where one fits."""
    pieces: list[str] = []
    start = 0
    while start < len(word):
        end = start + 1
        # Grow the piece while it fits (at least one character per piece).
        while end < len(word) and stringWidth(word[start : end + 1], font, size) <= width:
            end += 1
        if end < len(word):
            hyphen = word.rfind("-", start, end)
            if hyphen > start:
                end = hyphen + 1
        pieces.append(word[start:end])
        start = end
    return pieces


class TextBlock(Flowable):  # type: ignore[misc]
    """Plain text in the style's font, size, leading, colour and indents."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        bullet: str | None = None,
        lines: list[str] | None = None,
    ) -> None:
        super().__init__()
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
            self.lines = break_lines(self.text, style.fontName, style.fontSize,
                                     max(self._text_width(avail_width), 1.0))
            self._width = avail_width
        assert self.lines is not None
        self.width = avail_width
        self.height = len(self.lines) * style.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        assert self.lines is not None
        fits = int((avail_height + 1e-6) // self.style.leading)
        if fits < 1 or fits >= len(self.lines):
            return []
        first = TextBlock(self.text, self.style, self.bullet, self.lines[:fits])
        rest = TextBlock(self.text, self.style, None, self.lines[fits:])
        first.spaceAfter = 0
        rest.spaceBefore = 0
        return [first, rest]

    def draw(self) -> None:
        style = self.style
        canv = self.canv
        assert self.lines is not None
        left = style.leftIndent
        y = self.height - style.fontSize
        if self.bullet:
            canv.setFillColor(style.bulletColor)
            canv.setFont(style.bulletFontName, style.bulletFontSize)
            canv.drawString(style.bulletIndent, y, self.bullet)
        canv.setFillColor(style.textColor)
        if style.alignment in (TA_CENTER, TA_RIGHT):
            room = self._text_width(self.width)
            canv.setFont(style.fontName, style.fontSize)
            for line in self.lines:
                w = stringWidth(line, style.fontName, style.fontSize)
                x = left + (room - w) / (2 if style.alignment == TA_CENTER else 1)
                canv.drawString(x, y, line)
                y -= style.leading
            return
        text = canv.beginText(left, y)
        text.setFont(style.fontName, style.fontSize, style.leading)
        for line in self.lines:
            text.textLine(line)
        canv.drawText(text)
