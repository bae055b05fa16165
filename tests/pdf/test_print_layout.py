"""The printed workbook as a print designer checks it, read back from the built PDFs.

The crisis plan whole on its page (two facing pages in large print), headings
never at a page foot without what follows, no page of a few stray lines,
phone numbers in one piece, write-in lines that survive a photocopy. Built
as people print it: Letter, A4, large print, blank, with a facility profile,
and plans at the limits the crisis page is made for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest
from cardplans import base_plan, stress_plan
from hypothesis import HealthCheck, given, settings
from pdflayout import (
    Page,
    body_size,
    content_bottom,
    contrast_on_white,
    following_lines,
    headings,
    open_pages,
    read_pages,
)
from pdfutil import page_texts, squash
from strategies import crisis_plans_at_limits, longest_crisis_plan

from workbook.example import example_plan
from workbook.facility import load_facility
from workbook.options import RenderOptions
from workbook.pdf import build_workbook
from workbook.pdf.content import resolve
from workbook.pdf.phones import PHONE
from workbook.plan import CrisisContact, Paper, Plan
from workbook.text.i18n import translator

FACILITY = Path(__file__).resolve().parents[2] / "examples" / "facility.toml"
BODY = {False: 11.5, True: 16.0}  # body type, normal and large print


def options_for(name: str) -> tuple[Plan | None, RenderOptions]:
    """A workbook as people print it, by name: "letter", "es-a4-large", "blank-large",
    "facility"... (the example plan unless "blank"; English unless "es")."""
    words = set(name.split("-"))
    language = "es" if "es" in words else "en"
    plan = None if "blank" in words else example_plan(language)
    return plan, RenderOptions(
        paper=Paper.A4 if "a4" in words else Paper.LETTER, large_print="large" in words,
        facility=load_facility(FACILITY) if "facility" in words else None, language=language)


@cache
def built(name: str) -> bytes:
    return build_workbook(*options_for(name)).pdf


@cache
def pages_of(name: str) -> tuple[Page, ...]:
    """Every page of a named workbook, read once for all the tests that look at it."""
    return tuple(read_pages(built(name)))


NORMAL = ("letter", "a4", "blank", "blank-a4", "facility", "es-letter", "es-a4", "es-blank",
          "es-blank-a4")
LARGE = ("large", "large-a4", "blank-large", "facility-large", "es-large", "es-large-a4",
         "es-blank-large")
ALL = (*NORMAL, *LARGE)


def is_large(name: str) -> bool:
    return "large" in name.split("-")


def language_of(name: str) -> str:
    return "es" if "es" in name.split("-") else "en"


def words(language: str, message: str) -> str:
    """One of the workbook's phrases as printed in `language`."""
    return translator(language).gettext(message)


def crisis_pages(pdf: bytes, language: str = "en") -> list[int]:
    """The crisis action page(s): from the band to the page before the companion page."""
    texts = [squash(t) for t in page_texts(pdf)]
    kicker = squash(words(language, "Part {number}").format(number=7).upper())
    companion = squash(words(language, "Making my surroundings safer"))
    start = next(i for i, t in enumerate(texts, start=1) if kicker in t)
    end = next(i for i, t in enumerate(texts, start=1) if i > start and companion in t)
    return list(range(start, end))


def body_pages(name: str) -> Iterator[Page]:
    """Every page with the running footer (not the cover, not the card sheets)."""
    for page in pages_of(name):
        if page.number > 1 and page.has_footer:
            yield page


# --------------------------------------------------------------------------- the crisis plan


def crisis_of(name: str) -> tuple[list[int], list[Page]]:
    """The crisis page numbers of a named workbook, and those pages."""
    numbers = crisis_pages(built(name), language_of(name))
    return numbers, [pages_of(name)[n - 1] for n in numbers]


