"""`recovery-workbook batch` as a facility and a careless user run it.

Stopped with Ctrl-C or SIGTERM it stops, leaves only whole workbooks and says
how many; a workbook already in the folder is never replaced without
--overwrite; a broken roster is refused naming the line, row and column,
never repeating what a cell holds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from workbook.cli.main import main


def roster_of(folder: Path, rows: int, header: str = "name") -> Path:
    roster = folder / "roster.csv"
    names = "\n".join(f"Client {n}" for n in range(1, rows + 1))
    roster.write_text(f"{header}\n{names}\n", encoding="utf-8")
    return roster


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


# -- 3. Ctrl-C and SIGTERM ---------------------------------------------------------------


def _start_batch(tmp_path: Path, rows: int) -> tuple[subprocess.Popen[str], Path]:
    roster = roster_of(tmp_path, rows)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "workbook", "batch", str(roster), "-o", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 120
    while not (out.is_dir() and any(p.suffix == ".pdf" for p in out.iterdir())):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "no workbook was printed"
        time.sleep(0.05)
    return process, out


def _check_stopped(process: subprocess.Popen[str], out: Path, status: int) -> str:
    # Generous: this is about never hanging, not about speed (see benchmarks/).
    _, err = process.communicate(timeout=30)
    assert process.returncode == status, err
    files = sorted(out.iterdir())
    assert files and all(p.suffix == ".pdf" and not p.name.startswith(".") for p in files), files
    for path in files:
        assert PdfReader(path).pages  # whole, readable workbooks only
    return err


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_stops_the_batch_and_says_how_many_were_printed(
    tmp_path: Path, signum: int
) -> None:
    process, out = _start_batch(tmp_path, 2000)
    process.send_signal(signum)
    err = _check_stopped(process, out, 128 + signum)
    count = len(list(out.iterdir()))
    assert count < 2000
    last = err.strip().splitlines()[-1]
    assert f"Printed {count} workbook" in last
    assert "not started (stopped)" in last
    assert str(out) in last


@pytest.mark.slow
def test_a_second_ctrl_c_leaves_at_once(tmp_path: Path) -> None:
    process, out = _start_batch(tmp_path, 2000)
    process.send_signal(signal.SIGINT)
    process.send_signal(signal.SIGINT)
    _check_stopped(process, out, 128 + signal.SIGINT)


# -- 4. what is in the folder already --------------------------------------------------


def test_an_existing_workbook_is_not_replaced_and_nothing_is_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = roster_of(tmp_path, 6)
    out = tmp_path / "out"
    out.mkdir()
    (out / "client-5.pdf").write_bytes(b"last week's workbook")
    assert main(["batch", str(roster), "-o", str(out), "--jobs", "1"]) == 1
    message = one_line(capsys.readouterr().err)
    assert "client-5.pdf already exists (row 6 of roster.csv)" in message
    assert "--overwrite" in message
    assert sorted(p.name for p in out.iterdir()) == ["client-5.pdf"]
    assert (out / "client-5.pdf").read_bytes() == b"last week's workbook"

    assert main(["batch", str(roster), "-o", str(out), "--jobs", "1", "--overwrite"]) == 0
    assert len(list(out.iterdir())) == 6
    assert (out / "client-5.pdf").read_bytes().startswith(b"%PDF-")


def test_a_folder_where_a_workbook_goes_stops_the_batch_before_it_starts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = roster_of(tmp_path, 6)
    out = tmp_path / "out"
    (out / "client-2.pdf").mkdir(parents=True)
    assert main(["batch", str(roster), "-o", str(out), "--jobs", "2"]) == 1
    message = one_line(capsys.readouterr().err)
    assert message.startswith(f"recovery-workbook: {roster}: row 3: ")
    assert "client-2.pdf: is a folder" in message
    assert "unexpected" not in message
    assert [p.name for p in out.iterdir()] == ["client-2.pdf"]


def test_a_roster_that_names_itself_as_an_output_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "roster.pdf"
    roster.write_text("name,file\nA,roster.pdf\n", encoding="utf-8")
    before = roster.read_bytes()
    assert main(["batch", str(roster), "-o", str(tmp_path), "--overwrite"]) == 1
    assert "is an input" in one_line(capsys.readouterr().err)
    assert roster.read_bytes() == before


def test_a_row_that_fails_is_named_with_the_roster() -> None:
    import io

    from workbook.batch import Job, RowDone, Summary
    from workbook.cli.progress import BatchProgress
    from workbook.options import RenderOptions

    stream = io.StringIO()
    progress = BatchProgress(2, stream, roster="clients.csv")
    job = Job(3, None, RenderOptions(), Path("out/b.pdf"))
    progress.row(RowDone(0, Job(2, None, RenderOptions(), Path("out/a.pdf")), 30))
    progress.row(RowDone(1, job, error="out/b.pdf: the disk is full; nothing was written"))
    progress.finish(Summary(2, 1, 1, False, 1.0), Path("out"))
    lines = stream.getvalue().splitlines()
    assert lines[1] == (
        "clients.csv row 3: not printed: out/b.pdf: the disk is full; nothing was written"
    )
    assert lines[2].startswith("Printed 1 workbook, 1 failed")


# -- 9, 10. a broken roster ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("name,large_print\nA,yes\nJordan,Jordan has HIV\n",
         "roster.csv: row 3, column large_print: write yes or no"),
        ("name,paper\nA,Jordan has HIV\n", "roster.csv: row 2, column paper: write letter or a4"),
        ('name,plan\n"unterminated,\nBob,\n', "roster.csv: line 2: a quoted cell is not closed"),
        ('name\nAl\n"Bo"b\nCy\n', "roster.csv: line 3: a quoted cell is not closed"),
        ("name\nAl\x00\n", "roster.csv: line 2: holds a NUL character"),
        ("name\n" + "x" * 200_000 + "\n", "roster.csv: line 2: a cell is too long"),
        ("name\n" + "Jordan has HIV " * 8_000 + "\n",
         "roster.csv: row 2, column name: the name is 119,999 characters long"),
    ],
)
def test_a_broken_roster_is_named_without_repeating_its_cells(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(roster), "-o", str(out)]) == 1
    message = one_line(capsys.readouterr().err)
    assert expected in message
    assert "hiv" not in message.lower() and "xxxx" not in message
    assert len(message) < 300
    assert not out.exists()


@pytest.mark.parametrize("kind", ["fifo", "folder", "huge"])
def test_a_roster_that_is_not_a_file_is_refused_without_reading_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    roster = tmp_path / "roster.csv"
    if kind == "fifo":
        os.mkfifo(roster)  # nobody writes: reading it would wait for ever
    elif kind == "folder":
        roster.mkdir()
    else:
        with roster.open("wb") as handle:
            handle.truncate(64 * 2**20)
    assert main(["batch", str(roster), "-o", str(tmp_path / "out")]) == 1
    message = one_line(capsys.readouterr().err)
    assert {"fifo": "not a regular file", "folder": "is a folder",
            "huge": "larger than a roster can be"}[kind] in message


def _processes_naming(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if marker.encode() in cmdline:
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
@pytest.mark.parametrize("roster_text", ["name,colour\nSam,blue\n", "name\nSam\n"])
def test_the_workers_started_before_the_roster_is_read_never_outlive_the_batch(
    tmp_path: Path, roster_text: str
) -> None:
    """The workers start while the roster is still being checked: a refused roster
    (one line, nothing printed) or a finished batch leaves none of them running."""
    marker = f"roster-{os.getpid()}-{len(roster_text)}"
    roster = tmp_path / f"{marker}.csv"
    roster.write_text(roster_text, encoding="utf-8")
    out = tmp_path / "out"
    # Its output goes to a file, not a pipe: waiting on a pipe would wait for any
    # worker still holding it, and hide it.
    with (tmp_path / "stderr.txt").open("w") as stderr:
        code = subprocess.call(
            [sys.executable, "-m", "workbook", "batch", str(roster), "-o", str(out), "--jobs",
             "3"], stdout=subprocess.DEVNULL, stderr=stderr, timeout=120,
        )
    err = (tmp_path / "stderr.txt").read_text()
    if "colour" in roster_text:
        assert code == 1
        assert "unknown column 'colour'" in one_line(err)
        assert not out.exists()
    else:
        assert code == 0, err
        assert [p.name for p in out.iterdir()] == ["sam.pdf"]
    deadline = time.monotonic() + 2
    while _processes_naming(marker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _processes_naming(marker) == []
