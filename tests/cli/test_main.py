"""The command line as a script or a facility uses it: exit codes, messages, files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbook.cli.main import main
from workbook.plan import SCHEMA_VERSION

EXAMPLE_ARGS = ["example", "-o"]


def run_cli(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m workbook` as a separate process, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "workbook", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


def test_example_validate_and_build(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    out = tmp_path / "out.pdf"
    assert main(["example", "-o", str(plan)]) == 0
    assert json.loads(plan.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION
    assert main(["validate", str(plan)]) == 0
    assert main(["build", str(plan), "-o", str(out), "--paper", "a4"]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf", "plan.json"]


def test_blank(tmp_path: Path) -> None:
    out = tmp_path / "blank.pdf"
    assert main(["blank", "-o", str(out), "--large-print"]) == 0
    assert out.read_bytes().startswith(b"%PDF-")


def test_validate_names_the_field_in_one_line(tmp_path: Path) -> None:
    plan = tmp_path / "bad.json"
    plan.write_text(
        json.dumps({"schema_version": 1, "support_network": {"people": [
            {"name": "A"}, {"name": "B"}, {"name": "C", "phone": "", "on_wallet_card": True}]}}),
        encoding="utf-8",
    )
    result = run_cli("validate", plan)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines == [
        f"recovery-workbook: {plan}: support_network.people[2].phone: "
        "a person on the wallet card needs a phone number"
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        ("{not json", "not valid JSON"),
        ("", "the file is empty"),
        ('{"schema_version": 1, "about": {"plan_date": "tomorrow"}}', "about.plan_date"),
    ],
)
def test_build_failures_write_nothing(tmp_path: Path, content: str | None, expected: str) -> None:
    plan = tmp_path / "plan.json"
    if content is not None:
        plan.write_text(content, encoding="utf-8")
    out = tmp_path / "out.pdf"
    result = run_cli("build", plan, "-o", out)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert expected in result.stderr
    assert not out.exists()
    expected_files = ["plan.json"] if content is not None else []
    assert sorted(p.name for p in tmp_path.iterdir()) == expected_files


def test_output_into_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.json"
    assert main(["example", "-o", str(plan)]) == 0
    assert main(["build", str(plan), "-o", str(tmp_path / "nope" / "out.pdf")]) == 1
    assert "no such folder" in capsys.readouterr().err


def test_failed_build_keeps_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    out.write_bytes(b"previous workbook")
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, "about": {"level_of_care": "spa"}}', encoding="utf-8")
    assert main(["build", str(bad), "-o", str(out)]) == 1
    assert out.read_bytes() == b"previous workbook"


def test_schema_is_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Plan"
    assert "support_network" in schema["properties"]


def test_no_display_gives_a_clear_message() -> None:
    env = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}
    result = run_cli(env=env)
    assert result.returncode == 1
    assert "no display" in result.stderr
    assert "Traceback" not in result.stderr


def test_facility_errors_name_the_file(tmp_path: Path) -> None:
    facility = tmp_path / "facility.toml"
    facility.write_text('name = "Hope House"\n[[crisis_lines]]\nname = "Line"\n', encoding="utf-8")
    result = run_cli("blank", "-o", tmp_path / "b.pdf", "--facility", facility)
    assert result.returncode == 1
    assert f"{facility}: crisis_lines[0].number: Field required" in result.stderr
    assert not (tmp_path / "b.pdf").exists()


def test_messages_follow_the_system_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "es_US.UTF-8")
    assert main(["validate", str(tmp_path / "nothing.json")]) == 1
    assert "nothing.json: no existe ese archivo" in capsys.readouterr().err
