"""What goes on the cards, taken from the plan. Pure: no drawing, no measuring.

Every piece of user text keeps the plan field it came from (`Sourced.path`),
so whatever later does not fit can be reported with a place the desktop form
can jump to.

Contact cards, in this order: support people marked for a card, then sponsors,
coaches and mentors marked for a card, the counselor (unless the crisis plan
lists them with a phone number), the professionals and others of the crisis
plan, and one card with the crisis lines (the facility's, or 988 / SAMHSA /
911). A crisis-plan contact with the same name as a person already carded is
not carded twice.

Wallet card: the title; the first three signs a crisis is starting (the early
warning signs when the crisis plan lists none); the first three steps; on the
back, in order, people marked for the wallet card, mentors marked for it, the
crisis-plan contacts marked for it, then the crisis lines when the plan
includes them; and where naloxone is kept, when it applies.

A discreet card carries no words about treatment or substances: its own
wording is neutral, a title with such words becomes "Important numbers", and
any of the client's own text with such words is left off and reported. The
naloxone line is never on a discreet card (reported when there is one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...options import OverflowNote
from ...plan import Plan, label
from ...plan.crisis import WalletCard
from ...text.i18n import N_, translator
from ..content import CrisisLine, PrintContent
from .discreet import is_discreet

WALLET_FRONT = "wallet card, front"
WALLET_BACK = "wallet card, back"
CONTACT_CARDS = "contact cards"

WALLET_ITEMS = 3  # warning signs and first steps printed on the front
DEFAULT_TITLE = WalletCard.model_fields["title"].default
DISCREET_TITLE = N_("Important numbers")
DISCREET_ACTION = "left off (discreet card)"


@dataclass(frozen=True)
class Sourced:
    """A piece of text and the plan field it comes from (None: not the client's words)."""

    text: str
    path: str | None = None

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def quote(text: str, limit: int = 48) -> str:
    """Text for a report: one line, long answers cut, in single quotes."""
    line = " ".join(text.split())
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return f"'{line}'"


# --------------------------------------------------------------------------- contact cards


@dataclass(frozen=True)
class ContactCard:
    name: Sourced
    role: Sourced
    phone: Sourced
    helps_with: Sourced = Sourced("")
    best_time: Sourced = Sourced("")
    best_time_label: str = N_("Best time: ")
    helps_with_label: str = N_("Helps with: ")


@dataclass(frozen=True)
class LinesCard:
    """The card listing the crisis lines."""

    title: str
    lines: tuple[CrisisLine, ...]


@dataclass(frozen=True)
class BlankCard:
    """A card to fill in by hand."""


_HONORIFICS = {"dr", "mr", "mrs", "ms", "mx", "rev", "fr", "prof", "pastor"}


def _name_words(name: str) -> list[str]:
    words = re.findall(r"\w+", name.casefold())
    while words and words[0] in _HONORIFICS:
        words.pop(0)
    return words


def same_person(a: str, b: str) -> bool:
    """Whether two names are one person: equal, or one extends the other by
    credentials ("Maria Delgado" and "Dr. Maria Delgado, LADC")."""
    first, second = _name_words(a), _name_words(b)
    if not first or not second:
        return False
    short, long = sorted((first, second), key=len)
    return short == long or (len(short) >= 2 and long[: len(short)] == short)


def contact_cards(plan: Plan, language: str = "en") -> list[ContactCard]:
    """The people and professionals who get a card, in print order, labelled in `language`."""
    words = translator(language)
    best_time, helps_with = words.gettext("Best time: "), words.gettext("Helps with: ")
    cards: list[ContactCard] = []
    network = plan.support_network
    for i, person in enumerate(network.people):
        if not person.on_contact_card:
            continue
        base = f"support_network.people[{i}]"
        cards.append(
            ContactCard(
                name=Sourced(person.name, f"{base}.name"),
                role=Sourced(person.relationship, f"{base}.relationship"),
                phone=Sourced(person.phone, f"{base}.phone"),
                helps_with=Sourced(person.helps_with, f"{base}.helps_with"),
                best_time=Sourced(person.best_time, f"{base}.best_time"),
                best_time_label=best_time,
                helps_with_label=helps_with,
            )
        )
    for i, mentor in enumerate(network.mentors):
        if not mentor.on_contact_card:
            continue
        base = f"support_network.mentors[{i}]"
        cards.append(
            ContactCard(
                name=Sourced(mentor.name, f"{base}.name"),
                role=Sourced(label(mentor.role, language)),
                phone=Sourced(mentor.phone, f"{base}.phone"),
                best_time=Sourced(mentor.when_we_meet, f"{base}.when_we_meet"),
                best_time_label=words.gettext("We talk: "),
                helps_with_label=helps_with,
            )
        )
    crisis_contacts = plan.crisis_plan.contacts
    about = plan.about
    counselor = about.counselor.strip()
    if counselor and not any(same_person(c.name, counselor) for c in crisis_contacts):
        role = words.gettext("Counselor")
        if about.program.strip():
            role = words.gettext("Counselor, {program}").format(program=about.program.strip())
        cards.append(
            ContactCard(
                name=Sourced(about.counselor, "about.counselor"),
                role=Sourced(role, "about.program" if about.program.strip() else None),
                phone=Sourced(""),
                best_time_label=best_time,
                helps_with_label=helps_with,
            )
        )
    for i, contact in enumerate(crisis_contacts):
        if any(same_person(contact.name, card.name.text) for card in cards):
            continue
        base = f"crisis_plan.contacts[{i}]"
        role = contact.role
        if not role.strip() and counselor and same_person(contact.name, counselor):
            role = words.gettext("Counselor")
        cards.append(
            ContactCard(
                name=Sourced(contact.name, f"{base}.name"),
                role=Sourced(role, f"{base}.role"),
                phone=Sourced(contact.phone, f"{base}.phone"),
                best_time_label=best_time,
                helps_with_label=helps_with,
            )
        )
    return cards


def lines_card(resolved: PrintContent) -> LinesCard:
    return LinesCard(resolved.gettext("Crisis lines, any time"), resolved.crisis_lines)


# --------------------------------------------------------------------------- wallet card


@dataclass(frozen=True)
class WalletEntry:
    """One number on the back of the wallet card."""

    name: Sourced
    role: str
    phone: Sourced
    essential: bool = False  # crisis lines stay on the card when personal numbers do not fit

    @property
    def label(self) -> str:
        return f"{self.name.text} ({self.role})" if self.role.strip() else self.name.text


@dataclass(frozen=True)
class WalletContent:
    title: str
    signs: tuple[Sourced, ...]
    steps: tuple[Sourced, ...]
    contacts: tuple[WalletEntry, ...]
    naloxone: Sourced | None
    discreet: bool
    blank: bool
    notes: tuple[OverflowNote, ...]  # what the discreet option kept off the card
    language: str = "en"  # of the card's own words

    @property
    def headings(self) -> tuple[str, str, str]:
        words = translator(self.language)
        return (words.gettext("My warning signs"), words.gettext("What I do first"),
                words.gettext("Who I call, in order"))

    @property
    def naloxone_label(self) -> str:
        return translator(self.language).gettext("Naloxone: ")

    @property
    def custom_title(self) -> bool:
        """Whether the title is the client's own words (not the card's default)."""
        return self.title != default_title(self.language)


def default_title(language: str) -> str:
    """The wallet card's title when the client gives none: "My Crisis Plan"."""
    return translator(language).gettext(DEFAULT_TITLE)


def _line_label(line: CrisisLine, discreet: bool, language: str) -> str:
    if discreet and not is_discreet(line.name):
        return translator(language).gettext("Helpline")
    return line.name


def blank_wallet(resolved: PrintContent) -> WalletContent:
    language = resolved.language
    lines = tuple(
        WalletEntry(Sourced(_line_label(line, False, language)), "", Sourced(line.card_text()),
                    True)
        for line in resolved.crisis_lines
    )
    return WalletContent(default_title(language), (), (), lines, None, False, True, (), language)


def wallet_content(resolved: PrintContent) -> WalletContent:
    """What goes on the wallet card: the plan's, or a blank card's (no plan)."""
    plan = resolved.plan
    if plan is None:
        return blank_wallet(resolved)
    discreet = plan.wallet_card.discreet
    notes: list[OverflowNote] = []

    def allowed(where: str, item: str, text: str, path: str | None) -> bool:
        if not discreet or is_discreet(text):
            return True
        notes.append(OverflowNote(where, item, DISCREET_ACTION, path))
        return False

    language = resolved.language
    words = translator(language)
    discreet_title = words.gettext(DISCREET_TITLE)
    title = plan.wallet_card.title.strip()
    if title in (DEFAULT_TITLE, default_title(language)):
        title = ""  # the default, in the card's language
    if not title:
        title = discreet_title if discreet else default_title(language)
    elif discreet and not is_discreet(title):
        notes.append(
            OverflowNote(
                WALLET_FRONT,
                f"title {quote(title)}",
                f"replaced by '{discreet_title}' (discreet card)",
                "wallet_card.title",
            )
        )
        title = discreet_title

    crisis = plan.crisis_plan
    if crisis.signs:
        sources = [(s, f"crisis_plan.signs[{i}]") for i, s in enumerate(crisis.signs)]
    else:
        sources = [
            (w.sign, f"prevention.warning_signs[{i}].sign")
            for i, w in enumerate(plan.prevention.warning_signs)
        ]
    signs = tuple(
        Sourced(text, path)
        for text, path in sources[:WALLET_ITEMS]
        if allowed(WALLET_FRONT, f"warning sign {quote(text)}", text, path)
    )
    steps = tuple(
        Sourced(text, f"crisis_plan.steps[{i}]")
        for i, text in enumerate(crisis.steps[:WALLET_ITEMS])
        if allowed(WALLET_FRONT, f"step {i + 1} {quote(text)}", text, f"crisis_plan.steps[{i}]")
    )

    entries: list[WalletEntry] = []

    def add(name: str, role: str, phone: str, base: str, role_field: str | None) -> None:
        if not allowed(WALLET_BACK, f"contact {quote(name)}", name, f"{base}.name"):
            return
        if role_field is not None and role.strip() and not allowed(
            WALLET_BACK, f"who {quote(name)} is ({quote(role)})", role, f"{base}.{role_field}"
        ):
            role = ""
        if not allowed(WALLET_BACK, f"phone of {quote(name)}", phone, f"{base}.phone"):
            return
        entries.append(WalletEntry(Sourced(name, f"{base}.name"), role,
                                   Sourced(phone, f"{base}.phone")))

    network = plan.support_network
    for i, person in enumerate(network.people):
        if person.on_wallet_card:
            add(person.name, person.relationship, person.phone,
                f"support_network.people[{i}]", "relationship")
    for i, mentor in enumerate(network.mentors):
        if mentor.on_wallet_card and mentor.phone.strip():
            role = label(mentor.role, language)
            add(mentor.name, "" if discreet and not is_discreet(role) else role, mentor.phone,
                f"support_network.mentors[{i}]", None)
    for i, contact in enumerate(crisis.contacts):
        if contact.on_wallet_card:
            add(contact.name, contact.role, contact.phone, f"crisis_plan.contacts[{i}]", "role")
    if crisis.include_standard_lines:
        for line in resolved.crisis_lines:
            entries.append(
                WalletEntry(Sourced(_line_label(line, discreet, language)), "",
                            Sourced(line.card_text()), essential=True)
            )

    naloxone: Sourced | None = None
    location = crisis.naloxone_location.strip()
    if crisis.naloxone_applies and location:
        if discreet:
            notes.append(
                OverflowNote(WALLET_BACK, "where naloxone is kept", DISCREET_ACTION,
                             "crisis_plan.naloxone_location")
            )
        else:
            naloxone = Sourced(crisis.naloxone_location, "crisis_plan.naloxone_location")

    return WalletContent(title, signs, steps, tuple(entries), naloxone, discreet, False,
                         tuple(notes), language)
