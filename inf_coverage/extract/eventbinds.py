"""A date's own event where the event nearest it is not the date's (rules of ``events``).

``events`` binds a date to the event whose words are nearest it, else to the one event whose
reference date it fits. Some dates are told by other words of their own clause, and
``own_event`` returns, for a date left unbound or bound to an event it does not fit, the
event those words name: a tuple ``(where, event, label, fact_id, reference_date)`` as
``events`` writes its binding (``where``: (tier, characters, span of the words)), or None.

- "since <date>" after a noun of a lasting state ("the moratorium, which Moscow had kept
  since 2019", "its pledge, observed since 2019"): the date is the state's start, so it is
  the event whose context names that noun, when the date fits it (``since_state``).
- A printed day equal to an event's reference day, with that event's own word in the date's
  clause ("the withdrawal took effect on 2 August 2019", "a strike on Nov. 21, 2024"): so
  exact a match is the event's, though the sentence does not name its party, unless the
  word is a verb with an object of its own, whose subject may be another actor (``exact_day``).
- A printed day that is the day of a reference fact no event carries, in a sentence naming the
  one event the fact's claim tells ("Russia suspended its participation ..., and Putin
  formalised the move by decree on 4 March 2019"): that event, bound with the fact
  (``spare_facts``, ``fact_day``).
- A date after publication with a plan's verb in its clause ("if the launchers arrive there
  next year") is the one plan (an event after publication) the date fits, when the verb's
  subject holds a name and it is not the other state's, and no other event is named in the
  clause (``future_plan``).
- A day or month followed by "that year" ("on 10 July that year") is in the year printed last
  before it, in its sentence or the paragraph's sentence before (``that_year``, with
  ``THAT_YEAR_BASIS`` for the basis of its reading).
- The writer's own interview ("she told me last month", "when I spoke to him this week") or
  a day owning the press ("Tuesday's papers"): the date is a report's, the registry's
  report event without a reference (``press_date``), found by ``MEDIA_PROBE``.

Each binds only to an event the date fits or to one without a reference, so none makes a
conflict; a year read from "that year" is no printed year, so its date never conflicts either.
"""

from __future__ import annotations

import re

# "that year" after a day or month without a year of its own ("on 10 July that year", "in August of
# that same year"), and a year printed as a word of its own, which "that year" points back to.
_THAT_YEAR_RE = re.compile(r"\s+(?:of\s+)?that\s+(?:same\s+)?year\b", re.I)
_PRINTED_YEAR_RE = re.compile(r"(?<![\w,.-])(?:19[4-9]\d|20[0-4]\d)(?![\w-])")
THAT_YEAR_BASIS = "the year the text names before its 'that year'"


def that_year(text: str, m, before: str) -> int | None:
    """The year a day or month without one (date match ``m``) takes from "that year" right
    after it: the last year printed before it in its sentence, else in the paragraph's
    sentence before (``before``); None when no "that year" follows or no year is printed."""
    if not (m.group("md") or m.group("dm") or m.group("mo")) or m.group("y1") or m.group("y2") \
            or not _THAT_YEAR_RE.match(text, m.end()):
        return None
    for where in (text[:m.start()], before):
        years = _PRINTED_YEAR_RE.findall(where)
        if years:
            return int(years[-1])
    return None


# A noun of a state that lasts, whose start a "since" date gives.
_STATE_NOUN_RE = re.compile(r"\b(?:moratori(?:um|a)|pledges?|promises?|restraint|freeze"
                            r"|commitments?|self-imposed|undertakings?|bans?)\b", re.I)
_SINCE_BEFORE_RE = re.compile(r"\b[Ss]ince\s+\Z")
# How far before a "since" date its state's noun may stand ("the moratorium on the deployment
# of such weapons, which Moscow had observed since 2019").
SINCE_REACH = 120
# Ends of a sentence part, across which no noun names the state ("; since 2019 ...").
_PART_END_RE = re.compile(r"[;:?!]|\.\s")


