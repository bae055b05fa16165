"""The printed workbook as a print designer checks it, read back from the built PDFs.

The crisis plan whole on its page (two facing pages in large print), headings
never at a page foot without what follows, no page of a few stray lines,
phone numbers in one piece, write-in lines that survive a photocopy. Built
as people print it: Letter, A4, large print, blank, with a facility profile,
and plans at the limits the crisis page is made for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from pdflayout import (
    Page,
    contrast_on_white,
    following_lines,
    headings,
    open_pages,
)
from pdfutil import page_texts, squash
from strategies import crisis_plans_at_limits

from workbook.example import example_plan
from workbook.facility import load_facility
from workbook.options import RenderOptions
from workbook.pdf import build_workbook
from workbook.pdf.phones import PHONE
from workbook.plan import CrisisContact, Paper, Plan

FACILITY = Path(__file__).resolve().parents[2] / "examples" / "facility.toml"
BAND = "In danger now?"
COMPANION = "Making my surroundings safer"
BODY = {False: 11.5, True: 16.0}  # body type, normal and large print


@cache
def built(name: str) -> bytes:
    plan: Plan | None = example_plan()
    options = RenderOptions()
    if name == "a4":
        options = RenderOptions(paper=Paper.A4)
    elif name == "large":
        options = RenderOptions(large_print=True)
    elif name == "large-a4":
        options = RenderOptions(paper=Paper.A4, large_print=True)
    elif name == "blank":
        plan = None
    elif name == "blank-large":
        plan, options = None, RenderOptions(large_print=True)
    elif name == "facility":
        options = RenderOptions(facility=load_facility(FACILITY))
    return build_workbook(plan, options).pdf


NORMAL = ("letter", "a4", "blank", "facility")
ALL = (*NORMAL, "large", "large-a4", "blank-large")


def is_large(name: str) -> bool:
    return name.startswith("large") or name.endswith("large")


def crisis_pages(pdf: bytes) -> list[int]:
    """The crisis action page(s): from the band to the page before the companion page."""
    texts = page_texts(pdf)
    start = next(i for i, t in enumerate(texts, start=1) if BAND in t)
    end = next(i for i, t in enumerate(texts, start=1) if i > start and COMPANION in t)
    return list(range(start, end))


def body_pages(pdf: bytes) -> Iterator[Page]:
    """Every page with the running footer (not the cover, not the card sheets)."""
    for page in open_pages(pdf):
        if page.number > 1 and page.has_footer:
            yield page


# --------------------------------------------------------------------------- the crisis plan


@pytest.mark.parametrize("name", NORMAL)
def test_the_crisis_plan_is_one_page_from_the_top_of_a_page(name: str) -> None:
    pdf = built(name)
    pages = crisis_pages(pdf)
    assert len(pages) == 1, pages
    (page,) = open_pages(pdf, pages)
    first = page.body_lines()[0]
    assert first.text.startswith("PART 7") and first.top < 80  # the band opens the page


@pytest.mark.parametrize("name", ["large", "large-a4", "blank-large"])
def test_large_print_crisis_plan_is_two_facing_pages_from_a_left_hand_page(name: str) -> None:
    pages = crisis_pages(built(name))
    assert len(pages) <= 2
    assert pages[0] % 2 == 0


@pytest.mark.parametrize("name", NORMAL)
def test_the_crisis_page_holds_everything_at_body_size(name: str) -> None:
    pdf = built(name)
    (page,) = open_pages(pdf, crisis_pages(pdf))
    text = squash(page.text)
    for words in ("In danger now?", "Call 911", "Signs a crisis is starting",
                  "The steps I take, in order", "Who I contact, in order",
                  "Treatment I return to", "Where I go", "Where my naloxone is kept",
                  "988 Suicide & Crisis Lifeline"):
        assert squash(words) in text, words
    sizes = [size for line in page.body_lines() for size in line.sizes]
    assert min(sizes) >= 10.5


def test_facility_lines_are_in_the_band_with_their_checked_date() -> None:
    pdf = built("facility")
    (page,) = open_pages(pdf, crisis_pages(pdf))
    band = squash(" ".join(line.text for line in page.body_lines()[:4]))
    assert "Calloortext988" not in band and "Callortext988" in band and "Call911" in band
    text = squash(page.text)
    assert "Harbor Light 24-hour nurse line".replace(" ", "") in text
    assert "Crisislineslastchecked" in text and "2026" in text


def test_the_blank_crisis_page_lists_own_people_before_the_national_lines() -> None:
    pdf = built("blank")
    (page,) = open_pages(pdf, crisis_pages(pdf))
    rows = [line.text for line in page.body_lines()]
    first_line = next(i for i, t in enumerate(rows) if "988" in t and "Lifeline" in t)
    numbered_blank = [i for i, t in enumerate(rows) if re.fullmatch(r"\d+\.", t.strip())]
    assert len(numbered_blank) >= 5 and max(numbered_blank) < first_line


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crisis_plans_at_limits(scale=1.0))
@pytest.mark.slow
def test_plans_at_the_limits_fit_one_page_in_letter_and_a4(plan: Plan) -> None:
    for paper in Paper:
        pages = crisis_pages(build_workbook(plan, RenderOptions(paper=paper)).pdf)
        assert len(pages) == 1, (paper, pages)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crisis_plans_at_limits(scale=1.25))
@pytest.mark.slow
def test_spanish_length_plans_at_the_limits_fit_too(plan: Plan) -> None:
    for paper in Paper:
        pages = crisis_pages(build_workbook(plan, RenderOptions(paper=paper)).pdf)
        assert len(pages) == 1, (paper, pages)
    large = crisis_pages(build_workbook(plan, RenderOptions(large_print=True)).pdf)
    assert len(large) <= 2 and large[0] % 2 == 0


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crisis_plans_at_limits(scale=1.0))
@pytest.mark.slow
def test_large_print_plans_at_the_limits_take_two_facing_pages(plan: Plan) -> None:
    pages = crisis_pages(build_workbook(plan, RenderOptions(large_print=True)).pdf)
    assert len(pages) <= 2 and pages[0] % 2 == 0


def test_a_larger_plan_continues_under_a_continued_heading() -> None:
    plan = example_plan()
    plan.crisis_plan.contacts = [
        CrisisContact(name=f"Helper number {i}", role="Someone who helps me a lot",
                      phone=f"(503) 555-01{i:02d}") for i in range(24)
    ]
    pdf = build_workbook(plan, RenderOptions()).pdf
    pages = crisis_pages(pdf)
    assert len(pages) == 2
    second = list(open_pages(pdf, pages))[1]
    lines = second.body_lines()
    assert lines[0].text == "My crisis plan, continued"
    assert len(lines) >= 4  # never a stray line alone
    assert "Helper number 23" in second.text


# --------------------------------------------------------------------------- every page


@pytest.mark.parametrize("name", ALL)
def test_no_heading_at_a_page_foot_without_what_follows(name: str) -> None:
    for page in body_pages(built(name)):
        for line in headings(page, BODY[is_large(name)]):
            if line.top > 0.85 * page.height - 20:
                assert following_lines(page, line) >= 2, (page.number, line.text)


@pytest.mark.parametrize("name", ALL)
def test_no_page_of_a_few_stray_lines(name: str) -> None:
    pdf = built(name)
    for page in body_pages(pdf):
        if headings(page, BODY[is_large(name)]):
            continue  # a page that starts something of its own
        used = max((line.bottom for line in page.body_lines()), default=0.0)
        frame = page.footer_top - 50
        assert used - 50 > 0.2 * frame, (page.number, page.text[:80])


def _phones(plan: Plan) -> set[str]:
    """The dialable part of every phone number typed into the plan."""
    from pdfutil import plan_strings

    found = set()
    for _, value in plan_strings(plan):
        for match in PHONE.finditer(value):
            dial = " ".join(match.group("dial").split())
            if sum(c.isdigit() for c in dial) >= 7:
                found.add(dial)
    return found


@pytest.mark.parametrize("name", ["letter", "a4", "large", "large-a4", "facility"])
def test_no_phone_number_is_broken_across_lines(name: str) -> None:
    pdf = built(name)
    numbers = _phones(example_plan()) | {"(555) 010-2099", "1-800-662-4357"}
    lines = [" ".join(line.text.replace("\u00a0", " ").split())
             for page in open_pages(pdf) for line in page.lines]
    printed = squash(" ".join(lines))
    for number in numbers:
        if squash(number) in printed:
            assert any(number in line for line in lines), number


@pytest.mark.parametrize("name", ALL)
def test_write_in_lines_and_table_rules_survive_a_photocopy(name: str) -> None:
    for page in body_pages(built(name)):
        for rule in page.body_rules():
            assert contrast_on_white(rule.colour) >= 3.0, (page.number, rule)
