"""Double attributions in press reviews: an outlet that reports someone else's statement.

``inner_statements(sentence, attrs, outer, c_s, c_e, clause_of)``: inside the clause an outlet
reports (``c_s``..``c_e``), the statements of other speakers with a subject of their own ("The
paper notes that Defence Minister X said on Monday that ..."), as ``(attribution, start, end)``;
the outlet keeps its whole clause and the person speaks the inner one.
``quoted_as_saying(sentence, resolver, ctx)``: "The paper quotes an unnamed diplomat as saying
that ...": rows ``(speaker, speaker_text, verb, start, end)`` for the quoted person (or
``unattributed``) and for the quoting outlet (when it is media), both with the clause after
"as saying"; [] when the sentence is not of that form or its quoting subject is unknown. When
the clause holds a quotation ('as saying that the cranes had "long been idle"'), the words are
the quoted person's alone: one ``mixed`` row for them, none for the outlet that relays them.
``quoted_as_lead(lead, resolver, ctx)``: the ``(speaker, phrase)`` a quotation right after
``lead`` belongs to when ``lead`` ends "quotes X as saying:", "cites X as writing," or "cites X's post:" ("reproduces
X's statement on Telegram:"); None otherwise (the outlet only relays the quotation).
``nominal_statement(sentence)``: "The paper's conclusion: the port will need cranes." - a
speaker's noun of judging before a colon - as ``(speaker phrase, noun, start, end)`` of the words
after the colon; None otherwise (the host keeps it for a paper or a person, not "Moscow's
verdict:", a writer's gloss).
``outer_report(sentence, attrs, inner)``: in 'X recalls that Y told TASS in June that the talks
were "over"', where the quotation is ``inner``'s (Y's), the statement of X, the subject of an
earlier verb followed by "that" whose clause holds Y's verb, as ``(attribution, start, end)``
over X's whole clause; None otherwise. X reports Y, and both rows stand.
``appositive_subject_comma(before, at)``: in "The port needs cranes, Ada Krane, an engineer at the
yard, told the newspaper." (or "..., an engineer at the yard, Ada Krane, told ..."), where the
subject's name starts at ``at`` of ``before`` (the words before the verb), the offset of the
comma that ends the statement before the subject and its apposition; -1 if none.
"""

from __future__ import annotations

import re

from inf_coverage.extract.speakerforms import VIEW_NOUNS
from inf_coverage.extract.speakers import _phrase_before

#: "quotes an unnamed diplomat as saying (that)": the verb of quoting, its object, "as saying".
_QUOTED_AS_RE = re.compile(r"\b(?:quotes|quoted|cites|cited)\s+((?:[\w'\u2019.-]+,?\s+){1,10}?)as\s+"
                           r"(?:saying|having\s+said|telling(?:\s+[\w'\u2019-]+){1,3}?)\s+(?:that\s+)?")
#: The same at the end of the words before a quotation: "quotes X, a retired pilot, as saying:".
_QUOTED_AS_LEAD_RE = re.compile(r"\b(?:quotes|quoted|cites|cited)\s+((?:[\w'\u2019.-]+,?\s+){1,12}?)as\s+"
                                r"(?:saying|writing|having\s+(?:said|written)|telling(?:\s+[\w'\u2019-]+){1,3}?)"
                                r"\s*[:,]?\s*\Z")
#: "cites X's post:", "reproduces X's statement on Telegram:": X's own words follow.
_CITED_PIECE_RE = re.compile(r"\b(?:quotes|quoted|cites|cited|reproduces|reproduced|reprints|reprinted)\s+"
                             r"((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*)['\u2019]s\s+(?:[a-z]+\s+)?(?:post|statement|words"
                             r"|message|tweet|remarks|letter|comments?)(?:\s+on\s+[\w-]+)?\s*[:,]?\s*\Z")
#: "The paper's conclusion:", "Krane's verdict:": a speaker's noun of saying, then the statement.
_NOMINAL_RE = re.compile(r"\A\s*((?:[Tt]he\s+)?(?:[\w-]+\s+){0,3}?[\w-]+)['\u2019]s\s+(%s)\s*:\s*"
                         % "|".join(VIEW_NOUNS))
#: Pronouns: "the paper writes that it ...": "it" is the paper, or a body named before; no second speaker.
_PRONOUNS = {"it", "he", "she", "they", "its", "his", "her", "their", "this", "that", "we", "i", "you"}


def _trim(sent: str, c_s: int, c_e: int) -> tuple:
    while c_s < c_e and sent[c_s] == " ":
        c_s += 1
    while c_e > c_s and sent[c_e - 1] in " .":
        c_e -= 1
    return c_s, c_e


