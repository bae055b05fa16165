"""Hypothesis strategies for random valid plans, shared by every test suite.

`plans()` walks the Pydantic model, so a field added to the model is covered
without touching this file. Text mixes plain words with what tends to break
printing: markup characters, emoji, Vietnamese, Chinese/Japanese/Korean,
very long answers and long lists. Every character drawn here is in one of
the bundled fonts, so a test may expect to find it in the printed PDF.
"""

from __future__ import annotations

import datetime as dt
import random
import types
import typing
from enum import Enum
from typing import Any

from hypothesis import strategies as st
from pydantic import AfterValidator, BaseModel

from workbook.plan import CrisisContact, Plan, Record, SupportPerson
from workbook.text.templates import languages as template_languages

WORDS = (
    "call", "Sam", "meeting", "walk", "Tuesday", "7 p.m.", "sponsor", "(503) 555-0142",
    "ext. 12", "church", "breathe", "journal", "clinic", "O'Brien", "José", "Zoë", "naïve",
)
MARKUP = ("<b>", "</i>", "&", "&amp;", "<img src=x>", "<br/>", "<para>", '"quoted"', "a < b > c",
          "<font name=Helvetica>", "&#60;", "]]>", "%s", "{name}", "\\n")
EMOJI = ("🙂", "🌱", "🙏", "💪", "✨", "🎉", "👍", "⭐", "☕", "☀", "❤", "😀")
VIETNAMESE = ("Nguyễn Thị Lan", "phở bò", "Tiếng Việt", "cảm ơn", "đi bộ mỗi ngày", "Hà Nội")
CJK = ("恢复计划", "日本語のテキスト", "한국어 문장", "每天散步", "家族", "ありがとう")

ALL_PIECES = WORDS + MARKUP + EMOJI + VIETNAMESE + CJK
LONG_ONE_IN = 40  # how rare a very long answer is
_pieces = st.sampled_from(ALL_PIECES)
_short = st.lists(_pieces, min_size=1, max_size=6).map(" ".join)


def _long_text(seed: int, count: int) -> str:
    # Drawn from a seed, not piece by piece: hypothesis keeps its choices
    # small, and a plan holds many long answers.
    rng = random.Random(seed)
    return "".join(rng.choice(ALL_PIECES) + rng.choice("  \n") for _ in range(count))


# Long answers: a few thousand characters, with line breaks, sometimes one
# unbroken "word" (a pasted link or a run of Chinese without spaces).
_long = st.one_of(
    st.builds(_long_text, st.integers(0, 2**32), st.integers(150, 600)),
    st.integers(min_value=300, max_value=1500).map(lambda n: "恢复" * n),
    st.integers(min_value=300, max_value=1200).map(lambda n: "https://example.org/" + "x" * n),
)


def text(required: bool = False) -> st.SearchStrategy[str]:
    """Free text as a client would type it; `required` never gives a blank."""
    # Mostly short, now and then very long: a plan has about 150 text fields,
    # and a few long answers per plan are what real plans have.
    options = st.integers(0, LONG_ONE_IN - 1).flatmap(lambda k: _long if k == 0 else _short)
    if required:
        return options
    return st.one_of(st.just(""), options)


def _is_required(field: Any) -> bool:
    return any(isinstance(m, AfterValidator) for m in field.metadata)


def _schema_choices(field: Any) -> list[Any]:
    """The values a string field allows when its schema lists them (the plan's language)."""
    for meta in field.metadata:
        schema = getattr(meta, "json_schema", None)
        if isinstance(schema, dict) and "enum" in schema:
            # Only languages that have their printed prose (templates) yet.
            return [value for value in schema["enum"] if value in template_languages()]
    return []


def _strategy_for(annotation: Any, required: bool) -> st.SearchStrategy[Any]:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return st.one_of(st.none(), *(_strategy_for(a, required) for a in inner))
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin is list:
        (item,) = args
        if isinstance(item, type) and issubclass(item, Record):
            return st.lists(records(item), max_size=3)
        if isinstance(item, type) and issubclass(item, Enum):
            return st.lists(st.sampled_from(list(item)), max_size=len(item), unique=True)
        return st.lists(text(required=True), max_size=4)
    if origin is typing.Annotated:
        return _strategy_for(args[0], required)
    if annotation is str:
        return text(required)
    if annotation is bool:
        return st.booleans()
    if annotation is dt.date:
        return st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return st.sampled_from(list(annotation))
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return records(annotation)
    raise TypeError(f"no strategy for {annotation!r}")  # a new field type: teach me


