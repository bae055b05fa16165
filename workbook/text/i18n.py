"""Translations: every printed and interface string goes through here.

Two languages matter at once: the plan's language decides every printed word
(`translator(plan_language).gettext(...)`), and the program's own interface
follows a language setting (`_()`, default: the system locale). Strings are
marked where they are written so that Babel can extract them (`babel.cfg`,
`scripts/i18n.sh`); `N_()` marks a string that is translated later (a
module-level table, a model field's title).

English is the source language: its text is written in the code and templates,
so it needs no catalogue. Every other language has a gettext catalogue,
``workbook/locale/<language>/LC_MESSAGES/workbook.po``, read at run time with
Babel (`read_po`) and turned into a standard `gettext.GNUTranslations` in
memory. Reading the .po itself means there is no build output to forget or to
commit: the wheel ships the same file the translator edits, and fuzzy entries
are never used (they are a translator's unfinished work). To spare each start
that parse, `scripts/setup.sh` compiles the same thing into
``LC_MESSAGES/__cache__/`` (ignored by git), named after the .po's size and
modification time; a missing or outdated one means reading the .po as before.

This room sits at the bottom of the layers: it knows nothing about plans, so
every room above, the plan's own validation messages included, can speak
through it.
"""

from __future__ import annotations

import gettext
import io
import os
from functools import cache
from importlib import resources
from pathlib import Path

from .cachefiles import replace_cache_file

DOMAIN = "workbook"
SOURCE_LANGUAGE = "en"
_PACKAGE = "workbook"
_LOCALE_DIR = "locale"
_CACHE_DIR = "__cache__"  # compiled catalogues, made by scripts/setup.sh

_interface_language: str | None = None


class UnknownLanguageError(ValueError):
    """A language the workbook has no catalogue for (one-line message)."""


def catalogue_file(language: str) -> resources.abc.Traversable:
    """Where the gettext catalogue of `language` lives inside the package."""
    return resources.files(_PACKAGE).joinpath(
        _LOCALE_DIR, language, "LC_MESSAGES", f"{DOMAIN}.po"
    )


@cache
def languages() -> tuple[str, ...]:
    """The languages the workbook prints and speaks: English, then one per catalogue."""
    root = resources.files(_PACKAGE).joinpath(_LOCALE_DIR)
    found = (
        sorted(entry.name for entry in root.iterdir() if catalogue_file(entry.name).is_file())
        if root.is_dir()
        else []
    )
    return (SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE))


def check_language(language: str) -> str:
    """`language` if the workbook has it, else an `UnknownLanguageError` naming the choices."""
    if language not in languages():
        raise UnknownLanguageError(
            _("{language!r} is not a workbook language (available: {available})").format(
                language=language, available=", ".join(languages())
            )
        )
    return language


@cache
def translator(language: str) -> gettext.NullTranslations:
    """The translations of `language` (English: the text as written in the code)."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    check_language(language)
    compiled = _compiled_file(language)
    try:
        with compiled.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except OSError:  # not compiled (or compiled from an older .po): read the .po itself
        return gettext.GNUTranslations(io.BytesIO(_compile(language)))


def _compile(language: str) -> bytes:
    """The catalogue of `language` as a .mo file, fuzzy entries left out."""
    # Babel is imported only when a catalogue is read: an English session never pays for it.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with catalogue_file(language).open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    return compiled.getvalue()


def _compiled_file(language: str) -> Path:
    """Where `scripts/setup.sh` keeps the compiled catalogue of `language`.

    Reading the 80 KB .po takes about 20 ms of every start in Spanish; the
    compiled file is named after the .po's size and modification time, so an
    edited catalogue is never answered from an old compilation.
    """
    source = Path(str(catalogue_file(language)))
    stat = source.stat()
    return source.parent / _CACHE_DIR / f"{DOMAIN}-{stat.st_size}-{stat.st_mtime_ns}.mo"


def compile_catalogues() -> None:
    """Compile every catalogue beside its .po (run by `scripts/setup.sh`; old ones removed)."""
    for language in languages():
        if language == SOURCE_LANGUAGE:
            continue
        replace_cache_file(_compiled_file(language), _compile(language),
                           older=f"{DOMAIN}-*.mo")


def system_language() -> str:
    """The interface language the system asks for, as gettext reads it, else English.

    The first of LANGUAGE (a colon-separated list), LC_ALL, LC_MESSAGES and
    LANG that is set decides; the first of its languages the workbook has wins.
    """
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if not value:
            continue
        for entry in value.split(":"):
            code = entry.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in languages():
                return code
        if variable != "LANGUAGE":
            break  # gettext stops at the first locale variable set
    return SOURCE_LANGUAGE


def set_interface_language(language: str | None) -> None:
    """Choose the language of the program's own interface (None: the system's)."""
    global _interface_language
    _interface_language = check_language(language) if language is not None else None


def interface_language() -> str:
    return _interface_language if _interface_language is not None else system_language()


def _(message: str) -> str:
    """An interface string in the interface language."""
    return translator(interface_language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """An interface string with a count, in the interface language."""
    return translator(interface_language()).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it here."""
    return message


def display_name(language: str, in_language: str | None = None) -> str:
    """A language's name as a person reads it ("English", "Español"), in `in_language`."""
    from babel import Locale

    name = Locale.parse(language).get_display_name(in_language or interface_language())
    return (name or language)[:1].upper() + (name or language)[1:]
