"""The fields of one row of a list, below its table: the selected row, or a new one.

A row is edited as a whole, never cell by cell in the table, so a row never
grows under the pointer and a person's name and phone always stay together:

- Tab moves through the row's fields.
- In a new row, the typed words become a record as soon as the row is valid
  (a person needs a name), so they are autosaved with the rest of the plan;
  the rest of the row's fields keep filling that same record, and the whole
  new row is one undo step.
- Tab from the new row's last field (or Enter) finishes it and opens the next
  new row; Tab in an empty new row leaves the list.
- Escape empties a new row that is not yet a record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..form.fields import choice_label
from ..text.i18n import _
from .controller import related
from .datefield import DateField
from .listmodel import Column, RecordListModel, parse_steps


class RowEditor(QFrame):
    """Attributes:
        row: the model row shown (the last row: a new one).
        draft: what is typed into a new row that is not yet a record.
        adding: the row shown was made from a new row in this sitting (Tab
            from its last field opens the next new row).
        fields: the editor of each column, by column name.
    """

    def __init__(
        self,
        model: RecordListModel,
        select_row: Callable[[int], None],
        leave: Callable[[bool], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rowEditor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.model = model
        self._select_row = select_row
        self._leave = leave
        self.row = model.rowCount() - 1
        self.draft: dict[str, Any] = {}
        self.adding = False
        self._showing = False
        self.heading = QLabel()
        self.heading.setObjectName("rowHeading")
        # One short line whatever the row: the fields below never move up or down.
        self.heading.setToolTip(
            _("Fill in the fields; Tab from the last one (or Enter) adds the row "
              "and starts the next. Escape empties a new row.")
        )
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setAccessibleName(_("About this row"))
        # The line is always there, empty or not: a message never moves the page.
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing() + 2)
        # The list's buttons (New row, Move up...) go in this line, above the fields.
        self.header = QHBoxLayout()
        self.header.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.order: list[QWidget] = []
        for column in model.columns:
            field = self._make_field(column)
            field.setAccessibleName(column.title)
            if column.description:
                field.setToolTip(column.description)
            self.fields[column.name] = field
            self.order.append(field)
            if isinstance(field, QCheckBox):
                form.addRow("", field)
            else:
                label = QLabel(column.title + (" *" if column.kind.required else ""))
                label.setBuddy(field)
                form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.setSpacing(4)
        layout.addLayout(self.header)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.status)
        model.controller.changed.connect(self._plan_changed)
        model.modelReset.connect(self._rows_changed)
        model.rowsRemoved.connect(self._rows_changed)
        self.show_row(self.row)

    # -- fields ------------------------------------------------------------

    def _make_field(self, column: Column) -> QWidget:
        kind = column.kind.kind
        widget: QWidget
        if kind == "bool":
            box = QCheckBox(column.title)
            box.toggled.connect(lambda on, c=column: self._edited(c, on))
            widget = box
        elif kind in ("enum", "literal"):
            combo = QComboBox()
            if column.kind.optional:
                combo.addItem(_("Not chosen"), None)
            for value in column.kind.item:
                combo.addItem(choice_label(value), value)
            combo.activated.connect(lambda i, c=column, w=combo: self._edited(c, w.itemData(i)))
            widget = combo
        elif kind == "date":
            date = DateField(
                settings=self.model.settings,
                opens_at=lambda: self.model.controller.plan.about.plan_date,
            )
            date.date_chosen.connect(lambda day, c=column: self._edited(c, day))
            date.problem.connect(self._show_status)
            date.edit.returnPressed.connect(self.finish_row)
            date.edit.installEventFilter(self)
            widget = date
        elif kind == "texts":
            steps = QPlainTextEdit()
            steps.setTabChangesFocus(True)
            steps.setUndoRedoEnabled(False)  # the program's Edit > Undo is the only one
            steps.setPlaceholderText(_("One step on each line"))
            steps.setFixedHeight(steps.fontMetrics().lineSpacing() * 3 + 14)
            steps.textChanged.connect(
                lambda c=column, w=steps: self._edited(c, parse_steps(w.toPlainText()))
            )
            widget = steps
        else:
            line = QLineEdit()
            line.textChanged.connect(lambda text, c=column: self._edited(c, text))
            line.returnPressed.connect(self.finish_row)
            widget = line
        widget.installEventFilter(self)
        return widget

    def _show_value(self, column: Column, value: Any) -> None:
        field = self.fields[column.name]
        if isinstance(field, QCheckBox):
            field.setChecked(bool(value))
        elif isinstance(field, QComboBox):
            index = next((i for i in range(field.count()) if field.itemData(i) == value), 0)
            field.setCurrentIndex(index)
        elif isinstance(field, DateField):
            field.set_date(value if isinstance(value, dt.date) else None)
        elif isinstance(field, QPlainTextEdit):
            steps = list(value or [])
            if parse_steps(field.toPlainText()) != steps:
                field.setPlainText("\n".join(steps))
        elif isinstance(field, QLineEdit):
            text = "" if value is None else str(value)
            if field.text() != text:
                field.setText(text)

    # -- which row -----------------------------------------------------------

    def is_new(self) -> bool:
        return self.model.is_add_row(self.row)

    def show_row(self, row: int) -> None:
        """Show a row's values (the last row: the new row's draft)."""
        row = max(0, min(row, self.model.rowCount() - 1))
        if row != self.row:
            self.adding = False
            self.model.controller.seal()
        self.row = row
        self._showing = True
        try:
            for column in self.model.columns:
                if self.is_new():
                    value = self.draft.get(column.name, self.model.default(column))
                else:
                    value = self.model.cell_value(row, column)
                self._show_value(column, value)
        finally:
            self._showing = False
        if self.is_new():
            self.heading.setText(_("New row"))
            _record, needed = self.model.record_from(self.draft)
            self._show_status(needed if self.has_words() else "")
        else:
            self.heading.setText(
                _("Row {row} of {count}").format(row=row + 1, count=self.model.rowCount() - 1)
            )
            self._show_status("")

    def _rows_changed(self, *_args: object) -> None:
        if self.row >= self.model.rowCount() - 1 and not self.is_new():
            self.row = self.model.rowCount() - 1  # the row went away (undo, remove)
            self.adding = False
        self.show_row(min(self.row, self.model.rowCount() - 1))

    def _plan_changed(self, path: str) -> None:
        if not self.is_new() and related(path, self.model.item_path(self.row)):
            self.show_row(self.row)

    # -- editing -------------------------------------------------------------

    def has_words(self) -> bool:
        """Whether the new row holds anything typed (a default alone does not count)."""
        for column in self.model.columns:
            if column.name not in self.draft:
                continue
            value = self.draft[column.name]
            if isinstance(value, str) and value.strip():
                return True
            if isinstance(value, list) and value:
                return True
            if isinstance(value, dt.date):
                return True
        return False

    def _edited(self, column: Column, value: Any) -> None:
        if self._showing:
            return
        if not self.is_new():
            text = column.kind.kind in ("text", "texts")
            error = self.model.set_cell(self.row, column, value, merge=text or self.adding)
            self._show_status(error or "")
            return
        self.draft[column.name] = value
        record, needed = self.model.record_from(self.draft)
        if record is None or not self.has_words():
            self._show_status(needed if self.has_words() else "")
            return
        row = len(self.model.items())
        if self.model.add(record, row, absorb_typing=True):
            self.draft = {}
            self.row = row
            self.adding = True
            self._select_row(row)
            self.show_row(row)

    def _show_status(self, text: str) -> None:
        if self.status.text() != text:
            self.status.setText(text)

    def _commit_typed_date(self) -> None:
        """A date still being typed counts before the row is left."""
        for field in self.order:
            if isinstance(field, DateField) and field.edit.hasFocus():
                field.commit()

    def finish_row(self) -> None:
        """Enter, or Tab from the last field: done with this row, on to a new one."""
        self._commit_typed_date()
        if self.is_new():
            if not self.has_words():
                return
            _record, needed = self.model.record_from(self.draft)
            self._show_status(needed)
            self.focus_first_missing()
            return
        self.adding = False
        self.model.controller.seal()
        self.start_new_row()

    def start_new_row(self) -> None:
        self._select_row(self.model.rowCount() - 1)
        self.show_row(self.model.rowCount() - 1)
        self.focus_field(0)

    def clear_draft(self) -> None:
        self.draft = {}
        self.show_row(self.row)

    def focus_field(self, index: int) -> None:
        self.order[max(0, min(index, len(self.order) - 1))].setFocus(Qt.FocusReason.TabFocusReason)

    def focus_first_missing(self) -> None:
        for index, column in enumerate(self.model.columns):
            if column.kind.required and not str(self.draft.get(column.name) or "").strip():
                self.focus_field(index)
                return

    def field_index(self, widget: QWidget | None) -> int | None:
        for index, field in enumerate(self.order):
            if widget is not None and (widget is field or field.isAncestorOf(widget)):
                return index
        return None

    # -- keys ----------------------------------------------------------------

    def focusNextPrevChild(self, next: bool) -> bool:
        index = self.field_index(QApplication.focusWidget())
        if index is None or not next:
            return super().focusNextPrevChild(next)
        if self.is_new() and not self.has_words():
            self._leave(True)  # nothing typed: Tab goes on past the list
            return True
        if index == len(self.order) - 1 and (self.is_new() or self.adding):
            self.finish_row()
            return True
        return super().focusNextPrevChild(next)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape and self.is_new() and self.has_words():
            self.clear_draft()
            return True
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and isinstance(watched, QComboBox | QCheckBox) and not self._popup_open(watched):
            self.finish_row()
            return True
        return False

    @staticmethod
    def _popup_open(widget: QObject) -> bool:
        return isinstance(widget, QComboBox) and widget.view().isVisible()


def _row_editor_of(widget: QWidget | None) -> RowEditor | None:
    while widget is not None and not isinstance(widget, RowEditor):
        widget = widget.parentWidget()
    return widget


def same_new_row(old: QWidget | None, new: QWidget | None) -> RowEditor | None:
    """The row editor whose new row the focus moved within (one undo step), if any."""
    editor = _row_editor_of(old)
    if editor is not None and editor is _row_editor_of(new) and (editor.adding or editor.is_new()):
        return editor
    return None
