"""The list editor: a table to edit in place, buttons, keys, and suggestions to tick.

Keys: Alt+Up / Alt+Down move the current row, Delete removes it, Insert (or
Ctrl+Return) starts a new one; rows are also dragged into a new order.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..form import suggest
from ..form.fields import choice_label
from ..form.pages import Question
from .controller import PlanController, related
from .editors import NO_DATE, from_qdate, to_qdate
from .listmodel import RecordListModel

Index = QModelIndex | QPersistentModelIndex


class CellDelegate(QStyledItemDelegate):
    """Editors for cells: a choice list, a date, several lines for steps."""

    def __init__(self, model: RecordListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        column = self.model.columns[index.column()]
        kind = column.kind
        editor: QWidget
        if kind.kind in ("enum", "literal"):
            combo = QComboBox(parent)
            if kind.optional:
                combo.addItem("Not chosen", None)
            for value in kind.item:
                combo.addItem(choice_label(value), value)
            editor = combo
        elif kind.kind == "date":
            date = QDateEdit(parent)
            date.setCalendarPopup(True)
            date.setMinimumDate(NO_DATE)
            date.setSpecialValueText("Not set")
            date.setDisplayFormat("d MMM yyyy")
            editor = date
        elif kind.kind == "texts":
            text = QPlainTextEdit(parent)
            text.setPlaceholderText("One step on each line")
            text.setTabChangesFocus(True)
            editor = text
        else:
            editor = super().createEditor(parent, option, index)
        editor.setAccessibleName(column.title)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            for i in range(editor.count()):
                if editor.itemData(i) == value:
                    editor.setCurrentIndex(i)
        elif isinstance(editor, QDateEdit):
            editor.setDate(to_qdate(value) if value is not None else QDate.currentDate())
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(value or ""))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QDateEdit):
            model.setData(index, from_qdate(editor.date()))
        elif isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText())
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        rect = option.rect
        if isinstance(editor, QPlainTextEdit):
            rect = rect.adjusted(0, 0, 0, max(0, 90 - rect.height()))
        editor.setGeometry(rect)


class ListTable(QTableView):
    """A table that also moves rows with the keyboard."""

    def __init__(self, model: RecordListModel) -> None:
        super().__init__()
        self.list_model = model
        self.setModel(model)
        self.setItemDelegate(CellDelegate(model, self))
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in a form
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        for i, column in enumerate(model.columns):
            if column.kind.kind in ("bool", "enum", "literal", "date"):
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.sectionResized.connect(lambda *_: self._fit_later())
        model.modelReset.connect(self.fit_height)
        model.rowsInserted.connect(self.fit_height)
        model.dataChanged.connect(lambda *_: self._fit_later())
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self.fit_height)
        self.fit_height()

    def _fit_later(self) -> None:
        self._fit_timer.start(0)

    def fit_height(self) -> None:
        """Tall enough for every row (up to a limit), so the page scrolls, not the table."""
        self.resizeRowsToContents()
        rows = sum(self.rowHeight(r) for r in range(self.list_model.rowCount()))
        frame = 2 * self.frameWidth() + self.horizontalHeader().height() + 4
        bar = self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(min(rows + frame + bar, 460))

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def move_current(self, delta: int) -> bool:
        row, column = self.current_row(), max(0, self.currentIndex().column())
        if row < 0 or self.list_model.is_add_row(row):
            return False
        target = row + delta
        if not self.list_model.move(row, target):
            return False
        self.setCurrentIndex(self.list_model.index(target, column))
        return True

    def remove_current(self) -> bool:
        row, column = self.current_row(), max(0, self.currentIndex().column())
        if row < 0 or self.list_model.is_add_row(row):
            return False
        if not self.list_model.remove(row):
            return False
        last = self.list_model.rowCount() - 1
        self.setCurrentIndex(self.list_model.index(min(row, last), column))
        return True

    def start_adding(self) -> None:
        index = self.list_model.index(self.list_model.rowCount() - 1, self.list_model.key_column())
        self.setFocus()
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.edit(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        key = event.key()
        if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current(-1 if key == Qt.Key.Key_Up else 1)
            event.accept()
            return
        if key == Qt.Key.Key_Delete and self.state() != QAbstractItemView.State.EditingState:
            self.remove_current()
            event.accept()
            return
        if key == Qt.Key.Key_Insert or (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.start_adding()
            event.accept()
            return
        super().keyPressEvent(event)


class SuggestionList(QListWidget):
    """Catalogue entries as tick boxes; a tick adds a record, untick removes it."""

    def __init__(self, controller: PlanController, question: Question) -> None:
        super().__init__()
        self.controller = controller
        self.question = question
        self.offers: list[suggest.Offer] = []
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setSpacing(2)
        self.setUniformItemSizes(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.itemChanged.connect(self._item_changed)
        self._filling = False
        controller.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, path: str) -> None:
        if related(path, "pathways.chosen"):
            self.reload()
        elif any(
            related(path, suggest.BINDINGS[kind].list_path) for kind in self.question.catalogues
        ):
            self.refresh_ticks()

    def reload(self) -> None:
        kinds = self.controller.plan.pathways.kinds()
        language = self.controller.plan.print_settings.language
        self.offers = suggest.offers(self.question.catalogues, kinds, language)
        self._filling = True
        try:
            self.clear()
            for offer in self.offers:
                item = QListWidgetItem(offer.text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                if offer.for_my_pathways:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip("Suggested for the pathways chosen")
                if offer.detail:
                    item.setToolTip(offer.detail)
                self.addItem(item)
        finally:
            self._filling = False
        self.refresh_ticks()
        self.setVisible(bool(self.offers))
        QTimer.singleShot(0, self.fit_height)

    def refresh_ticks(self) -> None:
        self._filling = True
        try:
            for row, offer in enumerate(self.offers):
                ticked = suggest.is_ticked(self.controller, offer)
                state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
                item = self.item(row)
                if item.checkState() != state:
                    item.setCheckState(state)
        finally:
            self._filling = False

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        offer = self.offers[self.row(item)]
        on = item.checkState() == Qt.CheckState.Checked
        suggest.tick(self.controller, offer, on)
        self.refresh_ticks()

    def set_ticked(self, text: str, on: bool) -> None:
        """Tick or untick a suggestion by its words (what a click does)."""
        for row, offer in enumerate(self.offers):
            if offer.text == text:
                item = self.item(row)
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                return
        raise KeyError(text)

    def fit_height(self) -> None:
        if not self.count():
            return
        last = self.visualItemRect(self.item(self.count() - 1))
        height = last.bottom() + self.verticalOffset() + 2 * self.frameWidth() + 6
        self.setFixedHeight(max(40, min(height, 180)))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self.fit_height)


class ListEditor(QWidget):
    """Heading, table, buttons and suggestions for one repeated part of the plan."""

    def __init__(self, controller: PlanController, question: Question) -> None:
        super().__init__()
        self.controller = controller
        self.model = RecordListModel(controller, question.path, self)
        self.table = ListTable(self.model)
        self.table.setAccessibleName(self.model.title)
        description = self.model.columns[0].description if self.model.is_plain() else ""
        info_description = controller_description(controller, question.path)
        self.table.setAccessibleDescription(
            (info_description or description)
            + " Alt+Up and Alt+Down move a row; Delete removes it."
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = self._button("Add", "Add a row (Insert)", self.table.start_adding)
        self.remove_button = self._button("Remove", "Remove the selected row (Delete)",
                                          self.table.remove_current)
        self.up_button = self._button("Move up", "Move the selected row up (Alt+Up)",
                                      lambda: self.table.move_current(-1))
        self.down_button = self._button("Move down", "Move the selected row down (Alt+Down)",
                                        lambda: self.table.move_current(1))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.suggestions: SuggestionList | None = None
        if question.catalogues:
            self.suggestions = SuggestionList(controller, question)
            self.suggestions.setAccessibleName(f"Suggestions for {self.model.title}")
            self.suggestions.setAccessibleDescription("Tick a suggestion to add it to the list.")
            self.suggestion_label = QLabel("Suggestions — tick to add, then change the words:")
            self.suggestion_label.setObjectName("hint")
            self.suggestion_label.setBuddy(self.suggestions)
            layout.addWidget(self.suggestion_label)
            layout.addWidget(self.suggestions)
            self.suggestion_label.setVisible(bool(self.suggestions.offers))
        self.setFocusProxy(self.table)

    def _button(self, text: str, tip: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(f"{text} — {self.model.title}")
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: slot())
        return button

    def select(self, row: int, column: int = 0) -> None:
        self.table.setFocus()
        self.table.setCurrentIndex(self.model.index(row, column))


def controller_description(controller: PlanController, path: str) -> str:
    from ..plan import paths

    return str(paths.field_info(controller.plan, path).description or "")
