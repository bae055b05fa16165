"""Drawing on the canvas without the state changes that change nothing.

ReportLab draws each flowable inside ``saveState``/``translate``/
``restoreState`` and each string in a text object of its own, with its font
and colour set again. A workbook page holds a hundred small pieces (cells,
labels, ruled lines), so that bookkeeping cost more than the drawing itself
and doubled the size of every page's content stream. The workbook's own
flowables draw through here instead:

- `Direct` flowables draw at the position they are given, in the coordinates
  of whoever draws them, with no state saved or restored around them.
- `fill`, `stroke` and `line_width` set a colour or width only when it is not
  the current one. "Current" is what the canvas records (it restores its
  record with ``restoreState``, as the PDF reader restores the real state),
  so a Direct flowable may leave a colour or width set: whatever is drawn
  next sets its own, or is told the truth when it asks the canvas.
  A Direct flowable must never leave anything else changed (a transform, a
  dash pattern, a clip): those the canvas does not record.
- `text` draws lines of one font and size in one text object, each line one
  string, exactly as ReportLab's text object writes them.
- `rules` draws many straight lines as one path.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfdoc import PDF_SUPPORT_VERSION
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from .fonts import SubsetFont, first_subset_bytes

# A straight line: x1, y1, x2, y2.
Segment = tuple[float, float, float, float]


def fill(canv: Canvas, colour: Color) -> None:
    """Set the fill colour (text is filled) unless it is already `colour`."""
    if canv._fillColorObj is not colour:
        _set_colour(canv, colour, stroking=False)


def stroke(canv: Canvas, colour: Color) -> None:
    """Set the stroke colour (lines) unless it is already `colour`."""
    if canv._strokeColorObj is not colour:
        _set_colour(canv, colour, stroking=True)


def _set_colour(canv: Canvas, colour: Color, *, stroking: bool) -> None:
    """Its ``rg``/``RG`` line alone where that is all ReportLab would write, else ReportLab."""
    if not _only_colour(canv, colour, "CA" if stroking else "ca"):
        (canv.setStrokeColor if stroking else canv.setFillColor)(colour)
        return
    operator = "RG" if stroking else "rg"
    canv._code.append(f"{fp_str(colour.red, colour.green, colour.blue)} {operator}")
    if stroking:
        canv._strokeColorObj = colour
    else:
        canv._fillColorObj = colour


# ReportLab's key for the PDF version that has transparency (1.4).
_TRANSPARENCY = PDF_SUPPORT_VERSION["transparency"]


def _only_colour(canv: Canvas, colour: Color, alpha_key: str) -> bool:
    """Whether ReportLab's setFillColor/setStrokeColor would write the colour and nothing else.

    So it does for a plain opaque RGB colour when what it paints is already
    opaque (its alpha then writes no graphics state) and the document
    already says it is PDF 1.4 (which setting an alpha makes sure of); no
    colour space is enforced. The workbook's colours are all such: its
    first colour goes through ReportLab, and every later one is only its
    ``rg``/``RG`` line, without ReportLab's checks (half the cost).
    """
    return (type(colour) is Color and colour.alpha == 1 and canv._enforceColorSpace is None
            and canv._extgstate.getValue(alpha_key) == 1 and canv._doc._pdfVersion >= _TRANSPARENCY)


def line_width(canv: Canvas, width: float) -> None:
    if canv._lineWidth != width:
        canv.setLineWidth(width)


def rules(canv: Canvas, segments: Iterable[Segment]) -> None:
    """Straight lines in the current stroke colour and width, as one path."""
    parts = [f"{fp_str(x1, y1)} m {fp_str(x2, y2)} l" for x1, y1, x2, y2 in segments]
    if parts:
        canv._code.append(f"n {' '.join(parts)} S")


class _Face:
    """One font at one size and leading, as one canvas's document writes it.

    What every string repeats is found once per document instead of once a
    string (a thousand a workbook): the font object, its state in this
    document (ReportLab keeps it in a weak dictionary, slow to ask), and the
    operator that selects each subset (``/F1+0 11 Tf 14 TL``). It lives on
    the canvas, so it ends with the document; it holds the font's codes for
    characters, as the font's own state does, and no text.
    """

    __slots__ = ("font", "leading", "selects", "size", "state")

    def __init__(self, font: Any, size: float, leading: float) -> None:
        self.font = font
        self.state: Any = None
        self.selects: dict[int, str] = {}
        self.size = size
        self.leading = leading

    def select(self, subset: int, doc: Any) -> str:
        selected = self.selects.get(subset)
        if selected is None:
            name = self.font.getSubsetInternalName(subset, doc)
            selected = f"{name} {fp_str(self.size)} Tf {fp_str(self.leading)} TL"
            self.selects[subset] = selected
        return selected

    def split(self, line: str, doc: Any) -> list[tuple[int, bytes]]:
        """`line` as (subset, bytes) runs: what the font's `splitString` gives."""
        state = self.state
        if state is not None:
            encoded = first_subset_bytes(state, line)
            if encoded is not None:
                return [(0, encoded)] if line else []
        chunks: list[tuple[int, bytes]] = self.font.splitString(line, doc)
        if isinstance(self.font, SubsetFont):
            self.state = self.font.state.get(doc)
        return chunks


