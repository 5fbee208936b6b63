"""The person's name in a speaker phrase the registry does not know: the last run of two to
four capitalised name words that are not titles, function words, places, bodies or
organisations (``person_name``), with the word lists that decide it."""

from __future__ import annotations

import re

from inf_coverage.extract.figures import ORG_HEADS, TITLE_WORDS
from inf_coverage.extract.namewords import NAME_WORD_RE as _NAME_TOKEN_RE  # a name word (one definition)
from inf_coverage.extract.speakerforms import ORG_HEAD_WORDS, ROLE_NOUNS

_ORG_NAME_RE = re.compile(rf"\b(?:{ORG_HEADS})\s+(?:for|of|on)\s+(?:the\s+)?"
                          rf"(?:[A-Z][\w'\u2019-]*\s*(?:(?:and|&)\s+(?=[A-Z]))?){{1,5}}")    # "for X and Y Studies"


#: Prepositions of place and time: a capitalised run after one is a place or an event
#: ("during Talisman Sabre", "on Capitol Hill"), not a person.
_PLACE_PREPOSITIONS = {"during", "in", "at", "near", "across", "into", "through", "off", "outside", "inside",
                       "over", "under", "toward", "towards", "via", "on", "around", "along", "beyond"}
#: Last words of place and building names ("Black Sea", "Capitol Hill", "Smolensk Square").
_PLACE_HEADS = {"Sea", "Ocean", "Hill", "River", "Lake", "Bay", "Gulf", "Strait", "Straits", "Island", "Islands",
                "Peninsula", "Mountains", "Valley", "Square", "Street", "Avenue", "Base", "Airport", "Palace",
                "Building", "Region", "Oblast", "Province", "Krai", "Coast", "Canal", "Harbor", "Harbour",
                "Range", "Park", "Bridge", "Station", "Port", "City", "County", "District"}
#: A run ending on a body's head word is the body's name, no person's ("Port Authority",
#: "Harbour Board", "Oversight Committee").
_BODY_ENDS = ORG_HEAD_WORDS | {"Authority", "Board"}
_POSSESSIVE_END_RE = re.compile(r"['\u2019]s\Z")


#: Closed-class words capitalised only by the start of a sentence ("Also Peskov came out", "When
#: Putin met"): never part of a person's name, whatever else the article writes.
FUNCTION_WORDS = {
    "Also", "When", "After", "Before", "While", "As", "If", "Then", "So", "But", "And", "Yet", "Still", "Even",
    "Only", "Now", "Here", "There", "Why", "How", "What", "Where", "Although", "Though", "Because", "Since",
    "Until", "Once", "However", "Later", "Earlier", "Today", "Asked", "Unlike", "Indeed", "Instead", "Perhaps",
    "Both", "Neither", "Nor", "Or", "Not", "No", "Never", "With", "Without", "Under", "Over", "For", "From", "To",
    "Into", "Of", "By", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "His", "Her", "Its",
    "Their", "Our", "My", "Who", "Whom", "Whose", "Which", "Such", "Many", "Most", "Some", "Every", "Each", "All",
    # legislators' titles written before a name ("Representative Jane Roe")
    "Representative", "Congressman", "Congresswoman", "Lawmaker", "Legislator", "Councillor", "Councilor",
}


#: The nouns that close a title's portfolio or office ("Vice-Minister of Foreign Affairs Aiste
#: Rimkute", "the Commonwealth and Development Office"): glued to the name after them, no part of it.
PORTFOLIO_WORDS = {"Affairs", "Relations", "Finance", "Finances", "Interior", "Justice", "Trade", "Energy", "Economy",
                   "Development", "Office", "Cooperation", "Integration", "Veterans", "Health", "Education",
                   "Transport", "Agriculture", "Culture", "Environment", "Communications", "Industry"}


#: Lower-case particles inside a person's name ("Riaan van Wyk", "Ursula von der Leyen", "Ana da Costa").
_NAME_PARTICLES = {"van", "von", "der", "den", "de", "la", "le", "ter", "ten", "du", "da", "dos", "das", "del",
                   "di", "bin", "ibn"}


def _particle_goes_on(words: list, k: int) -> bool:
    """Do the particles from ``words[k]`` lead, with no more than one other, to a capitalised name word?"""
    j = k
    while j < len(words) and j < k + 2 and words[j] in _NAME_PARTICLES:
        j += 1
    return j < len(words) and words[j] not in _NAME_PARTICLES and bool(_NAME_TOKEN_RE.match(words[j])) \
        and words[j] not in TITLE_WORDS and words[j] not in FUNCTION_WORDS


def person_name(phrase: str, common=frozenset(), orgs: bool = False) -> str:
    """The person's name in a speaker phrase the registry does not know: the last run
    of two to four capitalised name words that are not titles, places or organisations
    ("former US Secretary of State Mike Pompeo" gives "Mike Pompeo"); "" if none.
    ``common`` holds words the article also writes in lower case ("war", "arms"): a
    capitalised run of them ("Cold War") is not a name. With ``orgs``, nor is a run right
    before an organisation's head word ("the Oulu Peace Institute")."""
    phrase = _ORG_NAME_RE.sub(" ; ", phrase)       # "Center for Countering Disinformation" is no person
    raw = phrase.split()
    words = [w.strip(",.;:\u201c\u201d\"()") for w in raw]
    run: list = []
    best: list = []
    prev = ""
    for k, w in enumerate(words + [""]):
        if run and w in _NAME_PARTICLES and not raw[k - 1].endswith((",", ";", ":")) and _particle_goes_on(words, k):
            run.append(w)       # "Riaan van Wyk", "Ursula von der Leyen": a particle between name words
            continue
        if run and raw[k - 1].endswith((",", ";", ":")):
            # "The Americans, Sablin recalled": a name does not run across a comma
            if 2 <= len(run) <= 4 and prev not in _PLACE_PREPOSITIONS and run[-1] not in _PLACE_HEADS | _BODY_ENDS:
                best = run
            run = []
        if w and w not in TITLE_WORDS and w not in FUNCTION_WORDS and w not in PORTFOLIO_WORDS \
                and w.lower() not in ROLE_NOUNS \
                and not any(part in TITLE_WORDS for part in w.split("-")) and w.lower() not in common \
                and _NAME_TOKEN_RE.match(w.replace("\u2019s", "").replace("'s", "")):
            if not run:
                prev = next((x.lower() for x in reversed(words[:k]) if x.lower() != "the"), "")
            run.append(_POSSESSIVE_END_RE.sub("", w))
        else:
            # "during Talisman Sabre", "on Capitol Hill", "the Black Sea": a place or event;
            # "the Oulu Peace Institute": an organisation's name before its head word
            if 2 <= len(run) <= 4 and prev not in _PLACE_PREPOSITIONS and run[-1] not in _PLACE_HEADS \
                    and run[-1] not in _BODY_ENDS and not (orgs and w in ORG_HEAD_WORDS):
                best = run
            run = []
    return " ".join(best)
