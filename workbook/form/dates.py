"""Dates as a counselor types them, and as the form shows them. No Qt here.

A date field accepts what people write: "2026-11-29", "11/29/2026" (month
first on Letter paper, as in the United States; day first on A4),
"November 29, 2026", "29 Nov 2026", "today", "tomorrow". It shows a date the
way the workbook prints it, so the screen and the paper agree.
"""

from __future__ import annotations

import datetime as dt
import re

from ..plan import Paper
from ..text.dates import format_date
from ..text.i18n import _

_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
)
_WORDS = {"today": 0, "tomorrow": 1, "yesterday": -1}
_TOKEN = re.compile(r"[a-z]+|\d+")


class DateTextError(ValueError):
    """The text is not a date; the message says what to type."""


def show_date(day: dt.date | None, paper: Paper, language: str = "en") -> str:
    """A date as the form shows it: the workbook's own words ("" for none)."""
    return format_date(day, language=language, paper=paper)


def example(paper: Paper) -> str:
    return show_date(dt.date(2026, 11, 29), paper)


def _month(word: str) -> int | None:
    if len(word) < 3:
        return None
    found = [i for i, name in enumerate(_MONTHS, 1) if name.startswith(word)]
    return found[0] if len(found) == 1 else None


def _year(text: str) -> int:
    number = int(text)
    return number + 2000 if len(text) <= 2 else number


def parse_date(
    text: str, paper: Paper, *, today: dt.date | None = None, complete: bool = True
) -> dt.date | None:
    """The date in `text`, None for an empty text.

    With `complete`, the year must be given in full (while typing, "11/2" and
    "11/29/20" are not yet dates); without it a two-digit year is this
    century's and a missing year is this year's. Raises `DateTextError`.
    """
    today = today or dt.date.today()
    words = _TOKEN.findall(text.strip().lower())
    if not words:
        return None
    if len(words) == 1 and words[0] in _WORDS:
        return today + dt.timedelta(days=_WORDS[words[0]])
    names = [w for w in words if not w.isdigit()]
    numbers = [w for w in words if w.isdigit()]
    day = month = year = None
    if names:
        months = [m for m in (_month(w) for w in names) if m is not None]
        if len(months) != 1 or len(names) != 1 or not 1 <= len(numbers) <= 2:
            raise DateTextError(_problem(paper))
        month = months[0]
        day = int(numbers[0])
        if len(numbers) == 2:
            year = _year(numbers[1])
    elif len(numbers) == 3 and len(numbers[0]) == 4:  # 2026-11-29
        year, month, day = int(numbers[0]), int(numbers[1]), int(numbers[2])
    elif len(numbers) in (2, 3):
        first, second = int(numbers[0]), int(numbers[1])
        month, day = (first, second) if paper == Paper.LETTER else (second, first)
        if len(numbers) == 3:
            year = _year(numbers[2])
    else:
        raise DateTextError(_problem(paper))
    year_words = [w for w in numbers if len(w) == 4]
    if complete and (year is None or not year_words):
        raise DateTextError(_problem(paper))
    if year is None:
        year = today.year
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateTextError(_problem(paper)) from None


def _problem(paper: Paper) -> str:
    return _("not a date; type one such as {example}, or pick one from the calendar").format(
        example=example(paper)
    )
