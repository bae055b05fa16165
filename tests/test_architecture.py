"""The rooms keep to their imports: the import-linter contracts in pyproject.toml.

Data flows one way (each room imports only those below it), no two modules of
a room import each other in a circle, Qt is imported only in `workbook.ui`
and ReportLab only in `workbook.pdf`. See docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports(cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert command, "import-linter is a test dependency (pyproject.toml)"
    return subprocess.run(
        [command, "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_the_contracts_are_kept() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line"),
    [
        ("plan/stray.py", "from ..pdf import build_workbook"),  # a layer imported upwards
        ("pdf/stray.py", "import PySide6"),  # Qt outside the desktop
        ("plan/stray.py", "import reportlab"),  # ReportLab outside the PDF room
        ("pdf/cards/content.py", "from . import wallet"),  # the old circle in the cards
        # Printing asks the facility again instead of reading the resolved content.
        ("pdf/sections/crisis.py", "from ...facility import crisis_lines_for"),
    ],
)
def test_a_broken_rule_is_caught(tmp_path: Path, module: str, line: str) -> None:
    """The contracts are not vacuous: one wrong import in a copy of the tree breaks them."""
    copy = tmp_path / "tree"
    shutil.copytree(ROOT / "workbook", copy / "workbook",
                    ignore=shutil.ignore_patterns("__pycache__", "resources", "templates"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    target = copy / "workbook" / module
    existing = target.read_text() if target.exists() else ""
    target.write_text(existing + "\n" + textwrap.dedent(line) + "\n")
    result = _lint_imports(copy, env={**os.environ, "PYTHONPATH": str(copy)})
    assert result.returncode != 0, result.stdout[-2000:]
    assert "BROKEN" in result.stdout
