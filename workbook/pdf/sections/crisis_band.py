"""The band across the top of the crisis action page.

White type on the accent colour: the page's title on the left; on the right,
what to do if in danger now (the emergency number) and the first crisis line,
each as a small label over a large number. When the numbers would leave the
title a column too narrow for its words (large print, long Spanish labels),
the title runs across the top of the band and the numbers sit below it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from ..fonts import BODY, BODY_BOLD
from ..markup import text_width
from ..styles import ACCENT, WHITE
from ..textblock import text_flowable


@dataclass(frozen=True)
class BandEntry:
    label: str  # "In danger now?", "988 Suicide & Crisis Lifeline"
    value: str  # "Call 911", "Call or text 988"


def _white(name: str, size: float, bold: bool = False, leading: float = 1.2) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=BODY_BOLD if bold else BODY, fontSize=size,
                          leading=size * leading, textColor=WHITE, splitLongWords=1)


def _natural(flowable: Flowable) -> float:
    """The width of a text flowable on one line."""
    style = flowable.style
    text = getattr(flowable, "text", "")
    return text_width(text, style.fontSize, style.fontName == BODY_BOLD) + 1


def _longest(flowable: Flowable) -> float:
    style = flowable.style
    words = getattr(flowable, "text", "").split()
    return max((text_width(w, style.fontSize, style.fontName == BODY_BOLD) for w in words),
               default=0.0) + 1


class CrisisBand(Flowable):  # type: ignore[misc]
    """The band: kicker and title on the left, the numbers to call on the right."""

    def __init__(self, kicker: str, title: str, entries: Sequence[BandEntry], size: float,
                 large: bool = False, compact: bool = False, stacked: bool = False) -> None:
        super().__init__()
        self.kicker, self.title, self.entries = kicker, title, list(entries)
        self.size, self.large, self.compact = size, large, compact
        self.pad = size * (0.6 if compact else 0.9)
        self.gap = size * 1.4
        self._placed: list[tuple[Flowable, float, float]] = []
        self._build(stacked)

    def _value_size(self) -> float:
        return self.size * (1.45 if self.large else 1.6)

    def _build(self, stacked: bool, value: float | None = None) -> None:
        """The band's words, side by side or stacked: the kicker and title on one line
        across the band, the entries below it (when beside the numbers the title would
        wrap word by word). Stacked, the labels are 14 pt at most (the least a
        large-print label is set in) and the numbers `value` points, so that a
        crisis line's name and each number take one line."""
        size = self.size
        self.stacked = stacked
        value = value or self._value_size()
        title_size = size * (1.3 if self.compact or stacked else 1.9)
        if stacked:
            self.left = [text_flowable(f"{self.kicker} · {self.title}",
                                       _white("band_title", title_size, True, 1.1))]
        else:
            self.left = [text_flowable(self.kicker, _white("band_kicker", size, True)),
                         text_flowable(self.title, _white("band_title", title_size, True, 1.1))]
        label = min(size, 14.0) if stacked else size
        self.right = [
            (text_flowable(e.label, _white("band_label", label)),
             text_flowable(e.value, _white("band_value", value, True, 1.1)))
            for e in self.entries
        ]

    def _widths(self, inner: float) -> list[float]:
        """The title's column and each entry's: as wide as their words want, the
        numbers whole; when the room is short, the title and the labels wrap."""
        gaps = self.gap * len(self.right)
        title_need = max(_natural(f) for f in self.left)
        needs = [max(_natural(label), _natural(value)) for label, value in self.right]
        if title_need + sum(needs) + gaps <= inner:
            spare = (inner - gaps - title_need - sum(needs)) / (1 + len(needs))
            return [title_need + spare, *(n + spare for n in needs)]
        values = [_natural(value) for _, value in self.right]
        title_w = max(max(_longest(f) for f in self.left), inner * 0.3)
        room = inner - gaps - title_w
        if sum(values) > room:
            title_w = max(max(_longest(f) for f in self.left),
                          inner - gaps - sum(values))
            room = inner - gaps - title_w
        share = [max(v, room * n / sum(needs)) for v, n in zip(values, needs, strict=True)]
        scale = room / sum(share)
        return [title_w, *(w * scale for w in share)]

    def _stacked_widths(self, inner: float) -> list[float]:
        """The title across the band; below it, each entry as wide as its words want."""
        gaps = self.gap * (len(self.right) - 1)
        needs = [max(_natural(label), _natural(value)) for label, value in self.right]
        values = [_natural(value) for _, value in self.right]
        room = inner - gaps
        if sum(needs) <= room:
            spare = (room - sum(needs)) / len(needs)
            return [inner, *(n + spare for n in needs)]
        if sum(values) >= room:
            return [inner, *(v * room / sum(values) for v in values)]
        # Each number whole on its line; the labels share what is left, and wrap.
        wants = [n - v for n, v in zip(needs, values, strict=True)]
        left = room - sum(values)
        return [inner, *(v + left * w / sum(wants) for v, w in zip(values, wants, strict=True))]

    def _fits_beside(self, width: float) -> bool:
        """Whether the kicker takes one line and the title two at most in `width`."""
        for flowable, most in zip(self.left, (1, 2), strict=True):
            _, height = flowable.wrap(width, 1e6)
            if height > most * flowable.style.leading + 0.5:
                return False
        return True

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        inner = avail_width - 2 * self.pad
        if not self.stacked and not self._fits_beside(self._widths(inner)[0]):
            self._build(True)
        if self.stacked:
            # The numbers side by side, each on one line: smaller type if need be,
            # never below the page's body size.
            gaps = self.gap * (len(self.right) - 1)
            needed = sum(_natural(value) for _, value in self.right) + gaps
            size = self.right[0][1].style.fontSize if self.right else self.size
            fitting = max(self.size, size * min(1.0, (inner - gaps) / (needed - gaps)))
            if fitting < size - 0.01:
                self._build(True, fitting)
        widths = self._stacked_widths(inner) if self.stacked else self._widths(inner)
        placed: list[tuple[Flowable, float, float]] = []
        y = 0.0
        for f in self.left:
            _, h = f.wrap(widths[0], 1e6)
            placed.append((f, self.pad, y + h))
            y += h
        left_h = y
        right_h = 0.0
        # Stacked: the entries start under the title, at the band's left edge.
        top = left_h + self.pad * 0.6 if self.stacked else 0.0
        x = self.pad if self.stacked else self.pad + widths[0] + self.gap
        for (label, value), width in zip(self.right, widths[1:], strict=True):
            _, lh = label.wrap(width, 1e6)
            _, vh = value.wrap(width, 1e6)
            placed += [(label, x, top + lh), (value, x, top + lh + 2 + vh)]
            right_h = max(right_h, top + lh + 2 + vh)
            x += width + self.gap
        self._placed = placed
        self.width = avail_width
        self.height = max(left_h, right_h) + 2 * self.pad
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFillColor(ACCENT)
        canv.roundRect(0, 0, self.width, self.height, 4, stroke=0, fill=1)
        canv.restoreState()
        for flowable, x, bottom in self._placed:
            flowable.drawOn(canv, x, self.height - self.pad - bottom)
