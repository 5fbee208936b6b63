"""Delegates in meeting summaries (``extract.delegates``): a state speaks through its unnamed
representative. An invented summary of a fisheries council meeting."""

import pandas as pd

import helpers as h
from inf_coverage.extract import delegates


class _NoOne:
    """A resolver that knows no one: the place is given as written."""

    def resolve(self, phrase, ctx, context=""):
        return None


def quote_rows(lines):
    text = "\n".join(lines)
    articles = pd.DataFrame({"article_id": ["x"], "outlet": ["Test Outlet"], "raw_text": [text], "text": [text]})
    return [(r.speaker, r.text) for r in h.quotes(articles).itertuples()]


def test_delegate_speaker_reads_the_state_from_the_subject_before_the_verb():
    no_one = _NoOne()
    assert delegates.delegate_speaker("The representative of Chile ", no_one, {}) == ("Chile", "Chile")
    assert delegates.delegate_speaker("Taking the floor again, the delegate for the Kingdom of Tonga ", no_one,
                                      {}) == ("Kingdom of Tonga", "the Kingdom of Tonga")
    assert delegates.delegate_speaker("Chile's delegate ", no_one, {}) == ("Chile", "Chile")
    assert delegates.delegate_speaker("The speaker for Peru ", no_one, {}) == ("Peru", "Peru")
    assert delegates.delegate_speaker("The speaker of the Assembly ", no_one, {}) is None
    assert delegates.delegate_speaker("A representative of Chile ", no_one, {}) is None
    assert delegates.delegate_speaker("The representative of the union ", no_one, {}) is None
    assert delegates.delegate_speaker("Fleets near the representative of Chile ", no_one, {}) is None


def test_a_meeting_summary_gives_each_statement_to_the_state_its_delegate_speaks_for():
    page = [
        "Fisheries Council, 12th meeting",
        "The Council met on Tuesday to discuss the closure of the northern strait.",
        "The representative of Chile said that the closure hurt fishing fleets on both sides.",
        "Iceland's delegate said his country had always opposed the closure. He called on the Council to "
        "reopen the strait.",
        "The speaker for Peru said the closure was lawful.",
    ]
    assert quote_rows(page) == [
        ("Chile", "the closure hurt fishing fleets on both sides"),
        ("Iceland", "his country had always opposed the closure"),
        ("Iceland", "the Council to reopen the strait"),
        ("Peru", "the closure was lawful"),
    ]


def test_an_aside_after_the_delegate_and_a_pronoun_inside_the_delegates_sentence():
    no_one = _NoOne()
    assert delegates.delegate_speaker("The representative of Peru, responding, ", no_one, {}) == ("Peru", "Peru")
    assert delegates.delegate_speaker("The representative of the Council, Ana Ruiz, ", no_one, {}) is None
    assert delegates.opening_delegate("Speaking again, the delegate of Peru rejected what she called a myth.",
                                      no_one, {}) == "Peru"
    assert delegates.opening_delegate("Fleets left the strait when Peru objected.", no_one, {}) is None
    page = [
        "Fisheries Council, 13th meeting",
        "The representative of Chile said that the quota was too low.",
        'Speaking again, the representative of Peru rejected what she called the "myth" of overfishing and '
        "said Chile had never shown any evidence.",
        "The representative of Chile, responding, said her delegation had shown its data for years.",
    ]
    assert quote_rows(page) == [
        ("Chile", "the quota was too low"),
        ("Peru", "myth"),
        ("Peru", "Chile had never shown any evidence"),
        ("Chile", "her delegation had shown its data for years"),
    ]
