"""Asking before something that cannot be undone, with the safe answer as the default.

A `QMessageBox` of our own rather than `QMessageBox.question`: the buttons
say what they do ("Delete Sam T.", "Keep them") instead of Yes and No, and
Enter, Escape and closing the box all give the safe answer.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str, *, act: str, keep: str) -> bool:
    """Whether the person chose `act`; `keep` is the default and what Escape gives."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName("confirm")
    act_button = box.addButton(act, QMessageBox.ButtonRole.DestructiveRole)
    keep_button = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep_button)
    box.setEscapeButton(keep_button)
    box.exec()
    chosen = box.clickedButton() is act_button
    box.deleteLater()
    return chosen
