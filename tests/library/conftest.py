"""Fixtures for the plan library tests: a fresh library file and sample plans."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbook.example import example_plan
from workbook.library import Library, open_library
from workbook.plan import Plan


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    return tmp_path / "library" / "library.sqlite3"


@pytest.fixture
def library(library_file: Path) -> Iterator[Library]:
    with open_library(library_file) as opened:
        yield opened


@pytest.fixture
def plan() -> Plan:
    return example_plan()
