"""Verbs whose object is a noun phrase, not a statement (``extract/objects.py`` and the rows
of ``quotes``): original sentences about invented events, one kind each."""

import pytest

import helpers as h
from conftest import one_article
from inf_coverage.extract import objects


def rows(*paragraphs):
    q = h.quotes(one_article("\n".join(paragraphs), outlet="Test Outlet"))
    return [(r.speaker, r.kind, r.verb, r.text) for r in q.itertuples()]


@pytest.mark.parametrize("sentence", [
    # whom the subject blames, and the evidence it cites: no words of its own
    "The Kremlin blamed Washington and its partners, citing a launcher parked on a Pacific island since the spring.",
    "The Kremlin blamed Washington.",
    "The ministry issued its statement on Tuesday, blaming Washington.",
    "Sergei Ryabkov blamed Washington and what he called Western hawks.",
    # an accusation without its charge, and one in a time phrase
    "Washington first accused Moscow publicly in 2015.",
    "The accord fell apart after years of accusing Russia of breaches involving a new rocket.",
    "The talks ended in 2016, after accusing each other of bad faith for months.",
    # a verb of judgement with a plain object: an act
    "Dmitry Medvedev hailed the move.",
    "Dmitry Medvedev welcomed the announcement on Telegram.",
    "Sergei Ryabkov condemned the drills near the border.",
])
def test_noun_phrase_object_gives_no_row(sentence):
    assert rows(sentence) == []


@pytest.mark.parametrize("sentence, text", [
    # before the verb, the participle is an aside of the subject's
    ("Sergei Ryabkov, citing the drills, said that the freeze was over.", "the freeze was over"),
    # after a verb of saying proper it stays with the statement (as the seed corpus reads it)
    ("Sergei Ryabkov said the freeze was over, citing the arrival of a launcher on a Pacific island.",
     "the freeze was over, citing the arrival of a launcher on a Pacific island"),
    ("Sergei Ryabkov said the freeze was over, blaming Washington and its partners.",
     "the freeze was over, blaming Washington and its partners"),
])
def test_citing_participle_after_a_verb_of_saying(sentence, text):
    assert rows(sentence) == [("Sergei Ryabkov", "indirect", "said", text)]


@pytest.mark.parametrize("sentence, verb, text", [
    # a complement saying what for, a charge, or a participle of saying: a statement, as before
    ("The Kremlin blamed Washington for the collapse of the accord.", "blamed",
     "Washington for the collapse of the accord"),
    ("The Kremlin blamed the collapse of the accord on Washington.", "blamed", "the collapse of the accord on Washington"),
    ("The United States accused Russia of breaches involving a new rocket.", "accused",
     "Russia of breaches involving a new rocket"),
    ("The Kremlin blamed Washington and its partners, saying their rockets had already reached the region.",
     "blamed", "Washington and its partners, saying their rockets had already reached the region"),
])
def test_object_with_a_complement_keeps_its_row(sentence, verb, text):
    assert [(v, t) for _, _, v, t in rows(sentence)] == [(verb, text)]


def test_a_document_blaming_someone_keeps_its_row():
    # a participle straight after a noun: what the post says
    assert rows("Dmitry Medvedev answered with a long post blaming NATO.") == [
        ("Dmitry Medvedev", "indirect", "blamed", "NATO")]


@pytest.mark.parametrize("sentence, verb, text", [
    ('Marshal Ivo Grenn hailed "a new era" for the rocket forces.', "hailed", "a new era"),
    ("Dmitry Medvedev welcomed \u201ca new chapter\u201d on Telegram.", "welcomed", "a new chapter"),
    ('The ministry accused Washington of "tearing up" the accord.', "accused", "tearing up"),
])
def test_quoted_fragment_in_the_object_is_mixed_speech(sentence, verb, text):
    assert [(k, v, t) for _, k, v, t in rows(sentence)] == [("mixed", verb, text)]


def test_verb_of_judgement_inside_a_statement_is_not_the_speaker():
    # the quotation is in the spokesman's statement, not the capital's own words
    assert rows('Foreign Ministry spokesman Ivo Grenn said Minsk welcomed any step that built a "shared shield".') == [
        ("Ivo Grenn", "mixed", "said", "shared shield")]


