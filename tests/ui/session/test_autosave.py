"""Nothing typed is lost: the draft reaches the disk while the typing goes on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from workbook.library import Library, open_library
from workbook.ui import session as session_module
from workbook.ui.mainwindow import MainWindow

from . import typist

HERE = Path(__file__).parent


def draft_text(library: Library) -> str:
    drafts = library.pending_drafts()
    return drafts[0].plan.about.snapshot.progress if drafts else ""


def test_the_promise_is_one_second_even_without_a_pause() -> None:
    assert session_module.AUTOSAVE_QUIET_MS < session_module.AUTOSAVE_MAX_WAIT_MS
    assert session_module.AUTOSAVE_MAX_WAIT_MS <= 800  # leaves time for the write


def test_continuous_typing_is_autosaved_within_a_second(
    qtbot: Any, window: MainWindow, library: Library
) -> None:
    window.new_plan()
    field = window.editor.page("about").editor(typist.FIELD)
    field.setFocus()
    started = time.monotonic()
    typed = 0
    # Type for 2 s without a pause longer than 40 ms; the draft must not wait.
    while time.monotonic() - started < 2.0:
        qtbot.keyClick(field, typist.typed_text(typed + 1)[-1])
        typed += 1
        qtbot.wait(40)
        if draft_text(library):
            break
    assert draft_text(library), "nothing was autosaved while typing"
    assert time.monotonic() - started < 1.2


@pytest.mark.slow
def test_text_typed_two_seconds_before_a_kill_is_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    process = subprocess.Popen(
        [sys.executable, str(HERE / "typist.py"), str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )
    assert process.stdout is not None
    log: list[tuple[float, int]] = []
    try:
        for line in process.stdout:
            moment, count = line.split()
            log.append((float(moment), int(count)))
            if log[-1][0] - log[0][0] >= 4.0:
                break
    finally:
        process.send_signal(signal.SIGKILL)
        killed = time.time()
        process.wait(10)
        process.stdout.close()
    assert len(log) > 40, "the typist did not type"
    before = [count for moment, count in log if moment <= killed - 2.0]
    assert before, "the typist did not type long enough"
    library = open_library(path)
    try:
        saved = draft_text(library)
    finally:
        library.close()
    assert saved.startswith(typist.typed_text(before[-1]))
    assert typist.typed_text(len(saved)) == saved
