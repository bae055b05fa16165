"""How fast the example workbook renders, warm and in-process, and its peak memory.

Run: .venv/bin/python benchmarks/render.py [--runs N]

For Letter in normal and in large print: the median time per document and
per page over N builds after a warm-up build (fonts, styles and templates
loaded once, as in the desktop program), with the page count. Then the
process's peak resident size (interpreter, libraries and fonts included,
measured before tracemalloc adds its own bookkeeping), and the peak of
Python allocations during one build (tracemalloc). Target (issue 2): under
4 ms per page and under 60 MB peak for the example workbook.

The machine is shared: for a steady figure, run it when nothing else is.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable

from workbook.example import example_plan
from workbook.options import BuildResult, RenderOptions
from workbook.pdf import build_workbook
from workbook.plan import Paper


def timed(build: Callable[[], BuildResult], runs: int) -> tuple[float, BuildResult]:
    result = build()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = build()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


# One build of the example workbook in a new process: what a user's
# `recovery-workbook build` costs in memory, without this script's own
# repeated builds (which grow the allocator's pools, not live data).
# Read VmHWM, not ru_maxrss: a child's ru_maxrss also counts the parent's
# pages it shared between fork and exec.
_ONE_BUILD = """
from workbook.example import example_plan
from workbook.options import RenderOptions
from workbook.pdf import build_workbook
plan = example_plan()
build_workbook(plan, RenderOptions.for_plan(plan))
with open("/proc/self/status") as status:
    kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(kb / 1024)
"""


def one_build_peak_mb() -> float:
    done = subprocess.run(
        [sys.executable, "-c", _ONE_BUILD], capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    plan = example_plan()
    builds: dict[str, Callable[[], BuildResult]] = {}
    for large in (False, True):
        options = RenderOptions.for_plan(plan, paper=Paper.LETTER, large_print=large)
        builds["large print" if large else "normal print"] = (
            lambda options=options: build_workbook(plan, options)
        )
    for label, build in builds.items():
        median, result = timed(build, args.runs)
        print(
            f"letter, {label:12}: {result.page_count:3d} pages, "
            f"{len(result.pdf) / 1024:4.0f} KiB, median {median:6.1f} ms/document, "
            f"{median / result.page_count:5.2f} ms/page"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident size, one build in a new process: {one_build_peak_mb():.0f} MB "
          "(interpreter, pydantic, ReportLab and fonts included; target < 60 MB)")
    print(f"peak resident size of this process after {2 * (args.runs + 1)} builds: {rss:.0f} MB")
    for label, build in builds.items():
        tracemalloc.start()
        build()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"peak Python allocations during one build, {label}: {peak / 2**20:.1f} MB")


if __name__ == "__main__":
    main()
