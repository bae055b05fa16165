"""A wheel built from the repository carries everything a workbook needs.

Fonts, templates and catalogues must ship inside the package: the wheel is
installed into a fresh virtual environment and renders a workbook from there,
away from the source tree.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from pdfutil import page_texts

ROOT = Path(__file__).resolve().parents[1]


def _run(*cmd: str | Path, cwd: Path) -> str:
    result = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.mark.slow
def test_wheel_renders_a_workbook_from_a_fresh_venv(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    _run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
        "-w", dist, ROOT, cwd=tmp_path,
    )
    (wheel,) = dist.glob("recovery_workbook-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "workbook/resources/fonts/Andika-Regular.ttf",
        "workbook/resources/fonts/LICENSE-Andika.txt",
        "workbook/resources/fonts/DroidSansFallback.ttf",
        "workbook/templates/en/how_to_use.j2",
        "workbook/templates/catalogues/triggers.toml",
        "workbook/templates/catalogues/crisis_lines_us.toml",
        # Spanish: the catalogue is read as .po at run time (no .mo to build).
        "workbook/locale/es/LC_MESSAGES/workbook.po",
        "workbook/templates/es/how_to_use.j2",
        "workbook/templates/catalogues/es/triggers.toml",
        "workbook/templates/catalogues/es/crisis_lines_us.toml",
        "workbook/resources/examples/plan-es.json",
    ):
        assert needed in names

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    site = Path(
        _run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp_path)
        .strip()
    )
    # The dependencies come from this environment (no network in tests); the
    # package itself only from the wheel. Paths added by a .pth file come after
    # the venv's own site-packages, and .pth files inside them are not read, so
    # the editable install of the source tree stays invisible.
    (site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    zipfile.ZipFile(wheel).extractall(site)

    script = (
        "import workbook, sys; from pathlib import Path;"
        "assert Path(workbook.__file__).is_relative_to(Path(sys.argv[1])), workbook.__file__;"
        "from workbook.cli import main;"
        "sys.exit(main(['example', '-o', 'plan.json'])"
        " or main(['build', 'plan.json', '-o', 'w.pdf'])"
        " or main(['example', '--language', 'es', '-o', 'plan-es.json'])"
        " or main(['build', 'plan-es.json', '-o', 'w-es.pdf']))"
    )
    _run(python, "-c", script, site, cwd=tmp_path)
    assert (tmp_path / "w.pdf").read_bytes().startswith(b"%PDF-")
    # The Spanish catalogue came from the wheel: the workbook speaks Spanish.
    assert "Página 2 de" in page_texts((tmp_path / "w-es.pdf").read_bytes())[1]
