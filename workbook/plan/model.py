"""The whole recovery plan: the one definition of what a plan is."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, WithJsonSchema

from ..text.i18n import check_language, languages
from .about import About
from .care import ContinuingCare
from .checkins import CheckIns
from .common import Record, field, record_field
from .crisis import CrisisPlan, WalletCard
from .goals import Goals
from .health import WholeHealth
from .pathways import Pathways
from .prevention import Prevention
from .support import SupportNetwork

# 2: new crisis-plan fields; 3: the workbook's language may be Spanish ("es").
SCHEMA_VERSION: Literal[3] = 3

Language = Annotated[
    str,
    AfterValidator(check_language),
    WithJsonSchema({"type": "string", "enum": list(languages())}),
]
"""A language the workbook prints in: "en", or one with a catalogue in workbook/locale."""


class Paper(StrEnum):
    LETTER = "letter"
    A4 = "a4"


class PrintSettings(Record):
    """How this client's workbook is printed; the command line may override."""

    paper: Paper = field("Paper size", "", Paper.LETTER)
    large_print: bool = field("Large print", "Bigger type and wider lines to write on.", False)
    language: Language = field(
        "Language of the workbook",
        "Every printed word, the dates and the suggestions to tick are in this language.",
        "en",
    )


class Plan(Record):
    """A client's recovery plan, section by section (docs/ARCHITECTURE.md names the areas)."""

    schema_version: Literal[3] = Field(
        default=SCHEMA_VERSION,
        title="Schema version",
        description="Which version of the plan format this file uses.",
    )
    about: About = record_field("About this plan", About)
    pathways: Pathways = record_field("My pathways", Pathways)
    prevention: Prevention = record_field("Preventing a return to use", Prevention)
    support_network: SupportNetwork = record_field("My support network", SupportNetwork)
    whole_health: WholeHealth = record_field("Whole health", WholeHealth)
    continuing_care: ContinuingCare = record_field(
        "Continuing care and daily life", ContinuingCare
    )
    goals: Goals = record_field("Goals and milestones", Goals)
    crisis_plan: CrisisPlan = record_field("Crisis action plan", CrisisPlan)
    wallet_card: WalletCard = record_field("Wallet crisis card", WalletCard)
    check_ins: CheckIns = record_field("Check-ins and reviews", CheckIns)
    print_settings: PrintSettings = record_field("Printing", PrintSettings)

    def display_name(self) -> str:
        """The name printed on the workbook, or a neutral stand-in."""
        return self.about.preferred_name.strip()
