"""Facility profiles and the standard crisis lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workbook.facility import (
    FacilityFileError,
    crisis_lines_for,
    load_facility,
    standard_crisis_lines,
)

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "facility.toml"


def test_standard_lines_are_the_us_defaults() -> None:
    lines = standard_crisis_lines()
    assert [line.number for line in lines.lines] == ["988", "1-800-662-4357", "911"]
    assert "text" in lines.lines[0].how.lower()
    assert lines.last_checked <= dt.date.today()
    assert crisis_lines_for(None) == lines.lines


def test_example_profile_replaces_the_lines() -> None:
    facility = load_facility(EXAMPLE)
    assert facility.name == "Harbor Light Recovery Center"
    assert facility.logo is not None and facility.logo.is_file()
    numbers = [line.number for line in crisis_lines_for(facility)]
    assert "(555) 010-2099" in numbers


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("name = ", "not valid TOML"),
        ('name = "X"\nlogo = "nope.png"\n', "logo: "),
        ('nmae = "X"\n', "nmae: is not a field"),
        ('paper = "legal"\n', "paper: Input should be 'letter' or 'a4'"),
    ],
)
def test_bad_profiles(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "facility.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FacilityFileError, match=expected) as caught:
        load_facility(path)
    assert str(caught.value).startswith(str(path))
