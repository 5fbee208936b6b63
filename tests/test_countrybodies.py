"""A body named again by its country and head noun alone (``extract/countrybodies.py``):
original sentences about invented harbour disputes."""

import pytest

import helpers as h
from conftest import one_article
from inf_coverage.extract import countrybodies


def rows(*paragraphs):
    q = h.quotes(one_article("\n".join(paragraphs), outlet="Test Outlet"))
    return [(r.speaker, r.kind, r.verb, r.text) for r in q.itertuples()]


@pytest.mark.parametrize("org, orgs, name", [
    ("Russian Ministry", {"ministry": "Russian Foreign Ministry"}, "Russian Foreign Ministry"),
    ("Ukrainian Ministry", {"ministry": "Ukrainian Defence Ministry"}, "Ukrainian Defence Ministry"),
    # another country's ministry, none named, or a name of its own
    ("Russian Ministry", {"ministry": "Ukrainian Foreign Ministry"}, ""),
    ("Russian Ministry", {}, ""),
    ("Russian Defence Ministry", {"ministry": "Russian Foreign Ministry"}, ""),
    ("Coalition Ministry", {"ministry": "Russian Foreign Ministry"}, ""),
])
def test_named_before(org, orgs, name):
    assert countrybodies.named_before(org, orgs) == name


def test_the_country_and_head_alone_is_the_body_named_before():
    assert rows("Ukraine's Defence Ministry said on Monday that the ferry pledge had lapsed.",
                "The Ukrainian ministry added that two tugs had sunk.") == [
        ("Ukrainian Defence Ministry", "indirect", "said", "the ferry pledge had lapsed"),
        ("Ukrainian Defence Ministry", "indirect", "added", "two tugs had sunk")]


def test_it_after_the_body_named_again_is_that_body():
    assert rows("Russia's Foreign Ministry said on Monday that the ferry pledge had lapsed.",
                "The Russian ministry blamed the port authority for the delay. It said the quays would stay closed.")[-1] \
        == ("Russian Foreign Ministry", "indirect", "said", "the quays would stay closed")


def test_another_countrys_body_is_not_the_one_named_before():
    assert rows("Ukraine's Foreign Ministry said on Monday that the ferry pledge had lapsed.",
                "The Russian ministry blamed the port authority for the delay.")[-1][0] != "Ukrainian Foreign Ministry"
