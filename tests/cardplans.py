"""Plans and PDF helpers for the card tests (contact cards, wallet card)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pdfplumber

from workbook.plan import (
    About,
    CrisisContact,
    CrisisPlan,
    Mentor,
    MentorRole,
    Plan,
    Prevention,
    SupportNetwork,
    SupportPerson,
    WalletCard,
    WarningSign,
)

LONG_NAME = "Dr. Maria Fernández-Castillo (Community Health Center)"
VIETNAMESE = "Nguyễn Thị Minh Khai"
CHINESE = "王小明"
JAPANESE = "山田花子"
LONG_PHONE_NOTE = (
    "(503) 555-0100 ext. 214 — work line, weekdays only; if nobody answers leave a message "
    "with the front desk and say it is about the Tuesday group, they will find her"
)


def base_plan() -> Plan:
    """A small, complete plan of made-up people (555-01xx numbers are fictional)."""
    return Plan(
        about=About(preferred_name="J. R.", counselor="Maria Delgado, LADC",
                    program="Riverside Recovery Center"),
        prevention=Prevention(warning_signs=[WarningSign(sign="Skipping meals")]),
        support_network=SupportNetwork(
            people=[
                SupportPerson(name="Sam Ortiz", relationship="Partner", phone="(503) 555-0142",
                              helps_with="Listening, rides", best_time="Any time",
                              on_wallet_card=True),
                SupportPerson(name="Lan Nguyễn", relationship="Sister", phone="(503) 555-0187",
                              best_time="Evenings after 6", on_wallet_card=True),
                SupportPerson(name="Dale Thompson", relationship="Friend from work",
                              phone="(503) 555-0100 ext. 214 (work line, weekdays only)"),
                SupportPerson(name="Old friend", phone="(503) 555-0199",
                              on_contact_card=False),
            ],
            mentors=[Mentor(role=MentorRole.SPONSOR, name="Walt K.", phone="(503) 555-0118",
                            when_we_meet="Every day", on_wallet_card=True)],
        ),
        crisis_plan=CrisisPlan(
            signs=["I stop answering my phone", "I buy alcohol 'just to have it'",
                   "I feel hopeless for more than a day", "A fourth sign"],
            steps=["Stop. Put down the drink or leave the place.", "Call Sam or my sponsor.",
                   "Go to a meeting today.", "A fourth step"],
            contacts=[
                CrisisContact(name="Maria Delgado", role="Counselor", phone="(503) 555-0150"),
                CrisisContact(name="Dr. Grace Okafor", role="Doctor", phone="(503) 555-0177",
                              on_wallet_card=False),
            ],
            naloxone_applies=True,
            naloxone_location="Kitchen drawer by the fridge",
        ),
        wallet_card=WalletCard(title="My Crisis Plan"),
    )


def stress_plan() -> Plan:
    """Long names, long phone notes, many wallet contacts, Vietnamese and CJK names."""
    plan = base_plan()
    people = [
        SupportPerson(name=VIETNAMESE, relationship="chị gái (older sister)",
                      phone="(503) 555-0111", helps_with="Nấu ăn, đưa đón, lắng nghe",
                      best_time="Buổi tối", on_wallet_card=True),
        SupportPerson(name=CHINESE, relationship="朋友 friend", phone="(503) 555-0112",
                      helps_with="陪我散步", on_wallet_card=True),
        SupportPerson(name=JAPANESE, relationship="neighbour", phone=LONG_PHONE_NOTE,
                      helps_with="Rides to appointments " * 30, best_time="Mornings",
                      on_wallet_card=True),
        SupportPerson(name=LONG_NAME, relationship="doctor at the community clinic",
                      phone="(503) 555-0114", on_wallet_card=True),
    ]
    people += [
        SupportPerson(name=f"Friend number {i} with a fairly long family name",
                      relationship="friend", phone=f"(503) 555-01{20 + i}", on_wallet_card=True)
        for i in range(8)
    ]
    plan.support_network.people = people + plan.support_network.people
    plan.support_network.mentors = [
        *plan.support_network.mentors,
        Mentor(role=MentorRole.RECOVERY_COACH, name="Coach Jordan Ellis-Whitfield",
               phone="(503) 555-0150", on_wallet_card=True),
    ]
    plan.crisis_plan.contacts = [
        *plan.crisis_plan.contacts,
        CrisisContact(name="Riverside Mobile Crisis Team", role="county crisis team",
                      phone="(503) 555-0160"),
    ]
    return plan


def discreet_plan() -> Plan:
    plan = base_plan()
    plan.wallet_card.discreet = True
    plan.wallet_card.title = "My Recovery Card"
    plan.crisis_plan.naloxone_applies = True
    plan.crisis_plan.naloxone_location = "Kitchen drawer"
    return plan


@dataclass(frozen=True)
class Outline:
    page: int
    x0: float
    top: float  # from the top of the page, as pdfplumber measures
    width: float
    height: float


@dataclass(frozen=True)
class PageData:
    """What the card tests read from one page, parsed once."""

    width: float
    height: float
    text: str
    chars: tuple[dict[str, Any], ...]
    lines: tuple[dict[str, Any], ...]
    shapes: tuple[dict[str, Any], ...]  # rects and curves: x0, top, width, height


def pages(pdf: bytes) -> Any:
    return pdfplumber.open(io.BytesIO(pdf))


_KEEP = ("text", "x0", "x1", "top", "bottom", "size", "fontname")


@lru_cache(maxsize=16)
def parse(pdf: bytes) -> tuple[PageData, ...]:
    parsed = []
    with pages(pdf) as document:
        for page in document.pages:
            shapes = tuple(
                {k: shape[k] for k in ("x0", "top", "width", "height")}
                for shape in (*page.rects, *page.curves)
                if shape["width"] > 20 and shape["height"] > 2  # not QR modules
            )
            parsed.append(PageData(
                float(page.width), float(page.height), page.extract_text() or "",
                tuple({k: c[k] for k in _KEEP} for c in page.chars),
                tuple({k: ln[k] for k in ("x0", "x1", "top", "bottom")} for ln in page.lines),
                shapes,
            ))
    return tuple(parsed)


def outlines(pdf: bytes, width: float, height: float, tolerance: float = 0.01) -> list[Outline]:
    """Every drawn path (rect or curve) whose bounds are width x height points."""
    return [
        Outline(number, shape["x0"], shape["top"], shape["width"], shape["height"])
        for number, page in enumerate(parse(pdf))
        for shape in page.shapes
        if abs(shape["width"] - width) <= tolerance and abs(shape["height"] - height) <= tolerance
    ]


def text_in(pdf: bytes, page: int, x0: float, top: float, width: float, height: float) -> str:
    """The text inside a box given in pdfplumber's coordinates (top from the page's top)."""
    with pages(pdf) as document:
        area = document.pages[page].crop((x0, top, x0 + width, top + height))
        return str(area.extract_text() or "")