@pytest.mark.parametrize("name", ALL)
def test_the_crisis_plan_starts_on_a_left_hand_page_at_its_top(name: str) -> None:
    numbers, pages = crisis_of(name)
    # One page in normal print, two facing pages in large print: from a left-hand page.
    assert len(numbers) == (1 if not is_large(name) else len(numbers)) <= 2, numbers
    assert numbers[0] % 2 == 0, numbers
    first = pages[0].body_lines()[0]
    kicker = words(language_of(name), "Part {number}").format(number=7).upper()
    assert first.text.startswith(kicker) and first.top < (100 if is_large(name) else 80)


@pytest.mark.parametrize("name", ALL)
def test_the_band_title_never_wraps_word_by_word(name: str) -> None:
    # Beside long Spanish numbers in large print the title once took a line a word
    # ("Mi / plan / de / crisis"): the band then puts it across its top.
    _, pages = crisis_of(name)
    white = [c for c in pages[0].chars if str(c["text"]).strip()
             and tuple(round(float(v), 2) for v in c["non_stroking_color"] or (0,)) in {
                 (1.0,), (1.0, 1.0, 1.0)}]
    baselines = {round(float(c["bottom"])) for c in white}  # type: ignore[arg-type]
    assert 3 <= len(baselines) <= 5, sorted(baselines)  # title, a label, a number


@pytest.mark.parametrize("name", NORMAL)
def test_the_companion_page_faces_the_crisis_page(name: str) -> None:
    # In a stapled or duplex-printed workbook an even page is on the left, and
    # the odd page after it on the right: open at the crisis plan, both show.
    numbers, _ = crisis_of(name)
    companion = pages_of(name)[numbers[-1]]
    heading = words(language_of(name), "Making my surroundings safer")
    assert companion.number == numbers[0] + 1 and companion.number % 2 == 1
    assert companion.body_lines()[0].text.startswith(heading)


@pytest.mark.parametrize("name", ALL)
def test_the_companion_page_is_one_page_two_in_large_print(name: str) -> None:
    # Spanish is longer: the companion is kept to its page with fewer lines to write
    # on (and, in normal print, 10.5 pt type) rather than a page of its last part.
    language = language_of(name)
    numbers, _ = crisis_of(name)
    next_part = squash(words(language, "Part {number}").format(number=8).upper())
    texts = [squash(t) for t in page_texts(built(name))]
    part_8 = next(i for i, t in enumerate(texts, start=1) if i > numbers[-1] and next_part in t)
    assert 1 <= part_8 - numbers[-1] - 1 <= (2 if is_large(name) else 1)
    for page in pages_of(name)[numbers[-1] : part_8 - 1]:  # body type 10.5 pt at least
        assert body_size(page) >= (16.0 if is_large(name) else 10.5), page.number


@pytest.mark.parametrize("name", ALL)
def test_a_page_left_over_before_the_crisis_plan_holds_lines_for_notes(name: str) -> None:
    numbers, _ = crisis_of(name)
    before = pages_of(name)[numbers[0] - 2]
    lines = [line.text for line in before.body_lines()]
    if lines == [words(language_of(name), "Notes")]:
        assert len(before.body_rules()) >= 10  # lines to write on, down the page
    else:  # the end of the part before: never a page of a few stray lines
        assert content_bottom(before) - 50 > 0.2 * (before.footer_top - 50), lines[:3]


@pytest.mark.parametrize("name", ALL)
def test_the_crisis_page_holds_everything_at_body_size(name: str) -> None:
    language = language_of(name)
    _, pages = crisis_of(name)
    text = squash(" ".join(page.drawn_text for page in pages))
    content = resolve(None, RenderOptions(language=language))
    lines = content.crisis_lines
    for message in ("In danger now?", "Signs a crisis is starting",
                    "The steps I take, in order", "Who I contact, in order",
                    "Treatment I return to", "Where I go", "Where my naloxone is kept"):
        assert squash(words(language, message)) in text, message
    if "facility" not in name:
        assert squash(lines[0].card_text()) in text  # the first crisis line, in the band
        assert all(squash(line.name) in text for line in lines)
    sizes = [size for page in pages for line in page.body_lines() for size in line.sizes]
    # Large print: body 16 pt at least; a label may be 14 pt.
    assert min(sizes) >= (14.0 if is_large(name) else 10.5)
    assert all(body_size(page) >= (16.0 if is_large(name) else 10.5) for page in pages)


