"""Three page layouts: live blogs, footnoted analysis and furniture inside the story.

Every text here was written for this file. Each page mixes the furniture of its layout (time
stamps, key-event boxes, buttons, note markers and note lists, inline links and appeals) with
story sentences that must stay whole.
"""

import helpers as h
from inf_coverage.ingest import furniture_live, notemarks
from inf_coverage.ingest.text import _sentence_spans

LIVE_BLOG = """Treaty row live: Capital says observation flights are over
Key events
Show key events only
1h ago
Defence ministry confirms last flight
3h ago
Senate backs exit from the pact
Pinned
12:05
Defence ministry confirms last flight
The defence ministry said on Friday that its last observation flight had landed. "There will be no more of them," spokesman Oleg Varin told a briefing.
Updated 5 mins ago
11:20 CET
Hannah Ilves
Diplomats in Vienna were cautious. "We have seen this before," said Tomas Reed, a former inspector.
Embedded post: Bluesky
6 Mar 2026 08:45 CET
Senate backs exit from the pact
Senators voted 88 to 4 to leave the agreement, the chamber's press office said.
Load more
Show more
"""


def _clean(raw):
    text, edits = h.clean_text(raw)
    removed = {e["removed"].strip(): e["rule"] for e in edits if e["rule"] in h.FURNITURE_RULES}
    return text, removed


def test_a_live_blog_keeps_its_entries_and_drops_its_stamps_controls_and_key_events():
    text, removed = _clean(LIVE_BLOG)
    assert text.split("\n") == [
        "The defence ministry said on Friday that its last observation flight had landed. "
        "\"There will be no more of them,\" spokesman Oleg Varin told a briefing.",
        "Diplomats in Vienna were cautious. \"We have seen this before,\" said Tomas Reed, a former inspector.",
        "Senators voted 88 to 4 to leave the agreement, the chamber's press office said.",
    ]
    # a date with a clock time alone is a stamp, not a timeline's date heading
    assert removed["6 Mar 2026 08:45 CET"] == "no sentence"
    assert removed["Updated 5 mins ago"] == "no sentence"


def test_a_reported_sentence_between_furniture_is_no_wedged_note():
    raw = ("Minsk drops test pledge\nListen to this article\n4 min read\n"
           "Belarus said on Sunday that it no longer felt bound by its pledge on test launches.\n"
           "Also read: What the pledge said and who signed it\n"
           "\"Nothing has changed for us, and nothing will change while the launchers stay where they "
           "are,\" Deputy Minister Anton Sela said in a statement.\n"
           "Western officials said they had expected the move, which follows months of warnings from "
           "the capital about new deployments near its border.\n")
    text, removed = _clean(raw)
    assert text.split("\n") == [
        "Belarus said on Sunday that it no longer felt bound by its pledge on test launches.",
        "\"Nothing has changed for us, and nothing will change while the launchers stay where they "
        "are,\" Deputy Minister Anton Sela said in a statement.",
        "Western officials said they had expected the move, which follows months of warnings from "
        "the capital about new deployments near its border.",
    ]
    assert removed["4 min read"] == "print date"
    assert removed["Also read: What the pledge said and who signed it"] == "related-article link"
    # a note of the page on itself between furniture still goes
    lines = [(0, 1, t) for t in ("Home", "World", "Listen", "Opinions here are the writers' own.", "Share")]
    from inf_coverage.ingest.furniture_layout import _wedged_note_lines
    assert _wedged_note_lines(lines, [True, True, True, False, True]) == {3}
    lines[3] = (0, 1, "The agency said the flights had ended.")
    assert _wedged_note_lines(lines, [True, True, True, False, True]) == set()


def _markers(text):
    return [text[s:e] for s, e, _r in notemarks.note_marker_spans(text)]


def test_note_markers_of_each_form_are_found():
    assert _markers('The pact lapsed in 2002.1 Its end was "quiet".2 Then came talks.') == ["1", "2"]
    assert _markers("It was ratified.[4] Few noticed [5]. A note[6] here.") == ["[4]", "[5]", "[6]"]
    assert _markers('Officials called it "late".\u00b3 Others said "never".(7)') == ["\u00b3", "(7)"]
    assert _markers("It named them.[12][13] Then it stopped.") == ["[12]", "[13]"]
    # a year before the marker, a capital after it
    assert _markers("Flights stop from 2027.8 The ministry agreed.") == ["8"]


