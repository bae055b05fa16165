"""Facility profiles and the standard crisis lines."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from workbook.facility import (
    FacilityFileError,
    config_folder,
    crisis_lines_for,
    forget_facility,
    load_facility,
    load_saved_facility,
    standard_crisis_lines,
)
from workbook.output.profile import save_facility, write_facility
from workbook.plan import Paper

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "facility.toml"
SAMPLE_LOGO = ROOT / "workbook" / "resources" / "logo" / "sample-logo.png"


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
    assert all(line.last_checked == dt.date(2026, 11, 16) for line in crisis_lines_for(facility))


def test_standard_lines_carry_the_files_checked_date() -> None:
    lines = standard_crisis_lines()
    assert {line.last_checked for line in lines.lines} == {lines.last_checked}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("name = ", "not valid TOML"),
        ('name = "X"\nlogo = "nope.png"\n', "logo: "),
        ('nmae = "X"\n', "nmae: is not a field"),
        ('paper = "legal"\n', "paper: Input should be 'letter' or 'a4'"),
        # A crisis line nobody has checked: the message names the line.
        ('[[crisis_lines]]\nname = "Night line"\nnumber = "555-0100"\n',
         r"crisis_lines\[0\]\.last_checked: missing for 'Night line'; add the date"),
    ],
)
def test_bad_profiles(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "facility.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FacilityFileError, match=expected) as caught:
        load_facility(path)
    assert str(caught.value).startswith(str(path))


# -- the logo is checked when the profile is loaded ---------------------------------


def _profile_with_logo(tmp_path: Path, logo_bytes: bytes, name: str = "logo.png") -> Path:
    (tmp_path / name).write_bytes(logo_bytes)
    path = tmp_path / "facility.toml"
    path.write_text(f'name = "X"\nlogo = "{name}"\n', encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("logo", "expected"),
    [
        (b"just some text", "is not a PNG or JPEG image"),
        (b"GIF89a" + bytes(40), "is not a PNG or JPEG image"),
        (SAMPLE_LOGO.read_bytes()[:300], "is not a PNG or JPEG image"),  # cut off
    ],
    ids=["text", "gif", "truncated-png"],
)
def test_a_bad_logo_is_named_when_the_profile_is_loaded(
    tmp_path: Path, logo: bytes, expected: str
) -> None:
    path = _profile_with_logo(tmp_path, logo)
    with pytest.raises(FacilityFileError) as caught:
        load_facility(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: logo: ")
    assert expected in message
    assert "\n" not in message


def test_a_gif_logo_says_what_it_is(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (4, 4)).save(tmp_path / "logo.gif")
    path = tmp_path / "facility.toml"
    path.write_text('logo = "logo.gif"\n', encoding="utf-8")
    with pytest.raises(FacilityFileError, match=r"logo: .*is a GIF file, not a PNG or JPEG"):
        load_facility(path)


def test_unknown_language_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "facility.toml"
    path.write_text('language = "xx"\n', encoding="utf-8")
    message = r"language: 'xx' is not a workbook language \(available: en, es\)"
    with pytest.raises(FacilityFileError, match=message):
        load_facility(path)


# -- one profile for the desktop and the command line --------------------------------


def test_written_profile_reads_back_the_same(tmp_path: Path) -> None:
    facility = load_facility(EXAMPLE).model_copy(
        update={"large_print": True, "language": "en", "paper": Paper.A4}
    )
    (tmp_path / "export").mkdir()
    path = write_facility(facility, tmp_path / "export" / "harbor.toml")
    assert (tmp_path / "export" / "harbor-logo.png").read_bytes() == SAMPLE_LOGO.read_bytes()
    text = path.read_text(encoding="utf-8")
    assert 'logo = "harbor-logo.png"' in text
    again = load_facility(path)
    assert again.model_dump(exclude={"logo"}) == facility.model_dump(exclude={"logo"})
    assert again.logo == tmp_path / "export" / "harbor-logo.png"


def test_the_desktop_keeps_its_profile_private() -> None:
    assert load_saved_facility() is None
    path = save_facility(load_facility(EXAMPLE))
    folder = config_folder()
    assert path == folder / "facility.toml"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for file in folder.iterdir():
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    saved = load_saved_facility()
    assert saved is not None and saved.name == "Harbor Light Recovery Center"
    assert saved.logo == folder / "facility-logo.png"
    save_facility(saved.model_copy(update={"logo": None}))
    assert sorted(p.name for p in folder.iterdir()) == ["facility.toml"]
    forget_facility()
    assert load_saved_facility() is None


# -- hostile profiles: one line naming the problem -------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name = " + "[" * 2000 + "]" * 2000 + "\n", "nested too deeply"),
        ("a = " + "{b = " * 2000 + "1" + "}" * 2000 + "\n", "nested too deeply"),
        ('name = "X"\nlogo = "' + "a" * 5000 + '.png"\n', "logo: "),
        ('name = "X"\nlogo = "a\\u0000b.png"\n', "logo: not a usable file name"),
        ('nmae = "Harbor"\n', "nmae: is not a field of a facility profile (misspelt?)"),
    ],
)
def test_hostile_profiles_get_one_short_line(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "facility.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FacilityFileError) as caught:
        load_facility(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and expected in message
    assert "recovery plan" not in message
    assert len(message) < 400


def test_a_profile_that_is_a_pipe_is_not_waited_for(tmp_path: Path) -> None:
    path = tmp_path / "facility.toml"
    os.mkfifo(path)
    with pytest.raises(FacilityFileError, match="not a regular file"):
        load_facility(path)
