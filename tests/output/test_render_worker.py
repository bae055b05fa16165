"""The preview's renderer process builds with the facility profile it is sent."""

from __future__ import annotations

import json

from pdfutil import page_texts

from workbook.example import example_plan
from workbook.facility import Facility
from workbook.output import render_worker
from workbook.plan import Paper, plan_to_json


def _build(facility: Facility | None) -> tuple[dict[str, object], bytes]:
    frame = render_worker.request(1, plan_to_json(example_plan()), facility=facility)
    return render_worker.build(json.loads(frame[4:]))


def test_the_preview_carries_the_facility() -> None:
    header, pdf = _build(Facility(name="Quillby Test Facility", paper=Paper.A4))
    assert header["error"] is None
    cover = page_texts(pdf)[0]
    assert "Quillby Test Facility" in cover
    header, pdf = _build(None)
    assert "Quillby" not in page_texts(pdf)[0]
