"""Speaker forms that name no one: a nationality and a plural of people ("Russian officials
have said", "Japanese government officials", "Diplomatic sources in Ankara told"); and the
country adjectives such forms (and ``speakers``' institution names) are read with."""

from __future__ import annotations

import re

from inf_coverage.extract.figures import ORG_HEADS, ROLE_WORDS

#: Nouns of a role or office, capitalised before a name ("Researcher Aino Virtanen", "Duma
#: Speaker Ivan Korolenko"): a title, no part of the name.
ROLE_NOUNS = frozenset(ROLE_WORDS | {"speaker", "researcher", "analyst", "economist", "historian", "lecturer"})
#: Nouns of a view or an answer whose content follows as the speaker's statement: "the paper's
#: conclusion: ..." (``pressrelays``), "Velk's view is that ..." (``statementnouns``).
VIEW_NOUNS = ("view", "position", "argument", "assessment", "verdict", "conclusion", "answer", "response", "reply",
              "contention", "explanation", "diagnosis", "prediction", "bottom line")
#: The head words of an organisation's name: capitalised words right before one ("the Oulu
#: Peace Institute") are that organisation's name, not a person's.
ORG_HEAD_WORDS = frozenset(ORG_HEADS.split("|"))

#: Country -> its adjective, for naming an institution the registry does not hold by the
#: country in its own phrase ("Ukraine's foreign ministry" is the Ukrainian Foreign Ministry).
DEMONYMS = {
    "Russia": "Russian", "Ukraine": "Ukrainian", "China": "Chinese", "Germany": "German", "France": "French",
    "Britain": "British", "Poland": "Polish", "Lithuania": "Lithuanian", "Latvia": "Latvian",
    "Estonia": "Estonian", "Finland": "Finnish", "Sweden": "Swedish", "Norway": "Norwegian", "Denmark": "Danish",
    "Netherlands": "Dutch", "Italy": "Italian", "Spain": "Spanish", "Romania": "Romanian", "Belarus": "Belarusian",
    "Moldova": "Moldovan", "Georgia": "Georgian", "Japan": "Japanese", "Korea": "Korean", "India": "Indian",
    "Iran": "Iranian", "Turkey": "Turkish", "Australia": "Australian", "Philippines": "Philippine",
    "America": "American", "Canada": "Canadian", "Czechia": "Czech", "Slovakia": "Slovak", "Hungary": "Hungarian",
    "Kazakhstan": "Kazakh", "Israel": "Israeli", "Pakistan": "Pakistani", "Taiwan": "Taiwanese",
}

#: Seats of government that stand for their state ("Beijing said") -> the country.
CAPITALS = {
    "Beijing": "China", "Berlin": "Germany", "Kyiv": "Ukraine", "Kiev": "Ukraine", "Paris": "France",
    "London": "Britain", "Warsaw": "Poland", "Vilnius": "Lithuania", "Riga": "Latvia", "Tallinn": "Estonia",
    "Helsinki": "Finland", "Stockholm": "Sweden", "Oslo": "Norway", "Copenhagen": "Denmark", "Rome": "Italy",
    "Madrid": "Spain", "Bucharest": "Romania", "Minsk": "Belarus", "Tokyo": "Japan", "Seoul": "Korea",
    "Pyongyang": "Korea", "New Delhi": "India", "Tehran": "Iran", "Ankara": "Turkey", "Canberra": "Australia",
    "Ottawa": "Canada", "Prague": "Czechia", "Budapest": "Hungary", "Bratislava": "Slovakia",
    "Islamabad": "Pakistan", "Taipei": "Taiwan", "Manila": "Philippines", "Tbilisi": "Georgia",
    "Chisinau": "Moldova", "Astana": "Kazakhstan", "The Hague": "Netherlands",
}
#: A plural of individual people who go unnamed ("officials", "sources"); not a body that
#: speaks as one ("governments", "members", "media"), which keeps its name.
_PEOPLE = (r"(?:officials|sources|experts|analysts|diplomats|observers|insiders|aides|commentators|researchers"
           r"|scientists)")
#: Words between the nationality and the people: the branch they serve, their rank.
_BRANCH = (r"(?:government|military|defen[cs]e|security|intelligence|foreign|ministry|senior|other|top|some|several"
           r"|many)")
#: An adjective of place or kind, not an organisation's name: a nationality ("Russian",
#: "US"), a region ("Western", "European"), or a word made an adjective by its ending and
#: capitalised only by the start of the sentence ("Regional", "Diplomatic", "Federal").
_NATIONALITY = r"(?:%s|U\.?S\.?|Western|European|Asian|Arab|Allied|[Rr]egional|[Dd]iplomatic|[Ff]ederal|[Ll]ocal)" % (
    "|".join(sorted(DEMONYMS.values(), key=len, reverse=True)))
_ANONYMOUS_RE = re.compile(
    rf"(?:(?:[Tt]he|[Ss]ome|[Ss]everal|[Mm]any|[Tt]wo|[Tt]hree|[Ss]enior|[Oo]ther)\s+)*{_NATIONALITY}"
    rf"(?:\s+{_BRANCH})*\s+{_PEOPLE}(?:\s+(?:in|from|close to|familiar with)\s+[^,;]{{1,60}})?")


def anonymous_group(phrase: str) -> bool:
    """Whether a speaker phrase is a nationality's or a region's unnamed people ("Russian
    officials", "Japanese government officials", "Western diplomats", "Diplomatic sources in
    Ankara"): nobody the reader can hold to the words, coded ``unattributed``. An
    organisation's people ("Pentagon officials", "NATO officials") and bodies ("European
    governments", "US media") are not such a group."""
    return _ANONYMOUS_RE.fullmatch(phrase.strip(" ,").replace("\u2019", "'")) is not None
