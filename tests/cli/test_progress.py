"""The command-line batch's progress: a live bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from workbook.batch import Job, RowDone, Summary
from workbook.cli.main import main
from workbook.cli.progress import BatchProgress, duration
from workbook.options import RenderOptions


def _done(row: int, error: str | None = None, notes: tuple[str, ...] = ()) -> RowDone:
    job = Job(row, None, RenderOptions(), Path(f"out/r{row}.pdf"))
    return RowDone(row - 2, job, 0 if error else 30, notes, error)


def test_plain_lines_when_not_a_terminal() -> None:
    stream = io.StringIO()
    progress = BatchProgress(3, stream)
    assert not progress.live
    progress.row(_done(2))
    progress.row(_done(3, "out/r3.pdf: cannot be written (No space left on device)"))
    progress.row(_done(4, notes=("wallet card, back: a phone number shortened",)))
    progress.finish(Summary(3, 2, 1, False, 75.4), Path("out"))
    lines = stream.getvalue().splitlines()
    assert lines == [
        "[1/3] row 2: out/r2.pdf",
        "row 3: not printed: out/r3.pdf: cannot be written (No space left on device)",
        "[3/3] row 4: out/r4.pdf",
        "row 4: note: wallet card, back: a phone number shortened",
        "Printed 2 workbooks, 1 failed, in 1 min 15 s, into out",
    ]


def test_a_live_bar_on_a_terminal() -> None:
    stream = io.StringIO()
    progress = BatchProgress(2, stream, live=True)
    progress.row(_done(2))
    progress.row(_done(3, "could not be built (ValueError)"))
    progress.finish(Summary(2, 1, 1, False, 2.0), Path("out"))
    text = stream.getvalue()
    assert "\r" in text  # redrawn in place
    assert re.search(r"2/2 \[\d\d:\d\d<00:00, [\d.]+ workbooks/s\]", text)
    assert "row 3: not printed: could not be built (ValueError)" in text
    assert text.rstrip().endswith("Printed 1 workbook, 1 failed, in 2.0 s, into out")


def test_stopped_batch_says_how_many_were_not_started() -> None:
    stream = io.StringIO()
    BatchProgress(10, stream).finish(Summary(10, 4, 0, True, 3725.0), Path("out"))
    assert stream.getvalue() == (
        "Printed 4 workbooks, 6 not started (stopped), in 1 h 02 min, into out\n"
    )


def test_duration() -> None:
    assert [duration(s) for s in (0.04, 59.94, 60, 3599, 7260)] == [
        "0.0 s", "59.9 s", "1 min 00 s", "59 min 59 s", "2 h 01 min"]


def test_batch_reports_rows_in_roster_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "roster.csv"
    names = [f"Client {n:02d}" for n in range(1, 9)]
    roster.write_text("name\n" + "\n".join(names) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(roster), "-o", str(out), "--jobs", "2"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[:8] == [
        f"[{n}/8] row {n + 1}: {out / f'client-{n:02d}.pdf'}" for n in range(1, 9)
    ]
    assert re.fullmatch(rf"Printed 8 workbooks in [\d.]+ s, into {re.escape(str(out))}", err[8])
