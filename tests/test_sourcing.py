"""Sourcing per article (``source_rows``, ``sourcing_table``) and the registries' ``standing``
column. Expected values were counted by hand: words with ``WORD_RE`` on the quoted content,
speakers and origins by reading the sentences (the small article is made up; the seed
article is corpus/articles/002_5d1d1e6727da7879.txt, mt-experts)."""

import math

import pandas as pd
import pytest

import helpers as h
from conftest import one_article

SMALL = "\n".join([
    "Russia's Foreign Ministry said on Monday that the moratorium was over.",
    '"We will respond to every single deployment," Sergei Ryabkov told reporters.',
    "Officials said the first launchers could move within months.",
    '"This is a signal, not a deployment," said Dara Massicot, a senior fellow at the Carnegie Endowment.',
])


def table_of(text, outlet_country="Netherlands"):
    articles = one_article(text, outlet="Test Outlet", outlet_country=outlet_country)
    q = h.quotes(articles)
    return h.source_rows(q, articles), h.sourcing_table(q, articles, h.load_figures())


def test_source_rows_trace_each_count_to_a_sentence():
    rows, _ = table_of(SMALL)
    assert [tuple(r) for r in rows[["sentence_id", "position", "speaker", "standing", "country", "origin",
                                    "named", "words"]].itertuples(index=False)] == [
        (1, 1, "Russian Foreign Ministry", "official", "Russia", "foreign", True, 4),   # the moratorium was over
        (2, 2, "Sergei Ryabkov", "official", "Russia", "foreign", True, 7),
        (3, 3, "unattributed", "unknown", "", "unknown", False, 7),                   # "Officials said"
        (4, 4, "Dara Massicot", "expert", "United States", "foreign", True, 7)]


def test_sourcing_table_of_a_small_article():
    _, table = table_of(SMALL)
    row = table.iloc[0].to_dict()
    assert list(table.columns) == h.SOURCING_COLUMNS
    assert {k: row[k] for k in ["rows", "sources", "first_source", "first_standing", "most_prominent",
                                "prominent_words", "prominent_standing"]} == {
        "rows": 4, "sources": 3, "first_source": "Russian Foreign Ministry", "first_standing": "official",
        # Ryabkov and Massicot both have 7 words: the one quoted first wins
        "most_prominent": "Sergei Ryabkov", "prominent_words": 7, "prominent_standing": "official"}
    assert (row["official_share"], row["foreign_share"], row["unknown_country_share"], row["anonymous_share"]) == (
        2 / 4, 3 / 4, 1 / 4, 1 / 4)


def test_outlet_of_the_speakers_country_is_domestic_and_unknown_outlet_country_gives_no_foreign_share():
    rows, table = table_of(SMALL, outlet_country="Russia")
    assert rows.origin.tolist() == ["domestic", "domestic", "unknown", "foreign"]
    assert table.foreign_share.iloc[0] == 1 / 4
    rows, table = table_of(SMALL, outlet_country="")
    assert set(rows.origin) == {"unknown"}
    assert math.isnan(table.foreign_share.iloc[0]) and table.unknown_country_share.iloc[0] == 1.0


def test_shares_below_three_rows_are_nan():
    _, table = table_of(SMALL.split("\n", 2)[0] + "\n" + SMALL.split("\n")[1])
    row = table.iloc[0]
    assert row["rows"] == 2 and row["most_prominent"] == "Sergei Ryabkov"
    assert all(math.isnan(row[c]) for c in ["official_share", "foreign_share", "anonymous_share"])


def test_seed_article_mt_experts(articles, quotes):
    # First quotation: the lede's unattributed "could set the stage for a new arms crisis".
    # Most words: Andrey Baklitskiy, five passages (16 + 36 + 34 + 18 + 31 = 135); next
    # Boris Bondarev (19 + 28 + 45 = 92) and Dara Massicot (28 + 44 = 72).
    table = h.sourcing_table(quotes, articles, h.load_figures()).set_index("article_id")
    row = table.loc["mt-experts"]
    assert (row["rows"], row["sources"], row["first_source"], row["first_standing"]) == (29, 13, "unattributed", "unknown")
    assert (row["most_prominent"], row["prominent_words"], row["prominent_standing"]) == ("Andrey Baklitskiy", 135, "expert")
    # 8 official rows (US and Russian government, ministry, Peskov x2, government, Putin x2),
    # 2 unattributed; every named speaker is Russian or American, the outlet Dutch
    assert (row["official_share"], row["foreign_share"], row["anonymous_share"]) == (8 / 29, 27 / 29, 2 / 29)
    rows = h.source_rows(quotes, articles)
    podvig = rows[(rows.article_id == "mt-experts") & (rows.speaker == "Pavel Podvig")]
    # nationality kept apart from independence: independent, Russian, foreign to a Dutch outlet
    assert podvig[["standing", "country", "origin"]].drop_duplicates().values.tolist() == [["expert", "Russia", "foreign"]]


def test_a_registry_without_standing_derives_it_and_a_bad_standing_is_refused(tmp_path):
    df = pd.read_csv(h.DEFAULT_CORPUS_DIR / "figures.csv", dtype=str, keep_default_na=False)
    df.drop(columns=["standing"]).to_csv(tmp_path / "figures.csv", index=False)
    old = h.load_figures(tmp_path / "figures.csv")
    assert old.set_index("figure").standing[["Vladimir Putin", "Pavel Podvig"]].tolist() == ["official", "expert"]
    df.assign(standing=df.standing.where(df.index != 7, "academic")).to_csv(tmp_path / "figures.csv", index=False)
    with pytest.raises(h.CorpusError) as err:
        h.load_figures(tmp_path / "figures.csv")
    assert f"{tmp_path / 'figures.csv'}, row 9 (figure 'Li Haidong'): standing 'academic' is not one of official" \
        in str(err.value)
    inst = pd.read_csv(h.DEFAULT_CORPUS_DIR / "institutions.csv", dtype=str, keep_default_na=False)
    inst.drop(columns=["standing", "country"]).to_csv(tmp_path / "institutions.csv", index=False)
    old = h.load_institutions(tmp_path / "institutions.csv").set_index("institution")
    assert old.loc["Kremlin", ["standing", "country"]].tolist() == ["official", "Russia"]
    assert old.loc["Xinhua News Agency", ["standing", "country"]].tolist() == ["media", ""]    # state cannot be told


def test_quotation_row_of_an_unknown_article_is_refused():
    articles = one_article(SMALL, outlet="Test Outlet", outlet_country="Netherlands")
    q = h.quotes(articles).assign(article_id="y")
    with pytest.raises(ValueError, match=r"quotation row 0 \(speaker 'Russian Foreign Ministry'\): article_id 'y' "
                                         "is not in the articles table"):
        h.source_rows(q, articles)
