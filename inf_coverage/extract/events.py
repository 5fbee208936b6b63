"""Dates and events: dates resolved against publication, event claims and their anchors."""

from __future__ import annotations

import bisect
import datetime as dt
import re

import pandas as pd

from inf_coverage.core.layout import CorpusError
from inf_coverage.extract import eventbinds as binds
from inf_coverage.extract import eventcues as cues
from inf_coverage.extract.eventcues import STATE_SAID_PROBE, pledge_end_cue, state_saying_cue
from inf_coverage.extract.eventdates import _resolve_date, _year_sure
from inf_coverage.ingest.patterns import _pattern_literals, _prefilter_text, check_pattern
from inf_coverage.ingest.registries import load_reference, read_registry
from inf_coverage.ingest.text import _DATE_RE, _MONTHS, _WEEKDAYS, _column_values, _rows

# -- Dates and events -------------------------------------------------------

# A timeline entry: a paragraph that opens with a year and a colon or dash ("2019: The
# United States ..."); its months and days without a year are in that year.
_TIMELINE_YEAR_RE = re.compile(r"\A\s{0,3}(?P<y>19[4-9]\d|20[0-4]\d)\s{0,3}(?::|[\u2013\u2014-]\s)")
# A chronology's line: a date opening its paragraph, then a dash or a colon, then the
# entry's clause ("Feb. 3, 2019 - The minister says ..."); the date is that clause's.
_ENTRY_MARK_RE = re.compile(r"\s{0,3}(?::|[\u2013\u2014-])\s+")


_REFERENCE_DATE_RE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?\Z")

#: An event's anchor spells out each way the event is told (a party leaving the treaty, the
#: treaty's own end), so it may be longer than a frame cue; still bounded.
MAX_EVENT_PATTERN_LENGTH = 700


