"""The Spanish workbook: every printed word in Spanish, every answer printed, dates in Spanish.

Built as a person would: the Spanish example plan and the blank workbook with
`--language es`. Proper names (of people, streets, fellowships) may be English;
English words of the workbook's own never are.
"""

from __future__ import annotations

import re

import pytest
from pdfutil import body_text, extract_text, missing_strings, page_texts

from workbook.cli import main
from workbook.example import example_plan
from workbook.options import BuildResult, RenderOptions
from workbook.pdf import build_cards_pdf, build_workbook
from workbook.plan import Paper, Plan

# Words that only English has (not Spanish ones such as "no", "me", "a", "con").
_ENGLISH_WORDS = """
the and of to in is are was be you your yours for with on at by or not this that these
those what when where who how which will can do does my our we they them their his her if
all each every any from it its into out up down about after before here there than then
page sheet sheets call text phone name date time day week print cut fold help line lines
card cards contact write tick goal goals trackers signature steps step signs
"""
ENGLISH = frozenset(_ENGLISH_WORDS.split())

# Proper names in the example plan and the bundled lines (fictional people, real names of
# fellowships and streets), which stay as they are in a Spanish workbook.
_PROPER_WORDS = """
SMART Recovery Oak Street Elm Pine Main Park Avenue Murphy's Zoom LADC Riverside Walt
Tasha Green Dale Thompson Chris Baker Ruth Adeyemi Grace Okafor Sam Ortiz Lan Jordan Reyes
Rick Narcan SAMHSA AYUDA IOP Avery Letter Refuge Dharma LifeRing Secular Women Sobriety
"""
PROPER = frozenset(_PROPER_WORDS.split())

ENGLISH_MONTHS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
WORD = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ']+")


def english_words(text: str) -> list[str]:
    return [w for w in WORD.findall(text) if w.lower() in ENGLISH and w not in PROPER]


@pytest.fixture(scope="module")
def plan() -> Plan:
    return example_plan("es")


@pytest.fixture(scope="module")
def spanish(plan: Plan) -> BuildResult:
    return build_workbook(plan, RenderOptions.for_plan(plan))


@pytest.fixture(scope="module")
def blank() -> BuildResult:
    return build_workbook(None, RenderOptions.for_blank(language="es"))


def test_the_spanish_example_is_a_complete_spanish_plan(plan: Plan) -> None:
    english = example_plan("en")
    assert plan.print_settings.language == "es"
    # Every section exercised as in the English example: the same lists, as long.
    for section in ("prevention", "support_network", "whole_health", "continuing_care",
                    "goals", "crisis_plan", "check_ins"):
        ours, theirs = getattr(plan, section), getattr(english, section)
        for name in type(theirs).model_fields:
            value = getattr(theirs, name)
            if isinstance(value, list):
                assert len(getattr(ours, name)) == len(value), f"{section}.{name}"
    assert plan.about.snapshot.progress.startswith("Terminó")
    assert all("555-01" in p.phone for p in plan.support_network.people)


def test_every_spanish_answer_is_printed(plan: Plan, spanish: BuildResult) -> None:
    assert missing_strings(spanish.pdf, plan, frozenset({"print_settings"})) == []


@pytest.mark.parametrize("which", ["spanish", "blank"])
def test_no_english_words_are_printed(which: str, request: pytest.FixtureRequest) -> None:
    result: BuildResult = request.getfixturevalue(which)
    words = english_words(extract_text(result.pdf))
    assert words == [], sorted(set(words))


@pytest.mark.parametrize("which", ["spanish", "blank"])
def test_dates_days_and_pages_are_written_in_spanish(
    which: str, request: pytest.FixtureRequest
) -> None:
    result: BuildResult = request.getfixturevalue(which)
    text = extract_text(result.pdf)
    assert not ENGLISH_MONTHS.search(text), ENGLISH_MONTHS.search(text)
    pages = page_texts(result.pdf)
    assert f"Página 2 de {result.page_count}" in pages[1]
    assert "Líneas de crisis revisadas por última vez el 22 de noviembre de 2026" in (
        " ".join(body_text(result.pdf).split())
    )


def test_plan_dates_print_in_spanish(spanish: BuildResult) -> None:
    text = " ".join(extract_text(spanish.pdf).split())
    for date in ("20 de noviembre de 2026", "25 de noviembre de 2026", "18 de diciembre de 2026",
                 "8 de marzo de 2027"):
        assert date in text


def test_the_crisis_lines_say_how_to_reach_them_in_spanish(spanish: BuildResult) -> None:
    text = " ".join(extract_text(spanish.pdf).split())
    assert "988 Línea de Prevención del Suicidio y Crisis" in text
    assert "marque 2" in text and "AYUDA" in text
    assert "Línea Nacional de Ayuda de SAMHSA" in text


@pytest.mark.parametrize("which", ["contact", "wallet"])
def test_the_cards_alone_are_spanish_too(which: str, plan: Plan) -> None:
    for source in (plan, None):
        options = (RenderOptions.for_plan(plan) if source is not None
                   else RenderOptions.for_blank(language="es"))
        result = build_cards_pdf(source, options, which)  # type: ignore[arg-type]
        text = extract_text(result.pdf)
        assert english_words(text) == [], sorted(set(english_words(text)))
    wallet = extract_text(build_cards_pdf(plan, RenderOptions.for_plan(plan), "wallet").pdf)
    assert "Mis señales de alerta" in wallet and "A quién llamo, en orden" in wallet
    assert "Mi plan de crisis" in wallet


def test_a_discreet_spanish_card_keeps_treatment_words_off(plan: Plan) -> None:
    discreet = plan.model_copy(deep=True)
    discreet.wallet_card.discreet = True
    result = build_cards_pdf(discreet, RenderOptions.for_plan(discreet), "wallet")
    text = extract_text(result.pdf)
    assert "Números importantes" in text
    assert "Línea de ayuda" in text
    assert "padrino" not in text.lower() and "naloxona" not in text.lower()


def test_the_language_flag_beats_the_plan(plan: Plan) -> None:
    english = build_workbook(plan, RenderOptions.for_plan(plan, language="en"))
    text = extract_text(english.pdf)
    assert "Page 2 of" in text and "Página" not in text


def test_the_command_line_builds_the_spanish_example(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    plan_file, pdf, blank_pdf = folder / "plan.json", folder / "w.pdf", folder / "b.pdf"
    assert main(["example", "--language", "es", "-o", str(plan_file)]) == 0
    assert main(["build", str(plan_file), "-o", str(pdf)]) == 0
    assert main(["blank", "--language", "es", "--paper", "a4", "-o", str(blank_pdf)]) == 0
    assert "Página 1 de" not in extract_text(pdf.read_bytes())  # no footer on the cover
    assert "Mi plan de recuperación" in extract_text(pdf.read_bytes())
    assert "Página 2 de" in extract_text(blank_pdf.read_bytes())
    assert main(["build", str(plan_file), "--language", "en", "-o", str(pdf)]) == 0
    assert "My Recovery Plan" in extract_text(pdf.read_bytes())


def test_a4_spanish_dates(plan: Plan) -> None:
    result = build_workbook(plan, RenderOptions.for_plan(plan, paper=Paper.A4))
    assert "20 de noviembre de 2026" in " ".join(extract_text(result.pdf).split())
