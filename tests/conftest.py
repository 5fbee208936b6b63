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
