"""Printed Q&A interviews (``extract.interviews``): invented pages about a harbour and a ferry
dispute, the questions often dropped from the cleaned text as subheads."""

import pandas as pd

import helpers as h
from inf_coverage.extract import interviews


def quote_rows(raw_lines, furniture=()):
    raw = "\n".join(raw_lines)
    text = "\n".join(s for s in raw_lines if s.strip() and s not in furniture)
    articles = pd.DataFrame({"article_id": ["x"], "outlet": ["Test Outlet"], "raw_text": [raw], "text": [text]})
    return [(r.speaker, r.kind, r.verb, r.text) for r in h.quotes(articles).itertuples()]


HEADER = ["THE COASTAL WEEKLY", "INTERVIEW", "A harbour master on the ferry dispute",
          "We spoke to Odile Marchetti, harbour master at Port Selva, about the strike.",
          "Interview by Rune Dahl", ""]
INTRO = "The ferry strike entered its third week on Monday, and the pier has been closed since Friday."


def test_unlabelled_answers_under_question_subheads_are_the_interviewees_words():
    qs = ["Why is the pier closed?", "When will it reopen?"]
    raw = HEADER + [INTRO, "", qs[0], "", "The cranes failed an inspection. We cannot load safely.", "",
                    qs[1], "", "Not before Thursday, I think.", "This interview has been condensed and edited."]
    furniture = set(HEADER) | set(qs)
    assert quote_rows(raw, furniture) == [
        ("Odile Marchetti", "direct", "", "The cranes failed an inspection."),
        ("Odile Marchetti", "direct", "", "We cannot load safely."),
        ("Odile Marchetti", "direct", "", "Not before Thursday, I think.")]


def test_q_labels_with_unlabelled_answers_and_answer_labels_under_plain_questions():
    raw = ["Harbour Notes", "Q&A: Tomas Berglund on the ferry timetable",
           "Tomas Berglund runs the ferry union and has led its talks with the operator since spring.",
           "Q: Are the talks moving?", "Slowly. Both sides met on Tuesday.",
           "Q: What do the crews want?", "A fair rota. Nothing more."]
    assert quote_rows(raw, furniture=raw[:2]) == [
        ("Tomas Berglund", "direct", "", "Slowly."),
        ("Tomas Berglund", "direct", "", "Both sides met on Tuesday."),
        ("Tomas Berglund", "direct", "", "A fair rota."),
        ("Tomas Berglund", "direct", "", "Nothing more.")]
    raw[3:] = ["Are the talks moving?", "Answer: Slowly.", "What do the crews want?", "Answer: A fair rota."]
    assert quote_rows(raw, furniture=raw[:2]) == [
        ("Tomas Berglund", "direct", "", "Slowly."), ("Tomas Berglund", "direct", "", "A fair rota.")]


def test_bold_questions_and_a_surname_cue():
    raw = ["Island Review", "Interview by Rune Dahl",
           "Dahl met Dr Ilka Sorensen, who chairs the island council. Sorensen talked to us after the vote.", "",
           "**Did the vote surprise you?**", "", "A little. I expected a closer result.", "",
           "**What happens to the pier now?**", "", "It stays shut until the survey is done."]
    furniture = {raw[0], raw[1], raw[4], raw[8]}
    assert [r[0] for r in quote_rows(raw, furniture)] == ["Ilka Sorensen"] * 3


def test_a_sentence_reporting_someone_else_keeps_only_that_statement():
    qs = ["Why is the pier closed?", "Who decided that?"]
    raw = HEADER + [INTRO, "", qs[0], "", "The cranes failed an inspection.", "",
                    qs[1], "", "Mayor Ivo Brandt said on Friday that the pier would stay closed. I agree with him."]
    rows = quote_rows(raw, set(HEADER) | set(qs))
    assert ("Odile Marchetti", "direct", "", "The cranes failed an inspection.") in rows
    assert ("Odile Marchetti", "direct", "", "I agree with him.") in rows
    assert not any(r[0] == "Odile Marchetti" and "Brandt" in r[3] for r in rows)


def test_no_interview_without_a_named_interviewee_or_two_pairs():
    qs = ["What closed the pier?", "What happens next?"]
    # an explainer's question subheads: nobody is interviewed
    raw = ["Harbour Notes", "Explainer: the ferry strike", "", INTRO, "", qs[0], "",
           "The cranes failed an inspection, the port authority said.", "", qs[1], "", "Talks resume on Thursday."]
    assert all(r[0] != "Odile Marchetti" and r[2] for r in quote_rows(raw, {raw[0], raw[1]} | set(qs)))
    # a named interviewee but one question and answer only
    raw = HEADER + [INTRO, "", qs[0], "", "The cranes failed an inspection."]
    assert quote_rows(raw, set(HEADER) | {qs[0]}) == []
    # two people interviewed: whose answer is which is not known
    raw = ["We spoke to Odile Marchetti and the union leader, Tomas Berglund, about the strike.", ""] + HEADER[-1:] + [
        INTRO, "", qs[0], "", "The cranes failed.", "", qs[1], "", "Talks resume on Thursday."]
    assert quote_rows(raw, set(qs)) == []


