"""A repeated part of the plan (triggers, people, goals...) as an editable table model.

One row per record, one column per field, plus a last row that adds a new
record: what is typed there is held as a draft until every required field
has a value, and only then becomes a record (the plan never holds an
invalid one). Rows are moved by drag and drop through the controller, so
a move is undoable like any other edit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ..form.fields import FieldKind, choice_label, classify
from ..plan import PrintSettings, field_error_message, field_title, path_title, paths
from ..text.dates import format_date
from .controller import PlanController, related

ROW_MIME = "application/x-recovery-workbook-row"
ADD_HINT = "Type here to add…"
# Short column headings where the field's title is a sentence.
SHORT_TITLES = {
    "on_contact_card": "Contact card",
    "on_wallet_card": "Wallet card",
    "how_i_will_know": "How I will know",
}

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    name: str  # "" for a list of plain strings
    title: str
    heading: str
    description: str
    kind: FieldKind


def columns_for(list_kind: FieldKind, title: str, description: str) -> list[Column]:
    if list_kind.kind == "texts":
        return [Column("", title, title, description, FieldKind("text", required=True))]
    record_type: type[BaseModel] = list_kind.item
    found = []
    for name, info in record_type.model_fields.items():
        kind = classify(info)
        if kind.kind == "record":
            continue
        heading = field_title(info, name)
        found.append(
            Column(
                name,
                heading,
                SHORT_TITLES.get(name, heading),
                str(info.description or ""),
                kind,
            )
        )
    return found


def display_text(value: Any, kind: FieldKind, settings: PrintSettings) -> str:
    """A cell's words; a date as the workbook prints it in the plan's language and paper."""
    if value is None:
        return ""
    if kind.kind == "texts":
        return "\n".join(f"{n}. {step}" for n, step in enumerate(value, 1))
    if kind.kind in ("enum", "literal"):
        return choice_label(value)
    if kind.kind == "date" and isinstance(value, dt.date):
        return format_date(value, language=settings.language, paper=settings.paper)
    return str(value)


def parse_steps(text: str) -> list[str]:
    """Multi-line text back to a list of steps, one per line; numbering typed is kept."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class RecordListModel(QAbstractTableModel):
    """The list at `list_path` of the controller's plan, plus a row to add to it."""

    def __init__(
        self,
        controller: PlanController,
        list_path: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.list_path = list_path
        info = paths.field_info(controller.plan, list_path)
        self.list_kind = classify(info)
        self.title = path_title(controller.plan, list_path)
        self.columns = columns_for(self.list_kind, self.title, str(info.description or ""))
        self.draft: dict[str, Any] = {}
        self._inserting = False
        controller.changed.connect(self._on_changed)

    # -- plan access -----------------------------------------------------

    def items(self) -> list[Any]:
        return list(self.controller.value(self.list_path))

    def is_plain(self) -> bool:
        return self.list_kind.kind == "texts"

    def item_path(self, row: int, column: Column | None = None) -> str:
        path = f"{self.list_path}[{row}]"
        return f"{path}.{column.name}" if column and column.name else path

    def cell_value(self, row: int, column: Column) -> Any:
        items = self.items()
        if row >= len(items):
            return self.draft.get(column.name)
        item = items[row]
        return item if not column.name else getattr(item, column.name)

    def key_column(self) -> int:
        """The column a new row starts in: the first required one, else the first text."""
        for i, column in enumerate(self.columns):
            if column.kind.required:
                return i
        for i, column in enumerate(self.columns):
            if column.kind.kind == "text":
                return i
        return 0

    def _on_changed(self, changed: str) -> None:
        if self._inserting or not related(changed, self.list_path):
            return
        prefix = self.list_path + "["
        if changed.startswith(prefix):
            row = int(changed[len(prefix) :].split("]", 1)[0])
            if row < self.rowCount() - 1:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
                return
        self.beginResetModel()
        self.endResetModel()

    # -- Qt model ----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.controller.value(self.list_path)) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return "+" if section == self.rowCount() - 1 else str(section + 1)
            return None
        if not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.heading + (" *" if column.kind.required else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{column.title}: {column.description}" if column.description else column.title
            return tip + (" (needed)" if column.kind.required else "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return column.title
        return None

    def is_add_row(self, row: int) -> bool:
        return row == self.rowCount() - 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), self.columns[index.column()]
        adding = self.is_add_row(row)
        value = self.cell_value(row, column)
        if column.kind.kind == "bool":
            if role == Qt.ItemDataRole.CheckStateRole:
                if value is None:
                    value = self._default(column)
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{column.title}: {'yes' if value else 'no'}"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if adding and value is None:
                return ADD_HINT if index.column() == self.key_column() else ""
            return display_text(value, column.kind, self.controller.plan.print_settings)
        if role == Qt.ItemDataRole.EditRole:
            if value is None and adding:
                value = self._default(column)
            if column.kind.kind == "texts":
                return "\n".join(value or [])
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            if adding:
                needed = [c.title for c in self.columns if c.kind.required]
                return "Fill in " + " and ".join(needed) + " to add a row" if needed else None
            return column.description or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            words = display_text(value, column.kind, self.controller.plan.print_settings)
            return f"{column.title}: {words or 'empty'}"
        if adding and role == Qt.ItemDataRole.ForegroundRole and value is None:
            return QBrush(QColor(110, 110, 110))
        if adding and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _default(self, column: Column) -> Any:
        if self.is_plain():
            return ""
        info = self.list_kind.item.model_fields[column.name]
        if info.default_factory is not None:
            return info.default_factory()
        return None if info.is_required() else info.default

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        column = self.columns[index.column()]
        if column.kind.kind == "bool":
            base |= Qt.ItemFlag.ItemIsUserCheckable
        else:
            base |= Qt.ItemFlag.ItemIsEditable
        if not self.is_add_row(index.row()):
            base |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return base

    def convert(self, column: Column, value: Any, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState(value) == Qt.CheckState.Checked
        if column.kind.kind == "texts" and isinstance(value, str):
            return parse_steps(value)
        if column.kind.kind == "text" and value is None:
            return ""
        return value

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.CheckStateRole,
        ):
            return False
        row, column = index.row(), self.columns[index.column()]
        value = self.convert(column, value, role)
        if self.is_add_row(row):
            return self._set_draft(column, value)
        if column.kind.required and isinstance(value, str) and not value.strip():
            self.controller.failed.emit(
                f"{column.title}: must not be empty (use Remove to delete the row)"
            )
            return False
        return self.controller.set(self.item_path(row, column), value) is None

    # -- the row that adds ---------------------------------------------------

    def _set_draft(self, column: Column, value: Any) -> bool:
        if isinstance(value, str) and not value.strip() and column.name not in self.draft:
            return False
        self.draft[column.name] = value
        row = self.rowCount() - 1
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        record = self._record_from_draft()
        if record is None:
            missing = [
                c.title
                for c in self.columns
                if c.kind.required and not str(self.draft.get(c.name) or "").strip()
            ]
            if missing:
                self.controller.failed.emit(
                    f"{self.title}: fill in {' and '.join(missing)} to add the row"
                )
            return True
        self.add(record)
        return True

    def _record_from_draft(self) -> Any:
        if self.is_plain():
            text = str(self.draft.get("", "")).strip()
            return text or None
        try:
            return self.list_kind.item.model_validate(self.draft)
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            if first["type"] != "missing" and not str(first["msg"]).endswith("must not be empty"):
                self.controller.failed.emit(field_error_message(error, self.title))
            return None

    def add(self, record: Any, row: int | None = None) -> bool:
        """Insert a record (at the end unless `row`) as one undoable edit."""
        count = len(self.items())
        row = count if row is None else max(0, min(row, count))
        self._inserting = True
        self.beginInsertRows(QModelIndex(), row, row)
        try:
            error = self.controller.insert(self.list_path, row, record)
        finally:
            self.endInsertRows()
            self._inserting = False
        if error:
            self.beginResetModel()
            self.endResetModel()
            return False
        self.draft = {}
        add_row = self.rowCount() - 1
        self.dataChanged.emit(self.index(add_row, 0), self.index(add_row, self.columnCount() - 1))
        return True

    def clear_draft(self) -> None:
        self.draft = {}
        row = self.rowCount() - 1
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- moving and removing --------------------------------------------------

    def move(self, source: int, target: int) -> bool:
        count = len(self.items())
        if not (0 <= source < count and 0 <= target < count) or source == target:
            return False
        return self.controller.move(self.list_path, source, target) is None

    def remove(self, row: int) -> bool:
        if not 0 <= row < len(self.items()):
            return False
        return self.controller.remove(self.list_path, row) is None

    # -- drag and drop -------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(ROW_MIME, QByteArray(str(rows[0]).encode()))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(ROW_MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        source = int(bytes(data.data(ROW_MIME).data()).decode())
        count = len(self.items())
        if parent.isValid():  # dropped onto a row: take its place
            target = parent.row()
        else:  # dropped between rows: go before `row`
            before = row if row >= 0 else count
            target = before - 1 if before > source else before
        target = max(0, min(target, count - 1))
        self.move(source, target)
        # False: the view must not delete the source rows itself after a move.
        return False
