"""What `recovery-workbook batch` shows while it prints.

On a terminal: one live bar with the count, the rate and the time left
(tqdm: a small, long-kept library with no dependencies of its own that
estimates the rate from a moving average and redraws in place; notes and
errors are written above the bar without tearing it). Otherwise (a log
file, a pipe, a CI job): one plain line per row. Either way rows are
reported in roster order and a closing summary follows.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, TextIO

from tqdm import tqdm

from ..batch import RowDone, Summary
from ..text.i18n import _, ngettext
from .terminal import clean, say


def duration(seconds: float) -> str:
    """"4.2 s", "1 min 05 s", "1 h 02 min"."""
    if seconds < 60:
        return _("{seconds:.1f} s").format(seconds=seconds)
    minutes, secs = divmod(round(seconds), 60)
    if minutes < 60:
        return _("{minutes} min {seconds:02d} s").format(minutes=minutes, seconds=secs)
    hours, minutes = divmod(minutes, 60)
    return _("{hours} h {minutes:02d} min").format(hours=hours, minutes=minutes)


def row_label(done: RowDone, roster: str | None = None) -> str:
    if roster:
        return _("{roster} row {row}").format(roster=roster, row=done.job.row)
    return _("row {row}").format(row=done.job.row)


class BatchProgress:
    """Reports each finished row and the closing summary on `stream`."""

    def __init__(
        self,
        total: int,
        stream: TextIO | None = None,
        *,
        live: bool | None = None,
        roster: str | None = None,
    ):
        self.total = total
        self.roster = roster  # named with a failing row
        self.stream = stream if stream is not None else sys.stderr
        self.live = self.stream.isatty() if live is None else live
        self.done = 0
        self._bar: tqdm[Any] | None = None
        if self.live:
            self._bar = tqdm(
                total=total,
                file=self.stream,
                unit=" workbooks",
                unit_scale=False,
                dynamic_ncols=True,
                smoothing=0.1,
                bar_format="{percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} "
                "[{elapsed}<{remaining}, {rate_fmt}]",
            )

    def _say(self, line: str) -> None:
        line = clean(line)
        if self._bar is not None:
            self._bar.write(line, file=self.stream)
        else:
            say(line, stream=self.stream, flush=True)

    def row(self, done: RowDone) -> None:
        self.done += 1
        if done.error is not None:
            self._say(_("{row}: not printed: {error}").format(
                row=row_label(done, self.roster), error=done.error))
        elif self._bar is None:
            self._say(f"[{self.done}/{self.total}] {row_label(done)}: {done.job.output}")
        for note in done.notes:
            self._say(_("{row}: note: {note}").format(row=row_label(done), note=note))
        if self._bar is not None:
            self._bar.update(1)

    def finish(self, summary: Summary, out_dir: Path) -> None:
        if self._bar is not None:
            self._bar.close()
        printed = ngettext("Printed {count} workbook", "Printed {count} workbooks",
                           summary.printed).format(count=summary.printed)
        parts = [printed]
        if summary.failed:
            parts.append(_("{count} failed").format(count=summary.failed))
        if summary.cancelled:
            left = summary.total - summary.printed - summary.failed
            parts.append(_("{count} not started (stopped)").format(count=left))
        said = ", ".join(parts) + ("," if len(parts) > 1 else "")
        line = _("{parts} in {time}, into {folder}").format(
            parts=said, time=duration(summary.seconds), folder=out_dir
        )
        say(line, stream=self.stream, flush=True)
