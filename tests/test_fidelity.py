"""Quote fidelity (``compare_quote``, ``quote_fidelity``): hand-written pairs about the
4 Aug 2025 statements, each with the verdict decided by hand."""

import pandas as pd
import pytest

import helpers as h

Q09 = "Russia no longer has any limitations, Russia no longer considers itself to be constrained by anything"
Q10 = "There are no longer any restrictions in Russia in this regard. Russia no longer considers itself limited in any way"
Q11 = "Russia faces no restrictions in this regard whatsoever. It no longer sees itself as constrained"
Q18 = ("The United States will begin episodic deployments of the long-range fires capabilities of its "
       "Multi-Domain Task Force in Germany in 2026")
MINISTRY = "the disappearance of conditions for maintaining a unilateral moratorium"
RANGE = "missiles with a range of 500 to 5,500 km will be deployed where necessary"

PAIRS = [
    # same wording after spelling, case and romanisation changes
    ("Destabilising missile potentials", "destabilizing missile potentials", "matches"),
    ("Ryabkov said the process is approaching its logical conclusion",
     "Riabkov said the process is approaching its logical conclusion", "matches"),
    ("the Russian Foreign Ministry's statement on the withdrawal of the moratorium",
     "The Russian Foreign Ministry\u2019s statement on the withdrawal of the moratorium", "matches"),
    ("the defence of our country against a direct threat", "the defense of our country against a direct threat",
     "matches"),
    # fragments and a phrase inside a longer quotation
    ("no longer considers itself to be constrained", Q09, "matches"),
    ("logical conclusion", "approaching its logical conclusion", "matches"),
    ("This is a new reality all our opponents will have to reckon with. Expect further steps. We mean it",
     "This is a new reality all our opponents will have to reckon with. Expect further steps", "matches"),
    # real alternative translations
    (Q10, Q09, "another translation"),
    (Q11, Q09, "another translation"),
    (Q11, Q10, "another translation"),
    ("the grounds for continuing our self-imposed restraint have vanished", MINISTRY, "another translation"),
    ("Russia no longer regards itself as bound by any restrictions", "Russia no longer considers itself limited",
     "another translation"),
    ("Medvedev: this is a new reality all our adversaries must reckon with. Expect further measures",
     "This is a new reality all our opponents will have to reckon with. Expect further steps",
     "another translation"),
    # a changed number
    ("missiles with a range of 500 to 5,000 km will be deployed where necessary", RANGE, "altered"),
    (Q18.replace("2026", "2027"), Q18, "altered"),
    # an inserted or removed negation
    ("Russia still considers itself bound", "Russia no longer considers itself bound", "altered"),
    ("Russia no longer considers itself bound by the moratorium", "Russia considers itself bound by the moratorium",
     "altered"),
    # a swapped actor
    (Q18.replace("The United States", "NATO"), Q18, "altered"),
    ("is the result of the United States' anti-Russian policy", "is the result of NATO countries' anti-Russian policy",
     "altered"),
    # invented quotations
    ("We will respond with mirror measures within days", "We will take mirror measures to deploy them", "not found"),
    ("Moscow is ready to talk to Washington about arms control at any time", Q09, "not found"),
    ("Peskov said the Kremlin would answer every provocation", MINISTRY, "not found"),
]


@pytest.mark.parametrize("quote, phrase, verdict", PAIRS)
def test_compare_quote_hand_pairs(quote, phrase, verdict):
    assert h.compare_quote(quote, phrase)[0] == verdict


def test_altered_detail_names_the_change():
    assert h.compare_quote(Q18.replace("2026", "2027"), Q18) == ("altered", "number 2026 -> 2027")
    assert h.compare_quote("missiles with a range of 500 to 5,000 km will be deployed where necessary",
                           RANGE) == ("altered", "number 500 5500 -> 500 5000")
    assert h.compare_quote("Russia still considers itself bound",
                           "Russia no longer considers itself bound") == ("altered", "negation removed")
    assert h.compare_quote(Q18.replace("The United States", "NATO"), Q18) == (
        "altered", "actor united_states -> nato")


def test_meaning_units_normalise_and_mark():
    units = h.meaning_units("Russia no longer has any limitations on 5,000-km missiles, Dmitri Peskov said")
    assert [(u.unit, u.kind) for u in units] == [
        ("russia", "actor"), ("not", "negation"), ("limit", "word"), ("5000", "number"), ("km", "word"),
        ("missil", "word"), ("dmitri", "word"), ("peskov", "actor")]
    assert [u.unit for u in h.meaning_units("Riabkov: the centres were constrained")] == [
        "ryabkov", "center", "limit"]
    assert [u.unit for u in h.meaning_units("the US told us")] == ["united_states", "told"]


def test_quote_fidelity_table():
    quote_rows = pd.DataFrame([
        ("a1", "Outlet A", 3, 10, 60, "Dmitry Peskov", "russian_official", "direct", Q11),
        ("a1", "Outlet A", 4, 70, 90, "Dmitry Peskov", "russian_official", "mixed", "Russia still has limitations"),
        ("a2", "Outlet B", 1, 0, 40, "Sergei Ryabkov", "russian_official", "mixed", "logical conclusion"),
        ("a2", "Outlet B", 2, 50, 60, "Sergei Ryabkov", "russian_official", "mixed", "warmongers"),
        ("a2", "Outlet B", 5, 80, 99, "Sergei Ryabkov", "russian_official", "indirect", "approaching its logical end"),
        ("a3", "Outlet C", 1, 0, 30, "unattributed", "other", "direct", "in a nuclear war"),
    ], columns=["article_id", "outlet", "sentence_id", "start", "end", "speaker", "affiliation", "kind", "text"])
    refs = h.load_reference_quotes()
    out = h.quote_fidelity(quote_rows, refs)
    assert list(out.columns) == h.FIDELITY_COLUMNS
    assert out[["article_id", "sentence_id", "fidelity", "quote_id", "changed"]].values.tolist() == [
        ["a1", 3, "matches", "Q11", ""],
        ["a1", 4, "altered", "Q09", "negation removed"],
        ["a2", 1, "matches", "Q17", ""],
        ["a3", 1, "not found", "", ""],
    ]
    assert out.shared.iloc[0] == "russia face limit consid limit"
    assert out.source_url.iloc[2].startswith("https://avia-pro.net/")


def test_quote_fidelity_names_missing_columns():
    with pytest.raises(ValueError, match=r"lacks column\(s\) \['kind'\]"):
        h.quote_fidelity(pd.DataFrame(columns=["article_id", "outlet", "sentence_id", "speaker", "text"]),
                         h.load_reference_quotes())


def test_another_speakers_similar_line_is_not_their_statement():
    ministry = ("We are authorized to declare that the Russian Federation no longer considers itself bound by "
                "the previously adopted self-imposed restrictions")
    quote_rows = pd.DataFrame([("mt", "Outlet", 2, 0, 150, "Russian Foreign Ministry", "russian_official", "direct",
                                ministry)],
                              columns=["article_id", "outlet", "sentence_id", "start", "end", "speaker",
                                       "affiliation", "kind", "text"])
    assert h.compare_quote(ministry, Q09)[0] == "another translation"     # 0.80 of Q09's units
    out = h.quote_fidelity(quote_rows, h.load_reference_quotes())
    assert out[["fidelity", "quote_id"]].values.tolist() == [["not found", ""]]