def since_state(text: str, m, contexts: dict, fits) -> tuple | None:
    """The event whose context is the noun of a lasting state (``_STATE_NOUN_RE``) nearest
    before a "since" date ``m``, within ``SINCE_REACH`` characters of its sentence part, when
    the date fits that event's reference date (``fits``: reference date -> bool).
    ``contexts``: event -> (context spans, label, fact_id, reference_date, ...)."""
    if not _SINCE_BEFORE_RE.search(text, max(0, m.start() - 7), m.start()):
        return None
    lo = max(0, m.start() - SINCE_REACH)
    ends = [e.end() for e in _PART_END_RE.finditer(text, lo, m.start())]
    lo = ends[-1] if ends else lo
    nouns = list(_STATE_NOUN_RE.finditer(text, lo, m.start()))
    if not nouns:
        return None
    n0, n1 = nouns[-1].span()
    found = [(ev, label, fact, ref) for ev, (spans, label, fact, ref, *_) in contexts.items()
             if fact and ref and fits(ref) and any(c0 < n1 and n0 < c1 for c0, c1 in spans)]
    return ((0, m.start() - n1, (n0, n1)),) + found[0] if len(found) == 1 else None


_NEGATION_RE = re.compile(r"\b(?:not|never|n['\u2019]t)\s+(?:\w+\s+){0,2}\Z", re.I)


def _anchored(text: str, anchor: re.Pattern, lo: int, hi: int) -> tuple | None:
    """Span of the first match of ``anchor`` lying wholly within ``lo``-``hi`` that no negation
    just before denies ("was not withdrawn"); None if there is none."""
    for a in anchor.finditer(text, max(0, lo), max(0, hi)):
        if a.end() > a.start() and not a.group().isupper() \
                and not _NEGATION_RE.search(text, max(0, a.start() - 30), a.start()):
            return a.span()         # (a word in capitals is a name, "New START", not the event's verb)
    return None


# A verb with an object of its own right after it ("suspended its obligations", "fired a missile"):
# its subject, whoever it is, did something to something, which the event's word alone does not
# tell apart from the event ("The alliance suspended its obligations on 2 February 2019").
_OBJECT_AFTER_RE = re.compile(r"\s+(?:its|the|a|an|their|his|her|our|some|all)\b", re.I)


def exact_day(text: str, m, lo: int, hi: int, date: str, precision: str, basis: str,
              compiled: list) -> tuple | None:
    """The one event whose reference date is exactly the printed day ``date`` of match ``m`` and
    whose anchor lies in the date's clause ``lo``-``hi``, not as a verb with an object of its own
    (``_OBJECT_AFTER_RE``: another actor may be meant). ``compiled``: ``event_claims``'
    registry rows (event, label, anchor, context, fact_id, reference_date, ...)."""
    if precision != "day" or basis != "printed":
        return None
    found = []
    for ev, label, anchor, _context, fact, ref, *_ in compiled:
        if fact and ref == date:
            span = _anchored(text, anchor, lo + 1, hi)
            if span is not None and not (m.start() <= span[0] < m.end()) and not _OBJECT_AFTER_RE.match(text, span[1]):
                found.append(((0, max(m.start() - span[1], span[0] - m.end(), 0), span), ev, label, fact, ref))
    return found[0] if len(found) == 1 else None


_ISO_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def spare_facts(facts, compiled: list) -> list:
    """(fact_id, day, events) of each reference fact dated to a day that no registry event
    carries, with the events its claim tells: those whose anchor and context (if any) both
    match the claim ("Putin's decree formally suspending Russia's implementation ..." tells
    Russia's suspension). ``facts``: (fact_id, claim, unit_or_date) rows of the reference;
    ``compiled``: ``event_claims``' registry rows (event, label, anchor, context, fact_id, ...)."""
    carried = {r[4] for r in compiled if r[4]}
    return [(fact, day, [(ev, label) for ev, label, anchor, context, ev_fact, *_ in compiled
                         if ev_fact and anchor.search(claim) and (context is None or context.search(claim))],
             _words(claim))
            for fact, claim, day in facts if fact not in carried and _ISO_DAY_RE.match(day)]


