"""Test-wide settings: Qt runs headless, and no test touches a real user's data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# On CI the property tests draw the same examples every run, so a landing is
# never decided by luck; locally they explore new ones each time (and keep
# any failure in .hypothesis/ to replay first).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _private_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Point the plan library, settings and data folders at a fresh temporary home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("RECOVERY_WORKBOOK_LIBRARY", str(home / "library.sqlite3"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    yield


@pytest.fixture(autouse=True)
def _english_interface(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The interface speaks English unless a test asks otherwise, whatever this machine's
    locale; a test that switches it (the Spanish form) cannot leak into the next."""
    from workbook.text.i18n import set_interface_language

    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    set_interface_language(None)
    yield
    set_interface_language(None)


def pytest_report_header() -> list[str]:
    return [f"user folders: temporary (library, settings and data never touch {Path.home()})"]
