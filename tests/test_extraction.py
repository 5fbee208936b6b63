"""Quotations and speakers on kinds of sentence the seed articles do not have: each kind
of the extraction issue on a sentence of its own (invented people, invented outlets)."""

import random
import re

import pytest

import helpers as h
from conftest import one_article


def quotes_of(*paragraphs):
    articles = one_article("\n".join(paragraphs), outlet="Test Outlet")
    return h.quotes(articles)


def rows(q):
    return [(r.speaker, r.affiliation, r.kind, r.verb, r.relayed_via, r.text) for r in q.itertuples()]


@pytest.mark.parametrize("sentence, verb, relay", [
    ("Marta Kowalczyk posted on X that the decision changed nothing.", "posted", "X"),
    ("Marta Kowalczyk wrote on Telegram that the decision changed nothing.", "wrote", "Telegram"),
    ("Marta Kowalczyk explained that the decision changed nothing.", "explained", ""),
    ("Marta Kowalczyk summarized that the decision changed nothing.", "summarized", ""),
    ("Marta Kowalczyk stressed that the decision changed nothing.", "stressed", ""),
    ("Marta Kowalczyk noted that the decision changed nothing.", "noted", ""),
    ("Marta Kowalczyk told reporters that the decision changed nothing.", "told", ""),
])
def test_verbs_beyond_said_and_the_platform_relay(sentence, verb, relay):
    assert rows(quotes_of(sentence)) == [("Marta Kowalczyk", "unknown", "indirect", verb, relay,
                                          "the decision changed nothing")]


def test_a_person_outside_the_registry_is_a_speaker_with_the_affiliation_the_title_gives():
    q = quotes_of('"We will not be intimidated," said Olena Dzyuba, a spokeswoman for the Ukrainian Foreign Ministry.',
                  '"The alliance stands together," NATO deputy spokesman Karl Brenner told reporters.',
                  '"This is a bluff," said Peter Hale, a researcher at the Northbridge Institute.',
                  '"Nobody wins," said Sam Ortiz.')
    assert [(r.speaker, r.affiliation) for r in q.itertuples()] == [
        ("Olena Dzyuba", "ukrainian_official"), ("Karl Brenner", "nato_official"),
        ("Peter Hale", "independent_expert"), ("Sam Ortiz", "unknown")]


def test_a_former_us_secretary_of_state_is_a_us_official():
    q = quotes_of("Former US Secretary of State Ada Quill said the treaty had been dead for years.")
    assert rows(q) == [("Ada Quill", "us_official", "indirect", "said", "", "the treaty had been dead for years")]


def test_a_lone_surname_finds_the_full_name_named_earlier():
    q = quotes_of("Daniel Okafor, a researcher in London, has followed the talks for years.",
                  "Okafor explained that the practical question is where the missiles go.")
    assert rows(q)[0][:4] == ("Daniel Okafor", "independent_expert", "indirect", "explained")


def test_passive_attribution_names_the_agent():
    q = quotes_of("That Russia would answer every launcher was stated on Telegram by Igor Zorin, a military blogger.")
    assert rows(q) == [("Igor Zorin", "media", "indirect", "stated", "Telegram", "That Russia would answer every launcher")]


def test_an_attribution_after_a_two_sentence_quotation():
    q = quotes_of('"The treaty had been dying for years. What we have now is a race," said Harriet Vane, an analyst.')
    assert len(q) == 1 and q.iloc[0].speaker == "Harriet Vane" and q.iloc[0].kind == "direct"
    assert q.iloc[0].text == "The treaty had been dying for years. What we have now is a race"


def test_an_appositive_name_between_commas_speaks():
    q = quotes_of("Putin's spokesman, Dmitry Peskov, told reporters that no limits remained.")
    assert rows(q) == [("Dmitry Peskov", "russian_official", "indirect", "told", "", "no limits remained")]
    q = quotes_of('"No limits remain," Putin\'s spokesman, Dmitry Peskov, told reporters.')
    assert rows(q)[0][:3] == ("Dmitry Peskov", "russian_official", "direct")


