"""Cues that name an event in words its registry anchor does not list (rules of ``events``).

A state's name as the subject of a verb of announcing ("Moscow announced", "Russia
declared") may name the state's own statement, which the registry writes as "Russia said":
"what Moscow announced on Monday", "On Monday, Moscow announced that ...". But a state
announces many things ("Russia declared a moratorium in 2019"), so such a cue is weak: it
binds a date to the statement only when the date fits the statement's reference date and
no event the sentence names fits it (``state_saying_cue``); it never makes a conflict.
"""

from __future__ import annotations

import re

# The registry's own wording of the state's saying, by which its event is found.
STATE_SAID_PROBE = "Russia said"
# "Moscow announced", "Russia has declared", "Moscow formally stated", "Russia's government announced".
STATE_SAYING = (r"\b(?:Moscow|Russia)(?:['\u2019]s government)?\s+(?:(?:has|had|\w+ly)\s+){0,2}"
                r"(?:announc(?:ed|es)|declar(?:ed|es)|stat(?:ed|es))\b")
_STATE_SAYING_RE = re.compile(STATE_SAYING, re.I)
# Between a verb of saying and its date: "announced on Monday", "declared last week".
_SAYING_TO_DATE_RE = re.compile(r"\s+(?:on|in|last|this|earlier|late|early)?\s*\Z", re.I)
# Between a date fronting its sentence and the saying's subject: "On Monday, Moscow ...".
_DATE_TO_SAYING_RE = re.compile(r",?\s+")
_FRONT_RE = re.compile(r"\s{0,3}(?:(?:On|In|Last|Earlier|Late|Early)\s+)?", re.I)


def state_saying_cue(text: str, m, lo: int, hi: int) -> tuple[int, int] | None:
    """Span of a state's verb of announcing ("Moscow announced") that dates by date match
    ``m`` within the stretch ``lo``-``hi`` of its sentence: the verb right before the date
    ("what Moscow announced on Monday"), or the subject right after a date that fronts the
    sentence ("On Monday, Moscow announced that ..."). None if there is none."""
    for c in _STATE_SAYING_RE.finditer(text, max(0, lo), min(len(text), hi)):
        if c.end() <= m.start() and _SAYING_TO_DATE_RE.fullmatch(text, c.end(), m.start()):
            return c.start(), c.end()
        if c.start() >= m.end() and _DATE_TO_SAYING_RE.fullmatch(text, m.end(), c.start()) \
                and _FRONT_RE.fullmatch(text, 0, m.start()):
            return c.start(), c.end()
    return None
