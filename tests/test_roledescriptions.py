"""A person named before and spoken of again by office (``extract/roledescriptions.py``):
original sentences about invented people, with the registry's presidents where a country's
office needs one."""

import pytest

import helpers as h
from conftest import one_article
from inf_coverage.extract import roledescriptions


def rows(*paragraphs):
    q = h.quotes(one_article("\n".join(paragraphs), outlet="Test Outlet"))
    return [(r.speaker, r.kind, r.verb, r.text) for r in q.itertuples()]


@pytest.mark.parametrize("paragraphs, row", [
    (["Vladimir Putin toured a shipyard on Thursday.",
      "At the shipyard, the Russian President said two hulls would be launched in May."],
     ("Vladimir Putin", "indirect", "said", "two hulls would be launched in May")),
    (["Vladimir Putin toured a shipyard on Thursday.",
      "Later the head of state said the yard needed more welders."],
     ("Vladimir Putin", "indirect", "said", "the yard needed more welders")),
    (["Ruritanian Foreign Minister Oskar Vellin arrived in Oslo on Monday.",
      "The minister said the ferry dispute could be settled by June."],
     ("Oskar Vellin", "indirect", "said", "the ferry dispute could be settled by June")),
])
def test_an_office_is_the_one_person_named_with_it(paragraphs, row):
    assert row in rows(*paragraphs)


@pytest.mark.parametrize("paragraphs", [
    # two presidents named: "the President" is either
    ["Vladimir Putin spoke to Donald Trump on Thursday.", "The President said the call had been useful."],
    # a nationality no one named holds
    ["Vladimir Putin toured a shipyard on Thursday.", "The French President said the yard was too small."],
    # no one named before
    ["The President said the yard was too small."],
])
def test_an_office_held_by_none_or_two_gives_no_speaker(paragraphs):
    assert all(r[0] not in {"Vladimir Putin", "Donald Trump"} for r in rows(*paragraphs))


def test_described_person_reads_office_and_nationality():
    titles = {"Oskar Vellin": "Ruritanian Foreign Minister", "Mira Tallis": "Deputy Foreign Minister of Russia",
              "Ana Roe": "President of Russia"}
    assert roledescriptions.described_person("the foreign minister", titles) == "Oskar Vellin"
    assert roledescriptions.described_person("the deputy minister", titles) == "Mira Tallis"
    assert roledescriptions.described_person("The Foreign Minister", titles) == "Oskar Vellin"
    assert roledescriptions.described_person("the Deputy Foreign Minister", titles) == "Mira Tallis"
    assert roledescriptions.described_person("the Russian President", titles) == "Ana Roe"
    assert roledescriptions.described_person("the head of state", titles) == "Ana Roe"
    assert roledescriptions.described_person("the Russian leader", titles) == "Ana Roe"
    assert roledescriptions.described_person("the minister", titles) == "Oskar Vellin"     # not the deputy
    assert roledescriptions.described_person("the German chancellor", titles) is None
    assert roledescriptions.described_person("the Acting President", titles) is None
    assert roledescriptions.described_person("a minister", titles) is None
    assert roledescriptions.described_person("the President", {**titles, "Tom Lund": "US President"}) is None
