"""Reading a built PDF's layout back: text lines with their type, rules and their colours.

Shared by the layout tests. Positions are pdfplumber's: `top` and `bottom`
measured down from the top of the page, in points.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

import pdfplumber

FOOTER_ZONE = 0.85 * 72  # the running footer sits below this distance from the foot
PAGE_OF = re.compile(r"Page \d+ of \d+")


@dataclass(frozen=True)
class TextLine:
    text: str
    top: float
    bottom: float
    size: float  # the largest type on the line
    bold: bool  # every glyph bold
    sizes: tuple[float, ...]


@dataclass(frozen=True)
class Rule:
    x0: float
    x1: float
    top: float
    width: float
    colour: tuple[float, ...]


def _rgb(colour: object) -> tuple[float, ...]:
    if colour is None:
        return (0.0, 0.0, 0.0)
    values = tuple(float(c) for c in colour) if isinstance(colour, list | tuple) else (
        float(colour),)  # type: ignore[arg-type]
    if len(values) == 1:
        return values * 3
    if len(values) == 4:  # CMYK
        c, m, y, k = values
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return values[:3]


def luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_on_white(rgb: tuple[float, ...]) -> float:
    return 1.05 / (luminance(rgb) + 0.05)


class Page:
    def __init__(self, page: pdfplumber.page.Page, number: int) -> None:
        self.page = page
        self.number = number
        self.width = float(page.width)
        self.height = float(page.height)

    @cached_property
    def chars(self) -> list[dict[str, object]]:
        return list(self.page.chars)

    @cached_property
    def lines(self) -> list[TextLine]:
        """Text lines: glyphs grouped by baseline, left to right."""
        rows: dict[int, list[dict[str, object]]] = {}
        for char in self.chars:
            key = round(float(char["bottom"]))  # type: ignore[arg-type]
            # Glyphs of one line may differ by a point (a mixed-size run).
            for near in (key - 1, key + 1):
                if near in rows:
                    key = near
                    break
            rows.setdefault(key, []).append(char)
        out = []
        for key in sorted(rows):
            chars = sorted(rows[key], key=lambda c: float(c["x0"]))  # type: ignore[arg-type]
            text = "".join(str(c["text"]) for c in chars)
            if not text.strip():
                continue
            glyphs = [c for c in chars if str(c["text"]).strip()]
            sizes = tuple(round(float(c["size"]), 2) for c in glyphs)  # type: ignore[arg-type]
            bold = all("Bold" in str(c["fontname"]) for c in glyphs)
            out.append(TextLine(text, min(float(c["top"]) for c in chars),  # type: ignore[arg-type]
                                max(float(c["bottom"]) for c in chars),  # type: ignore[arg-type]
                                max(sizes), bold, sizes))
        return out

    @cached_property
    def drawn_text(self) -> str:
        """The glyphs in the order they are drawn: a paragraph's words stay together
        where columns side by side share baselines."""
        return "".join(str(c["text"]) for c in self.chars)

    @cached_property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @cached_property
    def rules(self) -> list[Rule]:
        """Stroked horizontal lines (write-in lines, table rules)."""
        out = []
        for edge in self.page.lines + self.page.curves:
            if not edge.get("stroke", True):
                continue
            if abs(float(edge["top"]) - float(edge["bottom"])) > 1.0:
                continue
            out.append(Rule(float(edge["x0"]), float(edge["x1"]), float(edge["top"]),
                            float(edge.get("linewidth") or 0.0),
                            _rgb(edge.get("stroking_color"))))
        for rect in self.page.rects:
            if rect.get("stroke") and not rect.get("fill"):
                out.append(Rule(float(rect["x0"]), float(rect["x1"]), float(rect["top"]),
                                float(rect.get("linewidth") or 0.0),
                                _rgb(rect.get("stroking_color"))))
        return out

    @property
    def footer_top(self) -> float:
        return self.height - FOOTER_ZONE

    @cached_property
    def has_footer(self) -> bool:
        return any(PAGE_OF.search(line.text) for line in self.lines
                   if line.top > self.footer_top)

    def body_lines(self) -> list[TextLine]:
        """Text lines above the running footer."""
        return [line for line in self.lines if line.bottom < self.footer_top]

    def body_rules(self) -> list[Rule]:
        return [r for r in self.rules if r.top < self.footer_top - 4 and r.x1 - r.x0 > 20]


def open_pages(pdf: bytes, numbers: list[int] | None = None) -> Iterator[Page]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        chosen = numbers or list(range(1, len(document.pages) + 1))
        for number in chosen:
            yield Page(document.pages[number - 1], number)


def read_pages(pdf: bytes) -> list[Page]:
    """Every page, the document left open so that the pages can be read later (a test
    module reading one PDF many times parses it once)."""
    document = pdfplumber.open(io.BytesIO(pdf))
    return [Page(page, number) for number, page in enumerate(document.pages, start=1)]


def body_size(page: Page) -> float:
    """The type size most of the page's text is set in."""
    sizes = Counter(size for line in page.body_lines() for size in line.sizes)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def headings(page: Page, body: float | None = None) -> list[TextLine]:
    """Lines set bold and larger than the page's body type: headings of any level."""
    body = body_size(page) if body is None else max(body, body_size(page))
    return [line for line in page.body_lines()
            if line.bold and line.size > body + 0.25 and line.text.strip()]


def following_lines(page: Page, line: TextLine) -> int:
    """How many lines of text or ruled lines to write on follow `line` on its page."""
    texts = {round(t.bottom) for t in page.body_lines() if t.top > line.bottom + 1}
    rules = {round(r.top) for r in page.body_rules() if r.top > line.bottom + 1}
    return len(texts | rules)


def content_bottom(page: Page) -> float:
    """The lowest text or rule above the footer."""
    bottoms = [t.bottom for t in page.body_lines()] + [r.top for r in page.body_rules()]
    return max(bottoms, default=0.0)
