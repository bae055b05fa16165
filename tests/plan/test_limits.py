"""Limits on answers and lists: new input is refused plainly, stored plans still open."""

from __future__ import annotations

import json
import time
from pathlib import Path

import annotated_types
import pytest

from workbook.cli.main import main
from workbook.library import open_library
from workbook.plan import (
    SCHEMA_VERSION,
    Plan,
    PlanFileError,
    SupportPerson,
    Trigger,
    plan_from_data,
    plan_from_json,
)
from workbook.plan.common import MAX_ITEMS, MAX_NAME, MAX_TEXT
from workbook.plan.limits import limits_note, over_limits


def data(**sections: object) -> dict[str, object]:
    return {"schema_version": SCHEMA_VERSION, **sections}


def test_the_limits_keep_what_design_promises() -> None:
    # DESIGN: "a 5,000-character answer, 200 contacts" get a correct PDF.
    assert MAX_TEXT >= 5_000 and MAX_ITEMS >= 200
    plan = plan_from_data(data(
        crisis_plan={"after_a_crisis": "word " * 1_000},
        support_network={"people": [{"name": f"P{i}", "phone": "555-0100"} for i in range(200)]},
    ))
    assert len(plan.support_network.people) == 200


def test_the_form_can_read_every_limit_from_the_fields() -> None:
    def limit(model: type[Plan] | type[Trigger] | type[SupportPerson], name: str) -> int:
        (found,) = [m.max_length for m in model.model_fields[name].metadata
                    if isinstance(m, annotated_types.MaxLen)]
        return int(found)

    assert limit(Trigger, "response") == MAX_TEXT
    assert limit(SupportPerson, "name") == MAX_TEXT
    from workbook.plan import About, Prevention, SupportNetwork

    assert limit(About, "preferred_name") == MAX_NAME
    assert limit(Prevention, "triggers") == MAX_ITEMS
    assert limit(SupportNetwork, "people") == MAX_ITEMS


@pytest.mark.parametrize(
    ("sections", "expected"),
    [
        ({"prevention": {"triggers": [{"trigger": "t"}] * 10_000}},
         f"prevention.triggers: holds 10,000 entries; a list can hold at most {MAX_ITEMS}"),
        ({"crisis_plan": {"after_a_crisis": "x" * (MAX_TEXT + 5)}},
         f"crisis_plan.after_a_crisis: is {MAX_TEXT + 5:,} characters long; "
         f"it can be at most {MAX_TEXT:,}"),
        ({"about": {"preferred_name": "Jordan " * 100}},
         f"about.preferred_name: is 700 characters long; it can be at most {MAX_NAME}"),
        ({"crisis_plan": {"signs": ["ok", "y" * (MAX_TEXT + 1)]}},
         "crisis_plan.signs[1]: is"),
    ],
)
def test_new_input_over_a_limit_is_refused_naming_the_field(
    sections: dict[str, object], expected: str
) -> None:
    with pytest.raises(PlanFileError) as caught:
        plan_from_json(json.dumps(data(**sections)), "plan.json")
    message = str(caught.value)
    assert message.startswith(f"plan.json: {expected}")
    assert "xxxxx" not in message and "Jordan" not in message


def test_a_huge_plan_file_is_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.json"
    filler = [{"trigger": "t" * 1000}] * 10_000  # 10 MB of triggers
    big.write_text(json.dumps(data(prevention={"triggers": filler})), encoding="utf-8")
    started = time.monotonic()
    assert main(["build", str(big), "-o", str(tmp_path / "out.pdf")]) == 1
    assert time.monotonic() - started < 30  # refused, not rendered for minutes
    assert "larger than a plan file can be" in capsys.readouterr().err
    assert not (tmp_path / "out.pdf").exists()


def _stored_over_the_limits(library_file: Path) -> int:
    """A revision saved before the limits: written into the library as it was."""
    plan = Plan()
    with open_library(library_file) as library:
        info = library.save_revision(None, plan, "before the limits")
        text = json.dumps(data(
            about={"preferred_name": "Jo"},
            prevention={"triggers": [{"trigger": f"t{i}"} for i in range(MAX_ITEMS + 20)]},
            crisis_plan={"after_a_crisis": "z" * (MAX_TEXT + 100)},
        ))
        library._conn.execute("UPDATE revisions SET plan = ? WHERE client_id = ?",
                              (text, info.client_id))
    return info.client_id


def test_a_stored_plan_over_a_limit_still_opens_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library_file = tmp_path / "library.sqlite3"
    client = _stored_over_the_limits(library_file)
    with open_library(library_file) as library:
        plan = library.plan(client)
    assert len(plan.prevention.triggers) == MAX_ITEMS + 20
    assert len(plan.crisis_plan.after_a_crisis) == MAX_TEXT + 100
    assert over_limits(plan) == [
        f"prevention.triggers: {MAX_ITEMS + 20:,} entries (new entries stop at {MAX_ITEMS:,})",
        f"crisis_plan.after_a_crisis: {MAX_TEXT + 100:,} characters "
        f"(new text stops at {MAX_TEXT:,})",
    ]
    note = limits_note(plan)
    assert note is not None and "(and 1 more)" in note
    assert limits_note(Plan()) is None

    assert main(["--library", str(library_file), "library", "show", str(client)]) == 0
    out, err = capsys.readouterr()
    assert "Plan (latest revision)" in out
    assert "note: client 1: this plan is over today's limits" in err
    pdf = tmp_path / "out.pdf"
    assert main(["--library", str(library_file), "library", "build", str(client), "-o",
                 str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_a_stored_plan_is_still_checked_for_everything_else(tmp_path: Path) -> None:
    from workbook.library import LibraryError

    library_file = tmp_path / "library.sqlite3"
    with open_library(library_file) as library:
        info = library.save_revision(None, Plan(), "")
        broken = json.dumps(data(prevention={"triggers": [{"trigger": " "}] * (MAX_ITEMS + 1)}))
        library._conn.execute("UPDATE revisions SET plan = ?", (broken,))
        with pytest.raises(LibraryError, match="must not be empty"):
            library.plan(info.client_id)
