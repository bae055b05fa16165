"""A complete, realistic and clearly fictional recovery plan.

Used by `recovery-workbook example`, the tests and the benchmarks. Every
section and every field of the plan model holds something, so the sample
workbook shows what a full plan looks like. All people, places and phone
numbers are made up (555-01xx numbers are reserved for fiction).
"""

from __future__ import annotations

import datetime as dt

from .plan import (
    About,
    Arrangement,
    AssessmentSnapshot,
    BalanceItem,
    CareAppointment,
    CareKind,
    CareMode,
    CheckIn,
    CheckIns,
    Checkup,
    ContinuingCare,
    CopingArea,
    CopingSkill,
    CravingStrategy,
    CravingStrategyKind,
    CrisisContact,
    CrisisPlan,
    DailyLife,
    FamilyInvolvement,
    Goal,
    GoalArea,
    Goals,
    HighRiskSituation,
    LevelOfCare,
    Medication,
    Meeting,
    MeetingFormat,
    Mentor,
    MentorRole,
    OnlineCommunity,
    Organisation,
    OrganisationKind,
    Paper,
    PathwayChoice,
    PathwayKind,
    Pathways,
    Plan,
    Prevention,
    PrintSettings,
    SelfCareArea,
    SelfCarePractice,
    SoberActivity,
    SupportNetwork,
    SupportPerson,
    TrackerKind,
    Trigger,
    TriggerKind,
    WalletCard,
    WarningSign,
    WholeHealth,
)


def _about() -> About:
    return About(
        preferred_name="Jordan R.",
        plan_date=dt.date(2026, 11, 20),
        counselor="Maria Delgado, LADC",
        program="Riverside Recovery Center (sample)",
        level_of_care=LevelOfCare.INTENSIVE_OUTPATIENT,
        discharge_date=dt.date(2026, 11, 25),
        next_review_date=dt.date(2026, 12, 18),
        snapshot=AssessmentSnapshot(
            progress=(
                "Finished 8 weeks of intensive outpatient. 74 days without alcohol. "
                "Goes to meetings three times a week and found a sponsor."
            ),
            concerns=(
                "The holidays are coming, with family parties where people drink. "
                "Sleep is still poor some nights."
            ),
            home_and_support=(
                "Lives with partner Sam, who is supportive and does not drink. "
                "Sister Lan lives nearby. Close to two friends from work."
            ),
            stressors=(
                "Money is tight after time off work. A court date for an old DUI charge "
                "in December. Back pain from a work injury."
            ),
        ),
    )


def _pathways() -> Pathways:
    return Pathways(
        chosen=[
            PathwayChoice(
                kind=PathwayKind.MUTUAL_SUPPORT,
                in_my_words=(
                    "AA meetings three times a week, and calling my sponsor every day "
                    "for the first 90 days."
                ),
            ),
            PathwayChoice(
                kind=PathwayKind.CLINICAL,
                in_my_words=(
                    "Weekly therapy with Maria, group on Thursdays, and seeing Dr. Okafor "
                    "about my medicine once a month."
                ),
            ),
            PathwayChoice(
                kind=PathwayKind.FAITH_BASED,
                in_my_words="The Tuesday night recovery group at Grace Community Church.",
            ),
            PathwayChoice(
                kind=PathwayKind.OTHER,
                name="Running club",
                in_my_words="Running with the Saturday morning club keeps my head clear.",
            ),
        ],
        arrangement=Arrangement.TOGETHER,
        arrangement_notes=(
            "All at the same time for now. After six months I may cut therapy to every "
            "other week and keep the meetings."
        ),
    )


