"""A second verb of saying with an object and an infinitive (``extract/secondverbs.py``):
original sentences about invented people and bodies."""

import pytest

import helpers as h
from conftest import one_article
from inf_coverage.extract import secondverbs


def rows(*paragraphs):
    q = h.quotes(one_article("\n".join(paragraphs), outlet="Test Outlet"))
    return [(r.speaker, r.kind, r.verb, r.text) for r in q.itertuples()]


@pytest.mark.parametrize("sentence, start, verb, expected", [
    ("She told his followers to expect a harsh answer.", 4, "told", True),
    ("She warned the West to prepare for winter.", 4, "warned", True),
    ("She told reporters that the bridge was closed.", 4, "told", False),    # a clause, not an infinitive
    ("She told us to.", 4, "told", False),                                   # no verb after "to"
    ("She said the army to the north had left.", 4, "said", False),          # not a verb of telling
])
def test_object_infinitive(sentence, start, verb, expected):
    assert secondverbs.object_infinitive(sentence, start, start + len(verb), verb) is expected


def test_told_after_wrote_is_a_second_statement():
    assert rows("Former senator Ivan Korlov wrote on Sunday that the ferry line was a new frontier and "
                "told his followers to expect a harsh answer.") == [
        ("Ivan Korlov", "indirect", "wrote", "the ferry line was a new frontier"),
        ("Ivan Korlov", "indirect", "told", "his followers to expect a harsh answer")]


def test_warned_after_said_is_a_second_statement():
    assert rows("Senator Mara Velk said the harbour talks had failed and warned the coastal towns to "
                "prepare for a long winter.") == [
        ("Mara Velk", "indirect", "said", "the harbour talks had failed"),
        ("Mara Velk", "indirect", "warned", "the coastal towns to prepare for a long winter")]


def test_told_after_a_verb_with_no_statement():
    assert rows("Former senator Ivan Korlov posted on Sunday and told his followers to expect a harsh answer.") == [
        ("Ivan Korlov", "indirect", "told", "his followers to expect a harsh answer")]


def test_telling_inside_the_statement_stays_there():
    # "had told" is the statement's own verb, with no "and" before it: one row
    assert rows("Senator Mara Velk said the harbour master had told the villagers to leave.") == [
        ("Mara Velk", "indirect", "said", "the harbour master had told the villagers to leave")]


def test_and_that_is_left_as_one_statement():
    assert rows("Senator Mara Velk said the bridge was closed and that no convoy had crossed it.") == [
        ("Mara Velk", "indirect", "said", "the bridge was closed and that no convoy had crossed it")]


def test_a_verb_of_saying_between_keeps_one_statement():
    # "told" may be the mayor's, who "had insisted": no second row for the senator
    assert rows("Senator Mara Velk said the mayor had insisted the road was safe and told the villagers "
                "to stay.") == [
        ("Mara Velk", "indirect", "said", "the mayor had insisted the road was safe and told the villagers to stay")]


def test_time_words_before_and_are_no_statement():
    assert rows("Former senator Ivan Korlov posted again yesterday and told people to expect a harsh answer.") == [
        ("Ivan Korlov", "indirect", "told", "people to expect a harsh answer")]


def test_a_named_subject_of_the_statement_may_own_the_second_verb():
    # "urged" may be Ruritania's, the subject of the reported clause: one statement
    assert rows("The spokeswoman said Ruritania opposes the new radar, which has hurt trust, and urged "
                "Borduria to remove it.") == [
        ("unattributed", "indirect", "said",
         "Ruritania opposes the new radar, which has hurt trust, and urged Borduria to remove it")]


def test_a_possessive_is_not_a_subject():
    assert rows("Former senator Ivan Korlov wrote on Sunday that Borduria's policy had produced a new era and "
                "told readers to expect a harsh answer.") == [
        ("Ivan Korlov", "indirect", "wrote", "Borduria's policy had produced a new era"),
        ("Ivan Korlov", "indirect", "told", "readers to expect a harsh answer")]


@pytest.mark.parametrize("clause, expected", [
    (" again yesterday", True), (" on Sunday", True), (" the talks had failed", False)])
def test_no_statement(clause, expected):
    assert secondverbs.no_statement(clause) is expected


def test_second_statement_direct():
    s = "Ivan Korlov wrote that the line was new and told his aides to wait."
    told = s.index("told")
    wrote_end = s.index("wrote") + len("wrote")
    assert secondverbs.second_statement(s, wrote_end, told, told + 4, "told", [s.index("wrote"), told])
    # another verb of saying between the two: not a second statement of the subject
    assert not secondverbs.second_statement(s, wrote_end, told, told + 4, "told", [s.index("wrote"), 30, told])


def test_saying_a_clause_after_a_statement_is_a_second_statement():
    assert rows("The Defence Ministry announced on Monday that it would close the ferry port, saying the "
                "harbour talks had failed.") == [
        ("Defence Ministry", "indirect", "announced", "it would close the ferry port"),
        ("Defence Ministry", "indirect", "said", "the harbour talks had failed")]


def test_citing_an_object_stays_in_the_statement():
    assert rows("Senator Mara Velk said that the ferry port would close, citing the harbour talks.") == [
        ("Mara Velk", "indirect", "said", "the ferry port would close, citing the harbour talks")]


def test_saying_after_an_object_stays_one_statement():
    # "blamed" reports an object, not a "that" clause: no split at "saying"
    assert rows("The Defence Ministry blamed the harbour board, saying its pilots had ignored the buoys.") == [
        ("Defence Ministry", "indirect", "blamed", "the harbour board, saying its pilots had ignored the buoys")]


@pytest.mark.parametrize("sentence, participle, expected", [
    ("It said that it shut, saying the talks had failed.", "saying", True),
    ("It said that it shut, arguing its neighbours were ready.", "arguing", True),
    ("It said that it shut, saying nothing.", "saying", False),                   # no clause
    ("It said that it shut, citing the talks that failed.", "citing", False),     # not a participle of saying
    ("It said that it shut, saying that the talks had failed.", "saying", False),  # "that": the host reads it
    ("It blamed the board, saying the talks had failed.", "saying", False),       # no "that" clause before
])
def test_clause_participle(sentence, participle, expected):
    at = sentence.index(participle)
    assert secondverbs.clause_participle(sentence, 2, at, at + len(participle)) is expected
