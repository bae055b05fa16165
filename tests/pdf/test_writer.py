"""The short way of writing the document gives ReportLab's own bytes, and a valid PDF."""

from __future__ import annotations

import io
from collections import OrderedDict
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from pdfutil import extract_text, reader
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObjectReference,
    PDFResourceDictionary,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas

from workbook.example import example_plan
from workbook.facility import Facility
from workbook.options import RenderOptions, Which
from workbook.pdf import build_pdf, writer
from workbook.pdf.fonts import BODY, register_fonts
from workbook.plan import Paper, Plan

register_fonts()


def _reportlab_format(self: pdfdoc.PDFDocument) -> bytes:
    formatted: bytes = pdfdoc.PDFDocument.format(self)
    return formatted


def _both(monkeypatch: pytest.MonkeyPatch, build: Callable[[], bytes]) -> tuple[bytes, bytes]:
    """`build` written the short way, then by ReportLab's generic formatting."""
    ours = build()
    with monkeypatch.context() as patch:
        patch.setattr(writer.Document, "format", _reportlab_format)
        theirs = build()
    return ours, theirs


def _logo() -> Path:
    return Path(str(resources.files("workbook.resources").joinpath("icons", "app-64.png")))


def _intl_plan() -> Plan:
    # Past the first font subset, an emoji from the fallback font, a name with
    # characters outside Latin-1: more subsets, fonts and character maps.
    data = example_plan().model_dump(mode="json")
    data["about"]["preferred_name"] = "Zoë 🌱 Łukasz 李 " + "".join(map(chr, range(0x100, 0x180)))
    return Plan.model_validate(data)


CASES: dict[str, tuple[Plan | None, RenderOptions, Which]] = {}


def _case(name: str, plan: Plan | None, options: RenderOptions, which: Which) -> None:
    CASES[name] = (plan, options, which)


_example = example_plan()
_case("workbook", _example, RenderOptions.for_plan(_example), "workbook")
_case("large print A4", _example,
      RenderOptions.for_plan(_example, paper=Paper.A4, large_print=True), "workbook")
_case("spanish", _example, RenderOptions.for_plan(_example, language="es"), "workbook")
_case("blank", None, RenderOptions(), "workbook")
_case("facility with a logo", _example,
      RenderOptions.for_plan(_example, facility=Facility(name="Harbor Light", logo=_logo())),
      "workbook")
_case("many scripts", _intl_plan(), RenderOptions.for_plan(_intl_plan()), "workbook")
_case("contact cards", _example, RenderOptions.for_plan(_example), "contact")
_case("wallet card", _example, RenderOptions.for_plan(_example), "wallet")


@pytest.mark.parametrize("name", list(CASES))
def test_documents_are_byte_for_byte_what_reportlab_writes(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, options, which = CASES[name]
    ours, theirs = _both(monkeypatch, lambda: build_pdf(plan, options, which).pdf)
    assert ours == theirs
    assert len(reader(ours).pages) >= 1


def test_the_written_document_reads_back() -> None:
    plan, options, which = CASES["facility with a logo"]
    pdf = build_pdf(plan, options, which).pdf
    document = reader(pdf)
    assert document.pages[0].mediabox.width == 612
    assert "Harbor Light" in extract_text(pdf)
    for page in document.pages:
        assert "/Font" in page["/Resources"]


def _canvas_document(draw: Callable[[Canvas], None]) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, pageCompression=1)
    writer.use(canvas)
    draw(canvas)
    canvas.save()
    return buffer.getvalue()


def _odd_drawing(canvas: Canvas) -> None:
    # Things the workbook never draws, which ReportLab must still write right:
    # an outline, links, a form inside a form, transparency, a page label.
    canvas.bookmarkPage("start")
    canvas.addOutlineEntry("Start", "start")
    canvas.beginForm("inner")
    canvas.setFont(BODY, 10)
    canvas.drawString(0, 0, "inner form")
    canvas.endForm()
    canvas.beginForm("outer")
    canvas.doForm("inner")
    canvas.endForm()
    canvas.doForm("outer")
    canvas.setFillAlpha(0.5)
    canvas.rect(10, 10, 100, 100, fill=1)
    canvas.linkURL("https://example.org/", (10, 10, 110, 110))
    canvas.linkAbsolute("back", "start", (10, 200, 110, 300))
    canvas.setPageRotation(90)
    canvas.showPage()
    canvas.setPageDuration(3)
    canvas.setFont(BODY, 12)
    canvas.drawString(72, 72, "second page")
    canvas.setCropBox((10, 10, 500, 700))


