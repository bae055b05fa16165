"""A client's saved versions: the list, and an old version's workbook, read only.

Every save is a revision in the library (`Library.history`); this module
shows them newest first with the date (written as the form writes dates),
the note saved with it and what changed since the version before, in plain
words (`library.describe_changes`). An old version opens as its workbook in
a preview of its own, never in the form: the workbook shows every part at
once, exactly as the client had it on paper, and a page that cannot be typed
into cannot be mistaken for the plan being worked on. Restoring is done by
`revisionactions.RevisionActions`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..facility import Facility
from ..form.pages import PAGES
from ..library import Library, describe_changes
from ..plan import Plan
from ..text.dates import date_locale, format_date
from ..text.i18n import _, interface_language, ngettext
from .controller import PlanController
from .preview import PreviewPane
from .renderer import Renderer
from .sidepanel import page_label


def close_buttons() -> QDialogButtonBox:
    """A button row with Close in the interface's language (Qt's own is English here)."""
    buttons = QDialogButtonBox()
    buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
    return buttons


def fit_screen(dialog: QDialog, width: int, height: int) -> None:
    """A dialog's size, made smaller where the screen is (a 1024 x 700 laptop)."""
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width() - 40), min(height, room.height() - 40)
    dialog.resize(width, height)


# The widest the note column starts (a note may be a thousand characters).
NOTE_WIDTH = 260


@dataclass(frozen=True)
class RevisionRow:
    """One saved version as the history lists it."""

    number: int
    saved: dt.datetime
    note: str
    changes: tuple[str, ...]  # since the version before, in plain words


def revision_rows(library: Library, client_id: int) -> list[RevisionRow]:
    """The client's versions, newest first, each with what changed since the one before."""
    rows: list[RevisionRow] = []
    previous: Plan | None = None
    for info in library.history(client_id):
        plan = library.plan(client_id, info.number)
        if previous is None:
            changes: tuple[str, ...] = (_("first saved version"),)
        else:
            changes = what_changed(previous, plan)
        rows.append(RevisionRow(info.number, info.saved, info.reason, changes))
        previous = plan
    rows.reverse()
    return rows


def what_changed(old: Plan, new: Plan) -> tuple[str, ...]:
    """What changed from `old` to `new`, in the interface's language.

    The library describes changes in English sentences only; in another
    language the parts of the plan that changed are named instead, in the
    side panel's words, rather than mixing English with the field titles.
    """
    if interface_language() == "en":
        return tuple(describe_changes(old, new)) or (_("no changes"),)
    keys = {page.key for page in PAGES}
    parts = [page_label(page) for page in PAGES if getattr(old, page.key) != getattr(new, page.key)]
    if old.model_dump(exclude=keys) != new.model_dump(exclude=keys):
        parts.append(_("print settings and the wallet card"))
    if not parts:
        return (_("no changes"),)
    return tuple(_("changes in {part}").format(part=part) for part in parts)


def saved_day(moment: dt.datetime) -> dt.date:
    """The day a version was saved, on this computer's clock (the library keeps UTC)."""
    return moment.astimezone().date() if moment.tzinfo is not None else moment.date()


def saved_words(moment: dt.datetime, plan: Plan) -> str:
    """When a version was saved: the date as the form writes it, then the time."""
    from babel.dates import format_time

    settings = plan.print_settings
    day = format_date(saved_day(moment), language=settings.language, paper=settings.paper)
    local = moment.astimezone() if moment.tzinfo is not None else moment
    locale = date_locale(settings.language, settings.paper)
    return f"{day}, {format_time(local.time(), 'short', locale=locale)}"


def restore_note(number: int, saved: dt.datetime, plan: Plan) -> str:
    """The note a restored version is saved with ("restored version 3 of November 12, 2026")."""
    settings = plan.print_settings
    day = format_date(saved_day(saved), language=settings.language, paper=settings.paper)
    return _("restored version {number} of {date}").format(number=number, date=day)


