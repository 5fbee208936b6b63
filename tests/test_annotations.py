"""The hand-coding format, its loader, anchoring, the scores of 05-validation, and one of
its seed findings failing when the annotations under it change.

The expected scores below were computed by hand from the small cases they score."""

import math
import os
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

import annotations as an
import helpers as h

SEED = h.DEFAULT_CORPUS_DIR
NOTEBOOK = h.REPO_DIR / "notebooks" / "05-validation.ipynb"


def write(folder: Path, kind: str, rows: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{kind}.csv"
    pd.DataFrame(rows).to_csv(path, index=False, lineterminator="\n")
    return path


@pytest.fixture(scope="module")
def first_sentence(sents):
    s = sents[(sents.article_id == "gt-moratorium") & (sents.sentence_id == 1)].iloc[0]
    return int(s.start), int(s.end), s.text


# -- Loader ------------------------------------------------------------------

def test_the_committed_hand_coding_loads_and_covers_every_sentence(articles, sents):
    gold = an.load_annotations(SEED, articles)
    assert set(gold) == {"voice", "quotes", "mentions", "frames", "blame", "sentiment", "dates",
                         "ranges", "systems", "furniture", "claims"}
    assert len(gold["claims"]) == 100 and set(gold["claims"].coder) == {"coder3"}   # the blind coding of 04's verdicts
    assert len(gold["voice"]) == len(sents) == len(gold["sentiment"]) == 110
    second = an.load_annotations(SEED, articles, folder=SEED / "annotations" / "second_coder")
    assert an.coded_articles(second) == ["cow-inf-withdrawal", "gt-moratorium"]
    assert len(second["voice"]) == 40          # 36% of the sentences
    texts = dict(zip(articles.article_id, articles.text))
    for kind, table in gold.items():
        src = dict(zip(articles.article_id, articles.raw_text)) if kind == "furniture" else texts
        assert all(src[a][s:e] == t for a, s, e, t in table[["article_id", "start", "end", "text"]]
                   .itertuples(index=False)), kind
        assert table[["article_id", "start", "end"]].equals(
            table[["article_id", "start", "end"]].sort_values(["article_id", "start", "end"]).reset_index(drop=True))


def test_a_corpus_without_annotations_gives_none(articles, tmp_path):
    assert an.load_annotations(tmp_path, articles) == {}


def test_loader_refuses_text_that_no_longer_matches_its_offsets(articles, tmp_path, first_sentence):
    start, end, text = first_sentence
    path = write(tmp_path, "voice", [{"article_id": "gt-moratorium", "start": start + 1, "end": end + 1,
                                      "text": text, "voice": "mixed", "speaker": "Russia"}])
    shifted = articles.set_index("article_id").text["gt-moratorium"][start + 1:end + 1]
    expected = (f"{path}, row 2: text {text!r} does not match the article's cleaned text at "
                f"{start + 1}:{end + 1}, {shifted!r} (a cleaning change must never shift annotations "
                f"silently: re-anchor with scripts/anchor_annotations.py)")
    with pytest.raises(h.CorpusError) as err:
        an.load_annotations(SEED, articles, folder=tmp_path)
    assert str(err.value) == expected


def test_loader_refuses_an_unknown_article(articles, tmp_path, first_sentence):
    start, end, text = first_sentence
    path = write(tmp_path, "sentiment", [
        {"article_id": "gt-moratorium", "start": start, "end": end, "text": text, "label": "neutral"},
        {"article_id": "gt-moratorum", "start": start, "end": end, "text": text, "label": "neutral"}])
    with pytest.raises(h.CorpusError) as err:
        an.load_annotations(SEED, articles, folder=tmp_path)
    assert str(err.value) == f"{path}, row 3: unknown article_id 'gt-moratorum'"


def test_loader_refuses_a_label_outside_the_codebook(articles, tmp_path, first_sentence):
    start, end, text = first_sentence
    path = write(tmp_path, "voice", [{"article_id": "gt-moratorium", "start": start, "end": end,
                                      "text": text, "voice": "narrator", "speaker": ""}])
    with pytest.raises(h.CorpusError) as err:
        an.load_annotations(SEED, articles, folder=tmp_path)
    assert str(err.value) == f"{path}, row 2: voice 'narrator' is not one of 'narration', 'quoted', 'mixed'"


def test_loader_refuses_offsets_out_of_range_and_unknown_kinds(articles, tmp_path):
    n = len(articles.set_index("article_id").text["mt-ban-ends"])
    path = write(tmp_path, "mentions", [{"article_id": "mt-ban-ends", "start": n - 2, "end": n + 3,
                                         "text": "xyz", "figure": "Donald Trump"}])
    with pytest.raises(h.CorpusError) as err:
        an.load_annotations(SEED, articles, folder=tmp_path)
    assert str(err.value) == f"{path}, row 2: offsets {n - 2}:{n + 3} out of range for 'mt-ban-ends' ({n} characters)"
    path.unlink()
    other = write(tmp_path, "quotations", [{"article_id": "mt-ban-ends"}])
    with pytest.raises(h.CorpusError, match="quotations.csv: not an annotation kind"):
        an.load_annotations(SEED, articles, folder=tmp_path)
    other.unlink()
    at = articles.set_index("article_id").text["gt-moratorium"].index("Monday")
    bad_date = write(tmp_path, "dates", [{"article_id": "gt-moratorium", "start": at, "end": at + 6,
                                          "text": "Monday", "event": "mfa_statement", "date": "2025-8-4"}])
    with pytest.raises(h.CorpusError) as err:
        an.load_annotations(SEED, articles, folder=tmp_path)
    assert str(err.value) == f"{bad_date}, row 2: date '2025-8-4' is not YYYY, YYYY-MM or YYYY-MM-DD"


# -- Anchoring ---------------------------------------------------------------

def test_anchor_places_coder_rows_by_sentence_id_occurrence_and_sentence_text(articles, sents):
    text = articles.set_index("article_id").text["gt-moratorium"]
    s20 = sents[(sents.article_id == "gt-moratorium") & (sents.sentence_id == 20)].iloc[0]
    first_trump = text.index("Trump", s20.start)
    second_trump = text.index("Trump", first_trump + 1)
    assert second_trump < s20.end
    rows = pd.DataFrame([
        {"article_id": "gt-moratorium", "sentence_id": "20", "text": "Trump", "occurrence": "2", "figure": "Donald Trump"},
        {"article_id": "gt-moratorium", "sentence_id": "20", "text": "Trump", "occurrence": "", "figure": "Donald Trump"},
        {"article_id": "gt-moratorium", "sentence_id": "99", "text": "Trump", "occurrence": "", "figure": "Donald Trump"},
        {"article_id": "gt-moratorium", "sentence_id": "1", "text": "Nobody at all", "occurrence": "", "figure": "X"},
    ])
    anchored, lost = an.anchor(rows, articles, sents)
    assert anchored[["start", "end"]].values.tolist() == [[first_trump, first_trump + 5],
                                                          [second_trump, second_trump + 5]]
    assert list(anchored.columns) == ["article_id", "start", "end", "text", "figure"]
    assert lost[["row", "problem"]].values.tolist() == [
        [4, "no sentence 99 in 'gt-moratorium'"], [5, "text not found in the sentence or the article"]]
    # the fixture format: the sentence by its text, curly quotation marks typed straight
    fixture = pd.DataFrame([{"article_id": "gt-moratorium", "sentence": s20.text, "text": "Trump",
                             "occurrence": "2", "figure": "Donald Trump"}])
    placed, lost = an.anchor(fixture, articles, sents)
    assert placed.start.tolist() == [second_trump] and lost.empty


def test_anchor_re_anchors_shifted_rows_by_their_text(articles, sents):
    gold = an.load_annotations(SEED, articles)["quotes"]
    moved = gold.assign(start=gold.start + 7, end=gold.end + 7)   # as after a cleaning change
    again, lost = an.anchor(moved, articles, sents)
    assert lost.empty
    assert again[["article_id", "start", "end", "text"]].equals(gold[["article_id", "start", "end", "text"]])


# -- Scoring on hand-made cases ----------------------------------------------

def spans(rows, **labels):
    out = pd.DataFrame(rows, columns=["article_id", "start", "end"]).assign(text="")
    return out.assign(**labels) if labels else out


def test_span_matching_needs_half_of_the_shorter_span_and_is_one_to_one():
    gold = spans([("a", 0, 10), ("a", 20, 30), ("a", 40, 50)])
    # T1 exact; T2 overlaps G2 by 3 of 10 (< half); T3 matches nothing; T4 a second claim on G1
    tool = spans([("a", 0, 10), ("a", 27, 40), ("a", 60, 70), ("a", 2, 8)])
    assert an.match_spans(gold, tool) == [(0, 0)]
    s = an.score_spans("furniture", gold, tool).set_index(["article_id", "metric"])
    # matched 1, gold 3, tool 4: P = 1/4, R = 1/3, F1 = 2*1/(3+4) = 0.286
    assert s.loc[("all", "precision"), "value"] == 0.25
    assert s.loc[("all", "recall"), "value"] == 0.333
    assert s.loc[("all", "f1"), "value"] == 0.286
    assert s.loc[("all", "f1"), ["n_gold", "n_tool", "matched", "n"]].tolist() == [3, 4, 1, 3]
    # exactly half of the shorter span is enough: [25, 40) overlaps [20, 30) by 5 of 10
    assert an.match_spans(gold, spans([("a", 25, 40)])) == [(1, 0)]
    # spans in different articles never match
    assert an.match_spans(gold, spans([("b", 0, 10)])) == []


def test_quote_attributes_compare_speakers_through_the_registries():
    gold = spans([("a", 0, 10), ("a", 20, 30), ("a", 40, 50)],
                 speaker=["Sergey Ryabkov", "the ministry", "Li Haidong"],
                 kind=["direct", "indirect", "mixed"], verb=["says", "noted", "said"], affiliation="")
    tool = spans([("a", 0, 10), ("a", 20, 30), ("a", 40, 50)],
                 speaker=["Sergei Ryabkov", "Russian Foreign Ministry", "Vladimir Putin"],
                 kind=["direct", "mixed", "mixed"], verb=["said", "noted", "said"], affiliation="")
    s = an.score_spans("quotes", gold, tool).set_index(["article_id", "metric"]).value
    assert s[("all", "f1")] == 1.0
    assert s[("all", "speaker accuracy")] == 0.667     # 2 of 3: Li Haidong is not Putin
    assert s[("all", "kind accuracy")] == 0.667
    assert s[("all", "verb accuracy")] == 1.0          # "says" is reported as "said"
    assert an.canonical_speaker("Russia") == an.canonical_speaker("Moscow") == "Russian government"


def test_voice_speakers_compare_on_sentences_both_read_as_carried_speech():
    gold = spans([("a", 0, 10), ("a", 11, 20), ("a", 21, 30), ("a", 31, 40)],
                 voice=["quoted", "quoted", "mixed", "narration"],
                 speaker=["Sergey Ryabkov", "Li Haidong", "the ministry", ""])
    tool = spans([("a", 0, 10), ("a", 11, 20), ("a", 21, 30), ("a", 31, 40)],
                 voice=["quoted", "narration", "quoted", "narration"],
                 speaker=["Sergei Ryabkov", "", "", ""])
    s = an.score_sentences("voice", gold, tool).set_index(["article_id", "metric"])
    # carried in both: sentences 1 and 3; Ryabkov right, the ministry's sentence has no speaker
    assert s.loc[("all", "speaker accuracy"), ["value", "n"]].tolist() == [0.5, 2]
    # voice: q/q, q/n, m/q, n/n: po = 2/4; gold q .5 m .25 n .25, tool q .5 n .5:
    # pe = .25 + 0 + .125 = .375; kappa = (.5 - .375) / .625 = .2
    assert s.loc[("all", "kappa"), "value"] == 0.2


def test_kappa_and_accuracy_on_sentence_labels():
    # gold a a b b / tool a b b b: po = 3/4; pe = .5*.25 + .5*.75 = .5; kappa = (.75-.5)/.5 = .5
    assert an.cohen_kappa("aabb", "abbb") == 0.5
    assert an.cohen_kappa("ab", "ab") == 1.0
    assert math.isnan(an.cohen_kappa("aa", "aa"))        # one label throughout: undefined
    gold = spans([("a", 0, 10), ("a", 11, 20), ("a", 21, 30), ("a", 31, 40), ("a", 41, 50)],
                 label=["negative", "negative", "neutral", "neutral", "positive"])
    tool = spans([("a", 0, 10), ("a", 11, 20), ("a", 21, 30), ("a", 31, 40), ("a", 41, 49)],
                 label=["negative", "neutral", "neutral", "neutral", "positive"])
    s = an.score_sentences("sentiment", gold, tool).set_index(["article_id", "metric"])
    # the last sentence differs in its offsets: 4 pairs, labels nn/uu vs nu/uu:
    # po = 3/4; gold n .5 u .5, tool n .25 u .75: pe = .5; kappa = .5
    assert s.loc[("all", "kappa"), ["value", "n"]].tolist() == [0.5, 4]
    assert s.loc[("all", "accuracy"), "value"] == 0.75
    assert s.loc[("all", "sentences paired"), ["value", "n"]].tolist() == [0.8, 5]
    assert math.isnan(s.loc[("all", "kappa"), "ci_low"])   # one article: no interval


def test_frames_per_label_and_blame_direction():
    gold = spans([("a", 0, 10), ("a", 0, 10), ("a", 11, 20)], frame=["escalation", "arms_control", "escalation"])
    tool = spans([("a", 0, 10), ("a", 11, 20), ("a", 21, 30)], frame=["escalation", "arms_control", "escalation"])
    s = an.score_labels("frames", gold, tool).set_index(["article_id", "metric"]).value
    # escalation: gold {s1, s2}, tool {s1, s3}: 1 matched, P = R = F1 = .5
    assert [s[("all", f"{m}: escalation")] for m in ["precision", "recall", "f1"]] == [0.5, 0.5, 0.5]
    # arms_control: gold {s1}, tool {s2}: nothing matched
    assert s[("all", "f1: arms_control")] == 0.0
    # micro: 1 matched of 3 gold and 3 tool pairs: F1 = 2/6
    assert s[("all", "f1")] == 0.333
    gold = spans([("a", 0, 10), ("a", 11, 20)], topic=["treaty", "moratorium"], blamed=["russia", "us_west"])
    tool = spans([("a", 0, 10), ("a", 11, 20)], topic=["treaty", "moratorium"], blamed=["russia", "neither"])
    s = an.score_labels("blame", gold, tool).set_index(["article_id", "metric"])
    assert s.loc[("all", "f1"), "value"] == 1.0
    assert s.loc[("all", "direction accuracy"), ["value", "n"]].tolist() == [0.5, 2]


def test_intervals_resample_articles_and_need_five():
    four = spans([(f"a{k}", 0, 10) for k in range(4)])
    assert an.score_spans("furniture", four, four).ci_low.isna().all()
    # five articles, the tool right in three of them: pooled F1 = 3/5; the cluster bootstrap
    # gives an interval around it, the same one every run
    five = spans([(f"a{k}", 0, 10) for k in range(5)])
    tool = spans([(f"a{k}", 0, 10) for k in range(3)] + [("a3", 20, 30), ("a4", 20, 30)])
    s = an.score_spans("furniture", five, tool)
    pooled = s[(s.article_id == "all") & (s.metric == "f1")].iloc[0]
    assert pooled.value == 0.6 and pooled.ci_low < 0.6 < pooled.ci_high
    assert s.equals(an.score_spans("furniture", five, tool))
    assert s[s.article_id != "all"].ci_low.isna().all()


def test_verdicts_and_sentiment_thresholds():
    assert [an.verdict(v) for v in [0.8, 0.79, 0.6, 0.599, -0.1]] == [
        "usable", "usable with care", "usable with care", "not reliable on this corpus",
        "not reliable on this corpus"]
    assert an.verdict(float("nan")) == ""
    assert [an.sentiment_label(c) for c in [0.05, 0.049, -0.049, -0.05]] == [
        "positive", "neutral", "neutral", "negative"]


def test_inter_coder_scores_only_the_articles_both_coded():
    first = {"voice": spans([("a", 0, 10), ("a", 11, 20), ("b", 0, 10)], voice=["quoted", "narration", "mixed"])}
    second = {"voice": spans([("a", 0, 10), ("a", 11, 20)], voice=["quoted", "mixed"])}
    s = an.inter_coder(first, second)
    assert sorted(set(s.article_id)) == ["a", "all"]
    # a: quoted/quoted, narration/mixed: po = .5; pe = (.5*.5 + 0 + 0) = .25; kappa = 1/3
    assert s.set_index(["article_id", "metric"]).loc[("all", "kappa"), ["value", "n", "verdict"]].tolist() == [
        0.333, 2, "not reliable on this corpus"]


def test_the_tool_is_scored_on_the_seed_corpus(articles, sents):
    tool = an.tool_annotations(articles, sents)
    scores = an.score(an.load_annotations(SEED, articles), tool)
    assert list(scores.columns) == an.SCORE_COLUMNS + ["verdict"]
    head = scores[(scores.article_id == "all") & (scores.metric == scores.method.map(an.HEADLINE))]
    assert head.method.tolist() == ["voice", "quotes", "mentions", "frames", "blame", "sentiment",
                                    "dates", "ranges", "systems", "furniture", "claims"]
    assert head.verdict.ne("").all() and head.ci_low.notna().all()   # five articles pooled


def test_the_extraction_fixture_coding_is_anchored_and_scored():
    corpus = h.REPO_DIR / "tests" / "fixtures" / "extraction_corpus"
    articles = h.load_corpus(corpus)
    gold = an.load_annotations(corpus, articles)
    assert an.coded_articles(gold) == sorted(articles.article_id) and len(articles) == 9
    scores = an.score(gold, an.tool_annotations(articles))
    paired = scores[(scores.article_id == "all") & (scores.metric == "sentences paired")]
    assert (paired.value > 0.95).all()       # the coders' sentences are the tool's sentences
    head = scores[(scores.article_id == "all") & (scores.metric == scores.method.map(an.HEADLINE))]
    assert len(head) == 10
    # nine articles pooled: an interval for every kind coded in at least five of them;
    # frames and blame are coded for four articles only, so they get none
    with_interval = set(head[head.ci_low.notna()].method)
    assert with_interval == set(head.method) - {"frames", "blame"}


# -- A seed finding of 05-validation fails when its annotations change ---------

def test_a_seed_finding_fails_when_the_second_coding_changes(tmp_path, corpus_copy, monkeypatch):
    sys.path.insert(0, str(h.REPO_DIR / "scripts"))
    import build_report

    corpus = corpus_copy()
    assert h.fingerprint(corpus) == h.fingerprint(SEED)    # the texts are the seed texts
    path = corpus / "annotations" / "second_coder" / "voice.csv"
    voice = pd.read_csv(path, dtype=str, keep_default_na=False)
    row = voice.index[(voice.article_id == "gt-moratorium") & (voice.voice == "mixed")][0]
    voice.loc[row, "voice"] = "narration"                  # one edited label, offsets untouched
    voice.to_csv(path, index=False, lineterminator="\n")
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(NOTEBOOK, notebooks / NOTEBOOK.name)
    monkeypatch.setenv("CORPUS_DIR", str(corpus))
    monkeypatch.setenv("REPORT_DIR", str(tmp_path / "report"))
    with pytest.raises(SystemExit) as stop:
        build_report.execute(notebooks / NOTEBOOK.name)
    message = str(stop.value.code)
    assert "FindingError" in message
    assert "05-validation / ceiling: Over the 40 sentences both coded" in message
    assert os.environ["CORPUS_DIR"] == str(corpus)


def test_anchor_places_a_furniture_row_on_a_whole_line_and_repeated_rows_on_successive_lines():
    raw = "Menu  Home  Section\nSection\nA first paragraph of the story.\nLike\nMore prose here.\nLike\n"
    arts = pd.DataFrame({"article_id": ["f"], "outlet": ["X"], "raw_text": [raw], "text": [raw]})
    rows = pd.DataFrame({"article_id": ["f", "f", "f"], "text": ["Section", "Like", "Like"]})
    placed, lost = an.anchor(rows, arts, sents=pd.DataFrame(columns=["article_id", "sentence_id", "start", "end"]),
                             kind="furniture")
    line = raw.index("\nSection\n") + 1
    likes = [raw.index("\nLike\n") + 1, raw.rindex("\nLike\n") + 1]
    assert lost.empty
    assert placed.start.tolist() == [line] + likes          # not "Section" inside the menu line
    assert (placed.end - placed.start).tolist() == [7, 4, 4]


def test_claim_verdicts_are_scored_as_statements_found_with_the_same_verdict():
    sents = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_id": [1, 2, 1], "start": [0, 50, 0], "end": [50, 100, 40]})
    gold = pd.DataFrame({"article_id": ["a", "a", "a", "b"], "start": [5, 10, 60, 3], "end": [9, 20, 70, 8],
                         "claim_id": ["russia_treaty_status", "date:F08", "official_quote", "treaty_scope"],
                         "verdict": ["conflicts", "agrees", "unverified", "misleading"],
                         "whose": ["outlet", "outlet", "quoted: Sergei Ryabkov", "outlet"]})
    tool = pd.DataFrame({"article_id": ["a", "a", "a", "b", "b"], "start": [30, 12, 55, 20, 1], "end": [40, 16, 65, 30, 5],
                         "claim_id": ["russia_treaty_status", "date:us_withdrawal", "official_quote", "treaty_scope", "treaty_scope"],
                         "verdict": ["conflicts", "conflicts", "unverified", "conflicts", "not checked"],
                         "whose": ["outlet", "outlet", "outlet", "outlet", "outlet"]})
    assert (an.claim_family("date:F08"), an.claim_family("date:us_withdrawal"), an.claim_family("range:F04"),
            an.claim_family("moratorium_scope")) == ("date", "date", "range", "moratorium_scope")
    s = an.score_claims(gold, tool, sents, ["a", "b"]).set_index(["article_id", "metric"])
    # found: all four (a1 status, a1 date, a2 quote, b1 scope; "not checked" is no verdict): 4 of 4 gold, 4 tool rows
    assert s.loc[("all", "statement f1"), ["value", "matched"]].tolist() == [1.0, 4]
    # the same verdict: the status conflict and the unverified quote; 2 of 4 -> F1 0.5
    assert s.loc[("all", "f1"), ["value", "matched", "n_gold", "n_tool"]].tolist() == [0.5, 2, 4, 4]
    assert s.loc[("a", "f1"), "value"] == round(2 * 2 / 6, 3) and s.loc[("b", "f1"), "value"] == 0.0
    # conflicts: the tool's three; the coder calls two of them an error (conflicts, misleading)
    assert s.loc[("all", "conflicts confirmed"), ["value", "n"]].tolist() == [0.667, 3]
    # whose: the quote's is quoted in the coding, outlet in the tool: 3 of 4
    assert s.loc[("all", "whose accuracy"), "value"] == 0.75
    assert s.loc[("all", "verdict accuracy"), ["value", "n"]].tolist() == [0.5, 4]
