"""People a page names outside its story's sentences, in whole-line credits and lists
(extract/creditnames.py): thanks for help, drawing, translation and audio credits, a live
page's entry author, citations, endnotes, a newsletter's lists, journalists with their
publication, readers' signatures. Every sentence and name is invented."""

from __future__ import annotations

import pandas as pd

import helpers as h
from inf_coverage.extract import creditnames as cn

_PROSE = ("The harbour board voted on Tuesday to raise mooring fees for the first time in six years, "
          "and the ferry company said it would review its winter timetable.\n\n"
          "Skippers at the north quay said the rise would fall hardest on small boats, which pay the same "
          "rate as the larger vessels that use the deep berths.\n\n")


def _discovered(raw):
    from inf_coverage.ingest.cleaning import clean_text
    page = pd.DataFrame({"article_id": ["x"], "outlet": ["Quayside Echo"], "raw_text": [raw],
                         "text": [clean_text(raw)[0]]})
    found = h.discover_names(h.sentences(page), h.load_figures().iloc[0:0], None, page)
    return sorted(set(found.candidate))


def test_thanks_for_help_names_each_helper_but_not_a_place():
    assert cn.work_credits("With help from Orla Penhallow and Ravi Deshmane") == [
        (15, "Orla Penhallow"), (34, "Ravi Deshmane")]
    assert cn.work_credits("With additional reporting from Mabel Quist in Leeds.") == [(31, "Mabel Quist")]
    assert cn.work_credits("Help from Orla Penhallow") == []       # no "With": a heading's words


def test_a_drawing_a_translation_and_an_audio_reading_credit_their_maker():
    assert cn.work_credits("Illustration: Wendell Carrow") == [(14, "Wendell Carrow")]
    assert cn.work_credits("Graphics: Wendell Carrow/Quayside Echo") == [(10, "Wendell Carrow")]
    assert cn.work_credits("tr. Oskar Wendeborg") == [(4, "Oskar Wendeborg")]
    assert cn.work_credits("Listen: read by Bertrand Calloway") == [(16, "Bertrand Calloway")]
    assert cn.work_credits("Listen to this story \u00b7 4 min \u00b7 Narrated by Bertrand Calloway") == [
        (43, "Bertrand Calloway")]
    assert cn.work_credits("Illustration: Getty Images") == []      # an agency's stem
    assert cn.work_credits("Illustration: Studio Nord") == []       # a studio's
    assert cn.work_credits("Illustration: a ferry at dusk by Wendell Carrow") == []     # no whole-line credit


def test_a_live_pages_entry_author_and_an_endnotes_interviewee():
    assert cn.work_credits("From Yuliya Doroshenko in Lviv") == [(5, "Yuliya Doroshenko")]
    assert cn.work_credits("From the harbour master's office") == []
    assert cn.work_credits("From Harbour Street") == []      # no place after it: a heading's place as well
    assert cn.work_credits("3. Interview with Gunnar Aasland, 12 May 2024.") == [(18, "Gunnar Aasland")]
    assert cn.work_credits("[4] Author's conversation with Dr Petra Kvist (Bergen, 2024)") == [(34, "Petra Kvist")]


def test_a_citation_writes_its_authors_surname_first():
    assert cn.work_credits("Cite this: Solheim, Marit (2024). Mooring fees. Quay Review.") == [(11, "Marit Solheim")]
    assert cn.work_credits("How to cite: Halvorsen, Ingrid and Orlecki, Casimir (2023)") == [
        (13, "Ingrid Halvorsen"), (35, "Casimir Orlecki")]     # where each entry starts
    assert cn.work_credits("Cite this: Solheim, M. (2024)") == []     # an initial alone: no given name


def test_a_newsletters_list_names_the_people_who_open_its_items():
    line = "BIRTHDAYS: Felicity Arnaud of the Pier Trust ... Gustav Trelling ... former pilot Hester Vane"
    assert cn.people_list(line) == [(11, "Felicity Arnaud"), (49, "Gustav Trelling")]
    line = "Spotted at the quay party: Mabel Quist, Orla Penhallow and a crowd of deckhands"
    assert cn.people_list(line) == [(27, "Mabel Quist"), (40, "Orla Penhallow")]
    assert cn.people_list("SPOTTED: Harbour Gala ... Regatta Week") == []       # events' names
    assert cn.people_list("Mabel Quist, Orla Penhallow") == []      # no list's label


