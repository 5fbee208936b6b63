"""Each sentence's voice: quoted names and scare quotes (quotation marks that carry no
attributed speech), the share of a sentence's words that carry speech, and whether a
sentence is narration, carried speech or an unnamed source's view. Reads the rows
``quotes`` finds; ``quotes`` does not read this module."""

from __future__ import annotations

import bisect
import re

import pandas as pd

from inf_coverage.extract.quotes import _UNNAMED_SOURCE_RE, is_name_in_quotes, quotes
from inf_coverage.extract.speakers import ATTRIBUTION_VERBS, load_institutions, quote_spans
from inf_coverage.ingest.patterns import _search, always_matches
from inf_coverage.ingest.text import WORD_RE, _rows, _sentence_spans, sentences


def scare_quotes(articles: pd.DataFrame, quote_rows: pd.DataFrame) -> pd.DataFrame:
    """Quotation marks that carry no attributed speech (``quotes`` gave them no row):
    scare quotes, quoted names and titles. One row per span: ``article_id``,
    ``outlet``, ``sentence_id``, ``start``, ``end`` (content, without the marks), ``text``,
    ``kind``: "name" (``is_name_in_quotes``: the missile "Oreshnik") or "scare quote"."""
    speech = set(zip(quote_rows.article_id, quote_rows.start))
    rows = []
    for aid, outlet, text in articles[["article_id", "outlet", "text"]].itertuples(index=False):
        starts = [s for _, s, _ in _sentence_spans(text)]
        for o, c, _ in quote_spans(text):
            if (aid, o + 1) not in speech:
                kind = "name" if is_name_in_quotes(text[o + 1:c]) else "scare quote"
                rows.append((aid, outlet, bisect.bisect_right(starts, o), o + 1, c, text[o + 1:c], kind))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "start", "end", "text", "kind"])



_ATTRIBUTION_WORD_RE = re.compile(r"\b(?:%s|according to)\b" % "|".join(sorted(ATTRIBUTION_VERBS, key=len, reverse=True)))  # noqa: E501
_THAT_RE = re.compile(r"\s*(?:,\s*)?(?:that\b)?")
MAX_ATTRIBUTION_WORDS = 12


def _words(text: str) -> int:
    return len(WORD_RE.findall(text))


def _speech_share(text: str, start: int, carried) -> float:
    """Share of a sentence's words that carry speech, counting the attribution frame
    ("Medvedev said in an X post on Tuesday", "the ministry warned that") as part of the
    speech it introduces, not as narration.

    ``carried`` are the (start, end) content spans of quotations inside the sentence, in
    article offsets. Each stretch of the sentence outside them that holds an attribution
    word is cut at that word: up to it (and a following "that") is the frame, counted
    neither way if it has at most ``MAX_ATTRIBUTION_WORDS`` words; after it, the words up
    to the next quotation are the reported clause that leads into a quoted fragment
    ("warned that any deployment ... would be met with 'appropriate countermeasures'")
    and count as speech; a trailing stretch after the last quotation counts as frame
    when short and as narration otherwise. Stretches with no attribution word are
    narration, except after "X said that ..." or "X said:", where the rest of the
    sentence is still reported speech."""
    spans = sorted((a - start, b - start) for a, b in carried)
    speech = sum(_words(text[a:b]) for a, b in spans)
    narration, pos, reported = 0, 0, False
    gaps = [(pos, spans[0][0])] if spans else []
    gaps += [(spans[k][1], spans[k + 1][0]) for k in range(len(spans) - 1)] + ([(spans[-1][1], len(text))] if spans else [])  # noqa: E501
    for k, (a, b) in enumerate(gaps):
        gap = text[a:b]
        verb = _ATTRIBUTION_WORD_RE.search(gap)
        if not verb:
            # after "X said that ...", the rest of the sentence is still what X said
            if reported:
                speech += _words(gap)
            else:
                narration += _words(gap)
            continue
        cut = always_matches(_THAT_RE.match(gap, verb.end())).end()
        head, tail = gap[:cut], gap[cut:]
        reported = reported or bool(re.search(r"(?:\bthat|:)\s*\Z", head))
        if _words(head) > MAX_ATTRIBUTION_WORDS:
            narration += _words(head) - MAX_ATTRIBUTION_WORDS
        leads_into_quote = k < len(gaps) - 1
        if leads_into_quote:
            speech += _words(tail)
        elif _words(tail) > MAX_ATTRIBUTION_WORDS - _words(head):
            narration += _words(tail)
    return round(speech / max(speech + narration, 1), 2)


def speech(articles: pd.DataFrame, sents: pd.DataFrame | None = None) -> tuple:
    """Quotations and each sentence's voice in one call: ``(quotes(articles),
    sentence_voice(sents, quotes))``. The one place notebooks 01, 02 and 04 read a
    sentence's voice from, so a sentence has the same voice in every notebook."""
    sents = sentences(articles) if sents is None else sents
    quote_rows = quotes(articles)
    return quote_rows, sentence_voice(sents, quote_rows)


