"""Building the workbook off the UI thread, newest request first.

`Renderer` sends requests to a renderer process (see `render_worker`): the
UI thread only serialises the plan and reads bytes from a pipe, so the form
never waits on ReportLab. One build runs at a time; while it runs only the
newest request waits (older ones are dropped), so the last edit always wins.
A thread backend does the same in-process (used where a process cannot be
started, and by the benchmark for comparison).
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QProcess, QRunnable, QThreadPool, Signal

from ..facility import Facility
from ..options import OverflowNote, Which
from ..output import render_worker
from ..text.i18n import _


@dataclass(frozen=True)
class Outcome:
    """A finished build: the PDF (empty on error), its page count and card overflow."""

    job_id: int
    which: Which
    pdf: bytes = b""
    page_count: int = 0
    overflow: tuple[OverflowNote, ...] = ()
    error: str | None = None
    requested_at: float = 0.0
    seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)


def _outcome(header: dict[str, Any], pdf: bytes, which: Which, started: float) -> Outcome:
    notes = tuple(
        OverflowNote(n["where"], n["item"], n.get("action", "shortened"), n.get("field_path"))
        for n in header.get("overflow", [])
    )
    return Outcome(
        job_id=int(header.get("id", 0)),
        which=which,
        pdf=pdf,
        page_count=int(header.get("page_count", 0)),
        overflow=notes,
        error=header.get("error"),
        requested_at=started,
        seconds=time.perf_counter() - started,
    )


@dataclass
class _Job:
    job_id: int
    payload: bytes
    which: Which
    started: float


class _Signals(QObject):
    done = Signal(object, object)  # header dict, pdf bytes


class _ThreadJob(QRunnable):
    def __init__(self, body: dict[str, Any], signals: _Signals) -> None:
        super().__init__()
        self.body = body
        self.signals = signals

    def run(self) -> None:
        header, pdf = render_worker.build(self.body)
        self.signals.done.emit(header, pdf)


class Renderer(QObject):
    """Builds PDFs in the background.

    Signals:
        finished(Outcome): a build finished (the newest that was asked for).
        ready(): the renderer process has started and warmed up.
    """

    finished = Signal(object)
    ready = Signal()

    def __init__(self, parent: QObject | None = None, *, backend: str = "process") -> None:
        super().__init__(parent)
        self.backend = backend
        # The facility profile every build carries (set by the main window).
        self.facility: Facility | None = None
        self._next_id = 0
        self._running: _Job | None = None
        self._pending: _Job | None = None
        self._buffer = bytearray()
        self._header: dict[str, Any] | None = None
        self._process: QProcess | None = None
        self._ready = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals()
        self._signals.done.connect(self._thread_done)

    # -- life --------------------------------------------------------------

    def start(self) -> None:
        """Start the renderer process now (it takes a moment to warm up)."""
        if self.backend != "process" or self._process is not None:
            return
        process = QProcess(self)
        process.setProgram(sys.executable)
        process.setArguments(["-m", "workbook.output.render_worker"])
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._process_ended)
        process.errorOccurred.connect(self._process_error)
        self._process = process
        self._ready = False
        self._buffer.clear()
        self._header = None
        process.start()

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            # Its last output may come while it is waited for below: not read.
            process.readyReadStandardOutput.disconnect(self._read)
            process.finished.disconnect(self._process_ended)
            process.errorOccurred.disconnect(self._process_error)
            process.closeWriteChannel()
            if not process.waitForFinished(2000):
                process.kill()
                process.waitForFinished(1000)
            process.deleteLater()
        self._pool.waitForDone(5000)

    def is_busy(self) -> bool:
        return self._running is not None or self._pending is not None

    # -- requests ----------------------------------------------------------

    def request(
        self, plan_json: str, *, which: Which = "workbook", reviews: tuple[Any, ...] = ()
    ) -> int:
        """Ask for a build; returns its id. An older request still waiting is dropped."""
        self._next_id += 1
        payload = render_worker.request(
            self._next_id, plan_json, which=which, reviews=reviews, facility=self.facility
        )
        self._pending = _Job(self._next_id, payload, which, time.perf_counter())
        self._send_next()
        return self._next_id

    def _send_next(self) -> None:
        if self._running is not None or self._pending is None:
            return
        if self.backend == "process":
            if self._process is None:
                self.start()
            if not self._ready:
                return  # sent when the process says it is ready
            job, self._pending = self._pending, None
            self._running = job
            assert self._process is not None
            self._process.write(job.payload)
        else:
            job, self._pending = self._pending, None
            self._running = job
            body = json.loads(bytes(job.payload[4:]))
            self._pool.start(_ThreadJob(body, self._signals))

    def _deliver(self, header: dict[str, Any], pdf: bytes) -> None:
        job, self._running = self._running, None
        if job is not None:
            self.finished.emit(_outcome(header, pdf, job.which, job.started))
        self._send_next()

    def _thread_done(self, header: dict[str, Any], pdf: bytes) -> None:
        self._deliver(header, pdf)

    # -- the process's pipe --------------------------------------------------

    def _read(self) -> None:
        assert self._process is not None
        self._buffer += self._process.readAllStandardOutput().data()
        while True:
            data = self._take_frame()
            if data is None:
                return
            if not self._ready:
                self._ready = True
                self.ready.emit()
                self._send_next()
            elif self._header is None:
                self._header = json.loads(data)
            else:
                header, self._header = self._header, None
                self._deliver(header, data)

    def _take_frame(self) -> bytes | None:
        if len(self._buffer) < 4:
            return None
        size = int.from_bytes(self._buffer[:4], "big")
        if len(self._buffer) < 4 + size:
            return None
        data = bytes(self._buffer[4 : 4 + size])
        del self._buffer[: 4 + size]
        return data

    def _process_ended(self, *_args: Any) -> None:
        self._lost(_("the preview stopped unexpectedly; it restarts with the next change"))

    def _process_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            # No separate process here: build in a thread instead.
            self.backend = "thread"
            self._drop_process()
            self._send_next()

    def _lost(self, message: str) -> None:
        job = self._running
        self._drop_process()
        if job is not None:
            self._running = None
            # Not retried: a plan that crashes the renderer would loop; the
            # next edit starts a fresh process.
            self.finished.emit(Outcome(job.job_id, job.which, error=message))
        self._send_next()

    def _drop_process(self) -> None:
        process, self._process = self._process, None
        self._ready = False
        self._buffer.clear()
        self._header = None
        if process is not None:
            process.deleteLater()
