"""No text from a plan, a roster or a file name reaches the terminal with its control codes.

A preferred name holding ``ESC ] 0 ; PWNED BEL ESC [ 2 J`` would retitle and
clear the counselor's terminal; every command prints it as visible escapes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from workbook.cli.main import main
from workbook.cli.terminal import clean, clean_json
from workbook.example import example_plan
from workbook.output.writer import save_plan
from workbook.plan import CrisisContact, SupportPerson

HOSTILE = "Jo\x1b]0;PWNED\x07\x1b[2J\x9b31m\u202egnp.exe\r\nX"
# What an attack needs to reach a terminal: ESC, BEL, CSI, CR, LF, bidi overrides.
RAW = re.compile("[\x1b\x07\x9b\r\u202e]")


def no_raw_controls(text: str) -> None:
    assert not RAW.search(text), repr(text)


def test_clean_writes_controls_as_visible_escapes() -> None:
    assert clean(HOSTILE) == (
        "Jo\\x1b]0;PWNED\\x07\\x1b[2J\\x9b31m\\u202egnp.exe\\x0d\\nX"
    )
    assert clean("Lan Nguyễn 中文 🙂\ttab") == "Lan Nguyễn 中文 🙂\ttab"
    assert clean("two\nlines", newlines=True) == "two\nlines"
    assert clean(clean(HOSTILE)) == clean(HOSTILE)
    assert clean("\udcff") == "\\udcff"  # an undecodable byte in a file name


def test_clean_json_is_the_same_json() -> None:
    text = json.dumps({"name": "\x9b\u202e\u2028"}, ensure_ascii=False)
    no_raw_controls(clean_json(text))
    assert json.loads(clean_json(text)) == json.loads(text)


@pytest.fixture
def hostile_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    plan = example_plan()
    plan.about.preferred_name = HOSTILE
    plan.support_network.people = [
        SupportPerson(name=HOSTILE * 3, phone="555-0100 " * 12, on_wallet_card=True)
    ]
    plan.crisis_plan.contacts = [CrisisContact(name=HOSTILE, phone="555-0199")]
    source = tmp_path / "plan.json"
    save_plan(plan, source)
    library = tmp_path / "library.sqlite3"
    assert main(["--library", str(library), "library", "import", str(source),
                 "--reason", HOSTILE]) == 0
    no_raw_controls(capsys.readouterr().out)
    return library


@pytest.mark.parametrize(
    "command",
    [
        ["library", "list"],
        ["library", "show", "1"],
        ["library", "show", "1", "--json"],
        ["library", "history", "1"],
        ["library", "show", "Jo"],
    ],
)
def test_library_commands_print_escapes(
    hostile_library: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--library", str(hostile_library), *command]) == 0
    out, err = capsys.readouterr()
    no_raw_controls(out + err)
    assert "\\x1b]0;PWNED" in out or "\\u001b]0;PWNED" in out


def test_build_notes_about_card_contacts_print_escapes(
    hostile_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.pdf"
    assert main(["--library", str(hostile_library), "library", "build", "1", "-o",
                 str(out)]) == 0
    err = capsys.readouterr().err
    assert "note:" in err
    no_raw_controls(err)


def test_file_names_and_bad_arguments_print_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "\x1b[2Jplan\x07.json"
    assert main(["validate", str(bad)]) == 1
    assert main(["blank", "-o", str(tmp_path / "no\x1b]0;x\x07" / "out.pdf")]) == 1
    with pytest.raises(SystemExit):
        main(["build", str(bad), "-o", "x.pdf", "--paper", "\x1b[2Jlegal"])
    out, err = capsys.readouterr()
    no_raw_controls(out + err)
    assert "\\x1b[2Jlegal" in err


def test_roster_paths_and_progress_print_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out\x1b[2J"
    roster = tmp_path / "roster.csv"
    roster.write_text("name,plan\nA,\x1b]0;x\x07.json\n", encoding="utf-8")
    assert main(["batch", str(roster), "-o", str(folder)]) == 1
    roster.write_text("name\nA\n", encoding="utf-8")
    assert main(["batch", str(roster), "-o", str(folder), "--jobs", "1"]) == 0
    out, err = capsys.readouterr()
    no_raw_controls(out + err)
