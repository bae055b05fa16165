"""Help > About: the version, what the program promises, and the font licences."""

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

FONTS: tuple[tuple[str, str, str], ...] = (
    ("Andika (body text)", "SIL Open Font License 1.1", "LICENSE-Andika.txt"),
    ("DejaVu Sans (symbols)", "Bitstream Vera / DejaVu licence", "LICENSE-DejaVu.txt"),
    ("Droid Sans Fallback (Chinese, Japanese, Korean)", "Apache License 2.0",
     "LICENSE-DroidSansFallback.txt"),
    ("Symbola (emoji)", "free for any use (see licence)", "LICENSE-Symbola.txt"),
)


def licence_text(name: str) -> str:
    source = resources.files("workbook").joinpath("resources", "fonts", name)
    try:
        return source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return "(licence file missing from this installation)"


class AboutBox(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Recovery Workbook")
        self.setAccessibleName("About Recovery Workbook")
        summary = QLabel(
            f"<h2>Recovery Workbook {__version__}</h2>"
            "<p>A counselor and a client build the client's recovery plan together "
            "and print a personal workbook, contact cards and a wallet crisis card.</p>"
            "<p>Works offline. Plans stay on this computer, in the library file; "
            "nothing is sent anywhere.</p>"
            "<p><b>Fonts printed in the workbook</b> (embedded in every PDF):<br>"
            + "<br>".join(f"{name} — {licence}" for name, licence, _ in FONTS)
            + "</p>"
        )
        summary.setWordWrap(True)
        tabs = QTabWidget()
        tabs.setAccessibleName("Font licences")
        for name, _licence, filename in FONTS:
            text = QPlainTextEdit(licence_text(filename))
            text.setReadOnly(True)
            text.setAccessibleName(f"Licence of {name}")
            tabs.addTab(text, name.split(" (")[0])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(QLabel("Font licences:"))
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)
