"""Date-to-event binding of ``inf_coverage/extract/events.py`` (issue 22, item 1).

A date binds to the event whose words are in its own clause, else to the one event whose
reference date it fits; a date "conflicts" with its event only when it is firmly that
event's. Every sentence here is written for the test (none is taken from an article).
"""

import pandas as pd
import pytest

import helpers as h


def dates(text, published="2025-08-06"):
    art = pd.DataFrame({"article_id": ["x"], "outlet": ["X"], "published": [published], "text": [text]})
    ev = h.event_claims(h.sentences(art), art)
    return [(r.surface, r.date, r.event, r.verdict) for r in ev.itertuples()]


# -- binding by the reference date a date fits ----------------------------------

@pytest.mark.parametrize("text, expected", [
    # no event's own words anywhere: the one event whose context the sentence names and
    # whose reference date the date fits
    ("Back then the US walked away from the pact on 2 August 2019.",
     [("2 August 2019", "2019-08-02", "us_withdrawal", "agrees")]),
    ("In a speech to generals, Putin floated a mutual freeze in October 2020.",
     [("October 2020", "2020-10", "october_2020_proposal", "agrees")]),
    # the event's words with a pronoun for its context ("it" for the treaty), a full day
    ("The two leaders put their names to it in a White House ceremony, having signed it on 8 December 1987.",
     [("8 December 1987", "1987-12-08", "inf_signed", "agrees")]),
])
def test_a_date_with_no_event_in_reach_takes_the_one_event_it_fits(text, expected):
    assert dates(text) == expected


def test_a_year_alone_and_no_pronoun_do_not_bind_by_fit():
    # a year is too weak a coincidence to bind by the event's word alone ...
    assert dates("Nobody signed anything in 1987, it seems.")[0][2] == ""
    # ... and with no pronoun for the context, another actor may be meant ("the alliance
    # suspended": not Russia's suspension, whose date it fits)
    assert dates("The alliance suspended its obligations on 2 February 2019 and later left.")[0][2] == ""
    # the US as the one suspending names the registry's US suspension (F07)
    assert dates("The US suspended its obligations on 2 February 2019 and later left.")[0][2] == "us_suspension"


def test_a_context_in_the_dates_clause_beats_an_event_named_in_another():
    got = dates("Officials noted that Moscow's moratorium dates from 2019, after the United States withdrew.")
    assert got == [("2019", "2019", "russia_moratorium", "agrees")]


def test_an_event_in_the_clause_that_does_not_fit_gives_way_to_one_that_does():
    # the ministry's own words are in the clause, but the 2019 is the moratorium's
    got = dates("The Foreign Ministry said the moratorium it had kept since early 2019 was over, "
                "a step it took in 2019 after the US withdrew.")
    assert ("2019", "2019", "russia_moratorium", "agrees") in got


def test_of_two_fitting_contexts_in_the_clause_the_nearer_takes_the_date():
    # "Russia" (the suspension's context) and "moratorium" both fit 2019; the nearer wins
    got = dates("Analysts recalled that Russia announced its moratorium in 2019.")
    assert got == [("2019", "2019", "russia_moratorium", "agrees")]


# -- a conflict only when the date is firmly the event's -------------------------

@pytest.mark.parametrize("text, surface", [
    # a modal or a word of notice governs the event's word: the date is the announcement's
    ("Washington declared on 1 December 2018 that it would withdraw from the pact.", "1 December 2018"),
    ("On 1 February 2019, Washington announced its withdrawal from the accord.", "1 February 2019"),
    # the event's words are in a relative clause the date is not in
    ("In 2022, the US changed course on the treaty that the two leaders signed.", "2022"),
    ("The treaty that the two leaders signed was scrapped in 2018.", "2018"),
    # the day in brackets names no event; the ministry's words are in another clause
    ("A presidential aide spoke on Tuesday (Aug. 5, 2025), after the ministry's statement.", "Aug. 5, 2025"),
    # the article's own news (the ministry's statement of 4 Aug 2025) is not misdated by a
    # year: this is an earlier statement of the same ministry
    ("In 2023, the Foreign Ministry said Russia would keep its word.", "2023"),
    # a verb that starts a process, or a process noun, marks a step of the event (the
    # notice), not the step its reference dates (the withdrawal taking effect)
    ("Washington initiated the withdrawal procedure on 1 February 2019.", "1 February 2019"),
    ("Washington began the process of pulling out of the pact in February 2019.", "February 2019"),
    ("The US set its withdrawal in motion on 1 February 2019.", "1 February 2019"),
])
def test_a_date_not_firmly_the_events_is_unlinked_not_a_conflict(text, surface):
    got = [d for d in dates(text) if d[0] == surface]
    assert len(got) == 1 and got[0][3] == "unlinked", dates(text)


@pytest.mark.parametrize("text, surface, event", [
    ("The two leaders signed the treaty in 1986.", "1986", "inf_signed"),
    ("In 1986, the two leaders signed the treaty.", "1986", "inf_signed"),               # fronted date
    ("The treaty, which the two leaders signed in 1986, was scrapped.", "1986", "inf_signed"),
    ("The US finally withdrew from the treaty on 3 August 2019.", "3 August 2019", "us_withdrawal"),
    ("The Foreign Ministry said on 2 August 2025 that Russia was no longer bound.", "2 August 2025",
     "mfa_statement"),
    # "that" after a verb of saying opens what was said, not a relative clause
    ("On 28 June 2023, Putin announced that Russia should restart production of such missiles.",
     "28 June 2023", "putin_production_call"),
    # a month and its year with a comma between, as some dailies print every date, is one date
    ("The two leaders signed the treaty in December, 1986.", "December, 1986", "inf_signed"),
])
def test_a_date_firmly_the_events_still_conflicts(text, surface, event):
    got = [d for d in dates(text) if d[0] == surface]
    assert len(got) == 1 and got[0][2:] == (event, "conflicts"), dates(text)


# -- the article's own date ------------------------------------------------------

@pytest.mark.parametrize("line", ["Printed on August 5, 2025", "Print edition | 5 August 2025",
                                  "By Ann Example, Aug. 4, 2025", "Updated Aug 8 2025, 09:15"])
def test_a_print_byline_or_update_date_a_few_days_off_publication_is_not_a_claim(line):
    assert dates(line + "\nThe ministry said Russia was no longer bound.") == []


def test_an_unmarked_short_line_off_the_publication_date_is_still_a_claim():
    assert dates("Talks on August 1, 2025\nThe ministry said Russia was no longer bound.") != []


def test_a_name_of_another_event_between_the_date_and_the_fitting_context_blocks_the_fit():
    # the actor after the date is the US, whose withdrawal 2 February 2019 does not fit:
    # the date is not Russia's suspension, though it fits that one's reference date
    assert dates("On 2 February 2019 the US handed Russia a six-month ultimatum.") == [
        ("2 February 2019", "2019-02-02", "", "no reference")]
    # an adjective ("a Russian daily") is no name
    assert dates("Ryabkov told a Russian daily on 9 June that the pledge was ending.")[0][2] == \
        "ryabkov_moratorium_end"


@pytest.mark.parametrize("text", [
    "A lawyer who worked at the Ministry of Justice until 2016 said the step was long planned.",
    "The Foreign Ministry kept its word up to 2016.",
])
def test_a_date_that_ends_a_period_is_never_a_conflict(text):
    # "until 2016" bounds a state (a tenure, a pledge kept), it dates no event; in an undated
    # article nothing else keeps the ministry's word from misdating the ministry's statement
    assert dates(text, published=None) == [("2016", "2016", "mfa_statement", "unlinked")]


