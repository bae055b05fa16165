"""Settings → Facility: the facility's profile, as every print and batch uses it.

The profile is the same TOML file the command line reads with `--facility`:
Import reads one, Export writes one (its logo beside it), Save keeps it in
the program's own settings folder. Nothing is kept until it validates; a
problem is shown in one line naming the field ("Crisis lines, row 2: Last
checked: ...").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..facility import (
    LANGUAGES,
    CrisisLine,
    Facility,
    FacilityFileError,
    LocalResource,
    check_logo,
    forget_facility,
    load_facility,
    standard_crisis_lines,
)
from ..form.fields import choice_label, classify
from ..output.profile import save_facility, write_facility
from ..output.writer import OutputError
from ..plan import Meeting, Paper, PlanFileError, paths
from ..plan.fields import field_title, first_problem
from ..text.i18n import _
from .recordtable import RecordTable

LOGO_PREVIEW_HEIGHT = 64


def describe_problem(error: ValidationError) -> str:
    """A validation error as a person reads it: "Crisis lines, row 2: Last checked: ..."."""
    problem = first_problem(error)
    words: list[str] = []
    model: type[BaseModel] | None = Facility
    for step in paths.parse(problem.path) if problem.path else ():
        if isinstance(step, int):
            words[-1] += _(", row {number}").format(number=step + 1)
        elif model is not None and step in model.model_fields:
            info = model.model_fields[step]
            words.append(field_title(info, step))
            kind = classify(info)
            model = kind.item if kind.kind in ("records", "record") else None
        else:
            words.append(step)
    where = ": ".join(words) or _("Facility profile")
    return f"{where}: {problem.message}"


def _choice(values: list[tuple[str, Any]], name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for text, value in values:
        combo.addItem(text, value)
    return combo


def _select(combo: QComboBox, value: Any) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


class FacilityDialog(QDialog):
    """Edit, import, export and keep the facility profile.

    After `exec()` returns Accepted, `facility` is the profile now in use
    (None when the person chose to stop using one).
    """

    def __init__(self, facility: Facility | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Facility profile"))
        self.facility: Facility | None = facility
        self._logo: Path | None = None

        self.name = QLineEdit()
        self.address = QLineEdit()
        self.phone = QLineEdit()
        for widget, field_name in ((self.name, "name"), (self.address, "address"),
                                   (self.phone, "phone")):
            widget.setAccessibleName(field_title(Facility, field_name))
            widget.setMaxLength(500)
        self.name.setPlaceholderText(_("Printed on the cover and in the footer"))
        self.logo_preview = QLabel()
        self.logo_preview.setMinimumHeight(LOGO_PREVIEW_HEIGHT)
        self.logo_name = QLabel(_("No logo"))
        self.logo_name.setObjectName("hint")
        choose_logo = QPushButton(_("Choose logo…"))
        choose_logo.clicked.connect(self.choose_logo_dialog)
        self.remove_logo_button = QPushButton(_("Remove logo"))
        self.remove_logo_button.clicked.connect(lambda: self.set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(self.logo_name, 1)
        logo_row.addWidget(choose_logo)
        logo_row.addWidget(self.remove_logo_button)
        about = QWidget()
        form = QFormLayout(about)
        form.addRow(field_title(Facility, "name"), self.name)
        form.addRow(field_title(Facility, "address"), self.address)
        form.addRow(_("Main phone"), self.phone)
        form.addRow(field_title(Facility, "logo"), logo_row)

        self.own_lines = QCheckBox(
            _("Print our own crisis lines instead of the standard ones (988, SAMHSA, 911)")
        )
        self.lines = RecordTable(CrisisLine, _("Crisis lines"))
        self.own_lines.toggled.connect(self.lines.setEnabled)
        lines_hint = QLabel(
            _("Call each number before you list it, and write the date you checked it. "
              "These lines replace the standard ones everywhere, the wallet card too.")
        )
        lines_hint.setWordWrap(True)
        lines_hint.setObjectName("hint")
        lines_page = QWidget()
        lines_layout = QVBoxLayout(lines_page)
        lines_layout.addWidget(self.own_lines)
        lines_layout.addWidget(lines_hint)
        lines_layout.addWidget(self.lines)

        self.meetings = RecordTable(Meeting, _("Local meetings"))
        self.resources = RecordTable(LocalResource, _("Community resources"))
        local_page = QWidget()
        local_layout = QVBoxLayout(local_page)
        for title, table in ((_("Local meetings"), self.meetings),
                             (_("Community resources"), self.resources)):
            heading = QLabel(title)
            heading.setObjectName("subheading")
            local_layout.addWidget(heading)
            local_layout.addWidget(table)

        not_set = _("No default")
        self.paper = _choice([(not_set, None), *((choice_label(p), p) for p in Paper)],
                             field_title(Facility, "paper"))
        self.large_print = _choice(
            [(not_set, None), (_("Normal print"), False), (_("Large print"), True)],
            field_title(Facility, "large_print"),
        )
        self.language = _choice([(not_set, None), *((choice_label(c), c) for c in LANGUAGES)],
                                field_title(Facility, "language"))
        defaults_page = QWidget()
        defaults = QFormLayout(defaults_page)
        defaults_hint = QLabel(
            _("Used for blank copies and new plans. A plan's own choice comes first.")
        )
        defaults_hint.setWordWrap(True)
        defaults_hint.setObjectName("hint")
        defaults.addRow(defaults_hint)
        defaults.addRow(_("Paper size"), self.paper)
        defaults.addRow(_("Print size"), self.large_print)
        defaults.addRow(_("Language"), self.language)

        # A message about a field goes once the person changes something.
        for table in (self.lines, self.meetings, self.resources):
            table.edited.connect(lambda: self.show_message(""))
        self.tabs = QTabWidget()
        self.tabs.addTab(about, _("Facility"))
        self.tabs.addTab(lines_page, _("Crisis lines"))
        self.tabs.addTab(local_page, _("Meetings and resources"))
        self.tabs.addTab(defaults_page, _("Defaults"))

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole
        self.import_button = buttons.addButton(_("Import…"), role.ActionRole)
        self.export_button = buttons.addButton(_("Export…"), role.ActionRole)
        self.forget_button = buttons.addButton(_("Stop using a profile"), role.DestructiveRole)
        self.save_button = buttons.addButton(QDialogButtonBox.StandardButton.Save)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.import_dialog)
        self.export_button.clicked.connect(self.export_dialog)
        self.forget_button.clicked.connect(self.forget)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self.show_facility(facility)

    # -- showing -----------------------------------------------------------------

    def show_facility(self, facility: Facility | None) -> None:
        shown = facility or Facility()
        self.name.setText(shown.name)
        self.address.setText(shown.address)
        self.phone.setText(shown.phone)
        self.set_logo(shown.logo, check=False)
        own = shown.crisis_lines is not None
        self.own_lines.setChecked(own)
        self.lines.setEnabled(own)
        self.lines.set_records(
            shown.crisis_lines if own and shown.crisis_lines is not None
            else standard_crisis_lines().lines
        )
        self.meetings.set_records(shown.meetings)
        self.resources.set_records(shown.local_resources)
        _select(self.paper, shown.paper)
        _select(self.large_print, shown.large_print)
        _select(self.language, shown.language)
        self.forget_button.setEnabled(facility is not None)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_logo(self, path: Path | None, *, check: bool = True) -> bool:
        """Use the image at `path` as the logo; False (and a message) if it is not one."""
        if path is not None and check:
            try:
                check_logo(path)
            except FacilityFileError as error:
                self.show_message(str(error))
                return False
        self._logo = path
        pixmap = QPixmap(str(path)) if path is not None else QPixmap()
        if not pixmap.isNull():
            pixmap = pixmap.scaledToHeight(LOGO_PREVIEW_HEIGHT,
                                           Qt.TransformationMode.SmoothTransformation)
        self.logo_preview.setPixmap(pixmap)
        self.logo_name.setText(path.name if path is not None else _("No logo"))
        self.remove_logo_button.setEnabled(path is not None)
        self.show_message("")
        return True

    def choose_logo_dialog(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Choose the facility's logo"), "",
            _("Images (*.png *.jpg *.jpeg);;All files (*)"),
        )
        if name:
            self.set_logo(Path(name))

    # -- reading -----------------------------------------------------------------

    def profile(self) -> Facility:
        """The profile as the dialog shows it; FacilityFileError names a bad field."""
        data: dict[str, Any] = {
            "name": self.name.text().strip(),
            "address": self.address.text().strip(),
            "phone": self.phone.text().strip(),
            "logo": self._logo,
            "paper": self.paper.currentData(),
            "large_print": self.large_print.currentData(),
            "language": self.language.currentData(),
            "crisis_lines": self.lines.rows() if self.own_lines.isChecked() else None,
            "meetings": self.meetings.rows(),
            "local_resources": self.resources.rows(),
        }
        try:
            facility = Facility.model_validate(data)
        except ValidationError as error:
            raise FacilityFileError(describe_problem(error)) from None
        if facility.crisis_lines is not None and not facility.crisis_lines:
            raise FacilityFileError(
                _("Crisis lines: list at least one, or print the standard ones")
            )
        if facility.logo is not None:
            check_logo(facility.logo)
        return facility

    def _profile_or_message(self) -> Facility | None:
        try:
            return self.profile()
        except FacilityFileError as error:
            self.show_message(str(error))
            return None

    # -- actions -------------------------------------------------------------------

    def import_from(self, path: Path) -> bool:
        try:
            facility = load_facility(path)
        except PlanFileError as error:
            self.show_message(str(error))
            return False
        self.show_facility(facility)
        self.forget_button.setEnabled(True)
        return True

    def import_dialog(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import a facility profile"), "",
            _("Facility profiles (*.toml);;All files (*)"),
        )
        if name:
            self.import_from(Path(name))

    def export_to(self, path: Path) -> bool:
        facility = self._profile_or_message()
        if facility is None:
            return False
        try:
            write_facility(facility, path)
        except (OutputError, PlanFileError) as error:
            self.show_message(str(error))
            return False
        except OSError as error:
            self.show_message(_("{path}: cannot be written ({reason})").format(
                path=path, reason=error.strerror))
            return False
        self.show_message(_("Exported to {path}").format(path=path))
        return True

    def export_dialog(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export the facility profile"), "facility.toml",
            _("Facility profiles (*.toml)"),
        )
        if name:
            self.export_to(Path(name))

    def forget(self) -> None:
        try:
            forget_facility()
        except OSError as error:
            self.show_message(str(error.strerror))
            return
        self.facility = None
        super().accept()

    def accept(self) -> None:
        facility = self._profile_or_message()
        if facility is None:
            return
        try:
            # From now on the logo is the copy kept in the settings folder.
            self.facility = load_facility(save_facility(facility))
        except (OSError, OutputError, PlanFileError) as error:
            reason = error.strerror if isinstance(error, OSError) else str(error)
            self.show_message(_("The profile could not be saved ({reason})").format(
                reason=reason))
            return
        super().accept()
