"""`recovery-workbook` with no command: the desktop starts without the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from workbook.cli.desktop import plain_start


@pytest.mark.parametrize(
    ("args", "start"),
    [
        ([], (None,)),
        (["--library", "clients.sqlite3"], (Path("clients.sqlite3"),)),
        (["--library=clients.sqlite3"], (Path("clients.sqlite3"),)),
        # Everything else goes through the full command line (help, errors).
        (["--help"], None),
        (["--version"], None),
        (["--library"], None),
        (["--library="], None),
        (["--library", "--help"], None),
        (["build", "plan.json", "-o", "out.pdf"], None),
        (["--library", "x.sqlite3", "list"], None),
    ],
)
def test_only_a_plain_start_skips_the_command_line(
    args: list[str], start: tuple[Path | None] | None
) -> None:
    assert plain_start(args) == start


def test_starting_the_desktop_does_not_load_the_command_line_or_the_plan_model() -> None:
    """What `recovery-workbook` imports before Qt's window code: not argparse's
    commands, the plan model or the output writer."""
    probe = (
        "import sys, workbook.cli.desktop as d\n"
        "d.open_desktop = lambda library: print(sorted(m for m in sys.modules if m in ("
        "'workbook.cli.main', 'workbook.plan', 'pydantic', 'workbook.output.writer', "
        "'workbook.facility'))) or 0\n"
        "from workbook.cli import run\n"
        "run(['--library', 'x.sqlite3'])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False,
        env={"DISPLAY": ":99", "PATH": "/usr/bin:/bin"}, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
