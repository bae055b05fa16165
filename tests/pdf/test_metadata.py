"""What the PDFs say about themselves: the same for the workbook and the cards."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from workbook.example import example_plan
from workbook.options import RenderOptions
from workbook.pdf import build_pdf
from workbook.plan import Plan


def _about(pdf: bytes) -> dict[str, object]:
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    meta = reader.metadata or {}
    return {
        "lang": root.get("/Lang"),
        "scaling": root["/ViewerPreferences"].get_object().get("/PrintScaling"),
        "created": meta.get("/CreationDate"),
        "changed": meta.get("/ModDate"),
        "creator": meta.get("/Creator"),
        "author": meta.get("/Author"),
    }


@pytest.mark.parametrize(("language", "tag"), [("en", "en-US"), ("es", "es-US")])
def test_the_workbook_and_its_cards_say_the_same_about_themselves(
    language: str, tag: str
) -> None:
    # The cards said nothing of their language and were dated 1 January 2000.
    plan = example_plan()
    plan.about.plan_date = dt.date(2026, 10, 5)
    options = RenderOptions.for_plan(plan, language=language)
    about = {which: _about(build_pdf(plan, options, which).pdf)
             for which in ("workbook", "contact", "wallet")}
    expected = {"lang": tag, "scaling": "/None", "created": "D:20261005000000+00'00'",
                "changed": "D:20261005000000+00'00'", "creator": "Recovery Workbook",
                "author": ""}
    assert about == {"workbook": expected, "contact": expected, "wallet": expected}


@pytest.mark.parametrize("which", ["workbook", "contact", "wallet"])
def test_no_client_name_in_the_title(which: str) -> None:
    plan = Plan()
    plan.about.preferred_name = "Jordan Rivera"
    pdf = build_pdf(plan, RenderOptions.for_plan(plan), which).pdf  # type: ignore[arg-type]
    title = (PdfReader(io.BytesIO(pdf)).metadata or {}).get("/Title")
    assert title in ("Recovery Workbook", "Recovery Workbook cards")
