"""How fast the plan library is, against the targets in issue 4.

    .venv/bin/python benchmarks/library.py [--clients 2000] [--revisions 10]

Prints, each with its target:
- saving a revision (median; target under 5 ms): one durable commit
  (synchronous=FULL, the WAL flushed to disk) of the example plan;
- opening a library of 2,000 clients with 10 revisions each and listing them
  (target under 200 ms);
- autosave per call (target under 2 ms): median, 99th percentile and mean,
  the mean including the flush to disk that one call in every few seconds does.

Everything happens in a temporary folder that is removed at the end. The
figures depend on the disk: a flush costs far more on a laptop's SSD than on
a server's write cache, so run it where the program will run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from workbook.example import example_plan
from workbook.library import open_library
from workbook.plan import Plan


def _timings(action: Callable[[int], object], count: int) -> list[float]:
    """Milliseconds taken by each of `count` calls of `action(i)`."""
    times: list[float] = []
    for i in range(count):
        start = time.perf_counter()
        action(i)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _variant(base: Plan, i: int) -> Plan:
    plan = base.model_copy(deep=True)
    plan.about.preferred_name = f"Client {i:05d}"
    plan.about.counselor = f"Counselor {i % 17}"
    return plan


def _row(what: str, value: float, target: float, unit: str = "ms", extra: str = "") -> str:
    verdict = "ok" if value < target else "OVER TARGET"
    return f"{what:<52} {value:8.2f} {unit}  (target < {target:g} {unit}, {verdict}){extra}"


def bench_save(folder: Path, base: Plan, count: int) -> str:
    with open_library(folder / "save.sqlite3") as library:
        client = library.save_revision(None, base, "first").client_id
        plans = [_variant(base, i) for i in range(count)]
        times = _timings(lambda i: library.save_revision(client, plans[i], f"session {i}"), count)
    return _row("save a revision (median)", statistics.median(times), 5,
                extra=f"  p90 {statistics.quantiles(times, n=10)[-1]:.2f} ms")


def bench_open_and_list(folder: Path, base: Plan, clients: int, revisions: int) -> list[str]:
    path = folder / "big.sqlite3"
    start = time.perf_counter()
    with open_library(path) as library, library.bulk():
        for c in range(clients):
            plan = _variant(base, c)
            client = library.save_revision(None, plan, "intake").client_id
            for r in range(1, revisions):
                plan.about.counselor = f"Counselor {r}"
                library.save_revision(client, plan, f"session {r}")
    built = time.perf_counter() - start
    size = path.stat().st_size / 2**20

    def open_and_list(_: int) -> None:
        with open_library(path) as library:
            listed = library.clients()
        assert len(listed) == clients and listed[0].revisions == revisions

    times = _timings(open_and_list, 7)
    return [
        f"(built {clients} clients x {revisions} revisions in {built:.1f} s, {size:.0f} MiB)",
        _row(f"open a library of {clients} x {revisions} and list (median)",
             statistics.median(times), 200, extra=f"  first {times[0]:.1f} ms"),
    ]


def bench_autosave(folder: Path, base: Plan, count: int) -> list[str]:
    with open_library(folder / "autosave.sqlite3") as library:
        client = library.save_revision(None, base, "first").client_id
        plans = [_variant(base, i) for i in range(count)]
        times = _timings(lambda i: library.autosave(client, plans[i]), count)
    p99 = statistics.quantiles(times, n=100)[-1]
    return [
        _row("autosave per call (median)", statistics.median(times), 2,
             extra=f"  p99 {p99:.2f} ms, max {max(times):.2f} ms"),
        _row("autosave per call (mean, with the periodic flush)", statistics.mean(times), 2),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--revisions", type=int, default=10)
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--autosaves", type=int, default=2000)
    args = parser.parse_args(argv)
    base = example_plan()
    print(f"example plan: {len(base.model_dump_json()):,} bytes of JSON")
    with tempfile.TemporaryDirectory(prefix="library-bench-") as name:
        folder = Path(name)
        print(bench_save(folder, base, args.saves))
        for line in bench_autosave(folder, base, args.autosaves):
            print(line)
        for line in bench_open_and_list(folder, base, args.clients, args.revisions):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
