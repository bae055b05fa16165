"""The lean layout loop (pdf/frames.py) places everything where ReportLab's own places it."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from typing import Any

import pytest
from cardplans import stress_plan
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from workbook.example import example_plan
from workbook.options import RenderOptions
from workbook.pdf import build_pdf, frames, pen
from workbook.plan import Paper

Placement = tuple[int, str, float, float, float, float]


class Probe(pen.Direct):
    """A box of text lines that notes where it is drawn; splits between its lines."""

    def __init__(self, log: list[Placement], label: str, lines: float, *, width: float = 0.0,
                 **attributes: Any) -> None:
        self.log = log
        self.label = label
        self.lines = lines
        self.fixed_width = width
        for name, value in attributes.items():
            setattr(self, name, value)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = self.fixed_width or avail_width
        self.height = 12.0 * self.lines
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fits = int(avail_height // 12)
        if fits < 1 or fits >= self.lines or self.lines != int(self.lines):
            return []
        return [Probe(self.log, self.label + "a", fits, width=self.fixed_width),
                Probe(self.log, self.label + "b", self.lines - fits, width=self.fixed_width)]

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        self.log.append((canv.getPageNumber(), self.label, x, y, self.width, self.height))
        canv.rect(x, y, self.width, self.height)


class Zero(Probe):
    _ZEROSIZE = True

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0.0, 0.0


def _story(log: list[Placement]) -> list[Flowable]:
    heading = ParagraphStyle("h", keepWithNext=1, spaceBefore=6, spaceAfter=4)
    breaking = ParagraphStyle("b", pageBreakBefore=1)
    story: list[Flowable] = [Zero(log, "marker", 0), Probe(log, "intro", 3, spaceAfter=8)]
    for n in range(14):
        story += [
            Probe(log, f"heading{n}", 1, keepWithNext=1, spaceBefore=10, spaceAfter=3),
            Probe(log, f"body{n}", 5 + 3 * n, spaceBefore=2, spaceAfter=6),
            Probe(log, f"narrow{n}", 2, width=120, hAlign=("LEFT", "CENTER", "RIGHT")[n % 3]),
            Zero(log, f"mark{n}", 0, spaceBefore=5),
        ]
        if n % 4 == 1:
            story += [Spacer(1, 30), Paragraph(f"A paragraph of ReportLab's, number {n}.")]
        if n % 4 == 2:
            story += [KeepTogether([Probe(log, f"kept{n}", 6), Probe(log, f"kept{n}x", 4)])]
        if n % 5 == 3:
            story += [CondPageBreak(200), Probe(log, f"styled{n}", 2, style=heading)]
        if n == 6:
            story += [NextPageTemplate("two"), PageBreak(), Probe(log, "left", 50),
                      FrameBreak(), Probe(log, "right", 3), NextPageTemplate("one")]
        if n == 9:
            story += [Probe(log, "break", 2, style=breaking)]
    # A page filled to the last point, then a marker, which still goes on it.
    story += [PageBreak(), Probe(log, "full", 488 / 12), Zero(log, "at-the-foot", 0)]
    story += [Probe(log, "tall", 80), Probe(log, "last", 1)]
    return story


def _lay_out(doc_class: type[BaseDocTemplate], frame_class: type[Frame]) -> tuple[
        list[Placement], bytes]:
    log: list[Placement] = []
    buffer = io.BytesIO()
    one = PageTemplate("one", [frame_class(50, 50, 400, 500, id="one")])
    two = PageTemplate("two", [frame_class(50, 50, 190, 500, id="left"),
                               frame_class(260, 50, 190, 500, id="right")])
    doc = doc_class(buffer, pagesize=(500, 600), pageTemplates=[one, two], invariant=1)
    doc.build(_story(log))
    return log, buffer.getvalue()


def test_the_lean_loop_places_flowables_as_reportlabs() -> None:
    expected, expected_pdf = _lay_out(BaseDocTemplate, Frame)
    placed, pdf = _lay_out(frames.LeanDocTemplate, frames.LeanFrame)
    assert placed == expected
    assert pdf == expected_pdf
    # The story did what it is there for: splits, several pages, both frames.
    labels = [label for _, label, *_ in placed]
    assert any(label.endswith("a") for label in labels)
    assert max(page for page, *_ in placed) > 5
    assert {"lefta", "leftb", "right", "break", "styled3", "narrow10b", "talla"} <= set(labels)
    full = next(page for page, label, *_ in placed if label == "full")
    assert (full, "at-the-foot") in [(page, label) for page, label, *_ in placed]
    assert any(x == 266 for _, _, x, *_ in placed)  # the second frame of a page


def test_plain_flowables_take_the_lean_path(monkeypatch: pytest.MonkeyPatch) -> None:
    generic: list[Flowable] = []
    original = Frame._add

    def counted(self: Frame, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        generic.append(flowable)
        return int(original(self, flowable, canv, trySplit))

    monkeypatch.setattr(Frame, "_add", counted)
    placed, _ = _lay_out(frames.LeanDocTemplate, frames.LeanFrame)
    assert placed
    # Only ReportLab's own flowables (and anything kept together) go the generic way.
    assert all(not isinstance(f, Probe) for f in generic if not isinstance(f, KeepTogether))


def _reportlab_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frames.LeanDocTemplate, "handle_flowable",
                        BaseDocTemplate.handle_flowable)
    monkeypatch.setattr(frames.LeanFrame, "_add", Frame._add)
    monkeypatch.setattr(frames.LeanFrame, "add", Frame._add)


CASES: dict[str, Callable[[], tuple[Any, RenderOptions]]] = {
    "example": lambda: (example_plan(), RenderOptions.for_plan(example_plan())),
    "stress, large print": lambda: (stress_plan(), dataclasses.replace(
        RenderOptions.for_plan(stress_plan()), large_print=True)),
    "blank A4": lambda: (None, RenderOptions(paper=Paper.A4)),
}


@pytest.mark.parametrize("case", CASES)
def test_workbooks_are_the_same_bytes_as_with_reportlabs_loop(
    case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, options = CASES[case]()
    lean = build_pdf(plan, options, "workbook")
    with monkeypatch.context() as patch:
        _reportlab_loop(patch)
        generic = build_pdf(plan, options, "workbook")
    assert lean.pdf == generic.pdf
    assert lean.page_count == generic.page_count
