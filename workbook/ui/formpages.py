"""The form's pages, built from the page specs and the model's own labels."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..form.fields import classify
from ..form.pages import Page, Question, matters_for
from ..plan import (
    PathwayChoice,
    PathwayKind,
    field_description,
    field_title,
    label,
    path_title,
    paths,
)
from ..text.i18n import N_, _
from .controller import PlanController, related
from .editors import (
    CheckEditor,
    ChoiceEditor,
    DateEditor,
    EnumSetEditor,
    LineEditor,
    TextEditor,
)
from .listeditor import ListEditor

PATHWAY_HINTS: dict[PathwayKind, str] = {
    PathwayKind.SELF_MANAGEMENT: N_("Recovering on my own terms, with tools I use myself."),
    PathwayKind.CLINICAL: N_(
        "Working with a counselor, therapist or doctor; medication if it helps."
    ),
    PathwayKind.MUTUAL_SUPPORT: N_("Meetings and peers: AA, NA, SMART Recovery and others."),
    PathwayKind.FAITH_BASED: N_("Support from a church, mosque, temple or other congregation."),
    PathwayKind.OTHER: N_("Something else that works for me."),
}


class PathwaysEditor(QWidget):
    """A tick box per pathway; a chosen one asks what it looks like for the client."""

    def __init__(self, controller: PlanController) -> None:
        super().__init__()
        self.controller = controller
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[PathwayKind, QCheckBox] = {}
        self.details: dict[PathwayKind, QWidget] = {}
        self.names: dict[PathwayKind, QLineEdit] = {}
        self.words: dict[PathwayKind, QPlainTextEdit] = {}
        self._updating = False
        # Every tick box first, then the words for the chosen ones: ticking a
        # pathway never moves the boxes below it.
        for kind in PathwayKind:
            box = QCheckBox(label(kind))
            box.setAccessibleName(label(kind))
            box.setToolTip(_(PATHWAY_HINTS[kind]))
            box.setAccessibleDescription(_(PATHWAY_HINTS[kind]))
            box.toggled.connect(lambda on, k=kind: self._toggled(k, on))
            hint = QLabel(_(PATHWAY_HINTS[kind]))
            hint.setObjectName("hint")
            hint.setIndent(24)
            layout.addWidget(box)
            layout.addWidget(hint)
            self.boxes[kind] = box
        for kind in PathwayKind:
            detail = QWidget()
            inner = QVBoxLayout(detail)
            inner.setContentsMargins(0, 8, 0, 0)
            heading = QLabel(
                _("{pathway}: what this looks like for me").format(pathway=label(kind))
            )
            heading.setObjectName("question")
            inner.addWidget(heading)
            if kind == PathwayKind.OTHER:
                name = QLineEdit()
                name.setPlaceholderText(_("What I call it"))
                name.setAccessibleName(_("Name of the other pathway"))
                name.textChanged.connect(lambda text, k=kind: self._write(k, "name", text))
                inner.addWidget(name)
                self.names[kind] = name
            words = QPlainTextEdit()
            words.setTabChangesFocus(True)
            words.setUndoRedoEnabled(False)  # the program's Edit > Undo is the only one
            words.setPlaceholderText(_("What this looks like for me, in my own words"))
            words.setAccessibleName(
                _("{pathway}: what this looks like for me").format(pathway=label(kind))
            )
            words.setFixedHeight(words.fontMetrics().lineSpacing() * 3 + 14)
            words.textChanged.connect(
                lambda k=kind, w=words: self._write(k, "in_my_words", w.toPlainText())
            )
            heading.setBuddy(words)
            inner.addWidget(words)
            self.words[kind] = words
            layout.addWidget(detail)
            self.details[kind] = detail
        controller.changed.connect(self._on_changed)
        self.refresh()

    def _index(self, kind: PathwayKind) -> int | None:
        for i, choice in enumerate(self.controller.plan.pathways.chosen):
            if choice.kind == kind:
                return i
        return None

    def _toggled(self, kind: PathwayKind, on: bool) -> None:
        if self._updating:
            return
        index = self._index(kind)
        if on and index is None:
            self.controller.append("pathways.chosen", PathwayChoice(kind=kind))
        elif not on and index is not None:
            self.controller.remove("pathways.chosen", index)

    def _write(self, kind: PathwayKind, name: str, value: str) -> None:
        index = self._index(kind)
        if self._updating or index is None:
            return
        self.controller.set(f"pathways.chosen[{index}].{name}", value, merge=True)

    def _on_changed(self, path: str) -> None:
        if related(path, "pathways.chosen"):
            self.refresh()

    def refresh(self) -> None:
        self._updating = True
        try:
            chosen = {c.kind: c for c in self.controller.plan.pathways.chosen}
            for kind, box in self.boxes.items():
                choice = chosen.get(kind)
                box.setChecked(choice is not None)
                self.details[kind].setVisible(choice is not None)
                words = choice.in_my_words if choice else ""
                if self.words[kind].toPlainText() != words:
                    self.words[kind].setPlainText(words)
                if kind in self.names:
                    name = choice.name if choice else ""
                    if self.names[kind].text() != name:
                        self.names[kind].setText(name)
        finally:
            self._updating = False


class QuestionBlock(QWidget):
    """A question's label, help text and editor."""

    def __init__(self, controller: PlanController, question: Question) -> None:
        super().__init__()
        self.question = question
        info = paths.field_info(controller.plan, question.path)
        kind = classify(info)
        title = path_title(controller.plan, question.path)
        description = field_description(info)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setSpacing(3)
        editor: QWidget
        label: QLabel | None = None
        if kind.kind == "bool":
            editor = CheckEditor(controller, question.path, title)
        else:
            label = QLabel(title)
            label.setObjectName("question")
            label.setWordWrap(True)
            layout.addWidget(label)
            if question.path == "pathways.chosen":
                editor = PathwaysEditor(controller)
            elif kind.kind in ("records", "texts"):
                editor = ListEditor(controller, question)
            elif kind.kind == "enums":
                editor = EnumSetEditor(controller, question.path, kind)
            elif kind.kind == "date":
                editor = DateEditor(controller, question.path)
            elif kind.kind in ("enum", "literal"):
                editor = ChoiceEditor(controller, question.path, kind)
            elif question.multiline:
                editor = TextEditor(controller, question.path)
            else:
                editor = LineEditor(controller, question.path)
        if description:
            hint = QLabel(description)
            hint.setObjectName("hint")
            hint.setWordWrap(True)
            layout.addWidget(hint)
            editor.setToolTip(description)
            editor.setAccessibleDescription(description)
        editor.setAccessibleName(title)
        if label is not None:
            label.setBuddy(editor)
        layout.addWidget(editor)
        self.editor = editor
        self.title = title
        self.label = label

    def mark(self, leads: bool) -> None:
        """Show whether the chosen pathways make this question matter most (colour only:
        the text and so the layout stay as they are)."""
        if self.label is None or bool(self.label.property("leads")) == leads:
            return
        self.label.setProperty("leads", leads)
        self.label.setToolTip(_("Matters most for the pathways chosen") if leads else "")
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)


