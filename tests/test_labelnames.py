"""Names read from the labels that take turns (extract/labelnames.py): an asking role with its
person in brackets, a live chat's reader comments, a house record's peers on their title
lines. Every sentence and name is invented."""

from __future__ import annotations

import pandas as pd

import helpers as h
from inf_coverage.extract import labelnames, peernames


def _sents(texts):
    starts, at = [], 0
    for t in texts:
        starts.append(at)
        at += len(t) + 1
    return pd.DataFrame({"article_id": ["x"] * len(texts), "outlet": ["O"] * len(texts),
                         "sentence_id": list(range(len(texts))), "start": starts, "text": texts})


def _discovered(raw):
    from inf_coverage.ingest.cleaning import clean_text
    page = pd.DataFrame({"article_id": ["x"], "outlet": ["Tidewater Radio"], "raw_text": [raw],
                         "text": [clean_text(raw)[0]]})
    found = h.discover_names(h.sentences(page), h.load_figures().iloc[0:0], None, page)
    return list(zip(found.candidate, found["where"]))


def test_a_callers_bracketed_first_name_and_a_reporters_surname_are_names():
    sents = _sents(["CALLER (Winifred, Penrith): Will the ferry still run in winter?",
                    "HOST: A fair question.",
                    "QUESTION (Ostergren): Has the council costed the new pier?",
                    "QUESTION (Dr Ilse Varnholt, Coastal Review): And the dredging?"])
    rows = labelnames.bracket_label_rows(sents, set(), set())
    assert [(r[5], r[6], r[7]) for r in rows] == [("Winifred", "bracket label", "caller"),
                                                 ("Ostergren", "bracket label", "question"),
                                                 ("Ilse Varnholt", "bracket label", "question")]
    assert rows[0][3:5] == (8, 16)


def test_a_single_bracket_label_or_a_role_word_in_brackets_is_no_name():
    # one label alone may be anything; "Audience" is a role, "Tide" a word the texts write in lower case
    assert labelnames.bracket_label_rows(_sents(["CALLER (Winifred, Penrith): Hello there."]), set(), set()) == []
    sents = _sents(["QUESTION (Audience): Who pays for it?", "QUESTION (Tide): When is high water?",
                    "The tide turns at noon."])
    assert labelnames.bracket_label_rows(sents, set(), set()) == []


def test_reader_comments_name_their_writer_but_not_a_guest():
    sents = _sents(["[09:12] Comment From Guest: Is the bridge closed?",
                    "[09:15] Comment From Rosamund K.: Will buses replace the trains?",
                    "[09:20] Comment From Thaddeus: Thanks for the updates.",
                    "Our guest today is the transport editor."])
    rows = labelnames.bracket_label_rows(sents, set(), set())
    assert [(r[5], r[6]) for r in rows] == [("Rosamund K.", "comment label"), ("Thaddeus", "comment label")]


def test_a_house_records_peers_are_named_by_their_title_lines():
    raw = ("Harbour Dues Bill\n"
           "Lord Speaker\n"
           "Order. The question is that this Bill be now read a second time by the House.\n"
           "Lord Corriemoor of Glenlee (Con)\n"
           "My Lords, the harbour dues set out in this Bill will fall hardest on the smallest fishing ports.\n"
           "Baroness Tregaron (LD)\n"
           "My Lords, I support the noble Lord and would ask the Minister to publish the impact assessment.\n")
    found = _discovered(raw)
    assert [n for n, w in found if w == "furniture" and n.split()[0] in {"Lord", "Baroness"}] \
        == ["Lord Corriemoor of Glenlee", "Baroness Tregaron"]


def test_a_single_peers_line_is_no_record():
    arts = pd.DataFrame({"article_id": ["x"], "outlet": ["O"],
                         "raw_text": ["Lord Corriemoor of Glenlee\nHe opened the new lifeboat station on the quay this "
                                      "morning with the harbour master.\n"]})
    assert labelnames.peer_line_rows(arts, set(), set()) == []


def test_a_subtitle_files_bracketed_speakers_are_names_but_a_sound_cue_is_not():
    sents = _sents(["[GRETA VAN HOLLE] The harbour opens again tomorrow.",
                    "[COMMERCIAL BREAK] After the break, the weather.",
                    "[OSWIN TRELAWNEY-PRYCE] Greta, the first boats are already waiting.",
                    "[MUSIC] Stay with us.",
                    "No commercial ships left port during the break."])
    rows = labelnames.bracket_label_rows(sents, set(), set())
    assert [(r[5], r[6], r[3]) for r in rows] == [("Greta van Holle", "bracketed speaker", 1),
                                                 ("Oswin Trelawney-Pryce", "bracketed speaker", 102)]


