"""Printed prose is plain (Flesch-Kincaid grade <= 8) and uses respectful words."""

from __future__ import annotations

import html
import itertools
import re
from typing import Any

import pytest

from workbook.catalogues import CATALOGUE_KINDS, suggestions
from workbook.plan import PathwayKind
from workbook.text.templates import TEMPLATE_NAMES, render

MAX_GRADE = 8.0

# Stigmatising words the workbook never uses (person-first language).
FORBIDDEN = (
    "addict", "addicts", "alcoholic", "alcoholics", "abuser", "abusers", "abuse",
    "clean", "dirty", "relapse", "relapses", "junkie", "junkies", "drunk", "drunks",
    "user", "users", "substance abuse",
)  # fmt: skip
FORBIDDEN_RE = re.compile(r"\b(" + "|".join(re.escape(w) for w in FORBIDDEN) + r")\b", re.I)

# Proper names of fellowships may hold a listed word ("Alcoholics Anonymous").
PROPER_NAMES = re.compile(r"Alcoholics Anonymous", re.I)

WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
VOWEL_GROUP = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """Rough syllable count: vowel groups, less a silent final e."""
    word = word.lower()
    if word.isdigit():
        return max(1, len(word) - 1)  # "988" is read as "nine eight eight"-ish
    count = len(VOWEL_GROUP.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if word.endswith("es") and len(word) > 3 and word[-3] not in "sxzcgh" and count > 1:
        count -= 1  # "times", "lines": the e is silent
    if word.endswith("ed") and len(word) > 3 and word[-3] not in "td" and count > 1:
        count -= 1  # "helped", "used"
    return max(1, count)


def plain_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def fk_grade(text: str) -> float:
    """Flesch-Kincaid grade level of plain English text."""
    words = WORD.findall(text)
    if not words:
        raise ValueError("no words")
    sentences = max(1, len(re.findall(r"[.!?]+(?=\s|$)", text.strip())))
    if not re.search(r"[.!?]\s*$", text.strip()):
        sentences += 1  # a heading-like last line without a full stop
    total_syllables = sum(syllables(w) for w in words)
    return 0.39 * len(words) / sentences + 11.8 * total_syllables / len(words) - 15.59


# -- the function itself ------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("cat", 1), ("the", 1), ("made", 1), ("table", 2), ("people", 2), ("water", 2),
        ("recovery", 4), ("naloxone", 3), ("beautiful", 3), ("helped", 1), ("counselor", 3),
        ("lines", 1), ("hope", 1), ("free", 1), ("988", 2),
    ],
)  # fmt: skip
def test_syllable_heuristic(word: str, count: int) -> None:
    assert syllables(word) == count


def test_grade_of_known_sentences() -> None:
    easy = "The cat sat on the mat. The dog ran to the park."
    # 12 words, 2 sentences, 12 syllables: 0.39*6 + 11.8*1 - 15.59 = -1.45
    assert fk_grade(easy) == pytest.approx(-1.45, abs=0.01)
    hard = (
        "Comprehensive individualized aftercare interventions facilitate sustained "
        "abstinence through multidisciplinary collaboration, continuous professional "
        "monitoring, and evidence-based psychotherapeutic methodologies."
    )
    assert fk_grade(hard) > 16
    assert fk_grade(hard) > MAX_GRADE  # so the template check can fail


def test_plain_text_strips_markup() -> None:
    assert plain_text("<b>Hi</b> &amp; bye<br/>").split() == ["Hi", "&", "bye"]


def test_forbidden_pattern_uses_word_boundaries() -> None:
    assert FORBIDDEN_RE.search("Stay clean.")
    assert FORBIDDEN_RE.search("a Relapse plan")
    assert not FORBIDDEN_RE.search("cleaning the kitchen")  # not a stand-alone word
    assert not FORBIDDEN_RE.search("a return to use")


# -- the templates --------------------------------------------------------------

CONTEXTS: list[dict[str, Any]] = [
    {"name": "", "pathways": [], "blank": True, "facility": ""},
    {"name": "Jordan", "pathways": [], "blank": False, "facility": "Riverside"},
    *[
        {"name": "Jordan", "pathways": [kind.value], "blank": blank, "facility": ""}
        for kind, blank in itertools.product(PathwayKind, (False, True))
    ],
    {
        "name": "Jordan",
        "pathways": [kind.value for kind in PathwayKind],
        "blank": False,
        "facility": "",
    },
]


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_templates_are_easy_to_read(name: str) -> None:
    for context in CONTEXTS:
        text = plain_text(render(name, **context))
        grade = fk_grade(text)
        assert grade <= MAX_GRADE, f"{name} ({context}): grade {grade:.1f}: {text}"


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_templates_use_respectful_words(name: str) -> None:
    for context in CONTEXTS:
        text = plain_text(render(name, **context))
        match = FORBIDDEN_RE.search(PROPER_NAMES.sub("", text))
        assert match is None, f"{name}: {match.group(0) if match else ''!r}"


