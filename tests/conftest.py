"""Fixtures and builders shared by the test modules.

- ``articles``, ``sents``, ``quotes``: the seed corpus, loaded once per session. Tests never
  modify them (helpers return new DataFrames).
- ``one_article`` / ``articles_of``: the articles table the extractors take, built from
  texts written in a test (``from conftest import one_article``).
- ``corpus_copy``: a writable copy of a corpus folder (the seed by default) in the test's
  temporary folder, for tests that edit, add or damage files.
- ``hang_guard``: fail instead of hanging.
"""

import shutil
from pathlib import Path

import pandas as pd
import pytest

import helpers as h

SEED = h.DEFAULT_CORPUS_DIR


def articles_of(*texts, published=None, outlet="X", ids=None, **columns) -> pd.DataFrame:
    """An articles table of the texts given, one article each (paragraphs separated by
    newlines). Columns: ``article_id`` (``ids``, else "x" for one text and "w0", "w1", ...
    for several), ``outlet``, ``published`` (one value for all, or a list; no such column
    when None) and ``text``, plus any ``columns`` given (a value for all, or a list)."""
    n = len(texts)
    ids = list(ids) if ids is not None else (["x"] if n == 1 else [f"w{i}" for i in range(n)])
    dated = {} if published is None else {"published": published}
    table = {"article_id": ids, "outlet": outlet, **dated, "text": list(texts), **columns}
    return pd.DataFrame({k: (v if isinstance(v, list) else [v] * n) for k, v in table.items()})


def one_article(text, published=None, aid="x", outlet="X", **columns) -> pd.DataFrame:
    """The one-article table of ``text``: ``article_id``, ``outlet``, ``published`` (unless
    None), ``text`` (plus any ``columns`` given)."""
    return articles_of(text, published=published, outlet=outlet, ids=[aid], **columns)


def copy_corpus(dest: Path, source: Path = SEED, parts=None, ignore=()) -> Path:
    """Copy the corpus folder ``source`` to ``dest`` (which must not exist) and return ``dest``:
    the whole folder, or only the named ``parts`` (files or folders), leaving out the names
    matching ``ignore``."""
    if parts is None:
        shutil.copytree(source, dest, ignore=shutil.ignore_patterns(*ignore) if ignore else None)
        return dest
    dest.mkdir(parents=True)
    for part in parts:
        (shutil.copytree if (source / part).is_dir() else shutil.copy)(source / part, dest / part)
    return dest


@pytest.fixture
def corpus_copy(tmp_path):
    """``corpus_copy(source=SEED, parts=None, ignore=(), name="corpus")``: a fresh writable
    copy of a corpus folder under the test's temporary folder (see ``copy_corpus``)."""
    def make(source: Path = SEED, parts=None, ignore=(), name="corpus") -> Path:
        return copy_corpus(tmp_path / name, source, parts, ignore)
    return make


@pytest.fixture
def corpus(corpus_copy):
    """A writable copy of the seed corpus's ``articles.csv`` and ``articles/`` (the folder a
    test of loading or adding damages). A module may define its own ``corpus``."""
    return corpus_copy(parts=["articles", "articles.csv"])


@pytest.fixture(scope="session")
def articles():
    return h.load_corpus(SEED)


@pytest.fixture(scope="session")
def sents(articles):
    return h.sentences(articles)


@pytest.fixture(scope="session")
def quotes(articles):
    return h.quotes(articles)


@pytest.fixture
def hang_guard():
    """Fail instead of hanging: 60 s for a call that takes well under 5 s (the benchmark,
    not the tests, measures speed)."""
    import signal

    def boom(*_):
        raise TimeoutError("took more than 60 s")
    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def one_row_per_error(claims) -> tuple:
    """The planted claim rows as the checker gives them, and how many were folded: an
    official_quote row right after a quoted claim of the same speaker that is an error is one
    error with it (the generator writes that pair for a quoted claim by an official)."""
    kept, folded = [], 0
    for k, row in enumerate(claims):
        prev = claims[k - 1] if k else None
        if (row[0] == "official_quote" and prev is not None and prev[0] != "official_quote" and prev[2] == row[2]
                and prev[1] in {"conflicts", "misleading"}):
            folded += 1
            continue
        kept.append(row)
    return kept, folded
