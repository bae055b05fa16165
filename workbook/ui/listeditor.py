"""The list editor: suggestions to tick, a table of the rows, and the row's fields below.

The table shows one line per row and never grows a row; the selected row is
edited in the fields below it (`RowEditor`). Keys in the table: Up and Down
choose a row, Enter (or typing) goes to its fields, Alt+Up / Alt+Down move
it, Delete removes it, Insert (or Ctrl+Return) starts a new one; rows are
also dragged into a new order.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..form import suggest
from ..form.pages import Question
from ..text.i18n import _
from .columns import fit_widths
from .controller import PlanController, related
from .listmodel import RecordListModel
from .rowedit import RowEditor
from .steady import keep_in_place

# The table shows at least this many lines (so a first row does not move the
# page) and at most this many before it scrolls itself.
MIN_LINES = 3
MAX_LINES = 8
# Headings go onto two lines when on one they would take more of the table's
# width than this.
HEADINGS_SHARE = 0.75
# A long answer's column is at most this wide; the whole text is in its tooltip
# and in the row's fields below.
MAX_COLUMN = 280
# A column whose longest answer is no wider than this (a phone number with
# its extension, a time of day, a first name and initial) is kept whole when
# the table has the room; longer answers are cut first.
SHORT_ANSWER = 170
PHONE_SAMPLE = "(555) 555-5555"  # the width a phone column keeps for the number


class ListTable(QTableView):
    """The rows of a list, one line each; the row editor below edits the chosen one."""

    def __init__(self, model: RecordListModel) -> None:
        super().__init__()
        self.list_model = model
        self.row_editor: RowEditor | None = None
        self.setModel(model)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setTabKeyNavigation(False)  # Tab goes on to the row's fields
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self._heading_floors: dict[bool, list[int]] = {}
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self.fit)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self.fit)
        model.dataChanged.connect(lambda *_: self._fit_timer.start(0))
        self.fit()

    # -- size ----------------------------------------------------------------

    def fit(self, *_args: object) -> None:
        self.span_add_row()
        self.fit_columns()
        self.fit_height()

    def span_add_row(self) -> None:
        """The new-row line is one cell across the table, so its hint is read whole."""
        self.clearSpans()
        columns = self.list_model.columnCount()
        if columns > 1:
            self.setSpan(self.list_model.rowCount() - 1, 0, 1, columns)

    def fit_columns(self) -> None:
        """Every heading whole; long answers cut to one line; the table inside its room."""
        header = self.horizontalHeader()
        metrics = self.fontMetrics()
        model = self.list_model
        wanted: list[int] = []
        grows: list[int] = []
        for column_index, column in enumerate(model.columns):
            content = 0
            if column.kind.kind == "bool":
                content = 28
            else:
                for row in range(model.rowCount() - 1):
                    text = str(model.index(row, column_index).data() or "")
                    content = max(content, metrics.horizontalAdvance(text) + 16)
            wanted.append(min(content, MAX_COLUMN))
            if column.kind.kind in ("text", "texts"):
                grows.append(column_index)
        room = self.viewport().width() if self.isVisible() else 0
        # Headings on one line unless that leaves the answers too little room;
        # decided by the headings alone, so the header does not change height
        # while a row is typed.
        one_line = self._heading_widths(two_lines=False)
        wrap = bool(room) and sum(one_line) > room * HEADINGS_SHARE
        floors = self._heading_widths(two_lines=True) if wrap else one_line
        self._set_heading_lines(2 if wrap else 1)
        if room:
            phones = tuple(i for i, c in enumerate(model.columns) if c.name == "phone")
            # Keep whole: the short answers, and in a phone column at least a
            # number's worth (its notes, "ext. 4, cell", may be cut).
            number = metrics.horizontalAdvance(PHONE_SAMPLE) + 16
            keep = [min(w, number) if i in phones else (w if w <= SHORT_ANSWER else 0)
                    for i, w in enumerate(wanted)]
            widths = fit_widths(wanted, floors, room, grows, keep=keep, first=phones)
        else:
            widths = [max(w, f) for w, f in zip(wanted, floors, strict=True)]
        for i, width in enumerate(widths):
            if header.sectionSize(i) != width:
                header.resizeSection(i, width)
        # No sideways scroll bar while the columns fit (one could linger from
        # a narrower moment); only headings wider than the table bring it.
        fits = bool(room) and sum(widths) <= room
        bars = Qt.ScrollBarPolicy
        policy = bars.ScrollBarAlwaysOff if fits else bars.ScrollBarAsNeeded
        if self.horizontalScrollBarPolicy() != policy:
            self.setHorizontalScrollBarPolicy(policy)

    def _heading_widths(self, *, two_lines: bool) -> list[int]:
        """Each column's least width: its heading whole, on one line or on two.

        Asked of the header itself (its margins and font), once for each way.
        """
        if two_lines not in self._heading_floors:
            model = self.list_model
            shown = model.two_line_headings
            model.set_two_line_headings(two_lines)
            header = self.horizontalHeader()
            self._heading_floors[two_lines] = [
                header.sectionSizeHint(i) for i in range(model.columnCount())
            ]
            model.set_two_line_headings(shown)
        return self._heading_floors[two_lines]

    def _set_heading_lines(self, lines: int) -> None:
        header = self.horizontalHeader()
        self.list_model.set_two_line_headings(lines == 2)
        # The header is as tall as its lines (it does not grow for a second one itself).
        tall = QFontMetrics(header.font()).lineSpacing() * lines + 8
        if header.minimumHeight() != tall:
            header.setMinimumHeight(tall)

    def needed_height(self) -> int:
        lines = max(MIN_LINES, min(self.list_model.rowCount(), MAX_LINES))
        rows = lines * self.verticalHeader().defaultSectionSize()
        # The header's own wish: it is taller when the headings take two lines.
        header = self.horizontalHeader()
        frame = 2 * self.frameWidth() + max(header.sizeHint().height(), header.minimumHeight())
        total = self.horizontalHeader().length()
        bar = 0
        if self.isVisible() and total > self.viewport().width():
            bar = self.horizontalScrollBar().sizeHint().height()
        return rows + frame + bar

    def fit_height(self) -> None:
        height = self.needed_height()
        if height != self.height() or self.minimumHeight() != height:
            with keep_in_place(self):
                self.setFixedHeight(height)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_timer.start(0)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._fit_timer.start(0)

    # -- rows ----------------------------------------------------------------

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        column = max(0, self.currentIndex().column())
        self.setCurrentIndex(self.list_model.index(row, column))
        self.scrollTo(self.list_model.index(row, 0))

    def move_current(self, delta: int) -> bool:
        row = self.current_row()
        if row < 0 or self.list_model.is_add_row(row):
            return False
        target = row + delta
        if not self.list_model.move(row, target):
            return False
        self.select_row(target)
        return True

    def remove_current(self) -> bool:
        row = self.current_row()
        if row < 0 or self.list_model.is_add_row(row):
            return False
        if not self.list_model.remove(row):
            return False
        self.select_row(min(row, self.list_model.rowCount() - 1))
        return True

    def start_adding(self) -> None:
        if self.row_editor is not None:
            self.row_editor.start_new_row()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers()
        alt = modifiers & Qt.KeyboardModifier.AltModifier
        control = modifiers & Qt.KeyboardModifier.ControlModifier
        key = event.key()
        editor = self.row_editor
        if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current(-1 if key == Qt.Key.Key_Up else 1)
        elif key == Qt.Key.Key_Delete:
            self.remove_current()
        elif key == Qt.Key.Key_Insert or (
            control and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.start_adding()
        elif editor is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            editor.focus_field(0)
        elif (
            editor is not None
            and event.text().isprintable()
            and event.text().strip()
            and not (alt or control)
        ):
            # Typing in the table types into the row's first field.
            editor.focus_field(0)
            target = QApplication.focusWidget()
            if target is not None:
                QApplication.sendEvent(target, event)
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class SuggestionList(QListWidget):
    """Catalogue entries as tick boxes; a tick adds a record, untick removes it.

    Signals:
        reloaded(): the suggestions were read again (the pathways changed).
        added(): a tick added a row (the last one).
    """

    reloaded = Signal()
    added = Signal()

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
                tips = [offer.detail] if offer.detail else []
                if offer.for_my_pathways:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    tips.append(_("Suggested for the pathways chosen"))
                if tips:
                    item.setToolTip(" — ".join(tips))
                self.addItem(item)
        finally:
            self._filling = False
        self.refresh_ticks()
        # Before it has a parent, showing it would open a window of its own.
        if self.parentWidget() is not None or not self.offers:
            self.setVisible(bool(self.offers))
        # With the list as the timer's context: Qt drops the call if the list
        # is deleted first (a page closed, a language switched).
        QTimer.singleShot(0, self, self.fit_height)
        self.reloaded.emit()

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
        path = suggest.BINDINGS[offer.kind].list_path
        before = len(self.controller.value(path))
        message = suggest.tick(self.controller, offer, on)
        if message:
            self.controller.failed.emit(message)
        self.refresh_ticks()
        if on and len(self.controller.value(path)) > before:
            self.added.emit()

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
        content = last.bottom() + self.verticalOffset() + 2 * self.frameWidth() + 6
        height = max(40, min(content, 180))
        if height != self.height():
            with keep_in_place(self):
                self.setFixedHeight(height)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self.fit_height)


class ListEditor(QWidget):
    """Suggestions, the table of rows, and the selected row's fields, for one list."""

    def __init__(self, controller: PlanController, question: Question) -> None:
        super().__init__()
        self.controller = controller
        self.model = RecordListModel(controller, question.path, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.suggestions: SuggestionList | None = None
        if question.catalogues:
            # Above the table: a tick adds a row below the pointer, never above it.
            self.suggestions = SuggestionList(controller, question)
            self.suggestions.setAccessibleName(
                _("Suggestions for {list}").format(list=self.model.title)
            )
            self.suggestions.setAccessibleDescription(
                _("Tick a suggestion to add it to the list.")
            )
            self.suggestion_label = QLabel()
            self.suggestion_label.setObjectName("hint")
            self.suggestion_label.setWordWrap(True)
            self.suggestion_label.setBuddy(self.suggestions)
            layout.addWidget(self.suggestion_label)
            layout.addWidget(self.suggestions)
            self.suggestions.reloaded.connect(self._describe_suggestions)
            # "Tick to add, then change the words in the row below": the row
            # below is the one just ticked.
            self.suggestions.added.connect(self._show_added_row)
            self._describe_suggestions()
        self.table = ListTable(self.model)
        self.table.setAccessibleName(self.model.title)
        description = self.model.columns[0].description if self.model.is_plain() else ""
        info_description = controller_description(controller, question.path)
        self.table.setAccessibleDescription(
            (info_description or description)
            + _(" Up and Down choose a row, Enter edits it, Alt+Up and Alt+Down move it, "
                "Delete removes it.")
        )
        layout.addWidget(self.table)
        self.row_editor = RowEditor(self.model, self.table.select_row, self.leave)
        self.table.row_editor = self.row_editor
        buttons = self.row_editor.header
        self.add_button = self._button(_("New row"), _("Add a new row (Insert)"),
                                       self.table.start_adding)
        self.up_button = self._button(_("Move up"), _("Move the selected row up (Alt+Up)"),
                                      lambda: self.table.move_current(-1))
        self.down_button = self._button(_("Move down"),
                                        _("Move the selected row down (Alt+Down)"),
                                        lambda: self.table.move_current(1))
        self.remove_button = self._button(_("Remove"), _("Remove the selected row (Delete)"),
                                          self.table.remove_current)
        for button in (self.add_button, self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.row_editor)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.model.modelReset.connect(self._keep_selection)
        self.table.select_row(self.model.rowCount() - 1)
        self._update_buttons()
        self.setFocusProxy(self.table)

    def _button(self, text: str, tip: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(f"{text} — {self.model.title}")
        button.setToolTip(tip)
        button.setAutoDefault(False)
        # The keys in the tooltip do the same; Tab goes from a row's last
        # field straight on, not through four buttons.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda: slot())
        return button

    def _describe_suggestions(self) -> None:
        if self.suggestions is None:
            return
        text = _("Suggestions: tick to add, then change the words in the row below.")
        if any(offer.for_my_pathways for offer in self.suggestions.offers):
            text += " " + _("Those in bold fit the pathways chosen.")
        self.suggestion_label.setText(text)
        self.suggestion_label.setVisible(bool(self.suggestions.offers))

    def _show_added_row(self) -> None:
        self.table.select_row(self.model.rowCount() - 2)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.row() != self.row_editor.row:
            self.row_editor.show_row(current.row())
        self._update_buttons()

    def _keep_selection(self) -> None:
        self.table.select_row(min(self.row_editor.row, self.model.rowCount() - 1))
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.table.current_row()
        real = 0 <= row < self.model.rowCount() - 1
        self.remove_button.setEnabled(real)
        self.up_button.setEnabled(real and row > 0)
        self.down_button.setEnabled(real and row < self.model.rowCount() - 2)

    def leave(self, forward: bool) -> None:
        """Move the focus to the control before or after this list."""
        widget: QWidget | None = self.row_editor.order[-1] if forward else self.table
        for _step in range(2000):
            if widget is None:
                return
            widget = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
            if widget is None or widget is self or self.isAncestorOf(widget):
                continue
            if (
                widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.focusProxy() is None
            ):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return

    def select(self, row: int, column: int = 0) -> None:
        """Show a row (a field path's) and put the cursor in one of its fields."""
        self.table.select_row(row)
        self.row_editor.show_row(row)
        self.row_editor.focus_field(column)


def controller_description(controller: PlanController, path: str) -> str:
    from ..plan import field_description, paths

    return field_description(paths.field_info(controller.plan, path))
