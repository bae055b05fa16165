"""Plans of distinct made-up clients, for tests that one client's words never reach
another's print (the batch's workers, the preview's renderer)."""

from __future__ import annotations

import json

from workbook.example import example_plan
from workbook.plan import plan_to_json


def someones_plan(name: str, marker: str, phone_block: int) -> str:
    """The example plan made someone else's, as plan-file JSON: a name, contacts
    ("{marker} Friend0", "(503) 555-{phone_block}000"...) and words of their own."""
    data = json.loads(plan_to_json(example_plan()))
    data["about"]["preferred_name"] = name
    data["about"]["snapshot"]["progress"] = f"Finished the {marker} program."
    for index, person in enumerate(data["support_network"]["people"]):
        person["name"] = f"{marker} Friend{index}"
        person["phone"] = f"(503) 555-{phone_block}{index:03d}"
    return json.dumps(data)
