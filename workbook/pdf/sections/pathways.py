"""My pathways: the kinds of help the client chose, in their own words."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from ...plan import Arrangement, PathwayChoice, PathwayKind, Pathways
from ..context import Context
from ..worksheet import answer, heading, part_kicker, section_title, ticks


def pathways(ctx: Context, part: int) -> list[Flowable]:
    st = ctx.styles
    plan = ctx.plan
    out: list[Flowable] = [PageBreak(), *section_title(ctx, part_kicker(ctx, part),
                                                       ctx.gettext("My pathways"),
                                                       "pathways")]
    chosen = plan.pathways.chosen if plan is not None else []
    words = ctx.title(PathwayChoice, "in_my_words")
    for choice in chosen:
        out.append(ctx.text(ctx.label(choice.kind), st.h2))
        if choice.name.strip():
            out.append(ctx.user(choice.name, st.h3))
        out += ctx.prose(f"pathway_{choice.kind.value}", st.small)
        out += answer(ctx, words, choice.in_my_words, empty_lines=3, extra_lines=1)

    kinds = {c.kind for c in chosen}
    if plan is None:
        out += heading(ctx, ctx.gettext("The pathways"),
                       ctx.gettext("Tick the ones you want to use."))
    else:
        out += heading(ctx, ctx.gettext("Pathways I may add later"),
                       ctx.gettext("Tick one if you want to try it."))
    for kind in PathwayKind:
        if kind in kinds and kind is not PathwayKind.OTHER:
            continue
        out += ticks(ctx, [(ctx.label(kind), False)])
        out += ctx.prose(f"pathway_{kind.value}", st.small)
        if plan is None:
            out += answer(ctx, words, "", empty_lines=2)

    arrangement = plan.pathways.arrangement if plan is not None else None
    notes = plan.pathways.arrangement_notes if plan is not None else ""
    out += heading(ctx, ctx.title(Pathways, "arrangement"))
    out += ticks(ctx, [(ctx.label(a), a is arrangement) for a in Arrangement])
    out += answer(ctx, ctx.title(Pathways, "arrangement_notes"), notes, empty_lines=3,
                  extra_lines=1)
    return out
