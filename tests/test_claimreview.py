"""The ClaimReview export (``claim_reviews``, ``claimreview_json``) on the seed corpus.

Counts were read off ``claim_checks`` on the five seed articles by hand (see
tests/test_claims.py, SEED_PROBLEMS): the outlets' own rated statements, and the errors in
quoted words that are the speakers' (the Russian Foreign Ministry's "unilateral compliance
with the INF Treaty", Pavel Podvig's "July 2021" summit).
"""

import json
from collections import Counter

import pandas as pd
import pytest

import helpers as h

# Google Search Central, "Fact check (ClaimReview) structured data", structured data type
# definitions: https://developers.google.com/search/docs/appearance/structured-data/factcheck
# The list as read at https://fullfact.github.io/markup-investigation/docs/notes/01-basic-usage/
# (a table of Google's required and recommended properties) and checked against
# https://schema.org/ClaimReview (claimReviewed: Text; itemReviewed: Thing).
REQUIRED = {"ClaimReview": ["claimReviewed", "reviewRating", "url"], "Rating": ["alternateName"]}
RECOMMENDED = {"ClaimReview": ["author", "datePublished", "itemReviewed"],
               "Claim": ["appearance", "author"],          # datePublished, firstAppearance: where known
               "Rating": ["bestRating", "name", "ratingValue", "worstRating"]}
OWN_PER_OUTLET = {"Global Times": 7, "The COW News Digital": 8, "The Moscow Times": 20, "Unnamed aggregator": 12}


@pytest.fixture(scope="module")
def checks(articles, sents, quotes):
    return h.claim_checks(sents, articles, quote_rows=quotes)


@pytest.fixture(scope="module")
def reviews(checks, articles, sents):
    return h.claim_reviews(checks, articles, sents)


def own(reviews, articles):
    outlets = set(articles.outlet)
    return [r for r in reviews if r["itemReviewed"]["author"]["name"] in outlets]


def test_every_review_has_googles_required_and_recommended_properties(reviews):
    assert len(reviews) == 80
    for r in reviews:
        assert (r["@context"], r["@type"]) == ("https://schema.org", "ClaimReview")
        for key in REQUIRED["ClaimReview"] + RECOMMENDED["ClaimReview"]:
            assert r[key], key
        rating, claim = r["reviewRating"], r["itemReviewed"]
        assert rating["@type"] == "Rating" and claim["@type"] == "Claim"
        assert all(rating[k] != "" for k in REQUIRED["Rating"] + RECOMMENDED["Rating"])
        assert all(claim[k] for k in RECOMMENDED["Claim"])
        assert claim["author"]["@type"] in ("Organization", "Person")
        assert claim["appearance"]["@type"] == "CreativeWork"
        assert (rating["worstRating"], rating["bestRating"]) == (1, 4)
        assert h.RATING_SCALE[rating["name"]] == (rating["ratingValue"], rating["alternateName"])
        assert r["author"] == {"@type": "Organization",
                               "name": "How outlets covered Russia ending its INF-range missile moratorium"}
        assert r["datePublished"] == "2025-08-06"          # the newest article date, not the build's


def test_reviews_per_outlet_are_its_own_rated_statements(reviews, checks, articles):
    mine = own(reviews, articles)
    assert dict(Counter(r["itemReviewed"]["author"]["name"] for r in mine)) == OWN_PER_OUTLET
    rated = checks[(checks.whose == "outlet") & (checks.verdict != "not checked")]
    assert rated.outlet.value_counts().to_dict() == OWN_PER_OUTLET
    assert all(r["itemReviewed"]["appearance"]["publisher"]["name"] == r["itemReviewed"]["author"]["name"]
               for r in mine)


def test_reviews_per_rating(reviews, articles):
    mine = own(reviews, articles)
    theirs = [r for r in reviews if r not in mine]
    assert Counter(r["reviewRating"]["alternateName"] for r in mine) == {
        "False": 9, "Misleading": 6, "Unverified": 1, "True": 31}
    assert Counter(r["reviewRating"]["alternateName"] for r in theirs) == {"False": 1, "Misleading": 1, "True": 31}
    assert reviews[:len(mine)] == mine                     # the outlets' own first, then the speakers'


