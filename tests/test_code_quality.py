"""The whole tree stays lint-clean and type-checked (configuration in pyproject.toml),
and the rooms keep to their imports: the plan model knows neither Qt nor ReportLab,
the PDF code knows no Qt, and only the desktop program imports Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "workbook"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize(
    ("room", "forbidden"),
    [
        ("plan", {"PySide6", "reportlab"}),
        ("geometry", {"PySide6", "reportlab"}),
        ("library", {"PySide6", "reportlab"}),
        ("pdf", {"PySide6"}),
    ],
)
def test_rooms_keep_to_their_imports(room: str, forbidden: set[str]) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imports(path) & forbidden)
        for path in (PACKAGE / room).rglob("*.py")
        if _imports(path) & forbidden
    }
    assert offenders == {}


def test_only_the_desktop_program_imports_qt() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if "PySide6" in _imports(path) and PACKAGE / "ui" not in path.parents
    ]
    assert offenders == []


def test_ruff() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", str(ROOT)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.slow
def test_mypy_strict() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:]
