"""The preview's renderer process: plan JSON in, PDF bytes out, over pipes.

ReportLab is pure Python and holds the GIL while it lays out a page; run in
a thread of the desktop program it would stall the form for tens of
milliseconds at a time. In its own process it cannot. The process lives as
long as the window and builds one workbook at a time; client data passes
through the pipes only (no temporary files, no logging).

Messages are frames: a 4-byte big-endian length, then that many bytes.
A request is one JSON frame; a reply is a JSON header frame and a PDF frame.
No Qt here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import struct
import sys
from typing import Any, BinaryIO

from ..facility import Facility
from ..options import WHICH, BuildResult, RenderOptions, ReviewEntry, Which
from ..plan import Paper, PlanFileError, plan_from_json

_LENGTH = struct.Struct(">I")


def frame(data: bytes) -> bytes:
    return _LENGTH.pack(len(data)) + data


def read_frame(stream: BinaryIO) -> bytes | None:
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        return None
    return data


def request(
    job_id: int,
    plan_json: str,
    *,
    which: Which = "workbook",
    reviews: tuple[ReviewEntry, ...] = (),
    facility: Facility | None = None,
) -> bytes:
    """A request frame for `build`."""
    body = {
        "id": job_id,
        "plan": plan_json,
        "which": which,
        "reviews": [[r.date.isoformat(), r.reason, r.summary] for r in reviews],
        "facility": facility.model_dump(mode="json") if facility is not None else None,
    }
    return frame(json.dumps(body).encode("utf-8"))


def build(body: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """Do one request: the reply's header and the PDF (empty on failure)."""
    header: dict[str, Any] = {"id": body.get("id", 0), "error": None}
    try:
        plan = plan_from_json(str(body["plan"]), "plan")
        reviews = tuple(
            ReviewEntry(dt.date.fromisoformat(d), reason, summary)
            for d, reason, summary in body.get("reviews", [])
        )
        facility_data = body.get("facility")
        facility = Facility.model_validate(facility_data) if facility_data else None
        options = RenderOptions.for_plan(plan, reviews=reviews, facility=facility)
        which = body.get("which", "workbook")
        if which not in WHICH:
            raise ValueError(f"unknown kind of print {which!r}")
        result = build_result(plan, options, which)
    except PlanFileError as error:
        header["error"] = str(error)
        return header, b""
    except Exception as error:  # a renderer bug must not kill the preview
        header["error"] = f"the workbook could not be built ({type(error).__name__})"
        return header, b""
    header["page_count"] = result.page_count
    header["overflow"] = [
        {"where": n.where, "item": n.item, "action": n.action, "field_path": n.field_path}
        for n in result.overflow
    ]
    return header, result.pdf


def build_result(plan: Any, options: RenderOptions, which: Which) -> BuildResult:
    from ..pdf import build_pdf

    return build_pdf(plan, options, which)


def warm_up() -> None:
    """Import and register everything once, so the first preview is quick."""
    from ..plan import Plan

    build_result(Plan(), RenderOptions(paper=Paper.LETTER), "workbook")


def serve(source: BinaryIO, sink: BinaryIO) -> None:
    # A failing warm-up shows up again, with its message, on the first request.
    with contextlib.suppress(Exception):
        warm_up()
    sink.write(frame(b'{"ready": true}'))
    sink.flush()
    while True:
        data = read_frame(source)
        if data is None:
            return
        header, pdf = build(json.loads(data))
        sink.write(frame(json.dumps(header).encode("utf-8")) + frame(pdf))
        sink.flush()


def main() -> int:
    serve(sys.stdin.buffer, sys.stdout.buffer)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
