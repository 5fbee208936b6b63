"""People a page names in press contacts, endnotes and picture credits, surnames with a
particle, and the runs that are places, committees or newspapers (extract/notenames.py,
creditnames, looseruns, discovery, namewords, outlets). Every sentence and name is invented."""

from __future__ import annotations

import pandas as pd

import helpers as h
from inf_coverage.extract import creditnames as cn
from inf_coverage.extract import notenames, outlets
from inf_coverage.extract.looseruns import particle_tails
from inf_coverage.extract.namewords import OUTLET_WORDS, PRESS_TITLE_WORDS, person_part

_ORG = {"agency", "news", "press", "images", "archive"}


def _found(raw):
    from inf_coverage.ingest.cleaning import clean_text
    page = pd.DataFrame({"article_id": ["x"], "outlet": ["Quayside Echo"], "raw_text": [raw],
                         "text": [clean_text(raw)[0]]})
    empty = h.load_figures().iloc[0:0]
    found = h.discover_names(h.sentences(page), empty, h.quotes(page, empty), page)
    return dict(zip(found.candidate, found["where"]))


_PROSE = ("Ferry fees rise again\n\nBy Orla Penhallow\n\n"
          "The harbour board voted on Tuesday to raise mooring fees, and the ferry company said it would "
          "review its winter timetable.\n\n")
_TAIL = ("\n\nSkippers at the north quay said the rise would fall hardest on small boats, which pay the "
         "same rate as the larger vessels.\n")


def test_a_contact_line_names_the_person_between_its_label_and_number():
    assert notenames.contact_names("Office of Cllr. Anna Frayne: Petra Lindgaard, (555) 010-0199") == [
        (29, "Petra Lindgaard")]
    assert notenames.contact_names("Media contact: Tobias Werrington, t.werrington@quay.example.org") == [
        (15, "Tobias Werrington")]
    assert notenames.contact_names("Press: Ilka Moravec | +44 20 7946 0321") == [(7, "Ilka Moravec")]
    # no label: a switchboard's name and number; a long sentence before a colon; a time
    assert notenames.contact_names("Northgate Clients, 020 7946 0000") == []
    assert notenames.contact_names("The board said late on Tuesday that the new rate would apply from May: "
                            "Ilka Moravec, 020 7946 0000") == []
    assert notenames.contact_names("12:30 Ilka Moravec, 020 7946 0000") == []


def test_an_endnote_names_its_authors_before_a_quoted_or_italic_title():
    assert notenames.endnote_names('[1] Ilse Brandvold, "Tides and Tariffs", Coastal Economics 12, 2021.') == [
        (4, "Ilse Brandvold")]
    assert notenames.endnote_names("3. Mabel Quist and Tomas van Dijk, *Harbours at Dusk*, 2020.") == [
        (3, "Mabel Quist"), (19, "Tomas van Dijk")]
    assert notenames.endnote_names('2. Quennell, Rosalind. "Small Boats, Big Fees." Harbour Studies 4, 2019.') == [
        (3, "Rosalind Quennell")]
    # a place before a title in plain type, a short reference: nobody
    assert notenames.endnote_names("3. Geneva, Switzerland. Statement to the conference, 2019.") == []
    assert notenames.endnote_names("[5] Ibid., 12.") == []


def test_a_credit_after_an_agency_in_square_brackets_and_one_in_capitals():
    assert cn.photo_credits("The quay at dawn. [Westmoor Press Agency / Dagny Fjeldstad]", _ORG) == [
        (43, "Dagny Fjeldstad")]
    assert cn.photo_credits("The quay at dawn. [Dagny Fjeldstad / Westmoor Press]", _ORG) == [(19, "Dagny Fjeldstad")]
    # unlabelled in capitals, title-cased as the other credits in capitals; a file photo's words are no person
    assert cn.caption_credits("Boats wait at the north quay. MIRELA DANCU / AFP", _ORG) == [(30, "Mirela Dancu")]
    assert cn.caption_credits("Boats wait at the north quay. FILE PHOTO / QUAY ARCHIVES", _ORG) == []
    assert cn.caption_credits("Boats wait at the north quay. MIRELA DANCU / a reader", _ORG) == []
    assert cn.caption_credits("Boats wait at the north quay. RIA NOVOSTI / AFP", _ORG) == []
    # after a dash and two agencies; a label in capitals with no colon and the agency after a comma
    assert cn.caption_credits("Ferries wait at the quay on Monday. \u2014 MIRELA DANCU/AP/QUAYPIX", _ORG) == [
        (38, "Mirela Dancu")]
    assert cn.photo_credits("PHOTO OSKAR LINDQVIST, THE HARBOUR PRESS", _ORG) == [(6, "Oskar Lindqvist")]
    assert cn.caption_credits("Ferries wait at the quay. PHOTO OSKAR LINDQVIST, AFP", _ORG) == [(32, "Oskar Lindqvist")]
    # a particle inside a photographer's name
    assert cn.photo_credits("Boats at dawn. Photo: Dagny van der Berg / AFP", _ORG) == [(22, "Dagny van der Berg")]
    assert cn.photo_credits("Boats at dawn (Ilka de Smet/Westmoor Press)", _ORG) == [(15, "Ilka de Smet")]
    assert cn.caption_credits("Boats wait at the north quay. KCNA VIA KNS / AFP", _ORG) == []


