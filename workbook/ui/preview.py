"""The live preview: the workbook as it will print, updated as the form changes.

The plan is sent to the `Renderer` a moment after the last change (the
newest edit wins), and the PDF bytes come back into a `QPdfDocument` read
from a `QBuffer` (never a file: the PDF holds client data). The view keeps
its place between updates and jumps to the section of the page being edited.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QObject,
    QPointF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtPdf import QPdfDocument, QPdfPageRenderer
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..options import OverflowNote, ReviewEntry
from ..plan import plan_to_json
from ..text.i18n import N_, _, languages, ngettext, translator
from .controller import PlanController
from .renderer import Outcome, Renderer

# A short pause before a build: keys typed closer together than this are one
# build. Longer bursts need no longer wait: while a build runs, only the newest
# change waits for the next one (the renderer drops older requests).
DEBOUNCE_MS = 40
# The picture of the old pages covers the view until the new page is drawn,
# and no longer than this (it is drawn in a few tens of milliseconds).
COVER_MS = 250

# Words that open each page's section in the printed workbook, tried in order, in
# every language the workbook prints in (the plan's language decides).
SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "about": (N_("My Recovery Plan"),),
    "pathways": (N_("My pathways"), "My Pathways"),
    "prevention": (N_("Preventing a return to use"), "Preventing a Return to Use"),
    "support_network": (N_("My support network"), "My Support Network"),
    "whole_health": (N_("Whole health"), "Whole Health"),
    "continuing_care": (N_("Continuing care"), "Continuing Care"),
    "goals": (N_("Goals and milestones"), "Goals and Milestones", N_("My goals")),
    "crisis_plan": (N_("Crisis action plan"), "Crisis Action Plan", N_("My crisis plan")),
    "check_ins": (N_("Check-ins and reviews"), "Check-ins and Reviews", "Check-ins"),
}


def opening_lines(text: str, count: int = 4) -> set[str]:
    """The first lines of a page's text, alone and two by two (a heading may wrap).

    A section starts on the page whose heading is one of its first lines
    ("PART 2", "Preventing a return to use"); the contents page, which names
    every section in its first lines too, has them inside longer lines
    ("Part 2 Preventing a return to use"), so it never counts as one.
    """
    lines = [" ".join(line.split()).casefold() for line in text.splitlines()[:count]]
    return {*lines, *(f"{a} {b}" for a, b in itertools.pairwise(lines))}


class PreviewPane(QWidget):
    """The workbook preview, its status, and the card overflow list.

    Signals:
        shown(int): a build with this job id is now on screen.
        jump_requested(str): the person asked to go to the field of an overflow note.
    """

    shown = Signal(int)
    jump_requested = Signal(str)

    def __init__(
        self,
        controller: PlanController,
        renderer: Renderer,
        parent: QWidget | None = None,
        reviews: Callable[[], tuple[ReviewEntry, ...]] | None = None,
        *,
        overflow: bool = True,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.lists_overflow = overflow  # whether the card overflow list is shown
        self.renderer = renderer
        self.reviews = reviews
        self.document: QPdfDocument | None = None
        self._buffer: QBuffer | None = None
        self._bytes = QByteArray()
        self.latest_requested = 0
        self.shown_id = 0
        self.overflow: tuple[OverflowNote, ...] = ()
        self.pdf = b""
        self.section_pages: dict[str, int] = {}
        self._follow_key: str | None = None
        self._scan_page = 0
        self.last_change = 0.0
        self.last_latency = 0.0
        self.active = True

        self.status = QLabel(_("Preview"))
        self.status.setObjectName("hint")
        self.status.setAccessibleName(_("Preview status"))
        self.zoom = QComboBox()
        self.zoom.setAccessibleName(_("Preview zoom"))
        for label, value in ((_("Fit width"), 0.0), (_("Whole page"), -1.0), ("50 %", 0.5),
                             ("75 %", 0.75), ("100 %", 1.0), ("150 %", 1.5)):
            self.zoom.addItem(label, value)
        self.zoom.currentIndexChanged.connect(self._zoom_changed)
        top = QHBoxLayout()
        top.setContentsMargins(8, 6, 8, 2)
        title = QLabel(_("Preview"))
        title.setObjectName("question")
        top.addWidget(title)
        top.addWidget(self.status, 1)
        top.addWidget(self.zoom)

        self.view = QPdfView()
        self.view.setAccessibleName(_("Workbook preview"))
        self.view.setAccessibleDescription(_("The printed workbook as it looks now."))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setMinimumWidth(240)
        # Scrolled with the mouse or after a click; not a stop on the way
        # through the form with Tab.
        self.view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._empty = QPdfDocument(self)
        self._cover = QLabel(self)
        self._cover.hide()
        self._uncover = QTimer(self)
        self._uncover.setSingleShot(True)
        self._uncover.setInterval(COVER_MS)
        self._uncover.timeout.connect(self._cover.hide)
        # The view draws pages in a thread and says so; the cover goes as soon
        # as the page being read is drawn from the new document.
        drawer = self.view.findChild(QPdfPageRenderer)
        if drawer is not None:
            drawer.pageRendered.connect(self._page_drawn)
        # A resize keeps the page being read (the view alone keeps the pixel offset).
        self._page_before_resize: tuple[int, QPointF] | None = None
        self.view.installEventFilter(self)

        self.overflow_label = QLabel(
            _("Does not fit on the cards (everything is still in the workbook):")
        )
        self.overflow_label.setObjectName("question")
        self.overflow_label.setWordWrap(True)
        self.overflow_list = QListWidget()
        self.overflow_list.setAccessibleName(_("What does not fit on the cards"))
        self.overflow_list.setToolTip(_("Double-click (or press Enter) to go to the field"))
        self.overflow_list.setMaximumHeight(120)
        # Notes wrap within the pane (a narrow one at 1024 px) instead of
        # running off beside a sideways scroll bar.
        self.overflow_list.setWordWrap(True)
        self.overflow_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.overflow_list.itemActivated.connect(self._jump)
        self.overflow_label.setBuddy(self.overflow_list)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.overflow_label)
        layout.addWidget(self.overflow_list)
        self._show_overflow(())

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh_now)
        self._scanner = QTimer(self)
        self._scanner.setInterval(0)
        self._scanner.timeout.connect(self._scan_one_page)
        controller.changed.connect(self._changed)
        renderer.finished.connect(self._finished)

    # -- asking for builds -----------------------------------------------------

    def _changed(self, _path: str) -> None:
        self.last_change = time.perf_counter()
        if self.active:
            self._debounce.start()

    def pending(self) -> bool:
        """Whether a change is waiting for its build to be asked for."""
        return self._debounce.isActive()

    def refresh_now(self) -> None:
        self._debounce.stop()
        reviews = tuple(self.reviews()) if self.reviews else ()
        self.latest_requested = self.renderer.request(
            plan_to_json(self.controller.plan), reviews=reviews
        )
        self.status.setText(_("Updating…"))

    # -- showing results -------------------------------------------------------

    def _finished(self, outcome: Outcome) -> None:
        if outcome.which != "workbook" or outcome.job_id < self.shown_id:
            return
        if outcome.error:
            self.status.setText(_("Preview not updated: {error}").format(error=outcome.error))
            return
        self.show_pdf(outcome.pdf)
        self.shown_id = outcome.job_id
        self.pdf = outcome.pdf
        self._show_overflow(outcome.overflow)
        waiting = self.renderer.is_busy()
        pages = ngettext("{count} page", "{count} pages", outcome.page_count).format(
            count=outcome.page_count)
        self.status.setText(_("Updating… ({pages})").format(pages=pages) if waiting else pages)
        self.last_latency = time.perf_counter() - self.last_change
        self.shown.emit(outcome.job_id)

    def show_pdf(self, pdf: bytes) -> None:
        """Load new bytes, keeping the reader's place.

        The view draws a new document's pages a moment after it gets it; until
        then a picture of the old pages covers it, so the preview never
        flashes blank while it updates.
        """
        if self.document is not None and self.view.isVisible():
            self._cover.setPixmap(self.view.grab())
            self._cover.setGeometry(self.view.geometry())
            self._cover.show()
            self._cover.raise_()
            self._uncover.start()
        navigator = self.view.pageNavigator()
        page = navigator.currentPage()
        location = navigator.currentLocation()
        old_document, old_buffer = self.document, self._buffer
        self._bytes = QByteArray(pdf)
        buffer = QBuffer(self)
        buffer.setData(self._bytes)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument(self)
        document.load(buffer)
        self.document, self._buffer = document, buffer
        self.view.setDocument(document)
        if document.pageCount() > 0:
            page = min(page, document.pageCount() - 1)
            navigator.jump(page, location, navigator.currentZoom())
        if old_document is not None:
            old_document.deleteLater()
        if old_buffer is not None:
            old_buffer.deleteLater()
        self.section_pages = {}
        self._scan_page = 0
        self._scanner.start()

    def _page_drawn(self, page: int, *_details: object) -> None:
        if self._cover.isVisible() and page == self.view.pageNavigator().currentPage():
            self._uncover.stop()
            self._cover.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize:
            navigator = self.view.pageNavigator()
            if self.document is not None and self._page_before_resize is None:
                self._page_before_resize = (navigator.currentPage(), navigator.currentLocation())
                QTimer.singleShot(0, self, self._back_to_page)  # dropped if deleted first
        return False

    def _back_to_page(self) -> None:
        kept, self._page_before_resize = self._page_before_resize, None
        if kept is None or self.document is None:
            return
        page, location = kept
        navigator = self.view.pageNavigator()
        if navigator.currentPage() != page:
            navigator.jump(page, location, navigator.currentZoom())

    def _show_overflow(self, notes: tuple[OverflowNote, ...]) -> None:
        self.overflow = notes
        self.overflow_list.clear()
        for note in notes:
            item = QListWidgetItem(note.message())
            item.setData(Qt.ItemDataRole.UserRole, note.field_path or "")
            if note.field_path:
                item.setToolTip(_("Double-click to go to this field"))
            self.overflow_list.addItem(item)
        self.overflow_label.setVisible(bool(notes) and self.lists_overflow)
        self.overflow_list.setVisible(bool(notes) and self.lists_overflow)

    def _jump(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.jump_requested.emit(str(path))

    def _zoom_changed(self) -> None:
        value = float(self.zoom.currentData())
        if value == 0.0:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif value < 0:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(value)

    # -- following the form ----------------------------------------------------

    def _scan_one_page(self) -> None:
        """Find where each section starts, one page per event-loop turn."""
        document = self.document
        if document is None or self._scan_page >= document.pageCount():
            self._scanner.stop()
            if self._follow_key:
                self.follow(self._follow_key)
            return
        lines = opening_lines(document.getAllText(self._scan_page).text())
        for key, headings in SECTION_HEADINGS.items():
            if key not in self.section_pages and any(
                translator(language).gettext(h).casefold() in lines
                for h in headings for language in languages()
            ):
                self.section_pages[key] = self._scan_page
        self._scan_page += 1

    def follow(self, page_key: str) -> None:
        """Show the start of the section the form is on."""
        self._follow_key = page_key
        page = self.section_pages.get(page_key)
        if page is None or self.document is None:
            return
        navigator = self.view.pageNavigator()
        if navigator.currentPage() != page:
            navigator.jump(page, QPointF(0, 0), navigator.currentZoom())

    def clear(self) -> None:
        # An empty document, not None: PySide6 6.12 miscounts references to
        # None passed to setDocument and the process aborts.
        self.view.setDocument(self._empty)
        self.document = None
        self.pdf = b""
        self.shown_id = 0
        self._show_overflow(())
