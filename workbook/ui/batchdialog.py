"""File → Print for many clients…: clients from the library, a roster, or blank sets.

The documents are built by the same engine as `recovery-workbook batch`
(`workbook.batch.run_jobs`), in worker processes driven from a QThread, so
the window never waits. Each finished row comes back in order: the bar and
the time left move, a failed row is listed while the others go on. Cancel
stops within a second; only whole files are ever written. A summary closes
the run, with a button that opens the output folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..batch import (
    Job,
    RosterError,
    RowDone,
    Summary,
    blank_jobs,
    plan_jobs,
    read_roster,
    run_jobs,
)
from ..facility import LANGUAGES, Facility
from ..form.fields import choice_label
from ..library import ClientSummary, Library, LibraryError
from ..options import BuildResult, RenderOptions, Which
from ..output.writer import OutputError, OutputExists, check_output, make_folder
from ..plan import Paper, PlanFileError
from ..text.dates import format_date
from ..text.i18n import N_, _, interface_language, ngettext
from .printing import PrintError, prepare_printer, print_pdf

# (days ahead, label) for the library filter; None shows every client.
REVIEW_FILTERS: tuple[tuple[int | None, str], ...] = (
    (14, N_("Next review within 14 days")),
    (30, N_("Next review within 30 days")),
    (None, N_("All clients")),
)
BLANK_KINDS: tuple[tuple[Which, str], ...] = (
    ("workbook", N_("Blank workbook")),
    ("contact", N_("Blank contact-card sheet")),
    ("wallet", N_("Blank wallet crisis card")),
)
MAX_COPIES = 500


def review_due(client: ClientSummary, days: int | None, today: dt.date) -> bool:
    """Whether the client's next review falls within `days` (overdue ones count too)."""
    if days is None:
        return True
    return client.next_review is not None and client.next_review <= today + dt.timedelta(days)


def time_left(elapsed: float, done: int, total: int) -> str:
    """"about 40 s left", from the pace so far ("" until one row is done)."""
    if done <= 0 or done >= total:
        return ""
    seconds = elapsed / done * (total - done)
    if seconds < 60:
        return _("about {seconds} s left").format(seconds=max(1, round(seconds)))
    return _("about {minutes} min left").format(minutes=round(seconds / 60))


def send_to_printer(printer_name: str) -> Callable[[Job, BuildResult], None]:
    """A deliver function for the engine that prints each document at 100 %."""

    def deliver(_job: Job, result: BuildResult) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPrinterName(printer_name)
        try:
            prepare_printer(printer, result.pdf)
            print_pdf(result.pdf, printer)
        except PrintError as error:
            raise OutputError(_("printer {name}: {error}").format(
                name=printer_name, error=error)) from None

    return deliver


