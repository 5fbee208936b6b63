"""Range, date, system and status claims, and their checks against the reference.

Every range and date claim of the five articles was listed by hand from
corpus/articles/ and checked against corpus/reference_facts.csv.
"""

import pandas as pd
import pytest

import helpers as h
from conftest import one_article


@pytest.fixture(scope="module")
def ranges(sents):
    return h.range_claims(sents)


@pytest.fixture(scope="module")
def events(sents, articles):
    return h.event_claims(sents, articles)


def one(text):
    return h.sentences(one_article(text))


# -- ranges -----------------------------------------------------------------

def test_every_distance_claim_in_the_corpus(ranges):
    d = ranges[ranges.kind == "distance"]
    got = [(r.article_id, r.sentence_id, r.surface, None if pd.isna(r.min_km) else int(r.min_km),
            int(r.max_km), r.bound, r.subject) for r in d.itertuples()]
    assert got == [
        ("agg-ryabkov", 12, "spanning 500 to 5,500 kilometers", 500, 5500, "exact", "missile class"),
        ("cow-inf-withdrawal", 1, "between 500 km to 5,500 km", 500, 5500, "exact", "INF treaty band"),
        ("mt-ban-ends", 3, "between 500 and 5,500 kilometers", 500, 5500, "exact", "INF treaty band"),
        ("mt-experts", 2, "between 500 and 5,500 kilometers", 500, 5500, "exact", "INF treaty band"),
        ("mt-experts", 17, "up to 5,500 kilometers", None, 5500, "up to", "named missile: Oreshnik"),
    ]


def test_range_class_terms_per_article(ranges):
    terms = ranges[ranges.kind == "class term"]
    got = terms.groupby(["article_id", "subject"]).size().to_dict()
    assert got == {
        ("agg-ryabkov", "intermediate-range"): 2, ("agg-ryabkov", "medium-range"): 2,
        ("agg-ryabkov", "short-range"): 1, ("agg-ryabkov", "shorter-range"): 1,
        ("cow-inf-withdrawal", "intermediate-range"): 1,
        ("gt-moratorium", "intermediate-range"): 3, ("gt-moratorium", "medium-range"): 2,
        ("gt-moratorium", "short-range"): 3,
        ("mt-ban-ends", "INF-class"): 1, ("mt-ban-ends", "intermediate-range"): 1,
        ("mt-experts", "INF-range"): 3, ("mt-experts", "intermediate-range"): 4,
        ("mt-experts", "shorter-range"): 1,
    }
    # "medium- and short-range": both halves, with the treaty's bands
    gt1 = terms[(terms.article_id == "gt-moratorium") & (terms.sentence_id == 1)]
    assert [(r.surface, int(r.min_km), int(r.max_km)) for r in gt1.itertuples()] == [
        ("medium-", 1000, 5500), ("short-range", 500, 1000)]
    # the treaty's name is not a class term
    assert not any(terms.surface.str.contains("Nuclear"))


@pytest.mark.parametrize("text, surface, lo, hi, bound", [
    ("missiles with ranges between 500 and 5,500 kilometers.", "between 500 and 5,500 kilometers", 500, 5500, "exact"),
    ("missiles from 500 km to 5,500 km.", "from 500 km to 5,500 km", 500, 5500, "exact"),
    ("ranges spanning 500 to 5,500 kilometers.", "spanning 500 to 5,500 kilometers", 500, 5500, "exact"),
    ("the 500-5,500 km band.", "500-5,500 km", 500, 5500, "exact"),
    ("the 500\u20135,500 km band.", "500\u20135,500 km", 500, 5500, "exact"),          # en dash
    ("the 500\u20145,500 km band.", "500\u20145,500 km", 500, 5500, "exact"),          # em dash
    ("the 500\u20115,500 km band.", "500\u20115,500 km", 500, 5500, "exact"),          # non-breaking hyphen
    ("the 500 \u2212 5,500 km band.", "500 \u2212 5,500 km", 500, 5500, "exact"),        # minus sign, spaced
    ("a 2,000 km missile.", "2,000 km", 2000, 2000, "exact"),
    ("a range of up to 5,000 km.", "up to 5,000 km", None, 5000, "up to"),
    ("a range of 5000 km.", "5000 km", 5000, 5000, "exact"),
    ("more than 1,000 kilometres away.", "more than 1,000 kilometres", 1000, None, "at least"),
    ("about 1,800 km.", "about 1,800 km", 1800, 1800, "about"),
    ("ranges of 310 to 3,400 miles.", "310 to 3,400 miles", 499, 5472, "exact"),
    ("a 3,000-mile missile.", "3,000-mile", 4828, 4828, "exact"),
])
def test_distance_forms(text, surface, lo, hi, bound):
    got = h.range_claims(one(text))
    got = got[got.kind == "distance"]
    assert len(got) == 1
    r = got.iloc[0]
    assert (r.surface, None if pd.isna(r.min_km) else int(r.min_km),
            None if pd.isna(r.max_km) else int(r.max_km), r.bound) == (surface, lo, hi, bound)


