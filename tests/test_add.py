"""`make add` (corpus_add.add_articles): saved web pages and text files added to a corpus, on
the HTML fixtures in tests/fixtures/web/ (written for these tests); copy groups, languages and
the coverage timeline (helpers)."""

import hashlib
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import corpus_add as ca
import findings
import helpers as h
from inf_coverage.core import layout
from inf_coverage.ingest import copies, webimport

WEB = Path(__file__).parent / "fixtures" / "web"
OTHER = Path(__file__).parent / "fixtures" / "other_corpus"
GOOD_PAGES = ["news_page.html", "wire_story.html", "wire_copy.html", "cp1251_page.html", "latin1_page.html"]
REPO = Path(__file__).resolve().parent.parent


def snapshot(folder: Path) -> dict:
    """Every path under ``folder`` (hidden ones included) with the SHA-256 of its bytes."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir")
            for p in sorted(folder.rglob("*"))}


@pytest.fixture
def corpus(corpus_copy):
    """A writable copy of the other-outlets corpus (this module's corpus: the seed's is
    kept for the refusal test)."""
    return corpus_copy(OTHER)


def add(paths, folder, **kw):
    return ca.add_articles([WEB / p for p in paths] if isinstance(paths, list) else paths, folder, **kw)


def row_of(folder, article_id):
    meta = h.read_metadata(folder).set_index("article_id")
    return meta.loc[article_id]


# -- a news page with furniture, scripts and metadata -----------------------------------

def test_news_page_body_is_the_article_and_metadata_comes_from_the_page(corpus):
    added = add(["news_page.html"], corpus)
    assert list(added.article_id) == ["np-russia-drops-pause"]
    row = row_of(corpus, "np-russia-drops-pause")
    assert row.outlet == "Northline Post" and row.site_name == "Northline Post"
    assert row.title == "Russia drops its pause on deploying intermediate-range missiles"
    assert row.published == "2025-08-05"
    assert row.author == "Anna Kowalska"
    assert row.url == "https://www.northline-post.example/world/2025/08/05/russia-drops-missile-pause"
    assert row.language == "en"
    assert row.file == "np-russia-drops-pause.txt" and row.raw_file == "np-russia-drops-pause.html"
    # the page is kept byte for byte; the text is trafilatura's body, unedited
    assert (corpus / "raw" / row.raw_file).read_bytes() == (WEB / "news_page.html").read_bytes()
    text = (corpus / "articles" / row.file).read_text("utf-8")
    assert text == ca.extract_page((WEB / "news_page.html").read_text("utf-8"))["text"] + "\n"
    assert "Dmitry Peskov, the Kremlin spokesman, told reporters on Tuesday" in text
    assert "Sergei Ryabkov, a deputy foreign minister" in text
    for furniture in ["cookies", "Accept all", "Advertisement", "crossword", "Holiday deals", "Subscribe",
                      "Skip to main", "dataLayer", "Tracking pixel", "ivan_k", "nothing new here",
                      "arms race, unfortunately", "Join the discussion", "morning briefing", "All rights reserved",
                      "Share on Facebook", "Trump orders two submarines", "Privacy policy"]:
        assert furniture not in text, furniture
    assert "trafilatura 2.3.1" in row.notes and "news_page.html" in row.notes
    assert "Author: none" not in row.notes and "left empty" in row.notes   # country and type
    assert row.outlet_country == "" and row.outlet_type == ""


def test_extraction_needs_no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the network was used")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    found = ca.extract_page((WEB / "news_page.html").read_text("utf-8"))
    assert found["date"] == "2025-08-05" and "moratorium" in found["text"]


def test_what_cannot_be_established_stays_empty_with_the_reason(corpus):
    add(["latin1_page.html"], corpus)
    row = row_of(corpus, "rc-europe-weighs-answer")
    assert row.published == "" and "Published: not in the page's metadata or markup; left empty" in row.notes
    assert "author" not in row.index and "Author: none given by the page; left empty" in row.notes


def test_flags_override_the_page(corpus):
    add(["news_page.html"], corpus, outlet="Northline", published="2025-08-06", title="My title",
        url="https://example.org/x", language="en", outlet_country="Poland", outlet_type="independent")
    row = row_of(corpus, "northline-my-title")
    assert (row.outlet, row.published, row.title, row.url, row.outlet_country, row.outlet_type) == \
        ("Northline", "2025-08-06", "My title", "https://example.org/x", "Poland", "independent")
    assert row.site_name == "Northline Post"       # what the page says is still recorded
    assert "Given by the person adding it: outlet='Northline'" in row.notes


def test_bad_flags_are_refused_before_anything(corpus):
    before = snapshot(corpus)
    with pytest.raises(h.CorpusError, match="PUBLISHED='2025-13-01'"):
        add(["news_page.html"], corpus, published="2025-13-01")
    with pytest.raises(h.CorpusError, match="not an http"):
        add(["news_page.html"], corpus, url="javascript:alert(1)")
    with pytest.raises(TypeError, match="unknown metadata colour"):
        add(["news_page.html"], corpus, colour="red")
    assert snapshot(corpus) == before


# -- refusals ----------------------------------------------------------------------------

def test_a_page_with_no_article_is_refused_naming_it(corpus):
    before = snapshot(corpus)
    with pytest.raises(h.CorpusError) as err:
        add(["no_article.html"], corpus)
    assert f"{WEB / 'no_article.html'}: no article body found" in str(err.value)
    assert snapshot(corpus) == before


def test_a_bad_file_refuses_the_whole_batch_listing_every_refusal(corpus, tmp_path):
    (tmp_path / "fake.html").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary")
    before = snapshot(corpus)
    with pytest.raises(h.CorpusError) as err:
        ca.add_articles([WEB / "news_page.html", WEB / "no_article.html", tmp_path / "fake.html",
                         WEB / "plain_article.txt"], corpus)
    msg = str(err.value)
    assert "nothing was added" in msg and "3 of 4 file(s) refused" in msg and "whole or not at all" in msg
    assert f"{tmp_path / 'fake.html'}: not an HTML page" in msg
    assert f"{WEB / 'no_article.html'}: no article body found" in msg
    assert f"{WEB / 'plain_article.txt'}: no outlet could be established" in msg
    assert snapshot(corpus) == before


def test_undeclared_charset_that_is_not_utf8_is_refused(corpus, tmp_path):
    page = (WEB / "cp1251_page.html").read_bytes().replace(
        b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">', b"")
    assert ca.declared_charset(page) is None
    (tmp_path / "nocharset.html").write_bytes(page)
    with pytest.raises(h.CorpusError, match=r"nocharset.html: the page declares no charset and is not UTF-8"):
        ca.add_articles(tmp_path / "nocharset.html", corpus)
    (tmp_path / "bad.txt").write_bytes("Текст".encode("cp1251") * 50)
    with pytest.raises(h.CorpusError, match=r"bad.txt: a plain-text file must be UTF-8"):
        ca.add_articles(tmp_path / "bad.txt", corpus, outlet="X")


def test_declared_charsets_decode(tmp_path):
    assert ca.declared_charset((WEB / "cp1251_page.html").read_bytes()) == "windows-1251"
    assert ca.declared_charset((WEB / "latin1_page.html").read_bytes()) == "iso-8859-1"
    assert ca.declared_charset(b"\xef\xbb\xbf<html>") == "utf-8-sig"
    assert ca.declared_charset(b'<?xml version="1.0" encoding="koi8-r"?><html>') == "koi8-r"
    text, note = ca.decode_page("<meta charset=utf-8><p>caf\xc3\xa9 \xff</p>".encode("latin-1"), "x.html")
    assert "café \ufffd" in text and "1 byte sequence(s) that utf-8 cannot decode were replaced" in note
    with pytest.raises(h.CorpusError, match="declares charset 'klingon', which is unknown, and is not UTF-8"):
        ca.decode_page(b"<meta charset=klingon><p>\xff</p>", "x.html")


def test_oversized_and_empty_and_binary_files_are_refused(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(webimport, "MAX_ARTICLE_BYTES", 1000)    # where the import reads the limit
    big = tmp_path / "big.html"
    big.write_bytes(b"<html>" + b"x" * 1000)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02 binary")
    with pytest.raises(h.CorpusError) as err:
        ca.add_articles([big, tmp_path / "empty.txt", tmp_path / "blob.txt"], corpus, outlet="X")
    msg = str(err.value)
    assert f"{big}: the file is 1,006 bytes, over the limit of 1,000 bytes (helpers.MAX_ARTICLE_BYTES)" in msg
    assert f"{tmp_path / 'empty.txt'}: the file is empty" in msg
    assert f"{tmp_path / 'blob.txt'}: holds NUL bytes (byte 0): a binary file" in msg


def test_a_copy_of_the_seed_corpus_takes_additions_and_the_repo_corpus_is_refused(tmp_path, corpus_copy,
                                                                                  monkeypatch):
    """The README's path: copy corpus/, add to the copy. Only the repo's own corpus/ (whose notebook
    outputs the tests compare) is refused, with a message naming the command that works."""
    seed = corpus_copy(name="seed")                   # same fingerprint, another path
    added = add(["news_page.html"], seed)
    assert len(added) == 1 and len(h.load_corpus(seed)) == 6
    # the repo's corpus/ itself: refused unless forced (checked on a stand-in, never the real one)
    repo_corpus = corpus_copy(name="repo/corpus")
    for module in (layout, webimport):       # each reads its own binding of the name
        monkeypatch.setattr(module, "DEFAULT_CORPUS_DIR", repo_corpus)
    with pytest.raises(h.CorpusError, match=r"repo's seed corpus.*cp -r corpus my-corpus && make add "
                                            r"SRC=\S*news_page.html CORPUS_DIR=my-corpus"):
        add(["news_page.html"], repo_corpus)
    assert len(h.load_corpus(repo_corpus)) == 5
    assert len(add(["news_page.html"], repo_corpus, force=True)) == 1
    assert h.corpus_fingerprint(seed) != findings.SEED_FINGERPRINT


# -- duplicates and copies ---------------------------------------------------------------

def test_exact_duplicates_are_refused_naming_the_original(corpus, tmp_path):
    add(["wire_story.html"], corpus)
    with pytest.raises(h.CorpusError, match=r"wire_story.html: an exact duplicate of article "
                                            r"'da-moscow-ends-moratorium' already in the corpus"):
        add(["wire_story.html"], corpus)
    # the same body under other markup and other case is still the same text
    page = (WEB / "news_page.html").read_text("utf-8")
    twin = tmp_path / "twin.html"
    twin.write_text(page.replace("<p>Russia said on Monday", "<p>RUSSIA   SAID on Monday"), "utf-8")
    with pytest.raises(h.CorpusError, match=rf"{twin}: an exact duplicate of .*news_page.html, earlier in this batch"):
        ca.add_articles([WEB / "news_page.html", twin], corpus)


def test_near_duplicates_are_added_marked_and_grouped(corpus):
    added = add(["wire_story.html", "wire_copy.html", "news_page.html"], corpus).set_index("article_id")
    assert added.loc["hch-russia-says-no", "near_duplicate_of"] == "da-moscow-ends-moratorium"
    assert 0.5 <= added.loc["hch-russia-says-no", "jaccard"] < 1
    assert added.loc["np-russia-drops-pause", "near_duplicate_of"] == ""
    assert "Near-duplicate of 'da-moscow-ends-moratorium' (Jaccard 0." in row_of(corpus, "hch-russia-says-no").notes
    articles = h.load_corpus(corpus)
    group = articles.set_index("article_id").copy_group
    assert group["hch-russia-says-no"] == group["da-moscow-ends-moratorium"] == "da-moscow-ends-moratorium"
    assert group["np-russia-drops-pause"] == "np-russia-drops-pause"
    groups = h.copy_groups(articles).set_index("article_id")
    assert groups.loc["hch-russia-says-no", "basis"] == "near-duplicate"
    assert groups.loc["da-moscow-ends-moratorium", "representative"]
    # counted once when outlets are compared
    once = h.one_per_copy_group(articles)
    assert len(once) == len(articles) - 1 and "hch-russia-says-no" not in set(once.article_id)


def test_copy_groups_are_deterministic_and_minhash_agrees(corpus):
    add(GOOD_PAGES, corpus)
    articles = h.load_corpus(corpus)
    groups = h.copy_groups(articles)
    shuffled = articles.sample(frac=1, random_state=3).reset_index(drop=True)
    again = h.copy_groups(shuffled).sort_values("article_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(groups.sort_values("article_id").reset_index(drop=True), again)
    sets = ca.shingle_sets(articles.text)
    exact = ca.similar_pairs(sets)
    old = copies.EXACT_PAIRS_UP_TO
    try:
        copies.EXACT_PAIRS_UP_TO = 0          # MinHash candidates, then exact comparison
        assert ca.similar_pairs(sets) == exact
    finally:
        copies.EXACT_PAIRS_UP_TO = old
    assert ca.shingle_sets(["Same words here, five or more words."])[0].tolist() == \
        ca.shingle_sets(["same WORDS here five or more words"])[0].tolist()


def test_minhash_estimates_jaccard():
    rng = np.random.default_rng(1)
    base = rng.integers(0, 2**63, 2000, dtype=np.int64).astype(np.uint64)
    a, b = np.unique(base[:1500]), np.unique(base[500:])            # true Jaccard 1000/2000
    old = copies.MINHASH_PERMUTATIONS
    try:
        copies.MINHASH_PERMUTATIONS = 512
        sig = ca._minhash([a, b])
    finally:
        copies.MINHASH_PERMUTATIONS = old
    assert abs((sig[0] == sig[1]).mean() - 0.5) < 0.08


def test_copy_group_and_syndicated_from_columns_override(corpus):
    add(GOOD_PAGES, corpus)
    meta = h.read_csv_table(corpus / "articles.csv")
    meta["copy_group"] = ["", "", "", "", "", "own", "", ""]        # hch-russia-says-no kept alone
    meta["syndicated_from"] = ["", "", "daily-plain", "", "", "", "", ""]
    assert meta.article_id[5] == "hch-russia-says-no" and meta.article_id[2] == "daily-analyst"
    meta.to_csv(corpus / "articles.csv", index=False)
    articles = h.load_corpus(corpus).set_index("article_id")
    assert articles.loc["hch-russia-says-no", "copy_group"] == "hch-russia-says-no"
    assert articles.loc["hch-russia-says-no", "copy_label"] == "own"
    assert articles.loc["daily-analyst", "copy_group"] == "daily-plain"     # daily-plain is dated, so first
    groups = h.copy_groups(articles.reset_index()).set_index("article_id")
    assert groups.loc["daily-analyst", "basis"] == "syndicated_from"
    meta.loc[2, "syndicated_from"] = "nobody"
    meta.to_csv(corpus / "articles.csv", index=False)
    with pytest.raises(h.CorpusError, match=r"row 4 \(article_id 'daily-analyst'\): syndicated_from 'nobody'"):
        h.load_corpus(corpus)


# -- writing safely -------------------------------------------------------------------

def test_an_add_interrupted_between_writes_leaves_the_corpus_as_it_was(corpus, monkeypatch):
    before = snapshot(corpus)
    real_place, calls = webimport._place, []

    def place_then_fail(staged, final):
        if calls:
            raise KeyboardInterrupt("interrupted after the first file")
        calls.append(final)
        real_place(staged, final)
    monkeypatch.setattr(webimport, "_place", place_then_fail)
    with pytest.raises(KeyboardInterrupt):
        add(["news_page.html", "wire_story.html"], corpus)
    assert calls and snapshot(corpus) == before
    monkeypatch.setattr(webimport, "_place", real_place)

    def commit_fails(staged, final):
        raise OSError("disk full")
    monkeypatch.setattr(webimport, "_commit_csv", commit_fails)
    with pytest.raises(OSError, match="disk full"):
        add(["news_page.html"], corpus)
    assert snapshot(corpus) == before
    monkeypatch.undo()
    add(["news_page.html"], corpus)
    assert len(h.load_corpus(corpus)) == 4


def test_a_killed_add_is_refused_on_load_and_rolled_back(corpus):
    before = snapshot(corpus)
    script = (f"import os, sys; sys.path.insert(0, {str(REPO)!r}); import corpus_add as ca\n"
              f"from inf_coverage.ingest import webimport\n"
              f"webimport._commit_csv = lambda staged, final: os._exit(3)\n"
              f"ca.add_articles([{str(WEB / 'news_page.html')!r}], {str(corpus)!r})\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 3, proc.stderr
    assert (corpus / ".add-staging").is_dir() and (corpus / "articles" / "np-russia-drops-pause.txt").exists()
    with pytest.raises(h.CorpusError, match="an add into this corpus is running or was interrupted"):
        h.load_corpus(corpus)
    removed = ca.recover(corpus)
    assert sorted(p.name for p in removed) == ["np-russia-drops-pause.html", "np-russia-drops-pause.txt"]
    assert snapshot(corpus) == before


def test_a_failed_add_into_a_new_corpus_leaves_no_folder(tmp_path, monkeypatch):
    target = tmp_path / "new" / "corpus"
    monkeypatch.setattr(webimport, "_commit_csv", lambda staged, final: (_ for _ in ()).throw(OSError("boom")))
    with pytest.raises(OSError):
        add(["news_page.html"], target)
    assert not target.exists()
    monkeypatch.undo()
    add(["news_page.html", "wire_story.html"], target)
    assert len(h.load_corpus(target)) == 2
    assert not (target / "figures.csv").exists() and len(h.load_figures(None)) > 0   # the repo's registries


def test_ids_are_slugs_that_cannot_escape_and_never_collide():
    hostile = ["../../etc/passwd", "..", "/", "\\\\server\\share", "C:\\x", "\u202e\u0000", "", ".hidden", "é" * 200]
    for outlet in hostile:
        for title in hostile:
            aid = ca.make_article_id(outlet, title, "body text", set())
            assert h.ARTICLE_ID_RE.match(aid) and len(aid) <= ca.MAX_ID_LENGTH, (outlet, title, aid)
            assert "." not in aid and "/" not in aid
    taken = {"np-russia-drops-pause", "np-russia-drops-pause-2"}
    assert ca.make_article_id("Northline Post", "Russia drops its pause", "", taken) == "np-russia-drops-pause-3"
    assert ca.make_article_id("Вечерний вестник", "Россия отказалась", "", set()) == "vv-rossiya-otkazalas"


def test_adding_twice_never_overwrites(corpus, tmp_path):
    add(["news_page.html"], corpus)
    first = snapshot(corpus)
    # another page with the same outlet and title gets the next id, not the same file
    other = tmp_path / "again.html"
    other.write_text((WEB / "news_page.html").read_text("utf-8").replace("Warsaw", "Vilnius").replace(
        "Sergei Ryabkov, a deputy foreign minister, had said in June", "Earlier, officials had said"), "utf-8")
    added = ca.add_articles(other, corpus)
    assert added.article_id.tolist() == ["np-russia-drops-pause-2"]
    after = snapshot(corpus)
    assert {k: v for k, v in after.items() if k in first and k != "articles.csv"} == \
        {k: v for k, v in first.items() if k != "articles.csv"}


def test_old_rows_keep_their_values_and_corpora_without_new_columns_still_load(corpus):
    old_bytes = (corpus / "articles.csv").read_bytes()
    old = h.read_csv_table(corpus / "articles.csv")
    assert "raw_file" not in old.columns and len(h.load_corpus(corpus)) == 3
    ca.add_articles(WEB / "plain_article.txt", corpus, outlet="Northline Post")
    # a text file needs no new column: the old bytes are kept and one row appended
    assert (corpus / "articles.csv").read_bytes().startswith(old_bytes)
    assert list(h.read_csv_table(corpus / "articles.csv").columns) == list(old.columns)
    add(["news_page.html"], corpus)
    new = h.read_csv_table(corpus / "articles.csv")
    assert list(new.columns) == list(old.columns) + ["raw_file", "author", "site_name"]
    pd.testing.assert_frame_equal(new.iloc[:3][list(old.columns)], old)


def test_a_folder_is_read_without_its_sub_folders_or_hidden_files(corpus, tmp_path):
    src = tmp_path / "saved"
    (src / "news_page_files").mkdir(parents=True)
    (src / "news_page_files" / "app.js").write_text("var x = 1;")
    shutil.copy(WEB / "news_page.html", src)
    (src / ".DS_Store").write_bytes(b"\x00")
    (src / "notes.md").write_text("notes")
    added = ca.add_articles(src, corpus)
    assert added.article_id.tolist() == ["np-russia-drops-pause"]
    skipped = dict((Path(p).name, why) for p, why in added.attrs["skipped"])
    assert set(skipped) == {"news_page_files", ".DS_Store", "notes.md"}


def test_make_add_script_reports_and_refuses(corpus):
    cmd = [sys.executable, str(REPO / "scripts" / "add_articles.py"), "--corpus", str(corpus)]
    ok = subprocess.run(cmd + [str(WEB / "wire_story.html"), str(WEB / "wire_copy.html")],
                        capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert "added 2 article(s)" in ok.stdout and "near-duplicate of da-moscow-ends-moratorium" in ok.stdout
    bad = subprocess.run(cmd + [str(WEB / "no_article.html")], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "no_article.html: no article body found" in bad.stderr


# -- languages --------------------------------------------------------------------------

def test_non_english_pages_are_added_and_left_out_of_english_only_methods(corpus):
    add(["cp1251_page.html", "latin1_page.html"], corpus)
    ru = row_of(corpus, "vv-rossiya-otkazalas-ot")
    assert ru.language == "ru" and ru.outlet == "Вечерний вестник" and "decoded as windows-1251" in ru.notes
    assert "Министерство иностранных дел России" in (corpus / "articles" / ru.file).read_text("utf-8")
    latin = (corpus / "articles" / "rc-europe-weighs-answer.txt").read_text("utf-8")
    assert "Jürgen Weiß" in latin and "«very closely»" in latin
    articles = h.load_corpus(corpus)
    english = h.english_only(articles)
    assert "vv-rossiya-otkazalas-ot" not in set(english.article_id) and len(english) == len(articles) - 1
    assert h.not_english(articles).to_dict("records") == [
        {"article_id": "vv-rossiya-otkazalas-ot", "outlet": "Вечерний вестник", "language": "ru"}]


@pytest.mark.parametrize("text, lang", [
    ("The ministry said that the decision was taken by the leadership of the country and that it would "
     "be announced on Monday after talks with the allies.", "en"),
    ("Das Ministerium sagte, dass die Entscheidung von der Führung des Landes getroffen wurde und dass sie "
     "am Montag nach den Gesprächen mit den Verbündeten bekannt gegeben wird.", "de"),
    ("Le ministère a déclaré que la décision a été prise par les dirigeants du pays et qu'elle sera "
     "annoncée lundi après des entretiens avec les alliés de la France.", "fr"),
    ("Министерство заявило, что решение принято руководством страны.", "ru"),
    ("Міністерство заявило, що рішення ухвалило керівництво країни.", "uk"),
    ("Short text only.", ""),
])
def test_detect_language(text, lang):
    assert ca.detect_language(text)[0] == lang


def test_english_only_keeps_english_and_unrecorded():
    articles = pd.DataFrame({"article_id": list("abcde"), "outlet": "X",
                             "language": ["en", "en-GB", "", "ru", "EN_us"]})
    assert h.english_only(articles).article_id.tolist() == ["a", "b", "c", "e"]
    assert h.not_english(articles).article_id.tolist() == ["d"]


# -- the grown corpus runs through the helpers ------------------------------------------

def test_the_grown_corpus_runs_through_the_main_helpers(corpus):
    add(GOOD_PAGES, corpus)
    ca.add_articles(WEB / "plain_article.txt", corpus, outlet="Northline Post", published="2025-08-05")
    articles = h.load_corpus(corpus)
    assert len(articles) == 9
    english = h.english_only(articles)
    sents = h.sentences(english)
    quotes = h.quotes(english)
    mentions = h.figure_mentions(sents)
    checks = h.claim_checks(sents, english, quote_rows=quotes)
    assert {"Dmitry Peskov", "Sergei Ryabkov", "Dmitry Medvedev"} <= set(mentions.figure)
    assert "np-russia-drops-pause" in set(quotes.article_id)
    assert {"np-russia-drops-pause", "da-moscow-ends-moratorium"} <= set(checks.article_id)
    assert len(h.range_claims(sents)) and len(h.removed_spans(articles)) >= 0
    assert h.tokens(sents).article_id.nunique() == len(english)


# -- coverage over time -----------------------------------------------------------------

def test_coverage_timeline():
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "b1", "c1", "d1", "e1"],
        "outlet": ["A", "A", "B", "C", "D", "E"],
        "published": ["2025-08-06", "2025-08-04", "2025-08-04", "2025-08-05", "", "2025-08-03"],
        "copy_group": ["a1", "a2", "b1", "b1", "d1", "e1"], "copy_label": ""})
    per_outlet = h.coverage_timeline(articles)
    # E's one article is dated the day before the statement: background, never "first"
    assert per_outlet.outlet.tolist() == ["A", "B", "C", "D", "E"]
    assert per_outlet.order.tolist() == [1, 1, 3, 0, 0]
    assert per_outlet.days_after.tolist()[:3] == [0, 0, 1] and per_outlet.days_after.iloc[3:].isna().all()
    assert per_outlet.set_index("outlet").first_article_id.to_dict() == {"A": "a2", "B": "b1", "C": "c1", "D": "", "E": ""}
    assert per_outlet.set_index("outlet").first_is_copy.to_dict() == {"A": False, "B": False, "C": True, "D": False, "E": False}
    assert per_outlet.set_index("outlet")[["articles", "dated", "copies", "background"]].loc["A"].tolist() == [2, 2, 0, 0]
    assert per_outlet.set_index("outlet")[["articles", "dated", "background"]].loc["E"].tolist() == [1, 1, 1]
    per_article = h.coverage_timeline(articles, per="article")
    assert per_article.article_id.tolist() == ["e1", "a2", "b1", "c1", "a1", "d1"]
    assert per_article.is_copy.tolist() == [False, False, False, True, False, False]
    assert per_article.in_window.tolist() == [False, True, True, True, True, False]


def test_an_article_about_an_older_event_is_background_not_first_coverage():
    articles = pd.DataFrame({
        "article_id": ["old", "new", "late"], "outlet": ["Archive", "Daily", "Weekly"],
        "published": ["2019-08-02", "2025-08-05", "2025-09-03"], "copy_group": ["old", "new", "late"], "copy_label": ""})
    table = h.coverage_timeline(articles).set_index("outlet")
    assert table.order.to_dict() == {"Daily": 1, "Weekly": 2, "Archive": 0}
    assert table.background.to_dict() == {"Daily": 0, "Weekly": 0, "Archive": 1}
    assert h.coverage_timeline(articles.assign(published=["2019-08-02", "2025-08-05", "2025-09-04"])).set_index(
        "outlet").background.to_dict() == {"Daily": 0, "Weekly": 1, "Archive": 1}


def test_coverage_timeline_on_the_seed_corpus(articles):
    table = h.coverage_timeline(articles)
    assert table[["outlet", "first_published", "order"]].values.tolist() == [
        ["The Moscow Times", "2025-08-04", 1], ["Global Times", "2025-08-05", 2],
        ["The COW News Digital", "", 0], ["Unnamed aggregator", "", 0]]
    assert (articles.copy_group == articles.article_id).all()


def test_analysis_set_leaves_out_copies_and_other_languages():
    articles = pd.DataFrame({
        "article_id": ["a", "b", "c", "d"], "outlet": ["A", "B", "C", "D"],
        "language": ["en", "en", "ru", ""], "copy_group": ["a", "a", "c", "d"], "copy_label": ["", "", "", ""]})
    kept, left_out = h.analysis_set(articles)
    assert list(kept.article_id) == ["a", "d"]
    assert left_out.values.tolist() == [["b", "B", "a copy of a"], ["c", "C", "not in English (ru)"]]
    kept, left_out = h.analysis_set(articles, keep_copies=True)
    assert list(kept.article_id) == ["a", "b", "d"] and list(left_out.article_id) == ["c"]
