"""Fixtures shared by the test modules: the seed corpus, loaded once per session.
Tests never modify them (helpers return new DataFrames)."""

import pytest

import helpers as h


@pytest.fixture(scope="session")
def articles():
    return h.load_corpus(h.DEFAULT_CORPUS_DIR)


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
