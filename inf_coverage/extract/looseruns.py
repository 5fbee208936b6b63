"""Name-shaped runs that no pattern of discovery cues, made names by evidence elsewhere in the
article: joined by "and" to a person ("Joe Biden and Putin agreed"), or a full name the story
later uses by its surname alone for a person ("Ola Berg arrived on Monday. ... Berg said"); and
the surname with a particle that a story uses alone for a person it names in full
(``particle_tails``: "Van Dijk said" after "Anna van Dijk") is that person, no name of its own."""
from __future__ import annotations

import re

import pandas as pd

#: The story's use of a surname for a person ("According to Gurko", "Gurko wrote", "Mr Gurko").
SURNAME_PERSON_RE = (r"(?:[Aa]ccording to|\b(?:Mr|Mrs|Ms|Dr|Prof)\.?) {0}\b|\b{0}(?:['\u2019]s)? "
                     r"(?:said|says|told|wrote|writes|added|argued|warned|noted|believes|thinks)\b")

#: A present participle that opens a phrase ("Meeting", "Visiting"), no given name's shape.
_PARTICIPLE_RE = re.compile(r"[A-Z][a-z]{2,}ing")


def coordinated(cued: list, loose: list, quote_rows: pd.DataFrame | None) -> list:
    """The rows of ``cued`` and the ``loose`` runs joined by "and" to a person: right after a
    cued name in its sentence ("by Anna Keller and Pavel Orlov-Smith") or right before a name,
    or the surname of a name or speaker, of the article ("Joe Biden and Putin agreed"); cue
    "coordinated". Each item is ``(row, sentence text, start, end)``, offsets in the text."""
    people: dict = {}
    if quote_rows is not None and len(quote_rows):
        for aid, speaker in quote_rows[["article_id", "speaker"]].itertuples(index=False):
            people.setdefault(aid, set()).update({speaker, speaker.split()[-1]} if speaker else set())
    ends = set()
    for row, _text, _start, end in cued:
        people.setdefault(row[0], set()).update({row[5], row[5].split()[-1]})
        ends.add((row[0], row[2], end))
    grew = True
    while grew:
        grew = False
        for item in list(loose):
            row, text, start, end = item
            after = re.match(r" and ([\w'\u2019-]+(?: [\w'\u2019-]+)?)", text[end:])
            joined = after and {after.group(1), after.group(1).split()[0]} & people.get(row[0], set())
            if joined or (row[0], row[2], start - 5) in ends and text[start - 5:start] == " and ":
                row = (*row[:6], "coordinated", "and")
                cued.append((row, text, start, end))
                loose.remove(item)
                people.setdefault(row[0], set()).update({row[5], row[5].split()[-1]})
                ends.add((row[0], row[2], end))
                grew = True
    return [row for row, *_ in cued]


def recurring(loose: list, sents: pd.DataFrame, quote_rows: pd.DataFrame | None = None) -> list:
    """Rows, cue "surname recurs", for the ``loose`` runs (items as ``coordinated`` takes them)
    whose surname the article's story uses alone for a person elsewhere: after a courtesy
    title or "according to", or before a verb of speech that no figure follows ("Mr Berg",
    "Berg said"; not a share price, "Berg added 2.1%"), or as a quotation's speaker
    (``quote_rows``). A full name met first with no cue ("Ola Berg arrived on Monday.") is then
    the person the story goes on to call by that surname. A first word the texts write in lower
    case, or a participle opening a run of three ("Meeting Ola Berg on Monday, ..."), is no part
    of the name ("Ola Berg")."""
    texts = {aid: " ".join(g.text.astype(str)) for aid, g in sents.groupby("article_id", sort=False)}
    common = set(re.findall(r"(?<![\w'\u2019-])[a-z\u00df-\u00ff]+(?![\w'\u2019-])", " ".join(texts.values())))
    speakers: dict = {}
    if quote_rows is not None and len(quote_rows):
        for aid, speaker in quote_rows[["article_id", "speaker"]].itertuples(index=False):
            speakers.setdefault(aid, set()).add(str(speaker))
    out: list = []
    person: dict = {}
    for row, _text, _start, _end in loose:
        words = row[5].split()
        start = row[3]
        while words and (words[0].lower() in common or len(words) == 3 and _PARTICIPLE_RE.fullmatch(words[0])):
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2:
            continue
        surname = words[-1]
        if (row[0], surname) not in person:     # once per article and surname: a page may repeat a run
            evidence = SURNAME_PERSON_RE.format(re.escape(surname)) + r"(?!\s*[-+\u2212]?[\d$\u20ac\u00a3])"
            person[(row[0], surname)] = bool(surname in speakers.get(row[0], set())
                                             or re.search(evidence, texts.get(row[0], "")))
        if person[(row[0], surname)]:
            out.append((*row[:3], start, row[4], " ".join(words), "surname recurs", surname))
    return out


#: Particles that open a surname and are capitalised when the surname stands alone ("Van Dijk",
#: "De Souza", "Von Berg", "Bin Khalid", "Ter Horst").
_PARTICLE_RE = re.compile(r"(?i:van|von|de|der|den|da|di|du|del|della|dos|das|le|la|ter|ten|al|el|bin|ibn|abu)")


def particle_tails(rows: list) -> list:
    """``rows`` (discovery's, the name sixth) without those whose name opens with a particle and
    is the last words of a longer name of the same article, the particle's case aside ("Van Dijk"
    beside "Anna van Dijk", "De Hoop Vries" beside "Jaap de Hoop Vries"): the surname of that
    person, used alone."""
    full: dict = {}
    for r in rows:
        words = r[5].lower().split()
        for n in range(2, len(words)):
            full.setdefault(r[0], set()).add(" ".join(words[-n:]))
    return [r for r in rows if not (len(r[5].split()) >= 2 and _PARTICLE_RE.fullmatch(r[5].split()[0])
                                    and r[5].lower() in full.get(r[0], set()))]
