"""Cues that name an event in words its registry anchor does not list (rules of ``events``).

A state's name as the subject of a verb of announcing ("Moscow announced", "Russia
declared") may name the state's own statement, which the registry writes as "Russia said":
"what Moscow announced on Monday", "On Monday, Moscow announced that ...". But a state
announces many things ("Russia declared a moratorium in 2019"), so such a cue is weak: it
binds a date to the statement only when the date fits the statement's reference date and
no event the sentence names fits it (``state_saying_cue``); it never makes a conflict.
So is the pledge's end told in other words than the registry's ("that pledge is gone",
"tore up the moratorium", "the promise was declared dead"): a weak cue for the same
statement, for a date that fits it and is near (``pledge_end_cue``).
Two more cues bind a date to an event its anchor does not name there: a plan's announcement
("On 10 July 2024 they said the missiles would come from 2026": ``announced_plan``), and the
treaty's leaving with "it" for the treaty ("Washington left it on 2 August 2019":
``left_it_cue``), which, unlike the weak cues, may conflict (its words are the date's clause).
One guard works the other way: a leaving verb whose own subject is a state the event's party
words do not name ("Moscow withdrew from the talks in 2007, angering Washington") is that
state leaving, not the event (``other_state_leaving``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

# The registry's own wording of the state's saying, by which its event is found.
STATE_SAID_PROBE = "Russia said"
# "Moscow announced", "Russia has declared", "Moscow formally stated", "Russia's government announced",
# and a question's "did Russia actually say" (the bare "say" follows only "did" or "does").
STATE_SAYING = (r"\b(?:Moscow|Russia)(?:['\u2019]s government)?\s+(?:(?:has|had|\w+ly)\s+){0,2}"
                r"(?:announc(?:ed|es)|declar(?:ed|es)|stat(?:ed|es))\b"
                r"|\b(?:did|does)\s+(?:Moscow|Russia)\s+(?:\w+ly\s+)?say\b")
_STATE_SAYING_RE = re.compile(STATE_SAYING, re.I)
# Between a verb of saying and its date: "announced on Monday", "declared last week".
_SAYING_TO_DATE_RE = re.compile(r"\s+(?:on|in|last|this|earlier|late|early)?\s*\Z", re.I)
# Between a date fronting its sentence and the saying's subject: "On Monday, Moscow ...".
_DATE_TO_SAYING_RE = re.compile(r",?\s+")
_FRONT_RE = re.compile(r"\s{0,3}(?:(?:On|In|Last|Earlier|Late|Early)\s+)?", re.I)


@lru_cache(maxsize=32)
def _spans(pattern: re.Pattern, text: str) -> tuple:
    """Every match of ``pattern`` in a sentence, found once per sentence (a sentence has many
    dates, and each asks for the matches near it)."""
    return tuple((c.start(), c.end()) for c in pattern.finditer(text))


def _within(pattern: re.Pattern, text: str, lo: int, hi: int):
    """The matches of ``pattern`` (``_spans``) lying wholly within ``lo``-``hi``, in order:
    each date's search is bounded by its own stretch, so a long sentence with many dates takes
    time in proportion to its length, not to its length times its dates."""
    spans = _spans(pattern, text)
    for s, e in spans[bisect_left(spans, (max(0, lo), -1)):]:
        if e > hi:
            break       # the matches do not overlap, so every later one ends later still
        yield s, e


# How far from its date a state's verb of saying (or the subject after a fronting date) is
# looked for: the words between them are a few ("announced on", ", ").
_NEAR_CHARS = 200


def state_saying_cue(text: str, m, lo: int, hi: int) -> tuple[int, int] | None:
    """Span of a state's verb of announcing ("Moscow announced") that dates by date match
    ``m`` within the stretch ``lo``-``hi`` of its sentence: the verb right before the date
    ("what Moscow announced on Monday"), or the subject right after a date that fronts the
    sentence ("On Monday, Moscow announced that ..."). None if there is none."""
    near = _within(_STATE_SAYING_RE, text, max(lo, m.start() - _NEAR_CHARS), min(hi, m.end() + _NEAR_CHARS))
    for start, end in near:
        if end <= m.start() and _SAYING_TO_DATE_RE.fullmatch(text, end, m.start()):
            return start, end
        if start >= m.end() and _DATE_TO_SAYING_RE.fullmatch(text, m.end(), start) \
                and _FRONT_RE.fullmatch(text, 0, m.start()):
            return start, end
    return None


# The pledge (moratorium, promise, restraint) ended, in words the registry's anchor does not
# list: "the pledge is gone", "the moratorium, ..., was declared dead", "tore up the promise".
PLEDGE_END = (r"\b(?:moratorium|pledge|promise|restraint)\b[^.;:?!]{0,40}?\b(?:is|was|are|were|has been|had been)"
              r"\s+(?:now\s+|finally\s+|officially\s+)?"
              r"(?:gone|dead|over|declared dead|scrapped|dropped|lifted|ditched)\b"
              r"|\b(?:t(?:ear|ore|orn)\w*\s+up|scrap(?:s|ped|ping)?|ditch\w*|kill(?:s|ed|ing)?)\s+(?:the|its|that|this|a)\s+"
              r"(?:[\w-]+\s+){0,2}?(?:moratorium|pledge|promise|restraint)\b")
_PLEDGE_END_RE = re.compile(PLEDGE_END, re.I)
# A pledge-end cue further than this from its date does not date it.
PLEDGE_END_CHARS = 60


def pledge_end_cue(text: str, m, lo: int, hi: int) -> tuple[int, int] | None:
    """Span of words telling the pledge's end ("that pledge is gone") within the stretch
    ``lo``-``hi`` of its sentence and at most ``PLEDGE_END_CHARS`` from date match ``m``.
    None if there is none."""
    reach = PLEDGE_END_CHARS + _NEAR_CHARS
    for start, end in _within(_PLEDGE_END_RE, text, max(lo, m.start() - reach), min(hi, m.end() + reach)):
        if max(start - m.end(), m.start() - end) <= PLEDGE_END_CHARS:
            return start, end
    return None


# A verb or noun of saying or agreeing: the words by which a plan is announced ("Washington
# and Berlin said ... would rotate", "agreed on deployments", "the statement was released").
PLAN_SAYING = (r"\b(?:said|says|say|agreed|agrees?|announc\w*|stated|declared|decided|decisions?|statements?"
               r"|released|unveiled|confirmed|pledged)\b")
_PLAN_SAYING_RE = re.compile(PLAN_SAYING, re.I)


def announced_plan(plans: list, rows: list, text: str, lo: int, hi: int, fits) -> tuple | None:
    """The announcement of a plan, for a date no plan the stretch ``lo``-``hi`` of its
    sentence names fits: one fact of the reference may have two registry events, the plan
    ("the deployments start in 2026") and its announcement (10 July 2024). ``plans`` are
    (event, label, fact, reference date, spans of its words) of the events named; a date
    that a plan named in the stretch does not fit, that the other event of the plan's fact
    fits (``fits``: reference date -> bool), in a stretch with a word of saying or agreeing,
    is the announcement's: "On 10 July 2024 the allies said the missiles would rotate from
    2026". ``rows`` are the registry's (event, label, anchor, context, fact, reference
    date, ...). Returns (where, event, label, fact, reference date), or None."""
    cue = next(_within(_PLAN_SAYING_RE, text, lo, min(len(text), hi)), None)
    if cue is None:
        return None
    found = {(r[0], r[1], r[4], r[5]) for ev, _, fact, ref, spans in plans
             if fact and ref and not fits(ref) and any(lo <= a and b <= hi for a, b in spans)
             for r in rows if r[4] == fact and r[0] != ev and r[5] and fits(r[5])}
    if len(found) != 1:
        return None
    return ((0, 0, cue),) + found.pop()


# The registry's own wording of leaving the treaty, by which its event is found.
LEAVING_PROBE = "left the treaty"
# A verb of leaving with "it" for its object, right before its date: "Washington left it on
# 2 August 2019", "walked out of it in August 2018" (the registry's anchor names the treaty).
_LEFT_IT_RE = re.compile(r"\b(?P<verb>left|quit|exited|walked\s+(?:out\s+of|away\s+from))\s+it\s+(?:in|on)\s*\Z", re.I)
# What follows the date of "left it" when something was left to someone ("left it in May to the allies").
_LEFT_IT_TO_RE = re.compile(r",?\s+(?:to|for|with|up\s+to|in\s+the\s+hands)\b", re.I)

# Another agreement named in the sentence, for which "it" may stand: "the Iran deal ... left it
# in May 2018", "the Open Skies Treaty, which Washington quit in 2020".
_OTHER_PACT_RE = re.compile(r"\b[Dd]eals?\b|\b(?!INF\b|Intermediate\b|The\b|That\b|This\b|Its\b)[A-Z][\w-]*\s+"
                            r"(?:[Nn]uclear\s+)?(?:[Tt]reaty|[Aa]greement|[Aa]ccord|[Pp]act|[Cc]onvention)\b")


def left_it_cue(text: str, m) -> tuple[int, int] | None:
    """Span of a verb of leaving whose object is "it" right before date match ``m`` ("the
    US formally left it on 2 August 2019"), which names the treaty's leaving when the
    sentence names the leaving party (the event's context) and no other agreement before it.
    None if there is none."""
    c = _LEFT_IT_RE.search(text, max(0, m.start() - 40), m.start())
    if c is None or _LEFT_IT_TO_RE.match(text, m.end()) \
            or next(_within(_OTHER_PACT_RE, text, 0, c.start()), None):
        return None     # "left it in May to the allies": left something to someone, no leaving
    return c.span("verb")


# A state as the subject right before a verb ("Russia pulled out", "Moscow has since withdrawn",
# "the Kremlin formally quit"): the states a story about these treaties names as actors.
_STATE_SUBJECT_RE = re.compile(
    r"\b(?:Russia|Moscow|the\s+Kremlin|the\s+Russian\s+(?:government|side|Federation)|China|Beijing|Iran|Tehran"
    r"|North\s+Korea|Pyongyang|Belarus|Minsk|Ukraine|Kyiv|Germany|Berlin|France|Paris|Britain|London)"
    r"(?P<tail>(?:\s+(?:has|had|have|also|then|since|later|formally|effectively|eventually|itself|unilaterally))*\s+)\Z")


def other_state_leaving(text: str, a, context) -> bool:
    """True if the anchor match ``a`` is a leaving verb ("withdrew", "pulled out") whose subject,
    right before it, is a state (``_STATE_SUBJECT_RE``) that the event's ``context`` (its party
    words) does not name: "Russia pulled out in 2007" is not the US withdrawal, whatever else the
    sentence names. An event with no context has no party to tell apart."""
    if context is None or not re.match(r"withdr|pull|left|leav|quit|exit|walk", a.group(), re.I):
        return False
    m = _STATE_SUBJECT_RE.search(text, max(0, a.start() - 80), a.start())
    return m is not None and context.fullmatch(m.group()[: m.start("tail") - m.start()]) is None


# What a signing verb has for its object when that object is no treaty: "signed a five-year
# extension of the treaty", "signs a decree suspending ...", "signed a law revoking ...".
# Up to three words of modifier between the article and the noun ("a new federal law").
_SIGNED_OTHER_RE = re.compile(
    r"\s+(?:(?:a|an|the|its|his|her|their)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:extensions?|laws?|bills?|decrees?|orders?|protocols?|letters?|memorand(?:um|a)|contracts?"
    r"|declarations?|statements?|budgets?)\b", re.I)
_SIGN_RE = re.compile(r"\bsign(?:s|ed|ing)?\b", re.I)


def signed_other(text: str, a) -> bool:
    """True if the anchor match ``a`` is a signing verb ("signed", "signs") whose object is a
    document other than a treaty (``_SIGNED_OTHER_RE``): "the two sides signed a five-year
    extension of the treaty in 2021" or "Putin signed a law on Thursday" is not the signing of
    the treaty, whatever treaty the sentence names."""
    return bool(_SIGN_RE.fullmatch(a.group())) and _SIGNED_OTHER_RE.match(text, a.end()) is not None


def signs_other_in(text: str, lo: int, hi: int) -> bool:
    """True if a signing verb with a document other than a treaty for its object (``signed_other``)
    lies within ``lo``-``hi``: the date there is that document's ("March 4, 2019 - Putin signs a
    decree suspending the treaty"), so it states no conflict with the event the document is about."""
    return any(lo <= a.start() and a.end() <= hi and signed_other(text, a) for a in _SIGN_RE.finditer(text))


# The object of a leaving verb, past a date between them ("withdrew on November 22 from the
# Open Skies Treaty"): "(out) of/from the <up to four words> deal/treaty/...", and the party
# a "with" after it names ("the nuclear deal with Iran").
_LEFT_OBJECT_RE = re.compile(
    r"(?:\s+out)?(?:\s+(?:on|in)\s+[^,;.()]{1,25}?)?\s+(?:of|from)\s+(?:the|that|this|its|an?)\s+"
    r"(?P<mods>(?:[\w'\u2019-]+\s+){0,4}?)(?i:treaty|pact|accord|agreement|deal|convention)\b"
    r"(?:\s+with\s+(?P<party>(?:the\s+)?[A-Z][\w-]*))?")
# Words that keep such an object the INF Treaty: its names, its parties, its year and era.
_INF_WORDS_RE = re.compile(
    r"(?:INF|Intermediate(?:-Range)?|Nuclear|Forces|Range|Treaty|1987|Soviet|Cold|War|Cold-War|Reagan|Gorbachev"
    r"|US|U\.S\.|American|Russian?|Moscow|USSR|Soviet-era|Cold-War-era|Reagan-era)['\u2019s]*\Z")
# Lower-case words that name another agreement's subject ("the climate accord", "the nuclear
# deal with Iran" is told by its party).
_OTHER_SUBJECT_RE = re.compile(r"(?:climate|trade|test-ban|skies|chemical|space|anti-ballistic|grain|peace)\Z", re.I)


def other_agreement_left(text: str, a) -> bool:
    """True if the anchor match ``a`` is a leaving verb ("withdrew", "pulled out") whose object
    is another agreement (``_LEFT_OBJECT_RE``): one named by a capitalised word that is none of
    the INF Treaty's (``_INF_WORDS_RE``: "the Open Skies Treaty", "the Paris climate accord"),
    by a subject of its own (``_OTHER_SUBJECT_RE``), or with a party other than Russia ("the
    nuclear deal with Iran"). "The US pulled out of the nuclear deal with Iran in 2018" is not
    the INF withdrawal; "left the 1987 treaty with Moscow" still is."""
    if not re.match(r"withdr|pull|quit|exit|walk", a.group(), re.I):
        return False
    o = _LEFT_OBJECT_RE.match(text, a.end())
    if o is None:
        return False
    party = o.group("party")
    if party and not re.fullmatch(r"(?:the\s+)?(?:Russia|Moscow|Soviet|USSR|Kremlin)\w*", party):
        return True
    return any(p[:1].isupper() and not _INF_WORDS_RE.match(p) or _OTHER_SUBJECT_RE.match(p)
               for w in o.group("mods").split() for p in w.split("-"))


# A date in apposition to a phrase of relative time right before it: "Three days before the
# ministry's statement, on 1 August, Putin said ...", "Two days after the strike, on 23 November,
# ...": the event the phrase names is the date's yardstick, not the date's event. The phrase
# opens its sentence or follows a clause mark, with at most three words before its "before".
_LEAD_PHRASE_RE = re.compile(
    r"(?:\A|[,;:]\s+)(?P<p>(?:[\w-]+\s+){0,3}?(?:before|after|following|ahead\s+of)\s+[^,;:()\u2013\u2014]{1,120}?)"
    r",\s+(?:on\s+|in\s+)?\Z", re.I)


def lead_phrase(text: str, m) -> tuple[int, int] | None:
    """(first, last) character of a phrase of relative time that date match ``m`` stands in
    apposition to (``_LEAD_PHRASE_RE``), whose event is not the date's; None if there is none."""
    c = _LEAD_PHRASE_RE.search(text, max(0, m.start() - 160), m.start())
    return c.span("p") if c else None


# A verb with "it" for its object right before its date ("Putin offered it in 2019", "made it
# back in 2019"), the verb's subject a few words after the clause's start ("When Vladimir Putin
# offered it in 2019, ..."): "it" stands for something the sentence before named.
_VERB_IT_RE = re.compile(r"\b(?:[a-z]+ed|made|gave|took|put|set|began)\s+it\s+(?:back\s+)?(?:in|on)\s+\Z")
_IT_CLAUSE_START_RE = re.compile(r"[,;:()\u2013\u2014\"\u201c\u201d]")
# At most this many words between the clause's start and the verb (its subject, "When" or so).
IT_SUBJECT_WORDS = 4


def it_told_before(text: str, m, before: str, compiled: list, fits) -> tuple | None:
    """((0, 0, cue span), event, label, fact_id, reference_date) of the event that "it" right
    before date match ``m`` stands for (``_VERB_IT_RE``): the one event with a reference date
    that the date fits (``fits``: reference date -> bool) whose context the paragraph's sentence
    before (``before``) names ("The moratorium was always a political pledge. Putin offered it
    in 2019"). ``compiled``: ``event_claims``' registry rows (event, label, anchor, context,
    fact, reference date, ...). None when there is no such cue or not exactly one such event;
    the date fits the event, so the cue never makes a conflict."""
    c = _VERB_IT_RE.search(text, max(0, m.start() - 60), m.start()) if before else None
    if c is None:
        return None
    starts = [b.end() for b in _IT_CLAUSE_START_RE.finditer(text, 0, c.start())]
    if len(re.findall(r"[\w'\u2019.-]+", text[starts[-1] if starts else 0:c.start()])) > IT_SUBJECT_WORDS:
        return None
    named = [(ev, label, fact, ref) for ev, label, _, context, fact, ref, *_ in compiled
             if fact and ref and context is not None and context.search(before) and fits(ref)]
    return ((0, 0, c.span()),) + named[0] if len(named) == 1 else None


# The state's statement named in a sentence that names no event ("Monday's news felt like a
# funeral", "The statement from Moscow came on a Monday afternoon"), or the state giving
# something up ("What Russia gave up on Monday was a promise"): a day there that is the
# statement's own day dates the statement. The state's name alone does not ("Moscow was quiet
# on Monday").
_NEWS_WORDS_RE = re.compile(r"\b(?:statement|announcement|decision|news)\b"
                            r"|\b(?:Russia|Moscow)\b[^.;?!]{0,30}?\b(?:g[ai]ve up|giving up|ended|abandoned|dropped)\b")


def tells_the_news(text: str) -> bool:
    """Does a sentence name a statement or the state giving something up (``_NEWS_WORDS_RE``)? A
    weak cue, for a day that is the state's statement's reference date in a sentence naming no
    event."""
    return _NEWS_WORDS_RE.search(text) is not None
