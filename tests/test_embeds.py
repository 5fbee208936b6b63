"""Pasted social-media posts under their author lines (``extract.embeds``): invented pages."""

import pandas as pd

import helpers as h
from inf_coverage.extract import embeds


def quote_rows(raw_lines, furniture=()):
    raw = "\n".join(raw_lines)
    text = "\n".join(s for s in raw_lines if s.strip() and s not in furniture)
    articles = pd.DataFrame({"article_id": ["x"], "outlet": ["Test Outlet"], "raw_text": [raw], "text": [text]})
    return [(r.speaker, r.kind, r.verb, r.text) for r in h.quotes(articles).itertuples()]


def test_author_lines_of_the_platforms():
    assert embeds.author("\u2014 Petra Lindqvist (@plindqvist) March 3, 2025") == "Petra Lindqvist"
    assert embeds.author("Petra Lindqvist (@plindqvist) / X") == "Petra Lindqvist"
    assert embeds.author("\u2014 Petra Lindqvist on Telegram") == "Petra Lindqvist"
    assert embeds.author("\u2014 Petra Lindqvist (@plindqvist) 3 March 2025, 14:05") == "Petra Lindqvist"
    assert embeds.author("Follow us on X (@harbourdaily)") is None
    assert embeds.author("By Petra Lindqvist (@plindqvist) March 3, 2025") is None
    assert embeds.author("Lindqvist (@plindqvist) wrote on March 3, 2025 that the ferry was late.") is None


def test_a_pasted_post_is_its_authors_words():
    author_line = "\u2014 Petra Lindqvist (@plindqvist) March 3, 2025"
    note = "Embedded content from X"
    raw = ["The ferry company cancelled the morning crossing on Monday.", "",
           "Councillor Petra Lindqvist reacted within minutes:", "",
           "Nobody told the islanders. The harbour office must explain this today.",
           author_line, note, "",
           "The company said the weather had forced the decision."]
    assert quote_rows(raw, furniture=(author_line, note)) == [
        ("Petra Lindqvist", "direct", "", "Nobody told the islanders."),
        ("Petra Lindqvist", "direct", "", "The harbour office must explain this today.")]


def test_a_byline_a_signature_or_a_paragraph_about_the_author_makes_no_post():
    # a signature under the last paragraph: nothing above introduces a post
    sig = "\u2014 Petra Lindqvist (@plindqvist) March 3, 2025"
    raw = ["The ferry company cancelled the morning crossing on Monday.", "",
           "Crossings resume on Wednesday if the wind drops.", sig]
    assert quote_rows(raw, furniture=(sig,)) == []
    # the post names its own author: a paragraph about her
    raw = ["Councillor Petra Lindqvist reacted within minutes:", "",
           "Lindqvist wants the harbour office to explain the cancellation.", sig]
    assert quote_rows(raw, furniture=(sig,)) == []
    # a reply's header inside the block
    raw = ["Councillor Petra Lindqvist reacted within minutes:", "",
           "Replying to @harbourdaily", "Nobody told the islanders.", sig]
    assert quote_rows(raw, furniture=(sig,)) == []


def test_a_post_reporting_someones_words_keeps_their_attribution():
    author_line = "\u2014 Petra Lindqvist on Telegram"
    raw = ["The ferry company cancelled the morning crossing.", "",
           "Councillor Petra Lindqvist answered on her channel:", "",
           "Mayor Ivo Brandt said the pier would reopen next week. I will hold him to that.",
           author_line, "", "Crossings resume on Wednesday."]
    assert quote_rows(raw, furniture=(author_line,)) == [
        ("Ivo Brandt", "indirect", "said", "the pier would reopen next week")]
