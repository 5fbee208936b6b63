"""The one definition of a name word and of the courtesy titles (extract/namewords.py), and
that discovery, speakers and transcript turns read it alike. One test per difference the
three former patterns had, decided here; every name is invented."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import helpers as h
from inf_coverage.extract import creditnames, discovery, looseruns, namewords, personnames, turns

COURTESY, HONORIFICS = namewords.COURTESY, namewords.HONORIFICS
NAME_WORD, NAME_WORD_RE = namewords.NAME_WORD, namewords.NAME_WORD_RE


def is_name_word(word):
    return bool(NAME_WORD_RE.match(word))


def test_every_module_uses_the_one_definition():
    assert personnames._NAME_TOKEN_RE is NAME_WORD_RE
    assert discovery._NAME_WORD_RE is NAME_WORD_RE
    assert turns._NAME_WORD == NAME_WORD
    assert turns._COURTESY == COURTESY
    assert discovery._HONORIFICS == HONORIFICS


def test_an_accented_capital_opens_a_name_word():
    # decided: accented capitals count (speakers and turns read only A-Z before)
    assert [is_name_word(w) for w in ["Šarūnė", "Émilien", "Øyvindsen", "Žukauskaitė"]] == [True] * 4
    assert personnames.person_name("the envoy Šarūnė Kvedaraitė") == "Šarūnė Kvedaraitė"


def test_gaelic_and_norman_prefixes_are_part_of_a_name_word():
    # decided: Mc, Mac, O' and D' before a second capital (speakers and turns refused "McTaggart")
    assert [is_name_word(w) for w in ["McTaggart", "MacLennan", "O'Dowling", "D\u2019Almeida"]] == [True] * 4
    assert personnames.person_name("the analyst Fenella McTaggart") == "Fenella McTaggart"


def test_a_double_barrelled_name_is_one_word_but_an_english_prefix_is_no_name():
    # decided: one hyphen joins two capitalised parts; "Pro-", "Anti-", "Ex-" and the like make
    # no name (discovery took "Pro-Kremlin" for one)
    assert [is_name_word(w) for w in ["Ostrander-Vale", "Pro-Kremlin", "Anti-Western", "Ex-Premier"]] == [
        True, False, False, False]


def test_a_romanised_given_name_but_no_english_compound():
    # decided: "Hye-jin" is a name word; "Pre-war", "Low-cost", "Soviet-era" are not (turns took
    # any lower-case second part)
    assert [is_name_word(w) for w in ["Hye-jin", "Tae-ho", "Pre-war", "Low-cost", "Soviet-era"]] == [
        True, True, False, False, False]
    assert re.fullmatch(rf"{NAME_WORD} {NAME_WORD}", "Hye-jin Baek")
    assert not re.fullmatch(rf"{NAME_WORD} {NAME_WORD}", "Post-war Boom")


def test_a_possessive_an_initial_capitals_and_a_particle_are_no_name_word():
    # decided: callers strip a possessive; turns took "Quarrie's" for a name word
    assert [is_name_word(w) for w in ["Quarrie's", "T.", "QUARRIE", "van", "Ma"]] == [
        False, False, False, False, True]
    assert turns._TWO_NAME_WORDS_RE.search("then Odile Quarrie's answer").group() == "Odile Quarrie"


@pytest.mark.parametrize("title", ["Miss", "Baroness", "Rev.", "Dr", "Prof."])
def test_the_courtesy_titles_are_one_list(title):
    # decided: "Miss" and "Baroness" (missing in discovery) and "Rev" (missing in turns) are all
    # courtesy titles
    assert re.fullmatch(COURTESY, title)
    assert turns._COURTESY_RE.match(f"{title} Halloran")


def test_discovery_reads_a_contact_with_any_courtesy_title():
    from inf_coverage.ingest.cleaning import clean_text
    raw = ("Ferry operators raised fares by four per cent on Monday, the third rise this year, and said fuel "
           "costs had left them no choice.\nPassengers on the northern route said the rise was steep.\n"
           "Press contact: Miss Perpetua Ashgrove, press officer\n")
    page = pd.DataFrame({"article_id": ["x"], "outlet": ["Harbour Examiner"], "raw_text": [raw],
                         "text": [clean_text(raw)[0]]})
    found = h.discover_names(h.sentences(page), h.load_figures().iloc[0:0], None, page)
    assert list(zip(found.candidate, found["where"])) == [("Perpetua Ashgrove", "contact")]


# Twelfth round: a title read as a name, a research note's byline block.

def _discovered(raw, quote_rows=None):
    from inf_coverage.ingest.cleaning import clean_text
    page = pd.DataFrame({"article_id": ["x"], "outlet": ["Kestrel & Moss Capital"], "raw_text": [raw],
                         "text": [clean_text(raw)[0]]})
    found = h.discover_names(h.sentences(page), h.load_figures().iloc[0:0], quote_rows, page)
    return list(zip(found.candidate, found["where"]))


def test_a_run_that_ends_in_a_title_is_no_name():
    raw = ("The reply to the petition was given by Lead Negotiator/Vice-Chair Ostrander on behalf of the "
           "harbour board, which meets again in the spring.\n")
    assert _discovered(raw) == []


def test_a_speaker_headed_by_a_title_or_written_after_during_is_no_new_name():
    raw = ("Analyst Bruno Falke of the Lowland Policy Forum said the move was symbolic and would change little.\n"
           "Ships fired at targets off the coast during Iron Lantern in May, the navy said.\n"
           "Iron Lantern showed that the allies were ready, officers argued on Tuesday.\n")
    quote_rows = pd.DataFrame({"article_id": ["x", "x"], "speaker": ["Analyst Bruno Falke", "Iron Lantern"]})
    assert _discovered(raw, quote_rows) == [("Bruno Falke", "story")]


def test_a_research_notes_byline_block_names_its_analysts_not_its_sections_or_rated_companies():
    raw = ("KESTREL & MOSS CAPITAL\n"
           "Rates Outlook | Nordic Utilities\n"
           "Orla Fenwick | 12 March 2025\n"
           "Power prices fell for a third week as reservoirs filled faster than the market had expected in "
           "January, and we cut our forecasts for the winter quarter.\n"
           "Ratings\n"
           "Stavrun Kraft (STK NO) | Hold | PT NOK 88\n"
           "Authors\n"
           "Ingrid Solheim-Vik, CFA | ingrid.solheim-vik@kestrelmoss.example | +47 22 00 00 00\n"
           "Peter Lund | p.lund@kestrelmoss.example | +47 22 00 00 01\n")
    assert sorted(_discovered(raw)) == [("Ingrid Solheim-Vik", "byline"), ("Orla Fenwick", "byline"),
                                        ("Peter Lund", "byline")]


def test_a_comment_signed_with_an_initial_and_a_surname_is_a_person():
    raw = ("Ferry timetables change again next month, the harbour board said.\n"
           "2 comments\n"
           "Osric Pellham\n"
           "3 May 2025 at 9:10 am\n"
           "Nobody asked the islanders about this.\n"
           "Reply\n"
           "T. Marwood\n"
           "3 May 2025 at 4:45 pm\n"
           "The old timetable was worse, to be fair.\n"
           "Reply\n")
    assert sorted(_discovered(raw)) == [("Osric Pellham", "byline"), ("T. Marwood", "byline")]


def test_a_mail_header_whose_address_is_the_names_initials_is_a_person():
    raw = ("Message: 1\n"
           "From: Tobias Quell-Arnaud <tqa@example.org>\n"
           "To: Grain Traders <gt@example.org>\n"
           "Date: Tue, 4 Mar 2025 10:00:00 +0100\n"
           "Subject: Grain quotas\n\n"
           "Friends, the quota debate is back on the agenda for the spring. We should meet before the vote "
           "and agree a line.\n\nTobias\n")
    assert _discovered(raw) == [("Tobias Quell-Arnaud", "contact")]


def test_a_member_line_with_the_group_in_brackets_is_a_person():
    raw = ("Regional Assembly\n"
           "Written question - Q-0042/2025\n"
           "Rule 12\n"
           "Benedikt Arnsdorf (Greens/EFA)\n"
           "Subject: Ferry subsidies for the outer islands\n"
           "The board cut the winter ferry subsidy by a third in January, and islanders now pay twice as much.\n"
           "Reader Picks (Past 7 days)\n")
    assert _discovered(raw) == [("Benedikt Arnsdorf", "byline")]


def test_a_section_label_with_its_date_in_a_notes_header_is_no_byline():
    raw = ("KESTREL & MOSS CAPITAL\n"
           "Credit Research | Nordic Utilities\n"
           "Market Update | 12 March 2025\n"
           "Orla Fenwick | 12 March 2025\n"
           "Power prices fell for a third week as reservoirs filled faster than the market had expected in "
           "January, and we cut our forecasts for the winter quarter.\n")
    assert _discovered(raw) == [("Orla Fenwick", "byline")]


def test_a_first_name_used_alone_to_address_a_reporter_is_a_name():
    raw = ("By Osbert Lyle\n"
           "MS. HALVERSEN: The ferry schedule stands for now, and the board will meet again on Friday. "
           "Go ahead, Marguerite.\n"
           "Q: Will the winter fares go up again?\n"
           "MS. HALVERSEN: Not this year. Thanks, Osbert.\n"
           "Q: And the freight quota for Estonia?\n"
           "MS. HALVERSEN: It is unchanged, and that goes for every buyer, including Estonia.\n")
    assert [n for n, _w in _discovered(raw) if n in {"Marguerite", "Osbert", "Estonia"}] == ["Marguerite"]


def test_vocative_rows_reads_the_address_closing_a_sentence_only():
    from inf_coverage.extract import vocatives
    # a title's short form cut off by the sentence splitter ("..., Gen." before "Ada Example
    # presiding") is no one addressed
    sents = pd.DataFrame({"article_id": ["x", "x", "x", "x"], "outlet": ["O", "O", "O", "O"],
                          "sentence_id": [0, 1, 2, 3], "start": [0, 40, 80, 120],
                          "text": ["We will take one more, Rosalind.", "Thank you, Senator.",
                                   "Prices rose in Tallinn, Estonia.", "The board sat at noon, Gen."]})
    assert vocatives.vocative_rows(sents, set(), {"senator"}) == [("x", "O", 0, 23, 31, "Rosalind", "vocative", "")]


def test_a_contacts_job_after_the_name_in_capitals_is_no_name():
    # "Contact: X Y, Harbour Liaison Officer": the part after the comma ends in an office word
    raw = ("The ferry company said on Tuesday that the winter timetable would start a week early because of "
           "the storms forecast for the coast.\n"
           "Media contact: Ottilie Brandvold, Harbour Liaison Officer\n")
    assert _discovered(raw) == [("Ottilie Brandvold", "contact")]


def test_a_speaker_the_story_writes_after_a_capitalised_the_is_no_person():
    from inf_coverage.ingest.cleaning import clean_text
    raw = ("The Saltmarsh Lantern Circle, which runs the museum, warned that the new pier \"will spoil the bay for a "
           "generation\" and asked the council to think again before the vote in March.\n"
           "Residents have collected more than two thousand signatures against the plan.\n")
    page = pd.DataFrame({"article_id": ["x"], "outlet": ["Harbour Examiner"], "raw_text": [raw],
                         "text": [clean_text(raw)[0]]})
    empty = h.load_figures().iloc[0:0]
    assert "Saltmarsh Lantern Circle" in set(h.quotes(page, empty).speaker)
    assert _discovered(raw, h.quotes(page, empty)) == []


# Thirteenth round: people named in forms the patterns had not met.

def test_a_full_name_with_no_cue_is_a_person_when_the_story_goes_on_by_its_surname():
    raw = ("Ola Varberg arrived in Vilnius on Monday to brief the allied envoys on the talks.\n"
           "Meeting Tomas Reinholt in Riga a day later, the envoys heard the same account.\n"
           "Varberg told reporters the next round would be in Oslo, and Mr Reinholt declined to comment.\n"
           "Halden Marine added 2.1% in Oslo trading, and Marine added 0.4% more by the close.\n")
    assert _discovered(raw) == [("Ola Varberg", "story"), ("Tomas Reinholt", "story")]


def test_a_quotations_speaker_named_by_surname_alone_is_evidence_for_the_full_name():
    sents = pd.DataFrame({"article_id": ["x", "x"], "outlet": ["o", "o"], "sentence_id": [0, 1], "start": [0, 60],
                          "text": ["Edda Lorrimer flew to Tallinn on Tuesday.", "\u201cIt was expected,\u201d Lorrimer wrote."]})
    loose = [(("x", "o", 0, 0, 13, "Edda Lorrimer", "", ""), sents.text[0], 0, 13)]
    assert looseruns.recurring(loose, sents.iloc[:1], pd.DataFrame({"article_id": ["x"], "speaker": ["Lorrimer"]})) \
        == [("x", "o", 0, 0, 13, "Edda Lorrimer", "surname recurs", "Lorrimer")]
    assert looseruns.recurring(loose, sents.iloc[:1]) == []


def test_an_office_before_a_name_is_no_part_of_it():
    raw = ("Duma Speaker Ivo Marsholt met the envoys on Tuesday, and Chief Prosecutor Anton Velkner joined them.\n"
           "Gov. Sam Ardelle and Ombudsman Rita Paasik left before the vote on the harbour dues.\n")
    assert [n for n, _w in _discovered(raw)] == ["Ivo Marsholt", "Anton Velkner", "Sam Ardelle", "Rita Paasik"]


def test_a_byline_with_a_medium_in_capitals_under_a_date_and_a_contact_after_a_hyphen():
    raw = ("Harbour board cuts ferry dues for the winter\n"
           "March 3, 2025\n"
           "Idony Carrow, HARBOUR WIRE\n"
           "The harbour board cut the ferry dues for the winter on Monday, after a month of complaints from the "
           "islanders about the cost of crossing.\n"
           "Mirela Dunstan - mdunstan@harbourwire.example\n")
    assert _discovered(raw) == [("Idony Carrow", "byline"), ("Mirela Dunstan", "byline")]


# Fourteenth round: a picture's credit and a staff line in the forms with no "by" (extract/creditnames.py).

def test_a_photo_credit_names_its_photographer_without_a_rank_in_either_order_and_in_capitals():
    raw = ("Ferry dues fall for the winter\n"
           "The harbour board cut the ferry dues for the winter on Monday, after a month of complaints from the "
           "islanders about the cost of crossing.\n"
           "A ferry leaves the north pier at dawn. Photo: Petty Officer Ilka Strand/Coast Guard\n"
           "The board's chair at the hearing. Photo: HNW Radio / Oskar Vennberg\n"
           "PHOTOGRAPH: BRINE HALLOWAY/PIER PICTURES\n"
           "The dues will be reviewed again in the spring, the board said, when the new timetable starts.\n"
           "Islanders queue at the ticket office on the quay in a file photo. (Tamsin Oddie/The Island Press)\n"
           "The ticket office on the quay. Photo: Archive / Bildagentur Seewind\n")
    assert sorted(n for n, w in _discovered(raw) if w == "credit") == [
        "Brine Halloway", "Ilka Strand", "Oskar Vennberg", "Tamsin Oddie"]


def test_a_photo_credit_to_an_archive_or_a_commons_names_nobody():
    raw = ("Ferry dues fall for the winter\n"
           "The harbour board cut the ferry dues for the winter on Monday, after a month of complaints from the "
           "islanders about the cost of crossing.\n"
           "The old ferry in 1962. Photo: Quayside Commons\n")
    assert _discovered(raw) == []


def test_a_name_line_with_a_rank_and_a_retired_mark_is_the_persons():
    raw = ("Experts react: the ferry dues\n"
           "Commander (ret.) Ysolde Marrack, Senior Fellow, Maritime Programme\n"
           "Very little changes for the crossings this winter. The board has cut the dues before and raised "
           "them again by the spring.\n")
    assert ("Ysolde Marrack", "byline") in _discovered(raw)


def test_a_bulletins_staff_line_in_capitals_names_each_role_holder():
    raw = ("ISLAND RADIO EVENING BULLETIN 18:00\n"
           "DUTY EDITOR: MAREN OSTBY   READER: JOSS CARRICK   PRODUCER: ODA VELLAND\n"
           "The harbour board cut the ferry dues for the winter on Monday, after a month of complaints from the "
           "islanders about the cost of crossing.\n")
    assert sorted(n for n, _w in _discovered(raw)) == ["Joss Carrick", "Maren Ostby", "Oda Velland"]


def test_credit_readers_give_offsets_and_the_name_as_written():
    words = {"press", "army", "archive"}
    assert creditnames.photo_credits("Photo: Lt. Col. Ansel Drury/US Army", words) == [(16, "Ansel Drury")]
    assert creditnames.photo_credits("(Wren Talbot/The Quay Press)", words) == [(1, "Wren Talbot")]
    assert creditnames.photo_credits("(Anchorage/Alaska Range)", words) == []      # no agency's side
    assert creditnames.staff_labels("HOST: ELSA MORROW | READER: OLE BRAND") == [(6, "Elsa Morrow"), (28, "Ole Brand")]
    assert creditnames.title_case("ANSEL DRURY-VANE") == "Ansel Drury-Vane"


def test_a_show_or_episode_title_names_its_host_or_guest_last_but_not_a_countrys_talks():
    raw = ("Harbour Radio 101.4 | Listen live | Podcasts\n"
           "The Quayside Hour with Rosalind Fearby\n"
           "HOST: Good morning. The harbour board cut the ferry dues for the winter on Monday, and the phones "
           "have not stopped since.\n"
           "More from Harbour Radio\n"
           "Why the ferry still matters, with Idris Pennock\n"
           "Harbour board in talks with Costa Rica\n")
    assert sorted(n for n, _w in _discovered(raw)) == ["Idris Pennock", "Rosalind Fearby"]
    assert creditnames.with_name("Talks with Saudi Arabia") == []


def test_a_bylines_role_after_a_comma_is_no_name_and_inputs_and_photography_credit_a_person():
    raw = ("Ferry dues fall for the winter\n"
           "By Wendeline Corrow, Harbour Correspondent\n"
           "The harbour board cut the ferry dues for the winter on Monday, after a month of complaints from the "
           "islanders about the cost of crossing.\n"
           "(With inputs from Tarquin Ellesmere in Port Arden)\n"
           "With inputs from agencies\n"
           "Story by Wendeline Corrow \u2022 Photography by Ysolt Maddern\n")
    assert sorted(set(_discovered(raw))) == [("Tarquin Ellesmere", "credit"), ("Wendeline Corrow", "byline"),
                                             ("Ysolt Maddern", "credit")]
    assert creditnames.inputs_from("With inputs from Lusk Agency") == [(17, "Lusk Agency")]     # judged by the caller


def test_a_credit_label_an_outlets_for_and_an_unlabelled_credit_closing_a_caption():
    words = {"images", "press"}
    assert creditnames.photo_credits("Credit: Ansel Drury/Quay Press", words) == [(8, "Ansel Drury")]
    assert creditnames.photo_credits("Credit...Wren Talbot for The Harbour Ledger", words) == [(9, "Wren Talbot")]
    assert creditnames.photo_credits("The ferry at dawn on Monday. Elke Morrow/Quay Press via Pier Images",
                                     words) == [(29, "Elke Morrow")]
    assert creditnames.photo_credits("Talks at the pier. Costa Rica/Panama", words) == []     # no agency's side


def test_a_heading_names_an_interviewee_an_opinions_author_and_a_quoted_person_whose_surname_recurs():
    raw = ("Interview: Rosalind Fearby on the winter timetable\n"
           "Opinion | Idris Pennock: The ferry dues were always too high\n"
           "Marisol Quenby: 'We were never asked'\n"
           "Costa Rica: 'No comment'\n"
           "The harbour board cut the ferry dues for the winter on Monday, after a month of complaints from the "
           "islanders about the cost of crossing.\n"
           "Related\n"
           "Quenby says the islanders were ignored\n")
    assert sorted(n for n, _w in _discovered(raw)) == ["Idris Pennock", "Marisol Quenby", "Rosalind Fearby"]
    assert creditnames.line_names("(With inputs from Tamsin Oddie)", "", False) == [
        (18, "Tamsin Oddie", "inputs from", "credit")]


def test_a_records_page_tool_over_its_date_line_is_no_byline():
    raw = ("Harbour board minutes, 3 March\n"
           "The harbour board cut the ferry dues for the winter on Monday, after a month of complaints from the "
           "islanders about the cost of crossing.\n"
           "Publication Navigator\n"
           "Date modified: 2025-03-04\n")
    assert _discovered(raw) == []


def test_a_war_bloggers_title_before_a_forwarded_channels_name():
    raw = ("Forwarded from Voenkor Radomir Sevastyanov\n"
           "The harbour board cut the ferry dues for the winter on Monday, after a month of complaints from the "
           "islanders about the cost of crossing.\n")
    assert [n for n, _w in _discovered(raw)] == ["Radomir Sevastyanov"]


# Fourteenth round (post-score): a credit after a comma, a credit closing a story's caption line,
# a newspaper read as a person, an epithet before a name.

def test_a_credit_with_its_outlet_after_a_comma():
    words = {"radio", "images"}
    assert creditnames.photo_credits("Photo: Ottilie Brannagh, Fenland Radio", words) == [(7, "Ottilie Brannagh")]
    assert creditnames.photo_credits("Photo: Ottilie Brannagh, a ferry pilot", words) == []     # no agency's side


def test_a_credit_closing_a_caption_line_in_the_story():
    words = {"images"}
    line = "Gulls circle the ferry as it leaves the quay at dawn. Photo: Cormac Ellery for The Harbour Ledger"
    assert creditnames.caption_credits(line, words) == [(line.index("Cormac"), "Cormac Ellery")]
    line = "The ferry leaves at dawn. Credit: Briony Tass, Quay Images"
    assert creditnames.caption_credits(line, words) == [(line.index("Briony"), "Briony Tass")]
    assert creditnames.caption_credits("Fares rose again. The photo: Wendel Rusk said it.", words) == []
    raw = ("Ferry fares rise again\n"
           "The harbour board raised the ferry fares on Monday, the third rise this year, after the fuel "
           "bill doubled over the summer.\n"
           "The ferry leaves the quay at first light on Tuesday. Photo: Cormac Ellery for The Harbour Ledger\n"
           "Islanders said the rise was steep, and the board said it would review the fares in the spring.\n")
    assert ("Cormac Ellery", "credit") in _discovered(raw)


def test_a_newspapers_name_and_an_epithet_are_no_persons_name():
    assert namewords.person_part("Lowmoor Courant") == (0, "")
    assert namewords.person_part("Kurier Pomorski") == (0, "")
    assert namewords.person_part("Tyrant Osgar Vell") == (7, "Osgar Vell")
    assert namewords.person_part("Dictator Vell") == (0, "")
    assert namewords.person_part("Osgar Vell") == (0, "Osgar Vell")
    raw = ("Papers weigh the harbour deal\n"
           "The Lowmoor Courant, a regional daily, calls the harbour deal a gamble for the islanders, and the "
           "board's critics agree with it.\n"
           "Despot Osgar Vell said on Monday that the harbour would stay closed to the ferries all winter.\n")
    assert _discovered(raw) == [("Osgar Vell", "story")]


def test_a_name_line_above_a_pages_follow_button_or_view_counter_is_a_byline():
    assert [creditnames.page_tool_line(t) for t in ["+ FOLLOW", "Follow", "Views: 3,412", "12k views",
                                                    "Follow the ferry", "Views on the ferry"]] == [
        True, True, True, True, False, False]
    raw = ("Harbour Examiner\n"
           "Ferry fares rise for the third time this year\n"
           "Ottoline Brask\n"
           "+ FOLLOW\n"
           "Reuben Caddow in Port Arden\n"
           "Views: 3,412\n"
           "The harbour board raised the ferry fares on Monday, the third rise this year, after the fuel "
           "bill doubled over the summer.\n"
           "Islanders said the rise was steep, and the board said it would look at the fares again in spring.\n")
    assert sorted(set(_discovered(raw))) == [("Ottoline Brask", "byline"), ("Reuben Caddow", "byline")]