def test_numbers_that_are_no_note_markers_are_left():
    assert _markers("The yield rose to 2.5 kilotons in 2019.") == []
    assert _markers("He was ranked No.1 in the list and Art.5 applies.") == []
    assert _markers("Each silo covers 40 km\u00b2 of ground.") == []
    assert _markers("Flights stop from 2027.8 million euros were saved.") == []
    assert _markers("The steps are (1) notify and (2) wait.") == []
    assert _markers("[1] Statement of the ministry, 3 May 2026.") == []


def test_a_note_marker_after_a_final_mark_ends_the_sentence_and_stays_with_it():
    para = ('The pledge was never a treaty.1 It rested on a speech "given in haste".[2] '
            'Critics called it "hollow".\u00b3 Ana Ruiz said it "mattered".(4) She left.')
    spans = _sentence_spans(para)
    assert [para[s:e] for _p, s, e in spans] == [
        "The pledge was never a treaty.1",
        'It rested on a speech "given in haste".[2]',
        'Critics called it "hollow".\u00b3',
        'Ana Ruiz said it "mattered".(4)',
        "She left.",
    ]


def test_a_numbered_note_list_at_the_foot_of_a_page_that_cites_it_is_furniture():
    raw = ("Why the pledge mattered\nDownload PDF\n"
           "The pledge was never a treaty.1 It rested on a speech given in 2019, when the leader said "
           "launchers would stay away \"as long as others did too\".2 It ended in 2026.[3]\n"
           "Notes\n"
           "1. Interview with a former inspector, Vienna, May 2026.\n"
           "2. Speech to the assembly, 12 June 2019.\n"
           "3. Ministry statement, 2 March 2026.\n")
    text, removed = _clean(raw)
    assert text.count("\n") == 0 and text.startswith("The pledge was never a treaty.1 It rested")
    assert removed["1. Interview with a former inspector, Vienna, May 2026."] == "footnote"
    assert removed["3. Ministry statement, 2 March 2026."] == "footnote"


def test_endnote_lines_need_citing_markers_and_the_foot_of_the_page():
    def lines(*texts):
        return [(0, 1, t) for t in texts]
    notes = lines("Prose here.", "1. First source, 2026.", "2. Second source, 2026.", "Share")
    assert notemarks.endnote_lines(notes, [False, False, False, True], {1, 2}) == {1, 2}
    # the body cites no note: a numbered list of the story stays
    assert notemarks.endnote_lines(notes, [False, False, False, True], set()) == set()
    # prose below the list: not at the foot
    prose_after = lines("1. First source, 2026.", "2. Second source, 2026.", "More prose follows here.")
    assert notemarks.endnote_lines(prose_after, [False, False, False], {1, 2}) == set()
    # a day and its month is a date heading, not a note's number
    dates = lines("3 March: talks end.", "4 March: flights stop.")
    assert notemarks.endnote_lines(dates, [False, False], {3, 4}) == set()
    assert notemarks.cited_numbers("a.[2,3] b\u00b9", [(2, 7, ""), (9, 10, "")]) == {1, 2, 3}


def test_links_and_appeals_inside_the_story_are_furniture_by_their_form():
    from inf_coverage.ingest.furniture_lines import line_furniture
    assert line_furniture("Read more\u2026 How the inspectors worked for thirty years") == "related-article link"
    assert line_furniture("See also... The accord in five numbers") == "related-article link"
    assert line_furniture("Border guards put on alert after drills[VIDEO]") == "related-article link"
    assert line_furniture("For daily analysis of the talks, follow us on Telegram") == "follow appeal"
    # sentences of the story with the same words stay
    assert line_furniture("Read more carefully, the letter says something else.") is None
    assert line_furniture("The envoy said he would follow us on the tour, and posted on Telegram.") is None
    assert line_furniture("He cited the treaty's article [IV].") is None
    assert line_furniture("The inspectors cited Part [XII]") is None
    assert line_furniture('"Follow the money," she said, follow us on X.') is None


