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

import re
from collections.abc import Sequence

from .fit import Measure, word_cut

# White space and what is not: a line may break at white space but a no-break space.
_SPACE = re.compile(r"([^\S\u00a0]+)")

Run = tuple[str, bool]
"""A piece of text and whether it is bold."""

Line = tuple[Run, ...]
"""One printed line: its runs left to right, neighbors of different weights."""


def _merged(runs: Sequence[Run]) -> list[Run]:
    """The runs without empty ones, neighbors of one weight joined."""
    merged: list[Run] = []
    for text, bold in runs:
        if not text:
            continue
        if merged and merged[-1][1] == bold:
            merged[-1] = (merged[-1][0] + text, bold)
        else:
            merged.append((text, bold))
    return merged


# A word: its runs (a word may change weight inside), its width, and the weight of
# the white space after it (None after the last word).
_Word = tuple[list[Run], float, bool | None]


def _hard_lines(runs: Sequence[Run], size: float, measure: Measure) -> list[list[_Word]]:
    """The words of each hard line ("\\n"), each measured once."""
    lines: list[list[_Word]] = [[]]
    pieces: list[Run] = []  # of the word being read
    width = 0.0
    for text, bold in _merged(runs):
        for index, part in enumerate(_SPACE.split(text)):
            if not index % 2:  # words (a no-break space is part of one)
                if part:
                    pieces.append((part, bold))
                    width += measure(part, size, bold)
                continue
            if pieces:  # white space: the word before it ends
                lines[-1].append((pieces, width, bold))
                pieces, width = [], 0.0
            for _ in range(part.count("\n")):
                lines.append([])
    if pieces:
        lines[-1].append((pieces, width, None))
    return lines


def break_runs(runs: Sequence[Run], width: float, size: float, measure: Measure) -> list[Line]:
    """Every line of the runs broken to `width`: "\\n" breaks a line, blank lines kept.

    Each hard line gives at least one line (an empty one when it has no words),
    as `fit.break_text` does. Each word is measured once and a line's width is
    the sum of its words and spaces (a font's widths add up: no kerning).
    """
    space = {bold: measure(" ", size, bold) for bold in (False, True)}
    lines: list[Line] = []
    for words in _hard_lines(runs, size, measure):
        lines += _greedy(words, width, size, measure, space) or [()]
    return lines


def _greedy(words: list[_Word], width: float, size: float, measure: Measure,
            space: dict[bool, float]) -> list[Line]:
    """The words of one hard line, as many to a line as fit."""
    lines: list[Line] = []
    line: list[_Word] = []  # the words on the line being filled
    used = 0.0
    queue = list(reversed(words))
    while queue:
        word = queue.pop()
        pieces, wide, _ = word
        if line:
            gap = line[-1][2]
            wider = used + space[bool(gap)] + wide
            if wider <= width:
                line.append(word)
                used = wider
                continue
            lines.append(_line(line))
            line = []
        if wide <= width:
            line, used = [word], wide
            continue
        # A word wider than the line: as much of it as fits, cut after a hyphen if it has one.
        head, rest = _cut(pieces, width, size, measure)
        lines.append(_line([(head, 0.0, None)]))
        if rest:
            queue.append((rest, sum(measure(t, size, b) for t, b in rest), word[2]))
    if line:
        lines.append(_line(line))
    return lines


def _cut(pieces: list[Run], width: float, size: float,
         measure: Measure) -> tuple[list[Run], list[Run]]:
    """A word's runs cut where as much of it as fits `width` ends (at least one character)."""
    text = "".join(t for t, _ in pieces)

    def split(at: int) -> tuple[list[Run], list[Run]]:
        head: list[Run] = []
        tail: list[Run] = []
        for piece, bold in pieces:
            if at >= len(piece):
                head.append((piece, bold))
            elif at > 0:
                head.append((piece[:at], bold))
                tail.append((piece[at:], bold))
            else:
                tail.append((piece, bold))
            at -= len(piece)
        return head, tail

    def fits(part: str) -> bool:
        return sum(measure(t, size, b) for t, b in split(len(part))[0]) <= width

    # At least one character, even when none fits: never loop forever.
    return split(word_cut(text, fits) or 1)


def _line(words: list[_Word]) -> Line:
    """The runs of a line: its words, one space between each in the weight it was written in."""
    out: list[Run] = []
    gap: bool | None = None  # the weight of the space before the word, None first
    for pieces, _, after in words:
        out_pieces = [(" ", gap), *pieces] if gap is not None else pieces
        gap = bool(after)
        for piece, bold in out_pieces:
            if out and out[-1][1] == bold:
                out[-1] = (out[-1][0] + piece, bold)
            else:
                out.append((piece, bold))
    return tuple(out)


def line_text(line: Line) -> str:
    """The words of a printed line, without their weights."""
    return "".join(text for text, _ in line)