def test_a_canvas_with_what_the_workbook_never_draws_is_written_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ours, theirs = _both(monkeypatch, lambda: _canvas_document(_odd_drawing))
    assert ours == theirs
    assert len(reader(ours).pages) == 2


def _document() -> pdfdoc.PDFDocument:
    document = pdfdoc.PDFDocument(invariant=1)
    document.Reference(PDFDictionary({"A": 1}), "target")
    return document


@pytest.mark.parametrize("element", [
    0, 1, -612, 595.2755905511812, 1e-9, 1 / 3,
    "/Page", "plain text", b"raw bytes", True,
    PDFName("name with spaces #1 (and) %"),
    PDFObjectReference("target"),
    PDFString("a (string) é"),
    PDFArray([]),
    PDFArray(list(range(25))),
    PDFArray([0.5, 1, 595.2755905511812, -3, 1e-9] * 7),
    PDFArray([True, 1, 2.5]),
    PDFArray([PDFName("PDF"), PDFName("Text"), PDFArray([1, 2.5])]),
    PDFDictionary({}),
    PDFDictionary({f"K{i}": i for i in range(14)}),
    PDFDictionary(OrderedDict([("Z", 1), ("A", PDFObjectReference("target"))])),
    PDFDictionary({"Nested": PDFDictionary({"Deep": PDFArray([PDFName("X")])})}),
    PDFDictionary({"needs #escape": 1, "é": 2}),
    PDFResourceDictionary(),
])
def test_a_value_is_written_as_reportlab_writes_it(element: Any) -> None:
    assert writer.value(element, _document()) == pdfdoc.format(element, _document())


def test_marked_dictionaries_are_left_to_reportlab() -> None:
    forced = PDFDictionary({"A": 1, "B": 2})
    forced.multiline = "forced"
    assert writer.value(forced, _document()) == pdfdoc.format(forced, _document())
    def by_reference() -> PDFDictionary:
        marked = PDFDictionary({"A": 1})
        marked.__RefOnly__ = 1
        return marked

    ours, theirs = _document(), _document()
    assert writer.value(by_reference(), ours) == pdfdoc.format(by_reference(), theirs)
    assert ours.idToObject.keys() == theirs.idToObject.keys()
    assert len(ours.idToObject) == len(_document().idToObject) + 1  # written by reference


def test_a_stream_is_written_as_reportlab_writes_it() -> None:
    def make() -> PDFStream:
        made = PDFStream(PDFDictionary({"Type": PDFName("Test")}), "BT (hello) Tj ET\n",
                         filters=[pdfdoc.PDFZCompress])
        return made

    assert writer.stream(make(), _document()) == make().format(_document())
    plain = PDFStream(content="/starts with a slash")
    assert writer.stream(plain, _document()) == plain.format(_document())


def _page(document: pdfdoc.PDFDocument, **attributes: Any) -> pdfdoc.PDFPage:
    # A page as the canvas makes it (showPage), with `attributes` changed.
    made = pdfdoc.PDFPage()
    made.pagewidth, made.pageheight = 595.2756, 841.8898
    made.Rotate = 0
    made.hasImages = 1
    made.setPageTransition(None)
    made.setCompression(1)
    made.setStream(["1 0 0 1 0 0 cm", "BT ET", " "])
    made._colorsUsed, made._shadingUsed = {}, {}
    made.ExtGState = None
    made.XObjects = None
    made.Annots = []
    for key, setting in attributes.items():
        setattr(made, key, setting)
    document.addPage(made)
    return made


@pytest.mark.parametrize(("attributes", "short"), [
    ({}, True),
    ({"Rotate": 90}, True),
    ({"Rotate": None, "Trans": None}, True),
    ({"hasImages": 0, "compression": 0}, True),
    ({"XObjects": PDFDictionary({"FormXob.a": PDFObjectReference("target")})}, True),
    ({"XObjects": PDFDictionary({f"FormXob.f{i}": PDFObjectReference("target")
                                 for i in range(9)})}, True),
    # Written by the generic path (`catalog`), as ReportLab would.
    ({"Dur": 3}, False),
    ({"Trans": PDFDictionary({"S": PDFName("Dissolve")})}, False),
    ({"Annots": [PDFObjectReference("target")]}, False),
])
def test_a_page_is_written_as_reportlab_writes_it(attributes: dict[str, Any], short: bool) -> None:
    ours, theirs = _document(), _document()
    mine, reference = _page(ours, **attributes), _page(theirs, **attributes)
    written = writer.page(mine, ours)
    assert (written is not None) == short
    if written is None:
        written = writer.catalog(mine, ours)
    assert written == reference.format(theirs)
    assert ours.idToObjectNumberAndVersion == theirs.idToObjectNumberAndVersion
