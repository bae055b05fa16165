"""Dates in words, as people write them where the workbook is read (Babel): the one date formatter.

The locale follows the language and the paper: English on Letter is the
United States (January 12, 2027), English on A4 is British usage
(12 January 2027), and Spanish is the Spanish of the United States
(12 de enero de 2027). Babel's copy of the Unicode CLDR is used, shipped with
the package: never the C library's locale, which Qt switches to the user's
locale behind our back, and never the network.

The workbook, the cards, the form, the change summaries and the command line
all write dates through here, so a date reads the same on screen and on paper.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

# "long": January 12, 2027 (printed pages, the form); "medium": Jan 12, 2027
# (lists with little room).
Style = Literal["short", "medium", "long", "full"]

DEFAULT_LANGUAGE = "en"
# The program's own lists (the plan library) have no paper of their own; the
# program is made for the United States first, where plans print on Letter.
DEFAULT_PAPER = "letter"

# Locales by language and paper size; "*" for any paper.
_LOCALES: dict[tuple[str, str], str] = {
    ("en", "letter"): "en_US",
    ("en", "*"): "en_GB",
    ("es", "*"): "es_US",
}


def date_locale(language: str = DEFAULT_LANGUAGE, paper: str = DEFAULT_PAPER) -> str:
    """The Babel locale for dates in `language` on `paper` ("letter" or "a4")."""
    return _LOCALES.get((language, str(paper)), _LOCALES.get((language, "*"), language))


def format_date(
    day: dt.date | None,
    *,
    language: str = DEFAULT_LANGUAGE,
    paper: str = DEFAULT_PAPER,
    style: Style = "long",
) -> str:
    """`day` in words for a reader of `language` on `paper` ("" for no date)."""
    if day is None:
        return ""
    # Imported when first needed: the one-shot commands that print no date
    # start faster without Babel's tables.
    from babel.dates import format_date as babel_format_date

    return str(babel_format_date(day, format=style, locale=date_locale(language, paper)))


def format_moment(
    moment: dt.datetime, *, language: str = DEFAULT_LANGUAGE, paper: str = DEFAULT_PAPER
) -> str:
    """A date and time on the person's own clock, short ("Nov 29, 2026, 2:05 PM").

    A moment with a time zone (the library stores UTC) is shown in local time.
    """
    from babel import dates

    local = moment.astimezone() if moment.tzinfo is not None else moment
    locale = date_locale(language, paper)
    day = dates.format_date(local.date(), "medium", locale=locale)
    time = dates.format_time(local.time(), "short", locale=locale)
    pattern = str(dates.get_datetime_format("medium", locale=locale))
    return pattern.replace("{1}", str(day)).replace("{0}", str(time))


def weekday_names(language: str = DEFAULT_LANGUAGE) -> tuple[str, ...]:
    """Monday to Sunday, written out and capitalised, for rows of a week planner."""
    from babel.dates import get_day_names

    names = get_day_names("wide", locale=date_locale(language))
    return tuple(str(names[day])[:1].upper() + str(names[day])[1:] for day in range(7))