def test_two_quotations_in_one_sentence_have_two_speakers():
    q = quotes_of('"This is a new reality," Dmitry Medvedev wrote on X, but Lena Ash of the Halden '
                  'Institute said, "Nothing has changed."')
    assert [(r.speaker, r.text) for r in q.itertuples()] == [
        ("Dmitry Medvedev", "This is a new reality"), ("Lena Ash", "Nothing has changed.")]
    assert q.iloc[0].relayed_via == "X"


def test_a_quotation_opening_a_sentence_after_a_sentence_that_introduces_its_speaker():
    q = quotes_of("Jim Calder put the stakes more bluntly.", '"If this turns into a race, Europe pays."')
    assert rows(q)[0][0] == "Jim Calder"


def test_president_trump_with_no_full_name_resolves_through_the_registry():
    q = quotes_of("President Trump said he had ordered two submarines moved.")
    assert rows(q)[0][:2] == ("Donald Trump", "us_official")


def test_who_accuses_whom():
    q = quotes_of("The U.S. withdrew from the treaty in 2019, accusing Moscow of violating it.")
    assert rows(q) == [("US government", "us_official", "indirect", "accused", "", "Moscow of violating it")]


def test_a_headline_line_x_says_names_x():
    q = quotes_of("Peskov says Russia no longer has any restrictions on missiles")
    assert rows(q)[0][:4] == ("Dmitry Peskov", "russian_official", "indirect", "said")


def test_unnamed_sources_speak_as_unattributed():
    q = quotes_of("Analysts fear that the collapse could trigger a new arms race.")
    assert rows(q) == [("unattributed", "unattributed", "indirect", "fear", "",
                        "the collapse could trigger a new arms race")]


def test_acts_and_hyphenated_words_are_not_statements():
    assert quotes_of("Moscow later announced a voluntary moratorium.").empty
    assert quotes_of("Its self-declared moratorium has landed in the middle of the talks.").empty


def test_the_verb_of_a_relative_clause_reports_only_its_clause():
    q = quotes_of("It still fields the cruise missile that Washington says breached the treaty, officials added.")
    assert ("US government", "breached the treaty") in [(r.speaker, r.text) for r in q.itertuples()]


@pytest.mark.parametrize("unit", ['said ', '"', '\u201c', '"a" ', "Putin Said Moscow Analysts ",
                                  'He said "x," Putin told reporters that Ann Lee of the Centre for Y said '])
def test_hostile_text_does_not_hang(hang_guard, unit):
    text = unit * (200_000 // len(unit))
    articles = one_article(text)
    sents = h.sentences(articles)
    q = h.quotes(articles)
    voice = h.sentence_voice(sents, q)
    for table in (q, h.figure_mentions(sents), h.discover_names(sents)):
        assert ((table.start >= 0) & (table.end <= len(text)) & (table.start <= table.end)).all()
    assert len(voice) == len(sents)
    assert set(h.blame_statements(sents, voice).sentence_id) <= set(sents.sentence_id)


# -- faster forms of two patterns: the same answers on every text -----------------

def test_ends_attribution_is_the_pattern_it_replaces():
    pattern = re.compile(r"\s*(?:[\w'\u2019.-]+\s*){0,6}?(?:$|,\s*\w+ing\b)")
    rng = random.Random(16)
    pieces = list("aingx .,;'\u2019-\n\t\u00e9_9") + ["ing", " ing", ", sing", ",ing"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 18)))
        assert h._ends_attribution(text) == bool(pattern.match(text)), repr(text)


def test_capitalised_word_before_is_finditer():
    rng = random.Random(16)
    pieces = ["A", "a", "b", "Ab", " ", "Ab Ab", "_", "\u00e9", "B", "-", "Lee", " Lee", "Ann", "x", "Xx Lee", "9"]
    for surname in ["Lee", "Ab", "b", "Ab Ab", "a"]:
        pattern = re.compile(rf"\b[A-Z][a-z]+ {re.escape(surname)}\b")
        for _ in range(4000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
            want = [(m.start(), m.group()) for m in pattern.finditer(text)]
            assert [(m.start(), m.group()) for m in h._capitalised_word_before(pattern, " " + surname, text)] == want
