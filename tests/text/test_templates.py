"""The printed prose: one strict, autoescaped environment and every template."""

from __future__ import annotations

import itertools
import re
from importlib import resources
from typing import Any

import jinja2
import pytest
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph

from workbook.plan import PathwayKind
from workbook.text.templates import TEMPLATE_NAMES, TemplateError, environment, languages, render

# The template names the PDF builder renders (docs/ARCHITECTURE.md, "Words").
CONTRACT_NAMES = {
    "how_to_use", "pathways", "prevention", "support_network", "whole_health",
    "continuing_care", "goals", "crisis_plan", "check_ins", "trackers", "review_log",
    "signatures", "contact_cards", "wallet_card", "online_privacy", "overdose",
    "safer_surroundings", "keep_going",
    "after_crisis", "cover_tagline", "pathway_self_management", "pathway_clinical",
    "pathway_mutual_support", "pathway_faith_based", "pathway_other",
    "tracker_daily_check_in", "tracker_craving_log", "tracker_meeting_log", "tracker_mood",
}  # fmt: skip

ALL_PATHWAYS = [kind.value for kind in PathwayKind]
PATHWAY_SETS = [
    list(combo)
    for size in range(len(ALL_PATHWAYS) + 1)
    for combo in itertools.combinations(ALL_PATHWAYS, size)
]
# (The crisis page has one line of instruction, not an introduction: it must fit one page.)
SECTION_INTROS = {
    "how_to_use", "pathways", "prevention", "support_network", "whole_health",
    "continuing_care", "goals", "check_ins",
}  # fmt: skip
ALLOWED_TAG = re.compile(r"<(/?[bi]|br/)>")


def ctx(
    *, blank: bool = False, pathways: list[str] | None = None, **extra: object
) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": "" if blank else "Jordan R.",
        "pathways": [] if pathways is None else pathways,
        "blank": blank,
        "facility": "",
    }
    base.update(extra)
    return base


def test_template_names_match_the_contract_and_the_files() -> None:
    assert set(TEMPLATE_NAMES) == CONTRACT_NAMES
    folder = resources.files("workbook").joinpath("templates", "en")
    on_disk = {entry.name.removesuffix(".j2") for entry in folder.iterdir()}
    assert on_disk == CONTRACT_NAMES


def test_context_values_are_escaped() -> None:
    text = render("how_to_use", **ctx(name="<b>Jo</b> & <img src=x>", facility="A&B <i>"))
    assert "&lt;b&gt;Jo&lt;/b&gt; &amp; &lt;img src=x&gt;" in text
    assert "A&amp;B &lt;i&gt;" in text
    assert "<b>Jo" not in text and "<img" not in text


def test_inline_templates_share_the_autoescaping() -> None:
    template = environment().from_string("{{ value }}")
    assert template.render(value="<b>") == "&lt;b&gt;"


def test_missing_variable_raises() -> None:
    template = environment().from_string("Hello {{ nobody }}.")
    with pytest.raises(jinja2.UndefinedError):
        template.render()
    with pytest.raises(jinja2.UndefinedError):
        render("how_to_use", pathways=[], blank=False, facility="")  # no name


def test_environment_is_made_once() -> None:
    assert environment() is environment()


def test_unknown_template_and_language_give_clear_errors() -> None:
    with pytest.raises(TemplateError, match="no template 'nonexistent'"):
        render("nonexistent", **ctx())
    with pytest.raises(TemplateError, match=r"language 'xx'.*available: en"):
        render("how_to_use", language="xx", **ctx())
    with pytest.raises(TemplateError, match="invalid template name"):
        render("../en/how_to_use", **ctx())
    assert languages() == ("en", "es")


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_language_has_every_template(language: str) -> None:
    folder = resources.files("workbook").joinpath("templates", language)
    assert {entry.name.removesuffix(".j2") for entry in folder.iterdir()} == CONTRACT_NAMES


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_every_template_renders_for_every_pathway_combination(name: str, language: str) -> None:
    style = getSampleStyleSheet()["BodyText"]
    seen: set[str] = set()
    for pathways, blank, facility in itertools.product(
        PATHWAY_SETS, (True, False), ("", "Riverside")
    ):
        text = render(name, language=language,
                      **ctx(blank=blank, pathways=pathways, facility=facility))
        if text in seen:
            continue
        seen.add(text)
        assert text.strip(), f"{name} rendered empty"
        assert text == text.strip()
        paragraphs = text.split("\n\n")
        for paragraph in paragraphs:
            assert paragraph.strip() and "\n" not in paragraph, (name, paragraph)
            assert "  " not in paragraph, (name, paragraph)
            # Only <b>, <i> and <br/> tags, and ReportLab's parser accepts them.
            assert not re.sub(ALLOWED_TAG, "", paragraph).count("<"), (name, paragraph)
            Paragraph(paragraph, style)
        if name in SECTION_INTROS:
            assert 2 <= len(paragraphs) <= 5, (name, len(paragraphs))