def _face(canv: Canvas, font: str, size: float, leading: float) -> _Face:
    """The canvas's `_Face` for this font, size and leading, made on first use."""
    faces: dict[tuple[str, float, float], _Face] | None = canv.__dict__.get("_pen_faces")
    if faces is None:
        faces = canv._pen_faces = {}
    key = (font, size, leading)
    face = faces.get(key)
    if face is None:
        face = faces[key] = _Face(getFont(font), size, leading)
    return face


def text(
    canv: Canvas,
    lines: Sequence[tuple[float, float, str]],
    font: str,
    size: float,
    leading: float,
) -> None:
    """Each (x, y, line) drawn with its baseline's start at (x, y), all in one text object.

    A line carries on from where the one before it ended with ``T*`` (next
    line, `leading` down) when it starts straight below it; otherwise it gets
    its own text matrix. The strings are encoded as ReportLab encodes them
    (`splitString`, one font subset at a time), so the bytes and the text a
    reader extracts are the same as from ``drawString`` (strings are escaped
    as the canvas escapes them, with ReportLab's `escapePDF`).
    """
    face = _face(canv, font, size, leading)
    doc = canv._doc
    if len(lines) == 1:
        # Most text is one line in one subset: written in one piece (anything
        # else is written below, line by line; splitting again gives the same).
        x, y, line = lines[0]
        chunks = face.split(line, doc)
        if len(chunks) == 1:
            subset, chunk = chunks[0]
            canv._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {face.select(subset, doc)} "
                              f"({escapePDF(chunk)}) Tj T* ET")
            return
    code: list[str] = ["BT"]
    current = -1
    previous: tuple[float, float] | None = None
    for x, y, line in lines:
        if previous is None or x != previous[0] or y != previous[1] - leading:
            code.append(f"1 0 0 1 {fp_str(x, y)} Tm")
        previous = (x, y)
        for subset, chunk in face.split(line, doc):
            if subset != current:
                code.append(face.select(subset, doc))
                current = subset
            code.append(f"({escapePDF(chunk)}) Tj")
        if current == -1:  # a blank first line: no font set yet, so say how far T* goes
            code.append(f"{fp_str(leading)} TL")
            current = -2
        code.append("T*")
    code.append("ET")
    canv._code.append(" ".join(code))


class Direct(Flowable):  # type: ignore[misc]
    """A flowable that draws itself at (x, y) with no state saved around it.

    Subclasses implement `draw_at`; `draw` (ReportLab's way, in translated
    coordinates) is the same drawing at (0, 0).
    """

    # What Flowable.__init__ sets, as defaults a subclass made by the
    # thousand (text blocks) may rely on instead of calling it.
    width = 0.0
    height = 0.0
    wrapped = 0
    hAlign = "LEFT"
    vAlign = "BOTTOM"
    _traceInfo = None
    _showBoundary = None
    encoding = None

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        if type(self).draw is not Direct.draw:
            # A subclass that draws the old way, in translated coordinates.
            Flowable.drawOn(self, canvas, x, y, _sW)
            return
        self.canv = canvas
        try:
            self.draw_at(canvas, self._hAlignAdjust(x, _sW), y)
        finally:
            del self.canv

    def draw(self) -> None:
        self.draw_at(self.canv, 0.0, 0.0)

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        raise NotImplementedError