def sentence_voice(sents: pd.DataFrame, quote_rows: pd.DataFrame,  # noqa: C901
                   institutions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Whose voice each sentence is: the outlet's own narration or carried speech.

    The single place every notebook reads a sentence's voice from. ``carried_share``
    is the share of the sentence's characters inside the content of a quotation or
    reported statement (``quotes``). ``voice`` is "quoted" (half or more), "mixed"
    (less than half: a quoted fragment, or an attribution that wraps a short clause)
    or "narration" (none), with two further kinds of carried speech that ``quotes``
    does not extract, both "quoted" with their ``basis``:

    - "unnamed source": a statement given to sources the text does not name
      ("Analysts fear ...", "has been interpreted by analysts as ...", "framed by
      Russian officials as ..."); ``speaker`` is "unattributed";
    - "continues speaker": a sentence with no attribution of its own that follows,
      in the same paragraph, a sentence carrying a named person's words: it carries
      on that person's argument ("He added ..." is already a quotation); the same after
      a statement of unnamed sources ("Analysts fear ... The move may also complicate
      ..."). Institutions (``institutions.csv``) do not carry a paragraph: a ministry's
      statement is usually followed by the outlet's own context.

    Columns: ``article_id``, ``outlet``, ``sentence_id``, ``carried_chars``,
    ``carried_share``, ``speech_share`` (the share of the sentence's words that carry speech,
    the attribution frame counted with the speech it introduces), ``voice``, ``speaker``
    (the speaker with most carried characters
    in the sentence; empty for narration), ``basis`` ("quotation", "unnamed source",
    "continues speaker" or "").
    Limit: the continuation rule cannot see a paragraph that changes subject without a
    new attribution; 05-validation measures how often that happens.
    """
    spans: dict = {}
    by_speaker: dict = {}
    for aid, st, en, spk in _rows(quote_rows, ["article_id", "start", "end", "speaker"]):
        spans.setdefault(aid, []).append((st, en))
        by_speaker.setdefault(aid, []).append((st, en, spk))
    merged = {aid: _merge_spans(found) for aid, found in spans.items()}   # once per article
    ends = {aid: [e for _, e in found] for aid, found in merged.items()}
    if institutions is None:
        institutions = load_institutions()
    # institutions do not carry a paragraph; unnamed sources ("analysts fear ...") do
    not_people = (set(institutions.institution) - {"unattributed"}) | {""}
    # each quotation's characters per sentence and speaker, found by bisection (linear overall)
    speaker_weights: dict = {}
    bounds: dict = {}
    for aid, sid, st, en in _rows(sents, ["article_id", "sentence_id", "start", "end"]):
        b = bounds.setdefault(aid, ([], [], []))
        b[0].append(st), b[1].append(en), b[2].append(sid)
    for aid, rows_of in by_speaker.items():
        starts, sends, sids = bounds.get(aid, ([], [], []))
        for qs, qe, spk in rows_of:
            k = max(bisect.bisect_right(starts, qs) - 1, 0)
            while k < len(starts) and starts[k] < qe:
                overlap = max(0, min(sends[k], qe) - max(starts[k], qs))
                if overlap:
                    w = speaker_weights.setdefault((aid, sids[k]), {})
                    w[spk] = w.get(spk, 0) + overlap
                k += 1
    rows, prev = [], (None, None, "")
    for aid, sid, pid, st, en, text in _rows(sents, ["article_id", "sentence_id", "paragraph_id", "start", "end",
                                                     "text"]):
        spans = merged.get(aid, [])
        k = bisect.bisect_right(ends.get(aid, []), st)      # first span ending after the start
        inside = []
        while k < len(spans) and spans[k][0] < en:
            inside.append((max(spans[k][0], st), min(spans[k][1], en)))
            k += 1
        carried = sum(b - a for a, b in inside)
        share = round(carried / max(en - st, 1), 2)
        speech, speaker, basis = 0.0, "", ""
        if carried:
            speech = _speech_share(text, st, inside)
            weights = speaker_weights.get((aid, sid), {})
            speaker = min(weights, key=lambda k: (-weights[k], k))
            voice, basis = ("quoted" if speech >= 0.5 else "mixed"), "quotation"
        elif _search(_UNNAMED_SOURCE_RE, text):
            voice, speaker, basis = "quoted", "unattributed", "unnamed source"
        elif prev[:2] == (aid, pid) and prev[2] not in not_people:
            voice, speaker, basis = "quoted", prev[2], "continues speaker"
        else:
            voice = "narration"
        rows.append((aid, sid, carried, share, speech, voice, speaker, basis))
        prev = (aid, pid, speaker)
    out = pd.DataFrame(rows, columns=["article_id", "sentence_id", "carried_chars", "carried_share",
                                      "speech_share", "voice", "speaker", "basis"])
    out.insert(1, "outlet", sents["outlet"].to_numpy())
    return out


def _merge_spans(spans):
    merged: list = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return merged
