"""A person the article named, spoken of again by office: "the Russian President said", "the
head of state also said", "The Belarusian leader stressed", "the deputy minister said".

:func:`described_person` returns the name of the one person the article has named so far
whose title holds the office (and, with a nationality before it, that country), or None: when
no one does, when two people do ("the President" after both a Russian and an American
president) or when the phrase is no definite description of an office. A wrong speaker costs
more than a missed one, so nothing is guessed from the order of mention.

Offices and the title words that hold them: president and head of state (a president),
leader (a president, prime minister, chancellor or leader), prime minister, chancellor,
foreign minister, minister, deputy (foreign) minister.
"""

from __future__ import annotations

import re

from inf_coverage.extract.speakerforms import DEMONYMS

#: "the (Russian) President", "The head of state": a definite description of an office.
_DESCRIPTION_RE = re.compile(
    r"[Tt]he\s+(?:(?!(?i:foreign|deputy|prime|head)\s)(?P<adj>[A-Z][a-z]+)\s+)?(?P<head>(?i:head\s+of\s+state|president|leader|prime\s+minister|premier"
    r"|chancellor|deputy\s+foreign\s+minister|deputy\s+minister|foreign\s+minister|minister))\Z")

#: An office -> the title words any of which holds it (each a tuple of words all present).
_HOLDERS = {
    "head of state": (("president",),),
    "president": (("president",),),
    "leader": (("president",), ("prime", "minister"), ("chancellor",), ("leader",)),
    "prime minister": (("prime", "minister"),),
    "premier": (("prime", "minister"), ("premier",)),
    "chancellor": (("chancellor",),),
    "foreign minister": (("foreign", "minister"),),
    "minister": (("minister",),),
    "deputy minister": (("deputy", "minister"),),
    "deputy foreign minister": (("deputy", "foreign", "minister"),),
}

_COUNTRY_OF = {demonym.lower(): country.lower() for country, demonym in DEMONYMS.items()}


def _holds(words: set, head: str, adj: str) -> bool:
    if not any(all(w in words for w in need) for need in _HOLDERS[head]):
        return False
    if head in {"minister", "foreign minister", "president"} and "deputy" in words:
        return False    # "the minister" is not their deputy; "the President" not a vice-president's deputy
    if head == "president" and "vice" in words:
        return False
    if adj:
        return adj in words or _COUNTRY_OF.get(adj, "") in words
    return True


def described_person(phrase: str, titles: dict) -> str | None:
    """The one person of ``titles`` (name -> the words of their title as the article or the
    registry gives it, named so far) who holds the office ``phrase`` describes, else None."""
    m = _DESCRIPTION_RE.fullmatch(phrase.strip(" ,"))
    if not m:
        return None
    head = re.sub(r"\s+", " ", m.group("head").lower())
    adj = (m.group("adj") or "").lower()
    if adj and adj not in _COUNTRY_OF:
        return None     # "the Acting President", "the Interim Leader": no nationality
    found = {name for name, title in titles.items()
             if _holds(set(re.findall(r"[a-z]+", title.lower())), head, adj)}
    return found.pop() if len(found) == 1 else None
