"""`recovery-workbook batch`: many workbooks from a roster, stopped cleanly when asked.

Before anything is printed the whole roster is read and every output file
checked: a workbook already in the folder stops the batch unless
`--overwrite` is given, and so does a folder or a device where a workbook
should go. Each workbook is written whole (see `workbook.output.writer`).

Ctrl-C or SIGTERM stops the batch within a second: the workers are
terminated, nothing half-written is left, and the summary says how many
workbooks were finished and where. A second Ctrl-C leaves at once, still
removing any half-written file first.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any, NoReturn

from ..batch import (
    Job,
    RosterError,
    RowDone,
    Workers,
    existing_outputs,
    kill_workers,
    read_roster,
    run_jobs,
)
from ..facility import Facility, load_facility
from ..output.writer import abandon_parts, make_folder
from ..plan import Paper
from ..plan.io import shown
from ..text.i18n import _, ngettext
from .progress import BatchProgress
from .terminal import clean

PROG = "recovery-workbook"
_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class _Stopper:
    """The first SIGINT or SIGTERM asks the batch to stop; a second one leaves at once."""

    def __init__(self, cancel: threading.Event, out_dir: Path, *, process: bool) -> None:
        self.cancel = cancel
        self.out_dir = out_dir
        self.process = process
        self.signum = 0
        self.printed = 0
        self._previous: dict[int, Any] = {}

    def row(self, done: RowDone) -> None:
        if done.ok:
            self.printed += 1

    def __enter__(self) -> _Stopper:
        for signum in _STOP_SIGNALS:
            self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for signum, handler in self._previous.items():
            # The batch is over and its summary about to be printed: a signal
            # now ends the process at once, rather than with a traceback from
            # the interpreter's shutdown. (Called from a test, the old
            # handlers come back.)
            signal.signal(signum, _leave if self.process else handler)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if not self.cancel.is_set():
            self.signum = signum
            self.cancel.set()
            return
        # Asked twice: no waiting for anything. Workers never write files.
        kill_workers()
        abandon_parts()
        message = ngettext(
            "stopped at once: {count} workbook was finished, in {folder}",
            "stopped at once: {count} workbooks were finished, in {folder}",
            self.printed,
        ).format(count=self.printed, folder=shown(self.out_dir))
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(f"\n{clean(f'{PROG}: {message}')}\n")
            sys.stderr.flush()
        os._exit(128 + signum)


def _leave(signum: int, frame: FrameType | None) -> None:
    _leave_with(128 + signum)


def _leave_with(code: int) -> NoReturn:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def _refuse_existing(existing: list[Job], roster: Path, out_dir: Path) -> None:
    first = existing[0]
    more = len(existing) - 1
    tail = (
        ngettext(", and so does {count} more workbook", ", and so do {count} more workbooks",
                 more).format(count=more)
        if more else ""
    )
    raise RosterError(
        _("{file} already exists (row {row} of {roster}){tail}; nothing was printed. "
          "Add --overwrite to replace what is in {folder}").format(
            file=shown(first.output), row=first.row, roster=shown(roster.name), tail=tail,
            folder=shown(out_dir))
    )


def cmd_batch(args: argparse.Namespace) -> int:
    facility = load_facility(args.facility) if args.facility is not None else None
    out_dir: Path = args.output
    if out_dir.exists() and not out_dir.is_dir():
        raise RosterError(f"{shown(out_dir)}: is a file; give a folder for the workbooks")
    cpus = os.cpu_count() or 1
    # More workers than a few per CPU only fight for it (and for memory).
    most = max(1, min(args.jobs or cpus, 4 * cpus))
    # Started before the roster is read: they load the renderer while it is
    # checked (see `Workers`). Whatever happens next, they are stopped below.
    workers = Workers(most)
    try:
        return _run_batch(args, facility, out_dir, most, workers)
    finally:
        workers.close()


def _run_batch(args: argparse.Namespace, facility: Facility | None, out_dir: Path, most: int,
               workers: Workers) -> int:
    jobs = read_roster(
        args.roster,
        out_dir,
        facility=facility,
        paper=Paper(args.paper) if args.paper else None,
        large_print=args.large_print,
        language=args.language,
        profile=args.facility,
        overwrite=args.overwrite,
    )
    new_folder = not out_dir.exists()
    make_folder(out_dir)
    try:
        existing = existing_outputs(jobs, args.roster)
        if existing:
            _refuse_existing(existing, args.roster, out_dir)
    except RosterError:
        if new_folder:
            with contextlib.suppress(OSError):
                out_dir.rmdir()
        raise
    processes = min(most, len(jobs))
    progress = BatchProgress(len(jobs), roster=args.roster.name)
    cancel = threading.Event()
    with _Stopper(cancel, out_dir, process=getattr(args, "process", False)) as stopper:

        def on_row(done: RowDone) -> None:
            stopper.row(done)
            progress.row(done)

        summary = run_jobs(jobs, processes=processes, on_row=on_row, cancel=cancel,
                           workers=workers)
    progress.finish(summary, out_dir)
    if summary.cancelled:
        code = 128 + (stopper.signum or signal.SIGINT)
    else:
        code = 1 if summary.failed else 0
    if stopper.process:
        # The whole process: every workbook is written, flushed and in place,
        # and the workers are gone. Tearing down the interpreter (ReportLab,
        # the fonts, the plan models) would only add a tenth of a second.
        _leave_with(code)
    return code