def test_a_quotation_before_a_note_marker_keeps_no_marker():
    articles = __import__("pandas").DataFrame({"article_id": ["x"], "outlet": ["Test"], "text": [
        "Envoy Mira Sand said on Tuesday that the pledge had lapsed.2 Her colleague, Jon Ekel, "
        "told reporters that the launchers \"would stay put\".\u00b3 Nobody objected."]})
    q = h.quotes(articles, h.load_figures().iloc[0:0])
    assert [(r.speaker, r.sentence_id, r.text) for r in q.itertuples()] == [
        ("Mira Sand", 1, "the pledge had lapsed"), ("Jon Ekel", 2, "would stay put")]
    assert notemarks.trailing_marks_start("It ended.[3]", 0, 12) == 9
    assert notemarks.trailing_marks_start("Version 2.0", 0, 11) == 11


def test_an_entry_headline_repeated_in_the_key_events_box_is_furniture_with_its_copy():
    raw = ("Treaty exit: reaction as it happens\nKey events\n"
           "Capital says the launcher decision cannot be undone.\n"
           "Show key events only\nPosted at 09:40\n"
           "Capital says the launcher decision cannot be undone.\n"
           "The president's office told reporters on Thursday that the decision on the launchers "
           "could not be undone. \"The matter is closed,\" an aide said.\n"
           "Posted at 08:15\n"
           "The mood in the chamber was subdued as deputies heard the news from the capital.\n")
    text, removed = _clean(raw)
    assert text.split("\n") == [
        "The president's office told reporters on Thursday that the decision on the launchers "
        "could not be undone. \"The matter is closed,\" an aide said.",
        "The mood in the chamber was subdued as deputies heard the news from the capital.",
    ]
    assert removed["Capital says the launcher decision cannot be undone."] == "repeated text"


def test_key_event_lines_need_a_copy_under_a_stamp():
    is_stamp, key_event_lines = furniture_live.is_stamp, furniture_live.key_event_lines
    assert is_stamp("Posted at 11:05") and is_stamp("2h ago") and is_stamp("Updated 3 mins ago")
    assert is_stamp("14:32.") and not is_stamp("At 14:32 the sirens sounded across the city.")
    line = "Allies call for an urgent meeting."
    lines = [(0, 1, t) for t in ("Key events", line, "10:05", line, "Allies met on Friday.")]
    assert key_event_lines(lines, [True, False, True, False, False]) == {1, 3}
    # the same sentence twice with no stamp above either copy stays
    assert key_event_lines(lines, [True, False, False, False, False]) == set()
    # one copy only: the entry's first line may be its first sentence
    assert key_event_lines(lines[2:], [True, False, False]) == set()


def test_a_note_list_numbered_in_superscripts_is_furniture_under_a_body_that_cites_it():
    lines = [(0, 1, t) for t in ("The pledge was never a treaty.\u00b9 It ended in 2026.\u00b2",
                                 "\u00b9 Interview with an inspector, 2026.", "\u00b2Ministry statement, 2026.")]
    assert notemarks.endnote_lines(lines, [False, False, False], {1, 2}) == {1, 2}
    # a number glued to a capital opens no note ("3M ...")
    assert notemarks.endnote_lines([(0, 1, "2 First source."), (0, 1, "3M Company filing.")],
                                   [False, False], {2, 3}) == set()


def test_credits_of_translation_and_agencies_at_the_tail_are_furniture_and_sentences_stay():
    from inf_coverage.ingest.furniture_lines import line_furniture
    for tail in ("(With AFP and Reuters)", "With AFP.", "Translated from the German by Tom Reyes.",
                 "This article was originally published in Polish.", "\u2014 With reporting by Anna Pell in Vienna.",
                 "Translated by Ilse Varga"):
        assert line_furniture(tail) == "wire credits", tail
    for sentence in ("Translated from Russian, the statement said the pledge was over.",
                     "With NATO and the EU divided, the talks stalled.",
                     "With AFP reporting that the launchers had moved, officials met.",
                     "Adapted by Moscow in 2019 for new launchers and then deployed.",
                     "This article was translated by machines, the ministry claimed."):
        assert line_furniture(sentence) is None, sentence