def inner_statements(sent: str, attrs: list, outer: str, c_s: int, c_e: int, clause_of) -> list:
    """Statements of other speakers inside an outlet's clause (see the module docstring).
    ``clause_of(sentence, verb_start, verb_end, verb, phrase)`` gives a verb's clause or None."""
    out = []
    for a in attrs:
        if a[5] or a[6] or a[3] in (None, outer) or not c_s <= a[0] < c_e or not a[4][:1].isupper() \
                or a[4].lower() in _PRONOUNS:
            continue    # a participle, "what it called" or "it listed" is no one else's statement
        clause = clause_of(sent, a[0], a[1], a[2], a[4])
        if clause is None:
            continue
        i_s, i_e = _trim(sent, clause[0], min(clause[1], c_e))
        if i_e - i_s >= 3:
            out.append((a, i_s, i_e))
    return out


def quoted_as_saying(sent: str, resolver, ctx: dict) -> list:
    """Rows of "X quotes Y as saying ..." (see the module docstring)."""
    m = _QUOTED_AS_RE.search(sent)
    if m is None:
        return []
    quoted = "\u201c" in sent[m.end():] or '"' in sent[m.end():]   # 'as saying that X had "long been ready"'
    relay_phrase = _phrase_before(sent, m.start())
    relay = resolver.resolve(relay_phrase, ctx, sent) if relay_phrase else None
    if relay is None or relay == "unattributed":
        return []
    c_s, c_e = _trim(sent, m.end(), len(sent))
    if c_e - c_s < 3:
        return []
    who_phrase = m.group(1).strip(" ,")
    who = resolver.resolve(who_phrase, ctx, sent)
    rows = []
    if who is not None and who != relay:
        rows.append((who, who_phrase, "said", c_s, c_e))
    if quoted:
        return rows     # the quoted words are the person's; the outlet only relays them
    if resolver.group(relay, ctx) == "media":
        rows.append((relay, relay_phrase, "quoted", c_s, c_e))
    return rows


def quoted_as_lead(lead: str, resolver, ctx: dict):
    """The person a quotation right after ``lead`` belongs to (see the module docstring)."""
    m = _QUOTED_AS_LEAD_RE.search(lead[-300:]) or _CITED_PIECE_RE.search(lead[-300:])
    if m is None:
        return None
    phrase = m.group(1).strip(" ,")
    who = resolver.resolve(phrase, ctx, lead[-300:])
    return None if who is None else (who, phrase)


#: Right after a reporting verb: its clause opens with "that" ("recalls that", "reminds readers that").
_THAT_AFTER_RE = re.compile(r"\s+(?:(?:readers|us|the\s+reader)\s+)?that\s+")


def outer_report(sent: str, attrs: list, inner: str):
    """X's statement around the quoted speaker ``inner``'s (see the module docstring)."""
    finite = [a for a in attrs if not a[5] and not a[6]]
    for a in finite:
        if a[3] in (None, inner, "unattributed"):
            continue
        m = _THAT_AFTER_RE.match(sent, a[1])
        if m is None or not any(b[3] == inner and b[0] >= m.end() for b in finite):
            continue
        c_s, c_e = _trim(sent, m.end(), len(sent))
        return (a, c_s, c_e) if c_e - c_s >= 3 else None
    return None


#: An apposition between commas that names a role: "an engineer at the Kiel yard", "the paper's editor".
_ROLE_APPOSITION_RE = re.compile(r"\s*(?:an?|the)\s+[^,]{2,80}\Z")
#: A finite verb inside an apposition: a clause of its own, no role.
_FINITE_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|said|says)\b")


def appositive_subject_comma(before: str, at: int) -> int:
    """The comma that ends the statement before a subject with an apposition (see the docstring)."""
    comma = before.rfind(",", 0, at)
    if comma < 0 or before[comma + 1:at].strip():
        return -1
    prev = before.rfind(",", 0, comma)
    role = before[prev + 1:comma]
    if prev >= 0 and _ROLE_APPOSITION_RE.match(role) and not _FINITE_RE.search(role):
        return prev     # "..., an engineer at the yard, Ada Krane, told": the role goes with the name
    return comma


def nominal_statement(sent: str):
    """The statement after "X's conclusion:" (see the module docstring), or None."""
    m = _NOMINAL_RE.match(sent[:200])
    if m is None or '"' in sent[m.end():] or "\u201c" in sent[m.end():]:
        return None     # a quotation after the colon is read as a quotation
    c_s, c_e = _trim(sent, m.end(), len(sent))
    return (m.group(1), m.group(2), c_s, c_e) if c_e - c_s >= 10 and len(sent[c_s:c_e].split()) >= 3 else None
