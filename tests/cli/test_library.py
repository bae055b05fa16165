"""`recovery-workbook library ...` through `register()` and argparse, wired as the main parser."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import types
from pathlib import Path

import pytest

from workbook.cli import library as library_cli
from workbook.cli.library import register
from workbook.library import open_library
from workbook.library.transfer import MAGIC
from workbook.options import BuildResult, OverflowNote, RenderOptions
from workbook.output.writer import save_plan
from workbook.plan import Paper, Plan, Trigger, load_plan, plan_to_json

PASSPHRASE = "correct horse battery"


def _parser() -> argparse.ArgumentParser:
    """The main parser's shape: a global --library and `args.func(args)` dispatch."""
    parser = argparse.ArgumentParser(prog="recovery-workbook")
    parser.add_argument("--library", type=Path, default=None)
    register(parser.add_subparsers())
    return parser


def run(*argv: str | Path) -> int:
    args = _parser().parse_args([str(a) for a in argv])
    result: int = args.func(args)
    return result


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    return tmp_path / "lib.sqlite3"


@pytest.fixture
def imported(
    lib: Path, tmp_path: Path, plan: Plan, capsys: pytest.CaptureFixture[str]
) -> Path:
    """A library with the example plan imported, then a reviewed second revision."""
    first = tmp_path / "first.json"
    save_plan(plan, first)
    assert run("--library", lib, "library", "import", first, "--reason", "intake") == 0
    reviewed = plan.model_copy(deep=True)
    reviewed.prevention.triggers.append(Trigger(trigger="payday"))
    reviewed.about.next_review_date = dt.date(2027, 1, 12)
    second = tmp_path / "second.json"
    save_plan(reviewed, second)
    assert run("--library", lib, "library", "import", second, "--reason", "30-day review") == 0
    out = capsys.readouterr().out
    assert f"Added client 1 ({plan.display_name()})." in out
    assert f"Added revision 2 to client 1 ({plan.display_name()})." in out
    return lib


def _error_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err
    return lines[0]


