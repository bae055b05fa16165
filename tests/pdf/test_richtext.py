"""Sentences with bold words drawn without ReportLab's Paragraph, checked against it.

The reference is the Paragraph each RichBlock replaces: the same words in the
same order, the same type, and lines broken as well (each line within the
frame and as full as it can be: a Paragraph may instead squeeze a line's
spaces by up to 5 % to take one more word).
"""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate

from workbook.example import example_plan
from workbook.geometry.runs import line_text
from workbook.options import RenderOptions
from workbook.pdf import build_workbook
from workbook.pdf.document import frame_size
from workbook.pdf.fonts import BODY, BODY_BOLD, register_fonts
from workbook.pdf.prose import paragraphs
from workbook.pdf.richtext import RichBlock, markup_flowable, markup_runs
from workbook.pdf.sections.crisis import LARGE_TRIES, NORMAL_TRIES, crisis_styles
from workbook.pdf.styles import styles_for
from workbook.plan import Paper

register_fonts()
# Where a line may break: white space, but never a no-break space.
_WORD = re.compile(r"(?:\S|\u00a0)+")
TEMPLATES = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "workbook" / "templates"
                                    / "en").glob("*.j2"))


def test_markup_is_read_into_runs_in_two_weights() -> None:
    assert markup_runs("<b>1.</b> Get safe.<br/>\n<b>2.</b> Tell &amp; ask &#39;now&#39;") == [
        ("1.", True), (" Get safe.", False), ("\n", False), (" ", False), ("2.", True),
        (" Tell & ask 'now'", False)]


@pytest.mark.parametrize("markup", [
    '<font name="Fallback-CJK">王</font> <b>x</b>',  # a fallback font: the Paragraph's
    "<i>leaning</i>", "<b>open", "close</b>", "王小明 <b>x</b>", "a < b <b>c</b>",
])
def test_anything_else_is_left_to_a_paragraph(markup: str) -> None:
    assert markup_runs(markup) is None


@pytest.mark.parametrize("markup", ["<i>leaning</i> <b>x</b>", "王小明 <b>x</b>"])
def test_a_paragraph_prints_what_a_rich_block_cannot(markup: str) -> None:
    assert isinstance(markup_flowable(markup, styles_for(False).body), Paragraph)


def _words(flowable: RichBlock | Paragraph) -> list[str]:
    if isinstance(flowable, RichBlock):
        return " ".join(flowable.lines or ()).split()
    return " ".join(" ".join(getattr(w, "text", "") for w in line.words)
                    for line in flowable.blPara.lines).split()


def _line_width(runs: tuple[tuple[str, bool], ...], style: ParagraphStyle) -> float:
    return sum(stringWidth(text, BODY_BOLD if bold else BODY, style.fontSize)
               for text, bold in runs)


def assert_broken_as_well(markup: str, style: ParagraphStyle, width: float) -> None:
    block = markup_flowable(markup, style)
    assert isinstance(block, RichBlock), markup
    para = Paragraph(markup, style)
    _, height = block.wrap(width, 1e6)
    _, para_height = para.wrap(width, 1e6)
    assert _words(block) == _words(para)
    assert block.rich_lines is not None
    lines = block.rich_lines
    runs = markup_runs(markup)
    assert runs is not None
    # Words left in each hard line (<br/>): its last printed line need not be full.
    left = [len(_WORD.findall(part)) for part in "".join(t for t, _ in runs).split("\n")]
    for line, following in zip(lines, [*lines[1:], ()], strict=True):
        assert _line_width(line, style) <= width + 1e-6, line
        left[0] -= len(_WORD.findall(line_text(line)))
        if not left[0]:
            left.pop(0)
            continue
        # As full as it can be: the next line's first word would not fit on it.
        first_word = _WORD.match(line_text(following))
        assert first_word is not None
        more = (*line, (" " + first_word.group(), following[0][1]))
        assert _line_width(more, style) > width, (line, first_word)
    # A Paragraph takes a word more onto a line now and then; never two lines fewer.
    assert para_height - style.leading - 1e-6 <= height <= para_height + style.leading + 1e-6


@cache
def _prose_with_markup(language: str) -> list[str]:
    out = []
    for template in TEMPLATES:
        for markup, plain in paragraphs(template, "Jordan R.", ("clinical", "mutual_support"),
                                        False, "Riverside", language):
            if plain is None:
                out.append(markup)
    return out


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_every_templated_paragraph_breaks_as_well_as_a_paragraph(language: str,
                                                                 large: bool) -> None:
    prose = _prose_with_markup(language)
    assert len(prose) >= 5
    styles = styles_for(large)
    body_width = frame_size(Paper.LETTER)[0]
    for markup in prose:
        for style in (styles.lead, styles.small, styles.body):
            for width in (body_width, body_width - 24, body_width / 2):
                assert_broken_as_well(markup, style, width)


