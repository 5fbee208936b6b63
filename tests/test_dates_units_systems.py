"""Dates, units and systems on coverage the rules were not written for (issue 11).

Each kind of failure has a test on a sentence written for it here (no sentence is taken
from an article). Dates are read by ``event_claims`` against a publication date;
distances by ``range_claims`` and ``check_ranges``; systems by ``system_mentions``.
"""


import pandas as pd
import pytest

import helpers as h
from conftest import one_article


def article(text, published="2025-08-05", aid="x"):
    """One article (paragraphs separated by newlines) and its sentences."""
    art = one_article(text, published, aid)
    return art, h.sentences(art)


def dates(text, published="2025-08-05"):
    art, sents = article(text, published)
    ev = h.event_claims(sents, art)
    return [(r.surface, r.date, r.event, r.verdict) for r in ev.itertuples()]


def date_of(text, surface, published="2025-08-05"):
    got = [d for d in dates(text, published) if d[0] == surface]
    assert len(got) == 1, (surface, dates(text, published))
    return got[0]


# -- dates: forms --------------------------------------------------------------

@pytest.mark.parametrize("text, surface, expected", [
    # a day and month without a year: the latest such day on or before publication
    ("Ministers met on June 28 to discuss the matter.", "June 28", "2025-06-28"),
    ("The talks were held on 4 August in Geneva.", "4 August", "2025-08-04"),
    ("A ceremony took place on December 30 last winter.", "December 30", "2024-12-30"),
    # ... or on or after it, in a future-tense clause
    ("The envoys will meet again on August 20.", "August 20", "2025-08-20"),
    # abbreviated months and ordinals
    ("The first strike came on Nov. 21, 2024.", "Nov. 21, 2024", "2024-11-21"),
    ("A deadline was set on Feb 2nd, 2019.", "Feb 2nd, 2019", "2019-02-02"),
    ("It was announced on 12 Sept 2023.", "12 Sept 2023", "2023-09-12"),
    # a month at the start of a sentence
    ("In July, the two governments announced a plan.", "In July", "2025-07"),
])
def test_days_and_months_without_a_year_resolve_against_publication(text, surface, expected):
    assert date_of(text, surface)[1] == expected


@pytest.mark.parametrize("text, surface, expected", [
    ("Last year, the alliance held a summit.", "Last year", "2024"),
    ("The alliance held a summit last year.", "last year", "2024"),
    ("Deliveries are due next year.", "next year", "2026"),
    ("The missile could reach units later this year.", "later this year", "2025"),
    ("Earlier this month, the ministry issued a note.", "Earlier this month", "2025-08"),
    ("The ministry spoke this week about its plans.", "this week", "2025-W32"),
    ("Leaders will gather next week in Vilnius.", "next week", "2025-W33"),
    ("A report appeared last month.", "last month", "2025-07"),
])
def test_relative_dates_count_from_the_publication_date(text, surface, expected):
    assert date_of(text, surface)[1] == expected


@pytest.mark.parametrize("text, surface, expected", [
    # a month or day told against the publication year (published 5 August 2025)
    ("The envoys first met in October last year in Vienna.", "October last year", ("2024-10", "month")),
    ("A note was delivered on Jan. 9 last year.", "Jan. 9 last year", ("2024-01-09", "day")),
    ("The plant reopened in March this year.", "March this year", ("2025-03", "month")),
    ("The talks resume in April next year.", "April next year", ("2026-04", "month")),
    # "last <month>" is last year's when that month is not before the publication month ...
    ("The envoys met in Oslo last December.", "last December", ("2024-12", "month")),
    ("The envoys met in Oslo last August.", "last August", ("2024-08", "month")),
    # ... and may be this year's or last year's when it is: not resolved
    ("The envoys met in Oslo last February.", "last February", ("", "unresolved")),
    # "next <month>" is next year's when that month is not after the publication month
    ("The envoys meet in Oslo next June.", "next June", ("2026-06", "month")),
    ("The envoys meet in Oslo next October.", "next October", ("", "unresolved")),
])
def test_relative_months_resolve_only_where_the_year_is_certain(text, surface, expected):
    art, sents = article(text)
    ev = h.event_claims(sents, art)
    got = [(r.date, r.precision) for r in ev.itertuples() if r.surface == surface]
    assert got == [expected], list(ev.surface)


def test_relative_months_stay_unresolved_without_a_publication_date_or_in_a_timeline():
    art, sents = article("The envoys met in Oslo last December and again in May last year.", published="")
    ev = h.event_claims(sents, art)
    assert list(zip(ev.surface, ev.precision)) == [("last December", "unresolved"),
                                                   ("May last year", "unresolved")]
    art, sents = article("Timeline\n2019: The envoys meet in Oslo last December.")
    ev = h.event_claims(sents, art)
    assert list(zip(ev.surface, ev.precision)) == [("2019", "year"), ("last December", "unresolved")]


