"""Desktop timings: start-up, preview latency, and how long the UI thread is blocked.

    .venv/bin/python benchmarks/desktop.py [--rounds N] [--backend process|thread|both]

Prints:
  * process start to a visible main window (whole process: Python, imports,
    the window painted on the screen), alternating with a bare PySide6
    window that shows a titled QMainWindow, and the median of the same-run
    ratios; target at most 2.0 (issue 14). Under Xvfb when it is installed
    (one server for the whole run), else on $DISPLAY, else offscreen (said so);
  * a keystroke into a field of the example plan to the preview showing the
    new page image with the change (read from the screen), median and worst;
    target a median under 300 ms (issue 14); and to the new PDF reaching the
    view;
  * the longest the UI thread was blocked while the preview rendered, from a
    5 ms QTimer heartbeat; target under 50 ms;
  * typing without a pause for 10 s (a key every 40 ms), the worst delay from
    a keystroke to a draft on disk that holds it; target at most 1 s;
  * the longest the UI thread was blocked while the example workbook was
    built and printed, from a 10 ms QTimer heartbeat; target under 100 ms.
    Two ways: the PDF itself to a CUPS queue with `lp` (a private cupsd with
    a cups-pdf queue, tests/ui/cups.py; needs root and the packages it names,
    else skipped), and pages rendered at 600 dpi in a worker with progress
    (the fallback where there is no CUPS; its first pages only, into a PDF
    file, as a 600 dpi page takes a while).

The rest runs on the same display; uses a throw-away library and settings
folder.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, closing
from pathlib import Path

HEARTBEAT_MS = 5
PRINT_HEARTBEAT_MS = 10
RENDERED_PAGES = 3

# Both children print the time when their main window's first frame has been
# painted and flushed to the screen, and end there. The watch wraps
# QApplication before the program imports it, so the program runs unchanged
# (`recovery-workbook --library PATH`, as a person starts it). On the first
# expose of a titled QMainWindow it lets Qt paint and flush that frame, then
# reads the clock: both windows are timed at the same point.
_WATCH = r"""
import os, sys, time
from PySide6 import QtWidgets
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWindow


class _FirstFrame(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Expose and isinstance(watched, QWindow):
            app = QtWidgets.QApplication.instance()
            top = next((w for w in app.topLevelWidgets() if w.windowHandle() is watched), None)
            if isinstance(top, QtWidgets.QMainWindow) and top.windowTitle() and watched.isExposed():
                watched.event(event)  # the frame is painted and flushed here
                print(repr(time.time()), flush=True)
                os._exit(0)
        return False


_first_frame = _FirstFrame()


class _Watched(QtWidgets.QApplication):
    def __init__(self, *args):
        super().__init__(*args)
        self.installEventFilter(_first_frame)


QtWidgets.QApplication = _Watched
"""

_CHILD = _WATCH + r"""
from workbook.cli import run
run(["--library", sys.argv[1]])
"""

_BARE_CHILD = _WATCH + r"""
app = QtWidgets.QApplication(sys.argv[:1])
window = QtWidgets.QMainWindow()
window.setWindowTitle("Recovery Workbook")
window.resize(1200, 800)
window.show()
app.exec()
"""


@contextlib.contextmanager
def display() -> Iterator[str]:
    """Where the windows go: one Xvfb for the whole run if it is installed, else
    $DISPLAY, else offscreen. Yields a few words saying which."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
            yield f"on the display {os.environ.get('DISPLAY') or 'Wayland'} (no Xvfb)"
        else:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
            yield "offscreen: no Xvfb installed, so nothing is really drawn on a screen"
        return
    read, write = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as answer:
            number = answer.readline().strip()
        if not number:
            raise SystemExit("Xvfb did not start")
        saved = {k: os.environ.get(k) for k in ("DISPLAY", "QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
        os.environ["DISPLAY"] = f":{number}"
        os.environ.pop("QT_QPA_PLATFORM", None)
        os.environ.pop("WAYLAND_DISPLAY", None)
        try:
            yield f"under Xvfb (:{number}, 1280x1024)"
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    finally:
        server.terminate()
        server.wait(10)


class Heartbeat:
    """A QTimer beating every `interval_ms` on the UI thread; `longest` is the
    worst extra wait between two beats, i.e. the longest the thread was busy."""

    def __init__(self, interval_ms: int) -> None:
        from PySide6.QtCore import QElapsedTimer, Qt, QTimer

        self.interval = interval_ms / 1000
        self.longest = 0.0
        self._watch = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        gap = self._watch.nsecsElapsed() / 1e9
        self._watch.restart()
        self.longest = max(self.longest, gap - self.interval)

    def start(self) -> None:
        self.longest = 0.0
        self._watch.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()


def child_env() -> dict[str, str]:
    # An installed program starts from compiled bytecode (pip compiles it at
    # install time). Where the environment forbids writing bytecode, keep it
    # in a throw-away cache instead, filled by uncounted warm-up starts, so
    # the figure is the user's and not the compiler's.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("PYTHONPYCACHEPREFIX", tempfile.mkdtemp(prefix="desktop-bench-pyc-"))
    return env


def first_frame(code: str, *args: str, env: dict[str, str] | None = None) -> float:
    """Seconds from starting a child process to its first painted frame."""
    began = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True,
        env=env or child_env(), timeout=120,
    )
    return float(done.stdout.strip().splitlines()[-1]) - began


def start_to_window(library: Path, rounds: int) -> tuple[list[float], list[float]]:
    """(the program's, the bare window's) start-to-first-frame seconds, alternating."""
    env = child_env()
    ours: list[float] = []
    bare: list[float] = []
    for round_number in range(rounds + 1):
        a = first_frame(_CHILD, str(library), env=env)
        b = first_frame(_BARE_CHILD, env=env)
        if round_number:  # the first round fills the bytecode and disk caches
            ours.append(a)
            bare.append(b)
    return ours, bare


def start_line(ours: list[float], bare: list[float]) -> str:
    ratios = [a / b for a, b in zip(ours, bare, strict=True)]
    return (f"start to a visible window: workbook {statistics.median(ours) * 1000:4.0f} ms, "
            f"bare window {statistics.median(bare) * 1000:4.0f} ms, ratio "
            f"{statistics.median(ratios):4.2f} (median of {len(ratios)} same-run ratios, "
            f"{min(ratios):.2f}-{max(ratios):.2f})   target <= 2.0")


def preview_latency(backend: str, rounds: int, field: str = "about.preferred_name") -> tuple[
        list[float], list[float], list[float]]:
    """Per round: (keystroke to the preview showing the new page image, keystroke to
    the new PDF handed to the view, longest UI-thread block), in seconds.

    One key per round into `field` of the example plan. What the person sees
    is read from the screen: the preview pane is grabbed every few
    milliseconds, and the change is shown at the first grab equal to the
    settled picture (the page with the new text; a blank or old page is not).
    Grabbing takes the UI thread's time too, so the rounds alternate: the
    screen is read in one, the UI thread's longest block timed in the next.
    """
    import zlib

    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from workbook.library import open_library
    from workbook.ui.mainwindow import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="desktop-bench-"))
    library = open_library(folder / "library.sqlite3")
    window = MainWindow(library, preview_backend=backend)
    window.resize(1280, 820)
    window.show()
    window.open_example()
    preview = window.preview

    def wait_for(condition: object, seconds: float = 60.0) -> None:
        deadline = time.perf_counter() + seconds
        while not condition() and time.perf_counter() < deadline:  # type: ignore[operator]
            app.processEvents()
            time.sleep(0.001)
        if not condition():  # type: ignore[operator]
            raise SystemExit("the preview did not show up in time")

    def settle(seconds: float = 0.8) -> None:
        wait_for(lambda: not preview.pending() and not window.renderer.is_busy()
                 and preview.shown_id == preview.latest_requested)
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)

    def picture() -> int:
        image = preview.grab().toImage()
        return zlib.crc32(bytes(image.constBits()))

    wait_for(lambda: preview.shown_id > 0)
    settle(1.5)
    page, _dot, _rest = field.partition(".")
    editor = window.editor.page(page).editor(field)
    editor.setFocus()
    longest_gap = [0.0]
    watch = QElapsedTimer()
    heartbeat = QTimer()
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)

    def beat() -> None:
        gap = watch.nsecsElapsed() / 1e9
        watch.restart()
        longest_gap[0] = max(longest_gap[0], gap - HEARTBEAT_MS / 1000)

    heartbeat.timeout.connect(beat)
    handed: list[float] = []
    shown_at: list[float] = []
    latencies: list[float] = []
    blocks: list[float] = []
    unchanged = 0
    for round_number in range(2 * rounds):
        look = round_number % 2 == 0
        settle()
        before = picture()
        pictures: list[tuple[float, int]] = []
        handed.clear()
        longest_gap[0] = 0.0
        watch.start()
        heartbeat.start()
        QTest.keyClick(editor, "abcdefghij"[round_number % 10])
        key = time.perf_counter()
        preview.shown.connect(lambda _id: handed.append(time.perf_counter()))
        deadline = key + 5.0
        while time.perf_counter() < deadline and (
                not handed or time.perf_counter() - handed[-1] < 0.6):
            app.processEvents()
            if look:
                pictures.append((time.perf_counter(), picture()))
            time.sleep(0.004)
        heartbeat.stop()
        preview.shown.disconnect()
        if not look:
            if handed:
                shown_at.append(handed[0] - key)
                blocks.append(longest_gap[0])
            continue
        settle(0.3)
        final = picture()
        if final == before:
            unchanged += 1
            continue
        seen = next((t for t, p in pictures if p == final), None)
        if seen is None or not handed:
            continue
        latencies.append(seen - key)
    if unchanged:
        print(f"  ({unchanged} of {rounds} rounds: the change was not on the page shown)")
    window.session.active = False
    window.renderer.stop()
    window.controller.mark_saved()
    window.close()
    library.close()
    return latencies, shown_at, blocks


