"""The crisis companion page: what it prints after the crisis action page."""

from __future__ import annotations

import pytest
from pdfutil import body_text, missing_strings, squash

from workbook.options import RenderOptions
from workbook.pdf import build_workbook
from workbook.plan import Plan

TITLE = "Call my sponsor Sam first"
LABEL = squash("My wallet card title (kept off the discreet card)")


@pytest.mark.parametrize("large_print", [False, True])
def test_a_discreet_card_title_is_printed_in_full_in_the_workbook(large_print: bool) -> None:
    plan = Plan()
    plan.wallet_card.title = TITLE  # "sponsor": the discreet card shows another title
    plan.wallet_card.discreet = True
    result = build_workbook(plan, RenderOptions(large_print=large_print))
    # The card says so, and the workbook still prints every word of it.
    assert [n.field_path for n in result.overflow] == ["wallet_card.title"]
    text = squash(body_text(result.pdf))
    assert LABEL + squash(TITLE) in text
    assert missing_strings(result.pdf, plan, frozenset({"print_settings"})) == []


@pytest.mark.parametrize(("title", "discreet"), [
    (TITLE, False),  # printed on the card itself
    ("Important numbers", True),  # nothing to hide: the card prints it
    ("", True),  # no title of their own
])
def test_the_title_is_repeated_only_when_the_card_leaves_it_off(title: str,
                                                                 discreet: bool) -> None:
    plan = Plan()
    plan.wallet_card.title = title
    plan.wallet_card.discreet = discreet
    text = squash(body_text(build_workbook(plan, RenderOptions()).pdf))
    assert LABEL not in text
