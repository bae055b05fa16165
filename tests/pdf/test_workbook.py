"""The printed workbook built from the example plan: content, pages, fonts, bytes."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
from collections import Counter
from importlib import resources
from pathlib import Path

import pdfplumber
import pytest
from pdfutil import (
    A4,
    LETTER,
    extract_text,
    missing_strings,
    page_sizes,
    page_texts,
    pdffonts,
    plan_strings,
    reader,
    squash,
)

from workbook.example import example_plan
from workbook.facility import CrisisLine, Facility, LocalResource
from workbook.options import BuildResult, RenderOptions, ReviewEntry
from workbook.pdf import build_workbook
from workbook.plan import (
    Meeting,
    Paper,
    PathwayChoice,
    PathwayKind,
    Pathways,
    Plan,
    TrackerKind,
)

# Settings, not words the client typed.
NOT_PRINTED = frozenset({"print_settings"})


@pytest.fixture(scope="module")
def plan() -> Plan:
    return example_plan()


@pytest.fixture(scope="module")
def letter(plan: Plan) -> BuildResult:
    return build_workbook(plan, RenderOptions.for_plan(plan, paper=Paper.LETTER))


@pytest.fixture(scope="module")
def letter_text(letter: BuildResult) -> str:
    return extract_text(letter.pdf)


@pytest.fixture(scope="module")
def blank() -> BuildResult:
    return build_workbook(None, RenderOptions())


def logo_path() -> Path:
    return Path(str(resources.files("workbook.resources").joinpath("icons", "app-64.png")))


def facility() -> Facility:
    return Facility(
        name="Harbor Light Recovery Services",
        address="12 Quay Street, Portland",
        phone="(503) 555-0199",
        logo=logo_path(),
        crisis_lines=[CrisisLine(name="Harbor crisis team", number="503-555-0111",
                                 how="Day or night", last_checked=dt.date(2026, 11, 1))],
        local_resources=[LocalResource(name="Eastside food bank", phone="503-555-0133",
                                       address="4 Elm Road", notes="Tuesdays and Fridays")],
        meetings=[Meeting(group="NA", name="Harbor Hope", day="Wednesday", time="6 p.m.",
                          place="Harbor Light, room 2")],
    )


# -- every word printed ------------------------------------------------------

def test_every_string_of_the_example_plan_is_printed(plan: Plan, letter: BuildResult) -> None:
    assert missing_strings(letter.pdf, plan, NOT_PRINTED) == []


@pytest.mark.parametrize("paper", [Paper.A4])
def test_every_string_is_printed_in_large_print_too(plan: Plan, paper: Paper) -> None:
    result = build_workbook(plan, RenderOptions.for_plan(plan, paper=paper, large_print=True))
    assert missing_strings(result.pdf, plan, NOT_PRINTED) == []


def test_the_walk_finds_the_strings_it_should(plan: Plan) -> None:
    # Guards the test above against passing because it checks nothing.
    paths = dict(plan_strings(plan, NOT_PRINTED))
    assert len(paths) > 100
    assert paths["about.preferred_name"] == plan.about.preferred_name


def test_the_check_can_fail(plan: Plan, letter: BuildResult) -> None:
    changed = plan.model_copy(deep=True)
    changed.about.counselor = "Nobody Ever Printed Zq"
    assert missing_strings(letter.pdf, changed, NOT_PRINTED) == ["about.counselor"]


def test_order_follows_the_design(letter_text: str) -> None:
    # The cover first; the parts after the contents page (which lists them all).
    assert squash(letter_text).index("MyRecoveryPlan") < squash(letter_text).index("Contents")
    text = _after_contents(squash(letter_text))
    order = ["Howtousethisworkbook", "Mypathways", "Preventingareturntouse",
             "Mysupportnetwork", "Wholehealth", "Continuingcareanddailylife",
             "Goalsandmilestones", "Mycrisisplan", "Check-insandreviews", "Dailycheck-in",
             "Cravinglog", "Meetinglog", "Moodtracker", "Reviewlog", "Signatures"]
    positions = [text.find(s) for s in order]
    assert -1 not in positions, dict(zip(order, positions, strict=True))
    assert positions == sorted(positions)


def test_page_count_is_reported(letter: BuildResult) -> None:
    assert letter.page_count == len(reader(letter.pdf).pages)


# -- pages, fonts, metadata, bytes ----------------------------------------------

@pytest.mark.parametrize(("paper", "size"), [(Paper.LETTER, LETTER), (Paper.A4, A4)])
def test_every_page_has_the_exact_paper_size(plan: Plan, paper: Paper,
                                             size: tuple[float, float]) -> None:
    result = build_workbook(plan, RenderOptions.for_plan(plan, paper=paper))
    sizes = page_sizes(result.pdf)
    assert sizes
    for width, height in sizes:
        assert width == pytest.approx(size[0], abs=0.01)
        assert height == pytest.approx(size[1], abs=0.01)


def test_every_font_is_embedded_including_fallbacks() -> None:
    plan = Plan()
    plan.about.preferred_name = "Lan 🌱"
    plan.about.counselor = "王小明 · Nguyễn Thị Lan ✨"
    result = build_workbook(plan, RenderOptions())
    rows = pdffonts(result.pdf)
    names = {row.name.split("+")[-1] for row in rows}
    assert all(row.embedded for row in rows), rows
    assert not any("Helvetica" in n or "Times" in n or "Courier" in n for n in names)
    # The fallbacks really were used, so this checks them too.
    assert {"Andika", "DroidSansFallback", "Symbola"} <= {n.split("-")[0] for n in names}


def test_example_workbook_fonts_are_embedded(letter: BuildResult) -> None:
    rows = pdffonts(letter.pdf)
    assert rows and all(row.embedded for row in rows)


def test_two_builds_give_identical_bytes(plan: Plan, letter: BuildResult) -> None:
    again = build_workbook(plan, RenderOptions.for_plan(plan, paper=Paper.LETTER))
    assert again.pdf == letter.pdf


@pytest.mark.slow
def test_a_fresh_process_gives_identical_bytes(plan: Plan, letter: BuildResult,
                                               tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from workbook.example import example_plan\n"
        "from workbook.options import RenderOptions\n"
        "from workbook.pdf import build_workbook\n"
        "from workbook.plan import Paper\n"
        "p = example_plan()\n"
        "options = RenderOptions.for_plan(p, paper=Paper.LETTER)\n"
        "sys.stdout.buffer.write(build_workbook(p, options).pdf)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True)
    assert out.stdout == letter.pdf


def test_metadata_never_names_the_client(plan: Plan, letter: BuildResult) -> None:
    meta = reader(letter.pdf).metadata
    assert meta is not None
    assert meta.title == "Recovery Workbook"
    values = " ".join(str(v) for v in meta.values())
    assert plan.about.preferred_name not in values
    assert plan.about.counselor not in values


def test_print_scaling_is_none(letter: BuildResult, blank: BuildResult) -> None:
    for result in (letter, blank):
        prefs = reader(result.pdf).trailer["/Root"]["/ViewerPreferences"]
        assert prefs["/PrintScaling"] == "/None"


def test_footer_names_the_client_and_counts_pages(plan: Plan, letter: BuildResult) -> None:
    texts = page_texts(letter.pdf)
    total = len(texts)
    name = squash(plan.about.preferred_name)
    numbered = [i for i, t in enumerate(texts, 1) if f"Page {i} of {total}" in t]
    # Every page but the cover and the full-page card sheets has the footer.
    assert len(numbered) >= total - 1 - 4
    for i in numbered:
        assert name in squash(texts[i - 1])


# -- large print ------------------------------------------------------------------

def _char_sizes(
    pdf: bytes, words: tuple[str, ...], pages: int = 6
) -> tuple[float, dict[str, list[float]]]:
    """The most common character size on the first pages, and the sizes of `words`."""
    counts: Counter[float] = Counter()
    found: dict[str, list[float]] = {w: [] for w in words}
    with pdfplumber.open(io.BytesIO(pdf), pages=list(range(1, pages + 1))) as doc:
        for page in doc.pages:
            chars = page.chars
            counts.update(round(c["size"], 1) for c in chars)
            text = "".join(c["text"] for c in chars)
            for word in words:
                for match in re.finditer(re.escape(word), text):
                    found[word] += [chars[i]["size"] for i in range(match.start(), match.end())]
    return counts.most_common(1)[0][0], found


def test_large_print_body_is_at_least_14_points(plan: Plan) -> None:
    large = build_workbook(plan, RenderOptions.for_plan(plan, large_print=True))
    # The client's own words in a free answer (page 2), and in a table cell.
    progress = plan.about.snapshot.progress.split()[0]
    trigger = plan.prevention.triggers[0].trigger.split()[0]
    body, found = _char_sizes(large.pdf, (progress, trigger), pages=8)
    assert body >= 14
    for word, sizes in found.items():
        assert sizes and min(sizes) >= 14, word


def test_normal_print_is_smaller_and_has_fewer_pages(plan: Plan, letter: BuildResult) -> None:
    large = build_workbook(plan, RenderOptions.for_plan(plan, large_print=True))
    assert _char_sizes(letter.pdf, ())[0] < 14
    assert large.page_count > letter.page_count


# -- the blank workbook ---------------------------------------------------------------

def test_blank_workbook_has_no_plan_text(plan: Plan, blank: BuildResult) -> None:
    text = squash(extract_text(blank.pdf))
    leaked = [path for path, value in plan_strings(plan, NOT_PRINTED)
              if len(squash(value)) >= 16 and squash(value) in text]
    assert leaked == []
    for personal in (plan.about.preferred_name, plan.about.counselor,
                     plan.support_network.people[0].phone):
        assert squash(personal) not in text


def test_blank_workbook_prints_every_part_and_crisis_lines(blank: BuildResult) -> None:
    text = squash(extract_text(blank.pdf))
    for heading in ("Mypathways", "Preventingareturntouse", "Mysupportnetwork",
                    "Mutual-supportmeetings", "Supportinmyfaithcommunity",
                    "Myself-managementtools", "Myweek:medicinesandappointments",
                    "Mycrisisplan", "Naloxone", "Dailycheck-in", "Cravinglog", "Meetinglog",
                    "Moodtracker", "Reviewlog", "Signatures"):
        assert heading in text, heading
    for number in ("988", "1-800-662-4357", "911"):
        assert number in text
    assert "SAMHSANationalHelpline" in text


def test_blank_workbook_is_deterministic(blank: BuildResult) -> None:
    assert build_workbook(None, RenderOptions()).pdf == blank.pdf


# -- pathways, trackers, crisis lines, reviews, facility ----------------------------

def _with_pathways(*kinds: PathwayKind) -> Plan:
    plan = Plan()
    plan.about.preferred_name = "T. R."
    plan.pathways = Pathways(chosen=[PathwayChoice(kind=k) for k in kinds])
    return plan


def _text_of(plan: Plan, options: RenderOptions | None = None) -> str:
    return squash(extract_text(build_workbook(plan, options or RenderOptions()).pdf))


def test_mutual_support_brings_the_meetings_worksheet_first() -> None:
    text = _text_of(_with_pathways(PathwayKind.MUTUAL_SUPPORT))
    assert text.index("Mutual-supportmeetings") < text.index("Peoplewhosupportme")
    text = _text_of(_with_pathways(PathwayKind.CLINICAL))
    assert text.index("Peoplewhosupportme") < text.index("Mutual-supportmeetings")


def test_faith_based_brings_congregation_supports() -> None:
    assert "Supportinmyfaithcommunity" in _text_of(_with_pathways(PathwayKind.FAITH_BASED))
    assert "Supportinmyfaithcommunity" not in _text_of(_with_pathways(PathwayKind.CLINICAL))


def test_clinical_brings_medications_first_and_a_week_planner() -> None:
    text = _text_of(_with_pathways(PathwayKind.CLINICAL))
    assert "Myweek:medicinesandappointments" in text
    assert text.index("Medications") < text.index("Takingcareofmyself")
    other = _text_of(_with_pathways(PathwayKind.SELF_MANAGEMENT))
    assert "Myweek:medicinesandappointments" not in other
    assert other.index("Takingcareofmyself") < other.index("Medications")


def test_self_management_brings_its_tools() -> None:
    assert "Myself-managementtools" in _text_of(_with_pathways(PathwayKind.SELF_MANAGEMENT))
    assert "Myself-managementtools" not in _text_of(_with_pathways(PathwayKind.FAITH_BASED))


def test_only_the_chosen_trackers_are_printed() -> None:
    plan = Plan()
    plan.check_ins.trackers = [TrackerKind.MOOD]
    text = _text_of(plan)
    assert "Moodtracker" in text
    assert "Cravinglog" not in text and "Dailycheck-in" not in text


def _after_contents(text: str) -> str:
    """The squashed text from the first page after the contents page on."""
    return text[text.index("Walletcrisiscard") + len("Walletcrisiscard"):]


def _crisis_part(plan: Plan) -> str:
    # The crisis plan's pages only (the card sheets have their own rules).
    text = _after_contents(_text_of(plan))
    return text[text.index("Mycrisisplan"):text.index("Check-insandreviews")]


def test_standard_crisis_lines_can_be_left_out() -> None:
    plan = Plan()
    assert "SAMHSANationalHelpline" in _crisis_part(plan)
    plan.crisis_plan.include_standard_lines = False
    assert "SAMHSANationalHelpline" not in _crisis_part(plan)


def test_wallet_card_people_are_called_first(plan: Plan, letter_text: str) -> None:
    text = squash(letter_text)
    crisis = text[text.index("WhoIcontact,inorder"):]
    first_wallet = next(p for p in plan.support_network.people if p.on_wallet_card)
    own = plan.crisis_plan.contacts[0]
    assert crisis.index(squash(first_wallet.name)) < crisis.index(squash(own.name))
    assert crisis.index(squash(own.name)) < crisis.index("988Suicide&CrisisLifeline")


def test_reviews_are_printed_in_the_review_log() -> None:
    reviews = (ReviewEntry(dt.date(2026, 3, 1), "After a slip", "Added a new trigger: payday"),)
    text = _text_of(Plan(), RenderOptions(reviews=reviews))
    log = text[text.index("Reviewlog"):]
    assert "Afteraslip" in log and "Addedanewtrigger:payday" in log and "March1,2026" in log


def test_facility_name_logo_lines_and_local_help(plan: Plan) -> None:
    options = RenderOptions.for_plan(plan, facility=facility())
    result = build_workbook(plan, options)
    texts = page_texts(result.pdf)
    assert "Harbor Light Recovery Services" in texts[0]  # the cover
    footers = [t for t in texts if "Page " in t]
    assert footers and all("Harbor Light Recovery Services" in t for t in footers)
    text = squash("\n".join(texts))
    for words in ("Harborcrisisteam", "503-555-0111", "Eastsidefoodbank", "HarborHope",
                  "Helpnearme"):
        assert words in text, words
    assert "SAMHSANationalHelpline" not in text  # the facility's lines replace them
    first = reader(result.pdf).pages[0]
    xobjects = first["/Resources"].get("/XObject", {})
    assert any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values())


def test_a_bad_logo_is_a_one_line_error(tmp_path: Path) -> None:
    from workbook.plan import PlanFileError

    bad = tmp_path / "logo.png"
    bad.write_text("not an image")
    with pytest.raises(PlanFileError, match="logo") as info:
        build_workbook(None, RenderOptions(facility=Facility(name="X", logo=bad)))
    assert "\n" not in str(info.value)