def autosave_delay(seconds: float, interval_ms: int = 40) -> tuple[float, float, int]:
    """Type without a pause for `seconds`; (worst, median) keystroke-to-draft-on-disk delay.

    The draft is on disk when `Library.autosave` returns (committed; the
    operating system holds it even if the program is killed).
    """
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from workbook.library import open_library
    from workbook.ui.mainwindow import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="desktop-bench-autosave-"))
    library = open_library(folder / "library.sqlite3")
    window = MainWindow(library, preview_backend=None)
    window.show()
    window.new_plan()
    field = window.editor.page("about").editor("about.snapshot.progress")
    field.setFocus()
    saved: list[tuple[float, int]] = []
    original = library.autosave

    def autosave(client_id: int | None, plan: object) -> None:
        original(client_id, plan)  # type: ignore[arg-type]
        saved.append((time.perf_counter(), len(plan.about.snapshot.progress)))  # type: ignore[attr-defined]

    library.autosave = autosave  # type: ignore[method-assign]
    typed_at: list[float] = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QTest.keyClick(field, "a")
        typed_at.append(time.perf_counter())
        next_key = typed_at[-1] + interval_ms / 1000
        while time.perf_counter() < next_key:
            app.processEvents()
            time.sleep(0.002)
    settle = time.perf_counter() + 2.0
    while time.perf_counter() < settle:
        app.processEvents()
        time.sleep(0.005)
    delays = []
    for count, moment in enumerate(typed_at, start=1):
        done = next((t for t, n in saved if n >= count), None)
        delays.append((done if done is not None else float("inf")) - moment)
    window.session.active = False
    window.controller.mark_saved()
    window.close()
    library.close()
    return max(delays), statistics.median(delays), len(typed_at)


