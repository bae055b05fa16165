"""Batch printing from a roster: checked first, then every workbook written whole."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import pytest
from clients import someones_plan
from pypdf import PdfReader

from workbook.batch import Job, RosterError, RowDone, read_roster, run_jobs, slug
from workbook.cli.main import main
from workbook.example import example_plan
from workbook.output.writer import save_plan
from workbook.plan import Paper


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
        ("name,paper\nA,legal\n", "row 2, column paper: write letter or a4"),
        ("name,large_print\nA,maybe\n", "row 2, column large_print: write yes or no"),
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


# -- a name alone prints the blank workbook with that name -------------------------


def test_a_name_only_row_prints_the_blank_workbook_with_the_name(tmp_path: Path) -> None:
    from workbook.options import RenderOptions
    from workbook.pdf import build_workbook

    roster = tmp_path / "roster.csv"
    roster.write_text("name\nLan Nguyễn\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(roster), "-o", str(out), "--jobs", "1"]) == 0
    data = (out / "lan-nguyen.pdf").read_bytes()
    blank = build_workbook(None, RenderOptions())
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) == len(PdfReader(io.BytesIO(blank.pdf)).pages)
    text = pdf_text(data)
    assert "You have not chosen a pathway yet" not in text
    cover = pages[0].extract_text()
    assert "Lan Nguyễn" in cover
    assert "Name or initials" not in cover


# -- precedence: flag > plan > facility -----------------------------------------------


def test_the_plans_paper_beats_the_facilitys(tmp_path: Path) -> None:
    save_plan(example_plan(), tmp_path / "jordan.json")  # chooses Letter
    facility = tmp_path / "facility.toml"
    facility.write_text('name = "Harbor Light"\npaper = "a4"\n', encoding="utf-8")
    roster = tmp_path / "roster.csv"
    roster.write_text("plan,name\njordan.json,\n,Sam\n", encoding="utf-8")
    from workbook.facility import load_facility

    jobs = read_roster(roster, tmp_path, facility=load_facility(facility), paper=None,
                       large_print=False)
    assert [job.options.paper for job in jobs] == [Paper.LETTER, Paper.A4]
    flagged = read_roster(roster, tmp_path, facility=load_facility(facility),
                          paper=Paper.A4, large_print=True)
    assert all(job.options.paper is Paper.A4 and job.options.large_print for job in flagged)


# -- the engine: roster order, errors per row, cancel --------------------------------


def _blank_jobs(folder: Path, count: int) -> list[Job]:
    from workbook.options import RenderOptions

    return [Job(n, None, RenderOptions(), folder / f"copy-{n:02d}.pdf", "wallet")
            for n in range(1, count + 1)]


def test_rows_are_reported_in_roster_order_and_a_bad_row_does_not_stop_the_rest(
    tmp_path: Path,
) -> None:
    jobs = _blank_jobs(tmp_path, 6)
    (tmp_path / "copy-03.pdf").mkdir()  # this row cannot be written
    seen: list[RowDone] = []
    summary = run_jobs(jobs, processes=2, on_row=seen.append)
    assert [done.job.row for done in seen] == [1, 2, 3, 4, 5, 6]
    assert [done.ok for done in seen] == [True, True, False, True, True, True]
    assert seen[2].error is not None and "copy-03.pdf" in seen[2].error
    assert (summary.printed, summary.failed, summary.cancelled) == (5, 1, False)
    assert sorted(p.name for p in tmp_path.glob("*.pdf") if p.is_file()) == [
        "copy-01.pdf", "copy-02.pdf", "copy-04.pdf", "copy-05.pdf", "copy-06.pdf"]


def test_cancel_stops_the_batch_and_leaves_only_whole_files(tmp_path: Path) -> None:
    jobs = _blank_jobs(tmp_path, 40)
    cancel = threading.Event()
    seen: list[RowDone] = []
    stopped_at: list[float] = []

    def on_row(done: RowDone) -> None:
        seen.append(done)
        if len(seen) == 3:
            cancel.set()
            stopped_at.append(time.monotonic())

    summary = run_jobs(jobs, processes=2, on_row=on_row, cancel=cancel)
    assert summary.cancelled
    assert summary.printed == len(seen) == 3
    assert time.monotonic() - stopped_at[0] < 1.0
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["copy-01.pdf", "copy-02.pdf", "copy-03.pdf"]  # no partial or extra files
    for name in left:
        assert PdfReader(tmp_path / name).pages


def test_a_build_failure_is_named_by_kind_only(tmp_path: Path) -> None:
    from workbook.facility import Facility
    from workbook.options import RenderOptions

    broken = tmp_path / "logo.png"
    broken.write_bytes(b"not an image")
    options = RenderOptions(facility=Facility(name="X", logo=broken))
    jobs = [Job(2, example_plan(), options, tmp_path / "a.pdf")]
    seen: list[RowDone] = []
    summary = run_jobs(jobs, on_row=seen.append)
    assert summary.failed == 1
    assert seen[0].error is not None and "logo" in seen[0].error
    assert "Jordan" not in seen[0].error
    assert not (tmp_path / "a.pdf").exists()


def test_a_roster_column_chooses_the_language_and_the_flag_beats_it(tmp_path: Path) -> None:
    from workbook.plan import plan_to_json

    (tmp_path / "es.json").write_text(plan_to_json(example_plan("es")), encoding="utf-8")
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "name,plan,language\nAna,,es\nBen,,\n,es.json,en\n,es.json,\n", encoding="utf-8"
    )
    jobs = read_roster(roster, tmp_path / "out", facility=None, paper=None, large_print=False)
    assert [job.options.language for job in jobs] == ["es", "en", "en", "es"]
    flagged = read_roster(roster, tmp_path / "out", facility=None, paper=None,
                          large_print=False, language="es")
    assert {job.options.language for job in flagged} == {"es"}
    roster.write_text("name,language\nAna,fr\n", encoding="utf-8")
    with pytest.raises(RosterError, match="column language"):
        read_roster(roster, tmp_path / "out", facility=None, paper=None, large_print=False)


# -- the roster streams: plans are checked, dropped, and read again to print ----------


def _plan_file(folder: Path, stem: str, name: str, marker: str, phone_block: int) -> Path:
    """The example plan made someone else's (see `clients.someones_plan`), as a file."""
    path = folder / f"{stem}.json"
    path.write_text(someones_plan(name, marker, phone_block), encoding="utf-8")
    return path


