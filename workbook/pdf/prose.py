"""The printed prose: rendered templates turned into paragraph markup.

Templates (workbook/text.py) give trusted markup (<b>, <i>, <br/>) with the
context autoescaped. A client's name can still hold characters the body font
lacks, so text between tags gets the same font fallback as user text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape

from ..text.templates import render
from .fonts import BODY
from .markup import segments

_TAG_OR_ENTITY = re.compile(r"(<[^>]*>|&#?\w+;)")


def with_fallback(markup: str) -> str:
    """`markup` with runs the body font lacks wrapped in their fallback font."""
    out: list[str] = []
    for piece in _TAG_OR_ENTITY.split(markup):
        if not piece or piece.startswith("<") or (piece.startswith("&") and piece.endswith(";")):
            out.append(piece)
            continue
        for font, run in segments(piece):
            out.append(run if font == BODY else f'<font name="{font}">{run}</font>')
    return "".join(out)


@lru_cache(maxsize=512)
def paragraphs(
    template: str, name: str, pathways: tuple[str, ...], blank: bool, facility: str,
    language: str = "en",
) -> tuple[tuple[str, str | None], ...]:
    """The paragraphs of one rendered template: (markup, plain text or None).

    The plain text is given when the paragraph has no tags and every character
    is in the body font, so it can be drawn without the paragraph parser.
    """
    text = render(template, language=language, name=name, pathways=list(pathways), blank=blank,
                  facility=facility)
    out: list[tuple[str, str | None]] = []
    for paragraph in text.split("\n\n"):
        if not paragraph.strip():
            continue
        markup = with_fallback(paragraph)
        plain = None if "<" in markup else unescape(markup)
        out.append((markup, plain))
    return tuple(out)
