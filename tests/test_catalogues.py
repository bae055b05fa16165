"""Suggestion catalogues: every kind loads, is tidy, and follows the pathways."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum

import pytest

from workbook import catalogues
from workbook.catalogues import (
    CATALOGUE_KINDS,
    GROUP_ENUMS,
    CatalogueError,
    Suggestion,
    suggestions,
)
from workbook.facility import standard_crisis_lines
from workbook.plan import PathwayKind


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    catalogues._load.cache_clear()
    yield
    catalogues._load.cache_clear()


def test_kinds_match_the_contract() -> None:
    assert CATALOGUE_KINDS == (
        "triggers", "warning_signs", "high_risk_situations", "craving_strategies", "balance",
        "coping_skills", "self_care", "sober_activities", "mutual_support_groups",
        "faith_community_supports", "self_management_tools", "clinical_supports",
        "crisis_signs", "crisis_steps",
    )  # fmt: skip


@pytest.mark.parametrize("kind", CATALOGUE_KINDS)
def test_every_kind_loads_with_enough_distinct_items(kind: str) -> None:
    items = suggestions(kind)
    assert 15 <= len(items) <= 30
    assert all(isinstance(item, Suggestion) and item.text.strip() for item in items)
    texts = [item.text.casefold() for item in items]
    assert len(texts) == len(set(texts)), "duplicate suggestion"
    assert all(item.text == item.text.strip() and "  " not in item.text for item in items)


@pytest.mark.parametrize(("kind", "enum"), GROUP_ENUMS.items())
def test_groups_map_to_the_plan_model(kind: str, enum: type[StrEnum]) -> None:
    items = suggestions(kind)
    values = {member.value for member in enum}
    assert {item.group for item in items} <= values
    # Enough spread that the form's groups are all useful.
    assert len({item.group for item in items}) >= min(len(values) - 1, 2)


def test_coping_skills_cover_all_three_areas() -> None:
    assert {item.group for item in suggestions("coping_skills")} == {
        "stress", "emotions", "problem_solving",
    }  # fmt: skip


def test_mutual_support_groups_include_the_well_known_ones() -> None:
    items = suggestions("mutual_support_groups")
    names = " ".join(item.text for item in items)
    for expected in (
        "Alcoholics Anonymous", "Narcotics Anonymous", "SMART Recovery", "Celebrate Recovery",
        "Refuge Recovery", "LifeRing", "Women for Sobriety", "Al-Anon", "Nar-Anon",
    ):  # fmt: skip
        assert expected in names
    assert all(item.detail for item in items), "every group has a one-line description"


def test_pathway_items_come_first_in_catalogue_order() -> None:
    plain = suggestions("triggers")
    mutual = suggestions("triggers", {PathwayKind.MUTUAL_SUPPORT})
    assert sorted(plain, key=lambda s: s.text) == sorted(mutual, key=lambda s: s.text)
    tagged = [s for s in plain if PathwayKind.MUTUAL_SUPPORT in s.pathways]
    assert tagged, "test needs a tagged item"
    assert mutual[: len(tagged)] == tagged
    assert mutual[len(tagged) :] == [s for s in plain if s not in tagged]
    # Without pathways, the file's own order (tagged items are not at the front).
    assert plain[0] not in tagged


def test_several_pathways_and_plain_strings() -> None:
    chosen = {PathwayKind.FAITH_BASED, PathwayKind.CLINICAL}
    items = suggestions("coping_skills", chosen)
    flags = [bool(item.pathways & chosen) for item in items]
    assert flags == sorted(flags, reverse=True) and any(flags) and not all(flags)
    assert suggestions("coping_skills", {"faith_based"}) == suggestions(  # type: ignore[arg-type]
        "coping_skills", {PathwayKind.FAITH_BASED}
    )


def test_results_are_copies() -> None:
    first = suggestions("balance")
    first.clear()
    assert suggestions("balance")


def test_unknown_kind_language_and_pathway_raise_clearly() -> None:
    with pytest.raises(CatalogueError, match="unknown suggestion catalogue 'hobbies'"):
        suggestions("hobbies")
    with pytest.raises(CatalogueError, match="language 'xx'"):
        suggestions("triggers", language="xx")
    with pytest.raises(ValueError):
        suggestions("triggers", {"astrology"})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('kind = "triggers"\n[[items]]\ntext = "A"\ngroup = "place"\n'
         '[[items]]\ntext = "a"\ngroup = "place"\n', "duplicate 'a'"),
        ('kind = "triggers"\n[[items]]\ntext = "A"\ngroup = "planet"\n', "group: 'planet'"),
        ('kind = "balance"\n[[items]]\ntext = "A"\n', "file says kind = 'balance'"),
        ('kind = "triggers"\n[[items]]\ntext = ""\n', "items.0.text"),
        ('kind = "triggers"\n[[items]]\ntext = "A"\ncolour = "red"\n', "items.0.colour"),
        ('kind = "triggers"\n[[items]]\ntext = "A"\npathways = ["x"]\n', "items.0.pathways.0"),
        ('kind = "triggers"\nitems = [', "not valid TOML"),
    ],
)  # fmt: skip
def test_broken_catalogue_files_are_reported(
    toml: str, message: str, monkeypatch: pytest.MonkeyPatch, fresh_cache: None
) -> None:
    monkeypatch.setattr(catalogues, "_catalogue_text", lambda kind, language: toml)
    with pytest.raises(CatalogueError, match="catalogue 'triggers'") as error:
        suggestions("triggers")
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_standard_crisis_lines_still_load() -> None:
    lines = standard_crisis_lines()
    numbers = [line.number for line in lines.lines]
    assert numbers == ["988", "1-800-662-4357", "911"]
