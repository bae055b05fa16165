"""Plans for the library's property tests.

The shared generator (tests/strategies.py, `plans()`) is used when it is
there; until then a smaller one of our own covers the awkward text (markup
characters, emoji, Vietnamese, CJK, long answers) in the fields the library
compares and stores.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from workbook.plan import CrisisContact, Plan, SupportPerson, Trigger

_SHARED = Path(__file__).resolve().parents[1] / "strategies.py"

_AWKWARD = st.sampled_from(
    ["<b>bold?</b>", "a & b", "Nguyễn Thị Lan", "回家", "😀🙏", "line\nbreak", "'quote\"", " "]
)
_TEXT = st.one_of(
    st.text(max_size=60),
    _AWKWARD,
    st.builds(lambda a, b: a + " " + b, _AWKWARD, st.text(max_size=20)),
    st.just("long answer " * 400),
)
_REQUIRED = _TEXT.filter(lambda s: bool(s.strip()))


@st.composite
def _own_plans(draw: Any) -> Plan:
    plan = Plan()
    plan.about.preferred_name = draw(_TEXT)
    plan.about.counselor = draw(_TEXT)
    plan.about.next_review_date = draw(
        st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))
    )
    plan.prevention.triggers = draw(
        st.lists(st.builds(Trigger, trigger=_REQUIRED, response=_TEXT), max_size=4)
    )
    plan.support_network.people = draw(
        st.lists(st.builds(SupportPerson, name=_REQUIRED, phone=_TEXT), max_size=4)
    )
    plan.crisis_plan.steps = draw(st.lists(_REQUIRED, max_size=4))
    plan.crisis_plan.contacts = draw(
        st.lists(st.builds(CrisisContact, name=_REQUIRED, phone=_REQUIRED), max_size=2)
    )
    plan.crisis_plan.naloxone_applies = draw(st.booleans())
    return plan


def plan_strategy() -> st.SearchStrategy[Plan]:
    """Random valid plans: the shared generator if it exists yet, else our own."""
    if _SHARED.exists():
        spec = importlib.util.spec_from_file_location("shared_plan_strategies", _SHARED)
        if spec is not None and spec.loader is not None:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            shared: st.SearchStrategy[Plan] = module.plans()
            return shared
    return _own_plans()
