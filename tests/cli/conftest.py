"""Fixtures for the command-line tests: the sample plan."""

from __future__ import annotations

import pytest

from workbook.example import example_plan
from workbook.plan import Plan


@pytest.fixture
def plan() -> Plan:
    return example_plan()
