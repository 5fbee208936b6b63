"""Sentiment: VADER loaded offline, scores equal to NLTK's own, the voice split,
bootstrap intervals, targets and the second method."""

import os

import numpy as np
import pandas as pd
import pytest
import vaderSentiment

import helpers as h


@pytest.fixture(scope="module")
def nltk_vader():
    """NLTK's own analyser on the same lexicon (h.vader() is fast_vader's transcription)."""
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    h.vader()   # puts the vaderSentiment folder on nltk.data.path
    return SentimentIntensityAnalyzer(lexicon_file="vader_lexicon.txt")


@pytest.fixture(scope="module")
def scores(articles, sents):
    return h.sentiment(sents, h.sentence_voice(sents, h.quotes(articles)))


def score(scores, aid, sid):
    return scores[(scores.article_id == aid) & (scores.sentence_id == sid)].iloc[0]


def test_lexicon_is_the_one_shipped_in_vadersentiment():
    lexicon = os.path.join(os.path.dirname(vaderSentiment.__file__), "vader_lexicon.txt")
    with open(lexicon, encoding="utf-8") as f:
        words = {line.split("\t")[0] for line in f if line.strip()}   # the file repeats a few words
    assert len(h.vader().lexicon) == len(words) == 7506
    assert h.vader().lexicon["threat"] == -2.4 and h.vader().lexicon["security"] == 1.4


@pytest.mark.parametrize("aid, sid, expected", [
    ("cow-inf-withdrawal", 11, {"neg": 0.275, "neu": 0.725, "pos": 0.0, "compound": -0.8442}),   # "Analysts fear ... arms race ..."
    # "No agreement was ever reached.": bad news read as positive ("agreement" +2.2, "reached" +0.4, "no" -1.2)
    ("mt-ban-ends", 5, {"neg": 0.25, "neu": 0.227, "pos": 0.523, "compound": 0.34}),
    ("cow-inf-withdrawal", 1, {"neg": 0.0, "neu": 0.89, "pos": 0.11, "compound": 0.5106}),       # "significant", "security"
    ("mt-experts", 2, {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}),                    # ranges and treaty: neutral
])
def test_vader_scores_for_corpus_sentences(scores, sents, nltk_vader, aid, sid, expected):
    got = score(scores, aid, sid)
    assert {k: got[k] for k in expected} == expected
    # the same as NLTK's analyser called directly on the sentence
    text = sents[(sents.article_id == aid) & (sents.sentence_id == sid)].text.iloc[0]
    assert nltk_vader.polarity_scores(text) == expected == h.vader().polarity_scores(text)


def test_every_sentence_is_scored_as_nltk_scores_it(scores, sents, nltk_vader):
    direct = [nltk_vader.polarity_scores(t) for t in sents.text]
    for key in ["neg", "neu", "pos", "compound"]:
        assert scores[key].tolist() == [d[key] for d in direct]


def test_voice_split_for_sentences_with_quotations(scores):
    assert score(scores, "mt-experts", 29).voice == "quoted"      # “It was a concrete ... proposal ...”
    assert score(scores, "gt-moratorium", 23).voice == "quoted"   # "There is no lowest point ...," Li said.
    assert score(scores, "mt-ban-ends", 8).voice == "quoted"      # Ryabkov: the reported clause leads into “logical” ...
    assert score(scores, "gt-moratorium", 15).voice == "quoted"    # Putin confirmed that missile "Oreshnik," ...
    assert score(scores, "cow-inf-withdrawal", 11).voice == "quoted"  # "Analysts fear that ..."
    assert scores.voice.value_counts().to_dict() == {"quoted": 83, "narration": 24, "mixed": 3}


def test_without_voice_the_column_is_empty(sents):
    assert set(h.sentiment(sents.head(3)).voice) == {""}


def test_bootstrap_is_seeded_and_sane():
    vals = [-0.5, 0.0, 0.2, 0.4, -0.1]
    first = h.bootstrap_mean(vals)
    assert first == h.bootstrap_mean(vals)
    mean, lo, hi = first
    assert mean == pytest.approx(0.0) and lo < mean < hi and -0.5 <= lo and hi <= 0.4
    assert np.isnan(h.bootstrap_mean([0.3])[1]) and h.bootstrap_mean([0.3])[0] == 0.3


