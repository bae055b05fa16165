"""The first thing the program shows: the clients in the library.

Recent clients first, a search box, and buttons for a new plan, opening,
importing a plan file and trying the example. Unsaved work left by a crash
is offered back at the top.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..text.i18n import _, interface_language, ngettext
from .confirm import confirm

if TYPE_CHECKING:
    from ..library import ClientSummary, Draft, Library


def when(moment: object) -> str:
    """A date, or a date and time on the person's own clock, short."""
    from ..text.dates import format_date, format_moment  # Babel: not before the first window

    if isinstance(moment, dt.datetime):
        return format_moment(moment, language=interface_language())
    if isinstance(moment, dt.date):
        return format_date(moment, language=interface_language(), style="medium")
    return ""


class LibraryView(QWidget):
    """Clients, search, new / open / import, and crash recovery.

    Signals:
        new_requested(): start a new plan.
        open_requested(int): open a client's plan.
        import_requested(): choose a plan file to import.
        example_requested(): open the example plan as a new plan.
        recover_requested(object): restore a `Draft`.
        discard_requested(object): throw a `Draft` away.
        history_requested(int): show a client's saved versions.
        delete_requested(int): delete a client (the receiver asks first).
    """

    new_requested = Signal()
    open_requested = Signal(int)
    import_requested = Signal()
    example_requested = Signal()
    recover_requested = Signal(object)
    discard_requested = Signal(object)
    history_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, library: Library | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # None while the program starts: the window shows before the library is
        # open (that needs the plan model), and `set_library` fills the list.
        self.library = library
        self.drafts: list[Draft] = []
        self.summaries: list[ClientSummary] = []
        title = QLabel("Recovery Workbook")
        title.setObjectName("appTitle")
        tagline = QLabel(
            _("Build a recovery plan together, then print a workbook to take home.")
        )
        tagline.setObjectName("intro")
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(_("Unsaved work found"))
        self.restore_button = QPushButton(_("Restore"))
        self.restore_button.setAccessibleName(_("Restore the unsaved work"))
        self.discard_button = QPushButton(_("Discard"))
        self.discard_button.setAccessibleName(_("Discard the unsaved work"))
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.restore_button)
        banner_row.addWidget(self.discard_button)
        self.banner_box = QWidget()
        self.banner_box.setLayout(banner_row)

        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search clients by name"))
        self.search.setAccessibleName(_("Search clients"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(_("&Find a client:"))
        search_label.setBuddy(self.search)

        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(_("Clients"))
        self.table.setHeaderLabels([_("Client"), _("Last changed"), _("Next review"),
                                    _("Saved versions"), ""])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(False)
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(
            _("No plans yet. Start a new plan with a client, or try the example plan.")
        )
        self.empty.setObjectName("hint")

        self.new_button = QPushButton(_("New plan"))
        self.new_button.setAccessibleName(_("Start a new plan"))
        self.new_button.setToolTip(_("Start a new plan (Ctrl+N)"))
        self.open_button = QPushButton(_("Open"))
        self.open_button.setAccessibleName(_("Open the selected client's plan"))
        self.import_button = QPushButton(_("Import plan file…"))
        self.import_button.setAccessibleName(_("Import a plan file"))
        self.example_button = QPushButton(_("Try the example plan"))
        self.example_button.setAccessibleName(_("Open the example plan"))
        self.history_button = QPushButton(_("History…"))
        self.history_button.setAccessibleName(_("The selected client's saved versions"))
        self.history_button.setToolTip(
            _("See the saved versions of the plan, and restore one")
        )
        self.delete_button = QPushButton(_("Delete…"))
        self.delete_button.setAccessibleName(_("Delete the selected client"))
        self.delete_button.setToolTip(
            _("Delete the client with every saved version (Delete); asks first")
        )
        # Enter on a button that has the keyboard focus presses it, as
        # elsewhere on the desktop (Qt does so only in dialogs by itself).
        for button in (self.restore_button, self.discard_button, self.new_button,
                       self.open_button, self.import_button, self.example_button,
                       self.history_button, self.delete_button):
            button.setAutoDefault(True)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.history_button,
                       self.delete_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.example_button)

        # Top to bottom, close together: what to do first (the buttons), then
        # the clients. With no clients yet the space is left empty below,
        # not spread between the controls.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(tagline)
        layout.addLayout(buttons)
        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        layout.addSpacing(8)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        # Under the list, not above the buttons: the banner appears once the
        # library is read, a moment after the window, and must not push the
        # buttons from under a pointer already on its way to one of them.
        layout.addWidget(self.banner_box)
        layout.addStretch(0)
        self._layout = layout

        self.new_button.clicked.connect(self.new_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.example_button.clicked.connect(self.example_requested)
        self.open_button.clicked.connect(self._open_selected)
        self.history_button.clicked.connect(lambda: self._emit_selected(self.history_requested))
        self.delete_button.clicked.connect(lambda: self._emit_selected(self.delete_requested))
        self.table.installEventFilter(self)
        self.table.itemActivated.connect(lambda item, _c: self._open_item(item))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._open_first_visible)
        self.restore_button.clicked.connect(self._restore)
        self.discard_button.clicked.connect(self._discard)
        self.refresh()

    # -- content -----------------------------------------------------------

    def set_library(self, library: Library) -> None:
        self.library = library
        self.refresh()

    def refresh(self) -> None:
        """Read the client list and any unsaved drafts from the library again."""
        if self.library is None:
            # Neither the list nor "No plans yet" until the library is read.
            self.empty.hide()
            self.table.hide()
            self.banner_box.hide()
            self._update_buttons()
            return
        from ..library import LibraryError

        try:
            self.summaries = sorted(self.library.clients(), key=lambda s: s.updated, reverse=True)
            self.drafts = self.library.pending_drafts()
        except LibraryError as error:
            self.summaries, self.drafts = [], []
            self.empty.setText(str(error))
        self.table.clear()
        for summary in self.summaries:
            item = QTreeWidgetItem(
                [
                    summary.label(),
                    when(summary.updated),
                    when(summary.next_review) if summary.next_review else "",
                    str(summary.revisions),
                    _("unsaved changes") if summary.has_draft else "",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, summary.id)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
        self.empty.setVisible(not self.summaries)
        self.table.setVisible(bool(self.summaries))
        self._layout.setStretch(self._layout.count() - 1, 0 if self.summaries else 1)
        self._show_banner()
        self._filter(self.search.text())
        self._update_buttons()

    def _show_banner(self) -> None:
        if not self.drafts:
            self.banner_box.hide()
            return
        draft = self.drafts[0]
        name = draft.plan.display_name() or _("a new plan")
        more = len(self.drafts) - 1
        tail = (" " + ngettext("({count} more after this one)", "({count} more after this one)",
                               more).format(count=more)) if more else ""
        self.banner.setText(
            _("Recovery Workbook closed before the changes to {name} were saved "
              "(last change {when}). Restore them?").format(name=name, when=when(draft.updated))
            + tail
        )
        self.banner_box.show()

    def _items(self) -> list[QTreeWidgetItem]:
        found = (self.table.topLevelItem(r) for r in range(self.table.topLevelItemCount()))
        return [item for item in found if item is not None]

    def _filter(self, text: str) -> None:
        wanted = QLocale().toLower(text.strip())
        first_visible = None
        for item in self._items():
            hidden = bool(wanted) and wanted not in QLocale().toLower(item.text(0))
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = item
        current = self.table.currentItem()
        if first_visible is not None and (current is None or current.isHidden()):
            self.table.setCurrentItem(first_visible)

    def visible_names(self) -> list[str]:
        return [item.text(0) for item in self._items() if not item.isHidden()]

    # -- actions -----------------------------------------------------------

    def _update_buttons(self) -> None:
        item = self.table.currentItem()
        chosen = item is not None and not item.isHidden()
        for button in (self.open_button, self.history_button, self.delete_button):
            button.setEnabled(chosen)

    def selected_client(self) -> int | None:
        item = self.table.currentItem()
        if item is None or item.isHidden():
            return None
        return int(item.data(0, Qt.ItemDataRole.UserRole))

    def _emit_selected(self, signal: SignalInstance) -> None:
        client_id = self.selected_client()
        if client_id is not None:
            signal.emit(client_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Delete in the client list deletes the chosen client (after asking).
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self._emit_selected(self.delete_requested)
            return True
        return super().eventFilter(watched, event)

    def _open_item(self, item: QTreeWidgetItem) -> None:
        self.open_requested.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))

    def _open_selected(self) -> None:
        item = self.table.currentItem()
        if item is not None and not item.isHidden():
            self._open_item(item)

    def _open_first_visible(self) -> None:
        for item in self._items():
            if not item.isHidden():
                self._open_item(item)
                return

    def _restore(self) -> None:
        if self.drafts:
            self.recover_requested.emit(self.drafts[0])

    def _discard(self) -> None:
        if not self.drafts:
            return
        draft = self.drafts[0]
        name = draft.plan.display_name() or _("a new plan")
        # The changes exist nowhere else: keeping them is the default answer.
        if confirm(
            self,
            _("Discard the unsaved changes?"),
            _("The changes to {name} that were not saved (last change {when}) will be deleted. "
              "This cannot be undone.").format(name=name, when=when(draft.updated)),
            act=_("Discard the changes"),
            keep=_("Keep them"),
        ):
            self.discard_requested.emit(draft)
