"""Section 2: the pathways of recovery the client chooses."""

from __future__ import annotations

from enum import StrEnum

from ..text.i18n import N_
from .common import Record, Text, field, list_field


class PathwayKind(StrEnum):
    SELF_MANAGEMENT = "self_management"
    CLINICAL = "clinical"
    MUTUAL_SUPPORT = "mutual_support"
    FAITH_BASED = "faith_based"
    OTHER = "other"


PATHWAY_LABELS: dict[PathwayKind, str] = {
    PathwayKind.SELF_MANAGEMENT: N_("Self-management"),
    PathwayKind.CLINICAL: N_("Clinical care"),
    PathwayKind.MUTUAL_SUPPORT: N_("Mutual support"),
    PathwayKind.FAITH_BASED: N_("Faith-based support"),
    PathwayKind.OTHER: N_("Another pathway"),
}


class Arrangement(StrEnum):
    """Whether several pathways run side by side or one after another."""

    TOGETHER = "together"
    IN_SEQUENCE = "in_sequence"


class PathwayChoice(Record):
    kind: PathwayKind = field("Pathway", "", PathwayKind.OTHER)
    name: Text = field(
        "Name", "For 'another pathway': what the client calls it.", ""
    )
    in_my_words: Text = field(
        "What this looks like for me", "In the client's own words."
    )


class Pathways(Record):
    chosen: list[PathwayChoice] = list_field(
        "My pathways", "Choose one or more; they can be combined."
    )
    arrangement: Arrangement | None = field(
        "Together or one after another", "How the chosen pathways fit together.", None
    )
    arrangement_notes: Text = field("How they fit together", "In the client's own words.")

    def kinds(self) -> set[PathwayKind]:
        return {choice.kind for choice in self.chosen}