@pytest.mark.parametrize("text, event", [
    # Medvedev writing or speaking on the day is his post, even where the ministry is named
    ("Dmitry Medvedev wrote on Monday that the West had only itself to blame.", "medvedev_post"),
    ("On Monday, Medvedev told his followers the ministry had acted at last.", "medvedev_post"),
    ("The Foreign Ministry spoke on Monday.", "mfa_statement"),
    # the Kremlin confirming or adding its word is the Kremlin's remark, not only "said"
    ("On Tuesday the Kremlin confirmed that nothing restrained Russia any longer.", "peskov_remarks"),
    ("The Kremlin added on Tuesday that Moscow was free to act.", "peskov_remarks"),
    # an adverb between the Kremlin and its verb of saying
    ("The Kremlin later told reporters on Tuesday that Moscow was free to act.", "peskov_remarks"),
])
def test_a_speaker_of_a_registered_statement_dates_that_statement(text, event):
    assert [(d[2], d[3]) for d in dates(text)] == [(event, "agrees")]


@pytest.mark.parametrize("text, expected", [
    # walking out of (or away from) the treaty is leaving it: the date is the withdrawal's
    ("Washington walked out of the accord in March 2018, blaming Moscow.",
     [("March 2018", "2018-03", "us_withdrawal", "conflicts")]),
    ("The US walked away from the treaty on 2 August 2019.",
     [("2 August 2019", "2019-08-02", "us_withdrawal", "agrees")]),
    # walking out of anything else is no withdrawal from the treaty
    ("The US delegation walked out of the meeting in March 2018.",
     [("March 2018", "2018-03", "", "no reference")]),
])
def test_walking_out_of_the_treaty_is_leaving_it(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # arriving is the deployments' start; "German" and American missiles name the plan too
    ("The first American launchers should arrive in 2026.", [("2026", "2026", "us_deployments_start", "agrees")]),
    ("The German cabinet says the stationing of US weapons from 2026 is settled.",
     [("2026", "2026", "us_deployments_start", "agrees")]),
    # a plan in the future tense is never firm for a conflict; a past arrival is no plan
    ("German officials said the launchers would arrive in 2027.",
     [("2027", "2027", "us_deployments_start", "unlinked")]),
    ("The first American launchers arrived in 2019.", [("2019", "2019", "", "no reference")]),
])
def test_american_missiles_arriving_date_the_deployments_start(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an event's word denied is not the event: the battery's date is no US withdrawal
    ("The US battery reached the island in May 2023 and has never been withdrawn.",
     [("May 2023", "2023-05", "", "no reference")]),
    ("Washington shipped the launcher in March 2022 and did not withdraw it.",
     [("March 2022", "2022-03", "", "no reference")]),
    # the same word affirmed still dates the withdrawal
    ("Washington withdrew from the treaty in March 2018.",
     [("March 2018", "2018-03", "us_withdrawal", "conflicts")]),
])
def test_a_negated_event_word_dates_no_event(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the US suspension is a step of its own (F07): its date binds to it, not to the
    # withdrawal named later in the sentence, whose own wrong date still conflicts
    ("Washington suspended its obligations under the pact in February 2019, and its withdrawal was completed "
     "on 2 August 2017.",
     [("February 2019", "2019-02", "us_suspension", "agrees"),
      ("2 August 2017", "2017-08-02", "us_withdrawal", "conflicts")]),
    ("The United States quietly suspended compliance on 2 February 2019.",
     [("2 February 2019", "2019-02-02", "us_suspension", "agrees")]),
    # announced on 1 February and effective on the 2nd: outlets date it by either day, so the
    # reference is the month and only a date outside it conflicts
    ("The Secretary of State said on 1 February 2019 that the United States would suspend its obligations.",
     [("1 February 2019", "2019-02-01", "us_suspension", "agrees")]),
    ("The United States suspended its obligations under the pact on 1 March 2019.",
     [("1 March 2019", "2019-03-01", "us_suspension", "conflicts")]),
    # Russia's suspension keeps its date when the US step is named first
    ("After the US suspended its obligations, Russia said on 2 February 2019 that it would do likewise.",
     [("2 February 2019", "2019-02-02", "russia_suspension", "agrees")]),
])
def test_the_us_suspension_is_an_event_of_its_own(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a summit named by another place is not the Geneva summit: no event, no conflict
    ("Leaders gathered at the Lisbon summit in May 2022.", [("May 2022", "2022-05", "", "no reference")]),
    # the Geneva summit is named by its place or by one of its two presidents
    ("Biden and Putin held their summit by the lake in June 2021.",
     [("June 2021", "2021-06", "geneva_summit", "agrees")]),
    ("The two presidents met in Geneva on 16 June 2021.",
     [("16 June 2021", "2021-06-16", "geneva_summit", "agrees")]),
])
def test_a_summit_elsewhere_is_not_the_geneva_summit(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # withdrawing an object of its own is not leaving the treaty: no event, no conflict
    ("Washington withdrew its ambassador in March 2018.", [("March 2018", "2018-03", "", "no reference")]),
    ("The US withdrew the offer in May 2021.", [("May 2021", "2021-05", "", "no reference")]),
    # withdrawing from the treaty, or with no object, is; so is the treaty as the object
    ("The US withdrew in August 2019.", [("August 2019", "2019-08", "us_withdrawal", "agrees")]),
    ("Washington withdrew the INF Treaty in 2018.", [("2018", "2018", "us_withdrawal", "conflicts")]),
])
def test_withdrawing_another_object_is_not_the_withdrawal(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # another state as the leaving verb's own subject is that state leaving, even with the US
    # named in the sentence: no event, so no conflict
    ("Moscow withdrew from the fisheries talks in 2007, which angered Washington.",
     [("2007", "2007", "", "no reference")]),
    ("Russia has since pulled out in 2007, irritating the United States.", [("2007", "2007", "", "no reference")]),
    # the US as the subject, or the US leaving reported by another state, is still the withdrawal
    ("Moscow said the United States withdrew from the treaty in 2018.",
     [("2018", "2018", "us_withdrawal", "conflicts")]),
    ("After Washington left the treaty in August 2019, Moscow pulled out of other talks.",
     [("August 2019", "2019-08", "us_withdrawal", "agrees")]),
])
def test_another_state_leaving_is_not_the_us_withdrawal(text, expected):
    assert dates(text) == expected


# -- the words each event is told in (round seven) ---------------------------------