def records(model: type[BaseModel]) -> st.SearchStrategy[Any]:
    """A valid instance of any plan record, built field by field."""
    fields = {}
    for name, field in model.model_fields.items():
        choices = _schema_choices(field)
        strategy = (st.sampled_from(choices) if choices
                    else _strategy_for(field.annotation, _is_required(field)))
        limit = _text_limit(field)
        if limit is not None:  # a name: at most its limit (the plan's limits)
            strategy = strategy.map(
                lambda value, limit=limit: value if len(value) <= limit
                else value[:limit].strip() or "A"
            )
        fields[name] = strategy
    strategy = st.fixed_dictionaries(fields)
    if model is SupportPerson:
        # The one rule across fields: a person on the wallet card needs a phone.
        strategy = strategy.map(_phone_for_wallet)
    return strategy.map(lambda data: model.model_validate(data))


def _text_limit(field: Any) -> int | None:
    """A text field's own limit when it is shorter than the long answers drawn here."""
    if field.annotation is not str:
        return None
    limit = next((m.max_length for m in field.metadata if hasattr(m, "max_length")), None)
    return limit if limit is not None and limit < 10_000 else None


def _phone_for_wallet(data: dict[str, Any]) -> dict[str, Any]:
    if data["on_wallet_card"] and not data["phone"].strip():
        data["phone"] = "555-0100"
    return data


def plans() -> st.SearchStrategy[Plan]:
    """Random valid plans."""
    return records(Plan)


def long_lists() -> st.SearchStrategy[Plan]:
    """Plans whose support people and triggers run long."""
    return st.tuples(
        plans(),
        st.lists(records(SupportPerson), min_size=30, max_size=45),
    ).map(lambda t: t[0].model_copy(
        update={"support_network": t[0].support_network.model_copy(update={"people": t[1]})}
    ))


def record_types(model: type[Record]) -> list[type[Record]]:
    """Every record type a model holds, itself first."""
    seen: list[type[Record]] = []

    def visit(cls: type[Record]) -> None:
        if cls in seen:
            return
        seen.append(cls)
        for info in cls.model_fields.values():
            for arg in type_args(info.annotation):
                if isinstance(arg, type) and issubclass(arg, Record):
                    visit(arg)

    visit(model)
    return seen


def type_args(annotation: object) -> list[object]:
    args = list(getattr(annotation, "__args__", ()) or ())
    out = [annotation]
    for arg in args:
        out.extend(type_args(arg))
    return out


# Words as plans are written, English and Spanish: the crisis page's limits are
# counted in characters of ordinary text.
PLAIN_WORDS = (
    "call", "my", "sister", "when", "I", "feel", "alone", "stop", "and", "breathe", "walk",
    "to", "the", "park", "meeting", "tonight", "sponsor", "counselor", "clinic", "hospital",
    "cuando", "llamo", "a", "mi", "hermana", "siento", "solo", "respiro", "reunión", "esta",
    "noche", "padrino", "consejera", "clínica", "Riverside", "Recovery", "Center", "Eastside",
    "emergency", "room", "open", "hours", "Avenue", "1200", "Park", "ask", "for", "Maria",
    "Delgado", "Nguyễn", "José", "después", "también", "teléfono", "evening", "weekdays",
)

# Spanish as a plan is written in it: short words between long ones (accents,
# "desintoxicación", "responsabilidades"), so lines wrap as they do in print.
_SPANISH = """
    Dejo de contestar el teléfono y me quedo en la cama todo el día sin comer. Llamo a
    mi hermana o a mi padrino antes de salir de la casa. Voy a una reunión de Narcóticos
    Anónimos en la iglesia de la esquina. Respiro despacio, cuento hasta diez y tomo un
    vaso de agua fría. Consejera del programa ambulatorio intensivo, clínica comunitaria
    de salud mental. Sala de emergencias del Hospital General, abierta las veinticuatro
    horas del día. Desintoxicación, recuperación, acompañamiento, responsabilidades,
    tranquilidad. Señora Guadalupe Hernández Rodríguez, vecina y compañera de trabajo.
    """
