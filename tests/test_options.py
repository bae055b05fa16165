"""Which paper, print size and language a build uses: flag > plan > facility > built-in."""

from __future__ import annotations

import pytest

from workbook.example import example_plan
from workbook.facility import Facility, FacilityFileError
from workbook.options import RenderOptions
from workbook.plan import (
    Paper,
    Plan,
    PlanFileError,
    PrintSettings,
    plan_from_data,
    plan_from_json,
    plan_to_json,
)

A4_FACILITY = Facility(name="Harbor Light", paper=Paper.A4, large_print=True)


def saved(plan: Plan) -> Plan:
    """The plan as it comes back from a file or the library."""
    return plan_from_json(plan_to_json(plan), "plan")


def test_the_plans_own_paper_beats_the_facilitys_default() -> None:
    plan = saved(example_plan())
    assert plan.print_settings.paper is Paper.LETTER
    options = RenderOptions.for_plan(plan, facility=A4_FACILITY)
    assert options.paper is Paper.LETTER
    assert options.large_print is False


def test_a_flag_beats_the_plan() -> None:
    plan = saved(example_plan())
    options = RenderOptions.for_plan(plan, paper=Paper.A4, large_print=True, facility=A4_FACILITY)
    assert (options.paper, options.large_print) == (Paper.A4, True)


def test_a_plan_that_does_not_choose_takes_the_facilitys_default() -> None:
    plan = plan_from_json('{"schema_version": 1, "about": {"preferred_name": "Sam"}}', "plan")
    options = RenderOptions.for_plan(plan, facility=A4_FACILITY)
    assert (options.paper, options.large_print) == (Paper.A4, True)
    # Without a facility: the built-in defaults.
    plain = RenderOptions.for_plan(plan)
    assert (plain.paper, plain.large_print) == (Paper.LETTER, False)


def test_blank_copies_take_the_facilitys_defaults_unless_told() -> None:
    options = RenderOptions.for_blank(facility=A4_FACILITY, cover_name=" Sam ")
    assert (options.paper, options.large_print, options.cover_name) == (Paper.A4, True, "Sam")
    told = RenderOptions.for_blank(paper=Paper.LETTER, large_print=False, facility=A4_FACILITY)
    assert (told.paper, told.large_print) == (Paper.LETTER, False)
    assert RenderOptions.for_blank().paper is Paper.LETTER


# -- the language ---------------------------------------------------------------


def test_a_plan_without_a_word_on_language_takes_the_facility_default() -> None:
    spanish_facility = Facility(language="es")
    assert RenderOptions.for_plan(Plan(), facility=spanish_facility).language == "es"
    assert RenderOptions.for_blank(facility=spanish_facility).language == "es"
    assert RenderOptions.for_blank().language == "en"
    assert RenderOptions.for_plan(Plan(), facility=Facility()).language == "en"


def test_the_plan_comes_before_the_facility_and_the_flag_before_both() -> None:
    english = saved(Plan(print_settings=PrintSettings(language="en")))
    spanish = saved(Plan(print_settings=PrintSettings(language="es")))
    facility = Facility(language="es")
    assert RenderOptions.for_plan(english, facility=facility).language == "en"
    assert RenderOptions.for_plan(spanish, facility=Facility(language="en")).language == "es"
    assert RenderOptions.for_plan(english, facility=facility, language="es").language == "es"
    assert RenderOptions.for_plan(spanish, language="en").language == "en"
    assert RenderOptions.for_blank(facility=facility, language="en").language == "en"


def test_an_unknown_language_is_one_clear_line() -> None:
    with pytest.raises(PlanFileError, match=r"^plan: print_settings.language: 'fr' is not a "
                       r"workbook language \(available: en, es\)$"):
        plan_from_data({"schema_version": 3, "print_settings": {"language": "fr"}})
    with pytest.raises(FacilityFileError, match=r"language: 'fr' is not a workbook language"):
        raise_for_facility({"language": "fr"})


def raise_for_facility(data: dict[str, object]) -> None:
    from pydantic import ValidationError

    from workbook.plan import describe_validation_error

    try:
        Facility.model_validate(data)
    except ValidationError as error:
        raise FacilityFileError(describe_validation_error(error)) from None


def test_plans_of_older_versions_open_in_english() -> None:
    old = plan_from_data({"schema_version": 1, "about": {"preferred_name": "J"}})
    assert old.schema_version == 3
    assert old.print_settings.language == "en"