@pytest.mark.parametrize("text, expected", [
    # the treaty's own end, told as a noun ("the demise of the accord") or with the treaty as
    # the subject of an intransitive verb ("the pact fell apart"), is the withdrawal (F08)
    ("The arms pact fell apart in 2019 once both sides stopped pretending.",
     [("2019", "2019", "us_withdrawal", "agrees")]),
    ("Analysts still argue over the demise of the INF accord in 2019.",
     [("2019", "2019", "us_withdrawal", "agrees")]),
    ("The treaty expired in March 2018, a columnist wrote.",
     [("March 2018", "2018-03", "us_withdrawal", "conflicts")]),
    # something else ending is no treaty's end
    ("The lease on the depot ended in 2019.", [("2019", "2019", "", "no reference")]),
    # the Trump administration is the US
    ("The Trump administration pulled out of the treaty in February 2019.",
     [("February 2019", "2019-02", "us_withdrawal", "conflicts")]),
])
def test_the_treatys_own_end_is_the_withdrawal(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the first use is named by its target, Dnipro, with "first" or "debut", as well as by
    # the missile's name; any other strike on the city is not it
    ("The new missile was first used against Dnipro on 21 November 2024.",
     [("21 November 2024", "2024-11-21", "oreshnik_first_use", "agrees")]),
    ("Russian missiles struck Dnipro on 5 August 2025.", [("5 August 2025", "2025-08-05", "", "no reference")]),
    ("The weapon made its debut against Dnipro in October 2024.",
     [("October 2024", "2024-10", "oreshnik_first_use", "conflicts")]),
    # the first serial unit handed over, told by Putin without the missile's name
    ("Putin said on 1 August 2025 that the first serial unit had been handed to the troops.",
     [("1 August 2025", "2025-08-01", "oreshnik_service", "agrees")]),
    ("Putin told reporters on Friday that the first mass-produced launcher had been delivered to the army.",
     [("Friday", "2025-08-01", "oreshnik_service", "agrees")]),
    # stationing the missile in Belarus is the Belarus plan; a place alone is not
    ("In December 2024 Putin floated stationing the new missile in Belarus.",
     [("December 2024", "2024-12", "oreshnik_belarus_plan", "agrees")]),
    ("Sites in Belarus were inspected in May 2025.", [("May 2025", "2025-05", "", "no reference")]),
    # "begin producing" is the production call, by the head of state
    ("In June 2024 the head of state said Russia must begin producing such missiles.",
     [("June 2024", "2024-06", "putin_production_call", "agrees")]),
    # the October 2020 proposal is named by what it offered, not only by its year
    ("Putin proposed a reciprocal freeze with verification in October 2021.",
     [("October 2021", "2021-10", "october_2020_proposal", "conflicts")]),
    # a freeze alone may be the earlier, 2019 offer: no event, no conflict
    ("In September 2019 Putin proposed a reciprocal freeze to NATO.",
     [("September 2019", "2019-09", "", "no reference")]),
])
def test_an_event_told_without_its_registered_words(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Russia's suspension needs the suspending: Russia alone names every other Russian step
    ("Moscow suspended its own participation on 2 February 2019.",
     [("2 February 2019", "2019-02-02", "russia_suspension", "agrees")]),
    ("Russia's economy grew in 2019.", [("2019", "2019", "", "no reference")]),
    # the pledge or promise Russia made is the moratorium
    ("It was a self-imposed pledge that Russia made in 2019.", [("2019", "2019", "russia_moratorium", "agrees")]),
])
def test_russias_suspension_needs_its_word_and_the_pledge_is_the_moratorium(text, expected):
    assert dates(text) == expected


# -- grammar: which event a date belongs to ------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # an event in an "after ..." phrase right after the date happened before the date's
    # event: the date is not its
    ("Moscow gave its pledge in 2019, after the treaty collapsed.",
     [("2019", "2019", "russia_moratorium", "agrees")]),
    ("Russia offered it in 2019 after the treaty expired.", [("2019", "2019", "", "no reference")]),
])
def test_an_event_in_an_after_phrase_does_not_take_the_date(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a date before "that" in a clause with a verb of saying dates the saying, named before
    # it, not the event named in what was said
    ("Medvedev, the former president, wrote on X on Monday that the ministry's decision was overdue.",
     [("Monday", "2025-08-04", "medvedev_post", "agrees")]),
    # not when the saying is in a relative clause about someone else
    ("Medvedev traded barbs with Trump, who announced on Friday that he had moved two submarines.",
     [("Friday", "2025-08-01", "trump_submarines", "agrees")]),
])
def test_a_date_of_saying_belongs_to_the_sayer_not_to_what_was_said(text, expected):
    assert dates(text) == expected


def test_an_event_in_the_dates_stretch_between_commas_comes_before_one_nearer_outside_it():
    # " and " splits the clause, but the participle phrase between the commas is whole:
    # "signed" dates the signing, not "withdrew" after the comma
    got = dates("That treaty, signed at the White House by the American and Soviet leaders in December 1986, "
                "lapsed once Washington withdrew.")
    assert got == [("December 1986", "1986-12", "inf_signed", "conflicts")]


@pytest.mark.parametrize("text, published, expected", [
    # a day and month close to the event's reference cannot mean another year: as firm
    # as a printed year
    ("Trump ordered the two submarines moved on 1 July.", "2025-08-06",
     [("1 July", "2025-07-01", "trump_submarines", "conflicts")]),
    # far from the reference, the year is the publication's guess: never a conflict
    ("The United States formally left the treaty on 2 June.", "2025-08-06",
     [("2 June", "2025-06-02", "us_withdrawal", "unlinked")]),
    # a weekday never is (it may date something else the sentence tells, like an asking)
    ("Trump ordered the two submarines moved on Saturday.", "2025-08-06",
     [("Saturday", "2025-08-02", "trump_submarines", "unlinked")]),
])
def test_a_day_without_a_year_conflicts_only_where_its_year_is_sure(text, published, expected):
    assert dates(text, published) == expected


def test_last_monday_in_a_mondays_article_is_a_week_before():
    assert dates("Medvedev wrote on X last Monday.", "2025-08-11") == [
        ("Monday", "2025-08-04", "medvedev_post", "agrees")]
    # "on Monday" in a Monday's article is the day itself, the article's own: never a conflict
    assert dates("Medvedev wrote on X on Monday.", "2025-08-11") == [
        ("Monday", "2025-08-11", "medvedev_post", "unlinked")]


@pytest.mark.parametrize("text, expected", [
    # suspending another treaty, named by its own name, is not Russia's INF suspension
    ("In 2023 Moscow suspended its participation in New START.", [("2023", "2023", "", "no reference")]),
    ("Russia suspended the CFE Treaty in 2023.", [("2023", "2023", "", "no reference")]),
    # a month after the suspending is no treaty's name
    ("Russia suspended its participation in February 2019.",
     [("February 2019", "2019-02", "russia_suspension", "agrees")]),
])
def test_suspending_another_treaty_is_not_the_inf_suspension(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # leaving, or the end of, a treaty named by another name is that treaty's: no event
    ("The US withdrew from the ABM Treaty in 2002.", [("2002", "2002", "", "no reference")]),
    ("Washington pulled out of the Paris accord in 2017.", [("2017", "2017", "", "no reference")]),
    ("The CFE treaty collapsed in 2007.", [("2007", "2007", "", "no reference")]),
    # the INF Treaty's own names, and a determiner, are no other name
    ("The treaty fell apart in 2019.", [("2019", "2019", "us_withdrawal", "agrees")]),
    ("Washington withdrew from the Reagan-era treaty in 2019.", [("2019", "2019", "us_withdrawal", "agrees")]),
    ("The US withdrew from the Intermediate-Range Nuclear Forces Treaty in 2019.",
     [("2019", "2019", "us_withdrawal", "agrees")]),
])
def test_leaving_or_the_end_of_another_named_treaty_is_not_the_inf_withdrawal(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # weapons deployed in Belarus (a deployment done) are not the Oreshnik plan (a proposal)
    ("Tactical nuclear weapons were deployed in Belarus in 2023.", [("2023", "2023", "", "no reference")]),
    ("Plans for deploying the weapons in Belarus were made in 2023.", [("2023", "2023", "", "no reference")]),
    # Putin telling of another system entering service is not the Oreshnik's: his name
    # names the event only with the handing over
    ("Putin said in 2023 that the Sarmat had entered service.", [("2023", "2023", "", "no reference")]),
])
def test_another_deployment_or_system_is_not_the_oreshnik_event(text, expected):
    assert dates(text) == expected


