"""What a word of a personal name looks like, and the courtesy titles written before a name:
one definition for every rule that reads names (discovery, speakers, transcript turns).

A *name word* here is one word of a person's name as Latin-script news copy writes it:

- a capital, accented ones too ("Šimonytė", "Émile", "Østergaard"), then two or more letters
  counted together with the capital, none an unaccented capital ("Ma", "Vainiūtė");
- optionally after a Gaelic or Norman prefix whose next letter is a capital again ("McFaul",
  "MacArthur", "O'Brien", "D\u2019Souza");
- optionally joined by one hyphen to a second capitalised part ("Pryce-Hollis",
  "Lindqvist-Herrera"), unless the first part is an English prefix ("Pro-Kremlin",
  "Anti-Western", "Ex-Minister" are no names);
- or a romanised given name of two short syllables, the second in lower case ("Soo-min",
  "Jong-un"): a first part of one capital and one to three letters, a second of two to five
  lower-case letters that is no English compound's second part ("Soviet-era" has a longer
  first part; "Pre-war", "Low-cost"'s parts are a prefix or a compound).

Limits, on purpose: a possessive ("Lavrov's") is no part of a name word (callers strip it);
an initial ("J.") and a word in capitals ("LAVROV") are not name words; a particle written
in lower case ("van", "de", "al-") is not one either: rules that allow particles between name
words say so themselves; a name in a non-Latin script is not read at all; a capitalised
common word ("Yesterday", "Belarus") has a name word's shape, and only the rules that use
the pattern can tell it apart, by position or evidence.

``HONORIFICS`` are the courtesy titles written right before a name, with or without a full
stop ("Dr", "Mrs.", "Baroness", "Rev."): the forms of address, not offices or ranks (those
are the registry's title words)."""

from __future__ import annotations

import re

#: Latin capitals, accented ones too ("Š", "Ž", "É"); no multiplication sign.
UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017e"
#: A letter that is not an unaccented capital (lower case, accented or not).
_LOWER = r"[^\W\d_A-Z]"
#: English prefixes a hyphenated word may start with, which make it no name ("Pro-Kremlin").
PREFIXES = ("Anti|Pro|Non|Post|Pre|Neo|Ex|Co|Re|Sub|Mid|Semi|Multi|Over|Self|Well|All|Far|Ultra|Counter|Inter"
            "|Trans|Pan|Quasi|Vice|Arch|Un")
#: Second parts of a hyphenated word that make it no name ("Cold War-era", "Pre-war", "Low-cost").
COMPOUNDS = ("led|era|war|run|based|born|age|old|style|day|year|long|wide|made|type|class|range|like|free|held"
             "|cost|term|time|wing|line|scale|level|end|top")
#: One name word, unanchored (for use inside a longer pattern).
NAME_WORD = (rf"(?:(?!(?:{PREFIXES})-)"
             rf"(?:[{UPPER}]{_LOWER}{{1,3}}-(?!(?:{COMPOUNDS})(?![a-z]))[a-z]{{2,5}}(?![\w'\u2019-])"   # "Soo-min"
             rf"|(?:Mc|Mac|O['\u2019]|D['\u2019])?[{UPPER}]{_LOWER}+(?:-[{UPPER}]{_LOWER}+)?))")
#: A whole word that is a name word.
NAME_WORD_RE = re.compile(rf"{NAME_WORD}\Z")
#: Courtesy titles before a name, as an alternation (no full stop).
HONORIFICS = "Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Baroness|Baron|Rev|Revd|Reverend"
#: A courtesy title with its optional full stop ("Dr", "Dr.").
COURTESY = rf"(?:{HONORIFICS})\.?"

#: Words newspapers and magazines are named with, in English and the languages a press review
#: quotes, as their titles write them ("Chesapeake Courant", "Kurier Wschodni", "Le Monde",
#: "Moskovsky Komsomolets"): one list for two rules. A capitalised run holding one is a
#: publication, never a person (``OUTLET_WORDS``); a name ending on one is a paper that can
#: speak in a press review (``outlets``, which imports this list).
PRESS_TITLE_WORDS = (
    "Zeitung", "Allgemeine", "Rundschau", "Tageblatt", "Tagesspiegel", "Anzeiger", "Nachrichten", "Kurier", "Kurir",
    "Courant", "Gazeta", "Gazzetta", "Corriere", "Monde", "Figaro", "Stampa", "Repubblica", "Pa\u00eds", "Pais",
    "Vanguardia", "Diario", "Di\u00e1rio", "Jornal", "Soir", "Krant", "Dagblad", "Dagbladet", "Posten", "Tidning",
    "Tidningen", "Dziennik", "Pravda", "Izvestia", "Kommersant", "Vedomosti", "Komsomolets", "Times", "Post",
    "Courier", "Herald", "Journal", "Gazette", "Observer", "Tribune", "Telegraph", "Guardian", "Chronicle",
    "Express", "Mirror", "Inquirer", "Examiner", "Monitor", "Daily", "Mail", "Ledger", "Dispatch", "Bulletin",
    "Weekly", "Economist")
#: Words that open a paper's name and may take one more capitalised word ("Gazeta Wyborcza",
#: "Dziennik Polski"), for ``outlets``.
LEADING_PRESS_WORDS = frozenset({"Kurier", "Gazeta", "Gazzetta", "Corriere", "Diario", "Di\u00e1rio", "Jornal",
                                 "Dagblad", "Dziennik"})
#: A run holding one of these words is a publication, never a person. "Review" is here only, not
#: in ``PRESS_TITLE_WORDS``: it ends a journal's name ("Meridian Review") but as often a
#: government's report ("Nuclear Posture Review", "Strategic Defence Review"), no person either
#: way, but no paper that speaks when "the Review says" what a report finds.
OUTLET_WORDS = frozenset({w.lower() for w in PRESS_TITLE_WORDS} | {"review"})
#: Epithets a text may write before a name like a title ("Dictator X Y"): what the writer calls
#: the person, no part of the name.
EPITHETS = frozenset({"dictator", "despot", "tyrant", "autocrat", "strongman", "warlord", "kleptocrat"})


def person_part(name: str) -> tuple:
    """``(offset, name)``: the person's name in a run read as one, after any epithet before it
    ("Dictator X Y" is "X Y" at 9); ``(0, "")`` for a publication's name (a word of
    ``OUTLET_WORDS``: "X Courant") or an epithet with one word or none after it."""
    words = name.split(" ")
    if any(w.lower().strip(".,'\u2019") in OUTLET_WORDS for w in words):
        return 0, ""
    lead = 0
    while lead < len(words) and words[lead].lower() in EPITHETS:
        lead += 1
    if not lead:
        return 0, name
    rest = words[lead:]
    return (len(" ".join(words[:lead])) + 1, " ".join(rest)) if len(rest) >= 2 else (0, "")
