"""Printing many workbooks at once, from a roster, for a facility.

A roster is a CSV file (UTF-8, as spreadsheet programs save it) with a header
row. Columns, all optional but one of `name` or `plan` per row:

- ``plan``: a plan file (relative to the roster) -> that client's workbook;
- ``name``: a preferred name or initials -> the blank workbook with that name
  on the cover (or the name printed on the client's plan when both are
  given: the plan wins);
- ``paper`` (letter / a4), ``large_print`` (yes / no), ``language`` (en / es):
  per-row overrides (a flag on the command line overrides them all);
- ``file``: the output file name (default: from the name, else the row number).

The whole roster is checked before anything is written; each workbook is
written atomically, so an interrupted batch leaves only complete files.
The roster streams: each row's plan is checked and then dropped (its job
keeps the file's name and a digest of what was checked), and the worker
that prints it reads it again, so the batch's memory does not grow with
the roster. A plan file changed in between is not printed (the row says so).

The engine (`run_jobs`) is shared by the command line and the desktop: it
reports each finished row to a callback, in roster order, and stops within
a second when its cancel event is set.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import gc
import hashlib
import io
import os
import pickle
import re
import signal
import sys
import threading
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TypeAlias

from .facility import Facility
from .options import BuildResult, RenderOptions, Which
from .output.writer import (
    OutputError,
    OutputExists,
    Resolutions,
    Resolve,
    check_output,
    facility_files,
    write_output,
)
from .plan import Paper, Plan, PlanFileError
from .plan.io import plan_from_file_bytes, read_input_bytes, read_plan_bytes, shown
from .text.i18n import _, languages

COLUMNS = {"name", "plan", "paper", "large_print", "language", "file"}
_YES = {"yes", "y", "true", "1", "x"}
_NO = {"no", "n", "false", "0", ""}


class RosterError(PlanFileError):
    """The roster cannot be used; the message names the row and column."""


@dataclass(frozen=True)
class PlanFile:
    """A roster row's plan: checked when the roster was read, read again to print.

    Only the file's name and a digest of the bytes that were checked are
    kept, not the plan: a roster of a thousand rows costs no more memory
    than one of ten.
    """

    path: Path
    digest: bytes

    @classmethod
    def check(cls, path: Path) -> tuple[PlanFile, Plan]:
        """Read and validate the plan file; the plan is for the caller to drop."""
        raw = read_plan_bytes(path)
        return cls(path, _digest(raw)), plan_from_file_bytes(raw, path)

    def load(self) -> Plan:
        """The plan, as it was checked; `PlanFileError` if the file changed since."""
        raw = read_plan_bytes(self.path)
        if _digest(raw) != self.digest:
            # What was checked (its output name, paper, language) is no longer
            # what the file holds: printing it anyway could print the wrong plan.
            raise PlanFileError(_(
                "{path}: the plan file changed after the roster was checked; print this row again"
            ).format(path=shown(self.path)))
        return plan_from_file_bytes(raw, self.path)


def _digest(raw: bytes) -> bytes:
    return hashlib.sha256(raw).digest()


@dataclass(frozen=True)
class Job:
    """One document to print.

    `row` says where it came from, for messages: the roster's row number, or
    the copy or list position for a batch made in the desktop. `plan` None
    prints the blank (with `options.cover_name` on a workbook's cover); a
    `PlanFile` is read again by the worker that prints it.
    """

    row: int
    plan: Plan | PlanFile | None
    options: RenderOptions
    output: Path
    which: Which = "workbook"
    # The files this document was made from, which its output must not replace.
    inputs: tuple[Path, ...] = ()
    overwrite: bool = False


def slug(text: str) -> str:
    """A file-name-safe form of a name: letters, digits and dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()[:60]


def _flag(value: str, where: str) -> bool | None:
    value = value.strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return None if value == "" else False
    # The cell's text is not repeated: a roster holds health information.
    raise RosterError(_("{where}, column large_print: write yes or no").format(where=where))


# A roster is a list of names and file names; anything this big is a mistake.
MAX_ROSTER_BYTES = 16 * 2**20
MAX_NAME = 200


def _roster_text(roster: Path) -> str:
    try:
        raw = read_input_bytes(roster, what="roster", limit=MAX_ROSTER_BYTES)
    except PlanFileError as error:
        raise RosterError(str(error)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RosterError(
            _("{roster}: not a UTF-8 text file (save it as CSV UTF-8)").format(roster=shown(roster))
        ) from None
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise RosterError(
            _(
                "{roster}: line {line}: holds a NUL character (is it a spreadsheet file rather "
                "than CSV?)"
            ).format(roster=shown(roster), line=line)
        )
    return text


def _csv_problem(error: csv.Error) -> str:
    text = str(error)
    if "unexpected end of data" in text or "expected after" in text:
        return 'a quoted cell is not closed (a " is missing) or has text after its closing "'
    if "field larger than field limit" in text:
        return "a cell is too long"
    return "cannot be read as CSV"


def _csv_rows(roster: Path, text: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number, cells by lower-case column) for each record after the header.

    Strict: a quote left open would otherwise swallow the rows after it.
    A broken line is named by its line number in the file.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    line = 0
    try:
        header = [cell.strip().lower() for cell in next(reader, [])]
        number = 1
        while True:
            line = reader.line_num + 1
            cells = next(reader, None)
            if cells is None:
                return
            number += 1
            yield number, dict(zip(header, (cell.strip() for cell in cells), strict=False))
    except csv.Error as error:
        raise RosterError(_(
            "{roster}: line {line}: {csv_problem}"
        ).format(roster=shown(roster), line=line, csv_problem=_csv_problem(error))) from None


def _header(roster: Path, text: str) -> set[str]:
    try:
        first = next(csv.reader(io.StringIO(text, newline=""), strict=True), [])
    except csv.Error as error:
        raise RosterError(_(
            "{roster}: line 1: {csv_problem}"
        ).format(roster=shown(roster), csv_problem=_csv_problem(error))) from None
    return {cell.strip().lower() for cell in first}


def read_roster(
    roster: Path,
    out_dir: Path,
    *,
    facility: Facility | None,
    paper: Paper | None,
    large_print: bool,
    language: str | None = None,
    profile: Path | None = None,
    overwrite: bool = False,
) -> list[Job]:
    """Check the whole roster and turn it into jobs; raise on the first problem.

    `paper` and `large_print` are the command line's flags: they beat a row's
    own column, which beats the plan's choice, which beats the facility's default.
    Messages name the roster, the row and the column, never what a cell holds.
    """
    text = _roster_text(roster)
    header = _header(roster, text)
    if not header & {"name", "plan"}:
        raise RosterError(_(
            "{roster}: the header row needs a 'name' or a 'plan' column"
        ).format(roster=shown(roster)))
    unknown = sorted(header - COLUMNS - {""})
    if unknown:
        known = ", ".join(sorted(COLUMNS))
        raise RosterError(
            _(
                "{roster}: unknown column '{unknown}' (known: {known})"
            ).format(roster=shown(roster), unknown=shown(unknown[0], 40), known=known)
        )

    jobs: list[Job] = []
    namer = FileNamer(out_dir)
    for number, row in _csv_rows(roster, text):
        where = f"{shown(roster)}: row {number}"
        name, plan_cell = row.get("name", ""), row.get("plan", "")
        if not name and not plan_cell:
            if any(row.values()):
                raise RosterError(_("{where}: needs a name or a plan").format(where=where))
            continue
        if len(name) > MAX_NAME:
            raise RosterError(
                _(
                    "{where}, column name: the name is {count:,} characters long; a name or "
                    "initials can be at most {MAX_NAME}"
                ).format(where=where, count=len(name), MAX_NAME=MAX_NAME)
            )
        row_paper = paper
        if row_paper is None and row.get("paper"):
            try:
                row_paper = Paper(row["paper"].lower())
            except ValueError:
                raise RosterError(_(
                    "{where}, column paper: write letter or a4"
                ).format(where=where)) from None
        row_large = _flag(row.get("large_print", ""), where)
        row_large = True if large_print else row_large
        row_language = language or row.get("language", "").lower() or None
        if row_language is not None and row_language not in languages():
            raise RosterError(
                _(
                    "{where}, column language: write one of {items}"
                ).format(where=where, items=', '.join(languages()))
            )
        plan_file: PlanFile | None = None
        inputs = (roster, *facility_files(profile, facility))
        if plan_cell:
            plan_path = Path(plan_cell)
            plan_path = plan_path if plan_path.is_absolute() else roster.parent / plan_path
            try:
                plan_file, plan = PlanFile.check(plan_path)
            except PlanFileError as error:
                raise RosterError(_(
                    "{where}, column plan: {error}"
                ).format(where=where, error=error)) from None
            inputs = (*inputs, plan_path)
            options = RenderOptions.for_plan(
                plan, paper=row_paper, large_print=row_large, facility=facility,
                language=row_language,
            )
            # Everything the job needs from the plan is decided now; the plan
            # itself is dropped here and read again by the worker.
            stem_name = name or plan.display_name()
            del plan
        else:
            # A name alone: the blank workbook, with the name on its cover.
            options = RenderOptions.for_blank(
                paper=row_paper, large_print=row_large, facility=facility, cover_name=name,
                language=row_language,
            )
            stem_name = name
        stem = slug(row.get("file", "").removesuffix(".pdf")) or slug(stem_name)
        output = namer.take(stem or f"workbook-{number - 1:03d}")
        jobs.append(Job(number, plan_file, options, output, inputs=inputs, overwrite=overwrite))
    if not jobs:
        raise RosterError(_("{roster}: no rows to print").format(roster=shown(roster)))
    return jobs


def existing_outputs(jobs: Sequence[Job], roster: Path | None = None) -> list[Job]:
    """Check every output before the first is written; return the jobs whose file exists.

    Any other problem (a folder where a workbook should go, a name that is
    an input, a device) is raised as a `RosterError` naming the row.
    """
    existing: list[Job] = []
    resolve = Resolutions()
    for job in jobs:
        try:
            check_output(job.output, inputs=job.inputs, overwrite=job.overwrite, resolve=resolve)
        except OutputExists:
            existing.append(job)
        except OutputError as error:
            where = f"{shown(roster)}: row {job.row}" if roster is not None else f"row {job.row}"
            raise RosterError(f"{where}: {error}") from None
    return existing


class FileNamer:
    """Distinct output file names in one folder: `sam.pdf`, `sam-2.pdf`..."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._used: set[str] = set()

    def take(self, stem: str, suffix: str = ".pdf") -> Path:
        candidate, n = stem, 2
        while candidate in self._used:
            candidate, n = f"{stem}-{n}", n + 1
        self._used.add(candidate)
        return self.folder / f"{candidate}{suffix}"


# What a blank copy's file is called, by what it holds.
BLANK_STEMS: dict[Which, str] = {
    "workbook": "blank-workbook",
    "contact": "blank-contact-cards",
    "wallet": "blank-wallet-card",
}


def blank_jobs(which: Which, copies: int, options: RenderOptions, folder: Path) -> list[Job]:
    """`copies` blank copies of the workbook, the contact-card sheet or the wallet card."""
    stem = BLANK_STEMS[which]
    return [Job(n, None, options, folder / f"{stem}-{n:03d}.pdf", which)
            for n in range(1, copies + 1)]


def plan_jobs(plans: Sequence[tuple[Plan, RenderOptions]], folder: Path) -> list[Job]:
    """One workbook per plan (clients chosen in the library), named after the client."""
    namer = FileNamer(folder)
    return [
        Job(n, plan, options, namer.take(slug(plan.display_name()) or f"client-{n:03d}"))
        for n, (plan, options) in enumerate(plans, start=1)
    ]


# -- the engine: build in worker processes, deliver in roster order -----------------


@dataclass(frozen=True)
class RowDone:
    """One finished row: what was printed, or the one-line reason it was not.

    `index` is the row's place in the batch (0-based, roster order). `error`
    never holds plan text: a build failure is named by its kind only.
    """

    index: int
    job: Job
    pages: int = 0
    notes: tuple[str, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class Summary:
    total: int
    printed: int
    failed: int
    cancelled: bool
    seconds: float


# Gets each finished document (in roster order, on the thread running the
# batch); the default writes it to the job's output file.
Deliver = Callable[[Job, BuildResult], None]
OnRow = Callable[[RowDone], None]

_Results: TypeAlias = Generator[BuildResult | str, None, None]

# How often the engine looks at the cancel event while a build runs.
_POLL_S = 0.1


def write_job(job: Job, result: BuildResult, resolve: Resolve | None = None) -> None:
    """Write a finished document to its job's file; `resolve` is the batch's `Resolutions`."""
    write_output(job.output, result.pdf, inputs=job.inputs, overwrite=job.overwrite,
                 resolve=resolve or Resolutions())


def build_job(job: Job) -> BuildResult | str:
    """Build one document; a failure comes back as a one-line reason (no plan text)."""
    from .pdf import build_pdf

    try:
        plan = job.plan.load() if isinstance(job.plan, PlanFile) else job.plan
        return build_pdf(plan, job.options, job.which)
    except PlanFileError as error:  # the plan file changed; the facility's logo went missing
        return str(error)
    except Exception as error:  # a renderer bug: name its kind, never the data
        return f"could not be built ({type(error).__name__})"


def _serve(conn: Connection, siblings: Sequence[Connection] = ()) -> None:
    """A worker process: build each job it is sent and send the result back.

    Ctrl-C reaches the whole process group: the parent decides, the workers
    stay quiet. A worker never writes a file, so stopping one (SIGTERM) at
    any moment leaves nothing behind; when the parent is gone its pipe
    closes and the worker leaves without a word.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker starts with the parent's handler, which would only ask
    # a batch to stop: here SIGTERM ends the process, as in a spawned one.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _unblock_stop_signals()  # blocked by the parent while it started this process
    for other in siblings:
        # A forked worker holds copies of the parent's ends of the workers'
        # pipes started before it; they would keep those pipes open after
        # the parent is gone, and their workers waiting for ever.
        other.close()
    from . import pdf  # noqa: F401  (load ReportLab and the fonts once, up front)

    # Out of the collector's sight: what was loaded (a spawned worker) or
    # inherited (a forked one) stays for the worker's life, so the collections
    # between builds (during one it is paused, see pdf/collector.py) do not
    # walk it again.
    gc.freeze()
    with contextlib.suppress(EOFError, OSError, KeyboardInterrupt):
        while True:
            job = conn.recv()
            conn.send(build_job(job))


_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _stop_signals_blocked() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no fork, nothing to guard
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _unblock_stop_signals() -> None:
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


def _start_method() -> str:
    """How to start the workers: "fork" where it is safe, else "spawn".

    A forked worker starts with what this process has loaded instead of
    loading it again: the plan models, and, when `run_jobs` starts the
    workers itself, ReportLab, the fonts and the templates too (the command
    line starts them earlier, see `Workers`). Forking
    is only safe on Linux and from a process with a single thread: with
    others (the desktop's Qt threads, its batch thread) the child could wait
    for ever on a lock that a thread it did not inherit was holding. macOS
    (whose system libraries refuse to be forked) and Windows always spawn.
    """
    if sys.platform != "linux":
        return "spawn"
    try:
        threads = len(os.listdir("/proc/self/task"))  # every thread, C ones too
    except OSError:
        return "spawn"
    return "fork" if threads == 1 else "spawn"


def _warm_up(job: Job) -> None:
    """Load and warm the renderer here, once, before the workers are forked.

    A blank document is built: the caches the workers inherit hold no
    client's data. The import heap is then frozen out of the garbage
    collector's sight, so the workers neither walk it again nor copy its
    pages by touching them.
    """
    from .pdf import build_pdf

    options = RenderOptions(
        paper=job.options.paper, large_print=job.options.large_print,
        language=job.options.language,
    )
    # Only a warm-up: a real problem is reported by the row that meets it.
    with contextlib.suppress(Exception):
        build_pdf(None, options, job.which)


class _Worker:
    """One worker process and its pipe, holding at most `_DEPTH` jobs."""

    def __init__(self, method: str, siblings: Sequence[_Worker] = ()) -> None:
        # A spawned worker starts clean: no inherited ReportLab, font or Qt state.
        context = get_context("fork") if method == "fork" else get_context("spawn")
        self.conn, child = context.Pipe()
        args: tuple[object, ...] = (child,)
        if method == "fork":
            args = (child, tuple(worker.conn for worker in siblings))
        self.process = context.Process(target=_serve, args=args, daemon=True)
        # Until the worker has its own handlers, a signal would run the
        # parent's (Ctrl-C's "stop the batch") in it: it waits, blocked.
        with _stop_signals_blocked():
            self.process.start()
        child.close()
        self.given: deque[int] = deque()  # its jobs, the one it is building first
        _live_workers.add(self.process)

    def give(self, index: int, job: bytes) -> bool:
        """Send a job; False if the worker is gone (its pipe is closed)."""
        try:
            self.conn.send_bytes(job)
        except OSError:
            return False
        self.given.append(index)
        return True

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            self.process.terminate()
        self.conn.close()

    def reap(self) -> None:
        self.process.join(timeout=1.0)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=1.0)
        _live_workers.discard(self.process)


# Worker processes of this process, for `kill_workers`.
_live_workers: set[BaseProcess] = set()


def kill_workers() -> None:
    """Stop every worker at once (before the process leaves in a hurry)."""
    for process in list(_live_workers):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()


def _in_process(jobs: Sequence[Job], cancel: threading.Event) -> _Results:
    for job in jobs:
        if cancel.is_set():
            return
        yield build_job(job)


class Workers:
    """Worker processes started before the roster is read, for `run_jobs`.

    The command line starts them first thing: while this process reads and
    checks the roster (a plan at a time, every output file), they load the
    renderer, on the other cores. Forked this early they inherit only the
    plan models, not ReportLab; each loads its own, in parallel, instead of
    this process loading and warming it for them one core at a time (a
    quarter of a second before the first workbook of a batch). `close` stops
    them; one whose pipe is closed leaves on its own.
    """

    def __init__(self, processes: int) -> None:
        self.method = _start_method()
        self.workers = _start_workers(processes, self.method)

    def take(self, processes: int) -> list[_Worker]:
        """`processes` of the workers for a batch; the rest (a short roster) are stopped."""
        spare = self.workers[processes:]
        self.workers = self.workers[:processes]
        _stop_all(spare)
        return self.workers

    def close(self) -> None:
        _stop_all(self.workers)
        self.workers = []


def _stop_all(workers: Sequence[_Worker]) -> None:
    for worker in workers:
        worker.stop()
    for worker in workers:
        worker.reap()


def _start_workers(processes: int, method: str) -> list[_Worker]:
    workers: list[_Worker] = []
    frozen = method == "fork"
    if frozen:
        gc.freeze()  # the workers inherit the frozen heap; this process unfreezes it below
    try:
        for _ in range(processes):
            workers.append(_Worker(method, workers))
    finally:
        if frozen:
            gc.unfreeze()
    return workers


# A worker holds the job it builds and the next one, so that it goes on
# building while this process writes a file (and waits for the disk).
_DEPTH = 2
# The next job waits in a worker's pipe only when it is this small: the pipe
# always has room for it then, so this process never blocks sending it while
# the worker blocks sending a result. (A roster's job names its plan file; a
# job from the desktop's library carries the whole plan and waits its turn.)
_QUEUED_JOB_BYTES = 16 * 1024


class _Backlog:
    """The jobs not yet given to a worker, in roster order, each pickled once."""

    def __init__(self, jobs: Sequence[Job]) -> None:
        self.jobs = jobs
        self._upcoming = iter(range(len(jobs)))
        self._front: deque[tuple[int, bytes]] = deque()
        self.left = len(jobs)

    def peek(self) -> tuple[int, bytes] | None:
        if not self._front:
            index = next(self._upcoming, None)
            if index is None:
                return None
            self._front.append((index, pickle.dumps(self.jobs[index], pickle.HIGHEST_PROTOCOL)))
        return self._front[0]

    def take(self) -> tuple[int, bytes]:
        self.left -= 1
        return self._front.popleft()

    def put_back(self, indices: Sequence[int]) -> None:
        """Jobs a stopped worker held but had not started: they go first."""
        for index in reversed(indices):
            self._front.appendleft((index, pickle.dumps(self.jobs[index],
                                                        pickle.HIGHEST_PROTOCOL)))
            self.left += 1


def _feed(worker: _Worker, backlog: _Backlog, depth: int, workers: int) -> bool:
    """Give the worker jobs up to `depth`; False if it turned out to be gone."""
    while len(worker.given) < depth and (item := backlog.peek()) is not None:
        if worker.given and (len(item[1]) > _QUEUED_JOB_BYTES or backlog.left < workers):
            # Too big to wait in the pipe, or the last few: each to an idle
            # worker, so that none is left with two while another has none.
            return True
        if not worker.give(*item):
            return False
        backlog.take()
    return True


def _in_workers(jobs: Sequence[Job], processes: int, cancel: threading.Event,
                started: Workers | None = None) -> _Results:
    """Build in worker processes; yield the results in roster order.

    Each worker has its own pipe, so no lock is shared between processes:
    stopping a worker can never leave another one, or this process, waiting
    on a lock the stopped one held. A worker is given its next job as soon
    as its result is in, before this process writes anything, and holds one
    more besides: the workers build while this process writes.
    """
    workers: list[_Worker] = []
    try:
        if started is not None:
            workers = started.take(processes)
        else:
            method = _start_method()
            if method == "fork" and jobs:
                _warm_up(jobs[0])
            workers = _start_workers(processes, method)
        backlog = _Backlog(jobs)

        def replace(worker: _Worker) -> None:
            # Killed from outside (out of memory?): a fresh worker takes its
            # place and the jobs it had not started.
            backlog.put_back(worker.given)
            worker.stop()
            worker.reap()
            others = [other for other in workers if other is not worker]
            workers[workers.index(worker)] = _Worker(_start_method(), others)

        def feed(worker: _Worker, depth: int) -> None:
            if not _feed(worker, backlog, depth, len(workers)):
                replace(worker)

        finished: dict[int, BuildResult | str] = {}
        for next_index in range(len(jobs)):
            while next_index not in finished:
                if cancel.is_set():
                    return
                for depth in range(1, _DEPTH + 1):  # every worker one job before any two
                    for worker in list(workers):
                        feed(worker, depth)
                busy = [worker for worker in workers if worker.given]
                ready = wait([worker.conn for worker in busy], timeout=_POLL_S)
                for worker in busy:
                    if worker.conn not in ready:
                        continue
                    index = worker.given.popleft()
                    try:
                        result: BuildResult | str = worker.conn.recv()
                    except (EOFError, OSError):
                        finished[index] = "could not be built (the worker stopped)"
                        replace(worker)
                        continue
                    finished[index] = result
                    if not cancel.is_set():
                        feed(worker, _DEPTH)
            yield finished.pop(next_index)
    finally:
        _stop_all(workers)


def run_jobs(
    jobs: Sequence[Job],
    *,
    processes: int = 0,
    on_row: OnRow | None = None,
    cancel: threading.Event | None = None,
    deliver: Deliver | None = None,
    workers: Workers | None = None,
) -> Summary:
    """Build every job and hand each document to `deliver`, in roster order.

    `processes` 0 builds in this process; more builds in that many worker
    processes (the desktop always uses at least one, so the window never
    waits on ReportLab). `on_row` hears of each row as it is delivered, in
    order; a row that fails is reported and the others go on. Setting
    `cancel` stops the batch within a second: rows not yet delivered are
    never written, and every file already written is whole. `workers`, if
    given, were started ahead (see `Workers`); the caller closes them.
    """
    cancel = cancel or threading.Event()
    if deliver is None:  # write each to its job's file, the rows sharing one `Resolutions`
        deliver = functools.partial(write_job, resolve=Resolutions())
    started = time.monotonic()
    printed = failed = 0
    results = (
        _in_workers(jobs, processes, cancel, workers) if processes > 0
        else _in_process(jobs, cancel)
    )
    try:
        for index, result in enumerate(results):
            job = jobs[index]
            if isinstance(result, str):
                done = RowDone(index, job, error=result)
            else:
                try:
                    deliver(job, result)
                except OSError as error:
                    reason = error.strerror or type(error).__name__
                    done = RowDone(index, job, error=f"{job.output}: cannot be written ({reason})")
                except (OutputError, PlanFileError) as error:
                    done = RowDone(index, job, error=str(error))
                else:
                    notes = tuple(note.message() for note in result.overflow)
                    done = RowDone(index, job, result.page_count, notes)
            if done.ok:
                printed += 1
            else:
                failed += 1
            if on_row is not None:
                on_row(done)
            if cancel.is_set():
                break
    finally:
        results.close()
    return Summary(
        total=len(jobs),
        printed=printed,
        failed=failed,
        cancelled=cancel.is_set() and printed + failed < len(jobs),
        seconds=time.monotonic() - started,
    )
