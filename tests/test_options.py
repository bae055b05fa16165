"""Which paper, print size and language a build uses: flag > plan > facility > built-in."""

from __future__ import annotations

from workbook.example import example_plan
from workbook.facility import Facility
from workbook.options import RenderOptions
from workbook.plan import Paper, Plan, plan_from_json, plan_to_json

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