def test_facility_lines_are_in_the_band_with_their_checked_date() -> None:
    pdf = built("facility")
    (page,) = open_pages(pdf, crisis_pages(pdf))
    band = squash(" ".join(line.text for line in page.body_lines()[:4]))
    assert "Calloortext988" not in band and "Callortext988" in band and "Call911" in band
    text = squash(page.text)
    assert all(word in text for word in ("Harbor", "24-hour", "(555)010-2099"))
    assert "Crisislineslastchecked" in text and "2026" in text


def test_the_blank_crisis_page_lists_own_people_before_the_national_lines() -> None:
    pdf = built("blank")
    (page,) = open_pages(pdf, crisis_pages(pdf))
    rows = [line.text for line in page.body_lines()]
    first_line = next(i for i, t in enumerate(rows) if "any time" in t)  # 988's row
    numbered_blank = [i for i, t in enumerate(rows) if re.fullmatch(r"\d+\.", t.strip())]
    assert len(numbered_blank) >= 5 and max(numbered_blank) < first_line


def assert_fits(plan: Plan) -> None:
    """Built in Letter and A4, normal and large print: the crisis plan on one page (at
    most two in large print) from a left-hand page, and the rules of every page on
    the pages the plan fills (from the page before the crisis plan to its companion)
    and on the wallet card's."""
    language = plan.print_settings.language
    for paper in Paper:
        for large in (False, True):
            options = RenderOptions.for_plan(plan, paper=paper, large_print=large)
            pdf = build_workbook(plan, options).pdf
            numbers = crisis_pages(pdf, language)
            assert len(numbers) <= (2 if large else 1), (paper, large, numbers)
            assert numbers[0] % 2 == 0, (paper, large, numbers)
            around = list(open_pages(pdf, list(range(numbers[0] - 1, numbers[-1] + 2))))
            assert_headings_keep_company(around, large)
            assert_no_stray_pages(around, large)
            assert_rules_survive_a_photocopy(around)
            wallet = _wallet_page(pdf, language)
            assert_no_phone_broken([*around, wallet], _phones(plan))
            assert_wallet_card_readable(wallet, large, ("988",))


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_fullest_plan_fits_in_every_paper_size_and_in_large_print(language: str) -> None:
    # Every answer at its longest, Spanish-length (+25 %) in both languages.
    assert_fits(longest_crisis_plan(language, scale=1.25))


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crisis_plans_at_limits(scale=1.0))
@pytest.mark.slow
def test_plans_at_the_limits_fit(plan: Plan) -> None:
    assert_fits(plan)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crisis_plans_at_limits(scale=1.25, language="es"))
@pytest.mark.slow
def test_spanish_plans_at_the_limits_fit(plan: Plan) -> None:
    assert_fits(plan)


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


def assert_headings_keep_company(pages: Iterable[Page], large: bool) -> None:
    """No heading in the bottom 15 % of a page without two lines of what follows it."""
    for page in pages:
        for line in headings(page, BODY[large]):
            if line.top > 0.85 * page.height - 20:
                assert following_lines(page, line) >= 2, (page.number, line.text)


def assert_no_stray_pages(pages: Iterable[Page], large: bool) -> None:
    """No page of a few lines carried over (a page starting something of its own may
    be short: the end of a part)."""
    for page in pages:
        if headings(page, BODY[large]):
            continue  # a page that starts something of its own
        frame = page.footer_top - 50  # the body frame, below the top margin
        assert content_bottom(page) - 50 > 0.2 * frame, (page.number, page.text[:80])


def assert_rules_survive_a_photocopy(pages: Iterable[Page]) -> None:
    """Write-in lines and table rules at 3:1 contrast on white at least."""
    for page in pages:
        for rule in page.body_rules():
            assert contrast_on_white(rule.colour) >= 3.0, (page.number, rule)


