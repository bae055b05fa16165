"""Section 4: the people, groups and places that support the client."""

from __future__ import annotations

from enum import StrEnum

from pydantic import model_validator

from ..text.i18n import N_
from .common import Record, RequiredText, Text, field, list_field, record_field


class SupportPerson(Record):
    name: RequiredText = field("Name", "", ...)
    relationship: Text = field("Relationship", "Friend, sister, sponsor, neighbor...")
    phone: Text = field(
        "Phone", "As the client would dial it; extensions and notes are fine."
    )
    helps_with: Text = field("What they help with", "")
    best_time: Text = field("Best time to call", "")
    on_contact_card: bool = field(
        "Print a contact card", "A cut-out card with this person's number.", True
    )
    on_wallet_card: bool = field(
        "Put on the wallet crisis card", "Called first in a crisis, in list order.", False
    )

    @model_validator(mode="after")
    def _wallet_needs_phone(self) -> SupportPerson:
        if self.on_wallet_card and not self.phone.strip():
            raise ValueError(N_("phone: a person on the wallet card needs a phone number"))
        return self


class MeetingFormat(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    BOTH = "both"


class Meeting(Record):
    group: Text = field("Fellowship or group", "AA, NA, SMART Recovery, Refuge Recovery...")
    name: Text = field("Meeting name", "")
    day: Text = field("Day", "")
    time: Text = field("Time", "")
    place: Text = field("Place or link", "An address, a room, or how to join online.")
    format: MeetingFormat = field("In person or online", "", MeetingFormat.IN_PERSON)
    notes: Text = field("Notes", "")


class OrganisationKind(StrEnum):
    FAITH = "faith"
    COMMUNITY = "community"


class Organisation(Record):
    name: RequiredText = field("Name", "", ...)
    kind: OrganisationKind = field("Kind", "Faith-based or community.", OrganisationKind.COMMUNITY)
    contact: Text = field("Contact", "Phone, address or person to ask for.")
    offers: Text = field("What they offer", "")


class OnlineCommunity(Record):
    name: RequiredText = field("Name", "", ...)
    how_i_use_it: Text = field("How I use it", "")


class MentorRole(StrEnum):
    SPONSOR = "sponsor"
    RECOVERY_COACH = "recovery_coach"
    MENTOR = "mentor"
    PEER_SPECIALIST = "peer_specialist"


MENTOR_ROLE_LABELS: dict[MentorRole, str] = {
    MentorRole.SPONSOR: N_("Sponsor"),
    MentorRole.RECOVERY_COACH: N_("Recovery coach"),
    MentorRole.MENTOR: N_("Mentor"),
    MentorRole.PEER_SPECIALIST: N_("Peer support specialist"),
}


class Mentor(Record):
    role: MentorRole = field("Role", "", MentorRole.SPONSOR)
    name: RequiredText = field("Name", "", ...)
    phone: Text = field("Phone", "")
    when_we_meet: Text = field("When we talk or meet", "")
    on_contact_card: bool = field("Print a contact card", "", True)
    on_wallet_card: bool = field("Put on the wallet crisis card", "", False)


class FamilyInvolvement(Record):
    sessions: Text = field("Family sessions", "Who comes, how often, where.")
    communication_goals: Text = field("How we want to talk with each other", "")
    boundaries: Text = field("Boundaries", "What I ask of my family, and what they ask of me.")


class SoberActivity(Record):
    activity: RequiredText = field("Activity", "", ...)
    with_whom: Text = field("With whom", "")
    when: Text = field("When", "")


class SupportNetwork(Record):
    people: list[SupportPerson] = list_field(
        "People who support me", "Family, friends and others I can call."
    )
    meetings: list[Meeting] = list_field("Mutual-support meetings", "")
    organisations: list[Organisation] = list_field(
        "Faith-based and community organizations", ""
    )
    online_communities: list[OnlineCommunity] = list_field(
        "Online communities", "Share only what you would say in a room full of strangers."
    )
    mentors: list[Mentor] = list_field("Sponsor, recovery coach or mentor", "")
    family: FamilyInvolvement = record_field("Family involvement", FamilyInvolvement)
    sober_activities: list[SoberActivity] = list_field("Sober social activities", "")