def _prevention() -> Prevention:
    return Prevention(
        triggers=[
            Trigger(
                kind=TriggerKind.EVENT,
                trigger="Payday on Friday",
                response="Pay the bills first thing. Leave my bank card at home on Friday nights.",
            ),
            Trigger(
                kind=TriggerKind.PLACE,
                trigger="Driving past Murphy's Bar on Oak Street",
                response="Take the Elm Street way home, even if it is longer.",
            ),
            Trigger(
                kind=TriggerKind.PERSON,
                trigger="My old drinking buddy Rick",
                response="Do not answer his calls. If I see him, say hi and keep walking.",
            ),
            Trigger(
                kind=TriggerKind.FEELING,
                trigger="Feeling lonely on Sunday afternoons",
                response="Plan Sunday ahead: church, lunch with Lan, an evening meeting.",
            ),
            Trigger(
                kind=TriggerKind.EVENT,
                trigger="Arguments with Sam about money",
                response="Take a 20-minute break, walk, and come back to talk when calm.",
            ),
            Trigger(
                kind=TriggerKind.OTHER,
                trigger="Beer ads during football games",
                response="Mute the ads and text my sponsor during halftime.",
            ),
        ],
        warning_signs=[
            WarningSign(
                sign="Skipping meetings because I am 'too busy'",
                action="Call my sponsor the same day and go to the next meeting.",
            ),
            WarningSign(
                sign="Thinking 'one drink won't hurt'",
                action="Play the tape forward: think about how the night really ends.",
            ),
            WarningSign(
                sign="Not sleeping and feeling on edge for days",
                action="Tell Maria at my next session and go back to my sleep routine.",
            ),
            WarningSign(
                sign="Keeping secrets from Sam",
                action="Sit down with Sam and be honest, even when it is hard.",
            ),
        ],
        high_risk_situations=[
            HighRiskSituation(
                situation="The family holiday party on December 24",
                plan=(
                    "Drive myself. Bring my own sparkling water. Stay two hours at most. "
                    "Leave if I feel the urge, and call my sponsor from the car."
                ),
            ),
            HighRiskSituation(
                situation="Work happy hour after the project ends",
                plan="Say no thanks. Invite two coworkers for coffee the next day instead.",
            ),
            HighRiskSituation(
                situation="Home alone for the weekend while Sam visits family",
                plan="Fill the weekend: Saturday run, meeting, dinner with Lan.",
            ),
        ],
        craving_strategies=[
            CravingStrategy(
                kind=CravingStrategyKind.DO, strategy="Drink a big glass of cold water"
            ),
            CravingStrategy(
                kind=CravingStrategyKind.DO, strategy="Go for a 15-minute walk around the block"
            ),
            CravingStrategy(
                kind=CravingStrategyKind.DO, strategy="Call or text someone on my list"
            ),
            CravingStrategy(
                kind=CravingStrategyKind.THINK, strategy="This feeling will pass in a few minutes"
            ),
            CravingStrategy(
                kind=CravingStrategyKind.THINK,
                strategy="I have 74 days. I do not want to start over.",
            ),
        ],
        balance=[
            BalanceItem(
                practice="Bed by 11 p.m., phone out of the bedroom", how_often="Every night"
            ),
            BalanceItem(practice="Budget check with Sam", how_often="Every Sunday"),
            BalanceItem(practice="One evening just for fun", how_often="Once a week"),
        ],
        coping_skills=[
            CopingSkill(
                area=CopingArea.STRESS,
                skill="Deep breathing",
                in_my_words="Breathe in for 4, hold for 4, out for 6. Five times.",
            ),
            CopingSkill(
                area=CopingArea.STRESS,
                skill="Exercise",
                in_my_words="A run or a walk when work piles up.",
            ),
            CopingSkill(
                area=CopingArea.EMOTIONS,
                skill="Name the feeling",
                in_my_words="Say it out loud: 'I am angry' or 'I am scared.'",
            ),
            CopingSkill(
                area=CopingArea.EMOTIONS,
                skill="Journaling",
                in_my_words="Write one page before bed when my mind is racing.",
            ),
            CopingSkill(
                area=CopingArea.PROBLEM_SOLVING,
                skill="Break it into steps",
                in_my_words="Write the problem down, list three options, pick one to try.",
            ),
        ],
    )