@pytest.mark.parametrize("name", ALL)
def test_no_heading_at_a_page_foot_without_what_follows(name: str) -> None:
    assert_headings_keep_company(body_pages(name), is_large(name))


@pytest.mark.parametrize("name", ALL)
def test_no_page_of_a_few_stray_lines(name: str) -> None:
    assert_no_stray_pages(body_pages(name), is_large(name))


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


def assert_no_phone_broken(pages: Iterable[Page], numbers: set[str]) -> None:
    """Each number printed is printed whole on one line."""
    lines = [" ".join(line.text.replace("\u00a0", " ").split())
             for page in pages for line in page.lines]
    printed = squash(" ".join(lines))
    for number in numbers:
        if squash(number) in printed:
            assert any(number in line for line in lines), number


@pytest.mark.parametrize("name", ALL)
def test_no_phone_number_is_broken_across_lines(name: str) -> None:
    plan, _ = options_for(name)
    numbers = (_phones(plan) if plan is not None else set()) | {
        "(555) 010-2099", "1-800-662-4357"}
    assert_no_phone_broken(pages_of(name), numbers)


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_no_phone_number_is_broken_on_the_fullest_crisis_page(large: bool) -> None:
    # A number in the middle of an answer ("call intake at (503) 555-0150") too.
    plan = longest_crisis_plan("es")
    crisis = plan.crisis_plan
    crisis.naloxone_location = crisis.naloxone_location[:40] + " (503) 555-0160"
    crisis.return_to_treatment = crisis.return_to_treatment[:120] + " (503) 555-0150"
    pdf = build_workbook(plan, RenderOptions.for_plan(plan, large_print=large)).pdf
    pages = crisis_pages(pdf, "es")
    assert_no_phone_broken(open_pages(pdf, pages), _phones(plan))


@pytest.mark.parametrize("name", ALL)
def test_write_in_lines_and_table_rules_survive_a_photocopy(name: str) -> None:
    assert_rules_survive_a_photocopy(body_pages(name))


# --------------------------------------------------------------------------- the parts


@pytest.mark.parametrize("name", ["letter", "large", "blank", "es-letter", "es-large"])
def test_the_contents_page_gives_every_part_its_page(name: str) -> None:
    language = language_of(name)
    pdf = built(name)
    texts = page_texts(pdf)
    contents = [line.text for line in pages_of(name)[1].body_lines()]
    assert contents[0] == words(language, "Contents")
    crisis = crisis_pages(pdf, language)[0]
    line = next(t for t in contents if words(language, "My crisis plan") in t)
    assert line.rstrip().endswith(str(crisis))
    on_page = {"Contact cards to cut out": "Contact cards", "Wallet crisis card": "Wallet card"}
    for part in ("How to use this workbook", "My pathways", "Check-ins and reviews", "Trackers",
                 "Review log", "Signatures", "Contact cards to cut out", "Wallet crisis card"):
        found = next((t for t in contents if words(language, part) in t), None)
        if found is None and part == "Review log":
            continue  # a blank workbook has no reviews yet
        assert found is not None, part
        number = int(re.findall(r"\d+$", found.rstrip())[0])
        printed = words(language, on_page.get(part, part))
        assert squash(printed).casefold() in squash(texts[number - 1]).casefold(), part
    start = squash(words(language, "Start here").upper())
    how_to_use = next(t for t in texts if squash(words(language, "How to use this workbook"))
                      in squash(t) and start in squash(t))
    reference = words(language, "In a crisis, turn to your crisis plan on page {page}.")
    assert squash(reference.format(page=crisis)) in squash(how_to_use)


def test_twenty_five_people_take_at_most_four_pages() -> None:
    plan = Plan()
    people = example_plan().support_network.people
    plan.support_network.people = [
        person.model_copy(update={"name": f"{person.name} {i}"})
        for i in range(5) for person in people
    ]
    texts = page_texts(build_workbook(plan, RenderOptions()).pdf)
    pages = {n for n, t in enumerate(texts) for p in plan.support_network.people
             if p.name in t and "People who support me" in "".join(texts[max(0, n - 4):n + 1])}
    assert 0 < len(pages) <= 4, sorted(pages)


