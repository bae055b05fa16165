"""The main window: the library first, then the plan editor with its preview.

Menus follow desktop conventions (File, Edit, View, Help; Ctrl+N/O/S/P,
Ctrl+Z and Ctrl+Shift+Z). Work is autosaved as it happens; closing asks
about saving only when something changed since the last save.

The window shows before the plan model, the editor and the preview are
loaded: `ui.app.start` builds it with no library, shows the welcome screen, and
calls `attach` once the first frame is painted. Only Qt and light modules are
imported here; the rest is imported where it is used.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6.QtCore import QEventLoop, QObject, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..text.i18n import _, interface_language
from .libraryview import LibraryView

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from ..facility import Facility
    from ..library import Draft, Library
    from ..options import BuildResult, OverflowNote, ReviewEntry, Which
    from .editorview import EditorView
    from .preview import PreviewPane
    from .printing import RasterJob
    from .renderer import Renderer
    from .session import Session

APP_TITLE = "Recovery Workbook"
SETTINGS_ORG = "Recovery Workbook"
SETTINGS_APP = "Recovery Workbook"


def settings() -> QSettings:
    return QSettings(SETTINGS_ORG, SETTINGS_APP)


def app_icon() -> QIcon:
    from importlib import resources

    icon = QIcon()
    for size in (32, 64, 256):
        path = resources.files("workbook").joinpath("resources", "icons", f"app-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon


def default_size() -> QSize:
    """1280 x 820, or the whole screen where it is smaller (a 1024 x 700 laptop)."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1280, 820)
    room = screen.availableGeometry()
    return QSize(min(1280, room.width()), min(820, room.height()))


T = TypeVar("T")


