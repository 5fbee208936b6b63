"""A date's own event told by its own clause (``inf_coverage/extract/eventbinds.py``).

A "since" date after a noun of a lasting state, a printed day equal to an event's reference
day with the event's word beside it, a future date with a plan's verb, and the writer's own
interview or a day owning the press: each names the date's event where the nearest event's
words do not. Every sentence here is written for the test (none is taken from an article).
"""

import re

import pandas as pd
import pytest

import helpers as h
from inf_coverage.extract import eventbinds
from inf_coverage.ingest.text import _DATE_RE


def dates(text, published="2025-08-06"):
    art = pd.DataFrame({"article_id": ["x"], "outlet": ["X"], "published": [published], "text": [text]})
    ev = h.event_claims(h.sentences(art), art)
    return [(r.surface, r.date, r.event, r.verdict) for r in ev.itertuples()]


@pytest.mark.parametrize("text, expected", [
    # the state's noun before the "since" date, across a comma and a relative clause
    ("The moratorium on such missiles, which the Kremlin had respected since 2019, was gone.",
     [("2019", "2019", "russia_moratorium", "agrees")]),
    ("Russia's promise, given since 2019 to every visitor, meant little.",
     [("2019", "2019", "russia_moratorium", "agrees")]),
    # a policy is no pledge: the noun of a lasting state is the pledge's
    ("The policy of engagement, pursued since 2019 by the allies, ended.",
     [("2019", "2019", "", "no reference")]),
    # a state the date does not fit (the treaty's ban is no registry state of 1988): no event
    ("The treaty ban on such missiles, in force since 1988, is gone.",
     [("1988", "1988", "", "no reference")]),
])
def test_a_since_date_after_a_state_noun_is_that_states_start(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the event's word in the clause, its party not named: the exact reference day binds
    ("The withdrawal finally took effect on 2 August 2019, and nothing replaced it.",
     [("2 August 2019", "2019-08-02", "us_withdrawal", "agrees")]),
    ("Rescuers searched the rubble after a strike on 21 November 2024 in the city.",
     [("21 November 2024", "2024-11-21", "oreshnik_first_use", "agrees")]),
    # the event's word denied: no event
    ("Moscow did not fire a missile on 21 November 2024.",
     [("21 November 2024", "2024-11-21", "", "no reference")]),
    # a day one off the reference day is no exact match
    ("Rescuers searched the rubble after a strike on 22 November 2024 in the city.",
     [("22 November 2024", "2024-11-22", "", "no reference")]),
])
def test_a_printed_day_equal_to_a_reference_day_is_that_events(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Should the Tomahawk batteries appear there next year, Moscow will respond.",
     [("next year", "2026", "us_deployments_start", "agrees")]),
    # a subject without a name: whose launchers, the words do not say
    ("Should the new launchers appear there next year, Moscow will respond.",
     [("next year", "2026", "", "no reference")]),
    # the other state as the verb's subject, or another event named in the clause: no plan
    ("The Belarusian crews will deploy the new launchers next year.",
     [("next year", "2026", "", "no reference")]),
    ("The alliance said Kyiv's new jets would arrive next year.",
     [("next year", "2026", "", "no reference")]),
    ("If the Oreshnik units arrive next year, little changes.",
     [("next year", "2026", "", "no reference")]),
    # a past date is no plan
    ("The new launchers appeared there last year.",
     [("last year", "2024", "", "no reference")]),
])
def test_a_future_date_with_a_plans_verb_is_the_plans(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The analyst told me last month that nothing had changed.",
     [("last month", "2025-07", "media_report", "no reference")]),
    ("When I spoke to her this week, the envoy sounded tired.",
     [("this week", "2025-W32", "media_report", "no reference")]),
    ("Sunday's papers in Rome were full of it.",
     [("Sunday", "2025-08-03", "media_report", "no reference")]),
    # inside a quotation "me" is the speaker, not the writer
    ("\"He told me last month that it was over,\" the senator said.",
     [("last month", "2025-07", "", "no reference")]),
    # a day owning something other than the press
    ("Sunday's parade in the port was smaller.",
     [("Sunday", "2025-08-03", "", "no reference")]),
])
def test_the_writers_interview_and_a_day_owning_the_press_date_a_report(text, expected):
    assert dates(text) == expected