def _tracker_days(pdf: bytes, title: str) -> list[int]:
    """The day numbers down the first column of a tracker's pages."""
    texts = page_texts(pdf)
    numbers = [n for n, t in enumerate(texts, start=1)
               if f"TRACKERS\n{title}" in t or f"{title}, continued" in t]
    days: list[int] = []
    for page in open_pages(pdf, numbers):
        header = next(line.bottom for line in page.body_lines() if line.text.startswith("Day"))
        column: dict[int, str] = {}
        for char in sorted(page.chars, key=lambda c: float(c["x0"])):  # type: ignore[arg-type]
            if (float(char["x0"]) < 80 and str(char["text"]).isdigit()  # type: ignore[arg-type]
                    and float(char["top"]) > header):  # type: ignore[arg-type]
                key = round(float(char["bottom"]))  # type: ignore[arg-type]
                column[key] = column.get(key, "") + str(char["text"])
        days += [int(column[key]) for key in sorted(column) if key < page.footer_top]
    return days


@pytest.mark.parametrize(("name", "days"), [("letter", 28), ("blank", 30), ("large", 28)])
def test_daily_trackers_cover_the_days_to_the_next_review(name: str, days: int) -> None:
    # The example plan is reviewed 28 days after it is made; a blank workbook covers 30.
    pdf = built(name)
    for title in ("Daily check-in", "Mood tracker"):
        assert _tracker_days(pdf, title) == list(range(1, days + 1)), title


@pytest.mark.parametrize("name", ["letter", "blank", "large"])
def test_the_craving_and_meeting_logs_take_two_pages_each(name: str) -> None:
    texts = page_texts(built(name))
    for title in ("Craving log", "Meeting log"):
        assert sum(1 for t in texts if f"TRACKERS\n{title}" in t or f"{title}, continued" in t) == 2


@pytest.mark.parametrize("name", LARGE)
def test_large_print_type(name: str) -> None:
    muted = (0.357, 0.404, 0.431)
    for page in body_pages(name):
        sizes = [size for line in page.lines for size in line.sizes]
        assert min(sizes) >= 14, page.number  # labels and the footer too
        small = [c for c in page.chars if str(c["text"]).strip() and float(c["size"]) < 15.9]
        for char in small:  # no light grey small text
            colour = tuple(round(float(v), 3) for v in char["non_stroking_color"] or (0,))
            assert colour != muted, (page.number, char["text"])
    for page in open_pages(built(name), [3]):
        assert body_size(page) >= 16


def test_pdf_metadata_is_generic_dated_by_the_plan_and_tagged_with_the_language() -> None:
    from pdfutil import reader

    pdf = built("letter")
    document = reader(pdf)
    info = document.metadata
    assert info is not None
    assert info["/Title"] == "Recovery Workbook"
    assert str(info["/CreationDate"]).startswith("D:20261120")
    assert "Jordan" not in str(dict(info))
    assert document.trailer["/Root"]["/Lang"] == "en-US"
    assert build_workbook(example_plan(), RenderOptions()).pdf == pdf  # deterministic
    blank = reader(built("blank")).metadata
    assert blank is not None and not str(blank["/CreationDate"]).startswith("D:2000")


# --------------------------------------------------------------------------- the wallet card


def _wallet_page(pdf: bytes, language: str = "en") -> Page:
    texts = page_texts(pdf)
    title = words(language, "Wallet card")
    number = max(n for n, t in enumerate(texts, start=1) if title in t)
    (page,) = open_pages(pdf, [number])
    return page


