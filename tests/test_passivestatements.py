"""A body's statement reported in the agentless passive (``extract/passivestatements.py``):
original sentences about invented bodies and people."""

import pytest

import helpers as h
from conftest import one_article
from inf_coverage.extract import passivestatements


def rows(*paragraphs):
    q = h.quotes(one_article("\n".join(paragraphs), outlet="Test Outlet"))
    return [(r.speaker, r.kind, r.verb, r.text) for r in q.itertuples()]


SAID = "The Russian Foreign Ministry said on Monday that the harbour pledge had lapsed."


@pytest.mark.parametrize("sentence, verb, text", [
    ("It was further stated that the border talks would resume in the spring.",
     "stated", "the border talks would resume in the spring"),
    ("It was stressed in the statement that the convoy had turned back at the bridge.",
     "stressed", "the convoy had turned back at the bridge"),
    ("It is noted in the document that two launchers were seen near the lake.",
     "noted", "two launchers were seen near the lake"),
    ("It has also been pointed out that the depot was emptied in March.",
     "pointed out", "the depot was emptied in March"),
])
def test_passive_after_a_body_speaking_is_its_statement(sentence, verb, text):
    assert rows(SAID, sentence) == [
        ("Russian Foreign Ministry", "indirect", "said", "the harbour pledge had lapsed"),
        ("Russian Foreign Ministry", "indirect", verb, text)]


@pytest.mark.parametrize("lead", [
    "Senator Halla Brenmoor said on Monday that the harbour pledge had lapsed.",   # a person spoke last
    "The harbour was quiet on Monday.",                                           # no one spoke
])
def test_passive_after_no_body_gives_no_row(lead):
    got = rows(lead, "It was further stated that the border talks would resume in the spring.")
    assert all(r[3] != "the border talks would resume in the spring" for r in got)


@pytest.mark.parametrize("sentence", [
    "It was reported that the border talks would resume in the spring.",    # news, not the body's text
    "It was said that the border talks would resume in the spring.",        # hearsay
    "It was announced that the border talks would resume in the spring.",
])
def test_hearsay_passives_are_no_statement_of_the_body(sentence):
    assert rows(SAID, sentence) == [
        ("Russian Foreign Ministry", "indirect", "said", "the harbour pledge had lapsed")]


def test_passive_statement_reads_the_clause_after_that():
    sent = "It was further stated that the border talks would resume in the spring."
    start, end = passivestatements.passive_statement(sent)
    assert sent[start:end] == "the border talks would resume in the spring"
    assert passivestatements.passive_verb(sent) == "stated"
    assert passivestatements.passive_statement("It was stated that it ended.") is None           # under three words
    assert passivestatements.passive_statement("The ferry was stated to be late.") is None       # no dummy "it"
    assert passivestatements.passive_verb("The ferry sailed.") == ""


def test_statement_body_is_a_body_that_spoke_last():
    assert passivestatements.statement_body("Russian Foreign Ministry", {"Russian Foreign Ministry": "x"}, ()) \
        == "Russian Foreign Ministry"
    assert passivestatements.statement_body("Harbour Coalition", {}, {"Harbour Coalition"}) == "Harbour Coalition"
    assert passivestatements.statement_body("Halla Brenmoor", {}, ()) is None
    assert passivestatements.statement_body("unattributed", {"unattributed": "x"}, ()) is None
    assert passivestatements.statement_body(None, {}, ()) is None
