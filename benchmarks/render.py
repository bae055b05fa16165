"""How fast the example workbook renders, warm and in-process, and its peak memory.

Run: .venv/bin/python benchmarks/render.py [--runs N]

Prints, for Letter normal print and Letter large print: the median time per
document and per page over N builds after one warm-up build, the page count,
and the peak memory of one build (tracemalloc, Python allocations) as well as
the process's peak resident size. Target (issue 2): under 4 ms per page and
under 60 MB peak for the example workbook.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
import tracemalloc

from workbook.example import example_plan
from workbook.options import RenderOptions
from workbook.pdf import build_workbook
from workbook.plan import Paper


def measure(large_print: bool, runs: int) -> None:
    plan = example_plan()
    options = RenderOptions.for_plan(plan, paper=Paper.LETTER, large_print=large_print)
    result = build_workbook(plan, options)  # warm-up: fonts, styles, templates
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = build_workbook(plan, options)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    build_workbook(plan, options)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    median = statistics.median(times) * 1000
    label = "large print" if large_print else "normal print"
    print(
        f"letter, {label:12}: {result.page_count:3d} pages, {len(result.pdf) / 1024:6.0f} KiB, "
        f"median {median:6.1f} ms/document, {median / result.page_count:5.2f} ms/page, "
        f"peak {peak / 2**20:5.1f} MB traced"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    for large in (False, True):
        measure(large, args.runs)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak resident size: {rss:.0f} MB (interpreter, fonts and libraries included)")


if __name__ == "__main__":
    main()
