"""Everything the command line writes to a terminal goes through `clean`.

Client names, reasons, file names and notes come from people and files; a
name holding ``ESC ] 0 ; ... BEL`` or ``ESC [ 2 J`` would retitle or clear the
counselor's terminal, and one with a right-to-left override would show a
different text than it holds. `clean` writes such characters as visible
escapes (``\\x1b``, ``\\u202e``) instead; `say` and `fail` print through it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..options import OverflowNote

PROG = "recovery-workbook"

# C0 and C1 controls (tab and newline aside), DEL, the invisible marks that
# reorder text (bidirectional controls), line and paragraph separators, and
# lone surrogates (undecodable bytes in a file name), which cannot be printed.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
    "\u2066-\u2069\ud800-\udfff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: object, *, newlines: bool = False) -> str:
    """`text` with every control character written as a visible escape.

    A newline is escaped too (a message is one line), unless `newlines`.
    """
    line = _UNSAFE.sub(_escape, str(text))
    return line if newlines else line.replace("\n", "\\n")


def clean_json(text: str) -> str:
    """JSON for a terminal: the same JSON, with unsafe characters as \\u escapes."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def say(text: object = "", *, stream: TextIO | None = None, flush: bool = False) -> None:
    """Print one line (standard output by default), cleaned."""
    print(clean(text), file=stream if stream is not None else sys.stdout, flush=flush)


def report_overflow(notes: Iterable[OverflowNote]) -> None:
    """What did not fit on the cards, one note a line on standard error."""
    for note in notes:
        say(f"{PROG}: note: {note.message()}", stream=sys.stderr)


def fail(message: object) -> int:
    """Report a problem in one line on standard error; the exit status 1."""
    say(f"{PROG}: {message}", stream=sys.stderr)
    return 1
