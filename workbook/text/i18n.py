"""Translations: every printed and interface string goes through here.

Two languages matter at once: the plan's language decides every printed word
(`translator(plan_language).gettext(...)`), and the program's own interface
follows a language setting (`_()`). Strings are marked where they are written
so that the catalogue tools can extract them; `N_()` marks a string that is
translated later (a module-level table, for example).

Until the catalogues ship (the Spanish issue), every language falls back to
the English text written in the code.
"""

from __future__ import annotations

import gettext
from functools import cache

DOMAIN = "workbook"
_interface_language = "en"


@cache
def translator(language: str) -> gettext.NullTranslations:
    """The translations of the printed text for `language` (English: the text as written)."""
    return gettext.NullTranslations()


def set_interface_language(language: str) -> None:
    """Choose the language of the program's own interface (menus, page intros, titles)."""
    global _interface_language
    _interface_language = language


def interface_language() -> str:
    return _interface_language


def _(message: str) -> str:
    """An interface string in the interface language."""
    return translator(_interface_language).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """An interface string with a count, in the interface language."""
    return translator(_interface_language).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it here."""
    return message
