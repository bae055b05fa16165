"""Reading and writing plan files: one-line errors, upgrades, atomic writes."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from workbook.output.writer import save_plan
from workbook.plan import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Plan,
    PlanFileError,
    SupportPerson,
    load_plan,
    plan_from_data,
    plan_from_json,
    plan_to_json,
)
from workbook.plan import io as plan_io


def test_round_trip(tmp_path: Path) -> None:
    plan = Plan()
    plan.about.preferred_name = "J. R. <b>&amp;"
    plan.support_network.people.append(SupportPerson(name="Lan Nguyễn", phone="555-0100"))
    path = tmp_path / "plan.json"
    save_plan(plan, path)
    assert load_plan(path) == plan
    # Health information: the plan file is for its owner only.
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"schema_version": 1, "support_network": {"people": [
                {"name": "A"}, {"name": "B"}, {"name": "C", "on_wallet_card": True}]}},
            "x.json: support_network.people[2].phone: a person on the wallet card needs a "
            "phone number",
        ),
        (
            {"schema_version": 1, "about": {"plan_date": "soon"}},
            "x.json: about.plan_date: Input should be a valid date",
        ),
        (
            {"schema_version": 1, "prevention": {"triggers": [{"trigger": " "}]}},
            "x.json: prevention.triggers[0].trigger: must not be empty",
        ),
        (
            {"schema_version": 1, "goals": {"goals": [{"goal": "x", "colour": 1}]}},
            "x.json: goals.goals[0].colour: is not a field of a recovery plan",
        ),
        ({"about": {}}, "x.json: schema_version: missing"),
        ({"schema_version": 99}, "x.json: schema_version: 99 was made by a newer"),
        ({"schema_version": "1"}, "x.json: schema_version: '1' is not a plan version"),
        ([1, 2], "x.json: a plan file holds a JSON object, not list"),
    ],
)
def test_errors_name_file_and_field(data: object, expected: str) -> None:
    with pytest.raises(PlanFileError) as caught:
        plan_from_data(data, "x.json")
    message = str(caught.value)
    assert message.startswith(expected)
    assert "\n" not in message


def test_error_counts_further_problems() -> None:
    with pytest.raises(PlanFileError, match=r"\(and 1 more problem\)$"):
        plan_from_data({"schema_version": 1, "about": {"plan_date": "x", "discharge_date": "y"}})


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (b"{\"schema_version\": 1,", r"not valid JSON \(line 1"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file"),
    ],
)
def test_broken_files(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    with pytest.raises(PlanFileError, match=expected):
        load_plan(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="no such file"):
        load_plan(tmp_path / "nope.json")


def test_older_versions_are_upgraded(monkeypatch: pytest.MonkeyPatch) -> None:
    # Pretend the current schema is 3, version 1 named the section "profile"
    # and version 2 kept the name under "who".
    def rename_section(data: dict[str, object]) -> dict[str, object]:
        data["about"] = data.pop("profile")
        return data

    def rename_field(data: dict[str, object]) -> dict[str, object]:
        about = dict(data["about"])  # type: ignore[call-overload]
        about["preferred_name"] = about.pop("who")
        data["about"] = about
        return data

    monkeypatch.setattr(plan_io, "SCHEMA_VERSION", 3)
    monkeypatch.setitem(MIGRATIONS, 1, rename_section)
    monkeypatch.setitem(MIGRATIONS, 2, rename_field)
    upgraded = plan_io.upgrade({"schema_version": 1, "profile": {"who": "J"}})
    assert upgraded == {"schema_version": 3, "about": {"preferred_name": "J"}}


def test_json_is_stable_and_utf8() -> None:
    plan = Plan()
    plan.about.preferred_name = "Nguyễn 中文 🙂"
    text = plan_to_json(plan)
    assert "Nguyễn 中文 🙂" in text
    assert plan_from_json(text) == plan
    assert plan_to_json(plan_from_json(text)) == text
    assert json.loads(text)["schema_version"] == SCHEMA_VERSION == 3


V1_PLAN = Path(__file__).parent / "data" / "plan-v1.json"


def test_a_version_1_plan_file_opens_with_the_new_crisis_fields_empty() -> None:
    # The example plan as version 1 wrote it, before the crisis plan's companion page.
    assert json.loads(V1_PLAN.read_text(encoding="utf-8"))["schema_version"] == 1
    plan = load_plan(V1_PLAN)
    assert plan.schema_version == SCHEMA_VERSION
    crisis = plan.crisis_plan
    assert crisis.reasons_to_keep_going == []
    assert crisis.safer_surroundings.model_dump() == dict.fromkeys(
        ("alcohol_and_drugs", "medicines", "firearms_and_means", "who_holds_them"), "")
    assert crisis.steps[0] == "Stop. Put down the drink or leave the place."
    # Saved again, it is a file of today's version that reads back the same.
    assert plan_from_json(plan_to_json(plan)) == plan


def test_the_version_1_migration_keeps_what_it_finds() -> None:
    data = {"schema_version": 1, "crisis_plan": {"signs": ["I stop sleeping"]}}
    upgraded = plan_io.upgrade(data)
    assert upgraded["schema_version"] == SCHEMA_VERSION
    assert upgraded["crisis_plan"] == {"signs": ["I stop sleeping"], "safer_surroundings": {},
                                       "reasons_to_keep_going": []}
    assert plan_io.MIGRATIONS[1]({"schema_version": 1}) == {"schema_version": 1}


# -- hostile files: one line, never "unexpected error" ---------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"schema_version": 1, "about": ' + "[" * 2000 + "]" * 2000 + "}",
         "nested too deeply to be a plan file"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply to be a plan file"),
        ('{"schema_version": ' + "9" * 5000 + "}", "holds a number too long to read"),
        ('{"schema_version": ' + "9" * 4000 + "}", "schema_version: a number of 4,000 digits"),
        ('{"schema_version": 1, "crisis_plan": 5}', "crisis_plan"),
        ('{"schema_version": 1, "crisis_plan": {"signs": "x"}}', "crisis_plan.signs"),
    ],
)
def test_hostile_plan_files_get_one_line(text: str, expected: str) -> None:
    with pytest.raises(PlanFileError) as caught:
        plan_from_json(text, "plan.json")
    message = str(caught.value)
    assert message.startswith("plan.json: ") and expected in message
    assert "\n" not in message and len(message) < 300


@pytest.mark.parametrize("kind", ["fifo", "folder", "huge", "long-name"])
def test_a_plan_path_that_is_not_a_plan_file_is_refused_without_reading_it(
    tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "plan.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "huge":
        with path.open("wb") as handle:
            handle.truncate(9 * 2**20)
    else:
        path = tmp_path / ("p" * 5000 + ".json")
    with pytest.raises(PlanFileError) as caught:
        load_plan(path)
    message = str(caught.value)
    assert {"fifo": "not a regular file", "folder": "is a folder",
            "huge": "larger than a plan file can be",
            "long-name": "the file name is too long"}[kind] in message
    assert len(message) < 300
