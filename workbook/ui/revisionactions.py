"""What the main window does with a client's versions: history, restore, delete.

Nothing is lost on the way. Restoring saves the old version as the newest
one, with a note saying so; the version it replaces stays in the history,
and unsaved work (in the form, or left as a draft by a crash) is saved as a
version of its own first. Deleting a client asks first, naming the client
and how many versions go with it; Cancel is the default.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from ..facility import Facility
from ..library import Library, LibraryError
from ..text.i18n import _
from .confirm import confirm
from .libraryview import LibraryView
from .renderer import Renderer
from .revisions import (
    HistoryDialog,
    RevisionViewer,
    delete_question,
    restore_note,
    revision_rows,
)
from .session import Session


class Window(Protocol):
    """What these actions use of the main window (which imports this module)."""

    library: Library
    session: Session
    facility: Facility | None
    renderer: Renderer
    library_view: LibraryView

    def editing(self) -> bool: ...
    def leave_plan(self) -> bool: ...
    def open_client(self, client_id: int) -> None: ...
    def show_problem(self, message: str) -> None: ...
    def statusBar(self) -> QStatusBar: ...


class RevisionActions(QObject):
    """The history of the client being edited or chosen in the list, and deleting a client.

    Attributes:
        history_action: File > History of this plan.
        dialog: the history dialog while it is open.
        viewer: an old version's workbook while it is open.
    """

    def __init__(self, window: Window, widget: QWidget) -> None:
        """`widget` is the window itself, as the parent of the dialogs."""
        super().__init__(widget)
        self.window = window
        self.widget = widget
        self.dialog: HistoryDialog | None = None
        self.viewer: RevisionViewer | None = None
        self.history_action = QAction(_("&History of this plan…"), widget)
        self.history_action.setStatusTip(
            _("The saved versions of this plan: see, compare or restore one")
        )
        self.history_action.triggered.connect(lambda _checked=False: self.history_of_open_plan())
        view = window.library_view
        view.history_requested.connect(self.show_history)
        view.delete_requested.connect(self.delete_client)

    # -- history -----------------------------------------------------------

    def history_of_open_plan(self) -> None:
        client_id = self.window.session.client_id
        if client_id is None:
            self.window.show_problem(
                _("This plan has not been saved yet: save it (Ctrl+S) to start its history.")
            )
            return
        self.window.session.flush()
        self.show_history(client_id)

    def show_history(self, client_id: int) -> None:
        library = self.window.library
        try:
            rows = revision_rows(library, client_id)
            plan = library.plan(client_id)
            name = library.client(client_id).label()
        except LibraryError as error:
            QMessageBox.warning(self.widget, _("Cannot show the history"), str(error))
            return
        dialog = HistoryDialog(name, rows, plan, self.widget)
        self.dialog = dialog
        dialog.view_requested.connect(lambda number: self.view(client_id, number))
        dialog.restore_requested.connect(lambda number: self.restore(client_id, number))
        dialog.exec()
        self.dialog = None
        dialog.deleteLater()

    def view(self, client_id: int, number: int) -> None:
        """An old version's workbook, read only, with a way to restore it."""
        library = self.window.library
        try:
            plan = library.plan(client_id, number)
            info = next(r for r in library.history(client_id) if r.number == number)
            name = library.client(client_id).label()
        except (LibraryError, StopIteration) as error:
            QMessageBox.warning(self.widget, _("Cannot show the version"), str(error))
            return
        viewer = RevisionViewer(plan, number, name, info.saved, library, client_id,
                                facility=self.window.facility,
                                backend=self.window.renderer.backend,
                                parent=self.dialog or self.widget)
        self.viewer = viewer
        viewer.restore_requested.connect(lambda n: self._restore_from_viewer(client_id, n))
        viewer.exec()
        self.viewer = None
        viewer.deleteLater()

    def _restore_from_viewer(self, client_id: int, number: int) -> None:
        if self.viewer is not None:
            self.viewer.accept()
        self.restore(client_id, number)

    # -- restoring ---------------------------------------------------------

    def restore(self, client_id: int, number: int) -> bool:
        """Make version `number` the newest; the plan as it was stays in the history."""
        window = self.window
        library = window.library
        editing = window.editing() and window.session.client_id == client_id
        try:
            if editing:
                window.session.flush()
                if window.session.is_modified() and not window.session.save():
                    return False
            elif window.editing() and not window.leave_plan():
                return False
            else:
                # Work a crash left unsaved becomes a version before it is replaced.
                for draft in library.pending_drafts():
                    if draft.client_id == client_id:
                        library.save_revision(client_id, draft.plan)
            old = library.plan(client_id, number)
            info = next(r for r in library.history(client_id) if r.number == number)
            library.save_revision(client_id, old, restore_note(number, info.saved, old))
        except (LibraryError, StopIteration) as error:
            QMessageBox.warning(self.widget, _("Cannot restore the version"), str(error))
            return False
        if self.dialog is not None:
            self.dialog.accept()
        window.open_client(client_id)
        window.statusBar().showMessage(
            _("Restored version {number}. The version before it is kept in the history.").format(
                number=number), 8000)
        return True

    # -- deleting ----------------------------------------------------------

    def delete_client(self, client_id: int) -> bool:
        """Delete a client after asking; the client list is shown again."""
        window = self.window
        library = window.library
        if window.editing() and window.session.client_id == client_id:
            return False  # only offered from the client list, with no plan open
        try:
            summary = library.client(client_id)
        except LibraryError as error:
            QMessageBox.warning(self.widget, _("Cannot delete the client"), str(error))
            return False
        name = summary.label()
        if not confirm(
            self.widget,
            _("Delete {name}?").format(name=name),
            delete_question(name, summary.revisions, summary.has_draft),
            act=_("Delete {name}").format(name=name),
            keep=_("Cancel"),
        ):
            return False
        try:
            library.delete_client(client_id)
        except LibraryError as error:
            QMessageBox.warning(self.widget, _("Cannot delete the client"), str(error))
            return False
        window.library_view.refresh()
        window.statusBar().showMessage(_("Deleted {name}").format(name=name), 6000)
        return True
