"""The workbook's own small flowables: lines to write on, tick boxes, panels.

Each is a tiny wrap/split/draw trio. All of them split across pages, so no
amount of text or number of lines can raise ReportLab's LayoutError.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Paragraph

from .styles import ACCENT, ACCENT_SOFT, WRITE_LINE


class WriteLines(Flowable):  # type: ignore[misc]
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
        if fits < 1 or fits >= self.count:
            return []
        return [
            WriteLines(fits, self.spacing, self.indent),
            WriteLines(self.count - fits, self.spacing, self.indent),
        ]

    def draw(self) -> None:
        canv = self.canv
        canv.setStrokeColor(WRITE_LINE)
        canv.setLineWidth(0.6)
        for i in range(self.count):
            y = self.height - (i + 1) * self.spacing + 1
            canv.line(self.indent, y, self.width, y)


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


class TickBox(Flowable):  # type: ignore[misc]
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

    def draw(self) -> None:
        canv = self.canv
        style = self.paragraph.style
        # Put the box on the first line of text, centred on its x-height.
        first_baseline = self.height - style.fontSize
        y = first_baseline + style.fontSize * 0.35 - self.side / 2
        canv.setStrokeColor(ACCENT)
        canv.setLineWidth(0.9)
        canv.rect(0, y, self.side, self.side, stroke=1, fill=0)
        if self.ticked:
            canv.setLineWidth(1.6)
            s = self.side
            path = canv.beginPath()
            path.moveTo(0.2 * s, y + 0.5 * s)
            path.lineTo(0.42 * s, y + 0.22 * s)
            path.lineTo(0.85 * s, y + 0.85 * s)
            canv.drawPath(path, stroke=1, fill=0)
        self.paragraph.drawOn(canv, self.side + self.gap, self.height - self.paragraph.height)


class Panel(Flowable):  # type: ignore[misc]
    """Flowables inside a softly framed box; splits across pages like a frame would.

    A panel cut by a page break is drawn open at the cut (no bottom or top
    rule there), so it reads as one box continued.
    """

    def __init__(
        self,
        content: Sequence[Flowable],
        padding: float,
        background: Color | None = None,
        border: Color | None = ACCENT_SOFT,
        open_top: bool = False,
        open_bottom: bool = False,
        keep_first: bool = False,
    ) -> None:
        super().__init__()
        self.content = list(content)
        self.keep_first = keep_first
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

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        inner = self._inner(avail_width)
        room = avail_height - 2 * self.padding
        if room <= 0:
            return []
        first: list[Flowable] = []
        y = 0.0
        previous_after = 0.0
        for i, flowable in enumerate(self.content):
            _, height = flowable.wrap(inner, room)
            before = 0.0 if i == 0 else max(previous_after, flowable.getSpaceBefore())
            if y + before + height <= room:
                first.append(flowable)
                y += before + height
                previous_after = flowable.getSpaceAfter()
                continue
            parts = flowable.split(inner, room - y - before) if room - y - before > 0 else []
            rest = self.content[i + 1 :]
            if len(parts) >= 2:
                first.append(parts[0])
                rest = [*parts[1:], *rest]
            else:
                rest = [flowable, *rest]
            if not first or (self.keep_first and first == self.content[:1]):
                return []  # nothing fits, or a label would stand alone
            return [
                Panel(first, self.padding, self.background, self.border, self.open_top, True),
                Panel(rest, self.padding, self.background, self.border, True, self.open_bottom),
            ]
        return []

    def draw(self) -> None:
        canv = self.canv
        width, height = self.width, self.height
        if self.background is not None:
            canv.setFillColor(self.background)
            canv.rect(0, 0, width, height, stroke=0, fill=1)
        if self.border is not None:
            canv.setStrokeColor(self.border)
            canv.setLineWidth(1)
            canv.line(0, 0, 0, height)
            canv.line(width, 0, width, height)
            if not self.open_top:
                canv.line(0, height, width, height)
            if not self.open_bottom:
                canv.line(0, 0, width, 0)
        top = height - self.padding
        for flowable, y, h in self._placed:
            flowable.drawOn(canv, self.padding, top - y - h)


def keep_with_next(label: Flowable, following: Sequence[Flowable]) -> Panel:
    """`label` and what follows it, never parted by a page break right after the label.

    Cheaper than ReportLab's keepWithNext, which wraps the pair in a
    KeepTogether that copies the whole frame each time it is measured.
    """
    panel = Panel([label, *following], 0.0, border=None, keep_first=True)
    panel.spaceBefore = label.getSpaceBefore()
    return panel


class AccentRule(Flowable):  # type: ignore[misc]
    """A short thick rule in the accent colour under a section title."""

    def __init__(self, length: float = 48.0, thickness: float = 3.0, space: float = 10.0) -> None:
        super().__init__()
        self.length = length
        self.thickness = thickness
        self.space = space

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, self.thickness + self.space

    def draw(self) -> None:
        self.canv.setFillColor(ACCENT)
        self.canv.rect(0, self.space, self.length, self.thickness, stroke=0, fill=1)


class Scale(Flowable):  # type: ignore[misc]
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

    def draw(self) -> None:
        canv = self.canv
        canv.setFillColor(self.colour)
        canv.setFont(self.font, self.size)
        step = self.width / self.count
        for i in range(self.count):
            canv.drawCentredString(step * (i + 0.5), self.size * 0.25, str(i + 1))
