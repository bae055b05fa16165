"""The sample plans: complete, realistic and clearly fictional, kept as plan files.

Used by `recovery-workbook example`, the desktop's "Open the example", the
tests and the benchmarks. Every section and every field of the plan model
holds something, so the sample workbook shows what a full plan looks like.
All people, places and phone numbers are made up (555-01xx numbers are
reserved for fiction). The files live in `workbook/resources/examples/`,
one per language, and are read and validated like any plan file.
"""

from __future__ import annotations

from importlib import resources

from .plan import Plan, plan_from_json

DEFAULT_LANGUAGE = "en"


def example_languages() -> tuple[str, ...]:
    """The languages a sample plan exists in."""
    folder = resources.files("workbook") / "resources" / "examples"
    names = sorted(p.name for p in folder.iterdir() if p.name.startswith("plan-"))
    return tuple(name.removeprefix("plan-").removesuffix(".json") for name in names)


def example_plan(language: str = DEFAULT_LANGUAGE) -> Plan:
    """A full sample plan for a fictional client, Jordan R., in `language`."""
    source = resources.files("workbook") / "resources" / "examples" / f"plan-{language}.json"
    if not source.is_file():
        raise LookupError(f"no example plan in {language!r}; there are {example_languages()}")
    return plan_from_json(source.read_bytes(), f"example plan ({language})")