def test_miles_conversion():
    r = h.range_claims(one("Missiles with ranges between 300 and 3,400 miles.")).iloc[0]
    assert (int(r.min_km), int(r.max_km)) == (round(300 * 1.609344), round(3400 * 1.609344)) == (483, 5472)
    assert r.note == "converted from miles"


def test_range_checks(ranges):
    checked = h.check_ranges(ranges)
    assert list(zip(checked.fact_id, checked.verdict)) == [("F04", "agrees")] * 4 + [("F21", "agrees")]
    wrong = h.check_ranges(h.range_claims(one("The INF Treaty banned missiles with ranges between 500 and 5,000 km.")))
    assert list(zip(wrong.fact_id, wrong.verdict)) == [("F04", "conflicts")]


# -- dates ------------------------------------------------------------------

def test_every_date_claim_in_the_corpus(events):
    got = [(r.article_id, r.sentence_id, r.surface, r.date, r.event, r.verdict) for r in events.itertuples()]
    assert got == [
        ("agg-ryabkov", 4, "2019", "2019", "us_withdrawal", "agrees"),
        ("agg-ryabkov", 5, "2019", "2019", "russia_moratorium", "agrees"),
        ("agg-ryabkov", 9, "February 2020", "2020-02", "federal_assembly_address", "conflicts"),
        ("agg-ryabkov", 11, "June 28, 2020", "2020-06-28", "putin_production_call", "conflicts"),
        ("agg-ryabkov", 12, "July 2024", "2024-07", "production_nearing_completion", "agrees"),
        ("cow-inf-withdrawal", 9, "2019", "2019", "us_withdrawal", "agrees"),
        ("cow-inf-withdrawal", 10, "1987", "1987", "inf_signed", "agrees"),
        ("gt-moratorium", 1, "Monday", "2025-08-04", "mfa_statement", "agrees"),
        ("gt-moratorium", 3, "Tuesday", "2025-08-05", "media_report", "no reference"),
        # "Tuesday" (Medvedev posted on Monday): its year and day are resolved from a publication
        # date that is itself inferred, so it is not firm enough to call a conflict
        ("gt-moratorium", 6, "Tuesday", "2025-08-05", "medvedev_post", "unlinked"),
        ("gt-moratorium", 10, "2019", "2019", "us_withdrawal", "agrees"),
        ("gt-moratorium", 12, "Tuesday", "2025-08-05", "media_report", "no reference"),
        ("gt-moratorium", 14, "2024", "2024", "us_deployment_announcement", "agrees"),
        ("gt-moratorium", 14, "2026", "2026", "us_deployments_start", "agrees"),
        ("gt-moratorium", 15, "Friday", "2025-08-01", "oreshnik_service", "agrees"),
        # "this week" is a date (issue 11: relative dates); both rows are "no reference"
        # (an AP description, a reported visit) and were missed before
        ("gt-moratorium", 18, "this week", "2025-W32", "media_report", "no reference"),
        # "... as the US deadline for the Kremlin ... approaches on Friday": future tense, forward
        ("gt-moratorium", 18, "Friday", "2025-08-08", "us_deadline", "no reference"),
        ("gt-moratorium", 19, "this week", "2025-W32", "media_report", "no reference"),
        ("gt-moratorium", 20, "Friday", "2025-08-01", "trump_submarines", "agrees"),
        ("gt-moratorium", 26, "Monday", "2025-08-04", "media_report", "no reference"),
        ("mt-ban-ends", 1, "Monday", "2025-08-04", "mfa_statement", "agrees"),
        ("mt-ban-ends", 2, "1987", "1987", "inf_signed", "agrees"),
        ("mt-ban-ends", 2, "2019", "2019", "us_withdrawal", "agrees"),
        ("mt-ban-ends", 6, "Monday", "2025-08-04", "mfa_statement", "agrees"),
        ("mt-ban-ends", 8, "in June", "2025-06", "ryabkov_moratorium_end", "agrees"),
        ("mt-ban-ends", 9, "Monday", "2025-08-04", "medvedev_post", "agrees"),
        ("mt-ban-ends", 12, "2008", "2008", "medvedev_presidency", "no reference"),
        ("mt-ban-ends", 12, "2012", "2012", "medvedev_presidency", "no reference"),
        ("mt-ban-ends", 12, "last week", "2025-W31", "trump_submarines", "agrees"),
        ("mt-ban-ends", 13, "Monday", "2025-08-04", "", "no reference"),
        ("mt-experts", 2, "1987", "1987", "inf_signed", "agrees"),
        ("mt-experts", 3, "2019", "2019", "us_withdrawal", "agrees"),
        ("mt-experts", 4, "Monday", "2025-08-04", "mfa_statement", "agrees"),
        ("mt-experts", 6, "Tuesday", "2025-08-05", "peskov_remarks", "agrees"),
        ("mt-experts", 16, "in December", "2024-12", "", "no reference"),
        ("mt-experts", 17, "last week", "2025-W31", "oreshnik_service", "agrees"),
        ("mt-experts", 18, "in November", "2024-11", "oreshnik_first_use", "agrees"),
        ("mt-experts", 21, "last year", "2024", "oreshnik_first_use", "agrees"),
        ("mt-experts", 22, "Monday", "2025-08-04", "mfa_statement", "agrees"),
        ("mt-experts", 22, "last fall", "2024", "oreshnik_first_use", "agrees"),
        ("mt-experts", 25, "last year", "2024", "oreshnik_belarus_plan", "agrees"),
        ("mt-experts", 26, "2020", "2020", "october_2020_proposal", "agrees"),
        ("mt-experts", 27, "October 2020", "2020-10", "october_2020_proposal", "agrees"),
        ("mt-experts", 27, "July 2021", "2021-07", "geneva_summit", "conflicts"),
    ]


