"""Translations: English as written, other languages from their .po catalogues."""

from __future__ import annotations

import gettext
import io
from pathlib import Path

import pytest

from workbook.text import i18n
from workbook.text.i18n import (
    N_,
    UnknownLanguageError,
    _,
    check_language,
    display_name,
    interface_language,
    languages,
    set_interface_language,
    system_language,
    translator,
)


def test_english_and_spanish_are_the_languages() -> None:
    assert languages()[0] == "en"
    assert "es" in languages()


def test_english_is_the_text_as_written() -> None:
    assert isinstance(translator("en"), gettext.NullTranslations)
    assert translator("en").gettext("Phone") == "Phone"


def test_spanish_comes_from_the_catalogue() -> None:
    spanish = translator("es")
    assert isinstance(spanish, gettext.GNUTranslations)
    assert spanish.gettext("Phone") == "Teléfono"


def test_an_unknown_language_is_refused_in_one_line() -> None:
    message = r"'fr' is not a workbook language \(available: en, es"
    with pytest.raises(UnknownLanguageError, match=message):
        check_language("fr")
    with pytest.raises(UnknownLanguageError):
        translator("xx")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "en"),
        ({"LANG": "es_US.UTF-8"}, "es"),
        ({"LANG": "es_MX.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),  # LC_ALL comes first
        ({"LANGUAGE": "fr:es", "LANG": "en_US.UTF-8"}, "es"),  # the first one we have
        ({"LANGUAGE": "fr", "LANG": "es_ES.UTF-8"}, "es"),  # none in LANGUAGE: go on
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
    ],
)
def test_system_language_follows_the_gettext_variables(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert system_language() == expected


def test_the_interface_follows_the_setting_then_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "es_US.UTF-8")
    assert interface_language() == "es"
    assert _("Phone") == "Teléfono"
    set_interface_language("en")
    assert _("Phone") == "Phone"
    set_interface_language(None)
    assert _("Phone") == "Teléfono"
    with pytest.raises(UnknownLanguageError):
        set_interface_language("fr")


def test_n_marks_without_translating(monkeypatch: pytest.MonkeyPatch) -> None:
    set_interface_language("es")
    assert N_("Phone") == "Phone"


def test_fuzzy_entries_are_never_used(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    po = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=utf-8\\n"\n\n'
        '#, fuzzy\nmsgid "Phone"\nmsgstr "Telefonito"\n\n'
        'msgid "Name"\nmsgstr "Nombre"\n'
    )
    import pathlib

    folder = pathlib.Path(str(tmp_path)) / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "workbook.po").write_text(po, encoding="utf-8")
    monkeypatch.setattr(i18n, "catalogue_file", lambda language: folder / "workbook.po")
    monkeypatch.setattr(i18n, "languages", lambda: ("en", "xx"))
    translator.cache_clear()
    try:
        fake = translator("xx")
        assert fake.gettext("Name") == "Nombre"
        assert fake.gettext("Phone") == "Phone"
    finally:
        translator.cache_clear()


def test_language_names_are_in_the_reader_language() -> None:
    assert display_name("es", "es") == "Español"
    assert display_name("es", "en") == "Spanish"
    assert display_name("en", "es") == "Inglés"


def test_a_compiled_catalogue_says_what_the_po_says(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from_po = gettext.GNUTranslations(io.BytesIO(i18n._compile("es")))
    compiled = tmp_path / "__cache__" / "workbook-test.mo"
    monkeypatch.setattr(i18n, "_compiled_file", lambda language: compiled)
    i18n.translator.cache_clear()
    try:
        assert i18n.translator("es")._catalog == from_po._catalog  # type: ignore[attr-defined]
        compiled.parent.mkdir()
        compiled.write_bytes(i18n._compile("es"))
        i18n.translator.cache_clear()
        assert i18n.translator("es")._catalog == from_po._catalog  # type: ignore[attr-defined]
        assert i18n.translator("es").gettext("Page {number} of {total}") != (
            "Page {number} of {total}")
    finally:
        i18n.translator.cache_clear()


def test_a_compiled_catalogue_is_named_after_its_po() -> None:
    source = Path(str(i18n.catalogue_file("es")))
    name = i18n._compiled_file("es").name
    assert name == f"workbook-{source.stat().st_size}-{source.stat().st_mtime_ns}.mo"