class _Runner(QThread):
    """Runs the engine off the UI thread; rows come back through a queued signal."""

    row_done = Signal(object)
    finished_with = Signal(object)

    def __init__(
        self,
        jobs: Sequence[Job],
        processes: int,
        deliver: Callable[[Job, BuildResult], None] | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.jobs = list(jobs)
        self.processes = processes
        self.deliver = deliver
        self.cancel = threading.Event()

    def run(self) -> None:
        try:
            summary = run_jobs(self.jobs, processes=self.processes, on_row=self.row_done.emit,
                               cancel=self.cancel, deliver=self.deliver)
        except Exception as error:  # the workers could not start: say so, do not crash
            summary = Summary(len(self.jobs), 0, len(self.jobs), False, 0.0)
            self.row_done.emit(type(error).__name__)
        self.finished_with.emit(summary)


class BatchDialog(QDialog):
    """Choose what to print and where, then watch it print."""

    def __init__(
        self,
        library: Library,
        facility: Facility | None,
        parent: QWidget | None = None,
        *,
        processes: int = 2,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Print for many clients"))
        self.library = library
        self.facility = facility
        self.processes = processes
        self.runner: _Runner | None = None
        self.summary: Summary | None = None
        self.out_dir: Path | None = None
        self.errors_seen: list[RowDone] = []
        self._started = 0.0
        self._total = 0
        self._done = 0

        self.source = QTabWidget()
        self.source.addTab(self._clients_page(), _("Clients in the library"))
        self.source.addTab(self._roster_page(), _("A roster file (CSV)"))
        self.source.addTab(self._blank_page(), _("Blank copies"))

        self.to_folder = QRadioButton(_("Save PDF files in a folder"))
        self.to_printer = QRadioButton(_("Send to a printer"))
        self.to_folder.setChecked(True)
        where = QButtonGroup(self)
        where.addButton(self.to_folder)
        where.addButton(self.to_printer)
        self.folder = QLineEdit(str(Path.home() / _("Recovery Workbook prints")))
        self.folder.setAccessibleName(_("Output folder"))
        choose_folder = QPushButton(_("Choose…"))
        choose_folder.clicked.connect(self.choose_folder_dialog)
        self.printer = QComboBox()
        self.printer.setAccessibleName(_("Printer"))
        printers = QPrinterInfo.availablePrinterNames()
        self.printer.addItems(printers)
        if not printers:
            self.to_printer.setEnabled(False)
            self.to_printer.setToolTip(_("No printer is set up on this computer"))
        output = self.output_box = QGroupBox(_("Where the prints go"))
        output_layout = QFormLayout(output)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose_folder)
        output_layout.addRow(self.to_folder, folder_row)
        output_layout.addRow(self.to_printer, self.printer)

        self.progress = QProgressBar()
        self.progress.setFormat(_("%v of %m"))
        self.progress.setValue(0)
        self.status = QLabel(_("Choose what to print, then press Print."))
        self.status.setWordWrap(True)
        self.errors = QListWidget()
        self.errors.setAccessibleName(_("Rows that were not printed"))
        self.errors.setMaximumHeight(120)
        self.errors.hide()

        self.print_button = QPushButton(_("Print"))
        self.print_button.setDefault(True)
        self.cancel_button = QPushButton(_("Cancel"))
        self.open_button = QPushButton(_("Open the output folder"))
        self.open_button.hide()
        self.close_button = QPushButton(_("Close"))
        self.print_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        for button in (self.print_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.source, 1)
        layout.addWidget(output)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.errors)
        layout.addLayout(buttons)
        self.resize(760, 640)
        self.refresh_clients()

    # -- the three sources -----------------------------------------------------------

    def _clients_page(self) -> QWidget:
        page = QWidget()
        self.review_filter = QComboBox()
        self.review_filter.setAccessibleName(_("Which clients"))
        for days, label in REVIEW_FILTERS:
            self.review_filter.addItem(_(label), days)
        self.review_filter.currentIndexChanged.connect(lambda _i: self.refresh_clients())
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search by name"))
        self.search.setAccessibleName(_("Search by name"))
        self.search.textChanged.connect(lambda _t: self.refresh_clients())
        self.clients = QTreeWidget()
        self.clients.setAccessibleName(_("Clients"))
        self.clients.setHeaderLabels([_("Client"), _("Next review")])
        self.clients.setRootIsDecorated(False)
        self.clients.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.clients.itemSelectionChanged.connect(self._update_count)
        select_all = QPushButton(_("Select all shown"))
        select_all.clicked.connect(self.clients.selectAll)
        select_none = QPushButton(_("Select none"))
        select_none.clicked.connect(self.clients.clearSelection)
        self.clients_count = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.review_filter)
        top.addWidget(self.search, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(select_all)
        bottom.addWidget(select_none)
        bottom.addStretch(1)
        bottom.addWidget(self.clients_count)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.clients, 1)
        layout.addLayout(bottom)
        return page

    def _roster_page(self) -> QWidget:
        page = QWidget()
        self.roster = QLineEdit()
        self.roster.setAccessibleName(_("Roster file"))
        self.roster.setPlaceholderText(_("A CSV file with a 'name' or a 'plan' column"))
        choose = QPushButton(_("Choose…"))
        choose.clicked.connect(self.choose_roster_dialog)
        row = QHBoxLayout()
        row.addWidget(self.roster, 1)
        row.addWidget(choose)
        hint = QLabel(_(
            _("Columns: name (a name alone prints the blank workbook with that name on the "
              "cover), plan (a plan file), and if you like paper, large_print, language and file.")
        ))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addStretch(1)
        return page

    def _blank_page(self) -> QWidget:
        page = QWidget()
        defaults = self.facility or Facility()
        self.blank_kind = QComboBox()
        self.blank_kind.setAccessibleName(_("What to print"))
        for which, label in BLANK_KINDS:
            self.blank_kind.addItem(_(label), which)
        self.copies = QSpinBox()
        self.copies.setAccessibleName(_("Copies"))
        self.copies.setRange(1, MAX_COPIES)
        self.copies.setValue(10)
        self.blank_language = QComboBox()
        self.blank_language.setAccessibleName(_("Language"))
        for code in LANGUAGES:
            self.blank_language.addItem(choice_label(code), code)
        self.blank_language.setCurrentIndex(
            max(0, self.blank_language.findData(defaults.language or "en")))
        self.blank_paper = QComboBox()
        self.blank_paper.setAccessibleName(_("Paper size"))
        for paper in Paper:
            self.blank_paper.addItem(choice_label(paper), paper)
        self.blank_paper.setCurrentIndex(
            max(0, self.blank_paper.findData(defaults.paper or Paper.LETTER)))
        self.blank_large = QCheckBox(_("Large print"))
        self.blank_large.setChecked(bool(defaults.large_print))
        layout = QFormLayout(page)
        layout.addRow(_("What to print"), self.blank_kind)
        layout.addRow(_("Copies"), self.copies)
        layout.addRow(_("Language"), self.blank_language)
        layout.addRow(_("Paper size"), self.blank_paper)
        layout.addRow("", self.blank_large)
        return page

    def refresh_clients(self, today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        days = self.review_filter.currentData()
        words = self.search.text().strip().casefold()
        try:
            clients = self.library.clients()
        except LibraryError as error:
            self.status.setText(str(error))
            clients = []
        self.clients.clear()
        for client in clients:
            if not review_due(client, days, today):
                continue
            if words and words not in client.name.casefold():
                continue
            review = format_date(client.next_review, language=interface_language(),
                                 style="medium")
            item = QTreeWidgetItem([client.label(), review])
            item.setData(0, Qt.ItemDataRole.UserRole, client.id)
            if client.next_review is not None and client.next_review < today:
                item.setToolTip(1, _("Overdue"))
            self.clients.addTopLevelItem(item)
        self.clients.resizeColumnToContents(0)
        self._update_count()

    def _update_count(self) -> None:
        shown = self.clients.topLevelItemCount()
        chosen = len(self.clients.selectedItems())
        self.clients_count.setText(_("{chosen} of {shown} chosen").format(
            chosen=chosen, shown=shown))

    def chosen_client_ids(self) -> list[int]:
        return [int(item.data(0, Qt.ItemDataRole.UserRole))
                for item in self.clients.selectedItems()]

    def choose_roster_dialog(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a roster"), "", _("CSV files (*.csv);;All files (*)"))
        if name:
            self.roster.setText(name)

    def choose_folder_dialog(self) -> None:
        name = QFileDialog.getExistingDirectory(self, _("Choose the output folder"),
                                                self.folder.text())
        if name:
            self.folder.setText(name)

    # -- making the jobs -----------------------------------------------------------------

    def make_jobs(self, folder: Path) -> list[Job]:
        """The jobs for the chosen source; raises PlanFileError/LibraryError to report."""
        source = self.source.currentIndex()
        if source == 0:
            ids = self.chosen_client_ids()
            if not ids:
                raise LibraryError(_("choose at least one client (Ctrl+A chooses all shown)"))
            plans = []
            for client_id in ids:
                plan = self.library.plan(client_id)
                options = RenderOptions.for_plan(plan, facility=self.facility)
                reviews = self.library.review_entries(client_id, paper=options.paper)
                plans.append((plan, RenderOptions.for_plan(
                    plan, facility=self.facility, reviews=tuple(reviews))))
            return plan_jobs(plans, folder)
        if source == 1:
            text = self.roster.text().strip()
            if not text:
                raise RosterError(_("choose a roster file"))
            return read_roster(Path(text), folder, facility=self.facility, paper=None,
                               large_print=False)
        options = RenderOptions.for_blank(
            paper=self.blank_paper.currentData(),
            large_print=self.blank_large.isChecked(),
            language=self.blank_language.currentData(),
            facility=self.facility,
        )
        return blank_jobs(self.blank_kind.currentData(), self.copies.value(), options, folder)

    def _ready_folder(self, jobs: list[Job]) -> list[Job] | None:
        """Make the folder and check every output; ask before replacing files."""
        assert self.out_dir is not None
        make_folder(self.out_dir)
        existing = 0
        for job in jobs:
            try:
                check_output(job.output, inputs=job.inputs, library=self.library.path,
                             overwrite=False)
            except OutputExists:
                existing += 1
        if existing:
            answer = QMessageBox.question(
                self, _("Replace files?"),
                ngettext("{count} file is already in this folder. Replace it?",
                         "{count} files are already in this folder. Replace them?",
                         existing).format(count=existing),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
            jobs = [dataclasses.replace(job, overwrite=True) for job in jobs]
        for job in jobs:
            check_output(job.output, inputs=job.inputs, library=self.library.path,
                         overwrite=job.overwrite)
        return jobs

    # -- running ------------------------------------------------------------------------

    def start(self) -> bool:
        """Check everything, then print off the UI thread; False if nothing started."""
        if self.runner is not None:
            return False
        self.out_dir = Path(self.folder.text().strip()).expanduser()
        to_printer = self.to_printer.isChecked()
        try:
            jobs = self.make_jobs(self.out_dir)
            if not to_printer:
                ready = self._ready_folder(jobs)
                if ready is None:
                    return False
                jobs = ready
        except (PlanFileError, LibraryError, OutputError) as error:
            self.status.setText(str(error))
            return False
        deliver = send_to_printer(self.printer.currentText()) if to_printer else None
        self.errors.clear()
        self.errors.hide()
        self.errors_seen = []
        self.open_button.hide()
        self._total, self._done = len(jobs), 0
        self.progress.setRange(0, len(jobs))
        self.progress.setValue(0)
        self.status.setText(ngettext("Printing {count} document…",
                                     "Printing {count} documents…", len(jobs)).format(
                                         count=len(jobs)))
        self.runner = _Runner(jobs, max(1, min(self.processes, len(jobs))), deliver, self)
        self.runner.row_done.connect(self._row_done)
        self.runner.finished_with.connect(self._finished)
        self._set_running(True)
        self._started = time.monotonic()
        self.runner.start()
        return True

    def _set_running(self, running: bool) -> None:
        self.print_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)
        self.source.setEnabled(not running)
        self.output_box.setEnabled(not running)

    def _row_done(self, done: RowDone | str) -> None:
        if isinstance(done, str):  # the engine itself failed
            self.errors.addItem(_("Printing could not start ({error})").format(error=done))
            self.errors.show()
            return
        self._done += 1
        self.progress.setValue(self._done)
        if done.error is not None:
            self.errors_seen.append(done)
            item = QListWidgetItem(_("Row {row}: {error}").format(row=done.job.row,
                                                                  error=done.error))
            self.errors.addItem(item)
            self.errors.show()
        left = time_left(time.monotonic() - self._started, self._done, self._total)
        count = _("{done} of {total}").format(done=self._done, total=self._total)
        self.status.setText(f"{count} · {left}" if left else count)

    def cancel(self) -> None:
        if self.runner is not None:
            self.runner.cancel.set()
            self.status.setText(_("Stopping…"))
            self.cancel_button.setEnabled(False)

    def _finished(self, summary: Summary) -> None:
        runner, self.runner = self.runner, None
        if runner is not None:
            runner.wait()
            runner.deleteLater()
        self.summary = summary
        self._set_running(False)
        self.status.setText(self.describe(summary))
        to_folder = self.to_folder.isChecked() and summary.printed > 0
        self.open_button.setVisible(to_folder)

    def describe(self, summary: Summary) -> str:
        text = ngettext("Printed {printed} of {total} document",
                        "Printed {printed} of {total} documents", summary.total).format(
                            printed=summary.printed, total=summary.total)
        if summary.failed:
            text += " · " + ngettext("{count} failed (listed below)",
                                     "{count} failed (listed below)",
                                     summary.failed).format(count=summary.failed)
        if summary.cancelled:
            left = summary.total - summary.printed - summary.failed
            text += " · " + _("stopped: {count} not started").format(count=left)
        text += " · " + _("took {seconds:.0f} s").format(seconds=summary.seconds)
        if self.to_folder.isChecked() and self.out_dir is not None:
            text += "\n" + _("Saved in {folder}").format(folder=self.out_dir)
        return text

    def open_folder(self) -> None:
        if self.out_dir is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.out_dir)))

    def wait_until_done(self, timeout_ms: int = 60_000) -> bool:
        """For tests and closing: wait for a running batch to end."""
        runner = self.runner
        return runner is None or runner.wait(timeout_ms)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner is not None:
            self.cancel()
            self.runner.wait(5000)
        event.accept()
