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
    """``phrase`` as a leader's administration ("the Trump administration" and "Donald
    Trump's administration" give "Trump administration"), or "" when it is not one: more
    words than the name and the noun, or a country, a capital or a plain adjective before
    "administration" ("the US administration", "Russia's administration", "the previous
    administration")."""
    m = _ADMINISTRATION_RE.fullmatch(phrase.strip(" ,"))
    if not m:
        return ""
    words = m.group("name").split()
    bare = [_POSSESSIVE_RE.sub("", w) for w in words]
    if any(w in _NOT_LEADERS for w in bare) or any(_POSSESSIVE_RE.search(w) for w in words[:-1]):
        return ""
    if _POSSESSIVE_RE.search(words[-1]):
        return f"{bare[-1]} administration"     # "Donald Trump's administration": under the surname
    return f"{m.group('name')} administration"


def leader_body(phrase: str, resolver) -> str:
    """A registered leader's body named by the leader's possessive ("Vladimir Putin's
    foreign ministry", "Putin's government"): the registry's body of that leader's
    affiliation whose name or alias the words after the possessive give (a government for
    "government" or "regime"); "" when the leader or the body is not registered, or more
    than one body fits. ``resolver`` is ``speakers``' resolver (its figure and institution
    tables)."""
    m = _LEADER_BODY_RE.fullmatch(phrase.strip(" ,"))
    if not m:
        return ""
    who = m.group("who")
    owners = resolver.surname_figures.get(who.split()[-1], [])
    fig = resolver.full.get(who) or (owners[0] if len(owners) == 1 else None)
    if fig is None:
        return ""
    group, body = resolver.fig_group.get(fig), m.group("body").lower()
    if body.split()[-1] in {"government", "regime"}:
        fits = {i for i, g in resolver.inst_group.items() if g == group and i.lower().endswith(" government")}
    else:
        fits = {i for a, i in resolver.inst.items()
                if a.lower() in (body, "the " + body) and resolver.inst_group.get(i) == group}
    return fits.pop() if len(fits) == 1 else ""


def leader_of(admin: str, resolver) -> str:
    """The registered figure an administration is named after ("Trump administration":
    Donald Trump), when one figure has that surname; else ""."""
    owners = resolver.surname_figures.get(admin.split()[-2], []) if len(admin.split()) > 1 else []
    return owners[0] if len(owners) == 1 else ""


_POSSESSIVE_RE = re.compile(r"['\u2019]s\Z")
#: A leader's possessive and a body of theirs: "Vladimir Putin's foreign ministry".
_LEADER_BODY_RE = re.compile(r"(?P<who>(?:[A-Z][\w.-]{0,30}\s+){0,2}[A-Z][\w-]{0,30})['\u2019]s\s+"
                             r"(?P<body>(?:[a-z-]{1,30}\s+){0,2}(?:ministry|government|regime))")
