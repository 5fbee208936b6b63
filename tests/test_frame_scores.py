"""score_frame_functions: agreement field by field, on codings written by hand here."""

import math

import pandas as pd
import pytest

import helpers as h
from inf_coverage.core.layout import CorpusError


def coding(rows):
    cols = ["article_id", "sentence_id", "problem", "cause_agent", "cause_voice", "moral_target", "moral_sign",
            "remedy", "distancing_target"]
    return pd.DataFrame(rows, columns=cols)


A = coding([("x", 1, 1, "us_nato_west", "quoted", "", "", 0, ""),
            ("x", 2, 0, "", "", "russia", "negative", 1, "russia"),
            ("x", 3, 1, "russia", "outlet", "", "", 0, ""),
            ("x", 4, 0, "none", "", "", "", 0, "")])
B = coding([("x", 1, 1, "us_nato_west", "outlet", "", "", 0, ""),
            ("x", 2, 1, "", "", "russia", "negative", 0, ""),
            ("x", 3, 1, "us_nato_west", "outlet", "", "", 0, ""),
            ("x", 4, 0, "", "", "", "", 0, ""),
            ("x", 5, 1, "", "", "", "", 0, "")])


def test_agreement_and_kappa_per_field_over_the_units_both_coded():
    s = h.score_frame_functions({"a": A, "b": B}).set_index("field")
    assert (s.n == 4).all() and set(s.pair) == {"a vs b"}
    # cause_agent: a = [us, "", russia, ""] ("none" is absent), b = [us, "", us, ""]: 3 of 4 agree;
    # po = .75, pe = (1/4*2/4) + (2/4*2/4) + (1/4*0) = .375, kappa = .375 / .625 = .6
    assert s.loc["cause_agent", "agreement"] == 0.75 and s.loc["cause_agent", "kappa"] == 0.6
    # problem: a = [1, 0, 1, 0], b = [1, 1, 1, 0]: po .75, pe = .5*.75 + .5*.25 = .5, kappa .5
    assert s.loc["problem", "kappa"] == 0.5
    assert (s.loc["remedy", "present_a"], s.loc["remedy", "present_b"]) == (1, 0)
    # moral_target: both code one unit "russia", the rest absent: full agreement
    assert s.loc["moral_target", "agreement"] == 1.0 and s.loc["moral_target", "kappa"] == 1.0


def test_kappa_is_nan_when_both_use_one_label_throughout():
    s = h.score_frame_functions({"a": A.iloc[3:], "b": B.iloc[3:4]}).set_index("field")
    assert math.isnan(s.loc["cause_agent", "kappa"]) and s.loc["cause_agent", "agreement"] == 1.0


def test_a_coding_without_a_field_or_with_a_unit_twice_is_refused():
    with pytest.raises(CorpusError, match="b: missing column.*remedy"):
        h.score_frame_functions({"a": A, "b": B.drop(columns="remedy")})
    with pytest.raises(CorpusError, match="a: unit x:1 is coded twice"):
        h.score_frame_functions({"a": pd.concat([A, A.iloc[:1]]), "b": B})


def test_the_seed_codings_cover_exactly_the_units_the_rules_emit():
    """Both blind codings of the seed load and code the 110 units frame_functions emits, no
    more and no fewer; the coders agree on causal agents well above chance."""
    import pipeline

    codings = h.load_frame_codings(h.corpus_dir())
    assert sorted(codings) == ["coder-a", "coder-b"]
    corpus = pipeline.load_corpus(h.corpus_dir())
    articles, _ = h.analysis_set(corpus)
    A = pipeline.annotate(articles, ["sentences", "voice"])
    rules = h.frame_functions(A["sentences"], A["voice"], articles)
    units = set(zip(rules.article_id, rules.sentence_id.astype(int)))
    assert len(units) == 110
    for table in codings.values():
        assert set(zip(table.article_id, table.sentence_id.astype(int))) == units
    s = h.score_frame_functions(codings).set_index("field")
    assert s.loc["cause_agent", "kappa"] >= 0.8


def test_a_corpus_without_frame_coding_has_none(tmp_path):
    assert h.load_frame_codings(tmp_path) == {}


def test_frame_scores_on_a_fixture_set_scores_the_rules_on_the_coded_articles_only():
    folder = h.FRAME_FIXTURE_SETS["second set: scored once, then revised on"]
    codings = h.load_frame_codings(folder)
    assert sorted(codings) == ["coder-c", "coder-d"]
    s = h.frame_scores_on(folder)
    assert sorted(set(s.pair)) == ["coder-c vs coder-d", "coder-c vs rules", "coder-d vs rules"]
    # 119 units were coded; 8 are lines the current cleaning removes as furniture (captions,
    # related headlines, a print-edition note, a dateline and agency tag, a time-stamp line),
    # so 111 are scored, and the coders' pair is score_frame_functions of their two files, aligned
    assert set(s.n) == {111} and s.attrs["unplaced"] == 8
    units = h.frame_units(h.load_corpus(folder).query("article_id in @codings['coder-c'].article_id"))
    aligned = {n: h.align_frame_coding(t, units)[0] for n, t in codings.items()}
    pd.testing.assert_frame_equal(s[s.pair == "coder-c vs coder-d"].reset_index(drop=True),
                                  h.score_frame_functions(aligned))


