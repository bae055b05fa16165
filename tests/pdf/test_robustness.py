"""Whatever was typed, the workbook builds, and prints it exactly."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from pdfutil import extract_text, missing_strings, pdffonts, printed_form, squash
from strategies import long_lists, plans

from workbook.options import RenderOptions
from workbook.pdf import build_workbook
from workbook.plan import (
    CrisisContact,
    Goal,
    Meeting,
    Paper,
    PathwayChoice,
    PathwayKind,
    Plan,
    SupportPerson,
    Trigger,
)

NOT_PRINTED = frozenset({"print_settings"})
MARKUP = ("<b>bold?</b>", "Tom & Jerry", "</i>", '<img src="x">', "<img src=x>",
          "&amp; &lt;", "<br/>", "<font name=Helvetica>x</font>", "<para>", "]]>")


def _words(count: int) -> str:
    return " ".join(f"word{i}" for i in range(count))


def test_markup_characters_print_literally() -> None:
    plan = Plan()
    plan.about.preferred_name = "<b>Jo</b> & co"
    plan.about.counselor = MARKUP[1]
    plan.prevention.triggers = [Trigger(trigger=m, response=m) for m in MARKUP]
    plan.crisis_plan.steps = list(MARKUP)
    plan.support_network.people = [SupportPerson(name=m, phone="<i>555</i>") for m in MARKUP]
    text = squash(extract_text(build_workbook(plan, RenderOptions()).pdf))
    for literal in (*MARKUP, "<b>Jo</b> & co", "<i>555</i>"):
        assert squash(literal) in text, literal
    assert missing_strings(build_workbook(plan, RenderOptions()).pdf, plan, NOT_PRINTED) == []


@pytest.mark.parametrize(("length", "papers"), [
    (5_000, (Paper.LETTER, Paper.A4)),
    (20_000, (Paper.LETTER,)),
])
def test_very_long_answers_in_tables_flow_across_pages(
    length: int, papers: tuple[Paper, ...]
) -> None:
    long = _words(length // 8)[:length]
    cjk = "恢复计划" * (length // 8)
    plan = Plan()
    plan.about.preferred_name = "Ana"
    plan.prevention.triggers = [Trigger(trigger="payday", response=long)]
    # A narrow column (a meeting's day) and an unbroken run without spaces.
    plan.support_network.meetings = [Meeting(group="AA", day=long, place=cjk)]
    plan.crisis_plan.contacts = [CrisisContact(name="Dr. Okafor", role=long, phone="555")]
    plan.goals.goals = [Goal(goal=long, steps=["call"])]
    plan.about.snapshot.progress = long
    plan.check_ins.client_signature_name = "x" * length  # one enormous word
    for paper in papers:
        result = build_workbook(plan, RenderOptions(paper=paper, large_print=paper is Paper.A4))
        assert missing_strings(result.pdf, plan, NOT_PRINTED) == []


LAYOUTS = [(Paper.LETTER, False), (Paper.A4, False), (Paper.LETTER, True)]


@pytest.mark.parametrize(("paper", "large_print"), LAYOUTS)
def test_a_pathway_name_longer_than_a_page_flows_on(paper: Paper, large_print: bool) -> None:
    # The name is a heading bound to the pathway's description: it used to
    # raise LayoutError ("too large on page") in every layout.
    long = _words(700)[:5_000]
    plan = Plan()
    plan.pathways.chosen = [
        PathwayChoice(kind=PathwayKind.OTHER, name=long, in_my_words=long),
        PathwayChoice(kind=PathwayKind.CLINICAL, name=_words(150), in_my_words="weekly"),
    ]
    result = build_workbook(plan, RenderOptions(paper=paper, large_print=large_print))
    assert missing_strings(result.pdf, plan, NOT_PRINTED) == []


@pytest.mark.parametrize(("paper", "large_print"), LAYOUTS)
def test_answers_at_the_limit_in_boxes_and_kept_blocks(paper: Paper, large_print: bool) -> None:
    # The goal boxes, the crisis page (fitted to one page), the check-in
    # signature blocks kept together: each answer at the model's limit.
    long = _words(700)[:5_000]
    plan = Plan()
    plan.goals.goals = [Goal(goal=long, steps=[long, long], how_i_will_know=long)]
    plan.crisis_plan.signs = [long]
    plan.crisis_plan.steps = [long, long]
    plan.crisis_plan.contacts = [CrisisContact(name=long, role=long, phone="555-0100")]
    plan.crisis_plan.after_a_crisis = long
    plan.check_ins.client_signature_name = long
    plan.check_ins.counselor_signature_name = long
    result = build_workbook(plan, RenderOptions(paper=paper, large_print=large_print))
    reported = {note.field_path for note in result.overflow}
    assert set(missing_strings(result.pdf, plan, NOT_PRINTED)) <= reported


SIGNS_AND_STEPS = [
    (["x" * 5_000], [_words(2_500)[:20_000]]),
    ([_words(2_000)[:15_000], _words(1_000)[:7_500]],
     ["call my sister", _words(2_000)[:13_000], _words(2_000)[:12_000]]),
]


@pytest.mark.parametrize(("signs", "steps"), SIGNS_AND_STEPS)
@pytest.mark.parametrize(("paper", "large_print"), [*LAYOUTS, (Paper.A4, True)])
def test_signs_and_steps_taller_than_a_page_are_cut_on_the_continued_page(
    paper: Paper, large_print: bool, signs: list[str], steps: list[str]
) -> None:
    # The two columns of signs and steps are one grid row, taller than a page.
    # On the crisis plan's 'continued' page a column that fitted only without
    # its room to write, or only as a whole, refused to cut, and ReportLab
    # raised LayoutError (large print).
    plan = Plan()
    plan.crisis_plan.signs = signs
    plan.crisis_plan.steps = steps
    result = build_workbook(plan, RenderOptions(paper=paper, large_print=large_print))
    assert missing_strings(result.pdf, plan, NOT_PRINTED) == []


def test_two_hundred_contacts() -> None:
    plan = Plan()
    plan.support_network.people = [
        SupportPerson(name=f"Person {i:03d}", phone=f"555-{i:04d}", on_wallet_card=i < 5,
                      helps_with="rides" if i % 2 else "")
        for i in range(200)
    ]
    result = build_workbook(plan, RenderOptions())
    text = squash(extract_text(result.pdf))
    assert all(f"Person{i:03d}" in text for i in range(200))
    assert all(f"555-{i:04d}" in text for i in range(200))


def test_an_empty_plan_prints_write_in_space_everywhere() -> None:
    result = build_workbook(Plan(), RenderOptions())
    text = squash(extract_text(result.pdf))
    for heading in ("Triggers", "Peoplewhosupportme", "Medications", "Therapyandcareschedule",
                    "PERSONALGOAL", "Signsacrisisisstarting", "Check-ins", "Reviewlog"):
        assert heading in text, heading
    assert result.page_count >= 20


def test_control_characters_are_dropped_not_fatal() -> None:
    plan = Plan()
    plan.about.counselor = "Dana\x00\x07 Lee\x1b[31m\x7f"
    plan.prevention.triggers = [Trigger(trigger="tab\there", response="line\r\nbreak\rhere")]
    pdf = build_workbook(plan, RenderOptions()).pdf
    text = squash(extract_text(pdf))
    assert printed_form(plan.about.counselor) in text
    assert missing_strings(pdf, plan, NOT_PRINTED) == []


@pytest.mark.slow
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plan=plans())
def test_random_plans_build_and_print_every_string(plan: Plan) -> None:
    result = build_workbook(plan, RenderOptions.for_plan(plan))
    assert result.page_count > 10
    # Only the cards may shorten a string, and they must say so.
    reported = {note.field_path for note in result.overflow}
    missing = set(missing_strings(result.pdf, plan, NOT_PRINTED))
    assert missing <= reported, sorted(missing - reported)


@pytest.mark.slow
@settings(max_examples=3, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plan=long_lists())
def test_long_lists_build_and_print_every_string(plan: Plan) -> None:
    result = build_workbook(plan, RenderOptions.for_plan(plan))
    assert missing_strings(result.pdf, plan, NOT_PRINTED) == []
    assert all(row.embedded for row in pdffonts(result.pdf))