def test_blank_and_personal_workbooks_speak_differently() -> None:
    personal = render("how_to_use", **ctx(blank=False))
    blank = render("how_to_use", **ctx(blank=True))
    assert "Jordan R." in personal
    assert "Jordan" not in blank
    assert personal != blank
    assert render("cover_tagline", **ctx(blank=False)) != render("cover_tagline", **ctx(blank=True))


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_personal_workbook_without_a_name_reads_well(name: str, language: str) -> None:
    text = render(name, language=language, **ctx(blank=False, name=""))
    assert not text.startswith((",", " ")) and " ," not in text and "''" not in text


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_a_name_ending_in_a_full_stop_reads_well(name: str, language: str) -> None:
    text = render(name, language=language, **ctx(blank=False, name="J. R."))
    assert ".." not in text and ".," not in text.replace("J. R.,", "")


def test_line_breaks_do_not_leave_leading_spaces() -> None:
    text = render("overdose", **ctx())
    assert "<br/>" in text
    assert "<br/> " not in text


def test_facility_name_appears_when_given() -> None:
    assert "Riverside Recovery" in render("how_to_use", **ctx(facility="Riverside Recovery"))
    assert "Riverside" not in render("how_to_use", **ctx())


def test_support_network_follows_the_chosen_pathways() -> None:
    none = render("support_network", **ctx())
    mutual = render("support_network", **ctx(pathways=["mutual_support"]))
    faith = render("support_network", **ctx(pathways=["faith_based"]))
    clinical = render("support_network", **ctx(pathways=["clinical"]))
    selfm = render("support_network", **ctx(pathways=["self_management"]))
    assert "meeting" not in none.casefold()
    # Meetings lead, right after the opening paragraph.
    assert "meeting" in mutual.split("\n\n")[1].casefold()
    assert "congregation" in faith and "congregation" not in none
    assert "therapist" in clinical and "therapist" not in none
    assert "apps" in selfm and "apps" not in none
    everything = render(
        "support_network",
        **ctx(pathways=["faith_based", "mutual_support", "clinical", "self_management"]),
    )
    order = [everything.find(word) for word in ("meeting", "congregation", "therapist", "apps")]
    assert -1 not in order and order == sorted(order)


def test_clinical_pathway_adds_medicine_advice() -> None:
    assert "prescriber" in render("whole_health", **ctx(pathways=["clinical"]))
    assert "prescriber" not in render("whole_health", **ctx(pathways=["faith_based"]))


def test_print_instructions_say_actual_size() -> None:
    for name in ("wallet_card", "contact_cards"):
        text = render(name, **ctx())
        assert "100%" in text and "fit to page" in text
    assert "fold" in render("wallet_card", **ctx()).casefold()


def test_pathways_may_be_enum_members() -> None:
    as_strings = render("support_network", **ctx(pathways=["faith_based", "clinical"]))
    as_enums = render(
        "support_network", **ctx(pathways=[PathwayKind.FAITH_BASED, PathwayKind.CLINICAL])
    )
    assert as_strings == as_enums


def test_pathways_intro_without_a_choice_does_not_claim_one() -> None:
    assert "you chose" not in render("pathways", **ctx(pathways=[]))
    assert "you chose" in render("pathways", **ctx(pathways=["clinical"]))
