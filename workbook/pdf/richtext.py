"""The workbook's own sentences with bold words, without ReportLab's paragraph machinery.

The templates' prose and a few labelled answers use one piece of markup:
``<b>`` (and ``<br/>``, a line break). A ReportLab Paragraph parses that into
fragments, breaks lines fragment by fragment and draws word by word; for the
handful of such paragraphs in a workbook it cost more than the hundreds of
plain text blocks together. `RichBlock` breaks the lines with the program's
line breaker for two weights (`geometry.runs.break_runs`) and draws each
line as one string per weight, in one text object.

`markup_flowable` picks: a RichBlock when the markup has no other tag and
every character is in the body font, else the Paragraph (which brings the
fallback fonts, `<font>` runs from `markup.user_text` and `prose.with_fallback`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from html import unescape

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from ..geometry import Measure
from ..geometry.runs import Line, Run, break_runs, line_text
from . import pen
from .fonts import bold_of
from .markup import in_body_font
from .textblock import TextBlock

_TAG = re.compile(r"(<[^>]*>)")
_LINE_END = re.compile(r"\r\n|[\r\n]")


def markup_runs(markup: str) -> list[Run] | None:
    """The text of trusted markup as (text, bold) runs, "\\n" where it has ``<br/>``.

    None when the markup has anything but ``<b>``, ``</b>`` and ``<br/>``, or
    characters the body font lacks: a Paragraph prints those. Line ends in the
    markup are white space, as a Paragraph reads them.
    """
    runs: list[Run] = []
    depth = 0
    for index, piece in enumerate(_TAG.split(markup)):
        if index % 2:  # a tag
            tag = piece.replace(" ", "").lower()
            if tag == "<b>":
                depth += 1
            elif tag == "</b>" and depth:
                depth -= 1
            elif tag in ("<br/>", "<br>"):
                runs.append(("\n", depth > 0))
            else:
                return None
        elif piece:
            if "<" in piece or ">" in piece:
                return None  # not markup this reader knows: leave it to the parser
            text = _LINE_END.sub(" ", unescape(piece) if "&" in piece else piece)
            if not in_body_font(text):
                return None
            runs.append((text, depth > 0))
    return runs if depth == 0 else None


def markup_flowable(markup: str, style: ParagraphStyle) -> Flowable:
    """The lightest flowable that prints the workbook's own `markup` in `style`."""
    runs = markup_runs(markup)
    if runs is None or style.alignment != TA_LEFT or style.firstLineIndent:
        return Paragraph(markup, style)
    return RichBlock(runs, style)


@cache
def _measure(font: str) -> Measure:
    """Widths in `font` and its bold cut, each face looked up once."""
    regular = getFont(font).stringWidth
    bold = getFont(bold_of(font)).stringWidth

    def width(text: str, size: float, is_bold: bool) -> float:
        return float((bold if is_bold else regular)(text, size))

    return width


class RichBlock(TextBlock):
    """Text in the style's font and its bold cut: size, leading, colour and indents
    as a Paragraph of the style (left aligned, no first-line indent, no bullet)."""

    def __init__(self, runs: Sequence[Run], style: ParagraphStyle,
                 rich_lines: list[Line] | None = None) -> None:
        super().__init__("".join(text for text, _ in runs), style, None,
                         None if rich_lines is None else [line_text(x) for x in rich_lines])
        self.runs = runs
        self.rich_lines = rich_lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        style = self.style
        if self._width != avail_width and self._width != -1.0:
            self.rich_lines = break_runs(self.runs, max(self._text_width(avail_width), 1.0),
                                         style.fontSize, _measure(style.fontName))
            self.lines = [line_text(line) for line in self.rich_lines]
            self._width = avail_width
        return super().wrap(avail_width, avail_height)

    def _least_lines(self) -> int:
        # As a Paragraph: its first line never alone at the foot of a page (an orphan).
        return 1 if self.style.allowOrphans else 2

    def _parts(self, fits: int) -> tuple[TextBlock, TextBlock]:
        assert self.rich_lines is not None
        return (RichBlock(self.runs, self.style, self.rich_lines[:fits]),
                RichBlock(self.runs, self.style, self.rich_lines[fits:]))

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        style = self.style
        assert self.rich_lines is not None
        pen.fill(canv, style.textColor)
        _text(canv, x + style.leftIndent, y + self.height - style.fontSize, self.rich_lines,
              style.fontName, style.fontSize, style.leading)


def _text(canv: Canvas, x: float, baseline: float, lines: Sequence[Line], font: str,
          size: float, leading: float) -> None:
    """Lines of runs, each line below the one before, in one text object.

    The runs of a line follow one another as the reader advances along the
    string (no positions of ours), each in its face; strings are encoded per
    font subset as `pen.text` encodes them, so the bytes and the extracted
    text are as ReportLab's own.
    """
    doc = canv._doc
    escape = canv._escape
    faces = {False: getFont(font), True: getFont(bold_of(font))}
    code: list[str] = ["BT", f"1 0 0 1 {fp_str(x, baseline)} Tm {fp_str(leading)} TL"]
    current: tuple[bool, int] | None = None
    tf = f"{fp_str(size)} Tf"
    for line in lines:
        for text, bold in line:
            face = faces[bold]
            for subset, chunk in face.splitString(text, doc):
                if current != (bold, subset):
                    code.append(f"{face.getSubsetInternalName(subset, doc)} {tf}")
                    current = (bold, subset)
                code.append(f"({escape(chunk)}) Tj")
        code.append("T*")
    code.append("ET")
    canv._code.append(" ".join(code))