def test_the_answer_run_ends_at_a_paragraph_about_the_interviewee():
    qs = ["Why is the pier closed?", "When will it reopen?"]
    raw = HEADER + [INTRO, "", qs[0], "", "The cranes failed an inspection.", "", qs[1], "",
                    "Not before Thursday.", "", "Marchetti has been harbour master since 2019."]
    assert [r[3] for r in quote_rows(raw, set(HEADER) | set(qs))] == [
        "The cranes failed an inspection.", "Not before Thursday."]


def test_candidates_and_labels():
    common = frozenset()
    assert interviews._candidates("We asked Odile Marchetti what comes next.", common) == {"Odile Marchetti"}
    assert interviews._candidates("Seven questions for Odile Marchetti", common) == {"Odile Marchetti"}
    assert interviews._candidates("She talked to the Coastal Weekly about it.", common) == set()
    assert interviews._candidates("Interview by Rune Dahl", common) == set()
    assert interviews._candidates("Putin spoke with Donald Trump by phone.", common) == set()
    assert interviews._candidates("In a long interview with Odile Marchetti on the dispute, the mayor's deputy and "
                                  "several union members took part.", common) == set()
    assert interviews._label("Q: Are the talks moving?") == ("q", "Q:", "Q", 3)
    assert interviews._label("Answer: Slowly.") == ("a", "Answer:", "Answer", 8)
    assert interviews._label("A fair rota matters.") is None


def test_own_answers_drops_only_answer_rows_beside_another_speaker():
    rows = [("x", "o", 1, 0, 10, "Ana Ruiz", "", "", "direct", "", "", "a"),
            ("x", "o", 2, 11, 20, "Ana Ruiz", "", "", "direct", "", "", "b"),
            ("x", "o", 2, 15, 20, "Ivo Brandt", "", "", "indirect", "said", "", "c")]
    assert interviews.own_answers(rows, {0, 1}) == [rows[0], rows[2]]
    assert interviews.own_answers(rows, set()) == rows


def test_the_outlet_catching_up_with_a_surname_and_a_question_that_reports_someone():
    raw = ["Ferry Monthly", "Interviewed by Rune Dahl",
           "Lena Okafor has skippered the night ferry for twenty years. Ferry Monthly caught up with Okafor "
           "at the terminal. The interview, conducted by Rune Dahl, has been edited.", "",
           "Mayor Ivo Brandt said the crossing was safe. Do you agree?", "",
           "Mostly. The boat is old but sound.", "", "**Will you strike again?**", "", "Only if the rota stays."]
    articles = pd.DataFrame({"article_id": ["x"], "outlet": ["Ferry Monthly"], "raw_text": ["\n".join(raw)],
                             "text": ["\n".join(raw[2:8:2] + [raw[10]])]})
    rows = [(r.speaker, r.kind, r.text) for r in h.quotes(articles).itertuples()]
    assert rows == [("Ivo Brandt", "indirect", "the crossing was safe"),
                    ("Lena Okafor", "direct", "Mostly."), ("Lena Okafor", "direct", "The boat is old but sound."),
                    ("Lena Okafor", "direct", "Only if the rota stays.")]


def test_a_news_report_with_question_subheads_is_no_interview():
    raw = ["Harbour Notes", "Mayor Ivo Brandt spoke with Tomas Berglund by phone on Monday, the council said.", "",
           "Why is the pier closed?", "", "The cranes failed an inspection last week.", "",
           "What happens next?", "", "Talks resume on Thursday."]
    assert all(r[0] != "Tomas Berglund" for r in quote_rows(raw, {raw[0], raw[3], raw[7]}))


def test_initials_labels_name_the_interviewee_and_the_first_answer_under_the_header():
    raw = ["Harbour Notes", "Four questions for Odile Marchetti on the pier", "",
           "Why is the pier closed?", "", "OM: The cranes failed an inspection.", "",
           "When will it reopen?", "", "OM: Not before Thursday."]
    assert quote_rows(raw, {raw[0], raw[1], raw[3], raw[7]}) == [
        ("Odile Marchetti", "direct", "", "The cranes failed an inspection."),
        ("Odile Marchetti", "direct", "", "Not before Thursday.")]
    # the label is someone else's initials: no one is named for the answers
    raw[5], raw[9] = "TB: The cranes failed an inspection.", "TB: Not before Thursday."
    assert quote_rows(raw, {raw[0], raw[1], raw[3], raw[7]}) == []


def test_a_long_question_with_a_preamble_is_no_answer():
    q1 = ("The port authority said on Friday that the cranes would be replaced, the union said the repairs "
          "were a pretext, and the council has asked for an independent survey before any decision is taken "
          "on the future of the pier, which has served the island since the nineteen-twenties and carries "
          "most of its freight. Who is right?")
    qs = ["When will it reopen?"]
    raw = HEADER + [INTRO, "", q1, "", "Both, in part.", "", qs[0], "", "Not before Thursday."]
    rows = quote_rows(raw, set(HEADER) | set(qs))
    assert [r[3] for r in rows if r[0] == "Odile Marchetti"] == ["Both, in part.", "Not before Thursday."]