def test_taking_to_x_is_medvedevs_post():
    assert dates("Medvedev took to X on Monday evening.") == [("Monday", "2025-08-04", "medvedev_post", "agrees")]


def test_a_weekday_in_the_possessive_dates_what_it_owns_not_another_event():
    # "Monday's decision" is the decision of Monday, which the article dates as the ministry's;
    # Medvedev, named in the same sentence, is not Monday's event here
    got = dates("The Foreign Ministry ended the moratorium on Monday. Medvedev welcomed Monday's decision in a post on X.")
    assert got == [("Monday", "2025-08-04", "mfa_statement", "agrees")] * 2


@pytest.mark.parametrize("text, expected", [
    # an interview given to, or words told to, a broadcaster or paper is a media report
    ("The deputy minister told the state broadcaster Polar-2 on Sunday that stocks were full.",
     [("Sunday", "2025-08-03", "media_report", "no reference")]),
    ("The envoy was interviewed on Tuesday by a weekly in Vilnius.",
     [("Tuesday", "2025-08-05", "media_report", "no reference")]),
    ("In an interview with Radio Kestrel on 2 August, the general praised the crews.",
     [("2 August", "2025-08-02", "media_report", "no reference")]),
])
def test_words_given_to_a_broadcaster_or_paper_are_a_media_report(text, expected):
    assert dates(text) == expected


def test_a_treaty_that_ceased_to_be_in_force_is_the_inf_withdrawal():
    assert dates("The treaty ceased to be in force on 2 August 2019.") == [
        ("2 August 2019", "2019-08-02", "us_withdrawal", "agrees")]



@pytest.mark.parametrize("text, expected", [
    # "we" stands for the speaker's side, as "they" does: the event's words with it and a
    # date that fits the event's reference take the event
    ("We pulled out of the treaty in August 2019, the envoy recalled.",
     [("August 2019", "2019-08", "us_withdrawal", "agrees")]),
    # a date that does not fit is bound by nothing, so it never conflicts
    ("We pulled out of the treaty in March 2017, the envoy recalled.",
     [("March 2017", "2017-03", "", "no reference")]),
])
def test_we_stands_for_the_missing_party_of_an_events_words(text, expected):
    assert dates(text) == expected


# -- the moratorium told by what it promised -------------------------------------

@pytest.mark.parametrize("text, expected", [
    # the pledge's own words ("not deploy ... until") name the moratorium, past a clause
    # about another party between the date and them
    ("In 2019, once the Americans had abandoned the accord, the president said Russia would not "
     "deploy such weapons anywhere until American ones arrived.",
     [("2019", "2019", "russia_moratorium", "agrees")]),
    ("The Kremlin chief promised in March 2019 not to deploy the missiles in Europe until the Pentagon did.",
     [("March 2019", "2019-03", "russia_moratorium", "agrees")]),
])
def test_the_pledge_not_to_deploy_until_names_the_moratorium(text, expected):
    assert dates(text) == expected


def test_a_restated_pledge_in_another_year_never_conflicts():
    # the same promise repeated years later is a restatement, not a misdated moratorium
    for text in ["In 2023 the president said Moscow would not deploy such weapons until American ones arrived.",
                 "In 2023 the president pledged once more not to deploy such weapons until American ones arrive."]:
        assert dates(text) == [("2023", "2023", "russia_moratorium", "unlinked")]


# -- "and" after a date opens the next conjunct ----------------------------------

def test_an_event_in_the_conjunct_after_a_date_is_not_the_dates():
    # the date ends "was signed ... in December 1986": it misdates the signing, not the collapse
    got = dates("The treaty was signed by Reagan and Gorbachev in the East Room in December 1986 "
                "and collapsed when the US pulled out in August 2019.")
    assert got == [("December 1986", "1986-12", "inf_signed", "conflicts"),
                   ("August 2019", "2019-08", "us_withdrawal", "agrees")]
    # a meeting's year is not the withdrawal the next clause tells: no event, no conflict
    assert dates("Negotiators met in Geneva in 2018 and the US pulled out of the treaty a year later.") == [
        ("2018", "2018", "", "no reference")]
    # "and" before another date does not open a conjunct
    got = dates("Washington raised the matter in 2014 and 2017 and pulled out of the treaty in 2019.")
    assert got[-1] == ("2019", "2019", "us_withdrawal", "agrees")


@pytest.mark.parametrize("text, expected", [
    # a date fronting the sentence dates its main clause, past a "while" or "as" clause
    ("On Aug. 4, while most offices in the capital were shut for the holiday, the Foreign Ministry "
     "said the moratorium had lapsed.", [("Aug. 4", "2025-08-04", "mfa_statement", "agrees")]),
    ("On Monday, as crowds gathered outside, the Foreign Ministry said the moratorium had lapsed.",
     [("Monday", "2025-08-04", "mfa_statement", "agrees")]),
    # a date at the end of its own clause does not reach past ", while"
    ("Officials met on Monday, while the Foreign Ministry said the moratorium had lapsed.",
     [("Monday", "2025-08-04", "", "no reference")]),
])
def test_a_fronted_date_reaches_its_main_clause_past_a_while_clause(text, expected):
    assert dates(text) == expected


# -- a chronology's lines: a date opening its paragraph, a dash or colon, the entry ---------

def test_a_chronology_entry_conflicts_when_its_clause_names_the_event():
    # the date's clause is the entry after the dash, not the date alone
    text = ("Milestones of the pact, as our desk keeps them:\n"
            "Feb. 5, 2019 - Moscow's leader tells his cabinet that Russia suspends the treaty in turn.\n"
            "Aug. 3, 2019 \u2013 The United States withdraws from the pact.")
    got = dates(text)
    assert ("Feb. 5, 2019", "2019-02-05", "russia_suspension", "conflicts") in got, got
    assert ("Aug. 3, 2019", "2019-08-03", "us_withdrawal", "conflicts") in got, got


def test_a_chronology_entry_with_a_colon_conflicts_too():
    got = dates("Timeline\nDecember 9, 1986: The two leaders sign the treaty at the White House.")
    assert got == [("December 9, 1986", "1986-12-09", "inf_signed", "conflicts")], got


@pytest.mark.parametrize("text, expected", [
    # the date's own year is one of the event's words: the entry's clause still names it
    ("Timeline\nDec. 10, 1987 - The two leaders sign the treaty at the White House.",
     [("Dec. 10, 1987", "1987-12-10", "inf_signed", "conflicts")]),
    # an entry that names no signing: the year alone does not make the date the signing's
    ("Timeline\nDec. 10, 1987 - Senators open hearings on the treaty.",
     [("Dec. 10, 1987", "1987-12-10", "inf_signed", "unlinked")]),
])
def test_a_chronology_entry_whose_date_holds_the_events_year(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, surface, verdict", [
    # the entry names two events: its date is not surely either one's
    ("Key dates\nMay 6, 2019 - The Kremlin leader signs an order suspending Russia's part in the treaty.",
     "May 6, 2019", "unlinked"),
    # a plan in the entry: "will withdraw" is not the withdrawal
    ("Key dates\nNov. 2, 2018 - The White House says the US will withdraw from the treaty.", "Nov. 2, 2018",
     "unlinked"),
    # the event's words after a comma are outside the entry's clause: no event is the date's
    ("Key dates\nMarch 9, 2019 - Talks in Geneva end, and the US withdraws from the pact.", "March 9, 2019",
     "no reference"),
])
def test_a_chronology_entry_not_firmly_the_events_does_not_conflict(text, surface, verdict):
    got = [d for d in dates(text) if d[0] == surface]
    assert len(got) == 1 and got[0][3] == verdict, dates(text)


