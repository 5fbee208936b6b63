"""Quote fidelity: is a quotation of an official the reference wording, another translation
of it, an altered version (a number, a negation or an actor changed), or not found?"""

from __future__ import annotations

import difflib
import re
from typing import NamedTuple

import pandas as pd
from nltk.stem import PorterStemmer

from inf_coverage.core.layout import split_list
from inf_coverage.extract.claims import _quote_words
from inf_coverage.ingest.text import STOPWORDS

#: The verdicts of ``compare_quote``, best first.
FIDELITY_VERDICTS = ["matches", "another translation", "altered", "not found"]
FIDELITY_COLUMNS = ["article_id", "outlet", "sentence_id", "speaker", "text", "fidelity", "quote_id",
                    "reference_phrase", "source_title", "source_url", "shared", "changed"]
#: Share of the shorter side's word and actor units that the other side holds before two
#: wordings count as one statement. Three renderings of one Peskov remark (reference_quotes
#: Q09-Q11) share 0.67-0.88 of their units; an invented sentence that reuses a stock phrase
#: ("mirror measures") shares half or less.
SHARE_THRESHOLD = 0.6
#: Fewest shared word and actor units for any verdict but "not found": one shared word is chance.
MIN_SHARED_UNITS = 2
#: Fewest shared units when the phrase is another speaker's: two-word stock phrases ("nuclear
#: war") are said by many people, so a short quotation is credited only to its own speaker.
OTHER_SPEAKER_MIN_SHARED = 3
#: Least share for another speaker's phrase (a quotation credited to the wrong name must hold
#: nearly all of it): similar lines of different officials (the ministry's "the Russian
#: Federation no longer considers itself bound by ... self-imposed restrictions" against
#: Peskov's Q09, 0.80 of Q09's units) are different statements, not translations.
OTHER_SPEAKER_SHARE = 0.9
#: Units beyond the shared stretch still compared for numbers, negations and actors, where both
#: wordings go on: "Russia still considers" against "Russia no longer considers".
EDGE_UNITS = 2

#: Translation swaps of diplomatic Russian, on Porter stems: each stem -> one unit.
SYNONYMS = {
    **dict.fromkeys(["limit", "restrict", "constraint", "constrain", "bound"], "limit"),
    **dict.fromkeys(["vanish", "disappear"], "vanish"),
    **dict.fromkeys(["deploy", "station", "posit", "place"], "deploy"),
    **dict.fromkeys(["consid", "see", "deem"], "consid"),
    **dict.fromkeys(["condit", "ground", "basi"], "condit"),
    **dict.fromkeys(["maintain", "continu", "preserv", "keep"], "maintain"),
    **dict.fromkeys(["moratorium", "restraint"], "moratorium"),
    **dict.fromkeys(["missil", "rocket"], "missil"),
    **dict.fromkeys(["measur", "step"], "measur"),
    **dict.fromkeys(["decis", "decid"], "decis"),
    **dict.fromkeys(["intermedi", "medium"], "medium"),
    **dict.fromkeys(["oppon", "adversari", "enemi"], "oppon"),
}
#: Actor words (countries, people, organisations) -> the actor unit.
ACTORS = {
    **dict.fromkeys(["russia", "russian", "russians", "moscow"], "russia"),
    **dict.fromkeys(["united states", "us", "u.s", "usa", "america", "american", "americans", "washington"],
                    "united_states"),
    **dict.fromkeys(["nato", "alliance"], "nato"),
    **dict.fromkeys(["europe", "european", "europeans", "eu"], "europe"),
    **dict.fromkeys(["germany", "german", "berlin"], "germany"),
    **dict.fromkeys(["china", "chinese", "beijing"], "china"),
    **dict.fromkeys(["ukraine", "ukrainian", "kyiv", "kiev"], "ukraine"),
    **{w: w for w in ["kremlin", "pentagon", "ministry", "peskov", "medvedev", "ryabkov", "putin", "trump",
                      "lavrov", "zakharova", "west", "western"]},
}
#: Romanisations of Russian names -> one spelling.
TRANSLITERATIONS = {"riabkov": "ryabkov", "dmitri": "dmitry", "dmitriy": "dmitry", "dmitrii": "dmitry",
                    "sergey": "sergei", "sergej": "sergei", "medvedyev": "medvedev", "peskoff": "peskov",
                    "zakharova": "zakharova", "vladimir": "vladimir"}
