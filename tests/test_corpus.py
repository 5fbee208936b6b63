"""Corpus loading, cleaning audit, sentences and tokens, on the five seed articles.

Expected values were read off the article texts in corpus/articles/ by hand.
"""


import pandas as pd
import pytest

import helpers as h
from conftest import one_article

IDS = ["agg-ryabkov", "cow-inf-withdrawal", "gt-moratorium", "mt-ban-ends", "mt-experts"]


@pytest.fixture(scope="module")
def by_id(articles):
    return articles.set_index("article_id")


def sentence(sents, aid, sid):
    row = sents[(sents.article_id == aid) & (sents.sentence_id == sid)]
    assert len(row) == 1
    return row.iloc[0]


# -- loading ----------------------------------------------------------------

def test_five_articles_with_metadata_and_counts(articles):
    assert list(articles.article_id) == IDS
    for col in h.REQUIRED_COLUMNS + ["raw_text", "text", "n_words", "n_sentences"]:
        assert col in articles.columns
    assert dict(zip(articles.article_id, articles.n_sentences)) == {
        "agg-ryabkov": 21, "cow-inf-withdrawal": 13, "gt-moratorium": 27,
        "mt-ban-ends": 13, "mt-experts": 36}


def test_raw_text_is_the_file_byte_for_byte(articles):
    for name, raw in zip(articles.file, articles.raw_text):
        assert (h.DEFAULT_CORPUS_DIR / "articles" / name).read_bytes() == raw.encode("utf-8")


def test_corpus_dir_comes_from_environment(corpus_copy, monkeypatch):
    c = corpus_copy()
    meta = pd.read_csv(c / "articles.csv", dtype=str, keep_default_na=False)
    meta.loc[meta.article_id == "mt-experts", "outlet"] = "Renamed Outlet"
    meta.to_csv(c / "articles.csv", index=False)
    monkeypatch.setenv("CORPUS_DIR", str(c))
    loaded = h.load_corpus()
    assert loaded.set_index("article_id").at["mt-experts", "outlet"] == "Renamed Outlet"


def test_url_in_metadata_is_the_one_printed_at_the_end_of_the_text(by_id):
    printed = h.printed_urls(by_id.at["mt-experts", "raw_text"])
    assert len(printed) == 19
    # the last URL was split over two lines after "...weigh-in-o"
    assert printed[-1] == by_id.at["mt-experts", "url"]
    assert printed[-1].endswith("weigh-in-on-end-of-russias-intermediate-range-missile-moratorium-a90097")


# -- cleaning ---------------------------------------------------------------

FURNITURE = ["Photo: VCG", "Remind me later", "A Message from The Moscow Times", "Dear readers",
             "Related article", "Original url", "http", "t.me/", "Moscow( The COW", "Their Potency"]


@pytest.mark.parametrize("marker", FURNITURE)
def test_no_page_furniture_survives(articles, marker):
    for aid, text in zip(articles.article_id, articles.text):
        assert marker not in text, aid


def test_matching_breakers_are_normalised(articles):
    for text in articles.text:
        assert "\u2011" not in text and "\u0441" not in text
        assert "  " not in text and "\n\n" not in text
        assert all(line == line.strip() for line in text.split("\n"))
    mt = articles.set_index("article_id").at["mt-experts", "text"]
    assert "Vienna Center for Disarmament and Non-Proliferation" in mt
    # the hard-wrapped article is one paragraph per line again
    assert "Moscow and Washington had been barred from possessing missiles with ranges between 500 and 5,500 kilometers" in mt


def test_only_the_wrapped_article_is_detected_as_hard_wrapped(articles):
    got = {aid: h.is_hard_wrapped(raw) for aid, raw in zip(articles.article_id, articles.raw_text)}
    assert got == {aid: aid == "mt-experts" for aid in IDS}


