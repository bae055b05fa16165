"""A counselor who types without pausing, in the real program, until killed.

Run as a separate process by `test_autosave.py`:

    python typist.py LIBRARY_PATH

Opens the desktop program on LIBRARY_PATH (headless), starts a new plan and
types into "Progress on my treatment goals" with real key events, one key
every `KEY_INTERVAL_MS`, forever. After each key it prints
``<unix time> <characters typed so far>`` so that the test knows what had
been typed when, and then kills the process with SIGKILL.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

KEY_INTERVAL_MS = 40
TEXT = "Going to groups twice a week and sleeping better most nights. "
FIELD = "about.snapshot.progress"


def typed_text(count: int) -> str:
    """The first `count` characters the typist types."""
    return (TEXT * (count // len(TEXT) + 1))[:count]


def main(library_path: Path) -> int:
    app = QApplication(sys.argv[:1])
    from workbook.library import open_library
    from workbook.ui.mainwindow import MainWindow

    library = open_library(library_path)
    window = MainWindow(library, preview_backend=None)
    window.show()
    window.new_plan()
    field = window.editor.page("about").editor(FIELD)
    field.setFocus()
    count = 0

    def key() -> None:
        nonlocal count
        QTest.keyClick(field, typed_text(count + 1)[-1])
        count += 1
        print(f"{time.time():.6f} {count}", flush=True)

    timer = QTimer()
    timer.setInterval(KEY_INTERVAL_MS)
    timer.timeout.connect(key)
    timer.start()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
