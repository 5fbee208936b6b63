"""Truth by construction, table level: on corpora written by ``h.generate_corpus`` (many
seeds), the tables the findings are composed from equal the facts the generator planted:
quotations per speaker per article, people named per article and outlet, each planted date's
and claim's verdict and whose it is, copy groups, the analysis set and the coverage timeline.

The templates are plain on purpose (one full name, one speech frame, one absolute date per
sentence): these tests are about the findings' tables, not the extractors' reach."""

import datetime as dt
from collections import Counter

import pandas as pd
import pytest

import helpers as h
from conftest import one_row_per_error

SEEDS = range(40)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """seed -> (truth, articles, sentences): each corpus written and loaded once."""
    out = {}
    for seed in SEEDS:
        folder = tmp_path_factory.mktemp(f"gen{seed}") / "corpus"
        truth = h.generate_corpus(seed, folder)
        articles = h.load_corpus(folder)
        out[seed] = (truth, articles, h.sentences(articles))
    return out


def _per_article(table, column) -> dict:
    return {aid: Counter(rows[column]) for aid, rows in table.groupby("article_id")}


def test_the_generator_is_deterministic_and_writes_what_it_records(tmp_path):
    a, b = h.generate_corpus(3, tmp_path / "a"), h.generate_corpus(3, tmp_path / "b")
    assert a == b
    assert [p.read_bytes() for p in sorted((tmp_path / "a" / "articles").iterdir())] == \
           [p.read_bytes() for p in sorted((tmp_path / "b" / "articles").iterdir())]
    articles = h.load_corpus(tmp_path / "a")
    assert sorted(articles.article_id) == sorted(a.articles)
    assert dict(zip(articles.article_id, articles.outlet)) == {k: v.outlet for k, v in a.articles.items()}
    assert dict(zip(articles.article_id, articles.published)) == {k: v.published for k, v in a.articles.items()}
    with pytest.raises(FileExistsError):
        h.generate_corpus(3, tmp_path / "a")


@pytest.mark.parametrize("seed", SEEDS)
def test_tables_state_the_planted_truth(seed, generated):
    truth, articles, sents = generated[seed]
    planted = truth.articles
    assert 3 <= articles.outlet.nunique() <= 8
    assert dict(zip(articles.article_id, articles.published)) == {k: a.published for k, a in planted.items()}

    quotes = h.quotes(articles)
    got = _per_article(quotes, "speaker")
    assert {aid: got.get(aid, Counter()) for aid in planted} == {aid: a.quotes for aid, a in planted.items()}
    direct = _per_article(quotes[quotes.kind == "direct"], "speaker")
    assert {aid: direct.get(aid, Counter()) for aid in planted} == {aid: a.direct for aid, a in planted.items()}

    verbs = _per_article(quotes, "verb")
    assert {aid: verbs.get(aid, Counter()) for aid in planted} == {aid: a.verbs for aid, a in planted.items()}

    mentions = h.figure_mentions(sents)
    got = _per_article(mentions, "figure")
    assert {aid: got.get(aid, Counter()) for aid in planted} == {aid: a.mentions for aid, a in planted.items()}
    first = mentions.merge(sents[sents.sentence_id == 1][["article_id", "sentence_id"]])
    assert {aid: set(first[first.article_id == aid].figure) for aid in planted} == \
           {aid: a.first_sentence for aid, a in planted.items()}
    by_outlet = h.mentions_by_outlet(mentions, articles)
    named: dict = {}
    for a in planted.values():
        named.setdefault(a.outlet, set()).update(a.named)
    assert {o: set(by_outlet[by_outlet.outlet == o].figure) for o in named} == named

    checks = h.claim_checks(sents, articles)
    rows = {aid: sorted(map(tuple, g[["claim_id", "verdict", "whose"]].values.tolist()))
            for aid, g in checks.groupby("article_id")}
    # one error, one row: an official's quoted words (unverified) in the sentence whose quoted
    # claim is already an error fold into that row, named in its also_claims
    assert {aid: rows.get(aid, []) for aid in planted} == {aid: sorted(one_row_per_error(a.claims)[0]) for aid, a in planted.items()}
    folded = checks[checks.get("also_claims", pd.Series("", index=checks.index)).astype(str).str.contains("official_quote")]
    assert folded.groupby("article_id").size().to_dict() == {
        aid: n for aid, a in planted.items() if (n := one_row_per_error(a.claims)[1])}
    dates = checks[checks.claim_id.str.startswith("date:")]
    got_dates = {aid: sorted(zip(g.claim_id.str[5:], g.surface, g.verdict)) for aid, g in dates.groupby("article_id")}
    assert {aid: got_dates.get(aid, []) for aid in planted} == {aid: sorted(a.dates) for aid, a in planted.items()}


@pytest.mark.parametrize("seed", SEEDS)
def test_copies_analysis_set_and_timeline_state_the_planted_truth(seed, generated):
    truth, articles, _ = generated[seed]
    representative = truth.representative()
    assert dict(zip(articles.article_id, articles.copy_group)) == representative
    groups = h.copy_groups(articles)
    sizes = Counter(representative.values())
    assert dict(zip(groups.article_id, groups.group_size)) == {a: sizes[r] for a, r in representative.items()}
    kept, left_out = h.analysis_set(articles)
    assert sorted(kept.article_id) == truth.analysed()
    assert sorted(left_out.article_id) == sorted(a for a, r in representative.items() if a != r)
    assert all(reason == f"a copy of {representative[a]}" for a, reason in zip(left_out.article_id, left_out.reason))

    timeline = h.coverage_timeline(articles).set_index("outlet")
    firsts = {}
    # only articles dated in the story's window are coverage; the 2019 and 2024 pieces are background
    in_window = {aid: bool(a.published) and 0 <= (dt.date.fromisoformat(a.published) - h.DECISION_DATE).days <= h.STORY_DAYS
                 for aid, a in truth.articles.items()}
    for o in truth.outlets():
        days = [a.published for aid, a in truth.articles.items() if a.outlet == o and in_window[aid]]
        firsts[o] = min(days) if days else ""
    dated_firsts = sorted(d for d in firsts.values() if d)
    order = {o: (dated_firsts.index(d) + 1 if d else 0) for o, d in firsts.items()}
    assert timeline.order.to_dict() == order
    assert timeline.first_published.to_dict() == firsts
    assert [order[o] for o in timeline.index] == sorted(order.values(), key=lambda n: (n == 0, n))
    copies = Counter(truth.articles[a].outlet for a, r in representative.items() if a != r)
    assert timeline.copies.to_dict() == {o: copies.get(o, 0) for o in firsts}
    assert timeline.articles.to_dict() == dict(Counter(a.outlet for a in truth.articles.values()))
    background = Counter(a.outlet for aid, a in truth.articles.items() if a.published and not in_window[aid])
    assert timeline.background.to_dict() == {o: background.get(o, 0) for o in firsts}


def test_ties_occur_by_construction(generated):
    """The corpora must hold ties for the finding tests to test them: at the top of the people
    each outlet names (on the analysed articles) in a good share of the seeds."""
    tied = 0
    for truth, _, _ in generated.values():
        people = truth.people_per_outlet()
        top = max(people.values())
        tied += sum(v == top for v in people.values()) > 1
    assert tied >= len(SEEDS) // 4, tied
