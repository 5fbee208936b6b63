"""Host lines in phone-in transcripts (``extract.hostlines``): an unlabelled line that thanks a
caller or hands the floor on is the host's. An invented phone-in about a bridge closure."""

import pandas as pd

import helpers as h
from inf_coverage.extract import hostlines


def quote_rows(lines):
    text = "\n".join(lines)
    articles = pd.DataFrame({"article_id": ["x"], "outlet": ["Test Outlet"], "raw_text": [text], "text": [text]})
    return [(r.speaker, r.text) for r in h.quotes(articles).itertuples()]


def test_host_line_calls_a_caller_by_name_or_someone_by_title_alone():
    assert hostlines.host_line("Thanks, Ilse. Who's next?", {"Ilse"})
    assert hostlines.host_line("Ilse, you're on the air.", {"Ilse"})
    assert hostlines.host_line("That is the question. Doctor?", {"Ilse"})
    assert hostlines.host_line("Right. Dr Marchetti?", set())
    assert not hostlines.host_line("Ilse's right about the ferry.", {"Ilse"})
    assert not hostlines.host_line("I asked Ilse about it.", {"Ilse"})
    assert not hostlines.host_line("Thanks, Bruno.", {"Ilse"})


def test_unlabelled_lines_of_a_phone_in_that_run_the_lines_are_the_hosts():
    page = [
        "Coast Radio | The Morning Line with Rune Dahl",
        "HOST (Rune Dahl): Good morning. Our guest is the engineer Dr Odile Marchetti.",
        "GUEST (Dr Odile Marchetti): Good morning, Rune.",
        "CALLER (Ilse, Port Selva): Hello. When will the bridge reopen?",
        "GUEST (Dr Odile Marchetti): Not before the autumn, I'm afraid.",
        "Thanks, Ilse. Bruno is on the line from Kestrel Bay.",
        "CALLER (Bruno, Kestrel Bay): Morning. Will the ferry be free?",
        "Doctor?",
        "GUEST (Dr Odile Marchetti): That is for the council to decide.",
        "HOST: Dr Odile Marchetti, thank you.",
    ]
    assert quote_rows(page) == [
        ("Rune Dahl", "Good morning."),
        ("Rune Dahl", "Our guest is the engineer Dr Odile Marchetti."),
        ("Odile Marchetti", "Good morning, Rune."),
        ("Ilse", "Hello."),
        ("Ilse", "When will the bridge reopen?"),
        ("Odile Marchetti", "Not before the autumn, I'm afraid."),
        ("Rune Dahl", "Thanks, Ilse."),
        ("Rune Dahl", "Bruno is on the line from Kestrel Bay."),
        ("Bruno", "Morning."),
        ("Bruno", "Will the ferry be free?"),
        ("Rune Dahl", "Doctor?"),
        ("Odile Marchetti", "That is for the council to decide."),
        ("Rune Dahl", "Dr Odile Marchetti, thank you."),
    ]


def test_handed_to_reads_a_floor_given_by_name_and_not_a_thanks():
    assert hostlines.handed_to("One at a time. Go ahead, Bruno.") == "Bruno"
    assert hostlines.handed_to("Next question. Yes, Ilse Varga?") == "Ilse Varga"
    assert hostlines.handed_to("Bruno, go ahead.") == "Bruno"
    assert hostlines.handed_to("Thank you, Bruno.") == ""
    assert hostlines.handed_to("We will go ahead, Bruno.") == ""
    assert hostlines.handed_to("Go ahead.") == ""


def test_a_question_after_a_turn_that_gives_the_floor_by_name_is_that_askers():
    page = [
        "Harbour Office briefing",
        "Q Will the bridge reopen this month?",
        "MS. MARCHETTI: No. The survey runs until the autumn.",
        "Q And the ferry fares?",
        "MS. MARCHETTI: One at a time. Go ahead, Bruno.",
        "Q Who pays for the repairs?",
        "MS. MARCHETTI: The operator pays. Thank you, Bruno.",
        "Q Will the council meet?",
        "MS. MARCHETTI: On Friday.",
    ]
    rows = quote_rows(["Harbour Office spokeswoman Odile Marchetti took questions."] + page)
    assert [r for r in rows if r[1].endswith("?")] == [
        ("unattributed", "Will the bridge reopen this month?"),
        ("unattributed", "And the ferry fares?"),
        ("Bruno", "Who pays for the repairs?"),
        ("unattributed", "Will the council meet?"),
    ]
