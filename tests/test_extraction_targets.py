"""The extraction targets, asserted on the fixture corpus through 05-validation's scoring code.

tests/fixtures/extraction_corpus: nine original articles in other house styles, written and
hand-coded by someone who had not read the rules, committed before the rules were changed.
The rules were then improved by kinds of failure while these scores were watched, so they
are scores on text written alongside the rules: optimistic for coverage never seen."""

from pathlib import Path

import pytest

import annotations as an
import helpers as h

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "extraction_corpus"


@pytest.fixture(scope="module")
def scored():
    articles = h.load_corpus(FIXTURE)
    sents = h.sentences(articles)
    gold = an.load_annotations(FIXTURE, articles)
    pooled = an.score(gold, an.tool_annotations(articles, sents))
    return articles, sents, gold, pooled[pooled.article_id == "all"].set_index(["method", "metric"])["value"]


def test_quoted_spans_and_quote_rows_get_the_right_speaker(scored):
    *_, value = scored
    assert value[("quotes", "quoted spans with the right speaker")] >= 0.85
    assert value[("quotes", "rows with the right speaker")] >= 0.90


def test_systems_are_found(scored):
    *_, value = scored
    assert value[("systems", "f1")] >= 0.90


def test_page_furniture_is_removed(scored):
    *_, value = scored
    assert value[("furniture", "recall")] >= 0.90 and value[("furniture", "precision")] >= 0.90


def test_name_discovery_precision_at_recall(scored):
    articles, sents, gold, _ = scored
    empty = h.load_figures().iloc[0:0]
    found = h.discover_names(sents, empty, h.quotes(articles, empty))
    scores = h.discovery_scores(found, set(gold["names"].name))
    assert scores["recall"] >= 0.90 and scores["precision"] >= 0.80


def test_dates_are_tied_to_the_right_event_and_no_conflict_is_false(scored):
    articles, sents, gold, value = scored
    assert value[("dates", "event accuracy")] >= 0.95
    # every "conflicts" is a date the writer marked wrong by the public record (reference_ok = no)
    events = h.event_claims(sents, articles)
    conflicts = events[events.verdict == "conflicts"]
    wrong = gold["dates"][gold["dates"].reference_ok.str.lower().isin(["no", "false"])]
    pairs = an.match_spans(wrong.reset_index(drop=True), conflicts.reset_index(drop=True))
    assert len(conflicts) >= 1 and len(pairs) == len(conflicts)