def test_a_date_opening_a_sentence_within_a_paragraph_is_not_an_entry():
    # not the paragraph's first sentence: the dash is a plain aside, the date names no event
    got = dates("Talks dragged on. Feb. 5, 2019 - a cold day - Russia suspends the treaty, officials say.")
    assert [d for d in got if d[0] == "Feb. 5, 2019"][0][3] != "conflicts", got


def test_suspending_a_possessive_names_the_party_not_another_treaty():
    # "suspended Russia's ..." is Russia suspending, not a treaty called Russia
    got = dates("Putin suspended Russia's part in the treaty on 2 February 2019.")
    assert got == [("2 February 2019", "2019-02-02", "russia_suspension", "agrees")], got


@pytest.mark.parametrize("text, expected", [
    # a treaty that stops working has ended: the withdrawal's day
    ("Arms-control lawyers agree the pact itself ceased to operate on 2 August 2019.",
     [("2 August 2019", "2019-08-02", "us_withdrawal", "agrees")]),
    ("Diplomats in Vienna say the treaty ceased to apply in 2019.",
     [("2019", "2019", "us_withdrawal", "agrees")]),
])
def test_a_treaty_that_ceased_to_work_dates_the_withdrawal(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # any past verb "on television/TV/radio" is an appearance in the media
    ("The general bragged on state television last month that the launchers were ready.",
     [("last month", "2025-07", "media_report", "no reference")]),
    ("A deputy minister remarked on the radio in June that talks were pointless.",
     [("in June", "2025-06", "media_report", "no reference")]),
])
def test_a_remark_on_television_or_radio_is_a_media_report(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a treaty's termination is its end, and "no treaty since" a year dates that end
    ("Analysts in Oslo note that since the pact's termination in 2019 nothing has replaced it.",
     [("2019", "2019", "us_withdrawal", "agrees")]),
    ("The termination of the INF accord on 2 August 2019 left Europe exposed, the envoy wrote.",
     [("2 August 2019", "2019-08-02", "us_withdrawal", "agrees")]),
    ("There has been no treaty since 2019 for anyone to break, a lecturer in Leeds argued.",
     [("2019", "2019", "us_withdrawal", "agrees")]),
    # tearing up the treaty, in any tense ("tears", "tore", "torn"), is the withdrawal
    ("Washington tore up the treaty in August 2018, the lecturer added.",
     [("August 2018", "2018-08", "us_withdrawal", "conflicts")]),
    ("The dockers' union tore up the pay deal in 2018.", [("2018", "2018", "", "no reference")]),
])
def test_a_treaty_terminated_or_gone_since_a_year_dates_the_withdrawal(text, expected):
    assert dates(text) == expected


def test_a_state_releasing_itself_from_its_moratorium_is_the_statement():
    got = dates("On Monday, Moscow released itself from its own moratorium on such launchers.")
    assert got == [("Monday", "2025-08-04", "mfa_statement", "agrees")], got


@pytest.mark.parametrize("text, expected", [
    # a day that owns "statement" ("Monday's statement") dates the statement of the news
    # (a wrong day so bound is not firm enough to be shown as a conflict)
    ("Few in Warsaw were surprised by Monday's statement, a senator said.",
     [("Monday", "2025-08-04", "mfa_statement", "agrees")]),
    ("Tuesday's statement changed nothing on the ground, the columnist wrote.",
     [("Tuesday", "2025-08-05", "mfa_statement", "unlinked")]),
])
def test_a_day_owning_a_statement_dates_the_statement(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an intermediate-range missile launched at Dnipro is the Oreshnik's first use
    ("Russia launched an intermediate-range missile at Dnipro on 21 November 2024, officials said.",
     [("21 November 2024", "2024-11-21", "oreshnik_first_use", "agrees")]),
    # a launch at Dnipro of anything else is not
    ("Russia launched a drone swarm at Dnipro on 3 June 2025, officials said.",
     [("3 June 2025", "2025-06-03", "", "no reference")]),
])
def test_an_intermediate_range_launch_at_dnipro_is_the_first_use(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a bare noun of saying names anyone's announcement: a wrong day of it is not firm
    ("The announcement by the Latvian government on 7 August 2025 that its airspace would close surprised few.",
     [("7 August 2025", "2025-08-07", "mfa_statement", "unlinked")]),
    ("The announcement on 7 August 2025 that the pledge was over surprised few.",
     [("7 August 2025", "2025-08-07", "mfa_statement", "unlinked")]),
    # the event's own words still bind it
    ("The announcement by the Foreign Ministry on 7 August 2025 surprised few.",
     [("7 August 2025", "2025-08-07", "mfa_statement", "conflicts")]),
])
def test_a_bare_announcement_is_no_firm_conflict(text, expected):
    assert dates(text, published="2025-10-14") == expected



@pytest.mark.parametrize("text, published, expected", [
    # a state's name as the subject of a verb of announcing names its statement, when the
    # date fits the statement and no event the sentence names fits it
    ("Traders shrugged at what Moscow announced on Monday, and the index closed flat.", "2025-08-06",
     [("Monday", "2025-08-04", "mfa_statement", "agrees")]),
    ("On Monday, Russia formally declared that it was no longer held by the restraint it adopted "
     "once Washington had left the INF Treaty in August 2019.", "2025-08-06",
     [("Monday", "2025-08-04", "mfa_statement", "agrees"),
      ("August 2019", "2019-08", "us_withdrawal", "agrees")]),
    # a state announces many things: a date the statement does not fit is not its
    ("Moscow announced on 9 August 2025 that the talks were off.", "2025-10-14",
     [("9 August 2025", "2025-08-09", "", "no reference")]),
    ("In 2019 Russia declared a moratorium on such missiles.", "2025-08-06",
     [("2019", "2019", "russia_moratorium", "agrees")]),
    # an event named in what was announced, which the date fits, keeps it
    ("Russia announced on 1 August that its new Oreshnik system had entered combat duty.", "2025-08-06",
     [("1 August", "2025-08-01", "oreshnik_service", "agrees")]),
    # the cue is the saying's own: a state named elsewhere in the sentence gives none
    ("Moscow was quiet on Monday, said the envoy.", "2025-08-06",
     [("Monday", "2025-08-04", "", "no reference")]),
])
def test_a_state_announcing_names_its_statement(text, published, expected):
    assert dates(text, published=published) == expected


def test_the_state_saying_cue_is_next_to_its_date():
    import re

    from inf_coverage.extract import eventcues
    text = "On Monday, Moscow announced it; what Russia declared last week was news."
    monday, last_week = re.search("Monday", text), re.search("last week", text)
    assert eventcues.state_saying_cue(text, monday, -1, len(text)) == (11, 27)
    assert eventcues.state_saying_cue(text, last_week, -1, len(text)) == (37, 52)
    assert eventcues.state_saying_cue(text, last_week, -1, 31) is None


