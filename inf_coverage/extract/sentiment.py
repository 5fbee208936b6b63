"""Sentiment: VADER (the exact fast analyser), per-sentence scores, bootstrap summaries,
targets, lexicon contributions and AFINN."""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pandas as pd

from inf_coverage.core.stats import (
    MIN_ARTICLES_FOR_INTERVAL,
    MIN_SENTENCES_FOR_INTERVAL,
    bootstrap_mean,
    cluster_bootstrap_mean,
)
from inf_coverage.extract.fast_vader import FastSentimentIntensityAnalyzer
from inf_coverage.extract.framing import _RUSSIA_RE, _WEST_RE
from inf_coverage.ingest.text import WORD_RE, _rows

# ---------------------------------------------------------------------------
# 4. Sentiment (02-sentiment-by-outlet)
# ---------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def vader():
    """NLTK's VADER analyser with its lexicon read offline from the ``vaderSentiment``
    package (NLTK refuses absolute paths, so the package folder goes on
    ``nltk.data.path`` and the lexicon is named relative to it). Never downloads.

    It is ``fast_vader.FastSentimentIntensityAnalyzer``: NLTK's ``SentimentIntensityAnalyzer``
    (same loading, same ``lexicon``) whose ``polarity_scores`` is a faithful transcription
    of NLTK 3.10.4's, several times faster, giving exactly NLTK's scores
    (tests/test_fast_vader.py compares the two on every corpus sentence and a large
    random sample)."""
    import nltk
    import vaderSentiment

    folder = str(Path(vaderSentiment.__file__).resolve().parent)
    if folder not in nltk.data.path:
        nltk.data.path.insert(0, folder)
    return FastSentimentIntensityAnalyzer(lexicon_file="vader_lexicon.txt")


def sentiment(sents: pd.DataFrame, voice: pd.DataFrame | None = None) -> pd.DataFrame:
    """VADER scores for every sentence.

    Columns: ``article_id``, ``outlet``, ``sentence_id``, ``neg``, ``neu``, ``pos``,
    ``compound`` (exactly NLTK's ``polarity_scores``) and ``voice``, the sentence's
    narration/quoted/mixed label from ``sentence_voice`` if ``voice`` is given (else
    empty).
    """
    polarity = vader().polarity_scores
    scores = [polarity(t) for t in sents["text"].tolist()]
    out = sents[["article_id", "outlet", "sentence_id"]].reset_index(drop=True)
    for key in ["neg", "neu", "pos", "compound"]:
        out[key] = [s[key] for s in scores]
    if voice is None:
        out["voice"] = ""
    else:
        lookup = dict(zip(zip(voice.article_id, voice.sentence_id), voice.voice))
        out["voice"] = [lookup[k] for k in zip(out.article_id, out.sentence_id)]
    return out


def sentiment_summary(scores: pd.DataFrame, by, column: str = "compound") -> pd.DataFrame:
    """Per group of ``by``: ``n`` sentences, ``articles``, ``mean`` with a 95% bootstrap
    interval (``ci_low``, ``ci_high``) where one is meaningful, ``median``, and the shares
    of sentences scored negative (compound <= -0.05) and positive (>= 0.05), VADER's own
    thresholds. ``interval`` says how the interval was made, or why there is none:

    - sentences of one article: resampled sentences, only with at least
      ``MIN_SENTENCES_FOR_INTERVAL`` (10) sentences;
    - sentences pooled from several articles: resampled articles (a cluster bootstrap),
      only with at least ``MIN_ARTICLES_FOR_INTERVAL`` (5) articles; below that the
      per-article values are the evidence and no interval is drawn.

    Numbers rounded to 3 places."""
    rows = []
    for key, g in scores.groupby(by, sort=True):
        k = g.article_id.nunique()
        mean = g[column].mean()
        lo = hi = float("nan")
        if k == 1 and len(g) >= MIN_SENTENCES_FOR_INTERVAL:
            _, lo, hi = bootstrap_mean(g[column])
            how = "sentences resampled"
        elif k == 1:
            how = f"none: {len(g)} sentences (< {MIN_SENTENCES_FOR_INTERVAL})"
        elif k >= MIN_ARTICLES_FOR_INTERVAL:
            _, lo, hi = cluster_bootstrap_mean(g[column], g.article_id)
            how = "articles resampled"
        else:
            how = f"none: {k} articles (< {MIN_ARTICLES_FOR_INTERVAL})"
        key = key if isinstance(key, tuple) else (key,)
        rows.append((*key, len(g), k, mean, lo, hi, g[column].median(),
                     (g[column] <= -0.05).mean(), (g[column] >= 0.05).mean(), how))
    cols = ([by] if isinstance(by, str) else list(by)) + [
        "n", "articles", "mean", "ci_low", "ci_high", "median", "share_negative", "share_positive", "interval"]
    return pd.DataFrame(rows, columns=cols).round(3)


