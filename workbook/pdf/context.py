"""What every section builder needs to know about the build in hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from pydantic import BaseModel
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from ..options import RenderOptions
from ..plan import PathwayKind, Plan, field_title, label
from ..text.dates import format_date
from ..text.i18n import translator
from .document import frame_size
from .prose import paragraphs
from .styles import Styles, styles_for
from .textblock import TextBlock, text_flowable


@dataclass(frozen=True)
class Context:
    """One build: the plan (None for a blank workbook), options, styles, frame size."""

    plan: Plan | None
    options: RenderOptions
    styles: Styles
    width: float  # of the body frame
    height: float
    pathways: frozenset[PathwayKind]
    name: str  # the client's preferred name or initials; a blank's cover name, or ""
    facility_name: str
    language: str  # of the printed prose and suggestions

    @classmethod
    def create(cls, plan: Plan | None, options: RenderOptions) -> Context:
        width, height = frame_size(options.paper)
        facility = options.facility
        return cls(
            plan=plan,
            options=options,
            styles=styles_for(options.large_print),
            width=width,
            height=height,
            pathways=frozenset(plan.pathways.kinds()) if plan is not None else frozenset(),
            name=plan.display_name() if plan is not None else options.cover_name,
            facility_name=facility.name.strip() if facility is not None else "",
            language=options.language,
        )

    # -- words in the plan's language (workbook/text/i18n.py) --------------------

    def gettext(self, message: str) -> str:
        """One of the workbook's own phrases, in the language it prints in."""
        return translator(self.language).gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return translator(self.language).ngettext(singular, plural, count)

    def title(self, model: type[BaseModel], name: str) -> str:
        """A field's title (the form's label), in the printed language."""
        return field_title(model, name, self.language)

    def label(self, value: Enum) -> str:
        """The words for one of the plan's choices, in the printed language."""
        return label(value, self.language)

    def date(self, day: dt.date | None) -> str:
        """A date in words, as readers of this language and paper write it."""
        return format_date(day, language=self.language, paper=self.options.paper)

    @property
    def blank(self) -> bool:
        return self.plan is None

    def chose(self, kind: PathwayKind) -> bool:
        """Whether the client chose this pathway (a blank workbook offers them all)."""
        return self.plan is None or kind in self.pathways

    def prose(self, template: str, style: ParagraphStyle | None = None) -> list[Flowable]:
        """The paragraphs of a rendered template."""
        kinds = tuple(sorted(k.value for k in self.pathways))
        texts = paragraphs(template, self.name, kinds, self.blank, self.facility_name,
                           self.language)
        chosen = style or self.styles.lead
        # Text without tags needs no paragraph parser: it is drawn as plain text.
        return [TextBlock(plain, chosen) if plain is not None else Paragraph(markup, chosen)
                for markup, plain in texts]

    def user(self, text: str, style: ParagraphStyle | None = None) -> Flowable:
        """Text the client or counselor typed, printed exactly (never read as markup)."""
        return text_flowable(text, style or self.styles.answer)

    def text(self, text: str, style: ParagraphStyle) -> Flowable:
        """Plain words of the workbook's own (labels, headings), no markup."""
        return text_flowable(text, style)

    def fixed(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of the workbook's own wording (trusted markup)."""
        return Paragraph(markup, style or self.styles.body)