def test_furniture_audit_names_every_removed_span(articles):
    audit = h.removed_spans(articles)
    furn = audit[audit.kind == "furniture"]
    got = [(r.article_id, r.rule, r.raw_start, r.raw_end) for r in furn.itertuples()]
    assert got == [
        ("cow-inf-withdrawal", "dateline", 0, 30),
        ("gt-moratorium", "photo caption", 0, 208),
        ("mt-ban-ends", "donation appeal", 2060, 3095),
        ("mt-experts", "related-article link", 2279, 2363),
        ("mt-experts", "source link list", 3627, 4335),
        ("mt-experts", "related-article link", 4980, 5086),
        ("mt-experts", "source link list", 7104, 7779),
    ]
    raw = articles.set_index("article_id")["raw_text"]
    for r in furn.itertuples():
        assert raw[r.article_id][r.raw_start:r.raw_end] == r.removed
    assert furn.iloc[1].removed.endswith("in Kursk region, Russia, on March 22, 2025. Photo: VCG")
    assert furn.iloc[2].removed.startswith("A Message from The Moscow Times:\nDear readers,")
    assert furn.iloc[2].removed.endswith("Remind me later.")
    assert furn.iloc[5].removed.endswith("Nuclear Threats Lose\nTheir Potency")


def test_normalisations_are_audited(articles):
    audit = h.removed_spans(articles)
    norm = audit[(audit.kind == "normalisation") & ~audit.rule.isin(["whitespace", "unwrap line"])]
    got = [(r.article_id, r.rule, r.removed, r.replacement) for r in norm.itertuples()]
    assert got == [
        ("mt-experts", "Cyrillic look-alike letter", "\u0441", "c"),  # "сould be the Iskander-M"
        ("mt-experts", "rejoin broken sentence", "\n\n", " "),       # before the pasted links
        ("mt-experts", "rejoin broken sentence", "\n\n\n", ""),      # after them
        ("mt-experts", "character normalisation", "\u2011", "-"),    # Non-Proliferation
    ]


def test_audit_is_complete_raw_plus_edits_gives_text(articles):
    """Replacing every audited span of the raw text gives the cleaned text exactly."""
    audit = h.removed_spans(articles)
    for aid, raw, text in zip(articles.article_id, articles.raw_text, articles.text):
        edits = audit[audit.article_id == aid].sort_values("raw_start")
        out, pos = [], 0
        for r in edits.itertuples():
            assert r.raw_start >= pos, "edits overlap"
            assert raw[r.raw_start:r.raw_end] == r.removed
            out += [raw[pos:r.raw_start], r.replacement]
            pos = r.raw_end
        out.append(raw[pos:])
        assert "".join(out) == text, aid


def test_removed_spans_leaves_its_input_alone(articles):
    before = articles.copy()
    h.removed_spans(articles)
    h.sentences(articles)
    pd.testing.assert_frame_equal(articles, before)


# -- sentences --------------------------------------------------------------

def test_sentence_offsets_are_exact(articles, sents):
    text = articles.set_index("article_id")["text"]
    for r in sents.itertuples():
        assert text[r.article_id][r.start:r.end] == r.text
    counts = sents.groupby("article_id").size()
    assert counts.to_dict() == dict(zip(articles.article_id, articles.n_sentences))
    assert (sents.groupby("article_id").sentence_id.apply(list)
            == sents.groupby("article_id").size().map(lambda n: list(range(1, n + 1)))).all()


def test_abbreviations_do_not_end_sentences(sents):
    s = sentence(sents, "mt-ban-ends", 12)
    assert s.text.startswith("Medvedev, who served as president from 2008 to 2012")
    assert "with U.S. President Donald Trump, who announced last week" in s.text
    assert s.text.endswith("on social media.")
    s = sentence(sents, "mt-experts", 24)  # "U. S." with a space, as printed
    assert s.text.startswith("Dara Massicot, a senior fellow")
    assert s.text.endswith("violated the agreement’s limits.")


def test_abbreviated_month_and_sentence_after_abbreviation():
    arts = one_article("Ryabkov said on Jan. 5 that talks would resume. "
                       "The talks were held in the U.S. The ministry agreed.")
    got = list(h.sentences(arts).text)
    assert got == ["Ryabkov said on Jan. 5 that talks would resume.",
                   "The talks were held in the U.S.", "The ministry agreed."]