def actor_targets(sents: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Which side each sentence names: Russian actors (Russia, Moscow, the Kremlin,
    Russian officials in the registry) and US/NATO/Western actors (the US,
    Washington, NATO, the West, US officials). Columns: ``article_id``,
    ``sentence_id``, ``names_russia``, ``names_west`` and ``target`` ("Russian
    actors", "Western actors", "both", "neither")."""
    groups = mentions.groupby(["article_id", "sentence_id"])["affiliation_group"].agg(set)
    rows = []
    for aid, sid, text in _rows(sents, ["article_id", "sentence_id", "text"]):
        g = groups.get((aid, sid), set())
        ru = bool(_RUSSIA_RE.search(text)) or "russian_official" in g
        we = bool(_WEST_RE.search(text)) or "us_official" in g
        target = "both" if ru and we else "Russian actors" if ru else "Western actors" if we else "neither"
        rows.append((aid, sid, ru, we, target))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "names_russia", "names_west", "target"])


#: Words VADER scores that mean something else in this story: the sign VADER gives
#: them is about everyday use, not about missiles and treaties.
DOMAIN_MISREADS = {
    "no": "'no longer observe', 'no longer considers itself bound': the news itself (-1.2)",
    "abandon": "'abandon the moratorium': the event being reported (-1.9)",
    "united": "part of 'United States', a name, not unity (+1.8)",
    "security": "'Security Council', 'strategic security': an institution or a topic (+1.4)",
    "defense": "'defense sphere', 'defense industry': a sector (+0.5)",
    "ban": "the moratorium itself, a 'voluntary ban'; ending it is the news, not the ban (-2.6)",
    "capable": "'capable of carrying nuclear warheads': capability, not praise (+1.6)",
    "ready": "'ready to deploy' missiles (+1.5)",
    "like": "'places like Denmark': a preposition, not liking (+1.5)",
    "interests": "'at the cost of its interests': national interests (+1.0)",
    "protect": "'protect its citizens': official justification for deployment (+1.6)",
    "support": "in 'support us' appeals; removed with the page furniture (+1.7)",
    "winners": "'there can be no winners in a nuclear war' (+2.1, negated by VADER's rules)",
    "priority": "not in the lexicon; 'top priority' in Putin's quotation reads neutral",
}


def lexicon_contributions(sents: pd.DataFrame) -> pd.DataFrame:
    """The VADER lexicon words in each sentence and their valence (-4 to +4).

    One row per word occurrence: ``article_id``, ``outlet``, ``sentence_id``,
    ``word`` (lower case) and ``valence``. This is the raw material of VADER's score,
    not its final arithmetic: VADER also flips valence after negations, boosts it
    after "very", damps it before "but" and normalises the sum into ``compound``.
    """
    lex = vader().lexicon
    rows = []
    for aid, outlet, sid, text in _rows(sents, ["article_id", "outlet", "sentence_id", "text"]):
        for m in WORD_RE.finditer(text):
            w = m.group().lower().replace("\u2019", "'")
            if w in lex:
                rows.append((aid, outlet, sid, w, lex[w]))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "word", "valence"])


@functools.lru_cache(maxsize=1)
def _afinn():
    from afinn import Afinn

    return Afinn(language="en")


def afinn_scores(sents: pd.DataFrame) -> pd.DataFrame:
    """A second, independent score per sentence: the AFINN word list (Nielsen 2011,
    integers -5 to +5, shipped in the ``afinn`` package), summed over the sentence's
    words with no rules. Columns: ``article_id``, ``outlet``, ``sentence_id``,
    ``afinn`` (the sum) and ``afinn_sign`` (-1, 0, 1)."""
    score = _afinn().score
    out = sents[["article_id", "outlet", "sentence_id"]].reset_index(drop=True)
    out["afinn"] = [score(t) for t in sents["text"].tolist()]
    out["afinn_sign"] = np.sign(out["afinn"]).astype(int)
    return out


def method_agreement(scores: pd.DataFrame, afinn: pd.DataFrame) -> pd.DataFrame:
    """How far VADER and AFINN agree, per outlet: ``n`` sentences, ``same_sign``
    (share where both say negative, both neutral or both positive; VADER's neutral
    band is |compound| < 0.05, AFINN's a sum of 0) and ``spearman`` (rank correlation
    of compound and the AFINN sum). Rounded to 3 places."""
    both = scores.merge(afinn, on=["article_id", "outlet", "sentence_id"])
    vsign = np.where(both.compound >= 0.05, 1, np.where(both.compound <= -0.05, -1, 0))
    both = both.assign(same=(vsign == both.afinn_sign))
    rows = []
    for outlet, g in both.groupby("outlet"):
        # Spearman = Pearson on ranks (average ranks for ties); no SciPy needed
        rho = g.compound.rank().corr(g.afinn.rank()) if len(g) > 2 else float("nan")
        rows.append((outlet, len(g), g.same.mean(), rho))
    return pd.DataFrame(rows, columns=["outlet", "n", "same_sign", "spearman"]).round(3)
