"""Phone numbers in printed text: found, split from their notes, kept on one line.

Pure text functions (no ReportLab). A number broken across two lines is
misdialled in a hurry, so the dialable part of every number the client typed,
"(503) 555-0150", is glued with no-break spaces; an extension ("ext. 12") may
still move to the next line.
"""

from __future__ import annotations

import re

# A phone number as people write it: "+1 (503) 555-0142 ext. 12", "988", "116 123".
PHONE = re.compile(
    r"(?P<dial>\+?\(?\d[\d\s().\-/]*\d)(?P<ext>\s*(?:ext\.?|extension|x)\s*\d+)?", re.IGNORECASE
)
NO_BREAK_SPACE = "\u00a0"
GLUE_DIGITS = 6  # shorter runs ("7 30", "12 15") are times and dates, not numbers to dial
_SPACES = re.compile(r"[ \t]+")
_DIGIT = re.compile(r"\d")


def split_phone(text: str) -> tuple[str, str]:
    """The number to print large, and whatever else the phone field says.

    "(503) 555-0100 ext. 214 (work line, weekdays only)" ->
    ("(503) 555-0100 ext. 214", "(work line, weekdays only)"). Text without a
    number of at least three digits is all "number" (it is what to call).
    """
    match = PHONE.search(text)
    if match is None or sum(c.isdigit() for c in match.group(0)) < 3:
        return " ".join(text.split()), ""
    number = " ".join(match.group(0).split())
    rest = " ".join((text[: match.start()] + " " + text[match.end() :]).split())
    return number, rest.strip(" ,;-–—")


def _glue(match: re.Match[str]) -> str:
    dial = match.group("dial")
    if sum(c.isdigit() for c in dial) < GLUE_DIGITS or "\n" in dial:
        return match.group(0)
    return _SPACES.sub(NO_BREAK_SPACE, dial) + (match.group("ext") or "")


def glue_phones(text: str) -> str:
    """`text` with the dialable part of each phone number unbreakable (no-break spaces)."""
    if _DIGIT.search(text) is None:  # most text has no number: skip the phone pattern
        return text
    return PHONE.sub(_glue, text)