def load_event_types(path=None, reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """Dated events the checks know (``event_types.csv``): ``event``, ``label``,
    ``anchor`` and ``context`` (regular expressions: a sentence names the event if
    both match; a date in it belongs to the event whose anchor is nearest),
    ``fact_id`` and ``reference_date`` (empty: no reference), ``notes``.

    Raises ``CorpusError`` naming file and row for an anchor or context that
    ``check_pattern`` refuses (an anchor is required; an empty context means any
    sentence), a ``fact_id`` that is not in ``reference`` (``load_reference()`` if
    not given), a ``reference_date`` that is not a date (``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``), and a ``fact_id`` without a ``reference_date``. A file with only
    its header row gives an empty table: no date is attached to an event."""
    path, ev = read_registry("event_types.csv", path,
                             ["event", "label", "anchor", "context", "fact_id", "reference_date"], key="event")
    facts = set((load_reference() if reference is None else reference).fact_id)
    for i, row in ev.iterrows():
        where = f"{path}, row {i + 2} (event {row['event']!r})"
        check_pattern(row["anchor"], where, "anchor", max_length=MAX_EVENT_PATTERN_LENGTH)
        if row["context"]:
            check_pattern(row["context"], where, "context", max_length=MAX_EVENT_PATTERN_LENGTH)
        if row["fact_id"] and row["fact_id"] not in facts:
            raise CorpusError(f"{where}: fact_id {row['fact_id']!r} is not in reference_facts.csv")
        ref = row["reference_date"]
        if ref:
            ok = bool(_REFERENCE_DATE_RE.match(ref))
            if ok:
                try:
                    dt.date.fromisoformat((ref + "-01-01")[:10])
                except ValueError:
                    ok = False
            if not ok:
                raise CorpusError(f"{where}: reference_date {ref!r} is not a date "
                                  "(YYYY, YYYY-MM or YYYY-MM-DD)")
        elif row["fact_id"]:
            raise CorpusError(f"{where}: fact_id {row['fact_id']!r} is given without a reference_date")
    return ev


def _period(date: str, precision: str | None = None) -> tuple:
    """First and last day (``datetime.date``) of an ISO date as ``event_claims`` writes
    it: "2024", "2024-07", "2025-08-01", "2025-W31" (see ``date_period``)."""
    if precision is None:
        precision = "week" if "-W" in date else {4: "year", 7: "month", 10: "day"}[len(date)]
    if precision == "week":
        start = dt.date.fromisocalendar(int(date[:4]), int(date[6:]), 1)
        return start, start + dt.timedelta(days=6)
    if precision == "year":
        return dt.date(int(date[:4]), 1, 1), dt.date(int(date[:4]), 12, 31)
    if precision == "month":
        y, mo = int(date[:4]), int(date[5:7])
        nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
        return dt.date(y, mo, 1), nxt - dt.timedelta(days=1)
    day = dt.date.fromisoformat(date)
    return day, day


def _same_date(claim: str, precision: str, reference: str) -> bool:
    """Does a claimed date agree with a reference date? Yes when the period the claim
    states (a day, an ISO week, a month, a year) and the period the reference allows
    overlap: "August 2019" agrees with 2 Aug 2019, "last week" with a day in that week,
    "2019" with "2019-02"; "2024-06-27" does not agree with "2024-06-28"."""
    c0, c1 = _period(claim, precision)
    r0, r1 = _period(reference)
    return c0 <= r1 and r0 <= c1


# The article's own date, not a claim: a dateline ("[August 06, 2025] MOSCOW (Wire) -",
# "MOSCOW, Aug 5 (Wire) -", "MOSCOW, August 5.") and a short date line ("Published
# Tuesday, August 6, 2019", "By staff | August 5, 2025", "5 Aug 2025, 15:20", "(c) 2025 X").
_DATELINE_BEFORE_RE = re.compile(r"\s{0,3}\[\s{0,3}\Z|\s{0,3}[A-Z][A-Z .'-]{1,30},\s{0,3}\Z"
                                 r"|\s{0,3}(?P<tc>[A-Z][A-Za-z .'-]{1,30}),\s{0,3}\Z")
_DATELINE_AFTER_RE = re.compile(r"\s{0,3}(?:\]\s{0,3}[A-Z][A-Z .'-]{1,30}(?:\([^()\n]{1,60}\))?\s{0,3}[-\u2013\u2014:]"
                                r"|\([^()\n]{1,60}\)\s{0,3}[-\u2013\u2014:]|[./](?:\s|\Z))")
_DATE_LINE_MARK_RE = re.compile(r"\u00a9|\(c\)|\b(?:[Cc]opyright|[Pp]ublished|[Uu]pdated|[Pp]osted|[Pp]rint(?:ed)?"
                                r"|[Ee]dition|[Mm]odified|[Ff]iled)\b|\A\s{0,3}By\b"
                                r"|[|\u00b7\u2022\u2014]|\b\d{1,2}:\d{2}\b|\b[ap]\.m\.")
_LINE_WORD_RE = re.compile(r"[A-Za-z]+")
MAX_DATE_LINE_WORDS = 8
PRINT_DAYS = 7


def _own_date(text: str, m, dates, date: str, precision: str, published) -> bool:
    """Is date match ``m`` of a sentence the article's own date (dateline, printed date
    line, copyright line) rather than a claim about an event?"""
    if m.start() <= 40:
        before = _DATELINE_BEFORE_RE.fullmatch(text, 0, m.start())
        if before is not None:
            after = _DATELINE_AFTER_RE.match(text, m.end())
            # a title-case place ("Moscow, Aug 5") only before a bracketed source and a dash
            if after is not None and not (before.group("tc") and not after.group().lstrip().startswith("(")):
                if not (text[:m.start()].strip() == "[" and not after.group().lstrip().startswith("]")):
                    return True
    if published is None or not date or len(text) > 200:
        return False
    c0, c1 = _period(date, precision)
    # a date line prints the publication date; a marked one ("Printed on", "Updated", a byline)
    # may print a day a few days off it (the print edition's, the last update's)
    near = c0 - dt.timedelta(days=PRINT_DAYS) <= published <= c1 + dt.timedelta(days=PRINT_DAYS)
    if not near:
        return False
    pieces: list[str] = []
    last = 0
    for d in dates:
        pieces.append(text[last:d.start()])
        last = d.end()
    rest = " ".join(pieces + [text[last:]])
    words = _LINE_WORD_RE.findall(rest)
    if len(words) > MAX_DATE_LINE_WORDS:
        return False
    if _DATE_LINE_MARK_RE.search(rest):
        return True
    return c0 <= published <= c1 and not any(w.islower() and len(w) > 2 for w in words)


# Ends of a clause: a date belongs to an event named in its own clause before any
# event named elsewhere in the sentence ("The treaty, signed in 1987, collapsed in 2019").
_CLAUSE_BREAK_RE = re.compile(r"[,;:()\[\]\u2013\u2014\u201c\u201d\"]|\s-\s|\sand\s|\sbut\s")
# Punctuation marks alone: the stretch between two holds an appositive or a participle
# phrase whole ("That treaty, signed by Reagan and Gorbachev in December 1987, lapsed").
_SEGMENT_BREAK_RE = re.compile(r"[,;:()\[\]\u2013\u2014\u201c\u201d\"]|\s-\s")
# Ends of a sentence part (two clauses with their own predicates): a date never takes an
# event named across one ("Witkoff was in Moscow on Wednesday, as the deadline approaches
# on Friday": Wednesday is not the deadline's).
_PART_BREAK_RE = re.compile(r";|,\s(?:and|as|while|whereas)\s|\sbut\s")

# A negation just before an event's word ("was not withdrawn", "has never been signed",
# "didn't suspend"): the sentence denies the event, so none of its dates is that event's.
_NEGATED_BEFORE_RE = re.compile(
    r"\b(?:not|never|n['\u2019]t)\s+(?:(?:been|be|yet|ever|since|formally|actually)\s+){0,2}\Z", re.I)

# A withdrawing verb with a direct object of its own ("withdrew its ambassador", "withdraw
# the offer", "withdrawing two battalions") is about that object, not a party leaving a
# treaty ("withdrew from the treaty", "withdrew in August"); the treaty itself as the object
# still counts.
_WITHDRAW_VERB_RE = re.compile(r"withdr(?:ew|aw|aws|awing)", re.I)
_OTHER_OBJECT_RE = re.compile(
    r"\s+(?:its|the|his|her|their|a|an|some|all|two|three|several|[0-9]+)\s+"
    r"(?!(?:INF|Intermediate|treaty|agreement|accord|pact|1987|Soviet|Cold)\b)[A-Za-z]", re.I)


# A suspending verb whose object is a treaty named by another name ("suspended its
# participation in New START", "suspended the CFE Treaty") is about that treaty.
_SUSPEND_VERB_RE = re.compile(r"suspend\w*", re.I)
_OTHER_TREATY_RE = re.compile(
    r"\s+(?:(?:its|their|the)\s+)?(?:(?:own\s+)?(?:participation|obligations|membership|compliance)\s+"
    r"(?:in|under|with)\s+)?(?:the\s+)?(?!INF\b|Intermediate|Treaty\b|[A-Z][\w.-]*['\u2019]s\s|(?:"
    + "|".join(m[:3] for m in _MONTHS) + ")|(?:" + "|".join(_WEEKDAYS) + r"))[A-Z]")


# A party leaving something named by a name of its own ("withdrew from the ABM Treaty",
# "pulled out of the Paris accord", "withdrew from Syria", "the Treaty on Open Skies") leaves that, not the INF Treaty;
# and a treaty named by another name ("the CFE treaty collapsed") is that one. The INF
# Treaty's own names (and "Soviet", "Cold War" before them) do not count.
_INF_NAMES = (r"(?:INF|Intermediate|Nuclear|Forces|Range|Treaty|1987|Soviet|Cold|Reagan|Gorbachev"
              r"|US|U\.S\.|American|Russian?)\b")
_LEAVING_RE = re.compile(r"withdr|pull", re.I)
_OTHER_NAMED_RE = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?(?:(?!" + _INF_NAMES + r")[A-Z]"
                             r"|Treaty\s+(?:on|of)\s+(?:the\s+)?(?!Elimination\b|Intermediate)[A-Z])")
_TREATY_WORD_RE = re.compile(r"(?:treaty|pact)\b", re.I)
_OTHER_NAME_BEFORE_RE = re.compile(r"(?<![\w.-])(?!" + _INF_NAMES + r"|(?:The|That|This|Its|Their|A|An)\b)"
                                   r"[A-Z][\w-]*\s+\Z")


def _is_future(date: str, precision: str, basis: str, published) -> bool:
    """Does a claimed date lie after the publication date ("next year", "from 2026",
    "later this year", a weekday in the future tense)?"""
    if "future" in basis:
        return True
    return _period(date, precision)[0] > published


def _nearest_anchor(starts: list, spans: list, own, at: int, end: int, lo: int, hi: int):
    """(characters, anchor span) of the anchor nearest a date at ``at``-``end`` that lies
    after ``lo`` and ends by ``hi``: among ``spans`` (sorted, not overlapping; ``starts``
    their starts) only the nearest on each side can be nearest, found by bisection,
    and among ``own`` (anchors inside the date itself) every one. None if there is none."""
    best = None
    i = bisect.bisect_left(starts, at)
    for j in (i - 1, i - 2):            # before the date (the second, if the first runs past hi)
        if j < 0:
            break
        a_s, a_e = spans[j]
        if a_s <= lo:
            break
        if a_e <= hi:
            best = (max(at - a_e, 0), spans[j])
            break
    if i < len(starts):                 # at or after the date
        a_s, a_e = spans[i]
        if a_e <= hi:
            d = max(a_s - end, 0)
            best = (d, spans[i]) if best is None or d < best[0] else best
    for a_s, a_e in own:
        if lo < a_s and a_e <= hi:
            best = (0, (a_s, a_e))
    return best


def _bind_by_fit(text: str, contexts: dict, loose: list, m, lo: int, hi: int, date: str, precision: str,
                 future, open_sentence: bool, pronoun: bool, skip: tuple | None = None):
    """(event, label, fact_id, reference_date) of the one event a date binds to by its fit alone,
    or None: when no event's anchor is in the date's own clause (``lo``-``hi``), or the one
    there does not fit the date ("the ministry said the moratorium it declared in 2019 ...").
    First the event whose context is named nearest the date in that clause, if the date fits it
    ("Russia declared the moratorium in 2019, after the United States withdrew"); then, with no
    event in reach at all (``open_sentence``), the one event the date fits among those whose
    anchor the sentence names without their context, when a pronoun may stand for it
    (``pronoun``: "signed it on 8 December 1987", not "the US suspended its obligations on 2
    February 2019") or the sentence before names its context (``leans``: "The Oreshnik is new.
    Russia fired one at Dnipro in November 2024"); a day or month only: a year alone is too weak
    a coincidence; else the one event the date fits whose context the sentence names ("the US
    left on 2 August 2019"). Neither when a name (a capitalised context word) of an event the
    date does not fit stands between the date and the fitting event's context, after the date
    ("On 2 February 2019 the U.S. gave Russia six months": not Russia's suspension).
    ``contexts``: event -> (context spans, label, fact_id, reference_date, future?); ``loose``:
    (event, label, fact_id, reference_date, future?, leans?). A date bound so agrees."""
    def fit(ref, ev_future):
        return _same_date(date, precision, ref) and not (
            future is not None and ev_future is not None and future != ev_future)

    def gap(spans, lo_, hi_):
        # only the spans next to the date can be nearest (sorted by start: bisection)
        i = bisect.bisect_left(spans, (m.start(),))
        gaps = [max(c0 - m.end(), m.start() - c1, 0) for c0, c1 in spans[max(0, i - 2):i + 2]
                if lo_ < c0 and c1 <= hi_ and not (skip is not None and skip[0] <= c0 < skip[1])]
        return min(gaps) if gaps else None

    def nearest(lo_, hi_):
        # the one event the date fits, by its context nearest the date in lo_-hi_, unless the
        # name (a capitalised context word) of an event the date does not fit stands between
        # the date and that context after the date: the actor of "On 2 February 2019 the U.S.
        # gave Russia six months" is the US, whose withdrawal the date does not fit
        gaps = [(g, fit(ref, evf), ev, label, fact, ref, spans)
                for ev, (spans, label, fact, ref, evf) in contexts.items()
                if (g := gap(spans, lo_, hi_)) is not None]
        fitting = sorted(e for e in gaps if e[1])
        if not fitting or (len(fitting) > 1 and fitting[0][0] == fitting[1][0]):
            return []
        g0 = fitting[0][0]
        if any(not ok and g < g0 and any(c0 >= m.end() and c0 - m.end() == g and text[c0:c0 + 1].isupper()
                                         and not text[c1:c1 + 1].isalpha() for c0, c1 in spans)
               for g, ok, *_, spans in gaps) and any(c0 >= m.end() and c0 - m.end() == g0 for c0, _ in fitting[0][6]):
            return []
        return [(0,) + fitting[0][2:6]]

    near = nearest(lo, hi)
    if not near and open_sentence:
        near = [(0, ev, label, fact, ref) for ev, label, fact, ref, evf, leans in loose
                if precision in ("day", "month") and (pronoun or leans) and fit(ref, evf)]
        if len(near) > 1:
            near = []
        if not near:
            near = nearest(-1, 10 ** 12)
    return tuple(near[0][1:]) if near else None


# "after"/"following"/"before" right after a date opens a phrase naming another event (up to
# the next clause mark): "Russia made the pledge in 2019, after the treaty collapsed, ...".
_AFTER_DATE_RE = re.compile(r",?\s+(?:(?:shortly|soon|just|only|right|long)\s+)?(?:after|following|before)\s", re.I)
_WHEN_AFTER_DATE_RE = re.compile(r",\s+(?:when|as)\s", re.I)
_AFTER_PHRASE_END_RE = re.compile(r"[,;:()\[\]\u2013\u2014]|\s-\s")
# A date right before "that" ("said on Monday that ...", "wrote on X on Monday evening that ...")
# in a clause with a verb of saying before it.
_THAT_AFTER_RE = re.compile(r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+that\b", re.I)
_WHO_RE = re.compile(r"\b(?:who|which|whom|whose)\b", re.I)
_SAYING_RE = re.compile(r"\b(?:said|says|told|tells|wrote|writes|posted|posts|stated|declared|announced|warned"
                        r"|added|argued|claimed|insisted|noted)\b", re.I)


# "and" right after a date opens the next conjunct ("was signed in Washington in December
# 1987 and collapsed when ...", "signed in 1987 and the US left in 2019"): its event is not
# the date's. Not "and" before another date ("between 1987 and 2019").
_AND_AFTER_DATE_RE = re.compile(r",?\s+and\s+(?!(?:(?:in|on|by|again|then|later|early|late|mid)\s+)*"
                                r"(?:\d|(?:" + "|".join(m[:3] for m in _MONTHS) + r")))", re.I)


def _after_phrase(text: str, m, fronted: bool = False) -> tuple | None:
    """(first, last) character of an "after ..." phrase right after date match ``m``
    (``_AFTER_DATE_RE``), of the conjunct an "and" right after it opens
    (``_AND_AFTER_DATE_RE``), or, for a date fronting its sentence (``fronted``), of the "when"
    or "as" clause right after it ("In 2019, when the US left, Moscow declared ...": the date
    is the main clause's), up to the next clause mark; None if there is none."""
    a = _AFTER_DATE_RE.match(text, m.end()) or _AND_AFTER_DATE_RE.match(text, m.end()) \
        or (_WHEN_AFTER_DATE_RE.match(text, m.end()) if fronted else None)
    if a is None:
        return None
    end = _AFTER_PHRASE_END_RE.search(text, a.end())
    return a.start(), end.start() if end else len(text)


def _nearest_event(candidates: list, k: int, m, lo: int, hi: int, seg: tuple, p_lo: int, p_hi: int,
                   since: bool, future, skip: tuple | None):
    """((tier, characters, anchor span), event, label, fact_id, reference_date) of the event
    whose anchor is nearest date ``m`` (the ``k``-th of its sentence): in its clause ``lo``-``hi``
    (tier 0), else in its stretch between punctuation marks ``seg`` (tier 1), else in its
    sentence part ``p_lo``-``p_hi`` (tier 2; neither for a "since" date);
    anchors in ``skip`` (an "after ..." phrase) do not count. None if there is none."""
    best: tuple | None = None
    for a_starts, free, own, ev, label, fact, ref_date, event_future in candidates:
        if future is not None and event_future is not None and future != event_future:
            continue        # a plan is not dated in the past, nor a past event in the future
        if skip is not None:
            free = [a for a in free if not skip[0] <= a[0] < skip[1]]
            a_starts = [a for a, _ in free]
        # an anchor inside another date ("the 1987 treaty ... in 2019") is not this date's
        mine = own.get(k, ())
        d = _nearest_anchor(a_starts, free, mine, m.start(), m.end(), lo, hi)
        d = (0, d[0], d[1]) if d is not None else None
        if d is None and not since:
            # the date's stretch between punctuation marks ("That treaty, signed by Reagan and
            # Gorbachev in December 1987, lapsed ..."), then its sentence part
            for tier, (a, b) in ((1, seg), (2, (p_lo, p_hi))):
                d = _nearest_anchor(a_starts, free, mine, m.start(), m.end(), max(a, p_lo), min(b, p_hi))
                if d is not None:
                    d = (tier, d[0], d[1])
                    break
        if d is None:
            continue
        if best is None or d[:2] < best[0][:2]:
            best = (d, ev, label, fact, ref_date)
    return best


def event_claims(sents: pd.DataFrame, articles: pd.DataFrame | None = None,  # noqa: C901
                 event_types: pd.DataFrame | None = None,
                 reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every date in the corpus with the event it is attached to and its check.

    Dates: "June 28, 2020", "Nov. 21, 2024", "21 November 2024", "on June 28", "4
    August", "February 2020", "2019", "in June", weekdays ("on Monday") and relative
    dates ("last/this/next week, month or year", "later this year", "earlier this
    month", "last fall", "October last year", "Nov. 12 last year", and "last November" or
    "next March" where the year is certain: ``_relative_month``); days, months, weekdays and relative dates are resolved
    against the article's ``published`` date, taken from ``articles`` (without it, or
    without a date, they stay "unresolved"), or, in a timeline entry that opens with
    a year ("2019: ..."), in that year. The article's own date (dateline, printed date
    line, copyright line) is not a claim and is left out.

    Each date belongs to an event of ``event_types.csv`` whose anchor and context
    match the sentence: one whose anchor lies in the date's own clause first, then in
    its stretch between punctuation marks (an appositive or participle phrase whole,
    "and" and all), else the one whose anchor is nearest (fewest characters between them) in the same part
    of the sentence (parts end at ";", ", as", ", while", "but"; a date fronting the
    sentence, "On Aug. 4, while ...", reaches past the first such end to its main clause); an anchor
    inside another date does not count, and a "since" date takes only an event named
    just before it in its own clause ("in place since 2019"); an anchor in an "after ..."
    phrase right after the date names an earlier event, not the date's ("the pledge made
    in 2019, after the treaty collapsed"), nor does one in the conjunct an "and" right after
    the date opens ("signed ... in December 1987 and collapsed when ..."); a date right before "that" in a clause with a
    verb of saying dates the saying, so an event named before it comes first ("Medvedev
    wrote on Monday that the ministry's decision ..."). With a publication date, a date after it belongs
    only to an event after it (a plan) and a date before it only to an event before
    it, so an article about 2019 is compared with the events of 2019. When no event's
    anchor is in the date's clause, or the one there does not fit the date, the date takes
    the one event whose reference date it fits (``_bind_by_fit``): named by its context in
    the clause, else (with no event in reach) by its anchor with a pronoun or the sentence before for its context
    or by its context anywhere in the sentence. A date a plan named there does not fit but the
    plan's announcement (the same fact) does, with a word of saying, is the announcement's
    ("On 10 July 2024 they said the missiles would come from 2026": ``announced_plan``).
    A date fronting its sentence before a "when" or "as" clause dates the main clause's event
    when that names one. A day or week in a sentence that names no event at all takes the one
    event the paragraph's sentence before names whose reference date it fits ("Trump moved the
    submarines. That was only last Friday."). A date so left unbound, or bound to an event it does not
    fit, takes the event its own clause tells (``eventbinds.own_event``): "since 2019" after a state's
    noun, a printed day equal to a reference day, a plan's verb with a future date, the writer's interview;
    a day or month before "that year" is in the year printed before it (``eventbinds.that_year``).

    The verdict is "agrees" when the period the outlet's date states (day, week,
    month, year) overlaps the reference date's, "conflicts" only when it lies wholly
    outside it and the date is firmly the event's: its year is written in the text, or it
    is a day and month resolved from the publication date that cannot be in another year
    (within ``SURE_YEAR_DAYS`` of the reference: ``_year_sure``; never a weekday or "last
    week"), it is not the article's
    own date, no other event the sentence names fits it (that event then takes the
    date, "agrees"), and the event's words are in the date's own clause, not governed by a
    modal or a word of intent, and the date is not far from an event of the article's own
    news (``_firm``); a chronology's line ("Feb. 3, 2019 - The ministry ...") has for the
    date's clause the clause after its dash or colon, and conflicts only when that clause names
    the event and no other (``_entry_clause``). A date that would conflict but is not firmly
    bound is "unlinked", which no finding counts as a conflict: a false alarm costs more than a miss.

    Columns: ``article_id``, ``outlet``, ``sentence_id``, ``start``, ``end``,
    ``surface``, ``date`` (ISO, as precise as the text), ``precision``, ``basis``,
    ``event``, ``label``, ``fact_id``, ``reference_date``, ``verdict`` ("agrees",
    "conflicts", "unlinked", "no reference", "unresolved") and ``source`` (the reference's).
    """
    reference = load_reference() if reference is None else reference
    event_types = load_event_types(reference=reference) if event_types is None else event_types
    sources = dict(zip(reference.fact_id, reference.source_title))
    published = {} if articles is None else {
        a: (dt.date.fromisoformat(p) if p else None) for a, p in zip(articles.article_id, articles.published)}
    compiled = [(r.event, r.label, re.compile(r.anchor, re.I),
                 re.compile(r.context, re.I) if r.context else None, r.fact_id, r.reference_date,
                 _period(r.reference_date)[0] if r.reference_date else None)
                for r in event_types.itertuples()]
    spare = binds.spare_facts(zip(reference.fact_id, reference.claim, reference.unit_or_date), compiled)
    state = next(((ev, label, fact, ref) for ev, label, anchor, _, fact, ref, _ in compiled
                  if fact and anchor.search(STATE_SAID_PROBE)), None)   # the state's own statement
    leaving = next(((ev, label, fact, ref) for ev, label, anchor, _, fact, ref, _ in compiled
                    if fact and anchor.search(cues.LEAVING_PROBE)), None)    # the treaty's leaving
    # each event type's required literals: those of its anchor, those of its context
    # (absent when the pattern requires none); a sentence must hold one of each
    # (None: the pattern requires none)
    literals = [tuple(frozenset(need) if need else None
                      for need in (_pattern_literals(anchor.pattern, anchor.flags),
                                   None if context is None else _pattern_literals(context.pattern, context.flags)))
                for _, _, anchor, context, *_ in compiled]
    every_literal = sorted({w for needs in literals for need in needs if need for w in need})
    paragraphs = sents["paragraph_id"] if "paragraph_id" in sents.columns else pd.Series(range(len(sents)), index=sents.index)  # noqa: E501
    rows = []
    timeline = {}                      # (article, paragraph) -> the year its entry opens with
    last: dict = {}                    # (article, paragraph) -> its latest sentence
    for (aid, outlet, sid, base, text), para in zip(
            _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]), _column_values(paragraphs)):
        key = (aid, para)
        line_head = key not in timeline     # the paragraph's first sentence
        if key not in timeline:
            head = _TIMELINE_YEAR_RE.match(text)
            timeline[key] = int(head.group("y")) if head else None
        before, last[key] = ("" if line_head else last.get(key, "")), text   # the paragraph's sentence before
        dates = list(_DATE_RE.finditer(text))
        if not dates:
            continue
        pub = published.get(aid)
        breaks = [b.start() for b in _CLAUSE_BREAK_RE.finditer(text)]
        marks = [b.start() for b in _SEGMENT_BREAK_RE.finditer(text)]
        pronoun = bool(_PRONOUN_RE.search(text))
        parts = [b.start() for b in _PART_BREAK_RE.finditer(text)]
        heading = _TIMELINE_YEAR_RE.match(text)
        candidates = []
        loose = []              # events whose anchor the sentence names but not their context ("signed it")
        contexts = {}           # event -> spans of its (non-empty) context in the sentence
        starts = [d.start() for d in dates]
        low = _prefilter_text(text)
        held = None if low is None else {w for w in every_literal if w in low}
        for (ev, label, anchor, context, fact, ref_date, ref_start), needs in zip(compiled, literals):
            # an event whose anchor or context needs a literal the sentence lacks cannot
            # match here (see _required_literals)
            no_anchor, no_context = (held is not None and need is not None and held.isdisjoint(need)
                                     for need in needs)
            if no_anchor and no_context:
                continue
            event_future = None if ref_start is None or pub is None else ref_start > pub
            if context is not None:
                spans = [] if no_context else [(c.start(), c.end()) for c in context.finditer(text)]
                if not spans:
                    if fact and not no_anchor and any(not a.group().isupper() for a in anchor.finditer(text)):
                        # (an anchor word in capitals is a name, "New START", not the event's verb)
                        loose.append((ev, label, fact, ref_date, event_future,
                                       bool(before) and bool(context.search(before))))
                    continue
                if fact:
                    contexts[ev] = (spans, label, fact, ref_date, event_future)
            if no_anchor:
                continue
            free: list = []      # anchors outside any date; anchors inside date k
            own: dict = {}
            for a in anchor.finditer(text):
                if _NEGATED_BEFORE_RE.search(text, max(0, a.start() - 40), a.start()):
                    continue    # "was not withdrawn": the event's word denied is not the event
                if _WITHDRAW_VERB_RE.fullmatch(a.group()) and _OTHER_OBJECT_RE.match(text, a.end()) \
                        or cues.other_state_leaving(text, a, context) or cues.signed_other(text, a) \
                        or cues.other_agreement_left(text, a):
                    continue    # "withdrew its ambassador", "Moscow withdrew", "signed a law": another object or party
                if _SUSPEND_VERB_RE.fullmatch(a.group()) and _OTHER_TREATY_RE.match(text, a.end()):
                    continue    # "suspended its participation in New START": another treaty
                if _OTHER_NAMED_RE.match(text, a.end()) and _LEAVING_RE.match(a.group()) \
                        or _TREATY_WORD_RE.match(a.group()) and _OTHER_NAME_BEFORE_RE.search(text, 0, a.start()):
                    continue    # "withdrew from the ABM Treaty", "the CFE treaty collapsed": another treaty
                k = bisect.bisect_right(starts, a.start()) - 1
                if len(dates) > 1 and k >= 0 and a.start() < dates[k].end():
                    own.setdefault(k, []).append((a.start(), a.end()))
                else:
                    free.append((a.start(), a.end()))
            if free or own:
                candidates.append(([s for s, _ in free], free, own, ev, label, fact, ref_date, event_future))
        context_ok = {c[3] for c in candidates} | {ev for ev, _, _, context, *_ in compiled
                                                    if context is None}
        for k, m in enumerate(dates):
            told = binds.that_year(text, m, before)     # "on 10 July that year": the year named before it
            date, precision, basis = _resolve_date(m, pub, text, told or timeline[key])
            basis = binds.THAT_YEAR_BASIS if told and precision != "unresolved" else basis
            if _own_date(text, m, dates, date, precision, pub):
                continue
            future = None if pub is None or precision == "unresolved" else _is_future(date, precision, basis, pub)
            # the date's own clause: from the break before it to the break after it
            i = bisect.bisect_left(breaks, m.start())
            lo = breaks[i - 1] if i > 0 else -1
            j = bisect.bisect_left(breaks, m.end())
            hi = breaks[j] if j < len(breaks) else len(text)
            if heading is not None and m.start() == heading.start("y"):
                p_lo, p_hi = -1, len(text)          # a timeline entry's year: the whole entry
            else:
                i = bisect.bisect_left(parts, m.start())
                p_lo = parts[i - 1] if i > 0 else -1
                j = bisect.bisect_left(parts, m.end())
                p_hi = parts[j] if j < len(parts) else len(text)
                if p_hi == m.end() and p_lo < 0 and _FRONTED_RE.fullmatch(text, 0, m.start()):
                    # "On Aug. 4, while most offices were shut, the ministry announced ...": a
                    # date fronting the sentence dates its main clause, past the "while" clause
                    p_hi = parts[j + 1] if j + 1 < len(parts) else len(text)
            i = bisect.bisect_left(marks, m.start())
            j = bisect.bisect_left(marks, m.end())
            seg = (marks[i - 1] if i > 0 else -1, marks[j] if j < len(marks) else len(text))
            # "since 2019" starts a state that lasts until now: it dates only the event
            # named just before it in its clause ("in place since 2019")
            since = text.endswith("since ", 0, m.start()) or text.endswith("Since ", 0, m.start())
            if since:
                lo, hi = max(lo, m.start() - 40), min(hi, m.end())
            # an earlier event in an "after ..." phrase right after the date is not the date's
            # ("the pledge made in 2019, after the treaty collapsed, ...")
            skip = _after_phrase(text, m) or cues.lead_phrase(text, m)
            # a fronted date's "when" clause, skipped only while the main clause names an event
            fronted = lo < 0 and bool(_FRONTED_RE.fullmatch(text, 0, m.start()))
            when = None if skip else _after_phrase(text, m, fronted=fronted)
            best: tuple | None = None
            if _THAT_AFTER_RE.match(text, m.end()) and _SAYING_RE.search(text, lo + 1, m.start()) \
                    and not _WHO_RE.search(text, lo + 1, m.start()):
                # "wrote on Monday that the ministry's decision ...": the date is the saying's,
                # named before it, not an event's named in what was said
                # (not in a relative clause: "Trump, who announced last week that he ordered ...")
                best = _nearest_event(candidates, k, m, lo, min(hi, m.end()), (seg[0], min(seg[1], m.end())),
                                      p_lo, min(p_hi, m.end()), since, future, skip)
            if best is None and when is not None:
                best = _nearest_event(candidates, k, m, lo, hi, seg, p_lo, p_hi, since, future, when)
                skip = when if best is not None else skip
            if best is None:
                best = _nearest_event(candidates, k, m, lo, hi, seg, p_lo, p_hi, since, future, skip)
            if precision != "unresolved" and (best is None or best[0][0] > 0 or (
                    not best[3] or not _same_date(date, precision, best[4]))):
                fitted = _bind_by_fit(text, contexts, loose, m, lo, hi, date, precision, future,
                                      open_sentence=best is None and not since,
                                      pronoun=pronoun, skip=skip)
                if fitted is not None:
                    best = ((0, 0, None),) + fitted
            # "the 2019 withdrawal": an event's anchor right after the date is that date's event,
            # whatever else the sentence names
            after = _ADJACENT_RE.match(text, m.end())
            if after:
                adjacent = [(ev_ in context_ok, ev_, label_, fact_, ref_)
                            for ev_, label_, anchor_, context_, fact_, ref_, rs_ in compiled
                            if anchor_.match(text, after.end()) and not (   # a past day names no plan, nor the reverse
                                future is not None and rs_ is not None and pub is not None and (rs_ > pub) != future)]
                # an event whose context the sentence also names first ("Monday's announcement":
                # the ministry's, not a US one); else any ("the 2019 withdrawal")
                adjacent.sort(key=lambda x: not x[0])
                if adjacent:
                    best = (None,) + adjacent[0][1:]
                elif m.group("wd") and _POSSESSIVE_RE.match(text, m.end()):
                    # "Monday's statement": the day dates the thing it owns, which names no
                    # event here; not another event the sentence names (the same-day pass
                    # may give it the one event the article dates that day)
                    best = None
            if state is not None and precision != "unresolved" and _same_date(date, precision, state[3]) \
                    and not any(c[5] and _same_date(date, precision, c[6]) for c in candidates):
                # "what Moscow announced on Monday", "that pledge is gone": weak cues, for a date no named event fits
                cue = state_saying_cue(text, m, p_lo, p_hi) or pledge_end_cue(text, m, p_lo, p_hi)
                best = ((0, 0, cue),) + state if cue is not None else best
            if precision != "unresolved" and (best is None or best[3] and not _same_date(date, precision, best[4])):
                plans = [c[3:7] + (c[1] + [a for k_, s_ in c[2].items() if k_ != k for a in s_],)
                         for c in candidates if best is None or c[3] == best[1]]
                # "they said on 10 July 2024 the missiles would come"; "On 10 July 2024, they said ..."
                whole = best is not None or lo < 0 and _FRONTED_RE.fullmatch(text, 0, m.start())
                best = cues.announced_plan(plans, compiled, text, *((p_lo, p_hi) if whole else (lo, hi)),
                                      lambda ref, d=date, p=precision: _same_date(d, p, ref)) or best
            cue = cues.left_it_cue(text, m) if leaving is not None and leaving[0] in contexts else None
            if cue is not None and leaving is not None:     # "Washington left it in 2019"
                best = ((0, 0, cue),) + leaving
            elif precision != "unresolved":     # "The moratorium was a pledge. Putin offered it in 2019"
                best = cues.it_told_before(text, m, before, compiled, lambda r, d=date, p=precision: _same_date(d, p, r)) or best  # noqa: E501
            if best is None and before and precision in ("day", "week") and not candidates and not contexts \
                    and not loose:
                # a day that names no event and leans on the sentence before ("That was only last
                # Friday."): the one event that sentence names whose reference date the day fits
                leant = [e for e in _named_events(before, compiled)
                         if _same_date(date, precision, e[3]) and not (future is not None and e[4] is not None
                                                                       and future != e[4])]
                best = ((0, 0, None),) + leant[0][:4] if len(leant) == 1 else None
            if best is None and state is not None and precision == "day" and date == state[3] and not candidates \
                    and cues.tells_the_news(text):
                best = ((0, 0, None),) + state      # "What Russia gave up on Monday": the statement's day
            best = binds.own_event(text, m, (lo, hi), date, precision, basis, future, compiled, contexts, best,
                                   lambda r, d=date, p=precision: _same_date(d, p, r), spare) or best  # "since 2019"
            ev, label, fact, ref_date = best[1:] if best else ("", "", "", "")
            if precision == "unresolved":
                verdict = "unresolved"
            elif not fact:
                verdict = "no reference"
            else:
                verdict = "agrees" if _same_date(date, precision, ref_date) else "conflicts"
            if verdict == "conflicts":
                # a conflict is a finding a reader sees: stated only when the date is firmly
                # this event's. Another event the sentence names that the date fits takes it
                # ("the plan agreed at the NATO summit on 10 July 2024"); a date whose year the
                # text does not write, or the article's own date, is "unlinked"
                fits = [c for c in candidates if c[5] and _same_date(date, precision, c[6])
                        and not (future is not None and c[7] is not None and future != c[7])]
                if fits:
                    ev, label, fact, ref_date = fits[0][3], fits[0][4], fits[0][5], fits[0][6]
                    verdict = "agrees"
                elif not (basis == "printed" or _year_sure(date, precision, basis, ref_date, pub)) \
                        or (pub is not None and date == pub.isoformat()):
                    verdict = "unlinked"
                else:
                    entry = _entry_clause(text, m) if line_head else None
                    where = best[0] if best is not None else None
                    if entry is not None and where is not None and where[2] is not None \
                            and m.start() <= where[2][0] and where[2][1] <= m.end():
                        # the entry's date holds the event's word itself ("Dec. 9, 1987 - ... sign
                        # the treaty"): the entry's clause must name the event too
                        inside = [a for c in candidates if c[3] == ev for a in c[1]
                                  if entry[0] <= a[0] and a[1] <= entry[1]]
                        where = (0, 0, inside[0]) if inside else where
                    if best is not None and not _firm(text, m, where, date, precision, ref_date, pub, entry) \
                            or cues.signs_other_in(text, *(entry or (p_lo, p_hi))):
                        verdict = "unlinked"    # (or the date is a decree's signed about the event)
                    elif entry is not None and any(
                            c[3] != ev and any(entry[0] <= a0 and a1 <= entry[1] for a0, a1 in c[1])
                            for c in candidates):
                        # a chronology's entry that names two events ("signs a decree suspending
                        # the treaty") does not say which one its date is
                        verdict = "unlinked"
            # "in June": the surface keeps the preposition the lookbehind left out
            start = text.rfind(" ", 0, m.start() - 1) + 1 if m.group("mo") else m.start()
            rows.append((aid, outlet, sid, base + start, base + m.end(), text[start:m.end()], date, precision,
                         basis, ev, label, fact, ref_date, verdict, sources.get(fact, "")))
    return pd.DataFrame(_one_date_an_event(_same_day_same_event(rows, sources, state[0] if state else None)),
                        columns=["article_id", "outlet", "sentence_id", "start", "end", "surface",
                                 "date", "precision", "basis", "event", "label", "fact_id",
                                 "reference_date", "verdict", "source"])


def _named_events(text: str, compiled: list) -> list:
    """(event, label, fact_id, reference_date, None) of each event with a reference date whose
    anchor and context (if it has one) both match ``text``."""
    return [(ev, label, fact, ref, None) for ev, label, anchor, context, fact, ref, _ in compiled
            if fact and ref and anchor.search(text) and (context is None or context.search(text))]


# A date that fronts its sentence, with its preposition alone before it ("On Aug. 4, ...").
_FRONTED_RE = re.compile(r"\s{0,3}(?:(?:On|In|By|Early|Late)\s+(?:on\s+|in\s+)?)?")
# A personal pronoun that may stand for an event's missing context ("signed it", "he told", "we left").
_PRONOUN_RE = re.compile(r"\b(?:it|he|she|they|him|them|we)\b", re.I)
_ADJACENT_RE = re.compile(r"['\u2019]?s? ")
_POSSESSIVE_RE = re.compile(r"['\u2019]s\s+[a-z]")
# An event's word governed by a modal or a word of intent or notice is a plan, not the
# event: "announced on 4 December 2018 that it would withdraw", "gave notice of withdrawal",
# "decided to pull out" (but "called for Russia to resume production": the call is the event).
_INTENT_BEFORE_RE = re.compile(
    r"(?:\b(?:would|will|could|might|may|shall|'d)\s+(?:\w+ly\s+)?(?:not\s+)?(?:be\s+)?"
    r"|\b(?:announc\w*|notice|notif\w*|intention|intent|intends?|plans?|planned|decided|decision|"
    r"threat\w*|vow\w*|pledg\w*|promis\w*)\s+(?:of\s+|to\s+)?(?:its\s+|the\s+|a\s+|their\s+)?"
    r"(?:formal\s+|planned\s+)?)\Z", re.I)
# An event's word as the object of a verb that starts a process, or naming a process, is
# a step of the event, not the event the reference dates: "launched the withdrawal
# procedure", "began the process of pulling out", "triggered the exit clause", "set the
# withdrawal in motion" (the notice, not the day it took effect).
_PROCESS_BEFORE_RE = re.compile(
    r"\b(?:launch\w*|beg[aiu]n\w*|start\w*|initiat\w*|trigger\w*|open\w*|set|sets|setting|invok\w*)"
    r"\s+(?:the|its|a|an|their|his|her)\s+(?:formal\s+|legal\s+|six-month\s+)?"
    r"(?:(?:process|procedure|proceedings|countdown|clock)\s+(?:of|for|to)\s+(?:the\s+|its\s+)?)?\Z", re.I)
_PROCESS_AFTER_RE = re.compile(r"(?:\s+(?:from|of)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,3}?)?"
                               r"\s+(?:procedure|process|proceedings|clause|mechanism|countdown|clock|notice)s?\b"
                               r"|\s+in\s+motion\b", re.I)
# An event's words that open with a modal or "not to" ("would not deploy ... until", "not to
# deploy ... until") tell a stance, which a speaker may restate in any year: a date of such
# words may agree with the event, never firmly conflict with it.
_MODAL_ANCHOR_RE = re.compile(r"(?:would|will|won['\u2019]t|shall|could|might|not\s+to)\b", re.I)
# An event's word that is only a noun of saying ("the announcement on 8 August", "the
# announcement by the Belarusian authorities on 8 August") names some announcement, whoever
# made it: a date of it may agree with the event, never firmly conflict with it.
_BARE_SAYING_RE = re.compile(r"(?:announcements?|statements?|declarations?)", re.I)
# Ends of a clause for a conflict: a date conflicts only with an event whose words are in
# its own clause ("The treaty, which the leaders signed in 1988, ..."; "said on Tuesday
# (Aug 5)": the day in brackets names no event). Quotation marks do not end one.
_FIRM_BREAK_RE = re.compile(r"[,;()\[\]]|\s[-\u2013\u2014]\s|\u2014"
                            r"|\b(?:while|whereas|after|when|before|although|though|because|but"
                            r"|which|who|whom|whose)\b")
# A relative clause holding the event's word and not the date: "reversed course in 2019 on
# the treaty that Reagan signed"; "the treaty that Reagan signed was abandoned in 2018" (a
# finite auxiliary after the event's word ends the relative clause). A "that" right after
# the date or after a verb of saying opens what was said then ("told reporters in June 2024
# that ...", "on 28 June, Putin announced that ..."): not one.
_RELATIVE_RE = re.compile(r"\b(?:that|which|who|whom)\b", re.I)
_SAID_THAT_RE = re.compile(r"\b(?:said|says|say|told|tells?|announc\w*|stat(?:ed|es)|declar\w*|warn\w*|wr[io]tes?"
                           r"|noted|notes|add(?:ed|s)|argu\w*|claim\w*|insist\w*|recall\w*|report\w*|confirm\w*"
                           r"|signal\w*|suggest\w*|indicat\w*|reveal\w*|acknowledg\w*|admit\w*|explain\w*)"
                           r"(?:\s+[\w']+){0,2}\s+\Z", re.I)
_OTHER_PREDICATE_RE = re.compile(r"\b(?:was|were|is|are|has|have|had|will|would|did|does|do)\b", re.I)
_CLAUSE_WORD_RE = re.compile(r"[A-Za-z]{2,}")
# A date that ends (or bounds) a period ("worked at the ministry until 2021", "up to 2020")
# dates a state lasting to it, not the event: never firm for a conflict.
_UNTIL_BEFORE_RE = re.compile(r"\b(?:until|till|up to|up until|through)\s+(?:(?:early|late|mid-?)\s*)?\Z", re.I)
# An event of the article's own news (its reference date this close to the publication
# date) is not misdated by a date further than this from it: "in 2024, the ministry
# warned ..." is an earlier statement of the same ministry.
NEWS_DAYS = 31
# An event's words further than this from a date are not firmly its event's.
MAX_FIRM_CHARS = 150


def _firm_clause(text: str, m) -> tuple:
    """(first, last) character of the clause around date match ``m`` (see ``_FIRM_BREAK_RE``),
    at most ``MAX_FIRM_CHARS`` either side; a date fronted with its preposition alone ("In
    1988, the leaders signed ...") takes the clause after its comma."""
    w0, w1 = max(0, m.start() - MAX_FIRM_CHARS), min(len(text), m.end() + MAX_FIRM_CHARS)
    lo, hi = w0, w1
    for b in _FIRM_BREAK_RE.finditer(text, w0, w1):
        if b.end() <= m.start():
            lo = b.end()
        elif b.start() >= m.end():
            hi = b.start()
            break
    if text.startswith(",", hi) and len(_CLAUSE_WORD_RE.findall(text, lo, m.start())) <= 2 \
            and not _CLAUSE_WORD_RE.search(text, m.end(), hi):
        nxt = _FIRM_BREAK_RE.search(text, hi + 1, w1)
        hi = nxt.start() if nxt else w1
    return lo, hi


def _far_from_the_news(date: str, precision: str, ref_date: str, published) -> bool:
    """Is the event of ``ref_date`` the article's own news (within ``NEWS_DAYS`` of the
    publication date) and the date more than ``NEWS_DAYS`` from it?"""
    if published is None:
        return False
    r0, r1 = _period(ref_date)
    if abs((r0 - published).days) > NEWS_DAYS:
        return False
    c0, c1 = _period(date, precision)
    return (r0 - c1).days > NEWS_DAYS or (c0 - r1).days > NEWS_DAYS


def _in_other_relative(text: str, m, span: tuple, lo: int) -> bool:
    """Is the event's word at ``span`` in a relative clause that does not hold date ``m``
    (see ``_RELATIVE_RE``; ``lo``: the start of the date's clause)?"""
    if span[0] >= m.end():
        rel = _RELATIVE_RE.search(text, m.end(), span[0])
        return rel is not None and bool(text[m.end():rel.start()].strip()) and not (
            rel.group().lower() == "that" and _SAID_THAT_RE.search(text, max(0, rel.start() - 60), rel.start()))
    return bool(_RELATIVE_RE.search(text, max(lo, span[0] - MAX_FIRM_CHARS), span[0])
                and _OTHER_PREDICATE_RE.search(text, span[1], m.start()))


def _entry_clause(text: str, m) -> tuple | None:
    """(first, last) character of the clause of a chronology's entry whose date is match
    ``m`` (``_ENTRY_MARK_RE``: the date opens the sentence, a dash or colon follows it), up to
    the first clause break after the mark (``_FIRM_BREAK_RE``) and at most ``MAX_FIRM_CHARS``
    on; None when the date does not open such an entry."""
    if text[:m.start()].strip():
        return None
    mark = _ENTRY_MARK_RE.match(text, m.end())
    if mark is None:
        return None
    w1 = min(len(text), mark.end() + MAX_FIRM_CHARS)
    b = _FIRM_BREAK_RE.search(text, mark.end(), w1)
    return mark.end(), b.start() if b else w1


def _firm(text: str, m, where, date: str, precision: str, ref_date: str, published,
          entry: tuple | None = None) -> bool:
    """Is a printed date ``m`` that conflicts with its event's reference firmly that event's?
    Not when the event's words (``where``: ``event_claims``' (tier, characters, anchor span))
    are outside the date's clause (``_firm_clause``) or in a relative clause that does not
    hold the date (``_RELATIVE_RE``), when they are governed by a modal or a
    word of intent ("said it would withdraw") or open with one ("would not deploy ...
    until"), when the date ends a period ("until 2021"),
    nor when the event is the article's own news and the date lies more than ``NEWS_DAYS``
    from it. A chronology's entry (``entry``: ``_entry_clause``) has for the date's clause
    the clause after its dash or colon ("Feb. 3, 2019 - The ministry suspends ...")."""
    if _far_from_the_news(date, precision, ref_date, published):
        return False
    if _UNTIL_BEFORE_RE.search(text, max(0, m.start() - 20), m.start()):
        return False                    # "served at the ministry until 2021": a period's end, no event's day
    if where is None:                   # "the 2019 withdrawal": the date names the event
        return True
    span = where[2]
    if span is None or where[1] > MAX_FIRM_CHARS:
        return False
    lo, hi = _firm_clause(text, m) if entry is None else entry
    if span[0] < lo or span[1] > hi:
        return False
    if _in_other_relative(text, m, span, lo):
        return False
    if _MODAL_ANCHOR_RE.match(text, span[0]):
        return False    # "would not deploy ... until": a pledge's words, restated in any year
    if _BARE_SAYING_RE.fullmatch(text, span[0], span[1]):
        return False    # "the announcement by the Belarusian authorities": anyone's announcement
    if _PROCESS_BEFORE_RE.search(text, max(lo, span[0] - 60), span[0]) or _PROCESS_AFTER_RE.match(text, span[1]):
        return False    # "launched the withdrawal procedure": a step of the event, not the one dated
    return not _INTENT_BEFORE_RE.search(text, max(lo, span[0] - 60), span[0])


def _one_date_an_event(rows: list) -> list:
    """A sentence that gives an event its right date ("left the treaty on 2 August 2019") does
    not misdate it with another ("suspended its obligations in February 2019 and left ..."):
    the other date is some other step the sentence names, so its "conflicts" becomes
    "unlinked". ``rows``: ``event_claims``' rows as tuples in its column order."""
    agreed = {(r[0], r[2], r[9]) for r in rows if r[13] == "agrees"}
    return [r[:13] + ("unlinked",) + r[14:] if r[13] == "conflicts" and (r[0], r[2], r[9]) in agreed else r
            for r in rows]


def _same_day_same_event(rows: list, sources: dict, news: str | None = None) -> list:
    """A day the article dates an event by elsewhere ("Putin said last week ..." then
    "Speaking on Friday", "Friday's meeting", "the June 28 remarks") belongs to that event
    where its own sentence names none: only for days, and only when the day falls in the
    day or week of exactly one event the article dates, or of several of which one is the
    state's own statement (``news``, the story's news) and the day its reference date: "what
    Russia gave up on Monday" when Monday dates both the statement and a reaction to it. Looked up by day and ISO week,
    so the pass is linear in the number of dates. ``rows``: ``event_claims``' rows as
    tuples in its column order; returns them with those days filled in."""
    found_at: dict = {}
    for aid, _o, _s, _b, _e, _t, date, prec, _basis, ev, label, fact, ref, *_ in rows:
        if ev != "" and prec in ("day", "week"):
            lo, _ = date_period(date, prec)
            key = (aid, "day", lo) if prec == "day" else (aid, "week", tuple(lo.isocalendar())[:2])
            found_at.setdefault(key, set()).add((ev, label, fact, ref))
    if not found_at:
        return rows
    out = []
    for row in rows:
        aid, date, prec, ev = row[0], row[6], row[7], row[9]
        if ev == "" and prec == "day":
            day = pd.Timestamp(date)
            found = found_at.get((aid, "day", day), set()) | found_at.get((aid, "week", tuple(day.isocalendar())[:2]), set())  # noqa: E501
            if len(found) == 1:
                ev, label, fact, ref = next(iter(found))
                # a day dated by another sentence's event: never firm enough for a conflict
                verdict = "no reference" if not fact else "agrees" if _same_date(date, "day", ref) else "unlinked"
                row = row[:9] + (ev, label, fact, ref, verdict, sources.get(fact, ""))
        out.append(row)
    return out


def date_period(date: str, precision: str | None = None) -> tuple:
    """First and last day (``pandas.Timestamp``) of the period an ISO date as
    ``event_claims`` writes it covers: "2024" a year, "2024-07" a month,
    "2025-08-01" a day, "2025-W31" an ISO week. ``precision`` is read off the form
    if not given."""
    if precision is None:
        precision = "week" if "-W" in date else {4: "year", 7: "month", 10: "day"}[len(date)]
    if precision == "week":
        start = pd.Timestamp(dt.date.fromisocalendar(int(date[:4]), int(date[6:]), 1))
        return start, start + pd.Timedelta(days=6)
    start = pd.Timestamp(date + {"year": "-01-01", "month": "-01", "day": ""}[precision])
    end = {"year": start + pd.offsets.YearEnd(0), "month": start + pd.offsets.MonthEnd(0), "day": start}[precision]
    return start, end
