"""The renderer against its yardstick: ratios to a bare ReportLab canvas, same run.

    .venv/bin/python benchmarks/speed.py [--rounds N] [--rows N] [--only NAME ...]

The yardstick is the bare ReportLab canvas document in ../shared/bench-ref/
(27 Letter pages of content like the example workbook, drawn with
drawString/line/rect only: what ReportLab itself can do with no layout
engine). Each measure alternates the workbook and the yardstick in the same
run, takes medians, and prints the ratio per page (issue 14's targets):

  build    whole process `recovery-workbook build` of the example vs the
           canvas script as a process (Python start-up, imports, fonts);
           target <= 2.0 (aim 1.5)
  warm     a warm in-process build vs the canvas document warm; target <= 1.5
  batch    `batch --jobs 2` of N workbooks, each row its own plan, vs two
           canvas processes side by side; target <= 1.5
  desktop  start to a visible main window (its first frame painted) vs a
           bare PySide6 window showing a titled QMainWindow, under Xvfb when
           it is installed; target <= 2.0
  memory   peak resident size of one build (target < 60 MB), and the batch
           parent's peak at N, 4N and 1,000 rows (flat in roster size)

The machine is shared and its speed varies: run it when nothing else is.
Nothing here is a test; the figures go in the README's performance section.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _find_bench_ref() -> Path:
    """../shared/bench-ref beside the checkout (or beside a folder above it)."""
    override = os.environ.get("BENCH_REF")
    if override:
        return Path(override)
    for folder in ROOT.parents:
        if (folder / "shared" / "bench-ref").is_dir():
            return folder / "shared" / "bench-ref"
    return ROOT.parent / "shared" / "bench-ref"


BENCH_REF = _find_bench_ref()
BIN = Path(sys.executable).parent
REF_PAGES = 27


def _env() -> dict[str, str]:
    # An installed program starts from compiled bytecode (pip compiles it at
    # install time). This sandbox forbids writing bytecode next to the source,
    # so keep it in a throw-away cache, filled by an uncounted first run.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(_TMP / "pyc")
    env["RL_ACCEL"] = "1"
    return env


_TMP = Path(tempfile.mkdtemp(prefix="wb-speed-"))


def _pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


def _run(cmd: list[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=_env(), check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _ref_cmd(out: Path, reps: int = 1, json_file: Path | None = None) -> list[str]:
    cmd = [sys.executable, "gen_rl_canvas.py", "--reps", str(reps), "--out", str(out), "--quiet"]
    if json_file:
        cmd += ["--json", str(json_file)]
    return cmd


def _ratio_line(name: str, ours: float, ref: float, unit: str, target: str) -> None:
    print(f"{name:8s} workbook {ours:8.2f} {unit}  yardstick {ref:8.2f} {unit}  "
          f"ratio {ours / ref:5.2f}  (target {target})", flush=True)


def _alternate(rounds: int, ours: Callable[[], float], ref: Callable[[], float]) -> tuple[
        list[float], list[float]]:
    a: list[float] = []
    b: list[float] = []
    ours()  # uncounted: fills the bytecode cache and the disk cache
    ref()
    for _ in range(rounds):
        a.append(ours())
        b.append(ref())
    return a, b


def example_plan_file() -> Path:
    plan = _TMP / "plan.json"
    if not plan.exists():
        subprocess.run([str(BIN / "recovery-workbook"), "example", "-o", str(plan)],
                       env=_env(), check=True)
    return plan


def bench_build(rounds: int) -> None:
    plan = example_plan_file()
    out = _TMP / "build.pdf"
    ref_out = _TMP / "ref.pdf"

    def ours() -> float:
        if out.exists():
            out.unlink()
        return _run([str(BIN / "recovery-workbook"), "build", str(plan), "-o", str(out)])

    a, b = _alternate(rounds, ours, lambda: _run(_ref_cmd(ref_out), cwd=BENCH_REF))
    pages = _pages(out)
    ref_pages = _pages(ref_out)
    ours_pp = statistics.median(a) / pages * 1000
    ref_pp = statistics.median(b) / ref_pages * 1000
    print(f"build    {pages} pages in {statistics.median(a) * 1000:.0f} ms; yardstick "
          f"{ref_pages} pages in {statistics.median(b) * 1000:.0f} ms")
    _ratio_line("build", ours_pp, ref_pp, "ms/page", "<= 2.0, aim 1.5")


_WARM = r"""
import json, statistics, sys, time
from workbook.example import example_plan
from workbook.options import RenderOptions
from workbook.pdf import build_workbook
plan = example_plan()
options = RenderOptions.for_plan(plan)
result = build_workbook(plan, options)
times = []
for _ in range(int(sys.argv[1])):
    start = time.perf_counter()
    result = build_workbook(plan, options)
    times.append(time.perf_counter() - start)