NEGATIONS = {"no", "not", "never", "none", "nothing", "nobody", "neither", "nor", "without", "cannot", "n't"}
_NUMBER_WORDS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                 "nine": "9", "ten": "10", "hundred": "100", "thousand": "1000"}
#: Function words dropped, negations kept; plus translators' padding ("in this regard").
_DROP = (STOPWORDS - NEGATIONS) | {"any", "anything", "whatsoever", "way", "regard", "itself", "will", "shall"}
# British -> American spellings, applied to both sides alike (so a harmless over-match such as
# "promise" -> "promize" happens on both): -isation/-ise, -yse, -our, -tre, -ence after f, -ogue.
_SPELLING = [(re.compile(r"(\w{3,})is(e|es|ed|ing|ation|ations)$"), r"\1iz\2"),
             (re.compile(r"(\w{3,})ys(e|es|ed|ing)$"), r"\1yz\2"),
             (re.compile(r"(\w{3,})our(s|ed|ing)?$"), r"\1or\2"),
             (re.compile(r"(\w{2,}[tb])re(s)?$"), r"\1er\2"),
             (re.compile(r"(\w+)fence(s)?$"), r"\1fense\2"),
             (re.compile(r"(\w{3,})ogue(s)?$"), r"\1og\2"),
             (re.compile(r"(\w{3,}[aeiou])ll(ed|ing)$"), r"\1l\2")]
_TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
_STEMMER = PorterStemmer()


class Unit(NamedTuple):
    """One meaning unit: ``unit`` (the normalised key), ``kind`` ("word", "number",
    "negation" or "actor") and ``word`` (as written)."""
    unit: str
    kind: str
    word: str


def _spelling(low: str) -> str:
    low = TRANSLITERATIONS.get(low, low)
    for rx, rep in _SPELLING:
        low = rx.sub(rep, low)
    return low


def _tokens(text: str) -> list:
    """(lower-case normalised token, as written) pairs: possessives and "n't" split off,
    "5,000" as "5000", "U.S." as "us" only when written in capitals."""
    out = []
    for tok in _TOKEN_RE.findall(str(text).replace("\u2019", "'")):
        if tok[0].isdigit():
            out.append((tok.replace(",", "").rstrip("."), tok))
            continue
        if tok in ("US", "U.S.", "U.S", "USA"):
            out.append(("usa", tok))
            continue
        low = tok.lower().replace(".", "")
        neg = low.endswith("n't")
        low = re.sub(r"'s$|n't$|'(?:ll|re|ve|d|m)$", "", low)
        if low == "ca":
            low = "can"
        out.append((_spelling(low), tok))
        if neg:
            out.append(("n't", "n't"))
    return out


def meaning_units(text: str) -> list:
    """The meaning units of a wording, in order, as ``Unit`` (``unit``, ``kind``, ``word``):
    content words normalised for case, British/American spelling, romanisation of Russian
    names, inflection (Porter stems) and ``SYNONYMS``; numbers ("5,000" -> "5000", "two" ->
    "2") and negations ("no", "not", "never", "n't", "no longer" ... -> "not") as their own
    units; actors (``ACTORS``: "Russian" and "Moscow" -> "russia", "U.S." -> "united_states")
    marked. Function words and translators' padding ("in this regard") are dropped."""
    toks = _tokens(text)
    out: list = []
    i = 0
    while i < len(toks):
        low, word = toks[i]
        nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
        if low[0].isdigit() or low in _NUMBER_WORDS:
            out.append(Unit(_NUMBER_WORDS.get(low, low), "number", word))
        elif low in NEGATIONS:
            out.append(Unit("not", "negation", word))
            if nxt == "longer":
                i += 1
        elif low == "any" and nxt == "longer":
            i += 1
        elif low == "united" and nxt == "states":
            out.append(Unit("united_states", "actor", "United States"))
            i += 1
        elif low in ACTORS and (low != "us" or word.isupper()):
            out.append(Unit(ACTORS[low], "actor", word))
        elif low not in _DROP and low != "us" and len(low) > 1:    # "us" the pronoun
            stem = _STEMMER.stem(low)
            out.append(Unit(SYNONYMS.get(stem, stem), "word", word))
        i += 1
    return out