def test_a_coding_follows_its_texts_when_cleaning_moves_the_sentences():
    units = {"x": [(0, "Headline here"), (1, "First."), (2, "Second."), (3, "Headline here"), (4, "Third.")]}
    coding = pd.DataFrame({"article_id": "x", "sentence_id": [1, 2, 3, 4, 5],
                           "text": ["First.", "Gone now.", "Headline here", "Second.", "Third."], "problem": "1"})
    aligned, unplaced = h.align_frame_coding(coding, units)
    # "Second." moved from 4 to 2; "Gone now." is no unit any more; the repeated headline goes to
    # the copy nearest its old number (3, not 0); a coding without texts stays as it is
    assert aligned[["sentence_id", "text"]].values.tolist() == [
        [1, "First."], [3, "Headline here"], [2, "Second."], [4, "Third."]]
    assert unplaced == 1
    bare = coding.drop(columns=["text"])
    assert h.align_frame_coding(bare, units) == (bare, 0)


def test_frame_scores_on_refuses_a_coding_of_an_article_the_corpus_lacks(corpus_copy):
    folder = corpus_copy(parts=["articles", "articles.csv"])
    (folder / "annotations" / "frame_functions").mkdir(parents=True)
    coding([("no-such-article", 1, 1, "", "", "", "", 0, "")]).to_csv(
        folder / "annotations" / "frame_functions" / "coder-a.csv", index=False)
    with pytest.raises(CorpusError, match="no-such-article"):
        h.frame_scores_on(folder)


def test_frame_scores_on_a_corpus_without_codings_is_empty(corpus_copy):
    assert h.frame_scores_on(corpus_copy(parts=["articles", "articles.csv"])).columns.tolist() == \
        h.FRAME_SCORE_COLUMNS


def test_frame_scores_unseen_averages_the_rules_over_coders_and_bands_them(monkeypatch):
    import inf_coverage.validate.frame_scores as fs

    def fake(folder):
        rows = []
        for f in h.FRAME_FIELDS:
            rows += [(f, "a vs b", 10, 0.9, 0.8, 3, 3), (f, "a vs rules", 10, 0.9, 0.7, 3, 3),
                     (f, "b vs rules", 10, 0.8, 0.5, 3, 3)]
        return pd.DataFrame(rows, columns=h.FRAME_SCORE_COLUMNS)

    monkeypatch.setattr(fs, "frame_scores_on", fake)
    t = h.frame_scores_unseen({"x": "anywhere"})
    assert t.columns.tolist() == h.UNSEEN_COLUMNS
    row = t.iloc[0]
    # (0.7 + 0.5) / 2 = 0.6: the lower edge of "usable with care"; the coders' own kappa 0.8
    assert (row.set, row.field, row.units, row.coders_kappa, row.rules_kappa, row.verdict) == \
        ("x", "problem", 10, 0.8, 0.6, "usable with care")
    assert len(t) == len(h.FRAME_FIELDS)


def test_unseen_caveat_reads_the_last_set_only():
    rows = [("early", f, 10, 0, 0.9, 0.95, "usable") for f in h.FRAME_FIELDS]
    rows += [("last", "cause_agent", 10, 0, 1.0, 0.55, "not reliable on this corpus"),
             ("last", "distancing_target", 10, 0, 0.8, 0.67, "usable with care"),
             ("last", "remedy", 10, 0, 0.9, 0.85, "usable")]
    scores = pd.DataFrame(rows, columns=h.UNSEEN_COLUMNS)
    assert h.unseen_caveat(["cause_agent", "distancing_target"], scores) == (
        " (On copy the rules were not written on, they agree with blind coders at kappa 0.55 on causes, "
        "not reliable, and 0.67 on distancing, usable with care: read as indicative.)")
    # a field usable on the last set needs no caveat, whatever the earlier sets say
    assert h.unseen_caveat(["remedy"], scores) == ""


def test_a_caveat_follows_the_finding_text(corpus):
    F = h.Findings("01-source-framing", corpus)
    text = F.computed("x-test", "Two articles name a cause.", lambda: True, caveat=" (Read as indicative.)")
    assert text == "Two articles name a cause. (Read as indicative.)"
    assert F.table().text.tolist() == ["Two articles name a cause. (Read as indicative.)"]


def test_the_seed_codings_carry_their_units_text_and_every_row_is_placed():
    # the seed's two codings hold each unit's text, so they are aligned by it like the fixture
    # sets: all 110 rows of each are placed, on the units they were coded on
    codings = h.load_frame_codings("corpus")
    units = h.frame_units(h.load_corpus("corpus"))
    for name, coding in codings.items():
        aligned, unplaced = h.align_frame_coding(coding, units)
        assert (len(coding), unplaced) == (110, 0), name
        assert aligned.sentence_id.tolist() == coding.sentence_id.astype(int).tolist(), name
    assert h.frame_scores_on("corpus").attrs["unplaced"] == 0
