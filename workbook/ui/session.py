"""The plan being worked on: which client, autosave, save, and recovery.

No widgets: the main window asks the session, the session asks the library.
Every change is autosaved as the client's working draft: a short pause in
typing writes it, and so does `AUTOSAVE_MAX_WAIT_MS` after the first unsaved
change even when the typing never pauses, so a crash loses at most the last
second. "Save" makes a revision in the client's history.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..library import Draft, Library, LibraryError
from ..plan import Plan
from ..text.i18n import _
from .controller import PlanController

# A pause this long writes the draft (an autosave costs about a millisecond)...
AUTOSAVE_QUIET_MS = 250
# ...and no change waits longer than this, however long the typing goes on:
# with the write itself, a change is on disk within one second.
AUTOSAVE_MAX_WAIT_MS = 700


class Session(QObject):
    """One open plan and where it lives.

    Attributes:
        controller: edits the plan (with undo).
        library: where plans are kept.
        client_id: the client in the library, None for a plan not saved yet.

    Signals:
        saved(): a revision was saved.
        problem(str): a one-line message (e.g. the library could not be written).
        title_changed(str): the client's name as the window title shows it.
    """

    saved = Signal()
    problem = Signal(str)
    title_changed = Signal(str)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.controller = PlanController(parent=self)
        self.client_id: int | None = None
        self.active = False
        self._recovered = False
        # The quiet timer restarts with every change; the deadline does not.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_QUIET_MS)
        self._timer.timeout.connect(self.autosave_now)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(AUTOSAVE_MAX_WAIT_MS)
        self._deadline.setTimerType(Qt.TimerType.PreciseTimer)
        self._deadline.timeout.connect(self.autosave_now)
        self.controller.changed.connect(self._changed)
        self._last_name = ""

    # -- state -------------------------------------------------------------

    def is_modified(self) -> bool:
        return self._recovered or self.controller.is_modified()

    def client_name(self) -> str:
        return self.controller.plan.display_name()

    def _changed(self, _path: str) -> None:
        if not self.active:
            return
        self._timer.start()
        if not self._deadline.isActive():
            self._deadline.start()
        name = self.client_name()
        if name != self._last_name:
            self._last_name = name
            self.title_changed.emit(name)

    # -- opening -----------------------------------------------------------

    def pending(self) -> bool:
        """Whether a change is waiting to be autosaved."""
        return self._timer.isActive() or self._deadline.isActive()

    def _stop_timers(self) -> None:
        self._timer.stop()
        self._deadline.stop()

    def start(self, plan: Plan, client_id: int | None, *, recovered: bool = False) -> None:
        self._stop_timers()
        self.active = False
        self.client_id = client_id
        self.controller.load(plan)
        self._recovered = recovered
        self.active = True
        self._last_name = self.client_name()
        self.title_changed.emit(self._last_name)

    def new_plan(self) -> None:
        self.start(Plan(), None)

    def open_client(self, client_id: int) -> None:
        self.start(self.library.plan(client_id), client_id)

    def recover(self, draft: Draft) -> None:
        self.start(draft.plan, draft.client_id, recovered=True)

    def close(self) -> None:
        """Stop editing; the draft stays in the library only if it is unsaved work."""
        self.flush()
        self.active = False

    # -- saving ------------------------------------------------------------

    def autosave_now(self) -> None:
        self._stop_timers()
        if not self.active:
            return
        try:
            self.library.autosave(self.client_id, self.controller.plan)
        except LibraryError as error:
            self.problem.emit(_("Autosave failed: {error}").format(error=error))

    def flush(self) -> None:
        """Write a pending autosave at once (before closing, printing...)."""
        if self.pending():
            self.autosave_now()

    def save(self, reason: str = "") -> bool:
        try:
            info = self.library.save_revision(self.client_id, self.controller.plan, reason)
        except LibraryError as error:
            self.problem.emit(_("Could not save: {error}").format(error=error))
            return False
        self._stop_timers()
        self.client_id = info.client_id
        self._recovered = False
        self.controller.mark_saved()
        self.saved.emit()
        return True

    def discard_changes(self) -> None:
        """Leave without saving: forget the draft (the last revision is kept)."""
        self._stop_timers()
        self.active = False
        try:
            self.library.discard_draft(self.client_id)
        except LibraryError as error:
            self.problem.emit(str(error))