@pytest.mark.parametrize("text, published, expected", [
    # the pledge's end told in other words binds a near date that fits the statement
    ("As of this week, Russia's restraint is over.", "2025-08-07",
     [("this week", "2025-W32", "mfa_statement", "agrees")]),
    ("Officials scrapped the old pledge in August 2025, to little surprise.", "2025-09-20",
     [("August 2025", "2025-08", "mfa_statement", "agrees")]),
    # a date the statement does not fit is not its
    ("The moratorium was over by March 2026.", "2026-04-01",
     [("March 2026", "2026-03", "", "no reference")]),
    # nor a date far from the words
    ("In August 2025 the talks in Geneva opened and closed without any result, and much later, "
     "analysts said, the pledge was dead.", "2025-12-01",
     [("August 2025", "2025-08", "", "no reference")]),
])
def test_a_pledges_end_in_other_words_names_the_statement(text, published, expected):
    assert dates(text, published=published) == expected


def test_the_pledge_end_cue_is_near_its_date():
    import re

    from inf_coverage.extract import eventcues
    text = "On Monday they tore up the promise."
    monday = re.search("Monday", text)
    assert eventcues.pledge_end_cue(text, monday, -1, len(text)) == (15, 34)
    other = "The promise went unheard on Monday."
    assert eventcues.pledge_end_cue(other, re.search("Monday", other), -1, len(other)) is None


@pytest.mark.parametrize("text, expected", [
    # a date the plan (deployments from 2026) does not fit, that its announcement fits, in
    # a stretch with a word of saying or agreeing, is the announcement's
    ("On 10 July 2024 the two governments said that American cruise missiles would rotate through German "
     "bases from 2026.",
     [("10 July 2024", "2024-07-10", "us_deployment_announcement", "agrees"),
      ("2026", "2026", "us_deployments_start", "agrees")]),
    ("In July 2024 the allies confirmed that American units would rotate through Germany from 2026.",
     [("July 2024", "2024-07", "us_deployment_announcement", "agrees"),
      ("2026", "2026", "us_deployments_start", "agrees")]),
    ("On 10 July 2024, Berlin and Washington said US launchers would rotate through Germany from 2026.",
     [("10 July 2024", "2024-07-10", "us_deployment_announcement", "agrees"),
      ("2026", "2026", "us_deployments_start", "agrees")]),
    # a date the announcement does not fit either stays unbound
    ("In March 2023 officials said the missiles would be stationed in Germany from 2026.",
     [("March 2023", "2023-03", "", "no reference"), ("2026", "2026", "us_deployments_start", "agrees")]),
    # the plan's words in another clause than the date's do not make the date the announcement's
    ("The envoy recalled that a Typhon battery had landed in Japan in 2024 and that Washington had announced "
     "plans to station missiles in Germany from 2026.",
     [("2024", "2024", "", "no reference"), ("2026", "2026", "us_deployments_start", "agrees")]),
])
def test_a_plans_announcement_takes_the_date_the_plan_does_not_fit(text, expected):
    assert dates(text) == expected


def test_the_announced_plan_needs_a_word_of_saying_and_one_fitting_sibling():
    from inf_coverage.extract import eventcues
    rows = [("plan", "Plan", None, None, "F1", "2026"), ("said", "Said", None, None, "F1", "2024-07-10"),
            ("other", "Other", None, None, "F2", "2024-07-10")]
    text = "In 2024 they agreed the units would come."
    plans = [("plan", "Plan", "F1", "2026", [(27, 32)])]
    fits = lambda ref: ref.startswith("2024")   # noqa: E731
    assert eventcues.announced_plan(plans, rows, text, -1, len(text), fits) == (
        (0, 0, (13, 19)), "said", "Said", "F1", "2024-07-10")
    quiet = "In 2024 the units were ready to come."
    assert eventcues.announced_plan(plans, rows, quiet, -1, len(quiet), fits) is None
    # the plan's words outside the stretch give nothing
    assert eventcues.announced_plan(plans, rows, text, -1, 20, fits) is None


@pytest.mark.parametrize("text, expected", [
    # a verb of leaving with "it" for its object, right before the date, with the leaving
    # party named, is the treaty's leaving: a wrong year there conflicts
    ("The INF Treaty had held since 1987, until Washington left it on 2 August 2018.",
     [("1987", "1987", "inf_signed", "agrees"), ("2 August 2018", "2018-08-02", "us_withdrawal", "conflicts")]),
    ("The pact was Reagan's; the US walked away from it in July 2019.",
     [("July 2019", "2019-07", "us_withdrawal", "conflicts")]),
    ("The treaty ended when Washington quit it on 2 August 2019.",
     [("2 August 2019", "2019-08-02", "us_withdrawal", "agrees")]),
    # "it" for another agreement the sentence names, or something left to someone, is no leaving
    ("Trump disliked the Iran deal, and Washington quit it in May 2018.", [("May 2018", "2018-05", "", "no reference")]),
    ("The Open Skies Treaty mattered too, until the US left it in November 2020.",
     [("November 2020", "2020-11", "", "no reference")]),
    ("Officials in Washington left it in May 2018 to the allies to decide.",
     [("May 2018", "2018-05", "", "no reference")]),
    ("The US drafted the clause and left it on the table in March 2018.",
     [("March 2018", "2018-03", "", "no reference")]),
])
def test_leaving_it_right_before_a_date_is_the_treatys_leaving(text, expected):
    assert dates(text) == expected


def test_the_left_it_cue_is_the_verb_right_before_the_date():
    import re

    from inf_coverage.extract import eventcues
    text = "Washington walked out of it in 2018."
    assert eventcues.left_it_cue(text, re.search("2018", text)) == (11, 24)
    other = "Washington left it, in the end, in 2018."
    assert eventcues.left_it_cue(other, re.search("2018", other)) is None


