"""Section 8: the crisis action plan, and the wallet card drawn from it."""

from __future__ import annotations

from ..text.i18n import N_
from .common import Record, RequiredText, Text, field, list_field, record_field


class CrisisContact(Record):
    """Someone to call in a crisis, in the order the client will call them.

    The support people marked for the wallet card are called first; these are
    the professionals and others the client adds to the crisis plan itself.
    """

    name: RequiredText = field("Name", "A person, a clinic, a crisis line.", ...)
    role: Text = field("Who they are", "Counselor, doctor, sponsor, crisis team...")
    phone: RequiredText = field("Phone", "As the client would dial it.", ...)
    on_wallet_card: bool = field("Put on the wallet crisis card", "", True)


class SaferSurroundings(Record):
    """Making my surroundings safer: what could hurt me, kept out of reach for now."""

    alcohol_and_drugs: Text = field(
        "Alcohol or drugs at home", "What I do about alcohol or drugs where I live."
    )
    medicines: Text = field(
        "Medicines", "Where medicines are kept, and who keeps any extra or old ones."
    )
    firearms_and_means: Text = field(
        "Firearms or other means",
        "How firearms, or other things I could use to hurt myself, are kept away from me.",
    )
    who_holds_them: Text = field(
        "Who holds them for me", "A person I trust who keeps these until I am safe."
    )


class CrisisPlan(Record):
    signs: list[RequiredText] = list_field(
        "Signs a crisis is starting", "What I, or the people around me, would notice."
    )
    steps: list[RequiredText] = list_field("The steps I take, in order", "")
    contacts: list[CrisisContact] = list_field(
        "Who I contact, in order", "Professionals and others, after my support people."
    )
    include_standard_lines: bool = field(
        "Include the national crisis lines",
        "988, the national helpline and 911 (or the facility's own lines).",
        True,
    )
    return_to_treatment: Text = field(
        "Treatment I return to", "Where to call to get back into care quickly."
    )
    where_to_go: Text = field(
        "Where I go", "The nearest emergency room or crisis center, with its address."
    )
    naloxone_applies: bool = field(
        "Naloxone applies to me", "Naloxone reverses an opioid overdose.", False
    )
    naloxone_location: Text = field("Where my naloxone is kept", "")
    safer_surroundings: SaferSurroundings = record_field(
        "Making my surroundings safer", SaferSurroundings
    )
    reasons_to_keep_going: list[RequiredText] = list_field(
        "What I keep going for", "Reasons and people that matter to me."
    )
    after_a_crisis: Text = field(
        "After a crisis or a slip", "What I do to get back on track."
    )


class WalletCard(Record):
    """The client's choices for the wallet-size crisis card."""

    title: Text = field(
        "Card title", "Printed across the top of the card.", N_("My Crisis Plan")
    )
    discreet: bool = field(
        "Discreet card",
        "No words about treatment or substances, for a card that may be seen by others.",
        False,
    )
