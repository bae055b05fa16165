"""The gettext catalogues: every message of the code translated, none fuzzy, placeholders kept.

The messages are extracted from the source as `scripts/i18n.sh` does (Babel,
babel.cfg), so a string wrapped in `_()` or a field added to the model without
its Spanish fails here, not in front of a Spanish-speaking client.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from workbook.text.i18n import catalogue_file, languages

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = [language for language in languages() if language != "en"]


def _source_messages() -> set[str]:
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


@pytest.fixture(scope="module")
def source_messages() -> set[str]:
    return _source_messages()


def _catalogue(language: str) -> Catalog:
    with catalogue_file(language).open("rb") as handle:
        return read_po(handle, locale=language)


def test_spanish_is_a_translated_language() -> None:
    assert "es" in TRANSLATED


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_of_the_code_is_in_the_catalogue(
    language: str, source_messages: set[str]
) -> None:
    catalogue = _catalogue(language)
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue if m.id}
    missing = sorted(source_messages - ids)
    assert not missing, (
        f"{len(missing)} messages missing from {language}: run 'bash scripts/i18n.sh' and "
        f"translate them: {missing[:10]}"
    )


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_message_is_untranslated_or_fuzzy(language: str) -> None:
    problems = []
    for message in _catalogue(language):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(s and s.strip() for s in strings):
            problems.append(message.id)
    assert not problems, f"untranslated or fuzzy in {language}: {problems[:10]}"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("language", TRANSLATED)
def test_placeholders_are_kept(language: str) -> None:
    for message in _catalogue(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for translated in strings:
            assert _fields(translated) == _fields(ids[-1]), (message.id, translated)


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_catalogue_is_valid_gettext(language: str, tmp_path: Path) -> None:
    from babel.messages.mofile import write_mo

    with (tmp_path / "x.mo").open("wb") as handle:
        write_mo(handle, _catalogue(language))
    assert not list(_catalogue(language).check())


def test_the_template_of_messages_is_current(source_messages: set[str]) -> None:
    with (ROOT / "workbook" / "locale" / "workbook.pot").open("rb") as handle:
        pot = read_po(handle)
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in pot if m.id}
    assert ids == source_messages, "run 'bash scripts/i18n.sh' to update workbook.pot"


def test_no_mo_files_are_committed() -> None:
    # The .po files are the catalogues (workbook/text/i18n.py): a committed
    # compiled copy could only go stale. scripts/setup.sh compiles them into
    # __cache__ (ignored by git), named after the .po's size and time.
    found = (ROOT / "workbook" / "locale").rglob("*.mo")
    assert [p for p in found if "__cache__" not in p.parts] == []
    assert "workbook/locale/*/LC_MESSAGES/__cache__/" in (ROOT / ".gitignore").read_text()


# Python's %-formatting ("%s", "%(name)s"); Qt's own "%v of %m" is not one.
_PERCENT = re.compile(r"%(\(\w+\))?[sdrif]")


def test_messages_use_format_fields_not_percent() -> None:
    # One placeholder style, so the test of placeholders above sees them all.
    with (ROOT / "workbook" / "locale" / "workbook.pot").open("rb") as handle:
        pot = read_po(handle)
    assert not [m.id for m in pot if m.id and _PERCENT.search(str(m.id))]
