"""Batch printing from a roster: checked first, then every workbook written whole."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from workbook.batch import read_roster, slug
from workbook.cli.main import main
from workbook.example import example_plan
from workbook.plan import Paper, save_plan


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_slug() -> None:
    assert slug("Lan Nguyễn") == "lan-nguyen"
    assert slug("J. R.") == "j-r"
    assert slug("中文") == ""


def test_roster_builds_each_workbook(tmp_path: Path) -> None:
    save_plan(example_plan(), tmp_path / "jordan.json")
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "\ufeffName,Plan,Paper,Large_print\n"
        ",jordan.json,a4,\n"
        "Lan Nguyễn,,,yes\n"
        "K. M.,,letter,no\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["batch", str(roster), "-o", str(out), "--jobs", "2"]) == 0
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 3
    assert "lan-nguyen.pdf" in files
    assert "Lan Nguyễn" in pdf_text((out / "lan-nguyen.pdf").read_bytes())


def test_roster_is_checked_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("name,plan\nA. B.,\nC. D.,missing.json\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(roster), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "row 3" in err
    assert "missing.json: no such file" in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("first,last\nA,B\n", "needs a 'name' or a 'plan' column"),
        ("name,colour\nA,blue\n", "unknown column 'colour'"),
        ("name,paper\nA,legal\n", "row 2: paper: 'legal' is not letter or a4"),
        ("name,large_print\nA,maybe\n", "row 2: large_print: 'maybe' is not yes or no"),
        ("name\n", "no rows to print"),
    ],
)
def test_roster_errors(tmp_path: Path, content: str, expected: str) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(content, encoding="utf-8")
    from workbook.plan import PlanFileError

    with pytest.raises(PlanFileError, match=expected):
        read_roster(roster, tmp_path / "out", facility=None, paper=None, large_print=False)


def test_duplicate_names_get_distinct_files(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("name\nSam\nSam\n", encoding="utf-8")
    jobs = read_roster(roster, tmp_path, facility=None, paper=Paper.A4, large_print=False)
    assert [job.output.name for job in jobs] == ["sam.pdf", "sam-2.pdf"]
    assert all(job.options.paper is Paper.A4 for job in jobs)
