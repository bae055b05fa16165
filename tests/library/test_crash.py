"""A kill -9 at any moment leaves the library readable, with every committed save in it.

A writer process saves revisions and autosaves drafts in a loop and reports
each one on a pipe only after the call has returned (the commit is done). It
is killed with SIGKILL at a random moment (while opening or creating the
library, mid-transaction, mid-checkpoint...), a hundred times over the same
file. After each kill the library must pass ``PRAGMA integrity_check``, open,
and hold every revision and draft the writer reported.

The writer is forked from the test process, which has already imported the
program: starting a fresh interpreter a hundred times would take most of a
minute on a shared two-core machine, and the kill tests the same thing.
"""

from __future__ import annotations

import os
import random
import re
import select
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from workbook.example import example_plan
from workbook.library import open_library
from workbook.plan import Plan

ROUNDS = 100
LONGEST_RUN = 0.06  # seconds a writer may live before the kill


def _writer(path: Path, out: int, round_no: int) -> None:
    """Save and autosave forever, reporting each finished call on `out`."""
    base = example_plan()
    with open_library(path) as library:
        clients = [c.id for c in library.clients()]
        client = None if not clients or round_no % 10 == 0 else clients[round_no % len(clients)]
        for i in range(1_000_000):
            plan = base.model_copy(deep=True)
            plan.about.counselor = f"draft-{round_no}-{i}"
            library.autosave(client, plan)
            os.write(out, f"draft {client or 0} {round_no} {i}\n".encode())
            if i % 3 == 0:
                plan.about.counselor = f"rev-{round_no}-{i}"
                info = library.save_revision(client, plan, f"r{round_no}-{i}")
                client = info.client_id
                os.write(out, f"rev {info.client_id} {info.number} r{round_no}-{i}\n".encode())


def _run_and_kill(path: Path, round_no: int, delay: float) -> list[str]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the writer: never returns into pytest
        try:
            os.close(read_end)
            _writer(path, write_end, round_no)
        finally:
            os._exit(0)
    os.close(write_end)
    deadline = time.monotonic() + delay
    received = b""
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([read_end], [], [], left)
        if ready:
            chunk = os.read(read_end, 1 << 16)
            if not chunk:
                break
            received += chunk
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(read_end, 1 << 16):
        received += chunk
    os.close(read_end)
    # A line cut off by the kill was never fully reported.
    return received.decode().split("\n")[:-1]


def _marker(plan: Plan) -> tuple[int, int]:
    match = re.fullmatch(r"(?:draft|rev)-(\d+)-(\d+)", plan.about.counselor)
    assert match, plan.about.counselor
    return int(match.group(1)), int(match.group(2))


@pytest.mark.slow
def test_killed_writer_loses_nothing_it_reported(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    seed = random.randrange(1 << 32)
    rng = random.Random(seed)
    committed: set[tuple[int, int, str]] = set()
    reports = 0
    started = time.monotonic()
    for round_no in range(ROUNDS):
        lines = _run_and_kill(path, round_no, rng.uniform(0.0, LONGEST_RUN))
        new_revisions: set[tuple[int, int, str]] = set()
        last_draft: dict[int, int] = {}
        for line in lines:
            kind, *fields = line.split()
            if kind == "rev":
                new_revisions.add((int(fields[0]), int(fields[1]), fields[2]))
            else:
                last_draft[int(fields[0])] = int(fields[2])
        reports += len(lines)
        committed |= new_revisions

        # Killed while the library was first being made: there is none yet
        # (it is made whole under another name); the next round makes it.
        stored: set[tuple[int, int, str]] = set()
        if path.exists():
            # Read-write (not read-only): a reader of a WAL file needs its -shm.
            # Never `connect(path)` on a missing file, which would make an
            # empty database under the library's name.
            check = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True)
            try:
                assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)], seed
                stored = set(check.execute("SELECT client_id, number, reason FROM revisions"))
            finally:
                check.close()
        missing = committed - stored
        assert not missing, f"seed {seed}, round {round_no}: lost {sorted(missing)[:5]}"

        with open_library(path) as library:
            for client_id, number, reason in new_revisions:
                plan = library.plan(client_id, number)
                assert plan.about.counselor == f"rev-{reason[1:]}", seed
            drafts = {d.client_id or 0: _marker(d.plan) for d in library.pending_drafts()}
        # A writer works on one client per round, so its latest save this round
        # (reported or not) is the one that may have cleared the draft.
        saved_this_round = [
            int(reason.split("-")[1]) for _, _, reason in stored
            if reason.startswith(f"r{round_no}-")
        ]
        latest_save = (round_no, max(saved_this_round, default=-1))
        for slot, index in last_draft.items():
            # The reported draft is there, or a later one, or a later save cleared it.
            newest = max(drafts.get(slot, (-1, -1)), latest_save)
            assert newest >= (round_no, index), f"seed {seed}, round {round_no}, slot {slot}"
    elapsed = time.monotonic() - started
    assert committed and reports > ROUNDS, "the writer never got to work"
    assert elapsed < 60, f"{elapsed:.0f} s: too slow for the test suite"
