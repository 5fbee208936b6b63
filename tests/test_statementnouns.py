"""A statement reported by a noun of saying and its "that" clause
(``extract/statementnouns.py``): original sentences about invented people and bodies."""

import pytest

import helpers as h
from conftest import one_article
from inf_coverage.extract import statementnouns


def rows(*paragraphs):
    q = h.quotes(one_article("\n".join(paragraphs), outlet="Test Outlet"))
    return [(r.speaker, r.kind, r.verb, r.text) for r in q.itertuples()]


@pytest.mark.parametrize("sentence, row", [
    ("The harbour vote followed Senator Halla Brenmoor's statement on Monday that she would block the levy.",
     ("Halla Brenmoor", "indirect", "statement", "she would block the levy")),
    ("Fishermen cheered the Foreign Ministry's announcement that the northern quay would reopen in May.",
     ("Russian Foreign Ministry", "indirect", "announcement", "the northern quay would reopen in May")),
    ("Senator Halla Brenmoor's warning last week that the levy would ruin small boats, repeated in the hall, went unheeded.",
     ("Halla Brenmoor", "indirect", "warning", "the levy would ruin small boats")),
])
def test_a_possessors_statement_that_is_theirs(sentence, row):
    assert rows(sentence) == [row]


@pytest.mark.parametrize("sentence", [
    "Senator Halla Brenmoor's statement that she made on Monday was short.",      # relative clause
    "The declaration that the ministry issued ran to four pages.",              # no speaker before it
    "Senator Halla Brenmoor's statement was read out on Monday.",               # no clause
    "The announcement by the harbour authorities that the quay would reopen was welcome.",   # unnamed body
])
def test_no_statement_without_a_speaker_or_a_said_clause(sentence):
    assert rows(sentence) == []


def test_noun_statements_gives_speaker_words_noun_and_clause():
    sent = "It followed Tom Lund's pledge on Friday that the pier would stay open, not a vote."
    [(who, noun, start, end)] = statementnouns.noun_statements(sent)
    assert (who, noun, sent[start:end]) == ("Tom Lund", "pledge", "the pier would stay open")
    sent = "It followed the statement by the Harbour Board on Friday that the pier would stay open."
    [(who, noun, start, end)] = statementnouns.noun_statements(sent)
    assert (who, noun, sent[start:end]) == ("the Harbour Board", "statement", "the pier would stay open")
    assert statementnouns.noun_statements("Tom Lund's statement that it was late.") == []     # under four words
    assert statementnouns.noun_statements("Tom Lund's statement that he gave on Friday ran long.") == []


@pytest.mark.parametrize("sentence, row", [
    ("Senator Halla Brenmoor's view is that the levy would ruin small boats.",
     ("Halla Brenmoor", "indirect", "view", "the levy would ruin small boats")),
    ("The Defence Ministry's position remains that the northern quay was never armed.",
     ("Defence Ministry", "indirect", "position", "the northern quay was never armed")),
])
def test_a_possessors_view_is_that_clause(sentence, row):
    assert rows(sentence) == [row]


def test_his_or_her_answer_is_the_last_speakers():
    assert rows("Senator Halla Brenmoor spoke to the harbour board on Monday.",
                "Her answer was that the levy would ruin small boats.") == [
        ("Halla Brenmoor", "indirect", "answer", "the levy would ruin small boats")]


@pytest.mark.parametrize("sentence", [
    "The senator's hope is that the levy will be dropped before the vote.",     # a hope, not a statement
    "Senator Halla Brenmoor's view is that.",                                  # no clause
    "Their argument is that the quay should stay shut all winter.",            # "their": no one named
])
def test_no_view_statement(sentence):
    assert statementnouns.noun_statements(sentence) == []


def test_copula_noun_statement_offsets():
    s = "Senator Halla Brenmoor's verdict was that the levy had failed."
    assert statementnouns.noun_statements(s) == [("Senator Halla Brenmoor", "verdict", 42, 61)]