def test_a_papers_marked_author_line_names_its_authors_over_their_affiliations():
    raw = ("Tidal Power and Small Harbours: A Survey\n"
           "Maren Oyelaran\u00b9, Teodric Vashti-Kell\u00b2 and Ines Q. Harrowgate\u00b9*\n"
           "\u00b9 School of Marine Engineering, University of Westmarch\n"
           "\u00b2 Coastal Systems Group, Brackwater Institute\n"
           "Abstract\n"
           "We survey the tidal schemes proposed for eleven small harbours since 2010 and compare their costs.\n")
    arts = pd.DataFrame({"article_id": ["x"], "outlet": ["O"], "raw_text": [raw]})
    rows = labelnames.author_line_rows(arts, set(), set())
    assert [(r[5], r[3], r[8]) for r in rows] == [("Maren Oyelaran", 41, "byline"),
                                                 ("Teodric Vashti-Kell", 58, "byline"),
                                                 ("Ines Q. Harrowgate", 83, "byline")]
    # without an affiliation line under it, a line of marked names is no author line
    bare = pd.DataFrame({"article_id": ["x"], "outlet": ["O"], "raw_text": [raw.split("\u00b9 School")[0]]})
    assert labelnames.author_line_rows(bare, set(), set()) == []


# Thirteenth round: a peer by title and territory anywhere on the page, not only on a record's lines.

def test_a_peer_by_title_and_territory_is_a_person_in_the_story_and_the_furniture():
    raw = ("Lord Harrowmere of Tain warned that the moratorium had been dead for a year.\n"
           "The debate was opened by Baroness Kell of Ardrie, who asked what the allies would do next.\n"
           "Lord Brannock of Port Lusk, the former envoy, said the treaty had served Europe well.\n"
           "The Lord Mayor of Dunmere hosted the dinner, and Lord Speaker Baroness Hallam called the House to order.\n"
           "The Lord President of the Council did not speak in the debate on the harbour dues.\n")
    assert _discovered(raw) == [("Lord Harrowmere of Tain", "story"), ("Baroness Kell of Ardrie", "story"),
                                ("Lord Brannock of Port Lusk", "story"), ("Baroness Hallam", "story")]


def test_a_peers_territory_ends_before_a_pages_word():
    raw = ("Harbour Dues Debate\n"
           "Lord Ossory of Fennick Portrait Lord Ossory of Fennick\n"
           "My Lords, the harbour dues set out in this Bill will fall hardest on the smallest fishing ports, and "
           "the Government should say so.\n")
    assert _discovered(raw) == [("Lord Ossory of Fennick", "furniture")]


def test_an_office_after_a_peers_title_is_no_peer_but_a_party_in_brackets_makes_one():
    sents = _sents(["The Lord Provost of Kelwick opened the quay.", "Baroness Tregaron (LD) asked about the dues.",
                    "Lord Lieutenant of Fennshire attended."])
    assert [(r[5], r[6], r[8]) for r in peernames.peer_rows(sents, None, set(), set())] \
        == [("Baroness Tregaron", "peer's title", "story")]


def test_an_askers_bracket_that_holds_a_source_of_news_is_no_person():
    sents = _sents(["QUESTION (Haldorf): Will the ministers meet again before the winter?",
                    "QUESTION (Kestrelwire): Has the other side said where the launchers will go?",
                    "QUESTION (Baltinform): Is the ministry ready to talk about the launchers?",
                    "The Kestrelwire news agency first reported the decision on Monday."])
    arts = pd.DataFrame({"article_id": ["x"], "outlet": ["O"], "text": [""],
                         "raw_text": ["RIGA (Baltinform) - A story whose dateline names its agency."]})
    rows = labelnames.bracket_label_rows(sents, set(), set(), arts)
    assert [(r[5], r[6]) for r in rows] == [("Haldorf", "bracket label")]
    assert [r[5] for r in labelnames.bracket_label_rows(sents, set(), set())] == ["Haldorf", "Baltinform"]


def test_a_turn_label_that_cleaning_took_out_of_the_story_still_names_its_reader():
    raw = ("[10:02] Comment From Wilhelmina: Will the ferries run on the holiday?\n"
           "[10:04] Comment From Oskarine P.: Any word on the winter dues?\n"
           "QUESTION (Tidewire): Who sets the dues?\n")
    arts = pd.DataFrame({"article_id": ["x"], "outlet": ["O"], "raw_text": [raw],
                         "text": ["[10:02] Comment From Wilhelmina: Will the ferries run on the holiday? "
                                  "The Tidewire agency asked the board."]})
    assert [(r[5], r[6], r[8]) for r in labelnames.removed_label_rows(arts, set(), set())] \
        == [("Oskarine P.", "comment label", "furniture")]


def test_a_name_in_title_case_labelling_two_turns_is_a_speaker_but_a_pages_label_is_not():
    sents = _sents(["Orla Pemberton: The ferry will run all winter.",
                    "Question: And the dredging?",
                    "Orla Pemberton: The dredging waits for the spring tides.",
                    "Also Read: Harbour dues fall again",
                    "Also Read: Pier works delayed",
                    "Tamsin Oddie: Once only, so no transcript's speaker."])
    rows = labelnames.name_label_rows(sents, set(), {"also"}, {"read"})
    assert [(r[5], r[3], r[6]) for r in rows] == [("Orla Pemberton", 0, "name label")]
