"""How the program looks: one style sheet, sizes in points so display scaling applies.

Every control shows clearly where the keyboard focus is (a blue frame or
background); a focused control keeps its size, so nothing moves when the
focus does.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

# The workbook's own fallback fonts, so that the form shows what the client
# typed (Vietnamese, Chinese, Japanese, Korean, symbols) even on a computer
# without such fonts: Qt falls back to them for characters the UI font lacks.
UI_FALLBACK_FONTS = ("DejaVuSans.ttf", "DroidSansFallback.ttf")

STYLE_SHEET = """
QLabel#pageTitle { font-size: 17pt; font-weight: 600; color: #1f3d2b; }
QLabel#intro { font-size: 12pt; color: #2b2b2b; padding: 4px 0 10px 0; }
QLabel#question { font-weight: 600; }
QLabel#question[leads="true"] { color: #1f6b3a; }
QLabel#rowHeading { font-weight: 600; color: #1f3d2b; }
QFrame#rowEditor { background: #f6f8f7; }
QLineEdit, QPlainTextEdit { border: 1px solid #8a8a8a; border-radius: 2px; padding: 2px;
    background: white; }
QLineEdit:focus, QPlainTextEdit:focus { border: 2px solid #1f5fa8; padding: 1px; }
QLineEdit[invalid="true"] { border: 2px solid #b3261e; padding: 1px; }
QAbstractItemView { border: 2px solid #c9c9c9; }
QAbstractItemView:focus { border: 2px solid #1f5fa8; }
QPushButton { border: 1px solid #8f8f8f; border-radius: 3px; padding: 4px 12px;
    background: #f5f5f5; }
QPushButton:hover { background: #eaeef2; }
QPushButton:pressed { background: #d9dee4; }
QPushButton:disabled { color: #9a9a9a; border-color: #c4c4c4; }
QPushButton:focus { border: 2px solid #1f5fa8; padding: 3px 11px; background: #e8f0fa; }
QCheckBox, QRadioButton { border: 1px solid transparent; border-radius: 3px; padding: 1px; }
QCheckBox:focus, QRadioButton:focus { border: 1px solid #1f5fa8; background: #dbe8f7; }
QComboBox:focus { color: #0b3d75; }
QLabel#subheading { font-size: 13pt; font-weight: 600; color: #1f3d2b; padding-top: 10px; }
QLabel#hint { color: #5a5a5a; }
QLabel#message { background: #fff4d6; border: 1px solid #d9b44a; padding: 6px 10px; }
QLabel#banner { background: #e8f1fb; border: 1px solid #8fb3dc; padding: 8px 10px; }
QLabel#appTitle { font-size: 22pt; font-weight: 600; color: #1f3d2b; }
QListWidget#pagesPanel::item { padding: 5px 4px; }
QListWidget#pagesPanel::item:selected { background: #d8eadf; color: #10301d; }
"""


def register_fonts() -> None:
    folder = resources.files("workbook").joinpath("resources", "fonts")
    for name in UI_FALLBACK_FONTS:
        path = folder.joinpath(name)
        if path.is_file():
            QFontDatabase.addApplicationFont(str(path))


def apply_style(app: QApplication) -> None:
    register_fonts()
    app.setStyleSheet(STYLE_SHEET)
