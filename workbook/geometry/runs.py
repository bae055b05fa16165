"""Line breaking of text in two weights: the workbook's own bold words in a sentence.

The prose of the workbook ("<b>Triggers</b> are things outside you...") and
the crisis page's "<b>Where I go:</b> the client's words" mix a bold cut
with the regular one. `break_runs` breaks such text as `fit.break_text`
breaks plain text: greedy, at white space but never at a no-break space (the
glue inside a phone number), hard line breaks kept, a word wider than the
line cut between characters (after its last hyphen that fits). White space
prints as one space, in the weight it was written in, as a paragraph of
ReportLab's prints it. Pure: widths come from the `Measure` given.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from .fit import _WORD, Measure, _longest_prefix

Run = tuple[str, bool]
"""A piece of text and whether it is bold."""

Line = tuple[Run, ...]
"""One printed line: its runs left to right, neighbors of different weights."""


class _Text:
    """The runs as one string, with the weight of each character found by position."""

    def __init__(self, runs: Sequence[Run]) -> None:
        merged: list[Run] = []
        for text, bold in runs:
            if not text:
                continue
            if merged and merged[-1][1] == bold:
                merged[-1] = (merged[-1][0] + text, bold)
            else:
                merged.append((text, bold))
        self.text = "".join(text for text, _ in merged)
        self.ends = list(accumulate(len(text) for text, _ in merged))
        self.weights = [bold for _, bold in merged]

    def bold_at(self, index: int) -> bool:
        return self.weights[bisect_right(self.ends, index)]

    def pieces(self, start: int, end: int) -> list[Run]:
        """The runs of text[start:end], cut where the weight changes."""
        out: list[Run] = []
        run = bisect_right(self.ends, start)
        while start < end:
            stop = min(end, self.ends[run])
            out.append((self.text[start:stop], self.weights[run]))
            start = stop
            run += 1
        return out


def break_runs(runs: Sequence[Run], width: float, size: float, measure: Measure) -> list[Line]:
    """Every line of the runs broken to `width`: "\\n" breaks a line, blank lines kept.

    Each hard line gives at least one line (an empty one when it has no words),
    as `fit.break_text` does.
    """
    text = _Text(runs)
    space = {bold: measure(" ", size, bold) for bold in (False, True)}
    lines: list[Line] = []
    start = 0
    for hard_line in text.text.split("\n"):
        words = [(start + m.start(), start + m.end()) for m in _WORD.finditer(hard_line)]
        lines += _greedy(text, words, width, size, measure, space) or [()]
        start += len(hard_line) + 1
    return lines


def _greedy(text: _Text, words: list[tuple[int, int]], width: float, size: float,
            measure: Measure, space: dict[bool, float]) -> list[Line]:
    """The words of one hard line, as many to a line as fit."""

    def width_of(start: int, end: int) -> float:
        return sum(measure(piece, size, bold) for piece, bold in text.pieces(start, end))

    lines: list[Line] = []
    line: list[tuple[int, int]] = []  # the words on the line being filled
    used = 0.0
    queue = list(reversed(words))
    while queue:
        start, end = queue.pop()
        word = width_of(start, end)
        if line:
            wider = used + space[text.bold_at(line[-1][1])] + word
            if wider <= width:
                line.append((start, end))
                used = wider
                continue
            lines.append(_line(text, line))
            line = []
        if word <= width:
            line, used = [(start, end)], word
            continue
        # A word wider than the line: as much of it as fits, cut after a hyphen if it has one.
        def fits(part: str, start: int = start) -> bool:
            return width_of(start, start + len(part)) <= width

        cut = _longest_prefix(text.text[start:end], fits)
        if cut == 0:
            cut = 1  # not even one character fits: never loop forever
        elif cut < end - start:
            hyphen = text.text.rfind("-", start, start + cut)
            if hyphen > start:
                cut = hyphen + 1 - start
        lines.append(_line(text, [(start, start + cut)]))
        if start + cut < end:
            queue.append((start + cut, end))
    if line:
        lines.append(_line(text, line))
    return lines


def _line(text: _Text, words: list[tuple[int, int]]) -> Line:
    """The runs of a line: its words, one space between each in the weight it was written in."""
    out: list[Run] = []
    previous_end = -1
    for start, end in words:
        pieces = text.pieces(start, end)
        if previous_end >= 0:
            pieces.insert(0, (" ", text.bold_at(previous_end)))
        for piece, bold in pieces:
            if out and out[-1][1] == bold:
                out[-1] = (out[-1][0] + piece, bold)
            else:
                out.append((piece, bold))
        previous_end = end
    return tuple(out)


def line_text(line: Line) -> str:
    """The words of a printed line, without their weights."""
    return "".join(text for text, _ in line)