def test_a_roster_job_keeps_the_plans_file_not_the_plan(tmp_path: Path) -> None:
    from workbook.batch import PlanFile

    _plan_file(tmp_path, "a", "Avery Q.", "Zephyrine", 1)
    roster = tmp_path / "roster.csv"
    roster.write_text("plan,name\na.json,\n,Sam\n", encoding="utf-8")
    jobs = read_roster(roster, tmp_path / "out", facility=None, paper=None, large_print=False)
    # The parent's memory does not grow with the roster: no job holds a plan.
    assert isinstance(jobs[0].plan, PlanFile)
    assert jobs[0].plan.path == tmp_path / "a.json"
    assert jobs[0].output.name == "avery-q.pdf"
    assert jobs[1].plan is None


def test_a_plan_file_changed_after_the_roster_was_checked_is_not_printed(
    tmp_path: Path,
) -> None:
    path = _plan_file(tmp_path, "a", "Avery Q.", "Zephyrine", 1)
    _plan_file(tmp_path, "b", "Blake M.", "Quorvath", 2)
    roster = tmp_path / "roster.csv"
    roster.write_text("plan\na.json\nb.json\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    jobs = read_roster(roster, out, facility=None, paper=None, large_print=False)
    # Someone saves the plan between the check and the print.
    path.write_text(path.read_text(encoding="utf-8").replace("Avery Q.", "Avery Quinn"),
                    encoding="utf-8")
    seen: list[RowDone] = []
    summary = run_jobs(jobs, processes=2, on_row=seen.append)
    assert (summary.printed, summary.failed) == (1, 1)
    assert seen[0].error is not None
    assert "a.json: the plan file changed after the roster was checked" in seen[0].error
    assert "Avery" not in seen[0].error
    assert sorted(p.name for p in out.iterdir()) == ["blake-m.pdf"]


@pytest.mark.slow
def test_each_workbook_of_a_batch_holds_only_its_own_clients_data(tmp_path: Path) -> None:
    """Two clients, printed alternately by two workers: no word crosses over."""
    import subprocess
    import sys

    clients = {
        "avery": ("Avery Q.", "Zephyrine", "(503) 555-1"),
        "blake": ("Blake M.", "Quorvath", "(503) 555-2"),
    }
    _plan_file(tmp_path, "avery", "Avery Q.", "Zephyrine", 1)
    _plan_file(tmp_path, "blake", "Blake M.", "Quorvath", 2)
    order = ["avery", "blake", "blake", "avery", "avery", "blake"]
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "plan,file\n" + "".join(f"{who}.json,{who}-{n}\n" for n, who in enumerate(order)),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    # The real command, as a facility runs it: two workers, each building both clients.
    done = subprocess.run(
        [sys.executable, "-m", "workbook", "batch", str(roster), "-o", str(out), "--jobs", "2"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr
    for n, who in enumerate(order):
        text = " ".join(pdf_text((out / f"{who}-{n}.pdf").read_bytes()).split())
        for other, (name, marker, phones) in clients.items():
            present = [name in text, f"{marker} Friend0" in text, f"{phones}000" in text,
                       f"Finished the {marker} program" in text]
            assert present == [other == who] * 4, (who, n, other, present)


def test_workers_are_forked_only_from_a_single_threaded_process_on_linux(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from workbook.batch import _start_method

    if sys.platform != "linux":
        assert _start_method() == "spawn"
        return
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        # The desktop runs a batch from a thread of its own, beside Qt's.
        assert _start_method() == "spawn"
    finally:
        release.set()
        other.join()
    monkeypatch.setattr(sys, "platform", "darwin")
    assert _start_method() == "spawn"


def test_a_worker_killed_from_outside_fails_one_row_and_the_rest_are_printed(
    tmp_path: Path,
) -> None:
    from workbook import batch

    jobs = _blank_jobs(tmp_path, 10)
    seen: list[RowDone] = []

    def on_row(done: RowDone) -> None:
        seen.append(done)
        if len(seen) == 2:  # the out-of-memory killer picks a worker
            next(iter(batch._live_workers)).kill()

    summary = run_jobs(jobs, processes=2, on_row=on_row)
    assert [done.job.row for done in seen] == list(range(1, 11))
    failed = [done for done in seen if not done.ok]
    # At most the row it was building; the one it held next went to another worker.
    assert len(failed) <= 1
    assert all(done.error == "could not be built (the worker stopped)" for done in failed)
    assert summary.printed == 10 - len(failed)
    assert len(list(tmp_path.glob("*.pdf"))) == summary.printed
    assert not batch._live_workers
