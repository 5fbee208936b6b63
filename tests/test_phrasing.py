"""The wording rules of computed findings (inf_coverage/report/phrasing.py): ties kept, a
ranking only above its minimum, labels instead of ids, outlet or article by the corpus."""

import pandas as pd

import helpers as h


def test_a_tie_names_every_leader_and_is_not_a_ranking():
    r = h.rank(pd.Series({"Global Times": 6, "The Moscow Times": 6, "COW": 1}))
    assert (r.leaders, r.value, r.runner_up, r.stated, r.why) == (["Global Times", "The Moscow Times"], 6, 1, False, "tie")
    assert r.names() + r.each() == "Global Times and The Moscow Times each"


def test_a_single_leader_below_the_minimum_is_too_few():
    assert h.rank(pd.Series({"A": 3, "B": 3, "C": 1})).why == "too few"      # a tie of tiny counts is no ranking either
    r = h.rank(pd.Series({"A": 4, "B": 1}))
    assert (r.leaders, r.stated, r.why) == (["A"], False, "too few")
    assert h.rank(pd.Series({"A": 5, "B": 4})).stated
    assert h.rank(pd.Series({"A": 4, "B": 1}), min_n=3).stated


def test_one_label_or_nothing_is_never_ranked():
    assert h.rank(pd.Series({"A": 9})).why == "too few"
    assert h.rank(pd.Series(dtype=float)).why == "nothing"
    assert h.rank(pd.Series({"A": 0, "B": 0})).why == "nothing"


def test_the_lowest_share_ignores_nan_and_keeps_ties():
    r = h.rank(pd.Series({"A": 0.1, "B": float("nan"), "C": 0.1, "D": 0.5}), min_n=0, lowest=True)
    assert (r.leaders, r.runner_up, r.why) == (["A", "C"], 0.5, "tie")


def test_an_outlet_with_one_article_is_spoken_of_as_that_article():
    arts = pd.DataFrame({"outlet": ["The Moscow Times", "The Moscow Times", "Global Times", "The COW News Digital"]})
    assert h.source_label("The Moscow Times", arts) == "The Moscow Times (2 articles)"
    assert h.source_label("Global Times", arts) == "the Global Times article"
    assert h.source_label("The COW News Digital", arts) == "The COW News Digital article"
    assert h.sources_noun(["Global Times", "The COW News Digital"], arts) == "articles"
    assert h.sources_noun(["Global Times", "The Moscow Times"], arts, plural=False) == "outlet"


def test_possessives_and_counts():
    assert (h.possessive("Putin"), h.possessive("The Moscow Times")) == ("Putin's", "The Moscow Times'")
    assert (h.counted(1, "statement"), h.counted(0, "statement"), h.counted(2, "person", "people")) == (
        "1 statement", "0 statements", "2 people")


def test_ids_and_slugs_are_found_and_words_pass():
    text = "most often left out is oreshnik_first_use in agg-ryabkov (date:us_withdrawal) and mt-ban-ends"
    assert h.looks_like_id(text) == ["oreshnik_first_use", "date:us_withdrawal", "mt-ban-ends"]
    assert h.looks_like_id(text, known=["agg-ryabkov", "gt-moratorium"]) == [
        "oreshnik_first_use", "date:us_withdrawal", "mt-ban-ends", "agg-ryabkov"]
    assert h.looks_like_id("ground-based intermediate-range missiles, 500-5,500 km, on 4 Aug 2025: 3 of 5",
                           known=["agg-ryabkov"]) == []


def test_claim_keys_get_their_registry_labels():
    labels = h.claim_labels()
    assert h.claim_label("oreshnik_first_use", labels) == labels["oreshnik_first_use"] != "oreshnik_first_use"
    assert h.claim_label("date:us_withdrawal", labels) == "US withdrawal from the INF Treaty (date)"
    assert h.claim_label("official_quote", labels) == "Officials' wording"
    assert h.claim_label("range:treaty_band", labels) == "the treaty's range band"
    assert h.claim_label("date:some_new_event", labels) == "some new event"
    assert h.event_label("us_withdrawal") == "US withdrawal from the INF Treaty"


def test_a_possessive_is_not_a_second_spelling():
    mentions = pd.DataFrame({"figure": ["Donald Trump"] * 3 + ["Nikolai Patrushev"] * 2,
                             "outlet": ["Daily"] * 5,
                             "surface": ["Donald Trump", "Donald Trump’s", "Trump's", "Nikolai Patrushev", "Nikolay Patrushev"],
                             "form": ["full", "full", "surname", "full", "full"]})
    forms = h.surface_forms(mentions)
    assert forms.spelling.tolist() == ["Donald Trump", "Donald Trump", "Trump", "Nikolai Patrushev", "Nikolay Patrushev"]
    full = forms[forms.form == "full"].groupby("figure").spelling.nunique()
    assert full.to_dict() == {"Donald Trump": 1, "Nikolai Patrushev": 2}
