"""A small table for a list of records outside the plan (a facility's lines, meetings...).

The plan's own lists are edited through the plan controller (with undo);
a facility profile is edited as a whole and saved at once, so this table
just holds the rows: text cells, a choice list for an enum, a date picker
that may be left "Not set". Values come back as plain dicts for the model
to validate, so its messages name the field.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..form.fields import FieldKind, choice_label, record_fields
from ..plan.fields import field_title
from ..text.i18n import _
from .editors import NO_DATE, from_qdate, to_qdate

# Narrow enough for six columns in the dialog, wide enough to read a name.
MIN_COLUMN_WIDTH = 110


class RecordTable(QWidget):
    """Rows of one record type, with Add, Remove, Up and Down.

    Signals:
        edited(): a cell, the rows or their order changed.
    """

    edited = Signal()

    def __init__(self, record_type: type[BaseModel], name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.record_type = record_type
        self.columns: list[tuple[str, str, FieldKind]] = [
            (field_name, field_title(info, field_name), kind)
            for field_name, info, kind in record_fields(record_type)
        ]
        self.table = QTableWidget(0, len(self.columns))
        self.table.setAccessibleName(name)
        self.table.setHorizontalHeaderLabels([title for _name, title, _kind in self.columns])
        for number, (field_name, _title, _kind) in enumerate(self.columns):
            info = record_type.model_fields[field_name]
            header = self.table.horizontalHeaderItem(number)
            if header is not None and info.description:
                header.setToolTip(info.description)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(True)
        self.table.itemChanged.connect(lambda _item: self.edited.emit())
        self.table.model().rowsInserted.connect(lambda *_: self.edited.emit())
        self.table.model().rowsRemoved.connect(lambda *_: self.edited.emit())
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("Add"))
        self.remove_button = QPushButton(_("Remove"))
        self.up_button = QPushButton(_("Move up"))
        self.down_button = QPushButton(_("Move down"))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(1))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    # -- rows ------------------------------------------------------------------

    def add_row(self, values: dict[str, Any] | None = None) -> int:
        values = values or {}
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, (field_name, title, kind) in enumerate(self.columns):
            self._set_cell(row, column, kind, title, values.get(field_name))
        self.table.setCurrentCell(row, 0)
        self.fit_columns()
        return row

    def fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.table.columnCount()):
            header.resizeSection(column, max(MIN_COLUMN_WIDTH, header.sectionSize(column)))

    def _set_cell(self, row: int, column: int, kind: FieldKind, title: str, value: Any) -> None:
        if kind.kind in ("enum", "literal"):
            combo = QComboBox()
            combo.setAccessibleName(title)
            if kind.optional:
                combo.addItem(_("Not chosen"), None)
            for choice in kind.item:
                combo.addItem(choice_label(choice), choice)
            index = combo.findData(value)
            combo.setCurrentIndex(max(index, 0))
            self.table.setCellWidget(row, column, combo)
        elif kind.kind == "date":
            date = QDateEdit()
            date.setAccessibleName(title)
            date.setCalendarPopup(True)
            date.setMinimumDate(NO_DATE)
            date.setSpecialValueText(_("Not set"))
            date.setDisplayFormat("yyyy-MM-dd")
            date.setDate(to_qdate(value))
            date.dateChanged.connect(lambda _day: self.edited.emit())
            self.table.setCellWidget(row, column, date)
        elif kind.kind == "bool":
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            self.table.setItem(row, column, item)
        else:
            self.table.setItem(row, column, QTableWidgetItem("" if value is None else str(value)))

    def _cell_value(self, row: int, column: int) -> Any:
        _name, _title, kind = self.columns[column]
        widget = self.table.cellWidget(row, column)
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QDateEdit):
            return from_qdate(widget.date())
        item = self.table.item(row, column)
        if kind.kind == "bool":
            return item is not None and item.checkState() == Qt.CheckState.Checked
        return item.text().strip() if item is not None else ""

    def row_values(self, row: int) -> dict[str, Any]:
        values = {name: self._cell_value(row, column)
                  for column, (name, _title, _kind) in enumerate(self.columns)}
        # Left empty means not given: the model then names what is missing.
        return {name: value for name, value in values.items() if value is not None}

    def set_records(self, records: Sequence[BaseModel]) -> None:
        self.table.setRowCount(0)
        for record in records:
            self.add_row(record.model_dump())
        self.fit_columns()

    def rows(self) -> list[dict[str, Any]]:
        """Every row that holds anything (wholly empty rows are dropped)."""
        out: list[dict[str, Any]] = []
        typed = [name for name, _title, kind in self.columns if kind.kind in ("text", "date")]
        for row in range(self.table.rowCount()):
            values = self.row_values(row)
            if any(values.get(name) for name in typed):
                out.append(values)
        return out

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def move_row(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        values = [self.row_values(r) for r in range(self.table.rowCount())]
        values.insert(target, values.pop(row))
        self.table.setRowCount(0)
        for value in values:
            self.add_row(value)
        self.table.setCurrentCell(target, 0)
