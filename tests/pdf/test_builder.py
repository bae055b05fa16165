"""Builds in one process share nothing of a plan: what one client wrote never reaches another's PDF.

The renderer keeps tables to go fast (a font's codes for the characters it
has drawn, the widths of words): they must belong to one document, or hold
no client's words. The batch and the live preview build one plan after
another in the same process, so that is what these tests do.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pdfutil import extract_text, squash

from workbook.example import example_plan
from workbook.options import RenderOptions
from workbook.pdf import build_pdf
from workbook.plan import Plan

# Words no template, label or example plan prints, put where every hot path draws:
# the cover and footer (name), table cells and cards (people), lists, the wallet card.
MARKERS = ("Quillonvex", "Zarathine", "Oxwellby", "Kettlequiz", "Yarrowgate", "Brimblecombe",
           "Vexmoor", "0199-8642")


def _client_a() -> Plan:
    plan = example_plan()
    plan.about.preferred_name = "Quillonvex"
    person = plan.support_network.people[0]
    person.name = "Zarathine Oxwellby"
    person.phone = "(503) 555-0199-8642"
    person.helps_with = "Kettlequiz practice on Tuesdays"
    person.best_time = "After Yarrowgate closes"
    plan.prevention.warning_signs[0].sign = "Calling Brimblecombe at night"
    plan.crisis_plan.steps[0] = "Walk to Vexmoor park and breathe."
    return plan


def _client_b() -> Plan:
    plan = example_plan("es")
    plan.about.preferred_name = "Rosa M."
    return plan


WHICH = ("workbook", "contact", "wallet")


def test_a_second_client_gets_none_of_the_first_clients_words() -> None:
    first = _client_a()
    for which in WHICH:
        text = squash(extract_text(build_pdf(first, RenderOptions.for_plan(first), which).pdf))
        # Where the markers go, the first client's documents print them (the test can fail).
        assert any(squash(marker) in text for marker in MARKERS), which
    second = _client_b()
    for which in WHICH:
        text = squash(extract_text(build_pdf(second, RenderOptions.for_plan(second), which).pdf))
        assert not [m for m in MARKERS if squash(m) in text], which


@pytest.mark.slow
def test_a_second_client_gets_the_bytes_of_a_process_of_its_own() -> None:
    # Byte for byte: nothing the first build left behind changes the second.
    first = _client_a()
    for which in WHICH:
        build_pdf(first, RenderOptions.for_plan(first), which)
    second = _client_b()
    script = (
        "import sys\n"
        "sys.path[:0] = sys.argv[1:]\n"
        "from test_builder import _client_b\n"
        "from workbook.options import RenderOptions\n"
        "from workbook.pdf import build_pdf\n"
        "plan = _client_b()\n"
        "for which in ('workbook', 'contact', 'wallet'):\n"
        "    pdf = build_pdf(plan, RenderOptions.for_plan(plan), which).pdf\n"
        "    sys.stdout.buffer.write(len(pdf).to_bytes(8, 'big') + pdf)\n"
    )
    here = Path(__file__).parent
    out = subprocess.run([sys.executable, "-c", script, str(here), str(here.parent)],
                         check=True, capture_output=True).stdout
    fresh = []
    while out:
        size = int.from_bytes(out[:8], "big")
        fresh.append(out[8:8 + size])
        out = out[8 + size:]
    assert fresh == [build_pdf(second, RenderOptions.for_plan(second), which).pdf
                     for which in WHICH]
