"""Card timings: what the desktop's "what will not fit" list and the card PDFs cost.

    .venv/bin/python benchmarks/cards.py [--rounds N]

Prints the median of N rounds (after one warm-up) for the example plan and for
a crowded plan (long names and notes, many wallet contacts, Vietnamese and
CJK names): `card_overflow` (no PDF; the form calls it as the counselor types,
target under 50 ms), and `build_cards_pdf` for the contact cards (QR codes
included) and for the wallet card.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from cardplans import stress_plan

from workbook.example import example_plan
from workbook.options import RenderOptions
from workbook.pdf import build_cards_pdf, card_overflow


def median_ms(work: Callable[[], object], rounds: int) -> float:
    work()  # warm-up: fonts, caches
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    for name, plan in (("example", example_plan()), ("crowded", stress_plan())):
        options = RenderOptions.for_plan(plan)
        overflow = median_ms(lambda p=plan, o=options: card_overflow(p, o), args.rounds)
        contact = median_ms(lambda p=plan, o=options: build_cards_pdf(p, o, "contact"),
                            args.rounds)
        wallet = median_ms(lambda p=plan, o=options: build_cards_pdf(p, o, "wallet"),
                           args.rounds)
        print(f"{name:8} card_overflow {overflow:7.1f} ms   contact PDF {contact:7.1f} ms   "
              f"wallet PDF {wallet:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
