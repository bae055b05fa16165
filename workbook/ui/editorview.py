"""The plan editor: pages in a side panel, the form, Back/Next, and the preview beside."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..form.pages import PAGE_BY_KEY, page_for_path
from ..text.i18n import _
from .controller import PlanController
from .formpages import FormPage
from .sidepanel import SidePanel

MESSAGE_MS = 8000


class EditorView(QWidget):
    """Side panel | form | preview.

    Attributes:
        side: the list of pages with their marks.
        splitter: holds the three panes (its state is remembered).

    Signals:
        page_changed(str): the key of the page now shown.
    """

    page_changed = Signal(str)
    export_requested = Signal()
    print_requested = Signal()

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.side = SidePanel(controller)
        self.stack = QStackedWidget()
        self.pages: dict[str, FormPage] = {}
        self.back = QPushButton(_("Back"))
        self.back.setAccessibleName(_("Back to the previous page"))
        self.back.setToolTip(_("Previous page (Ctrl+Page Up)"))
        self.next = QPushButton(_("Next"))
        self.next.setAccessibleName(_("Next page"))
        self.next.setToolTip(_("Next page (Ctrl+Page Down)"))
        # The last page ends the session: export and print are right there.
        self.export_button = QPushButton(_("Export PDF…"))
        self.export_button.setToolTip(_("Save the workbook as a PDF file (Ctrl+E)"))
        self.print_button = QPushButton(_("Print…"))
        self.print_button.setToolTip(_("Print the workbook (Ctrl+P)"))
        for button in (self.back, self.next, self.export_button, self.print_button):
            button.setAutoDefault(True)  # Enter presses the focused one
        self.export_button.clicked.connect(self.export_requested)
        self.print_button.clicked.connect(self.print_requested)
        self.position = QLabel()
        self.position.setObjectName("hint")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("Message"))
        self.message.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.message.hide)

        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.stack, 1)
        form_layout.addWidget(self.message)
        nav = QHBoxLayout()
        nav.setContentsMargins(12, 6, 12, 8)
        nav.addWidget(self.back)
        nav.addStretch(1)
        nav.addWidget(self.position)
        nav.addStretch(1)
        nav.addWidget(self.next)
        nav.addWidget(self.export_button)
        nav.addWidget(self.print_button)
        form_layout.addLayout(nav)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(form)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.side.page_chosen.connect(self.show_page)
        self.back.clicked.connect(self.previous_page)
        self.next.clicked.connect(self.next_page)
        controller.failed.connect(self.show_message)
        controller.changed.connect(self._update_nav)

    def set_preview(self, widget: QWidget) -> None:
        self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(2, 2)

    # -- pages ---------------------------------------------------------------

    def page(self, key: str) -> FormPage:
        """The page widget, built the first time it is needed."""
        if key not in self.pages:
            page = FormPage(self.controller, PAGE_BY_KEY[key])
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def current_key(self) -> str | None:
        widget = self.stack.currentWidget()
        return widget.page.key if isinstance(widget, FormPage) else None

    def show_page(self, key: str) -> None:
        page = self.page(key)
        changed = self.stack.currentWidget() is not page
        self.stack.setCurrentWidget(page)
        self.side.select_key(key)
        self._update_nav()
        self._chain(page)
        if changed:
            self.page_changed.emit(key)

    def _keys(self) -> list[str]:
        return [p.key for p in self.side.pages()]

    def _step(self, delta: int) -> None:
        keys = self._keys()
        current = self.current_key()
        index = keys.index(current) if current in keys else 0
        target = max(0, min(len(keys) - 1, index + delta))
        self.show_page(keys[target])
        self.page(keys[target]).focus_first()

    def next_page(self) -> None:
        self._step(1)

    def previous_page(self) -> None:
        self._step(-1)

    def _update_nav(self, *_args: object) -> None:
        keys = self._keys()
        current = self.current_key()
        if current not in keys:
            return
        index = keys.index(current)
        last = index == len(keys) - 1
        self.back.setEnabled(index > 0)
        self.next.setVisible(not last)
        self.export_button.setVisible(last)
        self.print_button.setVisible(last)
        self.position.setText(
            _("Page {number} of {total}").format(number=index + 1, total=len(keys))
        )

    def _chain(self, page: FormPage) -> None:
        """Tab order: the pages list, the page's fields, then Back, Next (or Export, Print)."""
        chain: list[QWidget] = [self.side, *page.chain, self.back]
        chain += [self.export_button, self.print_button] if self.next.isHidden() else [self.next]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def focus_path(self, path: str) -> bool:
        """Show the page holding a field and put the cursor there."""
        page = page_for_path(path)
        if page is None:
            return False
        self.show_page(page.key)
        return self.page(page.key).focus_path(path)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self._message_timer.start(MESSAGE_MS)