def test_a_relative_month_dates_its_event_without_ever_conflicting():
    got = dates("The Oreshnik was launched against Dnipro last November, a first in combat.")
    assert got == [("last November", "2024-11", "oreshnik_first_use", "agrees")]
    # a month resolved from the publication date is not sure enough to contradict the record
    got = dates("The Oreshnik was first used against Dnipro in July last year.")
    assert got == [("July last year", "2024-07", "oreshnik_first_use", "unlinked")]


def test_without_a_publication_date_new_forms_stay_unresolved():
    art = pd.DataFrame({"article_id": ["x"], "outlet": ["X"], "published": [""],
                        "text": ["Officials met on June 28 and will meet again next year."]})
    ev = h.event_claims(h.sentences(art), art)
    assert list(zip(ev.surface, ev.verdict)) == [("June 28", "unresolved"), ("next year", "unresolved")]


def test_a_timeline_entry_gives_its_year_to_days_and_months():
    text = ("How it unfolded\n"
            "1987: The two leaders sign the treaty in Washington on December 8.\n"
            "2019: Washington suspends its obligations in February and leaves the treaty on August 2. "
            "Moscow answers in March.")
    got = {d[0]: d[1] for d in dates(text)}
    assert got["December 8"] == "1987-12-08"
    assert got["in February"] == "2019-02"
    assert got["August 2"] == "2019-08-02"
    assert got["in March"] == "2019-03"       # a later sentence of the same entry


# -- dates: the article's own date is not a claim --------------------------------

@pytest.mark.parametrize("text", [
    "KYIV, Aug 5 (Wirewire) - The ministry said on Monday that the moratorium was over.",
    "[August 05, 2025] KYIV (Wirewire) - The ministry said on Monday that the moratorium was over.",
    "Published Tuesday, August 5, 2025\nThe ministry said on Monday that the moratorium was over.",
    "By Staff Writer | 5 August 2025, 09:30\nThe ministry said on Monday that the moratorium was over.",
    "KYIV, August 5.\nThe ministry said on Monday that the moratorium was over.\n\u00a9 2025 Wirewire.",
])
def test_datelines_and_printed_date_lines_are_not_claims(text):
    assert [d[0] for d in dates(text)] == ["Monday"]


def test_a_short_sentence_with_another_date_is_still_a_claim():
    assert [d[0] for d in dates("By then, it was 2019.")] == ["2019"]


# -- dates: which event a date belongs to ------------------------------------

def test_a_year_belongs_to_the_event_in_its_own_clause():
    got = dates("The treaty, signed in 1987 by the two leaders, collapsed when Washington withdrew in 2019.")
    assert [(s, e, v) for s, _, e, v in got] == [("1987", "inf_signed", "agrees"),
                                                 ("2019", "us_withdrawal", "agrees")]


def test_a_future_date_belongs_to_a_plan_and_a_past_date_to_a_past_event():
    got = dates("Last year Washington announced deployments in Germany starting in 2026.")
    assert [(s, e, v) for s, _, e, v in got] == [("Last year", "us_deployment_announcement", "agrees"),
                                                 ("2026", "us_deployments_start", "agrees")]
    # "later this year" is after publication: no past event of the sentence claims it
    assert date_of("The Oreshnik, first fired in combat last year, may reach Belarus later this year.",
                   "later this year")[2] == ""


def test_an_article_about_another_year_is_compared_with_its_own_time():
    text = ("The United States left the treaty on Friday, ending the pact. "
            "The Kremlin said on Monday that it regretted the decision.")
    got = dates(text, published="2019-08-06")         # a Tuesday
    assert got[0] == ("Friday", "2019-08-02", "us_withdrawal", "agrees")
    # the Kremlin's remarks of 2025 cannot be what a 2019 article dates
    assert got[1][:2] == ("Monday", "2019-08-05") and got[1][2] != "peskov_remarks"
    assert "conflicts" not in [d[3] for d in got]


def test_a_date_does_not_take_an_event_across_a_clause_with_its_own_predicate():
    got = dates("The envoy was in Moscow on Wednesday, as the deadline for a deal approaches on Friday.")
    assert got == [("Wednesday", "2025-07-30", "", "no reference"),
                   ("Friday", "2025-08-08", "us_deadline", "no reference")]