@pytest.mark.parametrize("kind", CATALOGUE_KINDS)
def test_catalogues_use_respectful_words(kind: str) -> None:
    for item in suggestions(kind):
        for text in (item.text, item.detail):
            match = FORBIDDEN_RE.search(PROPER_NAMES.sub("", text))
            assert match is None, f"{kind}: {text!r}"


# -- Spanish ----------------------------------------------------------------------
# The same gates for the Spanish workbook: Fernández-Huerta (textstat), the usual
# plain-language measure for Spanish, at least 70 ("fairly easy"), and
# person-first words: no label that makes a person their substance use.

MIN_FERNANDEZ_HUERTA = 70.0

FORBIDDEN_ES = (
    "adicto", "adicta", "adictos", "adictas", "drogadicto", "drogadicta", "drogadictos",
    "drogadictas", "alcohólico", "alcohólica", "alcohólicos", "alcohólicas", "limpio",
    "limpia", "limpios", "limpias", "sucio", "sucia", "sucios", "sucias", "abuso", "abusos",
    "abusador", "abusadores", "recaída", "recaídas", "borracho", "borracha", "borrachos",
    "tecato", "tecatos", "drogata", "toxicómano", "toxicómanos", "vicioso", "viciosos",
)  # fmt: skip
FORBIDDEN_ES_RE = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(w) for w in FORBIDDEN_ES) + r")(?!\w)", re.I
)
# Fellowship names may hold a listed word ("Alcohólicos Anónimos").
PROPER_NAMES_ES = re.compile(r"Alcohólicos Anónimos|Alcoholics Anonymous", re.I)


def fernandez_huerta(text: str) -> float:
    import textstat

    textstat.set_lang("es")
    try:
        return float(textstat.fernandez_huerta(text))
    finally:
        textstat.set_lang("en_US")


def test_fernandez_huerta_tells_easy_from_hard() -> None:
    easy = "El perro corre en el parque. La casa es grande. Hoy hace sol."
    hard = (
        "La implementación de intervenciones multidisciplinarias individualizadas "
        "facilita la consolidación de la abstinencia mediante metodologías "
        "psicoterapéuticas fundamentadas en evidencia científica contemporánea."
    )
    assert fernandez_huerta(easy) > 90
    assert fernandez_huerta(hard) < MIN_FERNANDEZ_HUERTA  # so the template check can fail


def test_spanish_forbidden_pattern_uses_word_boundaries() -> None:
    assert FORBIDDEN_ES_RE.search("Llevo seis meses limpio.")
    assert FORBIDDEN_ES_RE.search("una Recaída")
    assert not FORBIDDEN_ES_RE.search("Limpieza dental")
    assert not FORBIDDEN_ES_RE.search(PROPER_NAMES_ES.sub("", "Alcohólicos Anónimos (AA)"))


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_spanish_templates_are_easy_to_read(name: str) -> None:
    for context in CONTEXTS:
        text = plain_text(render(name, language="es", **context))
        score = fernandez_huerta(text)
        assert score >= MIN_FERNANDEZ_HUERTA, f"{name} ({context}): {score:.1f}: {text}"


def test_the_spanish_prose_as_a_whole_is_easy_to_read() -> None:
    # Every template of a full and of a blank workbook, read as one text.
    for context in (CONTEXTS[0], CONTEXTS[-1]):
        text = "\n\n".join(plain_text(render(n, language="es", **context)) for n in TEMPLATE_NAMES)
        assert fernandez_huerta(text) >= MIN_FERNANDEZ_HUERTA


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_spanish_templates_use_respectful_words(name: str) -> None:
    for context in CONTEXTS:
        text = plain_text(render(name, language="es", **context))
        match = FORBIDDEN_ES_RE.search(PROPER_NAMES_ES.sub("", text))
        assert match is None, f"{name}: {match.group(0) if match else ''!r}"


@pytest.mark.parametrize("kind", CATALOGUE_KINDS)
def test_spanish_catalogues_use_respectful_words(kind: str) -> None:
    for item in suggestions(kind, language="es"):
        for text in (item.text, item.detail):
            match = FORBIDDEN_ES_RE.search(PROPER_NAMES_ES.sub("", text))
            assert match is None, f"{kind}: {text!r}"


def test_spanish_catalogue_messages_use_respectful_words() -> None:
    from babel.messages.pofile import read_po

    from workbook.text.i18n import catalogue_file

    with catalogue_file("es").open("rb") as handle:
        catalogue = read_po(handle, locale="es")
    for message in catalogue:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            match = FORBIDDEN_ES_RE.search(PROPER_NAMES_ES.sub("", text or ""))
            assert match is None, f"{message.id!r}: {text!r}"