def test_before_citing_keeps_a_quoted_object():
    sent = 'It blamed Washington, citing what it called "provocations" nearby.'
    assert objects.before_citing(sent, 10, len(sent) - 1, "blamed") == len(sent) - 1
    sent = "It blamed Washington, citing the drills."
    assert objects.before_citing(sent, 10, len(sent) - 1, "blamed") == sent.index(", citing")
    # after a verb of saying proper the participle stays
    sent = "It said the freeze was over, citing the drills."
    assert objects.before_citing(sent, 8, len(sent) - 1, "said") == len(sent) - 1


def test_names_only_target_reads_the_object():
    sent = "The Kremlin blamed Washington and its allies."
    v_s = sent.index("blamed")
    assert objects.names_only_target(sent, v_s, v_s + 6, "blamed", v_s + 6, len(sent) - 1)
    sent = "The Kremlin blamed Washington for it."
    assert not objects.names_only_target(sent, v_s, v_s + 6, "blamed", v_s + 6, len(sent) - 1)
    # other verbs are never read here
    sent = "The Kremlin said Washington."
    assert not objects.names_only_target(sent, 12, 16, "said", 16, len(sent) - 1)


def test_gerund_of_act_needs_a_preposition_before_it():
    sent = "It fell apart after years of accusing Russia of breaches."
    v_s = sent.index("accusing")
    assert objects.gerund_of_act(sent, v_s, v_s + 8, "accused")
    sent = "It walked out, accusing Russia of breaches."
    v_s = sent.index("accusing")
    assert not objects.gerund_of_act(sent, v_s, v_s + 8, "accused")


def test_object_clause_trims_or_refuses():
    sent = "It accused Washington of breaches, citing the drills."
    v_s = sent.index("accused")
    assert objects.object_clause(sent, v_s, v_s + 7, "accused", v_s + 8, len(sent) - 1) == (
        v_s + 8, sent.index(", citing"))
    sent = "Dmitry Medvedev hailed the move."
    v_s = sent.index("hailed")
    assert objects.object_clause(sent, v_s, v_s + 6, "hailed", v_s + 6, len(sent) - 1) is None


@pytest.mark.parametrize("sentence, verb, text", [
    # a relative "that" on the object: the object is the statement, from the verb on
    ("The ministry pointed to a launcher that has stayed on the island since the spring.", "pointed to",
     "a launcher that has stayed on the island since the spring"),
    ("The ministry listed the drills that were held near the border last month.", "listed",
     "the drills that were held near the border last month"),
    # a determiner "that"
    ("The ministry pointed to that launcher as proof that the freeze had failed.", "pointed to",
     "that launcher as proof that the freeze had failed"),
])
def test_relative_that_after_a_noun_object_opens_no_statement(sentence, verb, text):
    assert rows(sentence) == [("Russian Foreign Ministry", "indirect", verb, text)]


def test_relative_that_reads_the_word_before_it():
    assert objects.relative_that("pointed to", " the launcher that")
    assert objects.relative_that("listed", " that")
    # a verb of saying proper, or a preposition before "that": not an object
    assert not objects.relative_that("said", " on Monday that")
    assert not objects.relative_that("pointed to", " the launcher, so that")


@pytest.mark.parametrize("sentence, text", [
    ("Sergei Ryabkov accused Washington of breaches, a charge the White House rejected.", "Washington of breaches"),
    ("Sergei Ryabkov accused Washington of breaches, which the White House has always denied.",
     "Washington of breaches"),
    # an appositive that is no denial stays
    ("Sergei Ryabkov accused Washington of breaches, a charge he first made in 2014.",
     "Washington of breaches, a charge he first made in 2014"),
])
def test_writers_aside_on_a_denial_is_no_part_of_the_accusation(sentence, text):
    assert rows(sentence) == [("Sergei Ryabkov", "indirect", "accused", text)]


def test_participle_after_a_quoted_noun_is_not_its_attribution():
    # the participle's object is whom the campaign accuses, not who said "smear drive"
    assert rows('Sergei Ryabkov said Washington had run a "smear drive" accusing Russia of breaches.') == [
        ("Sergei Ryabkov", "mixed", "said", "smear drive")]


def test_that_after_a_noun_of_content_opens_the_statement():
    assert rows("Russian officials have cited the launcher as proof that Washington moved first.") == [
        ("unattributed", "indirect", "cited", "Washington moved first")]
    assert not objects.relative_that("cited", " the launcher as proof that")


def test_subject_of_a_dropped_blame_row_is_still_who_it_is():
    # the ministry's "blamed Washington" gives no row, but "It" next is still the ministry
    assert rows("Why now? The Foreign Ministry blamed Washington. It cited the launcher on the island.") == [
        ("Russian Foreign Ministry", "indirect", "cited", "the launcher on the island")]
