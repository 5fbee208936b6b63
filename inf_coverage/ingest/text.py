"""Sentences and tokens of the cleaned texts, with their offsets, and the small table
builders the extractors share (``count_table``, ``evidence``)."""

from __future__ import annotations

import contextlib
import functools
import re

import numpy as np
import pandas as pd
from nltk import redos
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from inf_coverage.ingest.notemarks import marker_breaks

# -- Loading ----------------------------------------------------------------

#: Word tokens: abbreviations such as "U.S.", numbers with thousands separators,
#: and words with inner hyphens or apostrophes ("Russia's", "intermediate-range").
WORD_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\w+(?:[-'\u2019]\w+|\.\d+)*")


# -- Sentences and tokens ---------------------------------------------------

#: Abbreviations after which a full stop does not end a sentence (lower case, no
#: final period), given to Punkt explicitly so that no trained model is needed.
ABBREVIATIONS = {
    "u.s", "u.k", "u.n", "e.u", "u.s.s.r", "e.g", "i.e", "a.m", "p.m", "etc", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm",
    "sen", "rep", "gov", "pres", "st", "no", "inc", "corp", "ltd", "co", "dept", "approx",
    "amb", "del", "cllr", "brig", "cmdr", "ret",
}
#: Capitalised words that start a sentence even after an abbreviation ("... in the
#: U.S. The ministry said"); any other capitalised word keeps the abbreviation inside
#: the sentence ("U.S. President Donald Trump").
SENTENCE_STARTERS = {
    "the", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i",
    "but", "and", "in", "on", "a", "an", "as", "however", "meanwhile", "his", "her",
    "its", "their", "there", "such", "moscow", "washington", "russia",
}


def count_table(rows: pd.DataFrame, index, columns: str) -> pd.DataFrame:
    """Rows counted by ``index`` (a column or list of columns) down and ``columns``
    across, zeros where a combination has no row, both axes sorted. An empty input
    gives an empty table with the same axis names, so notebooks need no special case."""
    index = [index] if isinstance(index, str) else list(index)
    if rows.empty:
        return pd.DataFrame(index=pd.MultiIndex.from_arrays([[]] * len(index), names=index)
                            if len(index) > 1 else pd.Index([], name=index[0]),
                            columns=pd.Index([], name=columns), dtype="int64")
    table = rows.groupby(index + [columns]).size().unstack(columns, fill_value=0)
    return table.sort_index().sort_index(axis=1)


def evidence(rows: pd.DataFrame, sents: pd.DataFrame, label: str | None = None) -> pd.DataFrame:
    """The sentences behind any table row: for every distinct (``article_id``,
    ``sentence_id``) in ``rows``, the outlet and the sentence ``text``; with
    ``label``, that column of ``rows`` too, its values for the sentence joined by ", ".
    In article and sentence order."""
    keys = ["article_id", "sentence_id"]
    if label is None:
        picked = rows[keys].drop_duplicates()
    else:
        picked = (rows.groupby(keys, sort=False)[label]
                  .agg(lambda v: ", ".join(map(str, v))).reset_index())
    out = picked.merge(sents[["article_id", "outlet", "sentence_id", "text"]], on=keys)
    cols = ["article_id", "outlet", "sentence_id"] + ([label] if label else []) + ["text"]
    return out[cols].sort_values(keys, kind="stable").reset_index(drop=True)


def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    return PunktSentenceTokenizer(params)


_PUNKT = _punkt()
#: NLTK runs each of its regular expressions under a wall-clock limit (``nltk.redos``, 5 s by
#: default), a guard against patterns a caller supplies. Punkt's own patterns are linear and a
#: paragraph is at most an article (``MAX_ARTICLE_BYTES``, 2 MB), which Punkt reads in about
#: 2.5 s on two idle cores: a busy or slower machine crossed 5 s and refused an article the
#: corpus accepts. Punkt runs under this limit instead, still a bound.
PUNKT_TIMEOUT = 120.0


@contextlib.contextmanager
def _punkt_time_limit():
    """NLTK's regex time limit set to ``PUNKT_TIMEOUT`` while Punkt runs, then restored."""
    old = redos.DEFAULT_TIMEOUT
    redos.DEFAULT_TIMEOUT = PUNKT_TIMEOUT
    try:
        yield
    finally:
        redos.DEFAULT_TIMEOUT = old


@functools.lru_cache(maxsize=65536)
def _sentence_spans(text: str) -> tuple:
    """(paragraph_id, start, end) of each sentence; paragraphs are lines, and no
    sentence crosses a paragraph break."""
    spans: list = []
    pos = 0
    for p, para in enumerate(text.split("\n"), start=1):
        if _MAYBE_BREAK_RE.search(para, 0, len(para) - 1):
            with _punkt_time_limit():
                found = list(_PUNKT.span_tokenize(para))
            # a note marker after a sentence's final mark ("treaty.1 It ...") ends the sentence
            for s, e in marker_breaks(para, found):
                if spans and spans[-1][0] == p and _no_break(para, spans[-1][2] - pos, s):
                    spans[-1] = (p, spans[-1][1], pos + e)
                else:
                    spans.append((p, pos + s, pos + e))
        elif para:
            spans.append((p, pos, pos + len(para)))    # no break candidate: one sentence
        pos += len(para) + 1
    return tuple(spans)


_BRACKETED_STOP_RE = re.compile(r"\.[)\]]\Z")
_NO_SENTENCE_START = {")", "]", ",", ";"}


def _no_break(para: str, end: int, start: int) -> bool:
    """Whether Punkt's break between a sentence ending at ``end`` and one starting at ``start``
    is none: an abbreviation closing a bracket, then a lower-case word ("Sen. Jane Roe
    (D-Conn.) said"), or a "sentence" opening with a closing bracket or a comma ("Rep. Al
    Poe (R-Wash.), the ...", where Punkt broke after "Wash.")."""
    return para[start:start + 1] in _NO_SENTENCE_START or (
        para[start:start + 1].islower() and _BRACKETED_STOP_RE.search(para, max(0, end - 2), end) is not None)


# A full stop, question or exclamation mark (perhaps closing a quotation, perhaps with a note
# marker after it: "treaty.1 It", "expected".[3] The") followed by a space: only a paragraph
# with one of these before its end can hold two sentences.
_MAYBE_BREAK_RE = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*"
                             r"(?:\d{1,2}|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,3}|\[\d{1,3}\]|\(\d{1,2}\)){0,2}\s")


def sentences(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence of each article's cleaned text.

    Columns: ``article_id``, ``outlet``, ``sentence_id`` (1, 2, ... within the
    article), ``paragraph_id``, ``start``, ``end`` (so that
    ``text[start:end]`` of the article is the sentence) and ``text``.
    Splitting is NLTK's Punkt with explicit abbreviations (``ABBREVIATIONS``)
    and sentence starters (``SENTENCE_STARTERS``); closing quotation marks stay
    with the sentence they close.
    """
    rows = []
    for aid, outlet, text in articles[["article_id", "outlet", "text"]].itertuples(index=False):
        for k, (p, s, e) in enumerate(_sentence_spans(text), start=1):
            rows.append((aid, outlet, k, p, s, e, text[s:e]))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "paragraph_id",
                                       "start", "end", "text"])


#: ``WORD_RE`` as one group: splitting by it keeps the tokens between the gaps.
_WORD_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")


def tokens(sents: pd.DataFrame) -> pd.DataFrame:
    """One row per word token (``WORD_RE``) of each sentence.

    Columns: ``article_id``, ``outlet``, ``sentence_id``, ``start``, ``end``
    (offsets into the article's cleaned text), ``token`` (as written) and
    ``norm`` (lower case, curly apostrophe made straight).
    """
    # All sentences joined by newlines (which no token contains) and tokenised in one
    # pass; offsets come from the lengths of tokens and of the gaps between them.
    texts = sents["text"].tolist()
    joined = "\n".join(texts)
    parts = _WORD_SPLIT_RE.split(joined)     # gap, token, gap, token, ..., gap: one scan
    toks, gaps = parts[1::2], parts[0:-1:2]
    tok_len = np.fromiter(map(len, toks), dtype=np.int64, count=len(toks))
    gap_len = np.fromiter(map(len, gaps), dtype=np.int64, count=len(gaps))
    starts = np.cumsum(gap_len) + np.cumsum(tok_len) - tok_len
    sent_len = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    sent_start = np.cumsum(sent_len + 1) - sent_len - 1      # offsets of sentences in `joined`
    row = np.searchsorted(sent_start, starts, side="right") - 1
    shift = sents["start"].to_numpy(dtype=np.int64)[row] - sent_start[row]
    return pd.DataFrame({
        "article_id": sents["article_id"].to_numpy()[row],
        "outlet": sents["outlet"].to_numpy()[row],
        "sentence_id": sents["sentence_id"].to_numpy()[row],
        "start": starts + shift,
        "end": starts + tok_len + shift,
        "token": toks,
        "norm": _normalise_tokens(toks),
    })


def _rows(table: pd.DataFrame, columns: list):
    """The values of ``table[columns].itertuples(index=False)`` as plain tuples, read from
    whole-column lists: iterating a pyarrow-backed string column value by value is several
    times slower than ``tolist``. Columns of other dtypes than strings and NumPy numbers,
    booleans and objects (for which both give the same Python values) are iterated."""
    return zip(*(_column_values(table[c]) for c in columns))


def _column_values(col: pd.Series) -> list:
    """``list(col)``, by ``tolist`` where that gives the same values (see ``_rows``)."""
    dtype = col.dtype
    if isinstance(dtype, pd.StringDtype) or (isinstance(dtype, np.dtype) and dtype.kind in "biufO"):
        return col.tolist()
    return list(col)


def _normalise_tokens(toks) -> np.ndarray:
    """Lower case, curly apostrophe made straight; each distinct token is normalised once."""
    codes, uniques = pd.factorize(np.asarray(toks, dtype=object))
    norms = np.array([u.lower().replace("\u2019", "'") for u in uniques], dtype=object)
    return norms[codes]


#: English function words (keyness leaves them out; cleaning reads their share as evidence of prose).
STOPWORDS = set("""a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it its itself
just me more most my myself no nor not now of off on once only or other our ours ourselves out over own
same she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves said says""".split())


# -- Dates in text (read by the events extractor; cleaning keeps date headings) --

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_M = "|".join(_MONTHS)
_MON = rf"(?:{_M}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"   # "Nov. 21", "Feb 2nd"
# Every alternative starts with a digit, a capital (month, weekday, "Last year") or a
# lower-case "last/next/this/later/earlier ": the lookahead lets the engine skip all
# other positions at once. Every quantifier is bounded and none is nested, so the
# pattern runs in time linear in the text.
# A month told against the publication year ("October last year", "Nov. 12 last year",
# "March next year") or by "last/next" alone ("last November") comes first, so that the
# day-and-month and month alternatives do not take its month without the year that follows.
_DATE_RE = re.compile(
    rf"(?=[\dJFMASONDTWLE]|last |next |this |later |earlier )(?:"
    rf"\b(?P<rmy>(?P<m5>{_MON})(?: (?P<d5>\d{{1,2}})(?:st|nd|rd|th)?)? (?P<r5>last|this|next) year)\b"
    rf"|\b(?P<rm>(?P<r6>[Ll]ast|[Nn]ext) (?P<m6>{_M}))\b"
    rf"|\b(?P<md>(?P<m1>{_MON}) (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y1>\d{{4}}))?)(?![\w-])"
    rf"|(?<![\w,.-])(?P<dm>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)? (?P<m2>{_MON})(?:,? (?P<y2>\d{{4}}))?)(?![\w-])"
    rf"|\b(?P<my>(?P<m3>{_M}),? (?P<y3>\d{{4}}))\b"
    rf"|(?<![\w,.-])(?P<y>(?:19[4-9]\d|20[0-4]\d))(?![\w-]|,\d)"
    rf"|(?:(?<=\b[Ii]n )|(?<=\b[Ss]ince )|(?<=\b[Bb]y )|(?<=\b[Uu]ntil )|(?<=\b[Ff]rom ))(?P<mo>{_M})\b"
    rf"|\b(?P<wd>{'|'.join(_WEEKDAYS)})\b"
    rf"|\b(?P<rel>(?:[Ll]ast|[Nn]ext|[Tt]his) (?:week|month|year|fall|autumn)"
    rf"|(?:[Ll]ater|[Ee]arlier) this (?:week|month|year))\b)")
