"""The recovery plan model: what a plan is. No Qt, no ReportLab here."""

from .about import LEVEL_OF_CARE_LABELS, About, AssessmentSnapshot, LevelOfCare
from .care import (
    CARE_KIND_LABELS,
    CareAppointment,
    CareKind,
    CareMode,
    ContinuingCare,
    DailyLife,
)
from .checkins import TRACKER_LABELS, CheckIn, CheckIns, TrackerKind
from .common import MAX_TEXT, Record
from .crisis import CrisisContact, CrisisPlan, SaferSurroundings, WalletCard
from .fields import (
    Problem,
    describe_validation_error,
    field_description,
    field_error_message,
    field_title,
    first_problem,
    path_title,
)
from .goals import GOAL_AREA_LABELS, Goal, GoalArea, Goals
from .health import Checkup, Medication, SelfCareArea, SelfCarePractice, WholeHealth
from .io import (
    MIGRATIONS,
    PlanFileError,
    load_plan,
    plan_from_data,
    plan_from_json,
    plan_to_json,
)
from .labels import label
from .model import SCHEMA_VERSION, Language, Paper, Plan, PrintSettings
from .pathways import PATHWAY_LABELS, Arrangement, PathwayChoice, PathwayKind, Pathways
from .prevention import (
    BalanceItem,
    CopingArea,
    CopingSkill,
    CravingStrategy,
    CravingStrategyKind,
    HighRiskSituation,
    Prevention,
    Trigger,
    TriggerKind,
    WarningSign,
)
from .support import (
    MENTOR_ROLE_LABELS,
    FamilyInvolvement,
    Meeting,
    MeetingFormat,
    Mentor,
    MentorRole,
    OnlineCommunity,
    Organisation,
    OrganisationKind,
    SoberActivity,
    SupportNetwork,
    SupportPerson,
)

__all__ = [
    "CARE_KIND_LABELS", "GOAL_AREA_LABELS", "LEVEL_OF_CARE_LABELS", "MAX_TEXT",
    "MENTOR_ROLE_LABELS", "MIGRATIONS", "PATHWAY_LABELS", "SCHEMA_VERSION", "TRACKER_LABELS",
    "About", "Arrangement", "AssessmentSnapshot", "BalanceItem", "CareAppointment", "CareKind",
    "CareMode", "CheckIn", "CheckIns", "Checkup", "ContinuingCare", "CopingArea", "CopingSkill",
    "CravingStrategy", "CravingStrategyKind", "CrisisContact", "CrisisPlan", "DailyLife",
    "FamilyInvolvement", "Goal", "GoalArea", "Goals", "HighRiskSituation", "Language",
    "LevelOfCare",
    "Medication", "Meeting", "MeetingFormat", "Mentor", "MentorRole", "OnlineCommunity",
    "Organisation", "OrganisationKind", "Paper", "PathwayChoice", "PathwayKind", "Pathways",
    "Plan", "PlanFileError", "Prevention", "PrintSettings", "Problem", "Record",
    "SaferSurroundings", "SelfCareArea",
    "SelfCarePractice", "SoberActivity", "SupportNetwork", "SupportPerson", "TrackerKind",
    "Trigger", "TriggerKind", "WalletCard", "WarningSign", "WholeHealth",
    "describe_validation_error", "field_description", "field_error_message", "field_title",
    "first_problem", "label", "load_plan", "path_title", "plan_from_data", "plan_from_json",
    "plan_to_json",
]
