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


# The workbook's own locales, in the words Babel's CLDR gives them: the
# "long" date pattern with its months, the month and year of the wallet card
# ("yMMM": "Sept 2026" in British usage), and the weekdays Monday to Sunday.
# Loading Babel's tables for a locale costs ~7 ms the first time in a process
# (every one-shot `build`, every batch worker's first workbook) to print a
# dozen words; any other locale or style still asks Babel.
# tests/text/test_dates.py compares them with Babel, day by day.
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
              "septiembre", "octubre", "noviembre", "diciembre")
_LONG: dict[str, tuple[str, tuple[str, ...]]] = {
    "en_US": ("{month} {day}, {year}", _MONTHS_EN),
    "en_GB": ("{day} {month} {year}", _MONTHS_EN),
    "es_US": ("{day} de {month} de {year}", _MONTHS_ES),
}
_MONTH_YEAR: dict[str, tuple[str, ...]] = {
    "en_US": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "en_GB": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"),
    "es_US": ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"),
}
_WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en_US": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es_US": ("Lunes", "Martes", "Miércoles", "Jueves", "Viernes", "Sábado", "Domingo"),
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
    locale = date_locale(language, paper)
    known = _LONG.get(locale) if style == "long" else None
    if known is not None:
        pattern, months = known
        return pattern.format(month=months[day.month - 1], day=day.day, year=day.year)
    # Imported when first needed: the one-shot commands that print no date
    # start faster without Babel's tables.
    from babel.dates import format_date as babel_format_date

    return str(babel_format_date(day, format=style, locale=locale))


def month_and_year(day: dt.date, *, language: str = DEFAULT_LANGUAGE,
                   paper: str = DEFAULT_PAPER) -> str:
    """The month, abbreviated, and year of `day` ("Nov 2026"; Babel's skeleton "yMMM")."""
    locale = date_locale(language, paper)
    months = _MONTH_YEAR.get(locale)
    if months is not None:
        return f"{months[day.month - 1]} {day.year}"
    from babel.dates import format_skeleton

    return str(format_skeleton("yMMM", day, locale=locale))


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
    locale = date_locale(language)
    known = _WEEKDAYS.get(locale)
    if known is not None:
        return known
    return babel_weekday_names(locale)


def babel_weekday_names(locale: str) -> tuple[str, ...]:
    """Monday to Sunday in `locale` as Babel writes them, capitalised."""
    from babel.dates import get_day_names

    names = get_day_names("wide", locale=locale)
    return tuple(str(names[day])[:1].upper() + str(names[day])[1:] for day in range(7))