def test_import_list_show_history(
    imported: Path, plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--library", imported, "library", "list") == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0].split() == ["No.", "Name", "Last", "saved", "Next", "review", "Revisions"]
    assert plan.display_name() in listing[1]
    # Dates written by the one formatter, not the process locale's "%b".
    assert "Jan 12, 2027" in listing[1] and listing[1].rstrip().endswith("2")

    assert run("--library", imported, "library", "show", "1") == 0
    shown = capsys.readouterr().out
    assert "Next review:  January 12, 2027" in shown
    assert "Revisions:    2" in shown and "30-day review" in shown

    assert run("--library", imported, "library", "history", plan.display_name()) == 0
    history = capsys.readouterr().out
    assert "Revision 1" in history and "intake" in history and "plan written" in history
    assert "  - added a trigger: payday" in history
    assert "  - changed the next review date to January 12, 2027" in history


def test_show_json_prints_the_plan_file(
    imported: Path, plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run("--library", imported, "library", "show", "1", "--json", "--revision", "1") == 0
    assert capsys.readouterr().out == plan_to_json(plan)


def test_library_option_after_the_command(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run("library", "--library", imported, "list") == 0
    assert "Revisions" in capsys.readouterr().out


def test_environment_variable_is_the_default(
    imported: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RECOVERY_WORKBOOK_LIBRARY", str(imported))
    capsys.readouterr()
    assert run("library", "list") == 0
    assert "Revisions" in capsys.readouterr().out


def test_an_empty_or_missing_library(lib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--library", lib, "library", "list") == 0
    assert "No clients yet" in capsys.readouterr().out
    assert not lib.exists()
    assert run("--library", lib, "library", "show", "1") == 1
    assert "no library here yet" in _error_line(capsys)
    assert not lib.exists()


def test_export_plain_and_reimport_adds_nothing(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "export.json"
    assert run("--library", imported, "library", "export", "1", "-o", out) == 0
    with open_library(imported) as library:
        assert load_plan(out) == library.plan(1)
    assert run("--library", imported, "library", "import", out) == 0
    assert "nothing was added" in capsys.readouterr().out
    with open_library(imported) as library:
        assert library.client(1).revisions == 2


def test_export_encrypted_and_import_elsewhere(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    out = tmp_path / "export.rwbk"
    assert run("--library", imported, "library", "export", "1", "-o", out,
               "--passphrase-file", secret) == 0
    assert out.read_bytes().startswith(MAGIC)
    other = tmp_path / "other.sqlite3"
    assert run("--library", other, "library", "import", out, "--passphrase-file", secret) == 0
    with open_library(imported) as here, open_library(other) as there:
        assert there.plan(1) == here.plan(1)

    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n", encoding="utf-8")
    capsys.readouterr()
    before = other.read_bytes()
    assert run("--library", other, "library", "import", out, "--passphrase-file", wrong) == 1
    assert "wrong passphrase" in _error_line(capsys)
    assert other.read_bytes() == before


def test_passphrase_prompt(
    imported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    answers = iter([PASSPHRASE, PASSPHRASE, PASSPHRASE, "typo typo typo"])
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(library_cli.getpass, "getpass", lambda prompt: next(answers))
    out = tmp_path / "export.rwbk"
    assert run("--library", imported, "library", "export", "1", "-o", out, "--encrypt") == 0
    assert run("--library", tmp_path / "b.sqlite3", "library", "import", out) == 0
    # Two different entries: nothing written.
    again = tmp_path / "again.rwbk"
    answers = iter([PASSPHRASE, "something else"])
    capsys.readouterr()
    assert run("--library", imported, "library", "export", "1", "-o", again, "--encrypt") == 1
    assert "differ" in _error_line(capsys)
    assert not again.exists()


def test_encrypted_import_without_a_terminal(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    out = tmp_path / "export.rwbk"
    assert run("--library", imported, "library", "export", "1", "-o", out,
               "--passphrase-file", secret) == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    capsys.readouterr()
    assert run("--library", tmp_path / "b.sqlite3", "library", "import", out) == 1
    assert "--passphrase-file" in _error_line(capsys)
    assert not (tmp_path / "b.sqlite3").exists()


@pytest.mark.parametrize(
    "content",
    [b"", b"{", b"[]", b'{"schema_version": 99}', b"%PDF-1.4", MAGIC + b"\x01" + bytes(10)],
    ids=["empty", "truncated", "foreign", "future", "pdf", "cut-encrypted"],
)
def test_bad_import_changes_nothing(
    imported: Path, tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    before = imported.read_bytes()
    capsys.readouterr()
    assert run("--library", imported, "library", "import", bad, "--passphrase-file", secret) == 1
    assert _error_line(capsys).startswith(f"recovery-workbook: {bad}")
    assert imported.read_bytes() == before


def test_import_to_a_chosen_or_new_client(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = Plan()
    other.about.preferred_name = "Someone else"
    path = tmp_path / "other.json"
    save_plan(other, path)
    assert run("--library", imported, "library", "import", path, "--client", "1") == 0
    assert run("--library", imported, "library", "import", path, "--new") == 0
    with open_library(imported) as library:
        assert [c.revisions for c in library.clients()] == [3, 1]


def test_unknown_client_names_nobody(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert run("--library", imported, "library", "show", "Zelda Fitzgerald") == 1
    line = _error_line(capsys)
    assert "Zelda" not in line and "library list" in line


def test_delete(imported: Path, capsys: pytest.CaptureFixture[str],
                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    capsys.readouterr()
    assert run("--library", imported, "library", "delete", "1") == 1
    assert "--yes" in _error_line(capsys)
    with open_library(imported) as library:
        assert len(library.clients()) == 1
    assert run("--library", imported, "library", "delete", "1", "--yes") == 0
    with open_library(imported) as library:
        assert library.clients() == []


def test_delete_asks_on_a_terminal(imported: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    assert run("--library", imported, "library", "delete", "1") == 1
    monkeypatch.setattr(sys, "stdin", Terminal("y\n"))
    assert run("--library", imported, "library", "delete", "1") == 0
    with open_library(imported) as library:
        assert library.clients() == []


def test_build_passes_the_review_log(
    imported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    seen: list[tuple[Plan | None, RenderOptions]] = []

    def build_pdf(plan: Plan | None, options: RenderOptions, which: str) -> BuildResult:
        assert which == "workbook"
        seen.append((plan, options))
        return BuildResult(b"%PDF-fake", 1, (OverflowNote("wallet card, back", "a name"),))

    fake = types.ModuleType("workbook.pdf")
    fake.build_pdf = build_pdf  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "workbook.pdf", fake)
    out = tmp_path / "workbook.pdf"
    capsys.readouterr()
    assert run("--library", imported, "library", "build", "1", "-o", out, "--paper", "a4") == 0
    assert out.read_bytes() == b"%PDF-fake"
    assert (out.stat().st_mode & 0o777) == 0o600
    assert "note: wallet card, back: a name shortened" in capsys.readouterr().err
    [(plan, options)] = seen
    with open_library(imported) as library:
        assert plan == library.plan(1)
        assert options.reviews == library.review_entries(1, paper=Paper.A4)
    assert [r.reason for r in options.reviews] == ["intake", "30-day review"]
    assert "12 January 2027" in options.reviews[1].summary
    assert options.paper == "a4"

    seen.clear()
    assert run("--library", imported, "library", "build", "1", "-o", out, "--revision", "1") == 0
    [(plan, options)] = seen
    assert [r.reason for r in options.reviews] == ["intake"]


def test_build_to_a_missing_folder_writes_nothing(
    imported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake = types.ModuleType("workbook.pdf")
    fake.build_pdf = lambda plan, options, which: BuildResult(b"%PDF", 1)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "workbook.pdf", fake)
    capsys.readouterr()
    out = tmp_path / "missing" / "w.pdf"
    assert run("--library", imported, "library", "build", "1", "-o", out) == 1
    assert "no such folder" in _error_line(capsys)


@pytest.mark.slow
def test_build_a_real_workbook(imported: Path, tmp_path: Path) -> None:
    pdf = pytest.importorskip("workbook.pdf")
    if not hasattr(pdf, "build_workbook"):
        pytest.skip("the workbook builder is not there yet")
    out = tmp_path / "workbook.pdf"
    assert run("--library", imported, "library", "build", "1", "-o", out) == 0
    assert out.read_bytes().startswith(b"%PDF-")


def test_the_main_command_line_has_the_library_command(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbook.cli.main import main

    capsys.readouterr()
    assert main(["--library", str(imported), "library", "list"]) == 0
    assert "Revisions" in capsys.readouterr().out