_WORD_RE = re.compile(r"[A-Za-z]{4,}")
_COMMON_WORDS = frozenset("that this with from into were been have which when what their there they them then than "
                          "also said says after before over under until about would could should".split())


def _words(text: str) -> frozenset:
    """The words of four letters or more of ``text``, lower-cased, without the commonest."""
    return frozenset(w.lower() for w in _WORD_RE.findall(text)) - _COMMON_WORDS


def fact_day(text: str, m, lo: int, hi: int, date: str, precision: str, basis: str, spare: list,
             compiled: list) -> tuple | None:
    """For a printed day ``date`` that is the day of a reference fact no event carries
    (``spare_facts``), in a clause ``lo``-``hi`` that shares a word with the fact's claim
    ("by decree"), the one event that fact's claim tells whose anchor and context the
    sentence names ("Russia suspended its participation ..., and Putin formalised the move by
    decree on 4 March 2019"), bound with that fact and its day, so the date agrees with it."""
    if precision != "day" or basis != "printed":
        return None
    clause = _words(text[max(0, lo + 1):hi].replace(m.group(), " "))
    hits = [(fact, events) for fact, day, events, words in spare if day == date and clause & words]
    told = {ev for _f, events in hits for ev, _ in events}
    found = [(ev, label, fact) for fact, events in hits for ev, label in events]
    named = [(f, ev, label) for ev, label, fact in found for row in compiled if row[0] == ev
             for f in [_anchored(text, row[2], 0, len(text))]
             if f is not None and (row[3] is None or row[3].search(text))]
    if len(told) != 1 or not named:
        return None
    span, ev, label = named[0]
    fact = next(fact for e, _l, fact in found if e == ev)
    return (0, max(m.start() - span[1], span[0] - m.end(), 0), span), ev, label, fact, date


# The start of the words that hold a verb's subject: a clause mark or a word opening a clause.
_SUBJECT_START_RE = re.compile(r"[,;:()\u2013\u2014\"\u201c\u201d]|\b(?:that|if|when|once|as|and|but|while|until)\b",
                               re.I)
# Another state as a plan's subject (the states a story about these missiles names as actors
# of their own): its plans are not the registry's plans of the allies.
_OTHER_STATE_RE = re.compile(r"\b(?:Russia|Russian|Moscow|Kremlin|Putin|Belarus\w*|Minsk|Ukrain\w*|Kyiv|China"
                             r"|Chinese|Beijing|Iran\w*|Tehran|North\s+Korea\w*|Pyongyang)\b")


# A capitalised word (a name: a party, a system) in a plan's subject, not the sentence's first.
_NAME_WORD_RE = re.compile(r"\b[A-Z][\w-]+")


def future_plan(text: str, m, lo: int, hi: int, future, compiled: list, contexts: dict, fits) -> tuple | None:
    """The one event after publication (a plan) the date ``m`` after publication (``future``)
    fits whose anchor lies in the date's clause ``lo``-``hi``, when that anchor's subject
    (the words from the last clause mark or clause word before it) holds a name (a party's, a
    system's: a capitalised word not opening the sentence) and names no other state, and no
    other event's context is in the clause."""
    if not future:
        return None
    if any(c0 > lo and c1 <= hi for ev, (spans, *_r) in contexts.items() for c0, c1 in spans):
        return None                     # another event (or the plan's own party) is named: bound elsewhere
    found = []
    for ev, label, anchor, _context, fact, ref, *_ in compiled:
        if not (fact and ref and fits(ref)):
            continue
        span = _anchored(text, anchor, lo + 1, hi)
        if span is None:
            continue
        starts = [s.end() for s in _SUBJECT_START_RE.finditer(text, max(0, lo + 1, span[0] - 60), span[0])]
        s0 = starts[-1] if starts else max(0, lo + 1, span[0] - 60)
        subject = text[s0:span[0]]
        if _OTHER_STATE_RE.search(subject):
            continue                    # "Russia will deploy them next year": not the allies' plan
        if not any(n.start() > 0 for n in _NAME_WORD_RE.finditer(text, s0, span[0])):
            continue                    # "the new jets arrive next year": whose jets, the words do not say
        found.append(((0, max(m.start() - span[1], span[0] - m.end(), 0), span), ev, label, fact, ref))
    return found[0] if len(found) == 1 else None