@pytest.mark.parametrize("text, expected", [
    # the two leaders who signed the INF Treaty, named together, name the treaty for its
    # signing where the sentence calls it only "the deal" or "that pact": a wrong year conflicts
    ("That pact, which Gorbachev and Reagan signed at the White House in March 1986, is gone.",
     [("March 1986", "1986-03", "inf_signed", "conflicts")]),
    ("The deal was signed on 8 December 1987 by Ronald Reagan and Mikhail Gorbachev.",
     [("8 December 1987", "1987-12-08", "inf_signed", "agrees")]),
    # one of them alone signed other things: no signing of the INF Treaty
    ("Gorbachev signed a strategic arms pact with George Bush in July 1991.",
     [("July 1991", "1991-07", "", "no reference")]),
    ("Reagan signed the budget law in October 1986; Gorbachev was in Reykjavik.",
     [("October 1986", "1986-10", "", "no reference")]),
    # the two must be joined as one pair ("X and Y"), not merely share a sentence
    ("Reagan signed a farm bill into law in May 1985 and Gorbachev took office.",
     [("May 1985", "1985-05", "", "no reference")]),
])
def test_reagan_and_gorbachev_together_name_the_treatys_signing(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a treaty that "came to an end" (or "has come to an end") ended, like one that "ended"
    ("Arms control in Europe suffered when the INF treaty came to an end in 2018.",
     [("2018", "2018", "us_withdrawal", "conflicts")]),
    ("That pact has come to an end in 2019, and nothing replaced it.",
     [("2019", "2019", "us_withdrawal", "agrees")]),
    # another treaty that came to an end is not the INF Treaty's
    ("The New START treaty came to an end in February 2026.", [("February 2026", "2026-02", "", "no reference")]),
])
def test_a_treaty_that_came_to_an_end_dates_the_withdrawal(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a question's "did Russia (really) say" with a date the statement fits names the statement (a weak
    # cue: it binds a fitting date, never makes a conflict)
    ("So what did Russia really say on Monday, in plain words?",
     [("Monday", "2025-08-04", "mfa_statement", "agrees")]),
    ("Did Moscow say anything in March 2023 about the pledge?", [("March 2023", "2023-03", "", "no reference")]),
])
def test_a_question_what_did_russia_say_names_the_statement(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the event's word with its context named in the sentence before, in the same paragraph:
    # "the weapon", "one" lean on it as a pronoun does; a date that fits binds and agrees
    ("The Oreshnik is a new ballistic missile. Moscow first fired the weapon in anger on 21 November 2024, "
     "hitting a plant in a Ukrainian city.",
     [("21 November 2024", "2024-11-21", "oreshnik_first_use", "agrees")]),
    ("Analysts know little about the Oreshnik. The army fired one at an industrial city in November 2024.",
     [("November 2024", "2024-11", "oreshnik_first_use", "agrees")]),
    # a date that does not fit the event is not bound so (binding by fit never conflicts)
    ("Analysts know little about the Oreshnik. The army fired one at an industrial city in March 2023.",
     [("March 2023", "2023-03", "", "no reference")]),
    # a year alone is too weak a coincidence
    ("Analysts know little about the Oreshnik. The army fired one at an industrial city in 2024.",
     [("2024", "2024", "", "no reference")]),
    # the sentence before in another paragraph does not count
    ("Analysts know little about the Oreshnik.\n\nThe army fired one at an industrial city in November 2024.",
     [("November 2024", "2024-11", "", "no reference")]),
    # an anchor word in capitals is a name ("New START"), not the event's verb: the plan's
    # start does not take New START's expiry, whatever the sentence before says
    ("The allies plan long-range fires in Germany. New START is due to expire in February 2026.",
     [("February 2026", "2026-02", "", "no reference")]),
])
def test_the_sentence_before_may_give_an_events_context(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a signing whose object is another document (an extension, a law, a decree) is not the
    # treaty's signing: no conflict with December 1987
    ("The two capitals signed a five-year extension of the treaty in 2021.", [("2021", "2021", "", "no reference")]),
    ("The president signed a new federal law on the treaty in May 2023.", [("May 2023", "2023-05", "", "no reference")]),
    # the treaty itself signed still is
    ("Reagan and Gorbachev signed the treaty in 1989.", [("1989", "1989", "inf_signed", "conflicts")]),
    # a chronology's line whose clause signs a decree about an event: the date is the decree's,
    # so it states no conflict with the event the decree is about
    ("2019 was busy.\n\nMay 9, 2019 - Putin signs a decree formally suspending Russia's part in the treaty.",
     [("May 9, 2019", "2019-05-09", "russia_suspension", "unlinked")]),
])
def test_a_signing_of_another_document_is_not_the_treatys(text, expected):
    assert [d for d in dates(text) if d[0] != "2019"] == expected


@pytest.mark.parametrize("text, expected", [
    # leaving another agreement is not the INF withdrawal: one with another party, one named by
    # a capitalised word none of the INF Treaty's, or with a subject of its own; a date between
    # the verb and its object does not hide it
    ("Washington pulled out of the nuclear accord with Tehran in 2018.", [("2018", "2018", "", "no reference")]),
    ("The United States withdrew on 22 November from the Open Skies Treaty.",
     [("22 November", "2024-11-22", "", "no reference")]),
    ("The US walked out of the climate agreement in 2017.", [("2017", "2017", "", "no reference")]),
    # the INF Treaty by its names, its year, its era or its party is still the withdrawal
    ("The US pulled out of the landmark Cold War-era pact in 2018.", [("2018", "2018", "us_withdrawal", "conflicts")]),
    ("The US withdrew from the 1987 treaty with Moscow in August 2019.",
     [("1987", "1987", "inf_signed", "agrees"), ("August 2019", "2019-08", "us_withdrawal", "agrees")]),
])
def test_leaving_another_agreement_is_not_the_withdrawal(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a US leader or "the Americans" as the subject of a leaving verb is the US side leaving
    ("Trump pulled out of the treaty in August 2018.", [("August 2018", "2018-08", "us_withdrawal", "conflicts")]),
    ("President Trump quit the pact in 2019, to little applause.", [("2019", "2019", "us_withdrawal", "agrees")]),
    ("The Americans walked out of the accord in August 2019.", [("August 2019", "2019-08", "us_withdrawal", "agrees")]),
    # not a leaving verb, nor another agreement
    ("Trump left the summit in June 2018.", [("June 2018", "2018-06", "", "no reference")]),
    ("Trump pulled out of the nuclear accord with Tehran in 2018.", [("2018", "2018", "", "no reference")]),
])
def test_a_us_leader_leaving_is_the_us_withdrawal(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a date fronting its sentence, then a "when" or "as" clause: the date is the main clause's
    # event when the main clause names one ...
    ("In 2019, when the Americans left the treaty, we said we would not deploy such missiles until US ones came.",
     [("2019", "2019", "russia_moratorium", "agrees")]),
    ("In 2019, as Washington quit the pact, Moscow vowed it would not deploy these missiles until the US did.",
     [("2019", "2019", "russia_moratorium", "agrees")]),
    # ... else the "when" clause's
    ("In 2019, when Washington left the treaty, few in Europe noticed.", [("2019", "2019", "us_withdrawal", "agrees")]),
])
def test_a_fronted_date_before_a_when_clause_dates_the_main_clause(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a day in a sentence that names no event leans on the sentence before (same paragraph): the
    # one event that sentence names whose reference date the day fits
    ("Trump moved two nuclear submarines closer to Russia. That was only last Friday.",
     [("Friday", "2025-08-01", "trump_submarines", "agrees")]),
    # not when the day fits no event there, nor when it fits two
    ("Trump moved two nuclear submarines closer to Russia. That was on Monday.",
     [("Monday", "2025-08-04", "", "no reference")]),
    ("Trump moved two submarines, and the first serially produced Oreshnik entered service. That was on Friday.",
     [("Friday", "2025-08-01", "", "no reference")]),
    # nor across paragraphs
    ("Trump moved two nuclear submarines closer to Russia.\n\nThat was only last Friday.",
     [("Friday", "2025-08-01", "", "no reference")]),
])
def test_a_day_that_names_no_event_leans_on_the_sentence_before(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a named channel or state television as where someone spoke: a media report
    ("Speaking to Rossiya-1 on 5 August, the minister repeated the line.",
     [("5 August", "2025-08-05", "media_report", "no reference")]),
    ("Then on Sunday the deputy minister went on state television to defend it.",
     [("Sunday", "2025-08-03", "media_report", "no reference")]),
    # a state's TV as the subject of something else is no interview
    ("The strike on 21 November 2024 was the Oreshnik's first use, state television showed.",
     [("21 November 2024", "2024-11-21", "oreshnik_first_use", "agrees")]),
])
def test_speaking_on_a_named_channel_is_a_media_report(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the Kremlin's spokesman with a word before the title ("own", "chief") is still Peskov's remark
    ("The Kremlin's own spokesman said on Tuesday that no limits remain.",
     [("Tuesday", "2025-08-05", "peskov_remarks", "agrees")]),
    ("The Kremlin's chief spokesman said on Friday that no limits remain.",
     [("Friday", "2025-08-01", "peskov_remarks", "unlinked")]),  # a weekday never conflicts
])
def test_a_word_before_the_kremlin_spokesmans_title(text, expected):
    assert dates(text) == expected


