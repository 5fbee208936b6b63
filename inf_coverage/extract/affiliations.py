"""The affiliation group a speaker's own title and appositive give, where the registry does not
know the speaker: ``title_group(context)`` returns one of the groups of ``TITLE_GROUPS``
("media", "nato_official", "russian_expert", "chinese_expert", "independent_expert",
"ukrainian_official", "russian_official", "chinese_official", "us_official",
"european_official") or "unknown". Read from the words around the speaker's name only, never
from the rest of the sentence.
"""

from __future__ import annotations

import re

#: The affiliation a title gives a speaker the registry does not know, first match wins:
#: (pattern over the title and appositive around the name, group).
TITLE_GROUPS = [
    (re.compile(r"\b(?:journalist|editor|correspondent|reporter|columnist|anchor|host|blogger|newspaper"
                r"|broadcaster|channel)\b", re.I), "media"),
    (re.compile(r"\bNATO\b"), "nato_official"),
    (re.compile(r"\b(?:researcher|analyst|professor|fellow|expert|scholar|think tank|institute|university"
                r"|centre|center|project|programme|program)\b", re.I), "expert"),
    (re.compile(r"\b(?:Ukrain\w*|Kyiv|Kiev|Zelensky\w*)"), "ukrainian_official"),
    (re.compile(r"\b(?:Russia\w*|Kremlin|Moscow)"), "russian_official"),
    (re.compile(r"\b(?:China|Chinese|Beijing)\b"), "chinese_official"),
    (re.compile(r"\b(?:U\.\s?S\.|US|United States|American|Pentagon|White House|Secretary of State"
                r"|State Department|Washington"
                r"|(?<![\w-])[DRI]-(?:[A-Z][a-z]+|[A-Z]{1,2})\b)"), "us_official"),
    (re.compile(r"\b(?:EU|European|German\w*|French|France|British|Britain|Polish|Poland|Lithuania\w*"
                r"|Latvia\w*|Eston\w*|Baltic|Finn\w*|Swed\w*|Dutch|Italian|Spanish|Czech|Danish|Denmark)\b"),
     "european_official"),
]
OFFICIAL_WORDS_RE = re.compile(r"\b(?:minister|ministry|spokes\w+|official|president|secretary|adviser|advisor"
                                r"|ambassador|envoy|general|commander|council|government|chancellor|senator"
                                r"|lawmaker|deputy|head|chief|leader|diplomat|foreign|defen[cs]e|state|sen|rep"
                                r"|representative|congress\w*|[DRI]-[A-Z]\w*|mp|mep)\b", re.I)


_EXPERT_WORDS_RE = next(rx for rx, group in TITLE_GROUPS if group == "expert")
_STATE_BODY_RE = re.compile(r"\b(?:[Mm]inistry|[Gg]overnment|[Pp]arliament|[Pp]residential|[Aa]dministration|[Cc]abinet"
                            r"|[Ee]mbassy|[Aa]rmed [Ff]orces|[Ss]ecurity [Ss]ervice|National Security|Security Council"
                            r"|Defen[cs]e Council|General Staff)\b")


def title_group(context: str) -> str:
    """The affiliation group a speaker's title and appositive give (``TITLE_GROUPS``):
    an expert of a country ("a researcher at a Moscow institute") is that country's
    expert where the groups have one, else independent; an official needs an official
    word and a country or organisation; "unknown" where the text gives neither."""
    for rx, group in TITLE_GROUPS:
        if not rx.search(context):
            continue
        if group == "expert":
            if _STATE_BODY_RE.search(context):
                # "head of the Center for Countering Disinformation at the National Security and
                # Defense Council of Ukraine": a state body's people are its country's officials
                country = title_group(_EXPERT_WORDS_RE.sub(" ", context))
                if country.endswith("_official"):
                    return country
            if re.search(r"\b(?:Russia\w*|Moscow)", context):
                return "russian_expert"
            if re.search(r"\b(?:China|Chinese|Beijing)\b", context):
                return "chinese_expert"
            return "independent_expert"
        if group in ("nato_official", "media") or OFFICIAL_WORDS_RE.search(context):
            return group
    return "unknown"