# The registry's own wording of an outlet's report, by which its event is found.
MEDIA_PROBE = "she was interviewed"
# The writer as the hearer or asker of a conversation ("she told me", "told us", "when I spoke
# to him", "I interviewed her"), and a day owning the press ("Tuesday's papers").
_WRITER_TALK_RE = re.compile(
    r"\b(?:told|tells|said\s+to|wrote\s+to|emailed|texted)\s+(?:me|us)\b"
    r"|\b(?:spoke|talked|speaking|talking)\s+(?:to|with)\s+(?:me|us)\b"
    r"|(?<![\w'\u2019])(?:I|[Ww]e)\s+(?:(?:first|last|briefly)\s+)?(?:spoke|talked|interviewed|met)\b")
_PRESS_OWNED_RE = re.compile(r"['\u2019]s\s+(?:[A-Z][\w-]*\s+|[a-z]+\s+){0,2}?"
                             r"(?:papers|newspapers|front\s+pages|headlines|editions|broadcasts|bulletins|press)\b")
# How far from its date the writer's conversation is looked for.
TALK_CHARS = 60


def _in_quotation(text: str, at: int) -> bool:
    """Is position ``at`` inside a quotation (more opening than closing marks before it)?"""
    head = text[:at]
    return head.count('"') % 2 == 1 or head.count("\u201c") > head.count("\u201d")


def press_date(text: str, m, lo: int, hi: int, compiled: list) -> tuple | None:
    """The registry's report event without a reference (``MEDIA_PROBE``) for a date ``m`` whose
    clause ``lo``-``hi`` tells the writer's own conversation (``_WRITER_TALK_RE``, within
    ``TALK_CHARS`` of the date and outside a quotation: inside one, "me" is the speaker), or
    for a weekday that owns the press ("Tuesday's Russian papers": ``_PRESS_OWNED_RE``)."""
    media = next(((ev, label, fact, ref) for ev, label, anchor, _c, fact, ref, *_ in compiled
                  if not fact and anchor.search(MEDIA_PROBE)), None)
    if media is None:
        return None
    if m.group("wd") and _PRESS_OWNED_RE.match(text, m.end()):
        return ((0, 0, None),) + media
    for c in _WRITER_TALK_RE.finditer(text, max(0, lo + 1, m.start() - TALK_CHARS), min(hi, m.end() + TALK_CHARS)):
        if not _in_quotation(text, c.start()):
            return ((0, max(m.start() - c.end(), c.start() - m.end(), 0), c.span()),) + media
    return None


def own_event(text: str, m, clause: tuple, date: str, precision: str, basis: str, future,
              compiled: list, contexts: dict, best: tuple | None, fits, spare: tuple | list = ()) -> tuple | None:
    """The event of date ``m`` told by its own words (``since_state``, ``exact_day``,
    ``future_plan``, ``press_date``), for a date that ``best`` (``events``' binding so far)
    leaves unbound or binds to an event with a reference date it does not fit; None keeps
    ``best``. ``clause``: the date's clause (first, last character)."""
    if precision == "unresolved" or best is not None and not (best[3] and not fits(best[4])):
        return None
    lo, hi = clause
    return (since_state(text, m, contexts, fits)
            or exact_day(text, m, lo, hi, date, precision, basis, compiled)
            or fact_day(text, m, lo, hi, date, precision, basis, list(spare), compiled)
            or future_plan(text, m, lo, hi, future, compiled, contexts, fits)
            or press_date(text, m, lo, hi, compiled))
