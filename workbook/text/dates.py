"""Dates in words, as people write them where the workbook is read (Babel).

The locale follows the language and the paper: English on Letter is the
United States (January 12, 2027), English on A4 is British usage
(12 January 2027), and Spanish is the Spanish of the United States
(12 de enero de 2027). Babel's CLDR data is used, never the C library's
locale, which Qt switches to the user's locale behind our back.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

Style = Literal["short", "medium", "long", "full"]

# Locales by language and paper size; "*" for any paper.
_LOCALES: dict[tuple[str, str], str] = {
    ("en", "letter"): "en_US",
    ("en", "*"): "en_GB",
    ("es", "*"): "es_US",
}


def date_locale(language: str = "en", paper: str = "letter") -> str:
    """The Babel locale for dates in `language` on `paper` ("letter" or "a4")."""
    return _LOCALES.get((language, str(paper)), _LOCALES.get((language, "*"), language))


def format_date(
    day: dt.date | None, *, language: str = "en", paper: str = "letter", style: Style = "long"
) -> str:
    """`day` in words for a reader of `language` on `paper` ("" for no date)."""
    if day is None:
        return ""
    from babel.dates import format_date as babel_format_date

    return str(babel_format_date(day, format=style, locale=date_locale(language, paper)))
