"""A repeated part of the plan (triggers, people, goals...) as a table model.

One row per record, one column per field (the field a row is known by
first), each cell one line, plus a last row that stands for a new record.
Rows are filled in by the row editor below the table (`rowedit.py`), never
in the table's cells, so a row never grows under the pointer; tick-box
cells (contact card, wallet card) are ticked in the table too. Rows are
moved by drag and drop through the controller, so a move is undoable like
any other edit.
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
from ..plan import (
    PrintSettings,
    field_description,
    field_error_message,
    field_title,
    path_title,
    paths,
)
from ..text.dates import format_date
from ..text.i18n import N_, _
from .columns import heading_text
from .controller import PlanController, related

ROW_MIME = "application/x-recovery-workbook-row"
ADD_HINT = N_("New row")
# Short column headings where the field's title is a sentence.
SHORT_TITLES = {
    "on_contact_card": N_("Contact card"),
    "on_wallet_card": N_("Wallet card"),
    "how_i_will_know": N_("How I will know"),
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
    """The columns, the one a row is known by (its first required text) first."""
    if list_kind.kind == "texts":
        return [Column("", title, title, description, FieldKind("text", required=True))]
    record_type: type[BaseModel] = list_kind.item
    found: list[Column] = []
    for name, info in record_type.model_fields.items():
        kind = classify(info)
        if kind.kind == "record":
            continue
        heading = field_title(info, name)
        found.append(
            Column(
                name,
                heading,
                _(SHORT_TITLES[name]) if name in SHORT_TITLES else heading,
                field_description(info),
                kind,
            )
        )
    key = next((c for c in found if c.kind.required and c.kind.kind == "text"), None)
    if key is not None:
        found.remove(key)
        found.insert(0, key)
    return found


def display_text(value: Any, kind: FieldKind, settings: PrintSettings) -> str:
    """A cell's words on one line; a date as the workbook prints it (language, paper)."""
    if value is None:
        return ""
    if kind.kind == "texts":
        return "; ".join(value)
    if kind.kind in ("enum", "literal"):
        return choice_label(value)
    if kind.kind == "date" and isinstance(value, dt.date):
        return format_date(value, language=settings.language, paper=settings.paper)
    return " ".join(str(value).split())


def parse_steps(text: str) -> list[str]:
    """Multi-line text back to a list of steps, one per line; numbering typed is kept."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class RecordListModel(QAbstractTableModel):
    """The list at `list_path` of the controller's plan, plus a row that stands for a new one."""

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
        self.columns = columns_for(self.list_kind, self.title, field_description(info))
        self.two_line_headings = False
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
            return None
        item = items[row]
        return item if not column.name else getattr(item, column.name)

    def key_column(self) -> int:
        """The column a row is known by: the first (see `columns_for`)."""
        return 0

    def settings(self) -> PrintSettings:
        return self.controller.plan.print_settings

    def _on_changed(self, changed: str) -> None:
        if self._inserting:
            return
        if related(changed, "print_settings") and changed:
            self._all_changed()
            return
        if not related(changed, self.list_path):
            return
        prefix = self.list_path + "["
        if changed.startswith(prefix):
            row = int(changed[len(prefix) :].split("]", 1)[0])
            if row < self.rowCount() - 1:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
                return
        self.beginResetModel()
        self.endResetModel()

    def _all_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

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
            return heading_text(column.heading, column.kind.required,
                                two_lines=self.two_line_headings)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{column.title}: {column.description}" if column.description else column.title
            return tip + (_(" (needed)") if column.kind.required else "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return column.title
        return None

    def set_two_line_headings(self, on: bool) -> None:
        """Break long headings onto two lines (the table is too narrow for them on one)."""
        if self.two_line_headings != on:
            self.two_line_headings = on
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def is_add_row(self, row: int) -> bool:
        return row == self.rowCount() - 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), self.columns[index.column()]
        adding = self.is_add_row(row)
        if adding:
            return self._add_row_data(index.column(), role)
        value = self.cell_value(row, column)
        if column.kind.kind == "bool":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{column.title}: {_('yes') if value else _('no')}"
            return None
        text = display_text(value, column.kind, self.controller.plan.print_settings)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole text: the cell shows one line, cut short if need be.
            return text or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{column.title}: {text or _('empty')}"
        return None

    def _add_row_data(self, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _(ADD_HINT) if column == 0 else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("Select this row to add a new one in the fields below the table")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _("New row")
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(90, 90, 90))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def default(self, column: Column) -> Any:
        """What a new record holds in this column until something is chosen."""
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
        if self.is_add_row(index.row()):
            return base
        if self.columns[index.column()].kind.kind == "bool":
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Only a tick box is changed in the table itself (a click on it)."""
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if self.is_add_row(index.row()):
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        return self.set_cell(index.row(), self.columns[index.column()], on) is None

    # -- editing (the row editor calls these) --------------------------------

    def set_cell(self, row: int, column: Column, value: Any, *, merge: bool = False) -> str | None:
        """Change one field of an existing row; the refusal's message, or None."""
        if column.kind.required and isinstance(value, str) and not value.strip():
            message = _("{field}: must not be empty (Remove deletes the row)").format(
                field=column.title
            )
            self.controller.failed.emit(message)
            return message
        return self.controller.set(self.item_path(row, column), value, merge=merge)

    def record_from(self, draft: dict[str, Any]) -> tuple[Any, str]:
        """The record a new row's fields make, or None and what is still needed."""
        if self.is_plain():
            text = str(draft.get("", "")).strip()
            return (text or None), ""
        needed = [
            c.title
            for c in self.columns
            if c.kind.required and not str(draft.get(c.name) or "").strip()
        ]
        if needed:
            return None, _("Fill in {fields} to add the row").format(
                fields=_(" and ").join(needed)
            )
        try:
            return self.list_kind.item.model_validate(draft), ""
        except ValidationError as error:
            return None, field_error_message(error, self.title)

    def add(self, record: Any, row: int | None = None, *, absorb_typing: bool = False) -> bool:
        """Insert a record (at the end unless `row`) as one undoable edit."""
        count = len(self.items())
        row = count if row is None else max(0, min(row, count))
        self._inserting = True
        self.beginInsertRows(QModelIndex(), row, row)
        try:
            error = self.controller.insert(self.list_path, row, record, absorb_typing=absorb_typing)
        finally:
            self.endInsertRows()
            self._inserting = False
        if error:
            self.beginResetModel()
            self.endResetModel()
            return False
        return True

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
