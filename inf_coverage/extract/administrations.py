"""A government named after its leader ("the Trump administration said", "The Obama
administration argued"): the speaker is that administration, a body, not the person whose
name it bears. ``administration_name`` returns the speaker's name ("Trump administration")
or "" when the phrase is not of that form."""

from __future__ import annotations

import re

from inf_coverage.extract.speakerforms import CAPITALS, DEMONYMS

#: "the" (or none), one or two capitalised name words, and "administration" closing the
#: phrase; the name words are checked by ``administration_name``. Bounded: at most two words.
_ADMINISTRATION_RE = re.compile(
    r"(?:[Tt]he\s+)?(?P<name>[A-Z][a-z][\w'\u2019-]{0,30}(?:\s+[A-Z][a-z][\w'\u2019-]{0,30})?)\s+[Aa]dministration")
#: Words before "administration" that name a place, a time or a party, not a leader.
_NOT_LEADERS = frozenset({*DEMONYMS, *DEMONYMS.values(), *CAPITALS, "Moscow", "Washington", "American", "Federal",
                          "Current", "Previous", "Last", "Former", "New", "Next", "Republican", "Democratic",
                          "Presidential", "State", "Military", "Civil", "Regional", "Local", "This", "That",
                          "The", "An", "Its", "Their", "His", "Her", "Our", "Whole", "Entire"})


def administration_name(phrase: str) -> str:
    """``phrase`` as a leader's administration ("the Trump administration" gives "Trump
    administration"), or "" when it is not one: more words than the name and the noun, or
    a country, a capital or a plain adjective before "administration" ("the US
    administration", "the previous administration")."""
    m = _ADMINISTRATION_RE.fullmatch(phrase.strip(" ,"))
    if not m:
        return ""
    words = m.group("name").split()
    if any(re.sub(r"['\u2019]s\Z", "", w) in _NOT_LEADERS for w in words) \
            or any(w.endswith(("'s", "\u2019s")) for w in words):
        return ""
    return f"{m.group('name')} administration"
