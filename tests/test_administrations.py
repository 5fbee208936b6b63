"""A government named after its leader (``extract/administrations.py``): original sentences
about invented harbour and ferry disputes."""

import pytest

import helpers as h
from conftest import one_article
from inf_coverage.extract import administrations


def rows(*paragraphs):
    q = h.quotes(one_article("\n".join(paragraphs), outlet="Test Outlet"))
    return [(r.speaker, r.kind, r.verb, r.text) for r in q.itertuples()]


@pytest.mark.parametrize("phrase, name", [
    ("the Trump administration", "Trump administration"),
    ("The Biden administration", "Biden administration"),
    ("Obama administration", "Obama administration"),
    # a country, a capital or a plain word before the noun names no leader
    ("the US administration", ""),
    ("The Russian administration", ""),
    ("the Kyiv administration", ""),
    ("The administration", ""),
    ("the previous administration", ""),
    ("Their administration", ""),
    # more than the name and the noun
    ("a senior Trump administration official", ""),
    ("Trump's administration", "Trump administration"),
])
def test_administration_name(phrase, name):
    assert administrations.administration_name(phrase) == name


@pytest.mark.parametrize("sentence, row", [
    ("The Trump administration says it wants the port deal signed first.",
     ("Trump administration", "indirect", "said", "it wants the port deal signed first")),
    ("The Biden administration said the grain convoy would be escorted.",
     ("Biden administration", "indirect", "said", "the grain convoy would be escorted")),
    # a participle after the subordinate clause whose subject is the administration
    ("The harbour talks stalled in 2019, when the Trump administration walked out, saying the ferry quotas "
     "had been broken.",
     ("Trump administration", "indirect", "said", "the ferry quotas had been broken")),
])
def test_an_administration_speaks_as_a_body(sentence, row):
    assert rows(sentence) == [row]


def test_the_leader_named_before_is_not_the_administration():
    assert rows("Donald Trump met the mayor on Friday.",
                "The Trump administration said the bridge toll would be lifted in May.") == [
        ("Trump administration", "indirect", "said", "the bridge toll would be lifted in May")]


@pytest.mark.parametrize("sentence", [
    "The US administration said the grain convoy would be escorted.",
    "Donald Trump rejected the plan, arguing that the ferry quotas had been broken.",
])
def test_no_administration_where_none_is_named_after_a_leader(sentence):
    assert all(r[0] != "US administration" and not r[0].endswith(" administration") for r in rows(sentence))


@pytest.mark.parametrize("phrase, name", [
    ("Donald Trump's administration", "Trump administration"),
    ("Trump\u2019s administration", "Trump administration"),
    ("Russia's administration", ""),
    ("the Trump's Biden administration", ""),
])
def test_a_leaders_possessive_administration(phrase, name):
    assert administrations.administration_name(phrase) == name


@pytest.mark.parametrize("sentence, speaker", [
    # a registered leader's body is the registry's body of the leader's affiliation
    ("Vladimir Putin's foreign ministry claimed the ferry decision had been forced on it.",
     "Russian Foreign Ministry"),
    ("Vladimir Putin's government has warned that it is no longer bound by the harbour accord.",
     "Russian government"),
    ("Donald Trump's administration said the ferry quotas had been broken.", "Trump administration"),
])
def test_a_leaders_body_speaks_as_the_body(sentence, speaker):
    assert [r[0] for r in rows(sentence)] == [speaker]


def test_leader_body_needs_a_registered_leader_and_one_body():
    from inf_coverage.extract.speakers import _SpeakerResolver
    resolver = _SpeakerResolver(h.load_figures(), h.load_institutions())
    assert administrations.leader_body("Vladimir Putin's foreign ministry", resolver) == "Russian Foreign Ministry"
    assert administrations.leader_body("Olek Varnavin's ministry", resolver) == ""     # no such leader
    assert administrations.leader_body("Vladimir Putin's harbour", resolver) == ""     # no body
