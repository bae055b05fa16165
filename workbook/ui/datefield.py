"""A date to type or to pick: one text box, a calendar button, nothing else.

The box holds the date as the workbook prints it ("November 29, 2026" on
Letter paper); an empty box is "not set" (a placeholder, never text to type
into). Ctrl+A, Delete and Backspace work as in any text box; Tab stops once.
Alt+Down or F4 opens the calendar, which starts at the date shown, or at a
sensible day (today, or the plan's date) when there is none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from ..form.dates import DateTextError, example, parse_date, show_date
from ..plan import Paper, PrintSettings
from ..text.i18n import _

# Room the calendar needs beyond its own size hint under the program's style.
CALENDAR_EXTRA = QSize(48, 16)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class DateField(QWidget):
    """Signals:
        date_chosen(object): a complete date typed or picked, or None when emptied.
        problem(str): what is wrong with the text typed (one line), "" when fixed.
    """

    date_chosen = Signal(object)
    problem = Signal(str)

    def __init__(
        self,
        settings: Callable[[], PrintSettings],
        opens_at: Callable[[], dt.date | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._opens_at = opens_at
        self._value: dt.date | None = None
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(_("Not set"))
        self.edit.setClearButtonEnabled(False)
        self.button = QToolButton()
        self.button.setText(_("Calendar"))
        self.button.setToolTip(_("Pick a date (Alt+Down)"))
        self.button.setAccessibleName(_("Pick a date from the calendar"))
        # One Tab stop per date: the box. The calendar opens with Alt+Down.
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("September 30, 2026__"))
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self._finished)
        self.edit.installEventFilter(self)
        self.button.clicked.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None
        self._menu: QMenu | None = None
        self._update_hint()

    # -- value -------------------------------------------------------------

    def _paper(self) -> Paper:
        return self._settings().paper

    def _show(self, day: dt.date | None) -> str:
        settings = self._settings()
        return show_date(day, settings.paper, settings.language)

    def date(self) -> dt.date | None:
        return self._value

    def set_date(self, day: dt.date | None) -> None:
        """Show a date from the plan (the text typed stays while it means that date)."""
        self._value = day
        if self._parses_to(day) and (self.edit.hasFocus() or day is None):
            return
        text = self._show(day)
        if self.edit.text() != text:
            self.edit.setText(text)
        self._mark(False)

    def refresh_format(self) -> None:
        """Show the date again (the paper size, and so the way dates are written, changed)."""
        if not self.edit.hasFocus():
            self.edit.setText(self._show(self._value))
        self._update_hint()

    def _update_hint(self) -> None:
        self.edit.setToolTip(
            _("Type a date such as {example}, or press Alt+Down for the calendar").format(
                example=example(self._paper())
            )
        )

    def _parses_to(self, day: dt.date | None) -> bool:
        try:
            return parse_date(self.edit.text(), self._paper(), complete=False) == day
        except DateTextError:
            return False

    # -- typing ------------------------------------------------------------

    def _typed(self, text: str) -> None:
        try:
            day = parse_date(text, self._paper(), complete=True)
        except DateTextError:
            return  # not (yet) a whole date: judged when the typing is done
        self._mark(False)
        self._choose(day)

    def commit(self) -> None:
        """Take the text as it is now (what leaving the box does)."""
        self._finished()

    def _finished(self) -> None:
        try:
            day = parse_date(self.edit.text(), self._paper(), complete=False)
        except DateTextError as error:
            self._mark(True)
            self.problem.emit(str(error))
            return
        self._mark(False)
        self._choose(day)
        self.edit.setText(self._show(day))

    def _choose(self, day: dt.date | None) -> None:
        if day != self._value:
            self._value = day
            self.date_chosen.emit(day)
        self.problem.emit("")

    def _mark(self, bad: bool) -> None:
        if bool(self.edit.property("invalid")) != bad:
            self.edit.setProperty("invalid", bad)
            self.edit.style().unpolish(self.edit)
            self.edit.style().polish(self.edit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
            if event.key() == Qt.Key.Key_F4 or (alt and event.key() == Qt.Key.Key_Down):
                self.open_calendar()
                return True
        return False

    # -- the calendar --------------------------------------------------------

    def open_calendar(self) -> None:
        calendar = QCalendarWidget()
        calendar.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        calendar.setGridVisible(True)
        start = self._value or self._opens_at() or dt.date.today()
        calendar.setSelectedDate(to_qdate(start))
        calendar.setCurrentPage(start.year, start.month)
        # Its own size leaves out the program's thicker frame around item views
        # (style.py): the sixth week was cut off and "Wed" cut to "W…".
        hint = calendar.sizeHint()
        calendar.setMinimumSize(hint.width() + CALENDAR_EXTRA.width(),
                                hint.height() + CALENDAR_EXTRA.height())
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)
        calendar.activated.connect(lambda day: self._picked(day, menu))
        calendar.clicked.connect(lambda day: self._picked(day, menu))
        self.calendar, self._menu = calendar, menu
        calendar.setFocus()
        menu.popup(self.edit.mapToGlobal(QPoint(0, self.edit.height())))

    def _picked(self, day: QDate, menu: QMenu) -> None:
        menu.close()
        chosen = from_qdate(day)
        self.edit.setText(self._show(chosen))
        self._mark(False)
        self._choose(chosen)
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)
