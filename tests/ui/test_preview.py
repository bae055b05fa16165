"""The live preview, the renderer off the UI thread, and printing at actual size."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from workbook.library import Library
from workbook.options import RenderOptions
from workbook.output import render_worker
from workbook.pdf import build_workbook
from workbook.plan import Paper, Plan, plan_to_json
from workbook.ui.mainwindow import MainWindow
from workbook.ui.printing import print_pdf
from workbook.ui.renderer import Outcome, Renderer

from .conftest import type_text


def test_worker_protocol_round_trip() -> None:
    frame = render_worker.request(7, plan_to_json(Plan()))
    body = json.loads(frame[4:])
    header, pdf = render_worker.build(body)
    assert header["id"] == 7 and header["error"] is None
    assert pdf.startswith(b"%PDF") and header["page_count"] > 1
    stream = io.BytesIO(render_worker.frame(b"abc") + render_worker.frame(b""))
    assert render_worker.read_frame(stream) == b"abc"
    assert render_worker.read_frame(stream) == b""
    assert render_worker.read_frame(stream) is None


def test_a_broken_plan_gives_a_message_not_a_crash() -> None:
    header, pdf = render_worker.build({"id": 1, "plan": '{"schema_version": 1, "about": 5}'})
    assert pdf == b""
    assert header["error"].startswith("plan: about:")


def test_only_the_newest_waiting_request_is_built(qtbot: Any) -> None:
    renderer = Renderer(backend="thread")
    done: list[Outcome] = []
    renderer.finished.connect(done.append)
    plans = [Plan.model_validate({"about": {"preferred_name": n}}) for n in ("A", "B", "C")]
    ids = [renderer.request(plan_to_json(p)) for p in plans]
    qtbot.waitUntil(lambda: len(done) == 2 and not renderer.is_busy(), timeout=20000)
    renderer.stop()
    # The first was already running; the second was replaced by the third.
    assert [o.job_id for o in done] == [ids[0], ids[2]]
    assert all(o.pdf.startswith(b"%PDF") for o in done)


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["process", "thread"])
def test_preview_follows_typing_and_the_page_being_edited(
    qtbot: Any, library: Library, no_questions: list[str], backend: str
) -> None:
    window = MainWindow(library, preview_backend=backend)
    qtbot.addWidget(window)
    window.show()
    window.open_example()
    preview = window.preview
    qtbot.waitUntil(lambda: preview.shown_id > 0, timeout=60000)
    assert preview.document is not None
    assert preview.document.pageCount() > 10
    name = window.editor.page("about").editor("about.preferred_name")
    name.selectAll()
    type_text(qtbot, name, "Rosa M.")

    def caught_up() -> bool:
        return (
            not preview.pending()
            and not window.renderer.is_busy()
            and preview.shown_id == preview.latest_requested
        )

    qtbot.waitUntil(caught_up, timeout=60000)
    text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(preview.pdf)).pages[:1])
    assert "Rosa M." in text
    qtbot.waitUntil(lambda: "crisis_plan" in preview.section_pages, timeout=10000)
    window.editor.show_page("crisis_plan")
    target = preview.section_pages["crisis_plan"]
    qtbot.waitUntil(lambda: preview.view.pageNavigator().currentPage() == target, timeout=5000)
    window.renderer.stop()


def test_printing_keeps_every_page_at_actual_size(qtbot: Any, tmp_path: Path) -> None:
    for paper, size in ((Paper.LETTER, (612, 792)), (Paper.A4, (595.3, 841.9))):
        plan = Plan()
        plan.print_settings.paper = paper
        pdf = build_workbook(plan, RenderOptions.for_plan(plan)).pdf
        out = tmp_path / f"printed-{paper}.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        from workbook.ui.printing import prepare_printer

        prepare_printer(printer, pdf)
        printer.setFromTo(2, 3)
        assert print_pdf(pdf, printer) == 2
        printed = PdfReader(out)
        assert len(printed.pages) == 2
        for page in printed.pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert width == pytest.approx(size[0], abs=1.5)
            assert height == pytest.approx(size[1], abs=1.5)


@pytest.mark.slow
def test_the_preview_follows_ctrl_page_down_and_up_to_each_part(
    qtbot: Any, library: Library, no_questions: list[str]
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from .session.helpers import press

    window = MainWindow(library, preview_backend="thread")
    qtbot.addWidget(window)
    window.show()
    window.open_example()
    window.activateWindow()
    preview = window.preview
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.waitUntil(lambda: "check_ins" in preview.section_pages, timeout=60000)
    document = preview.document
    assert document is not None

    def shown_page_opens_with() -> str:
        page = preview.view.pageNavigator().currentPage()
        return " ".join(document.getAllText(page).text().split()[:2])

    control = Qt.KeyboardModifier.ControlModifier
    for key, expected in ((Qt.Key.Key_PageDown, "PART 1"), (Qt.Key.Key_PageDown, "PART 2"),
                          (Qt.Key.Key_PageDown, "PART 3"), (Qt.Key.Key_PageUp, "PART 2")):
        press(qtbot, key, control)
        qtbot.waitUntil(lambda expected=expected: shown_page_opens_with() == expected,
                        timeout=5000)
    window.renderer.stop()


def test_the_old_pages_cover_the_view_only_until_the_new_page_is_drawn(qtbot: Any) -> None:
    """The picture of the old pages goes when the view has drawn the page being
    read from the new document, not after a fixed time (it held every change
    back by a quarter of a second)."""
    from PySide6.QtPdf import QPdfPageRenderer

    from workbook.ui.controller import PlanController
    from workbook.ui.preview import PreviewPane

    renderer = Renderer(backend="thread")
    pane = PreviewPane(PlanController(), renderer)
    qtbot.addWidget(pane)
    pane.resize(500, 700)
    pane.show()
    qtbot.waitExposed(pane)
    plan = Plan()
    pdf = build_workbook(plan, RenderOptions.for_plan(plan)).pdf
    drawer = pane.view.findChild(QPdfPageRenderer)
    assert drawer is not None
    with qtbot.waitSignal(drawer.pageRendered, timeout=10000):
        pane.show_pdf(pdf)
    # Only the drawing of the new page may take the cover away in this test.
    pane._uncover.setInterval(600_000)
    pane.show_pdf(pdf)
    assert pane._cover.isVisible()  # the old pages, while the new ones are drawn
    qtbot.waitUntil(lambda: not pane._cover.isVisible(), timeout=10000)
    renderer.stop()


def test_card_notes_wrap_in_a_narrow_preview(
    qtbot: Any, library: Library, no_questions: list[str]
) -> None:
    # Seen at 1024 x 700: each note ran off the pane beside a sideways scroll bar.
    window = MainWindow(library, preview_backend="thread")
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    window.open_example()
    notes = window.preview.overflow_list
    qtbot.waitUntil(lambda: notes.count() > 0, timeout=60000)
    qtbot.wait(50)
    longest = max(notes.fontMetrics().horizontalAdvance(notes.item(i).text())
                  for i in range(notes.count()))
    assert longest > notes.viewport().width()  # the pane is narrower than a note
    assert not notes.horizontalScrollBar().isVisible()
    assert notes.wordWrap()
    window.renderer.stop()
