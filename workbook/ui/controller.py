"""The form's brain without widgets: edits the plan model, with undo and redo.

Every change the form makes goes through `PlanController`: it validates the
value through the model, records an undoable command on a `QUndoStack`, and
announces the changed field path. Widgets only show values and call in here,
so the behaviour is tested without building a single widget.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..plan import Plan, field_error_message, path_title, paths
from ..text.i18n import _

# Typing into one field is one undo step: edits of the same field merge
# until the person moves to another field (`seal`), however long they pause.
_MERGE_ID = 0x5E7


def related(a: str, b: str) -> bool:
    """Whether a change at one path can change what is shown at the other."""
    if not a or not b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return long == short or long.startswith((short + ".", short + "["))


class _SetCommand(QUndoCommand):
    def __init__(
        self,
        controller: PlanController,
        path: str,
        old: Any,
        new: Any,
        text: str,
        merge: bool,
        *,
        absorbs_children: bool = False,
    ) -> None:
        super().__init__(text)
        self._controller = controller
        self.path = path
        self._old = old
        self._new = new
        self._merge = merge or absorbs_children
        # A new list row absorbs the typing that fills it in: one undo step.
        self._absorbs_children = absorbs_children
        self._applied = True  # the controller applied it before pushing
        self._generation = controller._generation

    def id(self) -> int:
        return _MERGE_ID if self._merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _SetCommand) or not other._merge:
            return False
        if other._generation != self._generation:
            return False
        if other.path == self.path:
            self._new = other._new
            return True
        if self._absorbs_children and other.path.startswith((self.path + "[", self.path + ".")):
            # The change is already applied: the whole list as it is now.
            self._new = copy.deepcopy(self._controller.value(self.path))
            return True
        return False

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._controller._apply(self.path, copy.deepcopy(self._new))

    def undo(self) -> None:
        self._controller._apply(self.path, copy.deepcopy(self._old))


class PlanController(QObject):
    """Holds the plan being edited.

    Attributes:
        plan: the live `Plan` (do not assign to it directly; use `set`).
        undo_stack: every edit, for Edit > Undo / Redo.

    Signals:
        changed(str): a field path whose value changed ("" = the whole plan).
        failed(str): a one-line message when a value was refused.
    """

    changed = Signal(str)
    failed = Signal(str)

    def __init__(self, plan: Plan | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan = plan if plan is not None else Plan()
        self.undo_stack = QUndoStack(self)
        self._generation = 0

    # -- reading ---------------------------------------------------------

    @property
    def plan(self) -> Plan:
        return self._plan

    def value(self, path: str) -> Any:
        return paths.get(self._plan, path)

    def title(self, path: str) -> str:
        return path_title(self._plan, path)

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    # -- whole plan --------------------------------------------------------

    def load(self, plan: Plan) -> None:
        """Start editing another plan; its history starts empty and clean."""
        self._plan = plan
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.changed.emit("")

    def mark_saved(self) -> None:
        self.seal()
        self.undo_stack.setClean()

    def seal(self) -> None:
        """End the current undo step: the next edit starts a new one (focus moved on)."""
        self._generation += 1

    # -- editing -----------------------------------------------------------

    def set(self, path: str, value: Any, *, merge: bool = False) -> str | None:
        """Set one value. Returns None, or the message of why it was refused."""
        old = self.value(path)
        if old == value and type(old) is type(value):
            return None
        try:
            paths.set_value(self._plan, path, copy.deepcopy(value))
        except (ValidationError, ValueError, TypeError) as error:
            message = field_error_message(error, self._label(path))
            self.failed.emit(message)
            return message
        text = _("Change {field}").format(field=self._label(path))
        self.undo_stack.push(
            _SetCommand(self, path, copy.deepcopy(old), copy.deepcopy(value), text, merge)
        )
        self.changed.emit(path)
        return None

    def insert(
        self, list_path: str, index: int, item: Any, *, absorb_typing: bool = False
    ) -> str | None:
        """Insert an item; with `absorb_typing`, edits of the list that follow
        (filling in the new row) are part of the same undo step until `seal`."""
        items = list(self.value(list_path))
        index = max(0, min(index, len(items)))
        items.insert(index, item)
        return self._set_list(
            list_path, items, _("Add to {list}").format(list=self.title(list_path)),
            absorbs_children=absorb_typing,
        )

    def append(self, list_path: str, item: Any) -> str | None:
        return self.insert(list_path, len(self.value(list_path)), item)

    def remove(self, list_path: str, index: int) -> str | None:
        items = list(self.value(list_path))
        if not 0 <= index < len(items):
            return None
        del items[index]
        return self._set_list(
            list_path, items, _("Remove from {list}").format(list=self.title(list_path))
        )

    def move(self, list_path: str, source: int, target: int) -> str | None:
        """Move item `source` so that it ends up at index `target`."""
        items = list(self.value(list_path))
        if not (0 <= source < len(items)) or source == target:
            return None
        target = max(0, min(target, len(items) - 1))
        items.insert(target, items.pop(source))
        return self._set_list(
            list_path, items, _("Reorder {list}").format(list=self.title(list_path))
        )

    def _set_list(
        self, list_path: str, items: list[Any], text: str, *, absorbs_children: bool = False
    ) -> str | None:
        old = self.value(list_path)
        try:
            paths.set_value(self._plan, list_path, copy.deepcopy(items))
        except (ValidationError, ValueError, TypeError) as error:
            message = field_error_message(error, self.title(list_path))
            self.failed.emit(message)
            return message
        self.undo_stack.push(
            _SetCommand(
                self, list_path, copy.deepcopy(old), copy.deepcopy(items), text, False,
                absorbs_children=absorbs_children,
            )
        )
        self.changed.emit(list_path)
        return None

    def _apply(self, path: str, value: Any) -> None:
        """Undo and redo land here: the value was valid when it was first set."""
        paths.set_value(self._plan, path, value)
        self.changed.emit(path)

    def _label(self, path: str) -> str:
        try:
            return self.title(path)
        except (paths.PathError, KeyError, AssertionError):
            return path