def _support_network() -> SupportNetwork:
    return SupportNetwork(
        people=[
            SupportPerson(
                name="Sam Ortiz",
                relationship="Partner",
                phone="(503) 555-0142",
                helps_with="Listening, rides, staying calm together",
                best_time="Any time",
                on_contact_card=True,
                on_wallet_card=True,
            ),
            SupportPerson(
                name="Lan Nguyễn",
                relationship="Sister",
                phone="(503) 555-0187",
                helps_with="Sunday lunches, honest talks",
                best_time="Evenings after 6",
                on_contact_card=True,
                on_wallet_card=True,
            ),
            SupportPerson(
                name="Dale Thompson",
                relationship="Friend from work",
                phone="(503) 555-0100 ext. 214 (work line, weekdays only)",
                helps_with="Lunch walks, talking through work stress",
                best_time="Weekdays 9 to 5",
                on_contact_card=True,
                on_wallet_card=False,
            ),
            SupportPerson(
                name="Pastor Ruth Adeyemi",
                relationship="Pastor",
                phone="(503) 555-0163",
                helps_with="Prayer, guidance, the Tuesday recovery group",
                best_time="Weekdays before 8 p.m.",
                on_contact_card=True,
                on_wallet_card=False,
            ),
            SupportPerson(
                name="Chris Baker",
                relationship="Neighbor",
                phone="(503) 555-0129",
                helps_with="Rides to meetings if my car breaks down",
                best_time="Mornings",
                on_contact_card=False,
                on_wallet_card=False,
            ),
        ],
        meetings=[
            Meeting(
                group="AA",
                name="Monday Night Hope Group",
                day="Monday",
                time="7:00 p.m.",
                place="St. Mark's Hall, 410 Pine Street, Room 2",
                format=MeetingFormat.IN_PERSON,
                notes="My home group. Sponsor goes too.",
            ),
            Meeting(
                group="AA",
                name="Early Birds",
                day="Wednesday",
                time="6:30 a.m.",
                place="Online: Zoom meeting ID on the group's website",
                format=MeetingFormat.ONLINE,
                notes="Good before a long work day.",
            ),
            Meeting(
                group="SMART Recovery",
                name="Saturday SMART",
                day="Saturday",
                time="10:00 a.m.",
                place="Riverside Library, community room, and by video",
                format=MeetingFormat.BOTH,
                notes="Tools for cravings. After my run.",
            ),
        ],
        organisations=[
            Organisation(
                name="Grace Community Church",
                kind=OrganisationKind.FAITH,
                contact="(503) 555-0170, ask for Pastor Ruth",
                offers="Tuesday recovery group at 7 p.m., prayer support, food pantry",
            ),
            Organisation(
                name="Eastside Recovery Community Center",
                kind=OrganisationKind.COMMUNITY,
                contact="(503) 555-0155, 88 Main Street",
                offers="Peer coaching, job help, sober game nights on Fridays",
            ),
        ],
        online_communities=[
            OnlineCommunity(
                name="SMART Recovery online forum",
                how_i_use_it="Read posts when I cannot sleep. I use a nickname only.",
            ),
        ],
        mentors=[
            Mentor(
                role=MentorRole.SPONSOR,
                name="Walt K.",
                phone="(503) 555-0118",
                when_we_meet="Call every day; coffee after the Monday meeting",
                on_contact_card=True,
                on_wallet_card=True,
            ),
            Mentor(
                role=MentorRole.RECOVERY_COACH,
                name="Tasha Green",
                phone="(503) 555-0155 ext. 3",
                when_we_meet="Every other Thursday at the recovery center",
                on_contact_card=False,
                on_wallet_card=False,
            ),
        ],
        family=FamilyInvolvement(
            sessions="Sam and Lan join a family session with Maria once a month.",
            communication_goals=(
                "Talk about money once a week, calmly. Say what I need instead of shutting down."
            ),
            boundaries=(
                "No alcohol kept in the house. Sam can ask me how I am doing, and I "
                "will answer honestly. I ask Sam not to check my phone."
            ),
        ),
        sober_activities=[
            SoberActivity(
                activity="Saturday running club", with_whom="Club members", when="Saturdays 8 a.m."
            ),
            SoberActivity(
                activity="Board game night", with_whom="Recovery center friends", when="Fridays"
            ),
            SoberActivity(activity="Cooking a new recipe", with_whom="Sam", when="Sunday evenings"),
            SoberActivity(activity="Fishing at the lake", with_whom="Dale", when="Once a month"),
        ],
    )


