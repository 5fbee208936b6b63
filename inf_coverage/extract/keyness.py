"""Keyness: terms per outlet against the rest, from tokens or from term counts, and
keyword-in-context."""

from __future__ import annotations

import math
import re

import pandas as pd

from inf_coverage.extract.figures import load_figures
from inf_coverage.ingest.text import STOPWORDS, _rows

# -- Distinctive vocabulary -------------------------------------------------

#: Function words left out of keyness (NLTK's stopword list needs a download).


#: Spellings of one name that keyness counts as one term (lower case, after tokenising).
TERM_VARIANTS = {
    "united states": ["us", "u.s.", "u.s", "u. s.", "usa", "u.s.a.", "united states", "america"],
    "united kingdom": ["uk", "u.k.", "britain", "united kingdom"],
    "kyiv": ["kiev", "kyiv"],
}


def keyness_terms(toks: pd.DataFrame, figures: pd.DataFrame | None = None) -> pd.DataFrame:  # noqa: C901
    """Tokens ready for keyness, one row per term occurrence: spelling variants of one
    name joined into one term (``TERM_VARIANTS``: "US", "U.S.", "U. S." and "United
    States" are "united states"; the registry's spelling variants of a person's name,
    "Sergey"/"Sergei", are its first alias). The pronoun "us" stays a stopword: only the
    upper-case "US" is the country; a possessive counts as its noun ("Russia's" is
    "russia"). Columns: ``article_id``, ``outlet``, ``sentence_id``,
    ``term``."""
    figures = load_figures() if figures is None else figures
    variant = {}
    for canon, forms in TERM_VARIANTS.items():
        for form in forms:
            variant[form] = canon
    for aliases in figures.aliases:
        first = aliases[0].lower().split()
        for alias in aliases[1:]:
            for a, b in zip(alias.lower().split(), first):
                if a != b:
                    variant[a] = b
    def term_of(low):
        if len(low) > 3:       # "Russia's" is "russia": a final ' or ’, with or without s, goes
            if low.endswith(("'s", "\u2019s")):
                low = low[:-2]
            elif low.endswith(("'", "\u2019")):
                low = low[:-1]
        return variant.get(low, low)

    terms: dict = {}                 # each distinct lower-case token's term, worked out once
    rows, prev = [], None
    for aid, outlet, sid, tok in _rows(toks, ["article_id", "outlet", "sentence_id", "token"]):
        low = tok.lower()
        if tok == "us":        # the pronoun
            term = low
        elif prev and prev[:3] == (aid, outlet, sid) and prev[3] in ("united", "u") and low in ("states", "s"):
            rows.pop()         # "United States", "U. S.": two tokens, one term
            term = "united states"
        else:
            term = terms.get(low)
            if term is None:
                term = terms[low] = term_of(low)
        rows.append((aid, outlet, sid, term))
        prev = (aid, outlet, sid, low)
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "term"])


def keyness(toks: pd.DataFrame, min_count: int = 3, figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Distinctive words of each outlet against all the others: Dunning's
    log-likelihood (G2) on NLTK frequency distributions of the terms of
    ``keyness_terms`` (spelling variants joined), stopwords and numbers left out.

    One row per outlet and term used at least ``min_count`` times by that outlet and
    more often there than elsewhere (relative to size): ``outlet``, ``articles`` (how many
    articles the outlet's counts pool), ``term``, ``outlet_count``, ``rest_count``,
    ``outlet_per_1000``, ``rest_per_1000``, ``g2``, ``p_value`` (chi-squared, one degree
    of freedom) and ``significant``: p below 0.05 after a Bonferroni correction for the
    number of terms tested for that outlet. Sorted by outlet, then G2 (highest first),
    then term. Words of one article are not independent draws: with a handful of
    articles, a "significant" term can be one article's topic, so read it as a ranking.
    """
    counts = keyness_counts(keyness_terms(toks, figures))
    return keyness_from_counts(counts, toks.groupby("outlet").article_id.nunique(), min_count)


# -- Keyness from term counts (issue 16: pipeline.py counts terms per article and
# -- keeps no corpus-wide token table) ------------------------------------------

def keyness_counts(terms: pd.DataFrame) -> pd.DataFrame:
    """How often each outlet (and article) uses each keyness term (``keyness_terms``),
    stopwords and numbers left out: ``article_id``, ``outlet``, ``term``, ``count``."""
    words = terms[terms.term.str.contains(r"^[^\W\d_]", regex=True) & ~terms.term.isin(STOPWORDS)]
    counts = words.groupby(["article_id", "outlet", "term"], sort=False).size()
    return counts.rename("count").reset_index()


def keyness_from_counts(counts: pd.DataFrame, n_articles: pd.Series, min_count: int = 3) -> pd.DataFrame:
    """``keyness`` from term counts (``keyness_counts``, any number of rows per outlet
    and term) and the number of articles per outlet (``n_articles``, indexed by outlet)."""
    from nltk import FreqDist

    summed = counts.groupby(["outlet", "term"], sort=False)["count"].sum()
    dists: dict = {}
    for (outlet, term), n in summed.items():
        dists.setdefault(outlet, FreqDist())[term] = int(n)
    total = FreqDist()
    for fd in dists.values():
        total.update(fd)
    n_all = total.N()
    rows = []
    for outlet, fd in sorted(dists.items()):
        c, d = fd.N(), n_all - fd.N()
        if d == 0:
            continue
        found = []
        for term, a in fd.items():
            if a < min_count:
                continue
            b = total[term] - a
            if a / c <= b / d:
                continue
            e1, e2 = c * (a + b) / n_all, d * (a + b) / n_all
            g2 = 2 * (a * math.log(a / e1) + (b * math.log(b / e2) if b else 0))
            found.append((term, a, b, g2))
        tested = len(found)
        for term, a, b, g2 in found:
            p = math.erfc(math.sqrt(g2 / 2))
            rows.append((outlet, int(n_articles[outlet]), term, a, b, round(1000 * a / c, 2),
                         round(1000 * b / d, 2), round(g2, 2), float(f"{p:.3g}"), p * tested < 0.05))
    out = pd.DataFrame(rows, columns=["outlet", "articles", "term", "outlet_count", "rest_count",
                                      "outlet_per_1000", "rest_per_1000", "g2", "p_value", "significant"])
    return out.sort_values(["outlet", "g2", "term"], ascending=[True, False, True],
                           kind="stable").reset_index(drop=True)


def kwic(sents: pd.DataFrame, term: str, width: int = 40) -> pd.DataFrame:
    """Keyword in context: every whole-word, case-insensitive occurrence of ``term``
    (a word or phrase; a regular expression is allowed) with ``width`` characters
    each side. Columns: ``article_id``, ``outlet``, ``sentence_id``, ``start``,
    ``end`` (offsets in the article's text), ``left``, ``match``, ``right``."""
    rx = re.compile(rf"(?<![\w-])(?:{term})(?![\w-])", re.I)
    rows = []
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        for m in rx.finditer(text):
            rows.append((aid, outlet, sid, base + m.start(), base + m.end(),
                         text[max(0, m.start() - width):m.start()], m.group(),
                         text[m.end():m.end() + width]))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "start", "end",
                                       "left", "match", "right"])