def test_summary_counts_match_the_sentences(scores):
    summary = h.sentiment_summary(scores, ["outlet", "voice"]).set_index(["outlet", "voice"])
    gt_quoted = scores[(scores.outlet == "Global Times") & (scores.voice == "quoted")]
    row = summary.loc[("Global Times", "quoted")]
    assert row.n == len(gt_quoted) == 22
    assert row["mean"] == round(gt_quoted.compound.mean(), 3)
    assert row.share_negative == round((gt_quoted.compound <= -0.05).mean(), 3)


def test_actor_targets(sents):
    t = h.actor_targets(sents, h.figure_mentions(sents)).set_index(["article_id", "sentence_id"])
    assert t.loc[("mt-ban-ends", 5), "target"] == "neither"           # "No agreement was ever reached."
    assert t.loc[("gt-moratorium", 1), "target"] == "both"            # Russia ... US President Donald Trump
    assert t.loc[("agg-ryabkov", 8), "target"] == "Russian actors"    # President Vladimir Putin’s public statements
    assert t.loc[("mt-ban-ends", 3), "target"] == "both"              # Washington had accused Russia ...


def test_lexicon_contributions_and_misreads(sents):
    words = h.lexicon_contributions(sents)
    s5 = words[(words.article_id == "mt-ban-ends") & (words.sentence_id == 5)]
    assert list(zip(s5.word, s5.valence)) == [("no", -1.2), ("agreement", 2.2), ("reached", 0.4)]
    counts = words.groupby("word").size()
    assert (counts["security"], counts["united"], counts["no"]) == (9, 7, 14)
    assert {"security", "united", "no"} <= set(h.DOMAIN_MISREADS)


def test_afinn_and_agreement(sents, scores):
    af = h.afinn_scores(sents)
    row = af[(af.article_id == "cow-inf-withdrawal") & (af.sentence_id == 11)].iloc[0]
    assert row.afinn < 0 and row.afinn_sign == -1
    agree = h.method_agreement(scores, af).set_index("outlet")
    assert agree.n.sum() == len(sents)
    assert 0 <= agree.same_sign.min() and agree.same_sign.max() <= 1
    # Spearman by hand for one outlet: Pearson correlation of the ranks
    both = scores.merge(af)[lambda d: d.outlet == "The Moscow Times"]
    ranks = pd.DataFrame({"a": both.compound.rank(), "b": both.afinn.rank()})
    assert agree.loc["The Moscow Times", "spearman"] == round(ranks.a.corr(ranks.b), 3)


def test_intervals_only_where_they_mean_something():
    import numpy as np
    rows = []
    for k, n in enumerate([12, 3, 4, 5, 6]):                   # five articles, one with >= 10 sentences
        rows += [{"article_id": f"a{k}", "outlet": "O" if k < 2 else f"P{k}", "compound": v}
                 for v in np.linspace(-0.5, 0.5, n)]
    scores = pd.DataFrame(rows)
    one = h.sentiment_summary(scores, "article_id").set_index("article_id")
    assert one.loc["a0", "interval"] == "sentences resampled" and one.loc["a0", "ci_low"] < 0 < one.loc["a0", "ci_high"]
    assert one.loc["a1", "interval"] == "none: 3 sentences (< 10)" and np.isnan(one.loc["a1", "ci_low"])
    two = h.sentiment_summary(scores, "outlet").set_index("outlet")
    assert two.loc["O", "articles"] == 2 and two.loc["O", "interval"] == "none: 2 articles (< 5)"
    pooled = h.sentiment_summary(scores.assign(all="all"), "all").iloc[0]
    assert pooled.articles == 5 and pooled.interval == "articles resampled"


def test_the_cluster_bootstrap_resamples_articles_not_sentences():
    # two articles: one long and uniformly negative, one short and positive; resampling whole
    # articles can draw the short one twice, so the interval reaches far above the pooled mean
    values = [-1.0] * 20 + [1.0] * 2
    clusters = ["a"] * 20 + ["b"] * 2
    mean, lo, hi = h.cluster_bootstrap_mean(values, clusters)
    assert round(mean, 3) == round(-18 / 22, 3)
    assert lo == -1.0 and hi == 1.0     # all-a and all-b resamples both occur
    _, slo, shi = h.bootstrap_mean(values)
    assert shi < 0                      # a sentence bootstrap would claim certainty it has not
