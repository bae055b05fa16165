"""Words a discreet wallet card never carries.

A client may ask for a card that does not speak about treatment or substances
if someone else finds it. The card's own wording avoids these words; the
client's own text that contains one is left off the card and reported (it
stays in the workbook), so the counselor can reword it with the client.
"""

from __future__ import annotations

import re

# Whole words, any case; a trailing * also matches longer forms (addict -> addiction).
# English and Spanish: a client's own words on a card may be in either.
_WORDS = (
    "addict*", "alcohol*", "abstinen*", "anonymous", "booze", "buprenorphine", "clean time",
    "beer*", "cannabis", "cocaine", "crav*", "dealer*", "detox*", "drink", "drinks",
    "drinking", "drug*", "drunk", "fentanyl", "weed", "wine",
    "heroin", "liquor", "marijuana", "meth", "methadone", "narcan", "narcotic*", "naloxone",
    "opiate*", "opioid*", "overdos*", "rehab*", "relaps*", "recovery", "samhsa", "sober*",
    "sobriety", "sponsor*", "substance*", "suboxone", "treatment*", "twelve step*",
    "12 step*", "12-step*", "withdrawal*",
    # Spanish (a Spanish card, or Spanish words on any card).
    "adicci*", "adict*", "alcoh*", "abstinencia", "antojo*", "buprenorfina", "cerveza*",
    "cocaína", "consum*", "desintox*", "droga*", "drogadic*", "heroína", "licor*",
    "marihuana", "metadona", "metanfetamina", "naloxona", "narcótico*", "opiáceo*",
    "opioide*", "padrino", "madrina", "recaída*", "recuperación", "rehabilitaci*",
    "sobredosis", "sobri*", "sustancia*", "tratamiento*", "vino", "anónimos",
)
# Short fellowship names only in capitals ("Na" is also a given name).
_ACRONYMS = ("AA", "NA", "CA", "CMA", "SMART")


def _pattern() -> re.Pattern[str]:
    parts = []
    for word in _WORDS:
        stem = re.escape(word.rstrip("*")).replace(r"\ ", r"[\s-]+")
        parts.append(stem + (r"\w*" if word.endswith("*") else ""))
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.IGNORECASE)


_FLAGGED = _pattern()
_FLAGGED_ACRONYM = re.compile(r"\b(?:" + "|".join(_ACRONYMS) + r")\b")


def treatment_words(text: str) -> list[str]:
    """The words in `text` a discreet card avoids, in order of appearance."""
    found = [(m.start(), m.group(0)) for m in _FLAGGED.finditer(text)]
    found += [(m.start(), m.group(0)) for m in _FLAGGED_ACRONYM.finditer(text)]
    return [word for _, word in sorted(found)]


def is_discreet(text: str) -> bool:
    return not treatment_words(text)
