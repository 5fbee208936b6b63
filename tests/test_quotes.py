"""Finding statements in prose (``extract/reported.py`` and the rows of ``quotes``): original
sentences about invented people, one kind each."""

import pytest

import helpers as h
from conftest import one_article
from inf_coverage.extract import reported


def quotes_of(*paragraphs):
    return h.quotes(one_article("\n".join(paragraphs), outlet="Test Outlet"))


def rows(q):
    return [(r.speaker, r.kind, r.verb, r.text) for r in q.itertuples()]


@pytest.mark.parametrize("sentence", [
    # a quantity for what was said
    "Senator Halla Brenmoor has said nothing about the treaty since June.",
    "Senator Halla Brenmoor has said very little in public about the launchers.",
    "Senator Halla Brenmoor posts a lot of things.",
    "And the senator's office? Has Senator Halla Brenmoor said anything?",
    # an adverbial alone: the verb's object was fronted, or it has none
    "Remember what Senator Halla Brenmoor wrote on Tuesday.",
    "Look at what Senator Halla Brenmoor said in the days after the vote.",
    "Within minutes, Senator Halla Brenmoor weighed in.",
    # an object pronoun and no more
    "Senator Halla Brenmoor explained it herself.",
    "Senator Halla Brenmoor laughed when she told me this.",
])
def test_verb_of_saying_without_content_gives_no_row(sentence):
    assert rows(quotes_of(sentence)) == []


@pytest.mark.parametrize("sentence, text", [
    ("Senator Halla Brenmoor said on Tuesday that the launchers had left.", "the launchers had left"),
    ("Senator Halla Brenmoor said little had changed since the spring.", "little had changed since the spring"),
    ("Senator Halla Brenmoor said much of the work was already done.", "much of the work was already done"),
])
def test_statement_after_an_adverbial_or_quantity_keeps_its_row(sentence, text):
    assert rows(quotes_of(sentence)) == [("Halla Brenmoor", "indirect", "said", text)]


def test_not_a_statement_reads_the_words_after_the_verb():
    assert reported.not_a_statement("indirect", "said", "in the week after the vote")
    assert reported.not_a_statement("indirect", "said", "nothing")
    assert reported.not_a_statement("indirect", "told", "me this")
    # a clause, an indirect question, or an object verb's complement: a statement
    assert not reported.not_a_statement("indirect", "said", "in advance where the launchers go")
    assert not reported.not_a_statement("indirect", "said", "the vote was close")
    assert not reported.not_a_statement("indirect", "described", "as a deliberate escalation")
    assert not reported.not_a_statement("indirect", "called for", "in June for talks to resume")
    # quoted words are never refused here
    assert not reported.not_a_statement("direct", "said", "on Monday")