def test_contacts_endnotes_and_credits_on_a_page():
    raw = (_PROSE + "Boats wait at the north quay. MIRELA DANCU / AFP" + _TAIL
           + "\nNotes\n[1] Ilse Brandvold, \"Tides and Tariffs\", Coastal Economics 12, 2021.\n"
           "2. Quennell, Rosalind. \"Small Boats, Big Fees.\" Harbour Studies 4, 2019.\n\n"
           "Media contact: Tobias Werrington, +44 20 7946 0321\n"
           "Office of Cllr. Anna Frayne: Petra Lindgaard, (555) 010-0199\n")
    found = _found(raw)
    assert {k: found[k] for k in ("Mirela Dancu", "Ilse Brandvold", "Rosalind Quennell", "Tobias Werrington",
                                  "Petra Lindgaard")} == {
        "Mirela Dancu": "credit", "Ilse Brandvold": "furniture", "Rosalind Quennell": "furniture",
        "Tobias Werrington": "contact", "Petra Lindgaard": "contact"}


def test_a_surname_with_its_particle_used_alone_is_the_person_named_in_full():
    raw = (_PROSE + "Board spokesperson Lotte Van Brakel said the rise was needed. \"We have no choice,\" "
           "said Van Brakel.\n\nDeputy mayor Jaap de Wit-Hollander welcomed the deal. De Wit-Hollander said "
           "the ferries would keep running.\n\nFormer governor Hamid al-Rashidi said the fees were too high." + _TAIL)
    found = _found(raw)
    assert sorted(found) == ["Hamid al-Rashidi", "Jaap de Wit-Hollander", "Lotte Van Brakel", "Orla Penhallow"]


def test_particle_tails_keeps_a_different_person_and_a_tail_without_a_particle():
    rows = [("a", "o", 1, 0, 9, "Lotte Van Brakel", "c", "", "story"),
            ("a", "o", 2, 0, 9, "Van Brakel", "c", "", "story"),
            ("b", "o", 1, 0, 9, "Van Brakel", "c", "", "story"),
            ("a", "o", 3, 0, 9, "Mary Ann Holt", "c", "", "story"),
            ("a", "o", 4, 0, 9, "Ann Holt", "c", "", "story")]
    assert [r[5] for r in particle_tails(rows)] == ["Lotte Van Brakel", "Van Brakel", "Mary Ann Holt", "Ann Holt"]


def test_a_place_after_in_and_a_committee_before_its_noun_are_no_people():
    raw = (_PROSE + "In Port Verin, the dockworkers' union said it would study the plan.\n\n"
           "The vote came after a House Harbour Works panel reviewed the accounts.\n\n"
           "The fees were first set by Ilka Moravec, a former harbour master." + _TAIL)
    assert sorted(_found(raw)) == ["Ilka Moravec", "Orla Penhallow"]


def test_one_list_of_newspaper_words_serves_both_rules():
    assert {w.lower() for w in PRESS_TITLE_WORDS} == OUTLET_WORDS - {"review"}
    assert person_part("Novy Komsomolets") == (0, "")
    assert person_part("Stary Monitor") == (0, "")
    assert person_part("Meridian Review") == (0, "")
    assert outlets.outlet_names("Novy Komsomolets takes a harder line.") == ["Novy Komsomolets"]
    assert outlets.outlet_names("Dziennik Morski says the fees are fair.") == ["Dziennik Morski"]
    # a government's report is no paper that speaks
    assert outlets.outlet_names("The Harbour Posture Review says the quays are safe.") == []


def test_a_contact_or_a_note_whose_words_the_page_writes_in_lower_case_names_nobody():
    assert notenames.contact_names("Updated: Ilka Moravec, 05.08.2025") == []
    raw = (_PROSE + "The main office has a switchboard and a policy brief for skippers." + _TAIL
           + "\nNotes\n[1] Policy Brief, \"Tides and Tariffs\", 2021.\n\n"
           "Press enquiries: Main Switchboard, +44 20 7946 0000\n")
    assert sorted(_found(raw)) == ["Orla Penhallow"]


def test_a_month_that_is_also_a_given_name_opens_a_name_after_a_credits_by():
    # "Jun", "April", "May" are given names as well as months; after "Posted by" a name starts
    found = _found("Ferry fees rise again\n\nPosted by Jun Tagaloa\n\n"
                   "The harbour board voted on Tuesday to raise mooring fees, and the ferry company said it would "
                   "review its winter timetable." + _TAIL)
    assert found.get("Jun Tagaloa") == "byline"
    # where no credit's "by" says a name starts, a month word still opens no name in furniture
    from inf_coverage.extract.discovery import _furniture_name
    assert _furniture_name("Jun Tagaloa", "Quayside Echo", set(), trim=True) == "Jun Tagaloa"
    assert _furniture_name("Jun Tagaloa", "Quayside Echo", set()) == ""
    assert _furniture_name("June 2025", "Quayside Echo", set(), trim=True) == ""


def test_a_labelled_credit_in_a_captions_bracket_and_the_pages_own_outlet_as_its_source():
    # "[File: X Y/Agency]": the label inside the bracket is no part of the name
    assert cn.photo_credits("Boats at dawn [File: Dagny Fjeldstad/The Harbour Press]", _ORG) == [
        (21, "Dagny Fjeldstad")]
    assert cn.photo_credits("Boats at dawn (Photo: Ilka de Smet/AFP)", _ORG) == [(22, "Ilka de Smet")]
    # the page's own outlet, with no agency word, credits its own photographer
    raw = _PROSE + "Boats wait at the north quay [File: Dagny Fjeldstad/Quayside Echo]" + _TAIL
    assert _found(raw).get("Dagny Fjeldstad") == "credit"
    assert cn.photo_credits("Boats wait at the north quay [File: Dagny Fjeldstad/Quayside Echo]", _ORG) == []