def test_the_report_event_is_found_by_its_probe_or_none_binds():
    text = "She told me last month."
    m = next(_DATE_RE.finditer(text))   # "last month"; "told me" ends one character before it
    rows = [("media_report", "Report", re.compile(r"\binterviewed\b"), None, "", "", None)]
    assert eventbinds.press_date(text, m, -1, len(text), rows) == ((0, 1, (4, 11)), "media_report", "Report", "", "")
    assert eventbinds.press_date(text, m, -1, len(text), []) is None


@pytest.mark.parametrize("text, expected", [
    # the year printed before "that year" in the sentence, for a month and for a day
    ("Russia suspended it in February 2019 and the United States left in August that year.",
     [("February 2019", "2019-02", "russia_suspension", "agrees"), ("in August", "2019-08", "us_withdrawal", "agrees")]),
    ("In 2024 the ministry said nothing; on 10 July of that same year, Germany agreed to host the launchers.",
     [("2024", "2024", "mfa_statement", "unlinked"), ("10 July", "2024-07-10", "us_deployment_announcement", "agrees")]),
    # the year of the paragraph's sentence before
    ("The talks failed in 2018. On 3 March that year, the envoy went home.",
     [("2018", "2018", "", "no reference"), ("3 March", "2018-03-03", "", "no reference")]),
    # a year so read is never sure enough for a conflict
    ("The treaty was signed in 1987, and the US withdrew in August that year.",
     [("1987", "1987", "inf_signed", "agrees"), ("in August", "1987-08", "us_withdrawal", "unlinked")]),
])
def test_a_day_or_month_before_that_year_is_in_the_year_named_before_it(text, expected):
    assert dates(text) == expected


def test_that_year_names_its_basis_and_needs_a_year_before_it():
    text = "The envoy left on 3 March that year."
    m = next(_DATE_RE.finditer(text))
    assert eventbinds.that_year(text, m, "") is None
    assert eventbinds.that_year(text, m, "It was 2016, and then 2018.") == 2018
    art = pd.DataFrame({"article_id": ["x"], "outlet": ["X"], "published": ["2025-08-06"],
                        "text": ["The talks failed in 2018. On 3 March that year, the envoy went home."]})
    ev = h.event_claims(h.sentences(art), art)
    assert ev.basis.tolist() == ["printed", eventbinds.THAT_YEAR_BASIS]


def fact_rows(text, published="2025-08-06"):
    art = pd.DataFrame({"article_id": ["x"], "outlet": ["X"], "published": [published], "text": [text]})
    ev = h.event_claims(h.sentences(art), art)
    return [(r.surface, r.event, r.fact_id, r.reference_date, r.verdict) for r in ev.itertuples()]


@pytest.mark.parametrize("text, expected", [
    # the decree's day (a reference fact no registry event carries) in a clause sharing the
    # claim's word, in a sentence naming the suspension its claim tells: the suspension, by the decree's fact
    ("Russia suspended its part in the pact, and Putin made it law by decree on 4 March 2019.",
     [("4 March 2019", "russia_suspension", "F11", "2019-03-04", "agrees")]),
    # the clause shares no word with the claim, or the sentence names no event the claim tells
    ("Russia suspended its participation, and a court sat on 4 March 2019.",
     [("4 March 2019", "", "", "", "no reference")]),
    ("The weather in Moscow was mild on 4 March 2019.", [("4 March 2019", "", "", "", "no reference")]),
    # a fact whose claim tells no event (a doctrine signed is no treaty signed)
    ("Putin signed the new nuclear doctrine on 19 November 2024.",
     [("19 November 2024", "", "", "", "no reference")]),
])
def test_a_printed_day_of_a_fact_no_event_carries_binds_the_event_its_claim_tells(text, expected):
    assert fact_rows(text) == expected


def test_spare_facts_keep_only_days_no_event_carries():
    rows = [("susp", "Suspension", re.compile(r"suspend\w*"), None, "F1", "2019-02-02", None)]
    facts = [("F1", "Russia suspended", "2019-02-02"), ("F2", "A decree suspending it", "2019-03-04"),
             ("F3", "A status line", "2019 or so")]
    assert eventbinds.spare_facts(facts, rows) == [
        ("F2", "2019-03-04", [("susp", "Suspension")], frozenset({"decree", "suspending"}))]