# -- round fourteen: yardstick phrases, "it" for the event before, the statement's day ----------

@pytest.mark.parametrize("text, published, expected", [
    # "before ..." right after a date names another event, as "after ..." does; "the Russian
    # president" is Putin for the service event's context
    ("On 1 August, before the Foreign Ministry statement came out, the Russian president said the first "
     "serially produced launchers had been delivered to the troops.", "2025-08-20",
     [("1 August", "2025-08-01", "oreshnik_service", "agrees")]),
    # a date in apposition to a phrase of relative time: the phrase's event is the yardstick
    ("Three days ahead of the Foreign Ministry statement, on 1 August, Putin told reporters that the first "
     "serial Oreshnik had been handed to the army.", "2025-08-20",
     [("1 August", "2025-08-01", "oreshnik_service", "agrees")]),
    ("Two days after the ministry's statement, on 6 August, a senior diplomat repeated the point.", "2025-08-20",
     [("6 August", "2025-08-06", "", "no reference")]),
])
def test_a_yardstick_phrase_next_to_a_date_is_not_its_event(text, published, expected):
    assert dates(text, published=published) == expected


@pytest.mark.parametrize("text, expected", [
    # "it" right after a verb before the date: the one event the sentence before names by its
    # context and the date fits
    ("The moratorium was never more than a unilateral promise. Putin proclaimed it in 2019 to answer "
     "the Americans.", [("2019", "2019", "russia_moratorium", "agrees")]),
    # no sentence before, or two events there that the date fits, or a long subject: none
    ("Putin proclaimed it in 2019 to answer the Americans.", [("2019", "2019", "", "no reference")]),
    ("The moratorium and the US exit from the treaty were both political. Putin proclaimed it in 2019 "
     "to answer them.", [("2019", "2019", "", "no reference")]),
    ("The moratorium was never more than a unilateral promise. Everyone in the room who had studied "
     "the question remembered it in 2019.", [("2019", "2019", "", "no reference")]),
])
def test_it_for_the_event_the_sentence_before_names(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, published, expected", [
    # a sentence naming no event but a statement, on the state's statement's own day
    ("Few diplomats saw Monday's decision coming.", "2025-08-06",
     [("Monday", "2025-08-04", "mfa_statement", "agrees")]),
    ("What Russia gave up on Monday was a promise, not a treaty.", "2025-08-06",
     [("Monday", "2025-08-04", "mfa_statement", "agrees")]),
    # another day, or no statement named: none
    ("Few diplomats saw the decision coming on Friday.", "2025-08-06",
     [("Friday", "2025-08-01", "", "no reference")]),
    ("Trains stopped on Monday evening after a fault.", "2025-08-06",
     [("Monday", "2025-08-04", "", "no reference")]),
])
def test_the_statements_own_day_in_a_sentence_naming_a_statement(text, published, expected):
    assert dates(text, published=published) == expected


@pytest.mark.parametrize("text, published, expected", [
    # "the Sunday announcement" in 2020: a past day names no event of 2025
    ("The Sunday announcement closed the six-month notice period.", "2020-11-23",
     [("Sunday", "2020-11-22", "", "no reference")]),
    # "the Treaty on Open Skies" is another treaty; the INF Treaty's formal name is not
    ("On 22 May 2020 Washington gave notice of its withdrawal from the Treaty on Open Skies.", "2020-05-23",
     [("22 May 2020", "2020-05-22", "", "no reference")]),
    ("On 2 August 2019 the US completed its withdrawal from the Treaty on the Elimination of "
     "Intermediate-Range and Shorter-Range Missiles.", "2019-08-05",
     [("2 August 2019", "2019-08-02", "us_withdrawal", "agrees")]),
    # the registry's leaving: "left the 1987 INF treaty", "the treaty's demise", "the pact's collapse"
    ("The freeze had held since the Americans left the 1987 INF treaty in August 2019.", "2025-08-06",
     [("1987", "1987", "inf_signed", "agrees"), ("August 2019", "2019-08", "us_withdrawal", "agrees")]),
    ("Putin offered the pledge after the treaty's demise in 2019, once U.S. missiles were gone.", "2025-08-06",
     [("2019", "2019", "us_withdrawal", "agrees")]),
    ("The pact's collapse in 2019 left Europe without limits.", "2025-08-06",
     [("2019", "2019", "us_withdrawal", "agrees")]),
])
def test_other_treaties_and_past_days_and_the_leaving_words(text, published, expected):
    assert dates(text, published=published) == expected


@pytest.mark.parametrize("text, published, expected", [
    # an event without a reference date nearest the date (a news report) gives way to one the
    # date fits whose context the clause names; a date that fits none keeps the report
    ("Deputy Foreign Minister Sergei Ryabkov told the TASS news agency in June that the pledge had run "
     "its course.", "2025-08-06", [("in June", "2025-06", "ryabkov_moratorium_end", "agrees")]),
    ("Deputy Foreign Minister Sergei Ryabkov told the TASS news agency on Sunday that the pledge had run "
     "its course.", "2025-08-12", [("Sunday", "2025-08-10", "media_report", "no reference")]),
    # "the Kremlin went further" is the Kremlin's saying
    ("The Kremlin went further on Tuesday, saying no notice of deployments would be given.", "2025-08-06",
     [("Tuesday", "2025-08-05", "peskov_remarks", "agrees")]),
])
def test_a_dated_event_in_the_clause_before_an_undated_one(text, published, expected):
    assert dates(text, published=published) == expected


@pytest.mark.parametrize("text, published, expected", [
    # "America" is the leaving party: "left it" then binds, and a wrong year firmly conflicts
    ("The treaty was long gone. America formally left it on 2 August 2018, citing a Russian missile.",
     "2025-08-09", [("2 August 2018", "2018-08-02", "us_withdrawal", "conflicts")]),
    ("The treaty was long gone. America formally left it on 2 August 2019, citing a Russian missile.",
     "2025-08-09", [("2 August 2019", "2019-08-02", "us_withdrawal", "agrees")]),
    ("America's allies met on 2 August 2018 to discuss trade.", "2025-08-06",
     [("2 August 2018", "2018-08-02", "", "no reference")]),
    # "the 1987 accord" is the treaty's signing year
    ("The 1987 accord between Washington and Moscow banned such missiles.", "2025-08-06",
     [("1987", "1987", "inf_signed", "agrees")]),
])
def test_america_leaves_and_the_1987_accord(text, published, expected):
    assert dates(text, published=published) == expected


def test_a_treaty_that_was_terminated_dates_the_withdrawal():
    # "the treaty was terminated" names the withdrawal's effect, as "the treaty has terminated" did
    assert dates("The treaty was terminated on 2 August 2019, at Washington's initiative.") == [
        ("2 August 2019", "2019-08-02", "us_withdrawal", "agrees")]
    assert dates("The treaty was terminated on 2 August 2018.")[0][2:] == ("us_withdrawal", "conflicts")