def test_each_conflict_names_the_reference_and_its_source(events):
    bad = events[events.verdict == "conflicts"].set_index(["article_id", "sentence_id"])
    assert bad.loc[("agg-ryabkov", 9), ["fact_id", "reference_date"]].tolist() == ["F35", "2019-02-20"]
    assert bad.loc[("agg-ryabkov", 11), ["fact_id", "reference_date"]].tolist() == ["F14", "2024-06-28"]
    # the Global Times' "Tuesday" for Medvedev's Monday post: named, but not called a conflict
    loose = events[events.verdict == "unlinked"].set_index(["article_id", "sentence_id"])
    assert loose.loc[("gt-moratorium", 6), ["fact_id", "reference_date"]].tolist() == ["F28", "2025-08-04"]
    assert ("gt-moratorium", 6) not in bad.index
    assert bad.loc[("mt-experts", 27), ["fact_id", "reference_date"]].tolist() == ["F37", "2021-06-16"]
    assert bad.loc[("mt-experts", 27), "source"].startswith("President of Russia: Russian-US talks, Geneva, 16 Jun 2021")


def test_event_types_match_their_reference_facts():
    """Each event's reference date is the one its fact gives (or, for F17's 2026, its value)."""
    ref = h.load_reference().set_index("fact_id")
    for r in h.load_event_types().itertuples():
        if r.fact_id:
            fact = ref.loc[r.fact_id]
            assert r.reference_date in fact.unit_or_date or r.reference_date in fact.value + fact.claim, r.event


def test_dates_without_a_publication_date_stay_unresolved(articles):
    art = pd.DataFrame({"article_id": ["x"], "outlet": ["X"], "published": [""],
                        "text": ["The ministry said on Monday that the moratorium ended. It was signed in 1987."]})
    ev = h.event_claims(h.sentences(art), art)
    assert list(zip(ev.surface, ev.verdict)) == [("Monday", "unresolved"), ("1987", "no reference")]


def test_without_articles_only_printed_dates_resolve(sents, events):
    bare = h.event_claims(sents)
    assert len(bare) == len(events)
    printed = events.basis == "printed"
    assert (bare[printed.values].verdict == events[printed].verdict).all()
    assert set(bare[~printed.values].verdict) == {"unresolved"}


def test_date_period():
    assert h.date_period("2025-W31") == (pd.Timestamp("2025-07-28"), pd.Timestamp("2025-08-03"))
    assert h.date_period("2024-02") == (pd.Timestamp("2024-02-01"), pd.Timestamp("2024-02-29"))
    assert h.date_period("2019") == (pd.Timestamp("2019-01-01"), pd.Timestamp("2019-12-31"))


# -- systems, places, treaty status ----------------------------------------