def test_closing_quotes_stay_with_their_sentence(sents):
    assert sentence(sents, "mt-ban-ends", 10).text == \
        "“This is a new reality all our opponents will have to reckon with."
    assert sentence(sents, "mt-ban-ends", 11).text == "Expect further steps,” he wrote in English on X."
    assert sentence(sents, "mt-experts", 7).text.endswith("non-public matter.”")
    assert sentence(sents, "mt-experts", 28).text.endswith("after the treaty disappeared.”")
    assert sentence(sents, "gt-moratorium", 27).text == \
        "It is the defining conflict of his presidency and of the post-9/11 era.\""
    assert sentence(sents, "cow-inf-withdrawal", 7).text.endswith("“appropriate countermeasures.”")


def test_sentence_broken_by_pasted_links_is_whole_again(sents):
    assert sentence(sents, "mt-experts", 20).text == (
        "Alongside the Oreshnik, the most likely missile to be deployed could be the Iskander-M "
        "ballistic missile, according to the pro-military Telegram channel Voenny Osvedomitel.")


# -- tokens -----------------------------------------------------------------

def test_tokens_carry_provenance_and_match_word_counts(articles, sents):
    toks = h.tokens(sents)
    text = articles.set_index("article_id")["text"]
    assert toks.groupby("article_id").size().to_dict() == dict(zip(articles.article_id, articles.n_words))
    for r in toks.sample(300, random_state=0).itertuples():
        assert text[r.article_id][r.start:r.end] == r.token
    s5 = toks[(toks.article_id == "mt-ban-ends") & (toks.sentence_id == 5)]
    assert list(s5.token) == ["No", "agreement", "was", "ever", "reached"]
    s3 = toks[(toks.article_id == "mt-ban-ends") & (toks.sentence_id == 3)]
    assert list(s3.token)[-5:] == ["between", "500", "and", "5,500", "kilometers"]
    s2 = toks[(toks.article_id == "mt-ban-ends") & (toks.sentence_id == 2)]
    assert list(s2.token)[:7] == ["Moscow", "imposed", "the", "unilateral", "moratorium", "after", "the"]
    assert "U.S." in list(s2.token) and "Intermediate-Range" in list(s2.token)
    poss = toks[(toks.article_id == "mt-ban-ends") & (toks.token == "Medvedev’s")]
    assert list(poss.norm) == ["medvedev's"]


# -- shared table helpers ---------------------------------------------------

def test_evidence_gives_the_sentences_behind_rows(sents):
    rows = pd.DataFrame({"article_id": ["mt-ban-ends", "mt-ban-ends", "gt-moratorium"],
                         "sentence_id": [5, 5, 1], "label": ["a", "b", "c"]})
    got = h.evidence(rows, sents, "label")
    assert list(zip(got.article_id, got.sentence_id, got.label)) == [
        ("gt-moratorium", 1, "c"), ("mt-ban-ends", 5, "a, b")]
    assert got.text.iloc[1] == "No agreement was ever reached."
    assert list(h.evidence(rows, sents).columns) == ["article_id", "outlet", "sentence_id", "text"]


def test_count_table_fills_zeros_and_handles_no_rows():
    rows = pd.DataFrame({"outlet": ["B", "A", "A"], "kind": ["x", "y", "x"]})
    table = h.count_table(rows, "kind", "outlet")
    assert table.to_dict() == {"A": {"x": 1, "y": 1}, "B": {"x": 1, "y": 0}}
    empty = h.count_table(rows.iloc[0:0], ["kind", "outlet"], "outlet")
    assert empty.empty and list(empty.index.names) == ["kind", "outlet"]


def test_export_csv_is_byte_stable(tmp_path, articles):
    table = articles[["article_id", "outlet", "n_words"]]
    first = h.export_csv(table, tmp_path, "a.csv").read_bytes()
    second = h.export_csv(table, tmp_path, "b.csv").read_bytes()
    assert first == second and first.startswith(b"article_id,outlet,n_words\nagg-ryabkov,")
    assert b"\r\n" not in first