def off_ui_thread(parent: QWidget, work: Callable[[], T], message: str) -> T:
    """Run `work` in a worker thread while the window keeps drawing; its result.

    A progress note shows if it takes a moment; input to the window waits.
    """
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed back to the caller below
            outcome["error"] = error

    thread = threading.Thread(target=run, name="build", daemon=True)
    progress = QProgressDialog(message, "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    loop = QEventLoop()
    watch = QTimer()
    watch.setInterval(15)
    watch.timeout.connect(lambda: None if thread.is_alive() else loop.quit())
    thread.start()
    watch.start()
    progress.setValue(0)
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    watch.stop()
    progress.close()
    progress.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return cast(T, outcome["value"])


def suggested_file_name(name: str, suffix: str) -> str:
    kind = _("workbook") if suffix == ".pdf" else _("plan")
    kept = "".join(c if c.isalnum() or c in " .,'-_()" else " " for c in name)
    safe = " ".join(kept.split()).lstrip(". ")  # no hidden file
    return f"{safe} {kind}{suffix}" if safe else f"{_('recovery')} {kind}{suffix}"


class BeforePrintDialog(QDialog):
    """What did not fit on the cards, with a way to go and fix it, before printing."""

    def __init__(self, notes: tuple[OverflowNote, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Before printing"))
        self.jump_path: str | None = None
        intro = QLabel(
            _("Some words do not fit on the cards at a readable size. They are still printed "
              "in full in the workbook. Print anyway, or go to the field to shorten it.")
        )
        intro.setWordWrap(True)
        self.notes = QListWidget()
        self.notes.setAccessibleName(_("What does not fit on the cards"))
        for note in notes:
            item = QListWidgetItem(note.message())
            item.setData(Qt.ItemDataRole.UserRole, note.field_path or "")
            self.notes.addItem(item)
        self.notes.setCurrentRow(0)
        # Each note whole on its lines, not cut off beside a sideways scroll bar.
        self.notes.setWordWrap(True)
        self.notes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole
        self.print_button = buttons.addButton(_("Print anyway"), role.AcceptRole)
        # Return prints (everything is in the workbook); Enter on a note, once
        # the list has the focus, goes to its field.
        self.print_button.setDefault(True)
        self.go_button = buttons.addButton(_("Go to the field"), role.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.go_button.clicked.connect(self._go)
        self.notes.itemActivated.connect(lambda _item: self._go())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.notes)
        layout.addWidget(buttons)
        self.resize(560, 320)
        self.print_button.setFocus()

    def _go(self) -> None:
        item = self.notes.currentItem()
        path = item.data(Qt.ItemDataRole.UserRole) if item else ""
        if path:
            self.jump_path = str(path)
            self.done(2)


class MainWindow(QMainWindow):
    """Library view and plan editor in one window.

    Signals:
        exported(str): a PDF was written to this path.
        printed(str): a print job ended ("" when the pages were sent, else why not).
    """

    exported = Signal(str)
    printed = Signal(str)

    # Set by `attach`, once the library is open.
    library: Library
    session: Session
    renderer: Renderer
    editor: EditorView
    preview: PreviewPane

    def __init__(
        self, library: Library | None, *, preview_backend: str | None = "process"
    ) -> None:
        """The window; with no `library` only the welcome screen, until `attach`."""
        super().__init__()
        self.attached = False
        # What `ensure_attached` runs if an action comes before `attach` (the
        # program sets it to open the library); None: nothing to wait for.
        self.pending_attach: Callable[[], object] | None = None
        self.print_job: QObject | None = None  # the print job under way, if any
        self.setWindowIcon(app_icon())
        # No backend: no live preview (tests of the form alone).
        self.live_preview = preview_backend is not None
        self._preview_backend = preview_backend or "thread"
        self.stack = QStackedWidget()
        self.library_view = LibraryView(None)
        self.stack.addWidget(self.library_view)
        self.setCentralWidget(self.stack)
        self.facility: Facility | None = None
        self.facility_label = QLabel()
        self.facility_label.setObjectName("hint")
        self.statusBar().addPermanentWidget(self.facility_label)
        self._make_actions()
        self._make_menus()
        self._connect()
        self._update_title()
        self._update_actions()
        self.resize(default_size())
        self.restore_layout()
        if library is not None:
            self.attach(library)

    def attach(self, library: Library) -> None:
        """Open `library`: its clients, the plan editor and the preview (the heavy part)."""
        from .editorview import EditorView
        from .guards import InputGuard
        from .language import language_menu
        from .preview import PreviewPane
        from .renderer import Renderer
        from .revisionactions import RevisionActions
        from .session import Session

        self.library = library
        self.session = Session(library, self)
        self.controller = self.session.controller
        self.renderer = Renderer(self, backend=self._preview_backend)
        self.editor = EditorView(self.controller)
        self.preview = PreviewPane(self.controller, self.renderer, reviews=self._reviews)
        self.preview.active = False
        self.editor.set_preview(self.preview)
        self.stack.addWidget(self.editor)
        self._make_undo_actions()
        self.revisions = RevisionActions(self, self)
        self.file_menu.insertAction(self.export_plan_action, self.revisions.history_action)
        # Its languages are named with Babel: loaded after the first frame too.
        self.settings_menu.addMenu(language_menu(self, settings()))
        self._connect_editor()
        undo_keys = [*self.undo_action.shortcuts(), *self.redo_action.shortcuts()]
        self.input_guard = InputGuard(self, undo_keys)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.input_guard)
            # Moving to another field ends that field's undo step.
            cast(QApplication, app).focusChanged.connect(self._focus_moved)
        self.attached = True
        self.load_facility()
        self.restore_editor_layout()
        self.library_view.set_library(library)
        self._update_actions()
        if self.live_preview:
            # The preview's renderer warms up (its imports, the fonts) while the
            # person reads the list: the first preview of a plan comes sooner.
            self.renderer.start()

    def ensure_attached(self) -> bool:
        """Open the library now if the program has not yet; False if it cannot be."""
        if not self.attached and self.pending_attach is not None:
            pending, self.pending_attach = self.pending_attach, None
            pending()
        return self.attached

    def _when_attached(self, slot: Callable[..., object]) -> Callable[..., None]:
        """`slot`, run once the library is open (a click that came very early waits)."""

        def run(*args: object) -> None:
            if self.ensure_attached():
                slot(*args)

        return run

    # -- building ------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        when_attached = self._when_attached(slot)
        action.triggered.connect(lambda _checked=False: when_attached())
        return action

    def _make_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action(_("&New plan"), self.new_plan, keys.New,
                                       _("Start a new plan"))
        self.open_action = self._action(
            _("&Open…"), self.show_library, keys.Open, _("Choose a client's plan from the library")
        )
        self.import_action = self._action(_("&Import plan file…"), self.import_plan_dialog)
        self.save_action = self._action(
            _("&Save"), lambda: self.save(), keys.Save, _("Save a revision of the plan")
        )
        self.save_note_action = self._action(
            _("Save with a &note…"), self.save_with_note, QKeySequence("Ctrl+Shift+S"),
            _("Save a revision with a short note, such as 'session 3' or '30-day review'"),
        )
        self.export_plan_action = self._action(_("Export plan &file…"), self.export_plan_dialog)
        self.export_pdf_action = self._action(
            _("&Export PDF…"), self.export_pdf_dialog, QKeySequence("Ctrl+E"),
            _("Save the workbook as a PDF file"),
        )
        self.print_action = self._action(
            _("&Print…"), lambda: self.print_dialog("workbook"), keys.Print, _("Print the workbook")
        )
        self.print_cards_action = self._action(
            _("Print contact &cards only…"), lambda: self.print_dialog("contact")
        )
        self.print_wallet_action = self._action(
            _("Print the &wallet crisis card only…"), lambda: self.print_dialog("wallet")
        )
        self.batch_action = self._action(
            _("Print for &many clients…"), self.batch_dialog, None,
            _("Print workbooks for clients in the library, from a roster, or blank copies"),
        )
        self.close_plan_action = self._action(
            _("&Close plan"), self.close_plan, keys.Close, _("Back to the list of clients")
        )
        self.quit_action = self._action(_("&Quit"), self.close, keys.Quit)
        self.next_page_action = self._action(
            _("&Next page"), lambda: self.editor.next_page(), QKeySequence("Ctrl+PgDown")
        )
        self.previous_page_action = self._action(
            _("&Previous page"), lambda: self.editor.previous_page(), QKeySequence("Ctrl+PgUp")
        )
        self.preview_action = self._action(
            _("Show &preview"), self._toggle_preview, QKeySequence("F9")
        )
        self.preview_action.setCheckable(True)
        self.preview_action.setChecked(True)
        self.refresh_preview_action = self._action(
            _("&Refresh preview"), lambda: self.preview.refresh_now(), keys.Refresh
        )
        self.facility_action = self._action(
            _("&Facility…"), self.facility_dialog, None,
            _("The facility's name, logo, local crisis lines and defaults, on every print"),
        )
        self.about_action = self._action(_("&About Recovery Workbook"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _make_undo_actions(self) -> None:
        stack = self.controller.undo_stack
        self.undo_action = stack.createUndoAction(self, _("&Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, _("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = self.file_menu = bar.addMenu(_("&File"))
        for action in (self.new_action, self.open_action, self.import_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_note_action)
        # History of this plan comes here with the editor.
        file_menu.addAction(self.export_plan_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_pdf_action)
        file_menu.addAction(self.print_action)
        file_menu.addAction(self.print_cards_action)
        file_menu.addAction(self.print_wallet_action)
        file_menu.addAction(self.batch_action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_plan_action)
        file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu(_("&Edit"))  # Undo and Redo come with the editor
        view_menu = bar.addMenu(_("&View"))
        view_menu.addAction(self.previous_page_action)
        view_menu.addAction(self.next_page_action)
        view_menu.addSeparator()
        view_menu.addAction(self.preview_action)
        view_menu.addAction(self.refresh_preview_action)
        self.settings_menu = bar.addMenu(_("&Settings"))
        self.settings_menu.addAction(self.facility_action)  # Language comes with the editor
        help_menu = bar.addMenu(_("&Help"))
        help_menu.addAction(self.about_action)

    def _connect(self) -> None:
        view = self.library_view
        view.new_requested.connect(self._when_attached(self.new_plan))
        view.open_requested.connect(self._when_attached(self.open_client))
        view.import_requested.connect(self._when_attached(self.import_plan_dialog))
        view.example_requested.connect(self._when_attached(self.open_example))
        view.recover_requested.connect(self._when_attached(self.recover))
        view.discard_requested.connect(self._when_attached(self.discard_draft))

    def _connect_editor(self) -> None:
        self.session.title_changed.connect(self._update_title)
        self.session.problem.connect(self.show_problem)
        self.session.saved.connect(self._saved)
        self.editor.page_changed.connect(self.preview.follow)
        self.editor.export_requested.connect(self.export_pdf_dialog)
        self.editor.print_requested.connect(lambda: self.print_dialog("workbook"))
        self.preview.jump_requested.connect(self.editor.focus_path)
        self.controller.undo_stack.cleanChanged.connect(self._update_title)

    # -- state -----------------------------------------------------------------

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        from .rowedit import same_new_row

        # A new list row being filled in is one undo step across its fields.
        row = same_new_row(old, new)
        if row is None:
            self.controller.seal()

    def editing(self) -> bool:
        return self.stack.currentWidget() is not self.library_view

    def _saved(self) -> None:
        self.statusBar().showMessage(_("Saved"), 4000)

    def _update_title(self, *_args: object) -> None:
        # The system adds " — Recovery Workbook" (the application's display
        # name) after a title that does not already end with it; "[*]" marks
        # unsaved changes where the system shows such a mark.
        if self.editing():
            name = self.session.client_name() or _("New plan")
            self.setWindowTitle(f"{name}[*]")
            self.setWindowModified(self.session.is_modified())
        else:
            self.setWindowTitle(APP_TITLE)
            self.setWindowModified(False)

    def _update_actions(self) -> None:
        editing = self.editing()
        for action in (
            self.save_action, self.save_note_action, self.export_plan_action,
            self.export_pdf_action, self.print_action, self.print_cards_action,
            self.print_wallet_action, self.close_plan_action, self.next_page_action,
            self.previous_page_action, self.refresh_preview_action, self.preview_action,
            *((self.revisions.history_action,) if self.attached else ()),
        ):
            action.setEnabled(editing)

    def show_problem(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        self.editor.show_message(message)

    # -- opening and closing plans -------------------------------------------------

    def _enter_editor(self) -> None:
        self.stack.setCurrentWidget(self.editor)
        self.preview.clear()
        self._update_title()
        self._update_actions()
        first = self.editor.side.pages()[0].key
        current = self.editor.current_key() or first
        self.editor.show_page(current)
        # The cursor in the page's first field, ready to type.
        self.editor.page(current).focus_first()
        if self.live_preview:
            self.preview.active = self.preview_action.isChecked()
            self.renderer.start()
            self.preview.refresh_now()
        else:
            self.preview.active = False

    def leave_plan(self) -> bool:
        """Stop editing the current plan; False if the person cancelled."""
        if not self.editing():
            return True
        if self.session.is_modified():
            name = self.session.client_name() or _("this new plan")
            answer = QMessageBox.question(
                self,
                _("Save the changes?"),
                _("Save the changes to {name} before closing? "
                  "(Unsaved work is kept as a draft until you decide.)").format(name=name),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return False
            if answer == QMessageBox.StandardButton.Save:
                if not self.save():
                    return False
            else:
                self.session.discard_changes()
        self.session.close()
        self.preview.active = False
        return True

    def show_library(self) -> None:
        if not self.leave_plan():
            return
        self.library_view.refresh()
        self.stack.setCurrentWidget(self.library_view)
        self._update_title()
        self._update_actions()
        self.library_view.search.setFocus()

    def close_plan(self) -> None:
        self.show_library()

    def new_plan(self) -> None:
        from ..facility import new_plan

        if not self.leave_plan():
            return
        # A new plan starts with the facility's paper, print size and language.
        self.session.start(new_plan(self.facility), None)
        self.editor.show_page("about")
        self._enter_editor()

    def open_example(self) -> None:
        from ..example import example_languages, example_plan

        if not self.leave_plan():
            return
        # The sample in the interface's language where there is one (its answers,
        # suggestions and print are then in that language too).
        language = interface_language()
        self.session.start(
            example_plan(language if language in example_languages() else "en"), None
        )
        self._enter_editor()

    def open_client(self, client_id: int) -> None:
        from ..library import LibraryError
        from ..plan.limits import limits_note

        if not self.leave_plan():
            return
        draft = next((d for d in self._drafts() if d.client_id == client_id), None)
        try:
            if draft is not None and self._ask_restore(draft):
                self.session.recover(draft)
            else:
                self.session.open_client(client_id)
        except LibraryError as error:
            QMessageBox.warning(self, _("Cannot open the plan"), str(error))
            return
        self._enter_editor()
        note = limits_note(self.controller.plan)  # saved before today's limits existed
        if note is not None:
            QMessageBox.information(self, _("Over today's limits"), note)

    def _drafts(self) -> list[Draft]:
        from ..library import LibraryError

        try:
            return self.library.pending_drafts()
        except LibraryError:
            return []

    def _ask_restore(self, draft: Draft) -> bool:
        answer = QMessageBox.question(
            self,
            _("Restore unsaved changes?"),
            _("This plan has changes that were not saved (the program closed before they "
              "were). Restore them?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def recover(self, draft: Draft) -> None:
        if not self.leave_plan():
            return
        self.session.recover(draft)
        self._enter_editor()

    def discard_draft(self, draft: Draft) -> None:
        from ..library import LibraryError

        try:
            self.library.discard_draft(draft.client_id)
        except LibraryError as error:
            self.statusBar().showMessage(str(error), 10000)
        self.library_view.refresh()

    # -- saving ------------------------------------------------------------------

    def save(self, reason: str = "") -> bool:
        if not self.editing():
            return False
        return self.session.save(reason)

    def save_with_note(self) -> None:
        note, ok = QInputDialog.getText(
            self, _("Save with a note"), _("A short note for the plan's history "
            "(for example: session 3, 30-day review):"), QLineEdit.EchoMode.Normal, ""
        )
        if ok:
            self.save(note)

    def import_plan_dialog(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import a plan file"), "", _("Plan files (*.json *.rwplan);;All files (*)")
        )
        if name:
            self.import_plan(Path(name))

    def _passphrase(self) -> str:
        from ..library import LibraryError

        text, ok = QInputDialog.getText(
            self, _("Encrypted plan"), _("This plan file is locked. Passphrase:"),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            raise LibraryError(_("import canceled"))
        return str(text)

    def import_plan(self, path: Path) -> int | None:
        from ..library import LibraryError
        from ..library.transfer import read_plan_file

        try:
            plan = read_plan_file(path, self._passphrase)
            result = self.library.import_plan(plan)
        except LibraryError as error:
            QMessageBox.warning(self, _("Cannot import the plan"), str(error))
            return None
        self.library_view.refresh()
        self.open_client(result.client_id)
        return result.client_id

    def export_plan_dialog(self) -> None:
        from ..library.transfer import export_bytes
        from ..output.writer import OutputError, write_output

        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export the plan file"), self._suggested_name(".json"), _("Plan files (*.json)")
        )
        if name:
            try:
                write_output(
                    Path(name), export_bytes(self.controller.plan), library=self.library.path
                )
            except OutputError as error:
                QMessageBox.warning(self, _("Cannot export the plan"), str(error))

    def _suggested_name(self, suffix: str) -> str:
        """"Sam T. workbook.pdf": the name as typed, less what a file name cannot hold."""
        return suggested_file_name(self.session.client_name(), suffix)

    # -- building, exporting, printing ------------------------------------------------

    def _reviews(self) -> tuple[ReviewEntry, ...]:
        from ..library import LibraryError

        if self.session.client_id is None:
            return ()
        try:
            return tuple(self.library.review_entries(self.session.client_id))
        except LibraryError:
            return ()

    def build(self, which: Which = "workbook") -> BuildResult:
        """Build the current plan now, in a worker thread; the window keeps drawing.

        The worker builds from a copy of the plan; a short-lived dialog keeps
        the plan from being edited meanwhile (export and print want the plan
        exactly as it is now).
        """
        from ..options import RenderOptions

        plan = self.controller.plan.model_copy(deep=True)
        options = RenderOptions.for_plan(plan, reviews=self._reviews(), facility=self.facility)

        def work() -> BuildResult:
            from ..pdf import build_pdf

            return build_pdf(plan, options, which)

        return off_ui_thread(self, work, _("Preparing the pages…"))

    def export_pdf(self, path: Path) -> BuildResult:
        from ..output.writer import write_output

        result = self.build()
        write_output(path, result.pdf, library=self.library.path)
        self.statusBar().showMessage(_("Saved the workbook as {name}").format(name=path.name), 6000)
        self.exported.emit(str(path))
        return result

    def export_pdf_dialog(self) -> None:
        from ..output.writer import OutputError

        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export the workbook as PDF"), self._suggested_name(".pdf"), _("PDF (*.pdf)")
        )
        if name:
            try:
                self.export_pdf(Path(name))
            except OutputError as error:
                QMessageBox.warning(self, _("Cannot save the PDF"), str(error))

    def overflow_notes(self) -> list[OverflowNote]:
        from ..options import RenderOptions
        from ..pdf import card_overflow

        plan = self.controller.plan
        return list(card_overflow(plan, RenderOptions.for_plan(plan, facility=self.facility)))

    def check_before_printing(self) -> bool:
        """Show what does not fit on the cards; False to stop (or to go and fix it)."""
        notes = tuple(self.overflow_notes())
        if not notes:
            return True
        dialog = BeforePrintDialog(notes, self)
        result = dialog.exec()
        if result == 2 and dialog.jump_path:
            self.editor.focus_path(dialog.jump_path)
            return False
        return result == QDialog.DialogCode.Accepted

    def print_dialog(self, which: Which = "workbook") -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from .printing import PrintError, can_duplex, prepare_printer

        if not self.editing() or not self.check_before_printing():
            return
        self.session.flush()
        try:
            result = self.build(which)
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            prepare_printer(printer, result.pdf)
        except PrintError as error:
            QMessageBox.warning(self, _("Cannot print"), str(error))
            return
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(
            _("Print the workbook") if which == "workbook" else _("Print cards")
        )
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if which == "wallet" and not can_duplex(printer):
            self.statusBar().showMessage(
                _("This printer prints on one side: the card's front and back are printed "
                  "side by side; fold along the dashed line."), 10000
            )
        self.send_to_printer(result.pdf, printer)

    def send_to_printer(self, pdf: bytes, printer: QPrinter) -> None:
        """Print what the print dialog chose, without the window waiting on it."""
        from PySide6.QtPrintSupport import QPrinter

        from ..output.writer import OutputError, write_output
        from .printing import CupsJob, lp_program, prints_to_file, request_from

        if prints_to_file(printer):
            path = Path(printer.outputFileName())
            try:
                write_output(path, pdf, library=self.library.path)
            except OutputError as error:
                QMessageBox.warning(self, _("Cannot save the PDF"), str(error))
                return
            # The workbook, the contact cards or the wallet card: say "the PDF".
            self.statusBar().showMessage(_("Saved the PDF as {name}").format(name=path.name), 6000)
            return
        native = printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
        if lp_program() is not None and native:
            job = CupsJob(pdf, request_from(printer), self)
            self.print_job = job
            job.done.connect(self._printed)
            self.statusBar().showMessage(_("Sending the pages to the printer…"))
            job.start()
            return
        self.print_rendered(pdf, printer)

    def print_rendered(self, pdf: bytes, printer: QPrinter) -> RasterJob:
        """Where the PDF cannot go to the printer as it is: pages rendered in a
        worker, with progress and Cancel (the window stays drawn meanwhile)."""
        from .printing import RasterJob

        raster = RasterJob(pdf, printer, self)
        self.print_job = raster
        progress = QProgressDialog(_("Printing…"), _("Cancel"), 0, 1, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.canceled.connect(raster.cancel)

        def advance(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        raster.progress.connect(advance)
        progress.setValue(0)  # shown now, not after the first page (seconds at 600 dpi)
        raster.done.connect(progress.close)
        raster.done.connect(progress.deleteLater)
        raster.done.connect(self._printed)
        # Not on `done`: the thread is still returning from run() then.
        raster.finished.connect(raster.deleteLater)
        raster.start()
        return raster

    def _printed(self, problem: str) -> None:
        from .printing import CANCELED, CANCELED_LATE, RasterJob

        job, self.print_job = self.print_job, None
        if job is not None and not isinstance(job, RasterJob):
            job.deleteLater()  # a RasterJob deletes itself once its thread is done
        if problem == CANCELED:
            self.statusBar().showMessage(_("Printing canceled"), 6000)
        elif problem == CANCELED_LATE:
            self.statusBar().showMessage(
                _("Printing canceled. The pages done before that may still print."), 15000)
        elif problem:
            QMessageBox.warning(self, _("Cannot print"), problem)
        else:
            self.statusBar().showMessage(_("Sent to the printer"), 6000)
        self.printed.emit(problem)

    # -- the facility profile ----------------------------------------------------------

    def load_facility(self) -> None:
        """Use the profile kept in the settings folder, if there is one."""
        from ..facility import load_saved_facility
        from ..plan import PlanFileError

        try:
            facility = load_saved_facility()
        except PlanFileError as error:
            facility = None
            self.statusBar().showMessage(
                _("The facility profile cannot be used: {error}").format(error=error), 15000
            )
        self.set_facility(facility)

    def set_facility(self, facility: Facility | None) -> None:
        """Print with this profile from now on (None: the standard crisis lines)."""
        self.facility = facility
        self.renderer.facility = facility
        if facility is None:
            self.facility_label.setText(_("No facility profile"))
            self.facility_label.setToolTip(
                _("Prints carry the standard crisis lines. Settings → Facility to set one up.")
            )
        else:
            self.facility_label.setText(_("Facility: {name}").format(name=facility.label()))
            self.facility_label.setToolTip(
                _("Every preview, print, export and batch carries this profile")
            )
        if self.preview.active:
            self.preview.refresh_now()

    def batch_dialog(self) -> None:
        from .batchdialog import BatchDialog

        # The plan being edited is printed as saved: write any pending autosave first.
        if self.editing():
            self.session.flush()
        dialog = BatchDialog(self.library, self.facility, self)
        dialog.exec()
        dialog.deleteLater()

    def facility_dialog(self) -> None:
        from .facilitydialog import FacilityDialog

        dialog = FacilityDialog(self.facility, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_facility(dialog.facility)
            self.statusBar().showMessage(_("Facility profile saved"), 4000)
        dialog.deleteLater()

    # -- view ----------------------------------------------------------------------

    def _toggle_preview(self) -> None:
        visible = self.preview_action.isChecked()
        self.preview.setVisible(visible)
        self.preview.active = visible and self.editing() and self.live_preview
        if self.preview.active:
            self.preview.refresh_now()

    def show_about(self) -> None:
        from .aboutbox import AboutBox

        AboutBox(self).exec()

    # -- window ----------------------------------------------------------------------

    def restore_layout(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = store.value("window/state")
        if state is not None:
            self.restoreState(state)
        if self.attached:
            self.restore_editor_layout()

    def restore_editor_layout(self) -> None:
        store = settings()
        splitter = store.value("editor/splitter")
        if splitter is not None:
            self.editor.splitter.restoreState(splitter)
        else:
            # On a small screen the form gets two thirds, so that its tables
            # keep every column in sight.
            width = self.width()
            side = 170 if width < 1000 else 190 if width < 1200 else 220
            preview = 240 if width < 1000 else max(
                260, (width - side) // 3 if width < 1200 else (width - side) * 2 // 5)
            self.editor.splitter.setSizes([side, width - side - preview, preview])
        shown = store.value("editor/preview", True)
        if str(shown).lower() in ("false", "0"):
            self.preview_action.setChecked(False)
            self.preview.setVisible(False)

    def save_layout(self) -> None:
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        if not self.attached:
            store.sync()
            return
        store.setValue("editor/splitter", self.editor.splitter.saveState())
        store.setValue("editor/preview", self.preview_action.isChecked())
        store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.leave_plan():
            event.ignore()
            return
        self.save_layout()
        if self.attached:
            self.renderer.stop()
        event.accept()
