"""Askers' labels in transcripts (``extract.asklabels``): a question label with the asker in
brackets at a press conference, and a reader's or listener's submission in a live chat.
Invented pages about a harbour authority and a bridge closure."""

import pandas as pd

import helpers as h
from inf_coverage.extract import asklabels
from inf_coverage.extract.asklabels import asker_note, submission_asker


def quote_rows(lines):
    text = "\n".join(lines)
    articles = pd.DataFrame({"article_id": ["x"], "outlet": ["Test Outlet"], "raw_text": [text], "text": [text]})
    return [(r.speaker, r.text) for r in h.quotes(articles).itertuples()]


def test_asker_note_takes_the_name_before_a_comma_and_refuses_stage_notes():
    assert asker_note(["Ekholm"]) == "Ekholm"
    assert asker_note(["Ana Ruiz, Harbour Daily"]) == "Ana Ruiz"
    assert asker_note(["Harbour Daily"]) == "Harbour Daily"
    assert asker_note(["02:15"]) == ""
    assert asker_note(["inaudible"]) == ""
    assert asker_note(["off mic"]) == ""
    assert asker_note(["Seat 14"]) == ""
    assert asker_note([]) == ""


def test_submission_asker_reads_chat_labels_and_leaves_other_labels():
    assert submission_asker("Comment From Ilse") == "Ilse"
    assert submission_asker("Question from Tomas R.") == "Tomas R."
    assert submission_asker("Comment From Guest") == "unattributed"
    assert submission_asker("Ilse asks") == "Ilse"
    assert submission_asker("Tomas R. writes") == "Tomas R."
    assert submission_asker("Anonymous asks") == "unattributed"
    assert submission_asker("A listener writes") == "unattributed"
    assert submission_asker("The Minister asks") is None
    assert submission_asker("Spokesperson Ruiz") is None
    assert submission_asker("Host") is None


def test_press_conference_questions_go_to_the_asker_in_brackets():
    page = [
        "Port Authority press conference, 3 March",
        "Speakers: Spokesperson Edda Lunvik; Piet Oorschot (Ministry of Transport)",
        "SPOKESPERSON LUNVIK: Good morning. The board met yesterday and agreed the new tariffs.",
        "QUESTION (Ekholm): Ms Lunvik, when will the north quay reopen?",
        "SPOKESPERSON LUNVIK: Not before June. The survey is still running.",
        "QUESTION (Ekholm): Who pays for the repairs?",
        "OORSCHOT (Ministry of Transport): The operator pays. That is in the lease.",
        "QUESTION: Will the ferries keep running?",
        "OORSCHOT (Ministry of Transport): Yes, from the south berth.",
        "QUESTION (inaudible): And the fishing fleet?",
        "SPOKESPERSON LUNVIK: We will meet them on Friday.",
    ]
    assert quote_rows(page) == [
        ("Edda Lunvik", "Good morning."),
        ("Edda Lunvik", "The board met yesterday and agreed the new tariffs."),
        ("Ekholm", "Ms Lunvik, when will the north quay reopen?"),
        ("Edda Lunvik", "Not before June."),
        ("Edda Lunvik", "The survey is still running."),
        ("Ekholm", "Who pays for the repairs?"),
        ("Piet Oorschot", "The operator pays."),
        ("Piet Oorschot", "That is in the lease."),
        ("unattributed", "Will the ferries keep running?"),
        ("Piet Oorschot", "Yes, from the south berth."),
        ("unattributed", "And the fishing fleet?"),
        ("Edda Lunvik", "We will meet them on Friday."),
    ]


def test_live_chat_comments_go_to_the_reader_who_sent_them():
    page = [
        "LIVE CHAT: The Selva bridge closure",
        "Moderated by Rune Dahl, Coastal Weekly",
        "[12:00] Rune Dahl: Welcome. With us is the engineer Odile Marchetti. Thanks for joining us.",
        "[12:01] Odile Marchetti: Glad to be here.",
        "[12:02] Comment From Ilse: Why did the bridge close without warning?",
        "[12:04] Odile Marchetti: The sensors showed a crack on Sunday night. We had no choice.",
        "[12:05] Comment From Guest: How long will it stay shut?",
        "[12:07] Odile Marchetti: At least six weeks.",
        "[12:08] Comment From Tomas R.: Is the ferry free in the meantime?",
        "[12:09] Rune Dahl: The council says it is. Thank you, Odile.",
    ]
    assert quote_rows(page) == [
        ("Rune Dahl", "Welcome."),
        ("Rune Dahl", "With us is the engineer Odile Marchetti."),
        ("Rune Dahl", "Thanks for joining us."),
        ("Odile Marchetti", "Glad to be here."),
        ("Ilse", "Why did the bridge close without warning?"),
        ("Odile Marchetti", "The sensors showed a crack on Sunday night."),
        ("Odile Marchetti", "We had no choice."),
        ("unattributed", "How long will it stay shut?"),
        ("Odile Marchetti", "At least six weeks."),
        ("Tomas R.", "Is the ferry free in the meantime?"),
        ("Rune Dahl", "The council says it is."),
        ("Rune Dahl", "Thank you, Odile."),
    ]


def test_asking_label_names_the_asker_of_a_question_or_a_submission_only():
    assert asklabels.asking_label("QUESTION", ["Ekholm"]) == ("Ekholm", "role")
    assert asklabels.asking_label("Q", ["Ana Ruiz, Harbour Daily"]) == ("Ana Ruiz", "role")
    assert asklabels.asking_label("QUESTION", []) is None
    assert asklabels.asking_label("QUESTION", ["inaudible"]) is None
    assert asklabels.asking_label("Comment From Guest", []) == ("unattributed", "role")
    assert asklabels.asking_label("OORSCHOT", ["Ministry of Transport"]) is None
