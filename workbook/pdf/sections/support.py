"""My support network: people, meetings, organisations, mentors, family, activities.

The order follows the client's pathways: mutual support brings the meetings
worksheet (and the sponsor) to the front; faith-based brings congregation
supports forward. A facility's local resources and meetings close the part.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable, PageBreak

from ...catalogues import suggestions
from ...plan import (
    FamilyInvolvement,
    Meeting,
    Mentor,
    OnlineCommunity,
    Organisation,
    OrganisationKind,
    PathwayKind,
    SoberActivity,
    SupportNetwork,
    SupportPerson,
)
from ..content import LocalResource
from ..context import Context
from ..flowables import Panel
from ..markup import user_text
from ..styles import ACCENT_TINT
from ..worksheet import (
    Column,
    answer,
    heading,
    lines,
    more_rows,
    part_kicker,
    section_title,
    table,
    ticks,
)

Worksheet = Callable[[Context, SupportNetwork], list[Flowable]]


def support_network(ctx: Context, part: int) -> list[Flowable]:
    plan = ctx.plan
    network = plan.support_network if plan is not None else SupportNetwork()
    out: list[Flowable] = [
        PageBreak(),
        *section_title(ctx, part_kicker(ctx, part), ctx.gettext("My support network"),
                       "support_network"),
    ]
    for worksheet in worksheet_order(ctx):
        out += worksheet(ctx, network)
    out += local_help(ctx)
    return out


def worksheet_order(ctx: Context) -> list[Worksheet]:
    """The worksheets of this part, in the order the client's pathways call for."""
    first: list[Worksheet] = []
    if not ctx.blank and PathwayKind.MUTUAL_SUPPORT in ctx.pathways:
        first += [meetings, mentors]
    if not ctx.blank and PathwayKind.FAITH_BASED in ctx.pathways:
        first += [organisations]
    rest = [people, mentors, meetings, organisations, online, family, activities]
    return first + [w for w in rest if w not in first]


def people(ctx: Context, network: SupportNetwork) -> list[Flowable]:
    out = heading(ctx, ctx.title(SupportNetwork, "people"),
                  ctx.gettext("Family, friends and others I can call."))
    out += table(
        ctx,
        [Column(ctx.title(SupportPerson, "name"), 1.1),
         Column(ctx.title(SupportPerson, "relationship"), 0.9),
         Column(ctx.title(SupportPerson, "phone"), 1.1),
         Column(ctx.title(SupportPerson, "helps_with"), 1.4),
         Column(ctx.title(SupportPerson, "best_time"), 0.9)],
        [[p.name, p.relationship, p.phone, p.helps_with, p.best_time] for p in network.people],
        more_rows(ctx, len(network.people)),
    )
    return out


def meetings(ctx: Context, network: SupportNetwork) -> list[Flowable]:
    out = heading(ctx, ctx.title(SupportNetwork, "meetings"),
                  ctx.gettext("AA, NA, SMART Recovery and other groups I go to, in person or "
                              "online."))
    out += meeting_table(ctx, network.meetings, more_rows(ctx, len(network.meetings)))
    return out


def meeting_table(ctx: Context, items: Sequence[Meeting], blank: int) -> list[Flowable]:
    rows = [
        [m.group, m.name, " ".join(x for x in (m.day, m.time) if x.strip()),
         f"{m.place}\n{ctx.label(m.format)}" if m.place.strip() else ctx.label(m.format),
         m.notes]
        for m in items
    ]
    return table(
        ctx,
        [Column(ctx.title(Meeting, "group"), 1.0), Column(ctx.title(Meeting, "name"), 1.1),
         Column(ctx.gettext("When"), 1.0), Column(ctx.title(Meeting, "place"), 1.4),
         Column(ctx.title(Meeting, "notes"), 1.0)],
        rows,
        blank,
    )