def _wording(text: str) -> list:
    """Normalised tokens for the "same wording" test: case, spelling, romanisation and
    numbers normalised, articles dropped, no stemming or synonyms."""
    return [t for t, _ in _tokens(text) if t not in ("a", "an", "the")]


def _contains(longer: list, shorter: list) -> bool:
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def _window(units: list, a: int, b: int, left: int, right: int) -> list:
    return units[max(a - left, 0):b + right + 1]


def _changes(q: list, p: list) -> list:
    """What differs between the aligned stretches of two unit lists (the shared stretch, plus up
    to ``EDGE_UNITS`` where both go on): numbers, whether a negation is there, an actor
    swapped for another (an actor only one side names is not a change: translations put "it"
    or "our country" for "Russia")."""
    keys_q, keys_p = [u.unit for u in q], [u.unit for u in p]
    blocks = [b for b in difflib.SequenceMatcher(None, keys_q, keys_p, autojunk=False).get_matching_blocks()
              if b.size]
    if not blocks:
        return []
    qa, pa = blocks[0].a, blocks[0].b
    qb, pb = blocks[-1].a + blocks[-1].size - 1, blocks[-1].b + blocks[-1].size - 1
    left = min(EDGE_UNITS, qa, pa)
    right = min(EDGE_UNITS, len(q) - 1 - qb, len(p) - 1 - pb)
    wq, wp = _window(q, qa, qb, left, right), _window(p, pa, pb, left, right)
    out = []
    nq = [u.unit for u in wq if u.kind == "number"]
    np_ = [u.unit for u in wp if u.kind == "number"]
    if set(nq) != set(np_):
        out.append(f"number {' '.join(np_) or '(none)'} -> {' '.join(nq) or '(none)'}")
    # Presence, not count: a phrase that says "no longer" twice (Q09) is not altered by a
    # quotation that says it once.
    negq = any(u.kind == "negation" for u in wq)
    negp = any(u.kind == "negation" for u in wp)
    if negq != negp:
        out.append("negation " + ("added" if negq > negp else "removed"))
    aq = {u.unit for u in wq if u.kind == "actor"}
    ap = {u.unit for u in wp if u.kind == "actor"}
    if aq - ap and ap - aq:
        out.append(f"actor {' '.join(sorted(ap - aq))} -> {' '.join(sorted(aq - ap))}")
    return out


def _compare(quote: str, phrase: str, min_shared: int = MIN_SHARED_UNITS,
             min_share: float = SHARE_THRESHOLD) -> tuple:
    """(verdict, detail, shared units, changes, share) of ``compare_quote``."""
    q, p = meaning_units(quote), meaning_units(phrase)
    content_q = [u.unit for u in q if u.kind in ("word", "actor")]
    content_p = [u.unit for u in p if u.kind in ("word", "actor")]
    rest = list(content_p)
    shared = []
    for u in content_q:
        if u in rest:
            rest.remove(u)
            shared.append(u)
    base = min(len(content_q), len(content_p))
    share = len(shared) / base if base else 0.0
    if len(shared) < min_shared:
        return "not found", f"{len(shared)} shared unit(s), fewer than {min_shared}", [], [], share
    wq, wp = _wording(quote), _wording(phrase)
    if len(wq) <= len(wp) and _contains(wp, wq):
        return ("matches", "same wording" if len(wq) == len(wp) else "same wording, a fragment of the phrase",
                shared, [], 1.0)
    if len(wp) < len(wq) and _contains(wq, wp):
        return "matches", "same wording, inside a longer quotation", shared, [], 1.0
    if share < min_share:
        return "not found", f"{share:.2f} of units shared, below {min_share}", shared, [], share
    changes = _changes(q, p)
    if changes:
        return "altered", "; ".join(changes), shared, changes, share
    return "another translation", f"{share:.2f} of units shared, no number, negation or actor changed", \
        shared, [], share


