"""A participle clause opening a sentence before its subject (``extract/openingclauses.py``):
original sentences about invented harbour disputes."""

import pytest

import helpers as h
from conftest import one_article
from inf_coverage.extract import openingclauses


def rows(*paragraphs):
    q = h.quotes(one_article("\n".join(paragraphs), outlet="Test Outlet"))
    return [(r.speaker, r.kind, r.verb, r.text) for r in q.itertuples()]


@pytest.mark.parametrize("sentence, masked", [
    ("Asked about the tugs, Lund said no.", " " * 22 + "Lund said no."),
    ("Speaking to reporters in Oslo, the mayor said no.", " " * 31 + "the mayor said no."),
    # a preposition, not a participle ("According to"); no comma closing the clause; no opening clause
    ("According to Lund, the tugs sank.", "According to Lund, the tugs sank."),
    ("Asked about the tugs Lund said no.", "Asked about the tugs Lund said no."),
    ("The harbour master, speaking in Oslo, said no.", "The harbour master, speaking in Oslo, said no."),
])
def test_mask_opening_clause(sentence, masked):
    assert openingclauses.mask_opening_clause(sentence) == masked


def test_a_name_in_the_opening_clause_is_not_the_subject():
    assert rows("Dmitry Medvedev wrote a long post on Sunday.",
                "Asked whether Mr Medvedev's post reflected the Kremlin's view, Peskov declined to comment and said "
                "the line was set by the president.") == [
        ("Dmitry Peskov", "indirect", "said", "the line was set by the president")]


def test_no_subject_after_the_clause_gives_no_speaker_from_it():
    assert rows("Speaking to reporters in Minsk after talks with Vladimir Putin, the mayor declined to comment and "
                "said the ferry would run.") == []