def _whole_health() -> WholeHealth:
    return WholeHealth(
        self_care=[
            SelfCarePractice(
                area=SelfCareArea.EXERCISE,
                practice="Run or walk 30 minutes",
                how_often="4 times a week",
            ),
            SelfCarePractice(
                area=SelfCareArea.SLEEP,
                practice="Same bedtime and wake time",
                how_often="Every day",
            ),
            SelfCarePractice(
                area=SelfCareArea.FOOD,
                practice="Eat breakfast, even a small one",
                how_often="Every day",
            ),
            SelfCarePractice(
                area=SelfCareArea.HOBBIES, practice="Fix up my old bike", how_often="Weekends"
            ),
            SelfCarePractice(
                area=SelfCareArea.RELAXATION,
                practice="10 minutes of quiet prayer",
                how_often="Each morning",
            ),
            SelfCarePractice(
                area=SelfCareArea.SOCIAL, practice="Lunch with Lan", how_often="Sundays"
            ),
            SelfCarePractice(
                area=SelfCareArea.OTHER,
                practice="Stretch for my back",
                how_often="Morning and night",
            ),
        ],
        medications=[
            Medication(
                name="Naltrexone",
                dose="50 mg",
                when="Every morning with breakfast",
                prescriber="Dr. Grace Okafor",
                what_for="Lowers cravings for alcohol",
            ),
            Medication(
                name="Sertraline",
                dose="50 mg",
                when="Every morning",
                prescriber="Dr. Grace Okafor",
                what_for="Depression and anxiety",
            ),
        ],
        checkups=[
            Checkup(
                kind="Physical and liver tests",
                provider="Dr. Okafor, Eastside Clinic",
                when="January 2027",
            ),
            Checkup(
                kind="Dentist cleaning", provider="Bright Smile Dental", when="December 9, 2026"
            ),
            Checkup(
                kind="Physical therapy for my back",
                provider="Eastside Clinic PT",
                when="Tuesdays in December",
            ),
        ],
    )


def _continuing_care() -> ContinuingCare:
    return ContinuingCare(
        step_down=(
            "Standard outpatient at Riverside Recovery Center, starting December 1, 2026: "
            "one therapy session and one group each week."
        ),
        appointments=[
            CareAppointment(
                kind=CareKind.INDIVIDUAL,
                provider="Maria Delgado, LADC",
                schedule="Mondays 4 p.m., weekly",
                mode=CareMode.IN_PERSON,
                contact="(503) 555-0150 ext. 12",
            ),
            CareAppointment(
                kind=CareKind.GROUP,
                provider="Riverside return-to-use prevention group",
                schedule="Thursdays 6 p.m., weekly",
                mode=CareMode.EITHER,
                contact="(503) 555-0150",
            ),
            CareAppointment(
                kind=CareKind.ALUMNI,
                provider="Riverside alumni group",
                schedule="First Saturday of each month, 11 a.m.",
                mode=CareMode.IN_PERSON,
                contact="alumni desk, (503) 555-0150",
            ),
            CareAppointment(
                kind=CareKind.FAMILY,
                provider="Maria Delgado with Sam and Lan",
                schedule="Last Wednesday of each month, 5 p.m.",
                mode=CareMode.IN_PERSON,
                contact="(503) 555-0150 ext. 12",
            ),
            CareAppointment(
                kind=CareKind.MEDICATION_MANAGEMENT,
                provider="Dr. Grace Okafor",
                schedule="Once a month, next on December 3, 2026",
                mode=CareMode.VIRTUAL,
                contact="(503) 555-0177",
            ),
            CareAppointment(
                kind=CareKind.OTHER,
                provider="Tasha Green, recovery coach",
                schedule="Every other Thursday, 3 p.m.",
                mode=CareMode.VIRTUAL,
                contact="(503) 555-0155 ext. 3",
            ),
        ],
        daily_life=DailyLife(
            housing="Living at home with Sam. No alcohol in the house.",
            work=(
                "Back at the warehouse on light duty from December 1. Told my manager I "
                "need Monday afternoons off for therapy."
            ),
            school="Look into the forklift safety class at the community college in spring.",
            legal="Court date December 15, 2026 at 9 a.m. Bring the letter from Maria.",
            transport="My own car. The number 12 bus goes to the clinic if the car is in the shop.",
        ),
    )