def compare_quote(quote: str, phrase: str) -> tuple:
    """(verdict, detail) for a quotation against a reference phrase. Verdicts
    (``FIDELITY_VERDICTS``): "matches" (the shorter's normalised wording runs unbroken in
    the other: same wording, a fragment, or the phrase inside a longer quotation);
    "another translation" (at least ``SHARE_THRESHOLD`` of the shorter side's word and actor
    units shared, no number, negation or actor changed); "altered" (as much shared, but a
    number, the presence of a negation or an actor differs in the aligned stretch: the detail
    says which, as "number 2026 -> 2027", "negation removed", "actor united_states -> nato");
    "not found" (too little shared)."""
    verdict, detail, *_ = _compare(quote, phrase)
    return verdict, detail


def quote_fidelity(quote_rows: pd.DataFrame, reference_quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per direct or mixed quotation of two words or more in ``quote_rows`` (the
    output of ``quotes``), with the best of its comparisons with every phrase of
    ``reference_quotes`` (``load_reference_quotes``): the speaker's own phrases first
    (``speaker`` there may list names joined by "|"), then the better verdict, then the
    larger share. Another speaker's phrase needs ``OTHER_SPEAKER_MIN_SHARED`` shared units and
    a share of ``OTHER_SPEAKER_SHARE``.

    Columns (``FIDELITY_COLUMNS``): ``article_id``, ``outlet``, ``sentence_id``,
    ``speaker``, ``text``, ``fidelity`` (the verdict of ``compare_quote``), ``quote_id``,
    ``reference_phrase``, ``source_title``, ``source_url`` (of the phrase compared; empty
    when "not found"), ``shared`` (the shared units, joined by " "), ``changed`` (what
    differs when "altered", else "")."""
    missing = [c for c in ["article_id", "outlet", "sentence_id", "speaker", "kind", "text"]
               if c not in quote_rows.columns]
    if missing:
        raise ValueError(f"quote_fidelity: quote_rows lacks column(s) {missing}; pass the output of quotes()")
    refs = reference_quotes[["quote_id", "speaker", "phrase", "source_title", "source_url"]]
    rank = {v: i for i, v in enumerate(FIDELITY_VERDICTS)}
    rows = []
    chosen = quote_rows[quote_rows.kind.isin(["direct", "mixed"])]
    for r in chosen.itertuples(index=False):
        if len(_quote_words(r.text)) < 2:
            continue
        best = None
        for qid, sp, phrase, title, url in refs.itertuples(index=False):
            own = str(r.speaker).casefold() in {s.casefold() for s in split_list(sp)}
            verdict, _detail, shared, changes, share = _compare(
                r.text, phrase, *((MIN_SHARED_UNITS, SHARE_THRESHOLD) if own
                                  else (OTHER_SPEAKER_MIN_SHARED, OTHER_SPEAKER_SHARE)))
            if verdict == "not found":
                continue
            key = (own, -rank[verdict], share)
            if best is None or key > best[0]:
                best = (key, verdict, qid, phrase, title, url, " ".join(shared), "; ".join(changes))
        if best is None:
            rows.append((r.article_id, r.outlet, r.sentence_id, r.speaker, r.text, "not found",
                         "", "", "", "", "", ""))
        else:
            rows.append((r.article_id, r.outlet, r.sentence_id, r.speaker, r.text) + best[1:])
    return pd.DataFrame(rows, columns=FIDELITY_COLUMNS)