def test_systems_resolve_designations(sents):
    sm = h.system_mentions(sents)
    assert sm.groupby(["article_id", "system"]).size().to_dict() == {
        # "designated as RSMDs (Raketnye Sredney Dalnosti)" and "SSC-8 ground-launched cruise
        # missile (9M729)" are one mention each: two designations of one system in one phrase
        ("agg-ryabkov", "RSMD"): 1, ("gt-moratorium", "Oreshnik"): 1,
        ("mt-experts", "9M729"): 3, ("mt-experts", "Iskander-M"): 1, ("mt-experts", "Oreshnik"): 9}
    ssc = sm[(sm.article_id == "mt-experts") & (sm.system == "9M729")]
    assert sorted(ssc.surface) == ["9M729", "SSC-8", "SSC-8 ground-launched cruise missile (9M729"]
    assert "SS-X-34" in set(sm.surface)


def test_status_claims(sents):
    st = h.status_claims(sents)
    assert [(r.article_id, r.sentence_id, r.claim, r.verdict) for r in st.itertuples()] == [
        ("agg-ryabkov", 7, "Russia withdrew from the treaty", "conflicts"),
        ("cow-inf-withdrawal", 1, "Russia withdrew from the treaty", "conflicts"),
        ("gt-moratorium", 11, "Russia suspended the treaty", "agrees"),
    ]


def test_two_designations_in_one_phrase_are_one_mention():
    one = pd.DataFrame({"article_id": "x", "outlet": "X", "sentence_id": [1, 2, 3], "start": 0,
                        "text": ["The US cited the SSC-8 ground-launched cruise missile (9M729).",
                                 "It named the 9M729/SSC-8 and, later, the SSC-8 again in a separate clause.",
                                 "Russia has the 9M729; the US has no SSC-8 equivalent."]})
    m = h.system_mentions(one)
    assert m.groupby("sentence_id").size().to_dict() == {1: 1, 2: 2, 3: 2}
    assert m.iloc[0].surface == "SSC-8 ground-launched cruise missile (9M729"


def test_a_weekday_in_the_future_tense_resolves_forward():
    pub = pd.Timestamp("2025-08-05").date()      # a Tuesday
    for sentence, expected in [("The deadline approaches on Friday.", "2025-08-08"),
                               ("Witkoff will travel to Moscow on Wednesday.", "2025-08-06"),
                               ("Trump said on Friday that he had ordered submarines.", "2025-08-01"),
                               ("Talks are expected Thursday, after the envoy arrived on Monday.", "2025-08-07")]:
        m = next(x for x in h._DATE_RE.finditer(sentence) if x.group("wd"))
        assert h._resolve_date(m, pub, sentence)[0] == expected, sentence


# -- a conflict only when the date is firmly the event's (the extraction issue) --------------
# Sentences written for these tests, one per kind of false conflict met on copy the rules were
# not written on. A false "conflicts" becomes a false finding on the user's page.

def dated(text, published="2025-08-06"):
    art = pd.DataFrame({"article_id": ["x"], "outlet": ["X"], "published": [published], "text": [text]})
    ev = h.event_claims(h.sentences(art), art)
    return list(zip(ev.surface, ev.event, ev.verdict))


def test_a_weekday_never_makes_a_conflict():
    """"On Tuesday" about another country's ministry, next to the Russian statement's words:
    a day resolved from the publication date is not firm enough to call the outlet wrong."""
    got = dated("Asked about the Russian ministry's statement on Tuesday, a spokeswoman for the Chinese "
                "Foreign Ministry said Beijing was following the situation.")
    assert [v for *_, v in got] == ["unlinked"]


def test_a_date_another_named_event_fits_goes_to_that_event():
    got = dated("The deployments were agreed at the alliance's summit in Washington on 10 July 2024, when "
                "the United States and Germany announced that US units would episodically deploy long-range "
                "missiles in Germany.")
    assert got == [("10 July 2024", "us_deployment_announcement", "agrees")]


def test_a_sentence_that_dates_the_event_right_does_not_also_misdate_it():
    got = dated("The United States gave formal notice in February 2019 and quit the treaty on 2 August 2019.")
    assert ("2 August 2019", "us_withdrawal", "agrees") in got
    assert all(v != "conflicts" for *_, v in got)


def test_the_articles_own_date_in_its_first_line_is_no_conflict():
    got = dated("VIENNA, 6 August 2025 - A coalition of disarmament groups urged talks after Russia's foreign "
                "ministry ended the moratorium.")
    assert all(v != "conflicts" for *_, v in got)


def test_a_written_wrong_year_still_conflicts():
    """Precision first, not silence: the errors a writer plants are still found."""
    assert dated("Reagan and Gorbachev signed the INF Treaty in 1988.") == [("1988", "inf_signed", "conflicts")]
    assert dated("The Oreshnik was first fired at the city of Dnipro in November 2023.") == \
        [("November 2023", "oreshnik_first_use", "conflicts")]