print(json.dumps({"warm": statistics.median(times), "pages": result.page_count}))
"""


def bench_warm(rounds: int) -> None:
    reps = 9
    ours_runs: list[float] = []
    ref_runs: list[float] = []
    pages = 0
    ref_json = _TMP / "warm.jsonl"
    for _ in range(max(3, rounds // 2)):
        done = subprocess.run([sys.executable, "-c", _WARM, str(reps)], env=_env(), check=True,
                              capture_output=True, text=True)
        record = json.loads(done.stdout)
        pages = record["pages"]
        ours_runs.append(record["warm"] / pages * 1000)
        ref_json.unlink(missing_ok=True)
        _run(_ref_cmd(_TMP / "ref-warm.pdf", reps + 1, ref_json), cwd=BENCH_REF)
        ref = json.loads(ref_json.read_text().splitlines()[-1])
        ref_runs.append(ref["warm_median_s"] / REF_PAGES * 1000)
    _ratio_line("warm", statistics.median(ours_runs), statistics.median(ref_runs), "ms/page",
                "<= 1.5")


def _roster(rows: int) -> Path:
    """A roster whose every row has its own plan (distinct names and phone numbers)."""
    folder = _TMP / f"roster-{rows}"
    roster = folder / "roster.csv"
    if roster.exists():
        return roster
    folder.mkdir()
    base = json.loads(example_plan_file().read_text())
    with roster.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["plan", "file"])
        for row in range(rows):
            plan = json.loads(json.dumps(base))
            plan["about"]["preferred_name"] = f"Client {row}"
            for index, person in enumerate(plan["support_network"]["people"]):
                person["phone"] = f"(503) 555-{(row * 7 + index) % 10000:04d}"
            path = folder / f"plan-{row}.json"
            path.write_text(json.dumps(plan))
            writer.writerow([path.name, f"client-{row}.pdf"])
    return roster


def _batch_once(roster: Path) -> tuple[float, int]:
    out = _TMP / "batch-out"
    shutil.rmtree(out, ignore_errors=True)
    seconds = _run([str(BIN / "recovery-workbook"), "batch", str(roster), "-o", str(out),
                    "--jobs", "2"])
    pages = sum(_pages(pdf) for pdf in out.glob("*.pdf"))
    return seconds, pages


def _two_refs(reps: int) -> float:
    start = time.perf_counter()
    procs = [subprocess.Popen(_ref_cmd(_TMP / f"ref-batch-{i}.pdf", reps), cwd=BENCH_REF,
                              env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for i in range(2)]
    for proc in procs:
        if proc.wait():
            raise SystemExit("the yardstick failed")
    return time.perf_counter() - start


def bench_batch(rounds: int, rows: int) -> None:
    roster = _roster(rows)
    ours: list[float] = []
    refs: list[float] = []
    wall: list[float] = []
    _batch_once(roster)
    reps = max(1, rows // 2)
    pages = 0
    for _ in range(max(1, rounds // 3)):
        seconds, pages = _batch_once(roster)
        wall.append(seconds)
        ours.append(seconds / pages * 1000)
        refs.append(_two_refs(reps) / (2 * reps * REF_PAGES) * 1000)
    print(f"batch    {rows} workbooks, {pages} pages: "
          f"{rows / statistics.median(wall):.1f} workbooks/s")
    _ratio_line("batch", statistics.median(ours), statistics.median(refs), "ms/page", "<= 1.5")


def bench_desktop(rounds: int) -> None:
    """Start to a visible main window: benchmarks/desktop.py's children, under Xvfb
    when it is installed (this folder is on sys.path when run)."""
    import desktop

    library = _TMP / "desktop" / "library.sqlite3"
    library.parent.mkdir(exist_ok=True)
    with desktop.display() as where:
        ours, bare = desktop.start_to_window(library, rounds)
    ratios = [a / b for a, b in zip(ours, bare, strict=True)]
    print(f"desktop  windows {where}; median of {len(ratios)} same-run ratios "
          f"{statistics.median(ratios):.2f}")
    _ratio_line("desktop", statistics.median(ours) * 1000, statistics.median(bare) * 1000, "ms",
                "<= 2.0")


def _peak_mb(pid_status: str) -> float:
    kb = next(int(line.split()[1]) for line in pid_status.splitlines()
              if line.startswith("VmHWM:"))
    return kb / 1024


def _peak_of(cmd: list[str]) -> float:
    """Peak resident size of a process, read from /proc just before it exits."""
    wrapper = (
        "import runpy, sys, atexit\n"
        "def report():\n"
        "    with open('/proc/self/status') as s: sys.stderr.write('PEAK ' + s.read())\n"
        "atexit.register(report)\n"
        "sys.argv = sys.argv[1:]\n"
        "runpy.run_path(sys.argv[0], run_name='__main__')\n"
    )
    script = _TMP / "entry.py"
    script.write_text("import sys\nfrom workbook.cli import main\nsys.exit(main())\n")
    done = subprocess.run([sys.executable, "-c", wrapper, str(script), *cmd], env=_env(),
                          capture_output=True, text=True, check=False)
    text = done.stderr.split("PEAK ", 1)
    if len(text) < 2:
        return float("nan")
    return _peak_mb(text[1])


def bench_memory(rows: int) -> None:
    plan = example_plan_file()
    one = _peak_of(["build", str(plan), "-o", str(_TMP / "mem.pdf")])
    print(f"memory   one build: peak {one:.1f} MB (target < 60 MB)")
    for count in sorted({rows, rows * 4, 1000}):
        out = _TMP / f"mem-batch-{count}"
        shutil.rmtree(out, ignore_errors=True)
        peak = _peak_of(["batch", str(_roster(count)), "-o", str(out), "--jobs", "2"])
        print(f"memory   batch parent at {count} rows: peak {peak:.1f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--rows", type=int, default=80)
    parser.add_argument("--only", nargs="*", default=None,
                        choices=["build", "warm", "batch", "desktop", "memory"])
    args = parser.parse_args()
    if not (BENCH_REF / "gen_rl_canvas.py").exists():
        print(f"no yardstick at {BENCH_REF}: this benchmark needs ../shared/bench-ref",
              file=sys.stderr)
        return 1
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = str(_TMP / "config")
    os.environ["XDG_DATA_HOME"] = str(_TMP / "data")
    chosen = args.only or ["build", "warm", "batch", "desktop", "memory"]
    try:
        if "build" in chosen:
            bench_build(args.rounds)
        if "warm" in chosen:
            bench_warm(args.rounds)
        if "batch" in chosen:
            bench_batch(args.rounds, args.rows)
        if "desktop" in chosen:
            bench_desktop(args.rounds)
        if "memory" in chosen:
            bench_memory(args.rows)
    finally:
        shutil.rmtree(_TMP, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
