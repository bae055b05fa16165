"""Help > About: the version, what the program promises, and the font licenses."""

from __future__ import annotations

from importlib import resources

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..text.i18n import N_, _

FONTS: tuple[tuple[str, str, str], ...] = (
    (N_("Andika (body text)"), "SIL Open Font License 1.1", "LICENSE-Andika.txt"),
    (N_("DejaVu Sans (symbols)"), N_("Bitstream Vera / DejaVu license"), "LICENSE-DejaVu.txt"),
    (N_("Droid Sans Fallback (Chinese, Japanese, Korean)"), "Apache License 2.0",
     "LICENSE-DroidSansFallback.txt"),
    (N_("Symbola (emoji)"), N_("free for any use (see license)"), "LICENSE-Symbola.txt"),
)


def license_text(name: str) -> str:
    source = resources.files("workbook").joinpath("resources", "fonts", name)
    try:
        return source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return _("(license file missing from this installation)")


class AboutBox(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About Recovery Workbook"))
        self.setAccessibleName(_("About Recovery Workbook"))
        summary = QLabel(
            f"<h2>Recovery Workbook {__version__}</h2><p>"
            + _("A counselor and a client build the client's recovery plan together "
                "and print a personal workbook, contact cards and a wallet crisis card.")
            + "</p><p>"
            + _("Works offline. Plans stay on this computer, in the library file; "
                "nothing is sent anywhere.")
            + "</p><p><b>" + _("Fonts printed in the workbook") + "</b> "
            + _("(embedded in every PDF):") + "<br>"
            + "<br>".join(f"{_(name)} — {_(license)}" for name, license, _file in FONTS)
            + "</p>"
        )
        summary.setWordWrap(True)
        tabs = QTabWidget()
        tabs.setAccessibleName(_("Font licenses"))
        for name, _license, filename in FONTS:
            text = QPlainTextEdit(license_text(filename))
            text.setReadOnly(True)
            text.setAccessibleName(_("License of {name}").format(name=name))
            tabs.addTab(text, name.split(" (")[0])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(QLabel(_("Font licenses:")))
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)
