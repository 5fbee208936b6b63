"""A body named again by its country and head noun alone ("Russia's Foreign Ministry said
... The Russian ministry blamed ..."): the body of that country and head the text named
before, not a new body called "Russian Ministry". ``named_before`` returns that body's name,
or "" when the text named none."""

from __future__ import annotations

from inf_coverage.extract.speakerforms import DEMONYMS

_ADJECTIVES = frozenset(DEMONYMS.values())


def named_before(org: str, orgs: dict) -> str:
    """For ``org`` of two words, a country's adjective and a head noun ("Russian Ministry"),
    the longer name of that country with that head the text named last (``orgs``: head noun
    in lower case -> the body last named with it, as ``speakers`` keeps them); else ""."""
    words = org.split()
    if len(words) != 2 or words[0] not in _ADJECTIVES:
        return ""
    known = str(orgs.get(words[1].lower()) or "")
    same = known.split()[:1] == words[:1] and known.split()[-1].lower() == words[1].lower()
    return known if same and len(known.split()) > 2 else ""
