"""The preview's renderer process builds with the facility profile it is sent."""

from __future__ import annotations

import json

from clients import someones_plan
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


def test_one_preview_process_never_prints_one_clients_words_in_anothers_workbook() -> None:
    """The preview's renderer lives as long as the window and builds for whichever
    client is open: its caches (measured text, QR codes, prose) must never carry
    one client's words into another's workbook or cards."""
    import subprocess
    import sys

    clients = {
        "avery": ("Avery Q.", "Zephyrine", "(503) 555-1"),
        "blake": ("Blake M.", "Quorvath", "(503) 555-2"),
    }
    plans = {who: someones_plan(name, marker, n + 1)
             for n, (who, (name, marker, _)) in enumerate(clients.items())}
    order = [("avery", "workbook"), ("blake", "workbook"), ("blake", "contact"),
             ("avery", "contact"), ("avery", "workbook"), ("blake", "workbook")]
    with subprocess.Popen([sys.executable, "-m", "workbook.output.render_worker"],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE) as process:
        assert process.stdin is not None and process.stdout is not None
        assert render_worker.read_frame(process.stdout) == b'{"ready": true}'
        for job, (who, which) in enumerate(order):
            process.stdin.write(render_worker.request(job, plans[who], which=which))
            process.stdin.flush()
            header = json.loads(render_worker.read_frame(process.stdout) or b"{}")
            pdf = render_worker.read_frame(process.stdout) or b""
            assert header["id"] == job and header["error"] is None, header
            text = " ".join(" ".join(page_texts(pdf)).split())
            for other, (name, marker, phones) in clients.items():
                present = [f"{marker} Friend0" in text, f"{phones}000" in text]
                if which == "workbook":
                    present += [name in text, f"Finished the {marker} program" in text]
                assert present == [other == who] * len(present), (job, who, which, other)
        process.stdin.close()  # the window closes: the renderer leaves
        assert process.wait(timeout=30) == 0
