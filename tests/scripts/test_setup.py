"""scripts/setup.sh: a machine with every package, by either release's name, is left alone."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(tmp_path: Path, installed: list[str], known: list[str]) -> str:
    """Call apt_install for the runtime packages with dpkg and apt faked on PATH."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt.log"
    stubs = {
        # dpkg-query -W -f=... NAME: "installed" only for the names given.
        "dpkg-query": 'for a in "$@"; do n="$a"; done\n'
        f'case " {" ".join(installed)} " in *" $n "*) printf "install ok installed";; '
        "*) exit 1;; esac",
        "apt-cache": f'case " {" ".join(known)} " in *" $2 "*) exit 0;; *) exit 100;; esac',
        "apt-get": f'echo "apt-get $*" >> {log}',
        "id": "echo 0",
    }
    for name, body in stubs.items():
        stub = bin_dir / name
        stub.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        stub.chmod(0o755)
    script = 'source scripts/setup.sh; apt_install "${APT_RUNTIME[@]}"'
    subprocess.run(
        ["bash", "-c", script], cwd=ROOT, check=True,
        env={**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"},
        capture_output=True, text=True,
    )
    return log.read_text(encoding="utf-8") if log.exists() else ""


def _runtime_names() -> list[str]:
    out = subprocess.run(
        ["bash", "-c", 'source scripts/setup.sh; printf "%s\\n" "${APT_RUNTIME[@]}"'],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout.split()
    return out


@pytest.mark.parametrize("glib", ["libglib2.0-0", "libglib2.0-0t64"])
def test_nothing_is_installed_when_every_package_is_there(tmp_path: Path, glib: str) -> None:
    names = [n for entry in _runtime_names() for n in entry.split("|")]
    installed = [n for n in names if not n.startswith("libglib2.0-0")] + [glib]
    assert _run(tmp_path, installed, known=[glib]) == ""  # no apt-get at all


def test_a_missing_package_is_installed_by_this_release_s_name(tmp_path: Path) -> None:
    names = [n for entry in _runtime_names() for n in entry.split("|")]
    installed = [n for n in names if not n.startswith("libglib2.0-0")]
    calls = _run(tmp_path, installed, known=["libglib2.0-0t64"])
    assert "install" in calls and "libglib2.0-0t64" in calls
    assert "libglib2.0-0 " not in calls + " "