def test_an_event_named_right_after_its_date_is_that_dates_event():
    def tied(sentence, published="2025-08-07"):
        sents = pd.DataFrame({"article_id": "x", "outlet": "X", "sentence_id": [1], "paragraph_id": [1],
                              "start": [0], "end": [len(sentence)], "text": [sentence]})
        e = h.event_claims(sents, pd.DataFrame({"article_id": ["x"], "published": [published]}))
        return list(zip(e.surface, e.event))
    # "the 2019 withdrawal": no US actor named, the noun after the year is the event
    assert tied("Supporters of the 2019 withdrawal argue that the Russian move proves them right.") == [
        ("2019", "us_withdrawal")]
    # "Monday's announcement": of the events called an announcement, the one whose context fits
    assert tied("Monday's announcement was unnecessary, the analyst said.", "2025-08-06") == [
        ("Monday", "mfa_statement")]


def test_a_day_dated_elsewhere_in_the_article_takes_that_event():
    text = ["Putin said last week that Russia should resume production of such missiles.",
            "Speaking on Friday at a meeting of the Security Council, he repeated the point.",
            "The June 28 remarks were read in Europe."]
    sents = pd.DataFrame({"article_id": "x", "outlet": "X", "sentence_id": [1, 2, 3], "paragraph_id": [1, 2, 3],
                          "start": [0, 100, 200], "end": [90, 190, 290], "text": text})
    art = pd.DataFrame({"article_id": ["x"], "published": ["2024-07-02"]})
    e = h.event_claims(sents, art)
    assert list(zip(e.surface, e.date, e.event)) == [
        ("last week", "2024-W26", "putin_production_call"), ("Friday", "2024-06-28", "putin_production_call"),
        ("June 28", "2024-06-28", "putin_production_call")]


def test_a_date_after_and_takes_no_event_from_the_clause_before():
    text = ["The deadline approaches on Friday, and his envoy met officials in Moscow on Wednesday."]
    sents = pd.DataFrame({"article_id": "x", "outlet": "X", "sentence_id": [1], "paragraph_id": [1],
                          "start": [0], "end": [len(text[0])], "text": text})
    e = h.event_claims(sents, pd.DataFrame({"article_id": ["x"], "published": ["2025-08-07"]}))
    assert list(zip(e.surface, e.event)) == [("Friday", "us_deadline"), ("Wednesday", "")]


def test_since_dates_only_the_event_named_just_before_it():
    got = dates("The ministry's announcement came as no surprise to those who had warned of it since 2019.")
    assert got == [("2019", "2019", "", "no reference")]
    got = dates("Russia's moratorium, in place since 2019, is over.")
    assert got == [("2019", "2019", "russia_moratorium", "agrees")]


# -- dates: verdicts compare periods -------------------------------------------

@pytest.mark.parametrize("claim, precision, reference, agrees", [
    ("2019-08", "month", "2019-08-02", True),       # a month holding the day
    ("2019-07", "month", "2019-08-02", False),
    ("2025-W31", "week", "2025-08-01", True),       # "last week" holding the day
    ("2025-W32", "week", "2025-08-01", False),
    ("2025-W32", "week", "2025", True),             # a week inside a year-only reference
    ("2019", "year", "2019-02", True),
    ("1988", "year", "1987-12-08", False),
    ("2024-12-06", "day", "2024-12", True),         # a day inside a month-only reference
])
def test_a_date_conflicts_only_outside_the_period_the_reference_allows(claim, precision, reference, agrees):
    assert h._same_date(claim, precision, reference) is agrees


def test_a_real_conflict_is_still_a_conflict():
    assert date_of("The treaty, which the two leaders signed in 1988, banned the missiles.", "1988") == \
        ("1988", "1988", "inf_signed", "conflicts")


# -- units ----------------------------------------------------------------------

def ranges(text):
    art, sents = article(text)
    return h.check_ranges(h.range_claims(sents))


@pytest.mark.parametrize("text, verdict", [
    ("The treaty banned missiles with ranges of 310 to 3,400 miles.", "agrees"),    # 499-5,472 km
    ("The treaty banned missiles with ranges of 300 to 3,400 miles.", "agrees"),    # rounded to 100 miles
    ("The treaty banned missiles with ranges of 310 to 3,420 miles.", "agrees"),
    ("The treaty banned missiles with ranges of 250 to 3,400 miles.", "conflicts"),
    ("The treaty banned missiles with ranges of 310 to 2,400 miles.", "conflicts"),
    # a round figure is read at its coarsest rounding: 3,417.5 miles to one figure is 3,000
    ("The treaty banned missiles with ranges of 310 to 3,000 miles.", "agrees"),
    ("The treaty banned missiles with ranges of 499 to 5,472 km.", "conflicts"),    # km are not rounded miles
])
def test_a_band_in_miles_agrees_within_the_rounding_of_its_conversion(text, verdict):
    r = ranges(text)
    assert list(zip(r.fact_id, r.verdict)) == [("F04", verdict)]


