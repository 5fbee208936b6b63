"""A pronoun speaking inside a relative clause with no relative word
(``extract/contactclauses.py``): original sentences about invented harbour disputes."""

import pytest

import helpers as h
from conftest import one_article
from inf_coverage.extract import contactclauses

SAID = "Russia's Foreign Ministry said on Monday that the ferry pledge had lapsed."


def rows(*paragraphs):
    q = h.quotes(one_article("\n".join(paragraphs), outlet="Test Outlet"))
    return [(r.speaker, r.kind, r.verb, r.text) for r in q.itertuples()]


@pytest.mark.parametrize("before, after, at", [
    ("citing a Russian tug it ", " broke the rules.", 21),
    ("over a delay it ", " was avoidable.", 13),
    # the pronoun is the subject of a clause of its own
    ("Last week it ", " the quays would close.", -1),
    ("and it ", " was avoidable.", -1),
    ("a delay which it ", " was avoidable.", -1),
    # no finite verb after the verb of saying: "it said on Monday"
    ("citing a Russian tug it ", " on Monday that the rules were broken.", -1),
    ("citing a Russian tug it ", ", wrongly, broke the rules.", -1),
])
def test_contact_pronoun(before, after, at):
    assert contactclauses.contact_pronoun(before, after) == at


@pytest.mark.parametrize("sentence, speaker, text", [
    ("The United States left the harbour accord in 2019, citing a Russian tug it said broke the rules.",
     "US government", "broke the rules"),
    ("The accord collapsed in 2019, when the United States withdrew over a Russian tug it said broke the rules.",
     "US government", "broke the rules"),
    ("The accord died in 2019, when the Trump administration withdrew, citing a Russian tug it said broke the "
     "limits.", "Trump administration", "broke the limits"),
])
def test_the_pronoun_is_the_subject_named_before_in_its_sentence(sentence, speaker, text):
    assert rows(SAID, sentence) == [("Russian Foreign Ministry", "indirect", "said", "the ferry pledge had lapsed"),
                                    (speaker, "indirect", "said", text)]


def test_a_pronoun_subject_of_its_own_clause_is_the_body_named_before():
    assert rows(SAID, "Last week it said the quays would close.")[-1] == (
        "Russian Foreign Ministry", "indirect", "said", "the quays would close")


def test_no_subject_named_before_gives_no_speaker():
    assert rows(SAID, "The accord lapsed over a Russian tug it said broke the rules.") == [
        ("Russian Foreign Ministry", "indirect", "said", "the ferry pledge had lapsed")]