SPANISH_WORDS = tuple(_SPANISH.split())


def plain_text(low: int, high: int, words: tuple[str, ...] = PLAIN_WORDS
               ) -> st.SearchStrategy[str]:
    """Ordinary words, between `low` and `high` characters long."""
    def build(seed: int, length: int) -> str:
        rng = random.Random(seed)
        chosen: list[str] = []
        while len(" ".join(chosen)) < length:
            chosen.append(rng.choice(words))
        text = " ".join(chosen)
        return text[:length].rstrip() or "call"

    return st.builds(build, st.integers(0, 2**32), st.integers(low, high))


def _crisis_plan(language: str, signs: list[str], steps: list[str],
                 people: list[SupportPerson], contacts: list[CrisisContact], back: str,
                 go: str, naloxone: str) -> Plan:
    """A plan of a crisis page's parts: 10 contacts in all with the 3 standard lines."""
    plan = Plan()
    plan.print_settings.language = language
    plan.about.preferred_name = "J. R."
    plan.support_network.people = people
    crisis = plan.crisis_plan
    crisis.signs, crisis.steps = signs, steps
    crisis.contacts = contacts[: 7 - len(people)]
    crisis.return_to_treatment, crisis.where_to_go = back, go
    crisis.naloxone_applies, crisis.naloxone_location = True, naloxone
    return plan


def _person(name: str, role: str, n: int) -> SupportPerson:
    return SupportPerson(name=name, relationship=role, phone=f"(503) 555-01{n:02d} ext. {n}",
                         on_wallet_card=True)


def _contact(name: str, role: str, n: int) -> CrisisContact:
    return CrisisContact(name=name, role=role, phone=f"(503) 555-02{n:02d}")


def crisis_plans_at_limits(scale: float = 1.0, language: str = "en"
                           ) -> st.SearchStrategy[Plan]:
    """Plans whose crisis page is as full as the page is made for, `scale` times longer
    (1.25: text as long as a Spanish translation), printed in `language` ("es":
    Spanish words too, and every heading and crisis line in Spanish).

    5 signs and 5 steps of up to 80 characters, 10 contacts in all with the 3
    standard crisis lines (names and roles up to 40), 150 characters each for
    the treatment to return to and where to go.
    """
    words = SPANISH_WORDS if language == "es" else PLAIN_WORDS

    def text(low: int, high: int) -> st.SearchStrategy[str]:
        return plain_text(round(low * scale), round(high * scale), words)

    item = text(60, 80)
    person = st.builds(_person, text(25, 40), text(20, 40), st.integers(10, 99))
    contact = st.builds(_contact, text(25, 40), text(20, 40), st.integers(10, 99))
    return st.builds(
        _crisis_plan, st.just(language),
        st.lists(item, min_size=5, max_size=5), st.lists(item, min_size=5, max_size=5),
        st.lists(person, min_size=0, max_size=4), st.lists(contact, min_size=7, max_size=7),
        text(120, 150), text(120, 150), text(30, 80),
    )


def longest_crisis_plan(language: str = "es", scale: float = 1.25, seed: int = 0) -> Plan:
    """The fullest plan of `crisis_plans_at_limits`: every answer at its longest, four
    people with extensions (the tallest rows), drawn from `seed`."""
    words = SPANISH_WORDS if language == "es" else PLAIN_WORDS
    rng = random.Random(seed)

    def text(high: int) -> str:
        length = round(high * scale)
        chosen: list[str] = []
        while len(" ".join(chosen)) < length:
            chosen.append(rng.choice(words))
        return " ".join(chosen)[:length].rstrip()

    return _crisis_plan(
        language, [text(80) for _ in range(5)], [text(80) for _ in range(5)],
        [_person(text(40), text(40), 10 + i) for i in range(4)],
        [_contact(text(40), text(40), 20 + i) for i in range(3)],
        text(150), text(150), text(80),
    )
