"""User text made safe for ReportLab's paragraph markup.

Every string the client or counselor typed passes through `user_text` before
it reaches a Paragraph: markup characters are escaped (so ``<b>`` or
``<img src=...>`` print literally), invisible control characters are dropped,
line breaks are kept, and runs of characters the body font lacks are wrapped
in the fallback font that has them, so text in any script still prints.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from html import escape

from reportlab.pdfbase import pdfmetrics

from .fonts import BODY, BODY_BOLD, bold_of, coverage, face_for

# Characters that join or modify the one before them stay in its font.
_JOINERS = {0x200C, 0x200D, 0xFE0E, 0xFE0F, 0x20E3}


# Control characters (category Cc) other than the line feed, and surrogates (Cs).
_UNCLEAN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean(text: str) -> str:
    """Drop control and unpaired surrogate characters; tabs become spaces."""
    if _UNCLEAN.search(text) is None:  # nearly always: nothing to drop
        return text
    out = []
    for char in text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    "):
        category = unicodedata.category(char)
        if char == "\n" or category not in ("Cc", "Cs"):
            out.append(char)
    return "".join(out)


def in_body_font(text: str) -> bool:
    """True when the body font draws every character (ASCII is always fine).

    Not cached: a cache keyed on text would keep what clients wrote from one
    build to the next. Each distinct character is looked at once.
    """
    if text.isascii():
        return True
    return all(
        char.isspace() or face_for(ord(char)) == BODY or _is_mark(char)
        for char in set(text).difference(_body_characters())
    )


@cache
def _body_characters() -> frozenset[str]:
    """Every character the body face has (the font's own table, no one's text)."""
    return frozenset(map(chr, coverage(BODY)))


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M") or ord(char) in (0x200C, 0x200D)


def segments(text: str) -> Iterator[tuple[str, str]]:
    """Split cleaned text into (font alias, run) pairs, body font by default."""
    if text.isascii():  # most answers: the body face draws every ASCII character
        if text:
            yield BODY, text
        return
    current = BODY
    run: list[str] = []
    for char in text:
        code = ord(char)
        if char.isspace() or code in _JOINERS or unicodedata.category(char).startswith("M"):
            font = current  # spaces, joiners and combining marks follow their neighbour
        else:
            font = face_for(code)
        if font != current and run:
            yield current, "".join(run)
            run = []
        current = font
        run.append(char)
    if run:
        yield current, "".join(run)


def user_text(text: str) -> str:
    """Escape `text` for a Paragraph, keeping line breaks and adding font fallback.

    Not cached: what a client wrote is not kept from one build to the next.
    """
    parts = []
    for font, run in segments(clean(text)):
        escaped = escape(run, quote=False).replace("\n", "<br/>")
        parts.append(escaped if font == BODY else f'<font name="{font}">{escaped}</font>')
    return "".join(parts)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of plain `text` as drawn with fallback, on one line."""
    line = clean(text).replace("\n", " ")
    if in_body_font(line):  # most text: all of it in the body face, measured at once
        return float(_measure(BODY_BOLD if bold else BODY)(line, size))
    total = 0.0
    for font, run in segments(line):
        total += pdfmetrics.stringWidth(run, bold_of(font) if bold else font, size)
    return total


def widest(texts: Iterable[str], size: float, bold: bool = False) -> float:
    """The width of the widest of `texts` (each as `text_width` measures it), 0 for none.

    The column widths of every table measure each word of each cell: words
    all in the body face (nearly all) go straight to it.
    """
    measure = _measure(BODY_BOLD if bold else BODY)
    best = 0.0
    for text in texts:
        if "\n" not in text and _UNCLEAN.search(text) is None and in_body_font(text):
            width = float(measure(text, size))
        else:
            width = text_width(text, size, bold)
        if width > best:
            best = width
    return best


@cache
def _measure(face: str) -> Callable[[str, float], float]:
    """The face's own width function, looked up once (the font itself, not text, is kept)."""
    measure: Callable[[str, float], float] = pdfmetrics.getFont(face).stringWidth
    return measure