class HistoryDialog(QDialog):
    """The client's versions; view one's workbook or restore it.

    Signals:
        view_requested(int): show this version's workbook.
        restore_requested(int): make this version the newest again.
    """

    view_requested = Signal(int)
    restore_requested = Signal(int)

    def __init__(self, name: str, rows: list[RevisionRow], plan: Plan,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self.setWindowTitle(_("History of {name}").format(name=name))
        intro = QLabel(_("Every save is kept. Choose a version to see its workbook, or restore "
                         "it to work from it again; the version you have now stays in the list."))
        intro.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setAccessibleName(_("Saved versions"))
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels([_("Version"), _("Saved"), _("Note"), _("What changed")])
        header = self.table.header()
        header.setStretchLastSection(True)
        for column in range(2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        for row in rows:
            changes = "; ".join(row.changes)
            item = QTreeWidgetItem(
                [str(row.number), saved_words(row.saved, plan), row.note, changes]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, row.number)
            item.setToolTip(2, row.note)
            item.setToolTip(3, "\n".join(row.changes))
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
        # A long note keeps "What changed" in sight; the whole note is in its tooltip.
        self.table.resizeColumnToContents(2)
        header.resizeSection(2, min(header.sectionSize(2), NOTE_WIDTH))
        # The whole of what changed in the chosen version, one line each.
        self.detail = QLabel()
        self.detail.setObjectName("hint")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setAccessibleName(_("What changed in this version"))
        buttons = close_buttons()
        self.view_button = QPushButton(_("See its workbook"))
        self.view_button.setToolTip(_("The workbook as it was when this version was saved "
                                      "(read only)"))
        self.restore_button = QPushButton(_("Restore this version"))
        self.restore_button.setToolTip(_("Make this version the newest again; the version you "
                                         "have now is kept in the history"))
        role = QDialogButtonBox.ButtonRole.ActionRole
        buttons.addButton(self.view_button, role)
        buttons.addButton(self.restore_button, role)
        buttons.rejected.connect(self.reject)
        self.view_button.clicked.connect(self._view)
        self.restore_button.clicked.connect(self._restore)
        self.table.itemActivated.connect(lambda _item, _column: self._view())
        self.table.currentItemChanged.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.detail, 1)
        layout.addWidget(buttons)
        fit_screen(self, 820, 480)
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)
        self.table.setFocus()

    def current_number(self) -> int | None:
        item = self.table.currentItem()
        return int(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    def select(self, number: int) -> None:
        for index in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(index)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == number:
                self.table.setCurrentItem(item)

    def _chosen(self, *_args: object) -> None:
        number = self.current_number()
        row = next((r for r in self.rows if r.number == number), None)
        newest = bool(self.rows) and row is self.rows[0]
        self.view_button.setEnabled(row is not None)
        # The newest version is the plan as it is: there is nothing to restore.
        self.restore_button.setEnabled(row is not None and not newest)
        if row is None:
            self.detail.clear()
            return
        head = _("Version {number}").format(number=row.number)
        if newest:
            head += " " + _("(the newest: the plan as it is now)")
        lines = "\n".join(f"• {change}" for change in row.changes)
        self.detail.setText(f"{head}\n{lines}")

    def _view(self) -> None:
        number = self.current_number()
        if number is not None:
            self.view_requested.emit(number)

    def _restore(self) -> None:
        number = self.current_number()
        if number is not None:
            self.restore_requested.emit(number)


class RevisionViewer(QDialog):
    """An old version's workbook in a preview of its own, read only.

    Signals:
        restore_requested(int): make this version the newest again.
    """

    restore_requested = Signal(int)

    def __init__(self, plan: Plan, number: int, name: str, saved: dt.datetime, library: Library,
                 client_id: int, *, facility: Facility | None, backend: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        when = saved_words(saved, plan)
        self.setWindowTitle(_("{name}, version {number}, saved {when} (read only)").format(
            name=name, number=number, when=when))
        self.setObjectName("revisionViewer")
        banner = QLabel(_("Read only: {name}'s workbook as it was when version {number} was "
                          "saved, {when}. Nothing here can be changed. To work from this version "
                          "again, restore it.").format(name=name, number=number, when=when))
        banner.setObjectName("banner")
        banner.setWordWrap(True)
        self.banner = banner
        # Its own controller (never edited) and renderer: the live preview of
        # the plan being worked on is left as it is.
        self.controller = PlanController(plan, self)
        self.renderer = Renderer(self, backend=backend)
        self.renderer.facility = facility
        reviews = tuple(library.review_entries(
            client_id, paper=plan.print_settings.paper, up_to=number))
        # What did not fit on that version's cards is not what this view is for.
        self.preview = PreviewPane(self.controller, self.renderer, self,
                                   reviews=lambda: reviews, overflow=False)
        buttons = close_buttons()
        self.restore_button = QPushButton(_("Restore this version"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(lambda: self.restore_requested.emit(self.number))
        layout = QVBoxLayout(self)
        layout.addWidget(banner)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        fit_screen(self, 720, 760)
        self.renderer.start()
        self.preview.refresh_now()

    def done(self, result: int) -> None:
        self.renderer.stop()
        super().done(result)


def delete_question(name: str, versions: int, has_draft: bool) -> str:
    """What deleting a client takes with it, in words."""
    text = ngettext(
        "Delete {name} and the {count} saved version of the plan?",
        "Delete {name} and all {count} saved versions of the plan?",
        versions,
    ).format(name=name, count=versions)
    if has_draft:
        text += " " + _("The changes that were not saved are deleted too.")
    return text + " " + _("This cannot be undone.")