def test_conversion_tolerance_is_half_the_last_digit_step():
    assert h._conversion_tolerance("310") == pytest.approx(5 * h.KM_PER_MILE + 0.5)
    assert h._conversion_tolerance("3,400") == pytest.approx(50 * h.KM_PER_MILE + 0.5)
    assert h._conversion_tolerance("3.5") == pytest.approx(0.05 * h.KM_PER_MILE + 0.5)


def test_a_distance_and_its_bracketed_conversion_are_one_claim():
    r = ranges("The treaty covered 310 to 3,420 miles (500 to 5,500 km) of range.")
    assert len(r) == 1
    row = r.iloc[0]
    assert (row.surface, int(row.min_km), int(row.max_km), row.verdict) == \
        ("310 to 3,420 miles (500 to 5,500 km)", 500, 5500, "agrees")
    r = ranges("The treaty covered 500 to 5,500 km (310 to 3,420 miles) of range.")
    assert len(r) == 1 and (int(r.iloc[0].min_km), int(r.iloc[0].max_km)) == (500, 5500)


def test_a_miles_sub_band_agrees_with_the_treaty_sub_band():
    art, sents = article("Under the treaty, shorter-range meant 310 to 620 miles.")
    checks = h.claim_checks(sents, None)
    row = checks[checks.claim_id.str.startswith("range:")].iloc[0]
    assert (row.verdict, row.fact_ids) == ("agrees", "F04a")


# -- systems --------------------------------------------------------------------

def systems(text):
    art, sents = article(text)
    m = h.system_mentions(sents)
    return list(zip(m.surface, m.system))


def test_plurals_name_the_system():
    assert systems("Moscow has more Iskanders and Oreshniks than Kyiv expected, and fewer Tomahawks "
                   "and SM-6s are on offer.") == [
        ("Iskanders", "Iskander-M"), ("Oreshniks", "Oreshnik"), ("Tomahawks", "Tomahawk"), ("SM-6s", "SM-6")]


@pytest.mark.parametrize("text, found", [
    ("The Army flew a Typhoon launcher to the exercise.", [("Typhoon", "Typhon")]),
    ("Two Typhoons and a Dark Eagle battery will rotate through.",
     [("Typhoons", "Typhon"), ("Dark Eagle", "Dark Eagle")]),
    ("Typhoon Lekima forced the missile drill to be cancelled after heavy winds.", []),
    ("Eurofighter Typhoon jets escorted the bomber carrying cruise missiles.", []),
    ("A typhoon season is expected.", []),
])
def test_typhoon_is_typhon_only_beside_a_weapon(text, found):
    assert systems(text) == found


def test_us_deployment_designations():
    assert systems("The Mid-Range Capability (MRC) fires the SM-6 and the Tomahawk; the Long-Range "
                   "Hypersonic Weapon, or LRHW, is called Dark Eagle.") == [
        ("Mid-Range Capability (MRC", "Typhon"), ("SM-6", "SM-6"), ("Tomahawk", "Tomahawk"),
        ("Long-Range Hypersonic Weapon, or LRHW", "Dark Eagle"), ("Dark Eagle", "Dark Eagle")]


def test_registry_without_context_aliases_still_loads(tmp_path):
    path = tmp_path / "systems.csv"
    path.write_text("system,aliases,kind,country,notes\nTyphon,Typhon,launcher,United States,\n")
    sy = h.load_systems(path)
    assert list(sy.context_aliases) == [[]]
    art, sents = article("A Typhoon launcher and a Typhon launcher.")
    assert list(h.system_mentions(sents, sy).surface) == ["Typhon"]


# -- linear time (a guard against hangs; the benchmark measures) -------------------

@pytest.mark.parametrize("unit", ["June 28, 2020 5 Aug Monday last week 1987 signed 2026 Germany deploy ",
                                  "12-34-5,678-9 500-5,500 km 310 miles (500 km)    -    ",
                                  "Typhoon Typhoons Iskanders (9M729/SSC-8) missile ",
                                  "Moscow announced on Monday the pledge is gone; Washington left it on 2 August 2019, said "])
def test_hostile_text_does_not_hang(hang_guard, unit):
    text = (unit * (200_000 // len(unit)))
    sents = pd.DataFrame({"article_id": ["x"], "outlet": ["X"], "sentence_id": [1], "paragraph_id": [1],
                          "start": [0], "end": [len(text)], "text": [text]})
    art = pd.DataFrame({"article_id": ["x"], "published": ["2025-08-05"]})
    events, ranges, systems = h.event_claims(sents, art), h.range_claims(sents), h.system_mentions(sents)
    # every row points inside the text: nothing was built from a runaway match
    for table in (events, ranges, systems):
        assert ((table.start >= 0) & (table.end <= len(text)) & (table.start < table.end)).all()