def _goals() -> Goals:
    return Goals(
        goals=[
            Goal(
                area=GoalArea.PERSONAL,
                goal="Reach 6 months without alcohol",
                steps=[
                    "Go to three meetings a week",
                    "Call my sponsor every day",
                    "Use the craving log every night",
                ],
                target_date=dt.date(2027, 3, 8),
                how_i_will_know="I pick up my 6-month chip at my home group.",
            ),
            Goal(
                area=GoalArea.SOCIAL,
                goal="Rebuild trust with Sam",
                steps=[
                    "Keep every promise, even small ones",
                    "Go to the monthly family sessions",
                    "Plan a sober date night twice a month",
                ],
                target_date=dt.date(2026, 12, 31),
                how_i_will_know="Sam says they feel they can count on me again.",
            ),
            Goal(
                area=GoalArea.WORK_SCHOOL,
                goal="Go back to full duty at work",
                steps=[
                    "Finish physical therapy for my back",
                    "Get the doctor's note",
                    "Talk with my manager about full shifts",
                ],
                target_date=dt.date(2027, 1, 15),
                how_i_will_know="I am back on the full schedule and paying the bills on time.",
            ),
        ]
    )


def _crisis_plan() -> CrisisPlan:
    return CrisisPlan(
        signs=[
            "I stop answering my phone",
            "I buy alcohol 'just to have it'",
            "I feel hopeless for more than a day",
            "Sam notices I am hiding things",
        ],
        steps=[
            "Stop. Put down the drink or leave the place.",
            "Call Sam or my sponsor Walt.",
            "Go to a meeting today, in person or online.",
            "Call Maria or the clinic the next morning.",
        ],
        contacts=[
            CrisisContact(
                name="Maria Delgado",
                role="Counselor",
                phone="(503) 555-0150 ext. 12",
                on_wallet_card=True,
            ),
            CrisisContact(
                name="Riverside after-hours line",
                role="Clinic on-call staff",
                phone="(503) 555-0199",
                on_wallet_card=True,
            ),
            CrisisContact(
                name="Dr. Grace Okafor",
                role="Doctor",
                phone="(503) 555-0177",
                on_wallet_card=False,
            ),
        ],
        include_standard_lines=True,
        return_to_treatment=(
            "Riverside Recovery Center intake, (503) 555-0150. Ask for a same-week "
            "appointment and tell them I was in the IOP program."
        ),
        where_to_go="Eastside General Hospital emergency room, 1200 Park Avenue, open 24 hours.",
        naloxone_applies=True,
        naloxone_location="In the kitchen drawer by the fridge, and one in the car glove box.",
        after_a_crisis=(
            "Tell my sponsor and Maria within 24 hours. Go back to meetings the next day. "
            "Write down what happened in the craving log and add one new step to this plan. "
            "Remember that one slip does not erase 74 days."
        ),
    )


def _check_ins() -> CheckIns:
    return CheckIns(
        check_ins=[
            CheckIn(who="Walt K. (sponsor)", how_often="Every day", how="Phone call"),
            CheckIn(who="Maria Delgado (counselor)", how_often="Every week", how="In person"),
            CheckIn(
                who="Tasha Green (recovery coach)", how_often="Every two weeks", how="Video call"
            ),
        ],
        review_every="Every 30 days for the first 3 months, and after any slip",
        trackers=list(TrackerKind),
        client_signature_name="Jordan Reyes",
        counselor_signature_name="Maria Delgado, LADC",
        other_signers=["Sam Ortiz (partner)", "Walt K. (sponsor)"],
    )


def example_plan() -> Plan:
    """A full sample plan for a fictional client, Jordan R."""
    return Plan(
        about=_about(),
        pathways=_pathways(),
        prevention=_prevention(),
        support_network=_support_network(),
        whole_health=_whole_health(),
        continuing_care=_continuing_care(),
        goals=_goals(),
        crisis_plan=_crisis_plan(),
        wallet_card=WalletCard(title="My Crisis Plan", discreet=False),
        check_ins=_check_ins(),
        print_settings=PrintSettings(paper=Paper.LETTER, large_print=False, language="en"),
    )