class FormPage(QScrollArea):
    """One page of the form: the sentences to read aloud, then the questions.

    Signals:
        (none; edits go straight to the controller)
    """

    shown = Signal()

    def __init__(self, controller: PlanController, page: Page) -> None:
        super().__init__()
        self.controller = controller
        self.page = page
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The page is as wide as the pane; a wide table scrolls on its own.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there: a scroll bar appearing would narrow the page, rewrap
        # its text and move everything under the pointer.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # Not a Tab stop itself: Tab goes from field to field.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.chain: list[QWidget] = []
        self.setAccessibleName(_(page.title))
        body = QWidget()
        body.setObjectName("page")
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(24, 16, 24, 24)
        heading = QLabel(_(page.title))
        heading.setObjectName("pageTitle")
        heading.setAccessibleName(_(page.title))
        intro = QLabel(_(page.intro))
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body_layout.addWidget(heading)
        self.body_layout.addWidget(intro)
        self.blocks: dict[str, QuestionBlock] = {}
        self.subheadings: dict[str, QLabel] = {}
        for question in page.questions:
            self.blocks[question.path] = QuestionBlock(controller, question)
        self._questions_start = self.body_layout.count()
        self._order: list[str] = []
        self.arrange()
        self.body_layout.addStretch(1)
        self.setWidget(body)
        controller.changed.connect(self._on_changed)

    def _on_changed(self, path: str) -> None:
        if related(path, "pathways.chosen"):
            self.arrange()

    def _subheading(self, parent_path: str) -> QLabel:
        if parent_path not in self.subheadings:
            owner, name = paths.split_last(parent_path)
            record = paths.get(self.controller.plan, owner) if owner else self.controller.plan
            info = type(record).model_fields[str(name)]
            label = QLabel(field_title(info, str(name)))
            label.setObjectName("subheading")
            self.subheadings[parent_path] = label
        return self.subheadings[parent_path]

    def arrange(self) -> None:
        """Lay the questions out in the workbook's order (once: nothing moves later)."""
        if self._order:
            self._mark_pathway_questions()
            return
        self._order = [q.path for q in self.page.questions]
        widgets: list[QWidget] = []
        section = str(paths.parse(self.page.questions[0].path)[0])
        previous_parent = ""
        for path in self._order:
            parent = paths.split_last(path)[0]
            if parent != section and parent != previous_parent:
                widgets.append(self._subheading(parent))
            previous_parent = parent
            widgets.append(self.blocks[path])
        for offset, widget in enumerate(widgets):
            self.body_layout.insertWidget(self._questions_start + offset, widget)
        self._fix_tab_order(widgets)
        self._mark_pathway_questions()

    def _mark_pathway_questions(self) -> None:
        kinds = self.controller.plan.pathways.kinds()
        for block in self.blocks.values():
            block.mark(matters_for(block.question, kinds))

    def _fix_tab_order(self, widgets: list[QWidget]) -> None:
        """Tab follows the page from top to bottom, whatever order it was built in."""
        chain: list[QWidget] = []
        for widget in widgets:
            if isinstance(widget, QuestionBlock):
                chain.extend(
                    w
                    for w in [widget.editor, *widget.editor.findChildren(QWidget)]
                    if _tab_stop(w)
                )
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.chain = chain

    def focus_first(self) -> None:
        """Put the cursor in the page's first field, at the top of the page."""
        self.verticalScrollBar().setValue(0)
        if self.chain:
            self.chain[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_path(self, path: str) -> bool:
        """Scroll to and focus the editor of a field path (a list item selects its row)."""
        for question_path, block in self.blocks.items():
            if path == question_path or path.startswith((question_path + ".", question_path + "[")):
                self.ensureWidgetVisible(block)
                editor = block.editor
                if isinstance(editor, ListEditor):
                    rest = path[len(question_path) :]
                    row, column = _row_and_column(editor, rest)
                    editor.select(row, column)
                else:
                    editor.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def editor(self, path: str) -> Any:
        return self.blocks[path].editor


def _tab_stop(widget: QWidget) -> bool:
    """A widget Tab lands on itself (not the inside of a spin box, combo box or table)."""
    if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy() is not None:
        return False
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QuestionBlock):
        if isinstance(parent, QAbstractSpinBox | QComboBox | QAbstractItemView):
            return False
        parent = parent.parentWidget()
    return True


def _row_and_column(editor: ListEditor, rest: str) -> tuple[int, int]:
    """``[2].phone`` -> (2, index of the phone column)."""
    if not rest.startswith("["):
        return 0, 0
    steps = paths.parse("x" + rest)[1:]
    row = steps[0] if steps and isinstance(steps[0], int) else 0
    column = 0
    if len(steps) > 1:
        for i, c in enumerate(editor.model.columns):
            if c.name == steps[1]:
                column = i
    return int(row), column