def test_the_cow_withdrawal_claim_is_rated_false_at_its_sentence(reviews):
    [r] = [r for r in reviews if r["url"] == "articles/cow-inf-withdrawal.html#s1"
           and r["reviewRating"]["ratingValue"] == 1 and "withdrawal from the Intermediate" in r["claimReviewed"]
           and r["reviewRating"]["ratingExplanation"].startswith("Russia suspended its obligations")]
    assert r["itemReviewed"]["author"] == {"@type": "Organization", "name": "The COW News Digital"}
    assert r["itemReviewed"]["appearance"] == {"@type": "CreativeWork",
                                               "publisher": {"@type": "Organization", "name": "The COW News Digital"}}
    assert "datePublished" not in r["itemReviewed"]          # the article prints no date


def test_an_article_with_an_address_appears_under_it(reviews):
    [r] = [r for r in reviews if r["url"] == "articles/mt-experts.html#s1"]
    assert r["reviewRating"]["name"] == "misleading" and r["reviewRating"]["ratingValue"] == 2
    assert r["itemReviewed"]["appearance"]["url"] == (
        "https://www.themoscowtimes.com/2025/08/06/new-missile-crisis-or-no-real-change-experts-weigh-in-on-"
        "end-of-russias-intermediate-range-missile-moratorium-a90097")
    assert r["itemReviewed"]["datePublished"] == "2025-08-06"


def test_no_quoted_claim_is_exported_as_the_outlets(reviews, checks, articles):
    outlets = set(articles.outlet)
    quoted = checks[checks.whose.str.startswith("quoted")]
    own_urls = Counter(r["url"] for r in own(reviews, articles))
    outlet_rows = checks[(checks.whose == "outlet") & (checks.verdict != "not checked")]
    assert own_urls == Counter(f"articles/{a}.html#s{s}" for a, s in zip(outlet_rows.article_id,
                                                                           outlet_rows.sentence_id))
    # the ministry's words in COW's sentence 5: the speaker's claim, rated misleading
    [r] = [r for r in reviews if r["url"] == "articles/cow-inf-withdrawal.html#s5"]
    assert r["itemReviewed"]["author"] == {"@type": "Organization", "name": "Russian Foreign Ministry"}
    assert r["reviewRating"]["ratingValue"] == 2
    assert r["itemReviewed"]["appearance"]["publisher"]["name"] == "The COW News Digital"
    [p] = [r for r in reviews if r["reviewRating"]["ratingValue"] == 1 and r["itemReviewed"]["author"]["name"]
           not in outlets]
    assert p["itemReviewed"]["author"] == {"@type": "Person", "name": "Pavel Podvig"}
    assert p["url"] == "articles/mt-experts.html#s27"
    # an official's wording is rated against the record of what was said: no review of it
    assert len(quoted[quoted.claim_id == "official_quote"]) > 0
    assert len([r for r in reviews if r["itemReviewed"]["author"]["name"] not in outlets]) == 33


def test_speakers_can_be_left_out_and_a_date_given(checks, articles, sents):
    only = h.claim_reviews(checks, articles, sents, speakers=False, date="2025-09-01",
                           base_url="https://example.org/report")
    assert len(only) == 47
    assert {r["datePublished"] for r in only} == {"2025-09-01"}
    assert only[0]["url"].startswith("https://example.org/report/articles/")
    assert only[0]["author"]["url"] == "https://example.org/report/"


def test_an_article_without_a_page_points_to_the_claims_page(checks, articles, sents):
    r = h.claim_reviews(checks, articles, sents, speakers=False, pages={"mt-experts"})
    assert {x["url"].split("#")[0] for x in r} == {"articles/mt-experts.html", "04-missile-range-facts.html"}


def test_json_round_trip_is_stable_and_keeps_the_text(reviews):
    text = h.claimreview_json(reviews)
    assert text.endswith("]\n") and text.startswith("[\n  {\n    \"@context\": \"https://schema.org\",")
    assert json.loads(text) == reviews
    assert h.claimreview_json(json.loads(text)) == text
    assert "Russia’s decision" in text                    # non-ASCII kept, not escaped


