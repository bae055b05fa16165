"""The process entry point: a one-shot command leaves fast, with its output whole."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader


def _workbook(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workbook", *args], capture_output=True,
                          text=True, check=False, timeout=120)


def test_build_in_a_process_writes_the_whole_pdf(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    out = tmp_path / "out.pdf"
    assert _workbook("example", "-o", str(plan)).returncode == 0
    done = _workbook("build", str(plan), "-o", str(out))
    assert done.returncode == 0, done.stderr
    reader = PdfReader(out)  # closed and complete before the fast exit
    assert len(reader.pages) > 20
    assert "Jordan" in reader.pages[0].extract_text()


def test_a_failing_command_exits_1_with_its_message(tmp_path: Path) -> None:
    done = _workbook("validate", str(tmp_path / "missing.json"))
    assert done.returncode == 1
    assert "missing.json" in done.stderr


def test_schema_to_a_closed_pipe_ends_quietly() -> None:
    done = subprocess.run(f"{sys.executable} -m workbook schema | head -c 10", shell=True,
                          capture_output=True, text=True, check=False, timeout=120)
    assert "Traceback" not in done.stderr