@pytest.mark.parametrize("tries", [NORMAL_TRIES, LARGE_TRIES], ids=["normal", "large"])
def test_a_labelled_answer_on_the_crisis_page_breaks_as_well(tries: tuple[object, ...]) -> None:
    markup = ("<b>Where I go:</b> Eastside General Hospital emergency room, 1200 Park Avenue, "
              "open 24 hours. Call (503)\u00a0555-0150 first if you can, or a well-being-line.")
    for t in tries:
        style = ParagraphStyle("labelled", parent=crisis_styles(t).body)  # type: ignore[arg-type]
        for width in (504.0, 300.0, 160.0):
            assert_broken_as_well(markup, style, width)


def _drawn(flowable: RichBlock | Paragraph) -> list[dict[str, object]]:
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=letter).build([flowable])
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        return [dict(c) for c in pdf.pages[0].chars]


def test_drawn_where_a_paragraph_draws_in_the_same_faces() -> None:
    markup = ("<b>Triggers</b> are things outside you, such as places, people or events. "
              "<b>Warning signs</b> are inside you.<br/><b>1.</b> Get safe.")
    style = styles_for(False).lead
    ours, theirs = _drawn(markup_flowable(markup, style)), _drawn(Paragraph(markup, style))
    assert "".join(str(c["text"]) for c in ours) == "".join(str(c["text"]) for c in theirs)
    for mine, reference in zip(ours, theirs, strict=True):
        assert float(mine["x0"]) == pytest.approx(float(reference["x0"]), abs=0.01)
        assert float(mine["top"]) == pytest.approx(float(reference["top"]), abs=0.01)
        assert ("Bold" in str(mine["fontname"])) == ("Bold" in str(reference["fontname"]))
        assert mine["size"] == pytest.approx(reference["size"])
        assert mine["non_stroking_color"] == reference["non_stroking_color"]


def test_a_block_splits_by_lines_never_leaving_its_first_line_alone() -> None:
    style = styles_for(False).lead
    block = markup_flowable("<b>Note:</b> " + "words that go on " * 60, style)
    assert isinstance(block, RichBlock)
    _, height = block.wrap(300, 1e6)
    assert block.split(300, style.leading * 1.5) == []  # one line: an orphan
    first, rest = block.split(300, height / 2)
    assert isinstance(first, RichBlock) and isinstance(rest, RichBlock)
    assert first.wrap(300, 1e6)[1] <= height / 2
    assert first.rich_lines is not None and rest.rich_lines is not None
    assert first.rich_lines + rest.rich_lines == block.rich_lines
    assert first.rich_lines[0][0] == ("Note:", True)


@cache
def _example_lines(language: str) -> list[tuple[str, list[bool]]]:
    plan = example_plan(language)
    pdf = build_workbook(plan, RenderOptions(large_print=True, language=language)).pdf
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            for line in page.extract_text_lines(return_chars=True):
                chars = [c for c in line["chars"] if c["text"].strip()]
                out.append((line["text"], ["Bold" in c["fontname"] for c in chars]))
    return out


@pytest.mark.parametrize(("language", "label", "phone"), [
    ("en", "Treatment I return to:", "(503) 555-0150"),
    ("es", "Tratamiento al que vuelvo:", "(503) 555-0150"),
])
def test_the_crisis_page_prints_the_label_bold_and_the_phone_whole(
        language: str, label: str, phone: str) -> None:
    lines = _example_lines(language)
    ((_, bold),) = [(t, b) for t, b in lines if t.startswith(label)]
    count = len(label.replace(" ", ""))
    assert all(bold[:count]) and not any(bold[count:])  # the label bold, the words not
    assert any(phone in t.replace("\u00a0", " ") for t, _ in lines)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_prose_prints_its_bold_words_bold(language: str) -> None:
    lines = _example_lines(language)
    signs = {"en": "Signs of an opioid overdose:", "es": "Señales de una sobredosis de opioides:"}
    ((_, bold),) = [(t, b) for t, b in lines if t.startswith(signs[language])]
    count = len(signs[language].replace(" ", ""))
    assert all(bold[:count]) and not any(bold[count:])