def test_a_journalist_with_a_publication_and_reporters_who_contributed():
    assert cn.reporter_names("\u2014 Tides and taxes: Perpetua Sandvik of the Lakeside Gazette on the new fees.") == [
        (19, "Perpetua Sandvik")]
    assert cn.reporter_names("Annika Strom in Hull and Piet Vandamme contributed to this report.") == [
        (0, "Annika Strom"), (25, "Piet Vandamme")]
    assert cn.reporter_names("The Echo's Mabel Quist contributed reporting.") == [(11, "Mabel Quist")]
    assert cn.reporter_names("Crowds filled the Harbour Square of the Quay Times on Sunday.") == []     # an article before
    assert cn.reporter_names("Mabel Quist at the Quay Times") == []     # "at" a newspaper: a place as well


def test_readers_first_names_sign_their_questions_in_a_column_of_two_or_more():
    lines = [(0, "Why do small boats pay the same as trawlers?"), (45, "Brendan, Sligo"), (60, ""),
             (61, "Will the winter ferry still run? My son works on the island."), (123, "Maeve, Cork")]
    assert cn.signed_questions(lines, set()) == [(45, "Brendan"), (123, "Maeve")]
    assert cn.signed_questions(lines[:2], set()) == []      # one signature alone may be anything
    assert cn.signed_questions(lines, {"maeve"}) == []     # a word no given name is: one signature is left
    places = [(0, "Where does the ferry go?"), (25, "Hull, England"), (40, "And then?"), (50, "Leeds, England")]
    assert cn.signed_questions(places, {"hull", "leeds"}) == []


def test_discovery_reads_the_new_credits_and_signatures_on_a_page():
    raw = ("Ask the harbour desk\nWhy do small boats pay the same as trawlers?\nBrendan, Sligo\n\n" + _PROSE
           + "Will the winter ferry still run? My son works on the island.\nMaeve, Cork\n\n" + _PROSE
           + "With help from Orla Penhallow\nIllustration: Wendell Carrow\n")
    assert _discovered(raw) == ["Brendan", "Maeve", "Orla Penhallow", "Wendell Carrow"]


def test_a_bio_without_an_article_and_a_comment_dated_hours_ago():
    raw = _PROSE + "Ingrid Halvorsen is director of the Coastal Trade Programme at Northfield College.\n"
    assert _discovered(raw) == ["Ingrid Halvorsen"]
    raw = _PROSE + "Tavenga Bay is host to the regatta every August.\n"
    assert _discovered(raw) == []
    raw = _PROSE + "3 Comments\nGerald Pemberton\n2 hours ago\nThe fees were overdue.\nReply\n"
    assert _discovered(raw) == ["Gerald Pemberton"]


def test_a_live_pages_entry_bylines_under_a_time_and_a_heading():
    lines = [(0, "18:52 GMT"), (10, "Fees: what changes for small boats"), (46, "Ottilie Farnsworth, harbour reporter"),
             (83, "Nobody at the quay knows yet how the new fees will be collected or when they will start."),
             (170, ""), (171, "17:30 GMT"), (181, "Reaction from the islands"), (207, "Bruno Kessling, Kirkwall"),
             (232, "The island council said the rise was expected and that it would ask the board for a delay.")]
    valid = lambda n: n != "Hong Kong"      # noqa: E731 - the caller's judge
    assert cn.entry_bylines(lines, valid) == [(46, "Ottilie Farnsworth"), (207, "Bruno Kessling")]
    assert cn.entry_bylines(lines[:4], valid) == []      # one entry alone: a dateline's slot as well
    lines[7] = (207, "Hong Kong")
    assert cn.entry_bylines(lines, valid) == []


def test_a_name_line_signed_with_its_address_in_the_story_is_a_byline():
    assert cn.mail_signature("Linh Tran - linhtran@quayside.example.org") == (0, "Linh Tran", "linhtran")
    assert cn.mail_signature("Write to us at letters@quayside.example.org") == ()
    raw = _PROSE + "Linh Tran - linhtran@quayside.example.org\n"
    assert _discovered(raw) == ["Linh Tran"]
    raw = _PROSE + "Mabel Quist - news@quayside.example.org\n"       # the address spells no name
    assert _discovered(raw) == []
