"""What every section builder needs to know about the build in hand: its resolved content."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from pydantic import BaseModel
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from ..options import RenderOptions
from ..plan import PathwayKind, Plan
from .content import PrintContent
from .document import frame_size
from .prose import paragraphs
from .richtext import markup_flowable
from .styles import Styles, styles_for
from .textblock import TextBlock, text_flowable


@dataclass(frozen=True)
class Context:
    """One build: its resolved content (`content`), styles and body frame size.

    The content's plan, options, name, facility name, language and pathways,
    and its words and dates, are read through here: a section says
    `ctx.plan`, `ctx.gettext("...")`, `ctx.date(day)`.
    """

    content: PrintContent
    styles: Styles
    width: float  # of the body frame
    height: float

    @classmethod
    def create(cls, content: PrintContent) -> Context:
        width, height = frame_size(content.paper)
        return cls(content=content, styles=styles_for(content.large_print), width=width,
                   height=height)

    @property
    def plan(self) -> Plan | None:
        return self.content.plan

    @property
    def options(self) -> RenderOptions:
        return self.content.options

    @property
    def name(self) -> str:
        """The client's preferred name or initials; a blank's cover name, or ""."""
        return self.content.name

    @property
    def facility_name(self) -> str:
        return self.content.facility_name

    @property
    def language(self) -> str:
        """Of every printed word: prose, labels, suggestions, dates."""
        return self.content.language

    @property
    def pathways(self) -> frozenset[PathwayKind]:
        return self.content.pathways

    @property
    def blank(self) -> bool:
        return self.content.blank

    # -- words in the plan's language, decided by the content ---------------------

    def gettext(self, message: str) -> str:
        """One of the workbook's own phrases, in the language it prints in."""
        return self.content.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.content.ngettext(singular, plural, count)

    def title(self, model: type[BaseModel], name: str) -> str:
        """A field's title (the form's label), in the printed language."""
        return self.content.title(model, name)

    def label(self, value: Enum) -> str:
        """The words for one of the plan's choices, in the printed language."""
        return self.content.label(value)

    def date(self, day: dt.date | None) -> str:
        """A date in words, as readers of this language and paper write it."""
        return self.content.date(day)

    def chose(self, kind: PathwayKind) -> bool:
        """Whether the client chose this pathway (a blank workbook offers them all)."""
        return self.plan is None or kind in self.pathways

    def prose(self, template: str, style: ParagraphStyle | None = None) -> list[Flowable]:
        """The paragraphs of a rendered template."""
        kinds = tuple(sorted(k.value for k in self.pathways))
        texts = paragraphs(template, self.name, kinds, self.blank, self.facility_name,
                           self.language)
        chosen = style or self.styles.lead
        # Text without tags needs no markup reader: it is drawn as plain text.
        return [TextBlock(plain, chosen) if plain is not None else markup_flowable(markup, chosen)
                for markup, plain in texts]

    def user(self, text: str, style: ParagraphStyle | None = None) -> Flowable:
        """Text the client or counselor typed, printed exactly (never read as markup)."""
        return text_flowable(text, style or self.styles.answer)

    def text(self, text: str, style: ParagraphStyle) -> Flowable:
        """Plain words of the workbook's own (labels, headings), no markup."""
        return text_flowable(text, style)

    def fixed(self, markup: str, style: ParagraphStyle | None = None) -> Flowable:
        """A paragraph of the workbook's own wording (trusted markup)."""
        return markup_flowable(markup, style or self.styles.body)