def organisations(ctx: Context, network: SupportNetwork) -> list[Flowable]:
    faith_first = PathwayKind.FAITH_BASED in ctx.pathways
    items = sorted(network.organisations,
                   key=lambda o: faith_first and o.kind is not OrganisationKind.FAITH)
    out = heading(ctx, ctx.title(SupportNetwork, "organisations"),
                  ctx.gettext("Congregations, community centers and groups that help."))
    out += table(
        ctx,
        [Column(ctx.title(Organisation, "name"), 1.2), Column(ctx.title(Organisation, "kind"), 0.8),
         Column(ctx.title(Organisation, "contact"), 1.2), Column(ctx.title(Organisation, "offers"),
                                                                 1.6)],
        [[o.name, ctx.label(o.kind), o.contact, o.offers] for o in items],
        more_rows(ctx, len(items)),
    )
    if ctx.chose(PathwayKind.FAITH_BASED):
        catalogue = suggestions("faith_community_supports", ctx.pathways, ctx.language)
        supports = [s.text for s in catalogue if s.group == OrganisationKind.FAITH.value]
        out += heading(ctx, ctx.gettext("Support in my faith community"),
                       ctx.gettext("Tick what my congregation offers, or what I want to ask "
                                   "about."))
        out += ticks(ctx, [(s, False) for s in supports], user=True)
        out.append(lines(ctx, 2))
    return out


def online(ctx: Context, network: SupportNetwork) -> list[Flowable]:
    out = heading(ctx, ctx.title(SupportNetwork, "online_communities"))
    out.append(Panel(ctx.prose("online_privacy", ctx.styles.small),
                     ctx.styles.metrics.box_pad * 0.8, background=ACCENT_TINT, border=None))
    out += table(
        ctx,
        [Column(ctx.title(OnlineCommunity, "name"), 1.0),
         Column(ctx.title(OnlineCommunity, "how_i_use_it"), 2.0)],
        [[c.name, c.how_i_use_it] for c in network.online_communities],
        more_rows(ctx, len(network.online_communities)) - 1,
    )
    return out


def mentors(ctx: Context, network: SupportNetwork) -> list[Flowable]:
    out = heading(ctx, ctx.title(SupportNetwork, "mentors"),
                  ctx.gettext("The person who walks this road with me and has walked it before."))
    out += table(
        ctx,
        [Column(ctx.title(Mentor, "role"), 0.9), Column(ctx.title(Mentor, "name"), 1.1),
         Column(ctx.title(Mentor, "phone"), 1.0), Column(ctx.title(Mentor, "when_we_meet"), 1.5)],
        [[ctx.label(m.role), m.name, m.phone, m.when_we_meet] for m in network.mentors],
        2 if ctx.blank else (1 if network.mentors else 2),
    )
    return out


def family(ctx: Context, network: SupportNetwork) -> list[Flowable]:
    f = network.family
    out = heading(ctx, ctx.title(SupportNetwork, "family"))
    for name in ("sessions", "communication_goals", "boundaries"):
        out += answer(ctx, ctx.title(FamilyInvolvement, name), getattr(f, name))
    return out


def activities(ctx: Context, network: SupportNetwork) -> list[Flowable]:
    items = network.sober_activities
    out = heading(ctx, ctx.title(SupportNetwork, "sober_activities"),
                  ctx.gettext("Fun things to do with people who support my recovery."))
    out += table(
        ctx,
        [Column(ctx.title(SoberActivity, "activity"), 1.6),
         Column(ctx.title(SoberActivity, "with_whom"), 1.1), Column(ctx.title(SoberActivity,
                                                                              "when"), 1.0)],
        [[a.activity, a.with_whom, a.when] for a in items],
        more_rows(ctx, len(items)),
    )
    return out


def local_help(ctx: Context) -> list[Flowable]:
    """The facility's local resources and meetings, when it lists any."""
    facility = ctx.content.facility
    if facility is None or not (facility.local_resources or facility.meetings):
        return []

    out: list[Flowable] = [PageBreak(), *section_title(ctx, "", ctx.gettext("Help near me"), None)]
    if ctx.facility_name:
        intro = ctx.gettext("Places and meetings close to home from {facility}.")
        out.append(ctx.fixed(intro.format(facility=user_text(ctx.facility_name))))
    else:
        out.append(ctx.fixed(ctx.gettext("Places and meetings close to home.")))
    if facility.local_resources:
        out += heading(ctx, ctx.gettext("Local resources"))
        out += table(
            ctx,
            [Column(ctx.title(LocalResource, "name"), 1.2), Column(ctx.title(LocalResource,
                                                                             "phone"), 0.9),
             Column(ctx.title(LocalResource, "address"), 1.3),
             Column(ctx.title(LocalResource, "notes"), 1.5)],
            [[r.name, r.phone, r.address, r.notes] for r in facility.local_resources],
            1,
        )
    if facility.meetings:
        out += heading(ctx, ctx.gettext("Meetings near me"))
        out += meeting_table(ctx, facility.meetings, 1)
    return out
