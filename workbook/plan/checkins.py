"""Section 9: check-ins, reviews, trackers and signatures."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from ..text.i18n import N_
from .common import Record, RequiredText, Text, field, list_field


class TrackerKind(StrEnum):
    DAILY_CHECK_IN = "daily_check_in"
    CRAVING_LOG = "craving_log"
    MEETING_LOG = "meeting_log"
    MOOD = "mood"


TRACKER_LABELS: dict[TrackerKind, str] = {
    TrackerKind.DAILY_CHECK_IN: N_("Daily check-in"),
    TrackerKind.CRAVING_LOG: N_("Craving log"),
    TrackerKind.MEETING_LOG: N_("Meeting log"),
    TrackerKind.MOOD: N_("Mood tracker"),
}


class CheckIn(Record):
    who: RequiredText = field("Who I check in with", "", ...)
    how_often: Text = field("How often", "")
    how: Text = field("How", "Call, text, meet in person...")


class CheckIns(Record):
    check_ins: list[CheckIn] = list_field("Check-ins", "Who I stay in touch with, and how often.")
    review_every: Text = field(
        "How often we review this plan", "For example: every 30 days, or after any slip."
    )
    trackers: list[TrackerKind] = Field(
        default_factory=lambda: list(TrackerKind),
        title="Trackers to print",
        description="Pages to fill in by hand.",
    )
    client_signature_name: Text = field("Client name for signature", "")
    counselor_signature_name: Text = field("Counselor name for signature", "")
    other_signers: list[Text] = list_field(
        "Others who sign", "A family member, sponsor or coach, if the client wants."
    )