def assert_wallet_card_readable(page: Page, large: bool, numbers: Iterable[str]) -> None:
    """Every glyph on the card's page 8 pt at least (10 in large print), the page's own
    instructions too; the crisis lines' `numbers` on it, 9 pt bold at least."""
    least = 10.0 if large else 8.0
    sizes = [float(c["size"]) for c in page.chars if str(c["text"]).strip()]  # type: ignore[arg-type]
    assert sizes and min(sizes) >= least - 0.01
    printed = [line.text.replace(" ", "").replace("\u00a0", "") for line in page.lines]
    for number in numbers:
        assert any(number in line for line in printed), number
    small = [c for c in page.chars if "Bold" in str(c["fontname"])
             and str(c["text"]).isdigit() and float(c["size"]) < 9]  # type: ignore[arg-type]
    assert not small


@pytest.mark.parametrize("name", ALL)
def test_every_glyph_on_the_wallet_card_page_is_readable(name: str) -> None:
    page = _wallet_page(built(name), language_of(name))
    assert_wallet_card_readable(page, is_large(name), ("988", "911"))


@pytest.mark.parametrize(("name", "rows"), [("blank", 4), ("blank-large", 3), ("es-blank", 2),
                                            ("es-blank-large", 2)])
def test_the_blank_wallet_card_can_be_written_on_by_hand(name: str, rows: int) -> None:
    language = language_of(name)
    page = _wallet_page(built(name), language)
    assert words(language, "Naloxone: ").strip() in page.text
    # Every crisis line is on the card (Spanish names are long: a row to write in
    # gives way first), so nothing points to the workbook.
    for line in resolve(None, RenderOptions(language=language)).crisis_lines:
        assert page.text.count(line.name) == 2, line.name  # on both copies
    assert squash(words(language, "More in my workbook")) not in squash(page.text)
    # Write-in lines on the back of the first card (the right half), by height.
    lines = sorted({round(r.top, 1) for r in page.rules
                    if 100 < r.top < 300 and r.x0 > page.width * 0.45 and r.x1 - r.x0 > 30})
    gaps = [b - a for a, b in pairwise(lines) if b - a > 1]
    assert len(lines) >= rows + 1  # contact rows and the naloxone line
    assert min(gaps) >= 6 * 72 / 25.4 - 0.5  # at least 6 mm apart


def test_the_wallet_card_says_when_the_crisis_lines_were_checked() -> None:
    # The facility checked its lines on 16 November 2026; the standard lines on the 22nd.
    assert "checked Nov 2026" in _wallet_page(built("facility")).text
    assert "checked Nov 2026" in _wallet_page(built("blank")).text


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_a_full_wallet_card_points_to_the_crisis_plan_in_the_workbook(large: bool) -> None:
    plan = stress_plan()  # more numbers than the card holds
    result = build_workbook(plan, RenderOptions.for_plan(plan, large_print=large))
    crisis = crisis_pages(result.pdf)[0]  # found in the PDF, by the crisis plan's heading
    page = _wallet_page(result.pdf)
    text = " ".join(page.text.split())
    assert text.count(f"More in my workbook, page {crisis}") == 2  # on both copies
    sizes = [float(c["size"]) for c in page.chars if str(c["text"]).strip()]  # type: ignore[arg-type]
    assert min(sizes) >= (10.0 if large else 8.0) - 0.01
    # The build report names what is only in the workbook, and where.
    left_off = [n for n in result.overflow if n.where.startswith("wallet card")
                and n.action.startswith("left off")]
    assert left_off
    assert {n.action for n in left_off} == {
        f"left off the card; in the workbook on page {crisis}"}
    assert left_off[0].message().endswith(f"left off the card; in the workbook on page {crisis}")
    for note in left_off:
        name = note.item.removeprefix("contact '").removesuffix("'")
        assert name not in page.text


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_a_wallet_card_where_everything_fits_points_nowhere(large: bool) -> None:
    result = build_workbook(base_plan(), RenderOptions.for_plan(base_plan(), large_print=large))
    assert not [n for n in result.overflow if n.where.startswith("wallet card")]
    assert "More in my workbook" not in _wallet_page(result.pdf).text
    assert "More in my workbook" not in _wallet_page(built("blank")).text