def print_block(way: str) -> tuple[float, float, str]:
    """(longest UI-thread block, seconds from Print to the job handed over, note)
    while the example workbook is built and printed `way` ("cups" or "rendered")."""
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication, QMessageBox

    from workbook.library import open_library
    from workbook.ui.mainwindow import MainWindow
    from workbook.ui.printing import prepare_printer

    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="desktop-bench-print-"))
    with ExitStack() as stack:
        if way == "cups":
            # The tests' private CUPS, never the machine's own.
            sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
            from ui import cups  # type: ignore[import-not-found]

            why = cups.missing()
            if why:
                return 0.0, 0.0, f"skipped: {why}"
            queue = next(stack.enter_context(closing(cups.private_cups())))
            os.environ["CUPS_SERVER"] = queue.server
            stack.callback(os.environ.pop, "CUPS_SERVER", None)
            stack.enter_context(cups.this_process_asks(queue.server))
        library = open_library(folder / "library.sqlite3")
        stack.callback(library.close)
        window = MainWindow(library, preview_backend=None)
        window.show()
        window.open_example()
        # A warning box would wait for a click: its message is reported instead.
        problems: list[str] = []
        stack.callback(setattr, QMessageBox, "warning", QMessageBox.warning)
        QMessageBox.warning = lambda *a, **k: problems.append(str(a[2]))  # type: ignore[method-assign]
        ended: list[str] = []
        window.printed.connect(ended.append)
        heartbeat = Heartbeat(PRINT_HEARTBEAT_MS)
        for _settle in range(20):
            app.processEvents()
        began = time.perf_counter()
        heartbeat.start()
        # What Print does after the print dialog: build in a worker, then send.
        result = window.build("workbook")
        if way == "cups":
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            prepare_printer(printer, result.pdf)
            printer.setPrinterName(queue.name)
            window.send_to_printer(result.pdf, printer)
        else:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(folder / "rendered.pdf"))
            printer.setResolution(600)
            prepare_printer(printer, result.pdf)
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(1, RENDERED_PAGES)
            window.print_rendered(result.pdf, printer)
        deadline = time.perf_counter() + 600
        while not ended and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.001)
        took = time.perf_counter() - began
        heartbeat.stop()
        if way == "cups":
            deadline = time.perf_counter() + 120
            while not cups.jobs_done(queue) and time.perf_counter() < deadline:
                time.sleep(0.2)
        window.session.active = False
        window.controller.mark_saved()
        window.close()
        if not ended or ended[0]:
            return heartbeat.longest, took, f"failed: {(ended or problems or ['no answer'])[0]}"
        if way == "rendered":
            from pypdf import PdfReader

            pages = f"{len(PdfReader(folder / 'rendered.pdf').pages)} pages at 600 dpi"
        else:
            pages = "the whole workbook"
        return heartbeat.longest, took, pages


def summary(values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    return f"median {statistics.median(ms):6.0f} ms, worst {ms[-1]:6.0f} ms (n={len(ms)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--backend", choices=["process", "thread", "both"], default="both")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="desktop-bench-home-"))
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    with display() as where:
        print(f"windows {where}")
        return measure(args, home)



def measure(args: argparse.Namespace, home: Path) -> int:
    ours, bare = start_to_window(home / "library.sqlite3", max(3, args.rounds // 2))
    print(start_line(ours, bare), flush=True)
    worst, median, keys = autosave_delay(10.0)
    print(f"typing without a pause, key to draft on disk: median {median * 1000:6.0f} ms, "
          f"worst {worst * 1000:6.0f} ms (n={keys})   target <= 1000 ms", flush=True)
    for way in ("cups", "rendered"):
        block, took, note = print_block(way)
        print(f"[{way:8}] longest UI-thread block while printing: {block * 1000:6.0f} ms "
              f"(Print to job handed over {took:5.1f} s, {note})   target < 100 ms", flush=True)
    backends = ["process", "thread"] if args.backend == "both" else [args.backend]
    for backend in backends:
        latencies, handed, blocks = preview_latency(backend, args.rounds)
        print(f"[{backend:7}] keystroke to the new page on screen: {summary(latencies)}   "
              "target < 300 ms median")
        print(f"[{backend:7}] keystroke to the new PDF in the view:  {summary(handed)}")
        print(f"[{backend:7}] longest UI-thread block:            {summary(blocks)}   "
              "target < 50 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
