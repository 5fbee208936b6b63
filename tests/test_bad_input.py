"""Every kind of bad corpus input raises CorpusError naming the file (and row) and
what is wrong; nothing is skipped silently."""

import re

import pandas as pd
import pytest

import helpers as h


def meta(folder):
    return pd.read_csv(folder / "articles.csv", dtype=str, keep_default_na=False)


def save(folder, df):
    df.to_csv(folder / "articles.csv", index=False)


def fails(folder, *fragments):
    with pytest.raises(h.CorpusError) as err:
        h.load_corpus(folder)
    msg = str(err.value)
    for frag in fragments:
        assert frag in msg, msg
    return msg


def test_copy_loads(corpus):
    assert len(h.load_corpus(corpus)) == 5


def test_row_without_its_file(corpus):
    (corpus / "articles" / "003_99bcd65356963092.txt").unlink()
    fails(corpus, "articles.csv, row 5 (article_id 'agg-ryabkov')", "003_99bcd65356963092.txt not found")


def test_file_without_its_row(corpus):
    (corpus / "articles" / "005_new.txt").write_text("An article nobody listed.", encoding="utf-8")
    fails(corpus, "005_new.txt: file has no row in", "articles.csv")


def test_duplicate_article_id(corpus):
    df = meta(corpus)
    df.loc[4, "article_id"] = "gt-moratorium"
    save(corpus, df)
    fails(corpus, "articles.csv: duplicate article_id 'gt-moratorium' in rows 2, 6")


def test_same_file_listed_twice(corpus):
    df = meta(corpus)
    df.loc[1, "file"] = df.loc[0, "file"]
    save(corpus, df)
    fails(corpus, "duplicate file '000_5cddf5a593001561.txt' in rows 2, 3")


def test_bytes_that_are_not_utf8(corpus):
    path = corpus / "articles" / "001_6b7cc1ec38a2ee35.txt"
    path.write_bytes(path.read_bytes().replace("’".encode(), b"\x92", 1))  # a cp1252 apostrophe
    msg = fails(corpus, "001_6b7cc1ec38a2ee35.txt: not UTF-8 text")
    assert re.search(r"at byte \d+: b'\\x92'", msg)


def test_empty_text(corpus):
    (corpus / "articles" / "004_95fc5f138e075cf5.txt").write_text(" \n\n", encoding="utf-8")
    fails(corpus, "004_95fc5f138e075cf5.txt: the article text is empty")


def test_text_that_is_only_page_furniture(corpus):
    (corpus / "articles" / "004_95fc5f138e075cf5.txt").write_text(
        "https://example.org/a\nhttps://example.org/b\n", encoding="utf-8")
    fails(corpus, "004_95fc5f138e075cf5.txt: nothing is left after removing page furniture")


@pytest.mark.parametrize("bad", ["5 August 2025", "2025-13-01", "2025-08-5x"])
def test_date_that_is_not_a_date(corpus, bad):
    df = meta(corpus)
    df.loc[2, "published"] = bad
    save(corpus, df)
    fails(corpus, "row 4 (article_id 'mt-experts')", f"published '{bad}' is not a date in YYYY-MM-DD form")


def test_missing_required_column(corpus):
    save(corpus, meta(corpus).drop(columns=["outlet", "language"]))
    fails(corpus, "articles.csv: missing required column(s): outlet, language")


def test_empty_required_cell(corpus):
    df = meta(corpus)
    df.loc[3, "outlet"] = ""
    save(corpus, df)
    fails(corpus, "row 5 (article_id 'agg-ryabkov'): column 'outlet' is empty")


def test_file_outside_the_articles_folder(corpus):
    df = meta(corpus)
    df.loc[0, "file"] = "../articles.csv"
    save(corpus, df)
    fails(corpus, "row 2", "must be a plain file name inside articles/")


def test_malformed_article_id(corpus):
    df = meta(corpus)
    df.loc[0, "article_id"] = "GT Moratorium"
    save(corpus, df)
    fails(corpus, "row 2 (article_id 'GT Moratorium')", "lower-case letters, digits and hyphens")


def test_missing_metadata_file(tmp_path):
    fails(tmp_path, "articles.csv: metadata file not found")