def written():
    """Two copies of one story (the later one a copy of the first), and an article whose
    address is a script."""
    arts = pd.DataFrame({
        "article_id": ["wire-a", "wire-b", "odd"], "outlet": ["Wire", "Paper", "Odd"],
        "published": ["2025-08-05", "2025-08-07", ""], "url": ["https://wire.example/a", "", "javascript:alert(1)"],
        "title": ["Russia ends moratorium", "", ""], "copy_group": ["wire-a", "wire-a", "odd"]})
    sents = pd.DataFrame({"article_id": ["wire-a", "wire-b", "odd"], "sentence_id": [1, 1, 1],
                          "text": ["Russia  withdrew from the treaty.", "Russia withdrew from the treaty.",
                                   "The treaty ended in 2019."]})
    row = dict(start=0, end=14, claim_id="russia_treaty_status", surface="Russia withdrew", verdict="conflicts",
               whose="outlet", explanation="conflicts: Russia never withdrew.")
    checks = pd.DataFrame([dict(row, article_id="wire-a", outlet="Wire", sentence_id=1),
                           dict(row, article_id="wire-b", outlet="Paper", sentence_id=1),
                           dict(row, article_id="odd", outlet="Odd", sentence_id=1, verdict="agrees",
                                explanation="agrees: it ended on 2 Aug 2019.")])
    return checks, arts, sents


def test_copies_name_the_first_appearance_and_only_web_addresses_are_kept():
    checks, arts, sents = written()
    odd, a, b = h.claim_reviews(checks, arts, sents, institutions=())   # by article id
    first = {"@type": "CreativeWork", "url": "https://wire.example/a", "headline": "Russia ends moratorium",
             "datePublished": "2025-08-05", "publisher": {"@type": "Organization", "name": "Wire"}}
    assert a["itemReviewed"]["firstAppearance"] == first == b["itemReviewed"]["firstAppearance"]
    assert b["itemReviewed"]["appearance"] == {"@type": "CreativeWork", "datePublished": "2025-08-07",
                                               "publisher": {"@type": "Organization", "name": "Paper"}}
    assert a["claimReviewed"] == "Russia withdrew from the treaty."
    assert a["reviewRating"]["ratingExplanation"] == "Russia never withdrew."
    assert odd["itemReviewed"]["appearance"] == {"@type": "CreativeWork",
                                                 "publisher": {"@type": "Organization", "name": "Odd"}}
    assert "firstAppearance" not in odd["itemReviewed"] and odd["reviewRating"]["ratingValue"] == 4
    assert {r["datePublished"] for r in (a, b, odd)} == {"2025-08-07"}


@pytest.mark.parametrize("change, message", [
    (lambda c, a, s: (c.drop(columns="whose"), a, s), "checks: missing column(s) whose"),
    (lambda c, a, s: (c.assign(verdict=["conflicts", "wrong", "agrees"]), a, s),
     "checks row 1 (wire-b, sentence 1): verdict 'wrong' is none of"),
    (lambda c, a, s: (c, a[a.article_id != "odd"], s), "checks row 2 (odd, sentence 1): article 'odd' is not in"),
    (lambda c, a, s: (c, a, s[s.article_id != "wire-b"]), "checks row 1 (wire-b, sentence 1): sentence 1 of"),
    (lambda c, a, s: (c, a.assign(published=["5 Aug", "", ""]), s), "articles row 0 (wire-a): published '5 Aug'"),
])
def test_bad_input_is_refused_naming_the_row(change, message):
    checks, arts, sents = change(*written())
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        h.claim_reviews(checks, arts, sents, institutions=())


def test_the_report_build_writes_the_same_reviews_and_lists_the_file(reviews, tmp_path, monkeypatch):
    import build_report
    import report_site
    monkeypatch.setenv("INF_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CORPUS_DIR", raising=False)
    pages = {a: set() for a in ["agg-ryabkov", "cow-inf-withdrawal", "gt-moratorium", "mt-ban-ends", "mt-experts"]}
    assert build_report.write_claim_reviews(tmp_path, pages) == 80
    assert (tmp_path / "claimreview.json").read_text(encoding="utf-8") == h.claimreview_json(reviews)
    assert "claimreview.json" in build_report.EXPORTS and "claimreview.json" in report_site.EXPORT_NOTES
