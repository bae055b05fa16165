"""Printing many workbooks at once, from a roster, for a facility.

A roster is a CSV file (UTF-8, as spreadsheet programs save it) with a header
row. Columns, all optional but one of `name` or `plan` per row:

- ``plan``: a plan file (relative to the roster) -> that client's workbook;
- ``name``: a preferred name or initials -> a workbook with write-in spaces
  and that name on the cover (or the name printed on the client's plan when
  both are given: the plan wins);
- ``paper`` (letter / a4), ``large_print`` (yes / no): per-row overrides;
- ``file``: the output file name (default: from the name, else the row number).

The whole roster is checked before anything is written; each workbook is
written atomically, so an interrupted batch leaves only complete files.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import unicodedata
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from .facility import Facility, load_facility
from .options import RenderOptions
from .plan import About, Paper, Plan, PlanFileError, load_plan, write_atomic

COLUMNS = {"name", "plan", "paper", "large_print", "file"}
_YES = {"yes", "y", "true", "1", "x"}
_NO = {"no", "n", "false", "0", ""}


class RosterError(PlanFileError):
    """The roster cannot be used; the message names the row and column."""


@dataclass(frozen=True)
class Job:
    row: int
    plan: Plan
    options: RenderOptions
    output: Path


def slug(text: str) -> str:
    """A file-name-safe form of a name: letters, digits and dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()[:60]


def _flag(value: str, row: int, column: str) -> bool | None:
    value = value.strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return None if value == "" else False
    raise RosterError(f"row {row}: {column}: '{value}' is not yes or no")


def read_roster(
    roster: Path,
    out_dir: Path,
    *,
    facility: Facility | None,
    paper: Paper | None,
    large_print: bool,
) -> list[Job]:
    """Check the whole roster and turn it into jobs; raise on the first problem."""
    try:
        text = roster.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RosterError(f"{roster}: no such file") from None
    except UnicodeDecodeError:
        raise RosterError(f"{roster}: not a UTF-8 text file (save it as CSV UTF-8)") from None
    reader = csv.DictReader(text.splitlines())
    header = {(name or "").strip().lower() for name in reader.fieldnames or []}
    if not header & {"name", "plan"}:
        raise RosterError(f"{roster}: the header row needs a 'name' or a 'plan' column")
    unknown = sorted(header - COLUMNS - {""})
    if unknown:
        known = ", ".join(sorted(COLUMNS))
        raise RosterError(f"{roster}: unknown column '{unknown[0]}' (known: {known})")

    jobs: list[Job] = []
    used: set[str] = set()
    for number, raw in enumerate(reader, start=2):  # row 1 is the header
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        name, plan_cell = row.get("name", ""), row.get("plan", "")
        if not name and not plan_cell:
            if any(row.values()):
                raise RosterError(f"{roster}: row {number}: needs a name or a plan")
            continue
        if plan_cell:
            plan_path = Path(plan_cell)
            plan_path = plan_path if plan_path.is_absolute() else roster.parent / plan_path
            try:
                plan = load_plan(plan_path)
            except PlanFileError as error:
                raise RosterError(f"{roster}: row {number}: {error}") from None
        else:
            plan = Plan(about=About(preferred_name=name))
        row_paper = paper
        if row.get("paper"):
            try:
                row_paper = Paper(row["paper"].lower())
            except ValueError:
                raise RosterError(
                    f"{roster}: row {number}: paper: '{row['paper']}' is not letter or a4"
                ) from None
        row_large = _flag(row.get("large_print", ""), number, "large_print")
        options = RenderOptions.for_plan(
            plan,
            paper=row_paper or (facility.paper if facility else None),
            large_print=True if large_print else row_large,
            facility=facility,
        )
        stem = slug(row.get("file", "").removesuffix(".pdf")) or slug(name or plan.display_name())
        stem = stem or f"workbook-{number - 1:03d}"
        candidate, n = stem, 2
        while candidate in used:
            candidate, n = f"{stem}-{n}", n + 1
        used.add(candidate)
        jobs.append(Job(number, plan, options, out_dir / f"{candidate}.pdf"))
    if not jobs:
        raise RosterError(f"{roster}: no rows to print")
    return jobs


def render_job(job: Job) -> tuple[str, list[str]]:
    """Build and write one workbook (runs in a worker process)."""
    from .pdf import build_workbook

    result = build_workbook(job.plan, job.options)
    write_atomic(job.output, result.pdf)
    return str(job.output), [note.message() for note in result.overflow]


def run_batch(args: argparse.Namespace) -> int:
    facility = load_facility(args.facility) if args.facility else None
    out_dir: Path = args.output
    if out_dir.exists() and not out_dir.is_dir():
        raise RosterError(f"{out_dir}: is a file; give a folder for the workbooks")
    jobs = read_roster(
        args.roster,
        out_dir,
        facility=facility,
        paper=Paper(args.paper) if args.paper else None,
        large_print=args.large_print,
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    workers = max(1, min(args.jobs or os.cpu_count() or 1, len(jobs)))
    if workers == 1:
        for count, job in enumerate(jobs, start=1):
            _progress(count, len(jobs), *render_job(job))
        return 0
    # Spawned workers start clean: no inherited ReportLab or font state.
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        futures = [pool.submit(render_job, job) for job in jobs]
        for count, future in enumerate(as_completed(futures), start=1):
            _progress(count, len(jobs), *future.result())
    return 0


def _progress(done: int, total: int, path: str, notes: list[str]) -> None:
    print(f"[{done}/{total}] {path}", file=sys.stderr)
    for note in notes:
        print(f"    note: {note}", file=sys.stderr)
