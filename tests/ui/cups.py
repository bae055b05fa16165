"""A private CUPS for the printing tests: its own cupsd, socket and cups-pdf queue.

Started and stopped by the `cups_queue` fixture; the machine's own CUPS (if
any) is never asked. cups-pdf reads its settings from /etc/cups only, so
the fixture adds one file there for its own queue (cups-pdf-<queue>.conf,
naming an output folder under the test's temporary folder) and removes it
afterwards. Needs root (cupsd runs the cups-pdf backend as root) and the
Debian packages cups, cups-client and printer-driver-cups-pdf
(scripts/setup.sh installs them for the tests).

By hand (to try the program against it):

    .venv/bin/python tests/ui/cups.py     # prints CUPS_SERVER=... and the queue; Ctrl+C stops it
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CUPSD = "/usr/sbin/cupsd"
CUPS_PDF_BACKEND = "/usr/lib/cups/backend/cups-pdf"
CUPS_PDF_PPD = "/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd"


@dataclass(frozen=True)
class Queue:
    name: str
    server: str  # the socket, for CUPS_SERVER
    output: Path  # where cups-pdf writes each job's PDF


def missing() -> str:
    """Why a private CUPS cannot run here ("" when it can)."""
    if os.geteuid() != 0:
        return "a private cupsd with cups-pdf needs root"
    for path in (CUPSD, CUPS_PDF_BACKEND, CUPS_PDF_PPD):
        if not Path(path).exists():
            return f"{path} is missing (apt-get install cups printer-driver-cups-pdf)"
    for tool in ("lp", "lpadmin", "lpstat"):
        if shutil.which(tool) is None:
            return f"{tool} is missing (apt-get install cups-client)"
    if _libcups() is None:
        return "libcups.so.2 is missing (apt-get install cups-client)"
    return ""


def jobs_done(queue: Queue) -> bool:
    """Whether the queue has no job left to print (cups-pdf has written its file)."""
    env = dict(os.environ, CUPS_SERVER=queue.server)
    waiting = subprocess.run(
        ["lpstat", "-o", queue.name], env=env, capture_output=True, text=True, check=False,
        timeout=20,
    )
    return not waiting.stdout.strip() and any(queue.output.glob("*.pdf"))


def _libcups() -> ctypes.CDLL | None:
    # The same libcups.so.2 that Qt's print-support plugin (libcupsprintersupport)
    # loads: dlopen hands back the one copy already in the process.
    name = ctypes.util.find_library("cups") or "libcups.so.2"
    try:
        return ctypes.CDLL(name)
    except OSError:
        return None


@contextmanager
def this_process_asks(server: str) -> Iterator[None]:
    """Point this process's own CUPS client (what Qt's printer list and QPrinter use)
    at `server` while the block runs, then back to the default.

    Setting CUPS_SERVER is not enough: libcups reads it once, the first time
    anything in a thread asks for a server (cupsServer()), and keeps that
    answer. Any earlier QPrinter or QPrinterInfo in the test session (the
    preview's print test makes one) has already fixed it to the machine's
    default, where this queue does not exist; Qt then lists no printers and
    QPrinter falls back to PDF output. cupsSetServer() is libcups's own way
    to change it (NULL: read CUPS_SERVER again next time). It acts on the
    calling thread, the UI thread, which is where Qt asks CUPS.
    """
    cups = _libcups()
    if cups is None:
        raise RuntimeError("libcups.so.2 is missing")
    cups.cupsSetServer.argtypes = [ctypes.c_char_p]
    cups.cupsSetServer.restype = None
    cups.cupsSetServer(server.encode())
    try:
        yield
    finally:
        cups.cupsSetServer(None)


def _forget_stale_settings() -> None:
    """Remove the cups-pdf settings a killed run left (its process is gone)."""
    for stale in Path("/etc/cups").glob("cups-pdf-rwtest*.conf"):
        pid = stale.stem.removeprefix("cups-pdf-rwtest")
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            stale.unlink(missing_ok=True)


def private_cups() -> Iterator[Queue]:
    _forget_stale_settings()
    name = f"rwtest{os.getpid()}"
    # Not under pytest's own temporary folder: cupsd's filters run as the
    # user lp, who must be able to reach the spool.
    root = Path(tempfile.mkdtemp(prefix="rw-cups-"))
    os.chmod(root, 0o755)
    for sub in ("spool", "cache", "state", "log", "out"):
        (root / sub).mkdir()
    socket = root / "cups.sock"
    (root / "cupsd.conf").write_text(
        f"Listen {socket}\nLogLevel warn\nWebInterface No\nBrowsing Off\n"
        "DefaultAuthType None\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order allow,deny\n    Allow all\n"
        "  </Limit>\n</Policy>\n"
    )
    (root / "cups-files.conf").write_text(
        f"ServerRoot {root}\nRequestRoot {root / 'spool'}\nCacheDir {root / 'cache'}\n"
        f"StateDir {root / 'state'}\nTempDir {root / 'spool'}\n"
        f"AccessLog {root / 'log/access_log'}\nErrorLog {root / 'log/error_log'}\n"
        f"PageLog {root / 'log/page_log'}\nUser lp\nGroup lp\nSandboxing Relaxed\n"
    )
    settings = Path(f"/etc/cups/cups-pdf-{name}.conf")
    settings.write_text(f"Out {root / 'out'}\nAnonDirName {root / 'out'}\nLabel 0\n")
    env = dict(os.environ, CUPS_SERVER=str(socket))
    # setpriv (util-linux) has cupsd stopped when this process dies, so a test
    # run that is killed leaves no cupsd behind.
    reaper = ["setpriv", "--pdeathsig", "TERM"] if shutil.which("setpriv") else []
    daemon = subprocess.Popen(
        [*reaper, CUPSD, "-f", "-c", str(root / "cupsd.conf"), "-s", str(root / "cups-files.conf")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        subprocess.run(
            ["lpadmin", "-p", name, "-E", "-v", f"cups-pdf:/{name}", "-P", CUPS_PDF_PPD],
            env=env, check=True, capture_output=True, timeout=30,
        )
        yield Queue(name, str(socket), root / "out")
    finally:
        daemon.terminate()
        try:
            daemon.wait(10)
        except subprocess.TimeoutExpired:
            daemon.kill()
            daemon.wait(5)
        settings.unlink(missing_ok=True)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    why = missing()
    if why:
        raise SystemExit(why)
    queues = private_cups()
    queue = next(queues)
    # Blocked only now: cupsd must not inherit a mask that ignores its own stop.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    print(f"CUPS_SERVER={queue.server}\nqueue: {queue.name}\noutput: {queue.output}",
          flush=True)
    signal.sigwait({signal.SIGINT, signal.SIGTERM})
    queues.close()
