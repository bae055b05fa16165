"""Drawing without redundant state: the same marks as ReportLab's own drawing, fewer operators."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from pdfutil import reader
from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from workbook.pdf import pen
from workbook.pdf.flowables import Panel, WriteLines
from workbook.pdf.fonts import BODY, BODY_BOLD, register_fonts
from workbook.pdf.styles import ACCENT, INK, styles_for
from workbook.pdf.textblock import TextBlock

register_fonts()
STYLES = styles_for(False)


def _canvas() -> Canvas:
    return Canvas(io.BytesIO(), invariant=1)


@pytest.mark.parametrize("lines", [
    ["one line"],
    ["two lines", "of plain text"],
    ["", "a blank line first"],
    # Past the first subset: ReportLab switches subsets mid-line.
    ["Nguyễn Thị Minh Khai", "then ASCII", "ǅ ẞ Ω Ж: " + "".join(map(chr, range(0x100, 0x1C0)))],
])
def test_text_writes_what_a_reportlab_text_object_writes(lines: list[str]) -> None:
    # Same fonts, same subsets, same strings: the text object ReportLab would write,
    # byte for byte, except that a blank first line says how far T* goes.
    ours, theirs = _canvas(), _canvas()
    pen.text(ours, [(10.0, 700.0 - 14 * i, line) for i, line in enumerate(lines)], BODY, 11, 14)
    text = theirs.beginText(10.0, 700.0)
    text.setFont(BODY, 11, 14)
    for line in lines:
        text.textLine(line)
    theirs.drawText(text)
    expected = theirs._code[-1]
    if not lines[0]:
        expected = expected.replace("  T*", " 14 TL T*", 1)
    assert ours._code[-1] == expected


def test_a_whole_document_of_strings_is_what_reportlab_text_objects_write() -> None:
    # Many strings on one canvas, as a workbook draws them: the per-document
    # font state and subset names pen keeps must give ReportLab's bytes for
    # repeats, for characters met late (after the fast path has started), past
    # the first subset, in two fonts and three sizes, and for empty strings.
    strings = ["plain", "plain again", "", "late: Ω Ж ẞ", "Nguyễn", "plain",
               "".join(map(chr, range(0x100, 0x1C0))), "after the second subset ǅ", "a"]
    ours, theirs = _canvas(), _canvas()
    expected = []
    for i, line in enumerate(strings * 3):
        font = (BODY, BODY_BOLD)[i % 2]
        size = (9.5, 11, 16)[i % 3]
        y = 700.0 - 3 * i
        pen.text(ours, [(10.0, y, line)], font, size, size * 1.2)
        text = theirs.beginText(10.0, y)
        text.setFont(font, size, size * 1.2)
        text.textLine(line)
        theirs.drawText(text)
        # A blank line says how far T* goes (see the test above).
        blank = f" {fp_str(size * 1.2)} TL T*" if not line else "  T*"
        expected.append(theirs._code[-1].replace("  T*", blank, 1))
    assert ours._code == expected


def test_a_line_not_straight_below_the_last_gets_its_own_position() -> None:
    canv = _canvas()
    pen.text(canv, [(10, 700, "a"), (10, 686, "b"), (50, 686, "c")], BODY, 11, 14)
    code = canv._code[-1]
    assert code.count(" Tm") == 2  # "b" follows "a" with T*; "c" is placed
    assert "1 0 0 1 50 686 Tm" in code


def test_colours_and_widths_are_set_only_when_they_change() -> None:
    canv = _canvas()
    pen.fill(canv, INK)
    pen.fill(canv, INK)
    pen.stroke(canv, ACCENT)
    pen.stroke(canv, ACCENT)
    pen.line_width(canv, 0.5)
    pen.line_width(canv, 0.5)
    assert [c.split()[-1] for c in canv._code] == ["rg", "RG", "w"]
    # After a restored state the canvas's record is restored too: set again.
    canv.saveState()
    pen.fill(canv, ACCENT)
    canv.restoreState()
    pen.fill(canv, ACCENT)
    assert [c.split()[-1] for c in canv._code[3:]] == ["q", "rg", "Q", "rg"]


def test_colours_are_written_as_reportlab_writes_them_in_any_state() -> None:
    # The short way (the colour line alone) must give what setFillColor and
    # setStrokeColor give: on a fresh canvas (PDF 1.3), with transparency in
    # use, for colours with an alpha, CMYK colours and tuples.
    half = Color(0.2, 0.4, 0.6, alpha=0.5)
    cmyk = CMYKColor(0.1, 0.2, 0.3, 0.4)
    colours = [INK, ACCENT, INK, half, ACCENT, cmyk, (0.1, 0.2, 0.3), INK, half, half, ACCENT]
    ours, theirs = _canvas(), _canvas()
    for i, colour in enumerate(colours):
        for canv, fill, stroke in ((ours, pen.fill, pen.stroke),
                                   (theirs, Canvas.setFillColor, Canvas.setStrokeColor)):
            if canv._fillColorObj is not colour:
                fill(canv, colour)
            if canv._strokeColorObj is not colour:
                stroke(canv, colour)
            if i == 7:
                canv.setFillAlpha(0.3)
        assert ours._code == theirs._code
        assert ours._doc._pdfVersion == theirs._doc._pdfVersion
        assert ours._extgstate._d == theirs._extgstate._d


def test_rules_are_one_path() -> None:
    canv = _canvas()
    pen.rules(canv, [(0, 10, 100, 10), (0, 20, 100, 20)])
    pen.rules(canv, [])
    assert canv._code == ["n 0 10 m 100 10 l 0 20 m 100 20 l S"]


def _build(story: list[object]) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1).build(story)
    return buffer.getvalue()


def _chars(pdf: bytes) -> list[dict[str, object]]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return list(document.pages[0].chars)


def test_workbook_flowables_save_no_state_and_leave_others_their_own() -> None:
    # A text block, lines and a panel draw with no q/Q; the colour they leave
    # set does not reach a paragraph drawn after them.
    plain = STYLES.body.clone("plain", textColor=(0, 0, 0))
    story = [TextBlock("Accent", STYLES.h2), WriteLines(2, 20),
             Panel([TextBlock("Boxed", STYLES.body)], 6), Paragraph("Kept black", plain)]
    pdf = _build(story)
    content = reader(pdf).pages[0].get_contents().get_data()
    ops = content.split()
    assert b"q" not in ops[: ops.index(b"(Boxed)")]  # only the paragraph saves state
    colours = {c["text"]: c["non_stroking_color"] for c in _chars(pdf)}
    assert colours["A"] == pytest.approx(ACCENT.rgb(), abs=1e-3)
    assert colours["B"] == pytest.approx(INK.rgb(), abs=1e-3)
    assert colours["K"] == pytest.approx((0, 0, 0))  # the paragraph's own black


def test_a_blank_first_line_keeps_the_lines_after_it_in_place() -> None:
    # A text block that starts with a line break: its second line is one line
    # below the first, not printed over it (ReportLab's text object, with no
    # font set yet, moved down by the leading of whatever was drawn before).
    def tops(text: str) -> dict[str, float]:
        return {c["text"]: c["top"] for c in _chars(_build([TextBlock(text, STYLES.answer)]))}

    blank_first, full = tops("\nsecond\nthird"), tops("first\nsecond\nthird")
    assert blank_first["s"] == pytest.approx(full["s"], abs=0.01)
    assert blank_first["t"] == pytest.approx(full["t"], abs=0.01)
