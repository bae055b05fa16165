"""One editor widget per plain model field, kept in step with the plan.

Each editor writes through the `PlanController` as the person types and
refreshes itself when the controller announces a change to its path (undo,
redo, a plan loaded), without moving the cursor when nothing differs.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ..form.fields import FieldKind, choice_label
from ..plan import paths
from ..text.i18n import _
from .controller import PlanController, related
from .datefield import DateField

# For a QDateEdit outside the plan's form (the facility profile's tables):
# its minimum stands for "not set". The plan's own dates use `DateField`.
NO_DATE = QDate(1900, 1, 1)


def to_qdate(value: dt.date | None) -> QDate:
    return NO_DATE if value is None else QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date | None:
    if value == NO_DATE or not value.isValid():
        return None
    return dt.date(value.year(), value.month(), value.day())


class Bound:
    """Glue between one widget and one field path."""

    # Qt's constructors call on along the class's MRO without arguments;
    # the binding itself happens in `bind`.
    controller: PlanController
    path: str
    _updating: bool = False

    def bind(self, controller: PlanController, path: str) -> None:
        self.controller = controller
        self.path = path
        self._updating = False
        controller.changed.connect(self._on_changed)

    def _on_changed(self, changed: str) -> None:
        if related(changed, self.path):
            try:
                value = self.controller.value(self.path)
            except paths.PathError:
                return  # the item this editor shows was removed
            self._updating = True
            try:
                self.show_value(value)
            finally:
                self._updating = False

    def write(self, value: Any, *, merge: bool = False) -> None:
        if not self._updating:
            self.controller.set(self.path, value, merge=merge)

    def show_value(self, value: Any) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        self._on_changed(self.path)


class LineEditor(QLineEdit, Bound):
    def __init__(self, controller: PlanController, path: str) -> None:
        QLineEdit.__init__(self)
        self.bind(controller, path)
        self.setClearButtonEnabled(False)
        # Every change of the text, also one from the box's own context menu,
        # goes to the plan (and so onto the program's one undo stack).
        self.textChanged.connect(lambda text: self.write(text, merge=True))
        self.refresh()

    def show_value(self, value: Any) -> None:
        if self.text() != value:
            self.setText(value)


class TextEditor(QPlainTextEdit, Bound):
    """Several lines of the client's own words."""

    def __init__(self, controller: PlanController, path: str, lines: int = 4) -> None:
        QPlainTextEdit.__init__(self)
        self.bind(controller, path)
        # Tab moves on to the next question, as in every other field.
        self.setTabChangesFocus(True)
        # The program's Edit > Undo is the only undo (see guards.py).
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setMinimumHeight(height)
        self.setMaximumHeight(height * 2)
        self.textChanged.connect(lambda: self.write(self.toPlainText(), merge=True))
        self.refresh()

    def show_value(self, value: Any) -> None:
        if self.toPlainText() != value:
            self.setPlainText(value)


class DateEditor(DateField, Bound):
    """A date of the plan, typed or picked; shown as the workbook prints it."""

    def __init__(self, controller: PlanController, path: str) -> None:
        DateField.__init__(
            self,
            settings=lambda: controller.plan.print_settings,
            opens_at=lambda: controller.plan.about.plan_date,
        )
        self.bind(controller, path)
        self.date_chosen.connect(self.write)
        self.problem.connect(self._problem)
        self.refresh()

    def _problem(self, message: str) -> None:
        if message:
            self.controller.failed.emit(f"{self.controller.title(self.path)}: {message}")

    def _on_changed(self, changed: str) -> None:
        if related(changed, "print_settings"):
            self.refresh_format()
        super()._on_changed(changed)

    def show_value(self, value: Any) -> None:
        self.set_date(value)


class ChoiceEditor(QComboBox, Bound):
    """An enum (or a literal) chosen from a list; optional ones may be left unchosen."""

    def __init__(self, controller: PlanController, path: str, kind: FieldKind) -> None:
        QComboBox.__init__(self)
        self.bind(controller, path)
        values: list[Any] = list(kind.item)
        if kind.optional:
            self.addItem(_("Not chosen"), None)
        for value in values:
            self.addItem(choice_label(value), value)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.activated.connect(lambda index: self.write(self.itemData(index)))
        self.refresh()

    def show_value(self, value: Any) -> None:
        for index in range(self.count()):
            if self.itemData(index) == value:
                self.setCurrentIndex(index)
                return


class CheckEditor(QCheckBox, Bound):
    def __init__(self, controller: PlanController, path: str, text: str) -> None:
        QCheckBox.__init__(self, text)
        self.bind(controller, path)
        self.toggled.connect(self._toggled)
        self.refresh()

    def _toggled(self, on: bool) -> None:
        if self._updating:
            return
        if self.controller.set(self.path, on) is not None:
            # Refused (the message is shown elsewhere): show the plan's value again.
            self.refresh()

    def show_value(self, value: Any) -> None:
        self.setChecked(bool(value))


class EnumSetEditor(QWidget, Bound):
    """A list of enum values shown as one tick box per value (e.g. trackers)."""

    def __init__(self, controller: PlanController, path: str, kind: FieldKind) -> None:
        QWidget.__init__(self)
        self.bind(controller, path)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.values = list(kind.item)
        self.boxes: list[QCheckBox] = []
        for value in self.values:
            box = QCheckBox(choice_label(value))
            box.setAccessibleName(choice_label(value))
            box.toggled.connect(self._toggled)
            layout.addWidget(box)
            self.boxes.append(box)
        layout.addStretch(1)
        self.refresh()

    def _toggled(self) -> None:
        chosen = [v for v, box in zip(self.values, self.boxes, strict=True) if box.isChecked()]
        self.write(chosen)

    def show_value(self, value: Any) -> None:
        for v, box in zip(self.values, self.boxes, strict=True):
            box.blockSignals(True)
            box.setChecked(v in value)
            box.blockSignals(False)


def focus_policy_strong(widget: QWidget) -> None:
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
