"""Web-copy furniture and the header (headline, print date, byline, dateline) in cleaning.

Every text here was written for this file: one test per kind of furniture, with lines that
must stay (body sentences that look a little like furniture) next to the ones that must go.
Each cleaning is also replayed from its audit, which must give the cleaned text exactly.
"""

import shutil

import pytest

import helpers as h
import inf_coverage.ingest.furniture_lines as furniture_lines
import inf_coverage.ingest.furniture_print as furniture_print
import inf_coverage.ingest.furniture_records as furniture_records
from inf_coverage.ingest import furniture_boxes, furniture_comments, furniture_layout, furniture_turns, pageheader

BODY = ("The ministry said on Monday that the moratorium had ended.\n\n"
        "Officials in Brussels said they would study the statement.\n")


def clean(raw):
    """Clean ``raw``, check that replaying the audit gives the cleaned text, and return
    ``(text, {removed line stripped: rule})``."""
    text, edits = h.clean_text(raw)
    out, pos = [], 0
    for e in sorted(edits, key=lambda d: d["raw_start"]):
        assert e["raw_start"] >= pos, "edits overlap"
        assert raw[e["raw_start"]:e["raw_end"]] == e["removed"]
        out += [raw[pos:e["raw_start"]], e["replacement"]]
        pos = e["raw_end"]
    assert "".join(out) + raw[pos:] == text
    removed = {e["removed"].strip(): e["rule"] for e in edits
               if e["rule"] in h.FURNITURE_RULES}
    return text, removed


def removes(line, rule, where="end"):
    """``line`` is removed by ``rule`` when it stands at the end (or the top) of a body."""
    raw = (BODY + "\n" + line + "\n") if where == "end" else (line + "\n\n" + BODY)
    text, removed = clean(raw)
    assert removed == {line.strip(): rule}, removed
    assert text == BODY.replace("\n\n", "\n").strip()


def keeps(line):
    """``line`` is article text: nothing is removed from it."""
    raw = BODY + "\n" + line + "\n"
    text, removed = clean(raw)
    assert removed == {}, removed
    assert line.strip() in text


# -- lines that are furniture wherever they stand --------------------------------

@pytest.mark.parametrize("line", ["Skip to main content", "[Skip to content]", "Skip to navigation"])
def test_skip_link(line):
    removes(line, "skip link", where="top")


@pytest.mark.parametrize("line", [
    "Share", "Tweet", "E-mail", "Share Tweet Email", "Facebook | X | WhatsApp | Copy link",
    "Comments (3) | Share this article | Print", "12 comments", "[Back to top]", "Advertisement",
])
def test_share_buttons_and_page_links(line):
    removes(line, "share buttons")


@pytest.mark.parametrize("line", ["Print the statement and read it twice.", "Share prices fell.", "X"])
def test_sentences_with_button_words_stay(line):
    if line == "X":          # a one-letter line is a button label ("X" for the platform)
        removes(line, "share buttons")
    else:
        keeps(line)


@pytest.mark.parametrize("line, rule", [
    ("\u00a9 Getty Images", "photo credit"),
    ("\u00a9 Example Agency Photo", "photo credit"),
    ("Photo: A launcher on a test range near the coast, May 2023.", "photo caption"),
    ("Image caption: Officials leave the ministry after the briefing.", "photo caption"),
    ("Soldiers unload a crate at a depot in spring. Photo: U.S. Navy", "photo caption"),
    ("Pictured: the foreign minister in Geneva.", "photo caption"),
])
def test_photo_credits_and_captions(line, rule):
    removes(line, rule)


@pytest.mark.parametrize("line", [
    "Copyright 2024 Example Wire. All rights reserved.",
    "\u00a9 2023 Harbour Post",
    "All rights reserved. No part of this page may be reproduced without permission.",
])
def test_copyright_notice(line):
    removes(line, "copyright notice")


def test_a_sentence_about_copyright_stays():
    keeps("Copyright law was changed in 2024, the ministry said.")


@pytest.mark.parametrize("line", [
    "(Reporting by Anna Example in Vienna; Editing by Tom Sample)",
    "(Additional reporting by the Berlin desk)",
    "Reporting by Anna Example; editing by Tom Sample",
])
def test_wire_credits(line):
    removes(line, "wire credits")


@pytest.mark.parametrize("line", [
    "Reporting from the front line has become more dangerous.",
    "Research by the institute found that stocks had fallen. It was published in May.",
])
def test_sentences_about_reporting_stay(line):
    keeps(line)


def test_source_line_followed_by_share_buttons():
    raw = BODY + "\nSource: Example Wire Service\n\nShare\nTweet\nEmail\n"
    text, removed = clean(raw)
    assert removed == {"Source: Example Wire Service": "source line", "Share": "share buttons",
                       "Tweet": "share buttons", "Email": "share buttons"}
    assert text == BODY.replace("\n\n", "\n").strip()


def test_source_sentence_stays():
    keeps("Source: officials said the launchers had moved. Others disagreed.")


@pytest.mark.parametrize("line", [
    "Read more: Ministers meet in Vienna to discuss arms control",
    "Read also: Five things to know about the treaty",
    "See also: A timeline of the crisis",
    "RELATED: The treaty explained | Who decides on deployments?",
    "More on this story: The talks that never happened",
])
def test_links_to_other_stories(line):
    removes(line, "related-article link")


def test_related_in_a_sentence_stays():
    keeps("Related sanctions were announced by the European Union on Tuesday.")


@pytest.mark.parametrize("line", [
    "Support reporting that matters: subscribe today for just $1 a week",
    "Sign up for our morning newsletter",
    "Enjoyed this story? You can become a member of the Harbour Post community.",
    "Our journalism depends on readers like you. Subscribe",
    "Donate to keep this page free",
])
def test_subscription_and_membership_appeals(line):
    removes(line, "subscription appeal")


@pytest.mark.parametrize("line", [
    "Fresh harbour news delivered to your inbox every Friday.",
    "Get the week's best reads from the coast in your inbox each Sunday.",
])
def test_an_appeal_naming_the_readers_inbox_is_a_subscription_appeal(line):
    removes(line, "subscription appeal")


@pytest.mark.parametrize("line, where", [
    ("English translation of a Danish report. The Danish text is authoritative.", "top"),
    ("Translated from an article first published in Spanish. The Spanish version prevails.", "end"),
])
def test_a_translation_note_on_which_version_prevails_is_an_editors_note(line, where):
    removes(line, "editor's note", where)


@pytest.mark.parametrize("line", [
    "The envoy said the Russian version of the text was authoritative, not the translation.",
    "Her inbox filled with letters from the crews after the vote.",
])
def test_sentences_about_versions_and_inboxes_stay(line):
    keeps(line)


@pytest.mark.parametrize("line", [
    "Russia does not subscribe to that view, the ministry said.",
    "Support for NATO membership has grown in Finland since 2022.",
    "\u201cWe will not subscribe to your rules,\u201d the envoy told us.",
])
def test_sentences_about_subscribing_or_membership_stay(line):
    keeps(line)


@pytest.mark.parametrize("line", [
    "Follow us on Telegram and Instagram",
    "Follow Harbour Post on X for live updates.",
])
def test_follow_appeal(line):
    removes(line, "follow appeal")


def test_following_a_story_stays():
    keeps("Follow the money, the senator said on X.")


# -- the header -----------------------------------------------------------------

HEADER = (
    "Skip to main content\n"
    "HARBOUR POST | World | Europe | Opinion\n\n"
    "Support our newsroom: subscribe from $2 a month\n\n"
    "Moscow ends missile pause as Western deployments grow\n\n"
    "Jana Example \u2014 Monday, 4 August 2025, 21:10\n\n"
    "The foreign ministry said the pause on deployments was over.\n\n"
    "It gave no date for any deployment.\n"
)


def test_header_is_removed_and_the_headline_is_detected():
    text, edits = h.clean_text(HEADER)
    _, removed = clean(HEADER)
    assert removed == {
        "Skip to main content": "skip link",
        "HARBOUR POST | World | Europe | Opinion": "navigation",
        "Support our newsroom: subscribe from $2 a month": "subscription appeal",
        "Moscow ends missile pause as Western deployments grow": "headline",
        "Jana Example \u2014 Monday, 4 August 2025, 21:10": "byline",
    }
    # the first sentence is the article's, on a line of its own: nothing is merged into it
    assert text == "The foreign ministry said the pause on deployments was over.\nIt gave no date for any deployment."
    assert h.detected_title(edits) == "Moscow ends missile pause as Western deployments grow"


@pytest.mark.parametrize("header, rules", [
    ("HARBOUR POST\nDefence\n\nMissiles are back. What now?\n\nPublished 4 Aug 2025 \u00b7 4 min read\n\nBy Jan Sample\n\n",
     ["masthead or section", "masthead or section", "headline", "print date", "byline"]),
    ("Ministers weigh a reply to Moscow\n\nUpdated August 5, 2025 at 9:40 a.m. GMT\n\n",
     ["headline", "print date"]),
    ("A pause ends\n\nWhat the end of the moratorium means for Europe and why it matters now\n\n"
     "By the Harbour Post staff | 5 Aug 2025\n\n",
     ["masthead or section", "headline", "byline"]),
])
def test_header_kinds(header, rules):
    raw = header + BODY
    text, edits = h.clean_text(raw)
    clean(raw)
    got = [e["rule"] for e in edits if e["rule"] in h.FURNITURE_RULES]
    assert got == rules
    assert text == BODY.replace("\n\n", "\n").strip()


def test_headline_and_standfirst():
    raw = ("Moscow ends its missile pause\n\nThe decision follows months of warnings about "
           "deployments in Europe and Asia.\n\n5 Aug 2025, 10:15\n\n" + BODY)
    text, edits = h.clean_text(raw)
    rules = [e["rule"] for e in edits if e["rule"] in h.FURNITURE_RULES]
    assert rules == ["headline", "standfirst", "print date"]
    assert h.detected_title(edits) == "Moscow ends its missile pause"


def test_no_header_is_guessed_without_a_date_byline_or_dateline():
    """A short first line with no print date, byline or dateline after it may be the
    article's own first sentence: it stays, and no title is detected."""
    raw = "Russia ended the pause on Monday.\n\nEurope reacted with caution.\n\n" + BODY
    text, edits = h.clean_text(raw)
    assert [e for e in edits if e["rule"] in h.FURNITURE_RULES] == []
    assert text.startswith("Russia ended the pause on Monday.\nEurope reacted")
    assert h.detected_title(edits) == ""


def test_a_date_line_in_the_body_is_not_a_header():
    raw = BODY + "\nAugust 2, 2019\n\nThe United States left the treaty.\n"
    text, removed = clean(raw)
    assert removed == {} and "August 2, 2019" in text


# -- datelines --------------------------------------------------------------------

@pytest.mark.parametrize("dateline", [
    "MOSCOW, Aug 5 (Example Wire) - ",
    "[August 06, 2025] MOSCOW (AP) - ",
    "KYIV \u2014 ",
    "NEW YORK, March 3 (Harbour) \u2013 ",
    "BERLIN, August 5. /EXA/. ",
    "Geneva, 5 August (Example Agency) ",
])
def test_dateline_is_removed_and_not_merged_into_the_first_sentence(dateline):
    first = "The ministry said on Monday that the moratorium had ended."
    raw = "Officials react to the end of the missile pause\n\n" + dateline + first + "\n\nMore followed.\n"
    text, edits = h.clean_text(raw)
    _, removed = clean(raw)
    assert removed == {dateline.strip(): "dateline",
                       "Officials react to the end of the missile pause": "headline"}
    assert text == first + "\nMore followed."


@pytest.mark.parametrize("opening", [
    "Moscow said on Monday that the moratorium had ended.",
    "NATO said on Monday that it would study the statement.",
    "Washington \u2014 The White House said nothing.",
    "Putin: The West is to blame, he said.",
])
def test_an_opening_sentence_is_not_a_dateline(opening):
    text, removed = clean(opening + "\n\n" + BODY)
    assert removed == {}
    assert text.startswith(opening)


# -- hard-wrapped texts, long lines ----------------------------------------------

def test_in_a_hard_wrapped_text_a_line_is_looked_at_where_it_stands_alone_or_ends_no_sentence():
    para = ("The ministry said on Monday that the moratorium on deploying missiles had ended\n"
            "and that it would answer any deployment in Europe or Asia with its own systems,\n"
            "a step that analysts in several capitals had expected for some months now.\n")
    # a label between two sentences inside a block is a run of its own (issue 22): removed;
    # a word that goes on a broken sentence is no run of its own: kept
    broken = ("Allies said they would meet to discuss how the costs of new air defences they\n"
              "share\nwould be split among them in the coming years, officials in Brussels said.\n")
    raw = para + "\n" + para + "\nShare\n\n" + para + "Advertisement\n" + para + "\n" + broken
    assert h.is_hard_wrapped(raw)
    text, removed = clean(raw)
    assert removed == {"Share": "share buttons", "Advertisement": "share buttons"}
    assert "new air defences they share would be split" in text


def test_in_a_hard_wrapped_block_a_credit_broken_over_two_lines_and_a_section_label_are_furniture():
    para = ("The ministry said on Monday that the moratorium on deploying missiles had ended\n"
            "and that it would answer any deployment in Europe or Asia with its own systems,\n"
            "a step that analysts in several capitals had expected for some months now.\n")
    raw = ("=" * 60 + "\nIN BRIEF\n" + "=" * 60 + "\n" + para + "\n" + para + "\n" + para +
           "(Reporting by Ann Example in Riga and Bo Sample in Oslo; editing\nby Cy Person)\n")
    assert h.is_hard_wrapped(raw)
    text, removed = clean(raw)
    assert set(removed.values()) == {"no sentence", "wire credits"}, removed
    assert "IN BRIEF" not in text and "Reporting by" not in text and "=" not in text
    assert text.count("The ministry said on Monday") == 3


def test_a_long_line_is_never_furniture():
    line = "Read more: " + "the treaty " * 40
    keeps(line.strip())


# -- load_corpus ------------------------------------------------------------------

def test_load_corpus_adds_title_detected_and_keeps_title(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(h.REPO_DIR / "tests" / "fixtures" / "other_corpus", folder)
    (folder / "articles" / "daily-1.txt").write_text(HEADER, encoding="utf-8")
    articles = h.load_corpus(folder).set_index("article_id")
    meta = h.read_metadata(folder).set_index("article_id")
    assert articles.loc["daily-plain", "title_detected"] == "Moscow ends missile pause as Western deployments grow"
    assert articles.title.to_dict() == meta.title.to_dict()     # articles.csv stays as received
    assert (articles.drop(index="daily-plain").title_detected == "").all()


def test_seed_articles_have_no_detected_header(articles):
    assert list(articles.title_detected) == [""] * len(articles)


# -- furniture by evidence (the extraction issue): lines no list names ----------------------
# Lines written for these tests, of kinds met on pasted pages the rules were not written on.

@pytest.mark.parametrize("line", ["TOP STORY", "Key points", "Most read today", "Watch: the launcher on parade",
                                  "Defence | Europe | Arms control | Russia", "Tags: missiles, treaties, Europe"])
def test_a_short_line_that_is_no_sentence_is_furniture_wherever_it_stands(line):
    raw = BODY + "\n" + line + "\n\nThe statement did not say where the missiles would go.\n"
    text, removed = clean(raw)
    assert removed == {line: "no sentence"}, removed
    assert "The statement did not say where the missiles would go." in text


def test_a_headline_without_byline_is_removed_and_detected():
    raw = "Russia lifts its own limits on medium-range missile deployments\n\n" + BODY
    text, removed = clean(raw)
    assert removed == {"Russia lifts its own limits on medium-range missile deployments": "headline"}
    assert text == BODY.replace("\n\n", "\n").strip()


@pytest.mark.parametrize("line", [
    "He said the talks would resume.",                             # a short sentence
    "Officials in Berlin and Warsaw said they would consult their allies on the next steps",   # prose, no stop
    "August 2, 2019",                                              # a timeline heading among prose
])
def test_prose_and_dates_inside_the_article_stay(line):
    raw = BODY + "\n" + line + "\n\nThe United States left the treaty that day.\n"
    text, removed = clean(raw)
    assert removed == {}, removed
    assert line in text


def test_a_line_going_on_in_lower_case_is_a_broken_sentence_not_furniture():
    raw = "The ministry said the step was a response to\n\nthe plans of the United States in Europe.\n"
    text, removed = clean(raw)
    assert removed == {}
    assert text == "The ministry said the step was a response to the plans of the United States in Europe."


def test_hard_wrapping_is_found_at_any_width_and_its_tail_removed():
    para = ("Russia no longer has any restrictions on deploying intermediate- and shorter-range missiles, "
            "the Kremlin said on Tuesday, a day after the foreign ministry ended a moratorium that had "
            "stood since the treaty collapsed. Officials gave no detail on where or when.")
    import textwrap
    wrapped = textwrap.fill(para, 62) + "\n\n" + textwrap.fill(para.replace("Tuesday", "Monday"), 62) + " Enditem\n"
    assert h.is_hard_wrapped(wrapped)
    text, removed = clean(wrapped)
    assert removed == {"Enditem": "wire tail"}
    assert text.endswith("Officials gave no detail on where or when.")
    # short lines laid out one paragraph each, with blank lines between, are not wrapping
    assert not h.is_hard_wrapped("Skip to main content\n\nHARBOUR POST | World\n\n" + BODY * 3)


# -- furniture by evidence on sentences (issue 22, item 2) -----------------------------------
# Paragraphs that are sentences and still not the article. Lines written for these tests.

LONG_BODY = ("The ministry said on Monday that the moratorium had ended after six years.\n\n"
             "Officials in Brussels said they would study the statement before the summit.\n\n"
             "A spokesman in Berlin said the government saw no reason to change its plans.\n\n"
             "Analysts in Warsaw said the step had been expected for several months already.\n")


@pytest.mark.parametrize("line", ["Where do the missiles go from here?", "Why did the pledge matter?"])
def test_a_question_standing_alone_inside_the_article_is_a_subhead(line):
    raw = BODY + "\n" + line + "\n\nThe statement did not say where the missiles would go.\n"
    text, removed = clean(raw)
    assert removed == {line: "subhead"}, removed
    assert "The statement did not say where the missiles would go." in text


@pytest.mark.parametrize("line", ["Our reporting is funded by readers. Become a supporter.",
                                  "Like this briefing? Join our channel for daily updates.",
                                  "Follow Radio 7 on WhatsApp for breaking news"])
def test_an_imperative_appeal_to_the_reader_is_furniture(line):
    text, removed = clean(BODY + "\n" + line + "\n")
    assert list(removed) == [line], removed
    assert text == BODY.replace("\n\n", "\n").strip()


@pytest.mark.parametrize("line", ["Support for the treaty has grown in Sweden since 2020.",
                                  "Join talks, the envoy urged, were the only way forward.",
                                  '"Does anyone still believe in arms control?" she asked.'])
def test_sentences_that_open_like_an_appeal_or_ask_a_question_in_quotes_stay(line):
    keeps(line)


def test_a_pull_quote_repeating_a_sentence_of_the_article_is_furniture():
    pull = '"The pledge was already hollow by the time it was withdrawn."'
    raw = (LONG_BODY + "\n" + pull + "\n\nOne diplomat put it plainly. The pledge was already hollow by the "
           "time it was withdrawn. Nobody in Geneva disagreed.\n")
    text, removed = clean(raw)
    assert removed == {pull: "repeated text"}, removed
    assert text.count("The pledge was already hollow") == 1


def test_a_teaser_repeating_the_opening_of_the_lead_is_furniture_and_the_lead_stays():
    teaser = "Berlin says the stationing of US missiles will go ahead despite the Russian move."
    lead = ("Berlin says the stationing of US missiles will go ahead despite the Russian move, a "
            "government spokesman said on Tuesday.")
    text, removed = clean(teaser + "\n\n" + lead + "\n\n" + LONG_BODY)
    assert removed.get(teaser) == "repeated text", removed
    assert lead in text


@pytest.mark.parametrize("line, rule", [
    ("Ana Example is a visiting fellow at the Institute for Security Studies.", "author bio"),
    ("The opinions in this column are the author's own.", "disclaimer"),
    ("What this column argues is the writer's alone.", None),
    ("Views are his own.", "disclaimer"),
    ("This note is for information only and is not advice.", "disclaimer"),
    ("A version of this column appeared in print on 7 August.", "disclaimer"),
])
def test_a_disclaimer_or_author_bio_after_the_article_is_furniture(line, rule):
    text, removed = clean(LONG_BODY + "\n" + line + "\n")
    if rule is None:            # a wording the formula does not know is kept: precision first
        assert removed == {}, removed
    else:
        assert removed == {line: rule}, removed
        assert line not in text


def test_a_bio_like_sentence_inside_the_article_stays():
    line = "Maria Example is a senior analyst at the Baltic Defence Centre."
    raw = "Her institute has tracked the launchers for a decade.\n\n" + line + "\n\n" + LONG_BODY
    text, removed = clean(raw)
    assert removed == {}, removed


@pytest.mark.parametrize("line, rule", [("Ana Example | 12 March 2025 | 5 min read", "byline"),
                                        ("Posted: 09:10, 4 Aug 2025 | Edited: 11:02, 4 Aug 2025", "meta line"),
                                        ("World \u00b7 Edited by Cy Person \u00b7 Updated: 4 August 2025 21:40",
                                         "meta line")])
def test_a_meta_line_of_short_parts_with_a_date_or_time_is_furniture_and_anchors_the_header(line, rule):
    # (a name, a date and a reading time is a byline: the reading time says nothing either way)
    headline = "Moscow drops its missile pledge after six years"
    text, edits = h.clean_text(headline + "\n" + line + "\n\n" + BODY)
    removed = {e["removed"].strip(): e["rule"] for e in edits if e["rule"] in h.FURNITURE_RULES}
    assert removed == {headline: "headline", line: rule}, removed
    assert h.detected_title(edits) == headline


@pytest.mark.parametrize("line", ["Ministers met at 10.30 | the talks ran late into the night.",
                                  "Markets closed at 16:30 | traders expected more volatility on Monday."])
def test_a_line_with_bars_and_a_sentence_in_it_stays(line):
    keeps(line)


@pytest.mark.parametrize("line, rule", [("[3] Statement of the Foreign Ministry, 4 August 2025.", "footnote"),
                                        ("Contact: desk@example.org | +44 20 0000 1111", "contact line"),
                                        ("((bo.sample@example.net; +1 202 555 0100))", "contact line")])
def test_a_note_or_a_contact_line_is_furniture(line, rule):
    removes(line, rule)


@pytest.mark.parametrize("line", ["Readers can write to desk@example.org with corrections.",
                                  "[Updated] The ministry later confirmed the statement."])
def test_a_sentence_with_an_address_or_a_bracket_stays(line):
    keeps(line)


def test_lowercase_chrome_that_never_ends_a_sentence_is_furniture():
    raw = ("The ministry said on Monday that the moratorium had ended.\n"
           "thread 4\n"
           "u/harbour_owl · 3h ago\n"
           "Officials in Brussels said they would study the statement.\n"
           "55 Reply Report\n"
           "more replies\n")
    text, removed = clean(raw)
    assert removed == {"thread 4": "no sentence", "u/harbour_owl · 3h ago": "no sentence",
                       "55 Reply Report": "no sentence", "more replies": "no sentence"}
    assert text == BODY.replace("\n\n", "\n").strip()


def test_a_sentence_broken_over_lines_stays_whole():
    raw = ("The ministry said on Monday that the moratorium had ended.\n"
           "Officials in Brussels said\n"
           "they would study\n"
           "the statement.\n")
    text, removed = clean(raw)
    assert removed == {}
    assert text == ("The ministry said on Monday that the moratorium had ended.\n"
                    "Officials in Brussels said they would study the statement.")


def test_a_question_after_a_speakers_label_is_speech_not_a_subhead():
    raw = ("The ministry said on Monday that the moratorium had ended.\n"
           "MARTA EXAMPLE: And what did Brussels make of it?\n"
           "Officials in Brussels said they would study the statement.\n"
           "What happens next?\n")
    text, removed = clean(raw)
    assert removed == {"What happens next?": "subhead"}
    assert "MARTA EXAMPLE: And what did Brussels make of it?" in text.split("\n")


WRAPPED_BODY = ("the harbour authority said on Tuesday that the ferry service between\n"
                "the two islands would stop for a week while engineers inspected the\n"
                "old pier, which was damaged in a winter storm in the first days of\n"
                "January and has been closed to lorries ever since then.\n\n"
                "Local shops said the closure would hurt trade in the busiest month of\n"
                "the year, and the council promised to publish a timetable for the\n"
                "repairs before the weekend, with a second crossing from the north pier\n"
                "to run twice a day.\n")


@pytest.mark.parametrize("head, top, removed_lines", [
    ("ISLES-FERRY/PIER (UPDATE 1)\nFerry service halted while engineers inspect\nstorm-hit pier\n"
     "By Ada Example and Tomas Sample\n",
     "PORTHAVEN, June 3 (Islewire) - The harbour authority said on Tuesday\n",
     ["ISLES-FERRY/PIER (UPDATE 1)", "Ferry service halted while engineers inspect", "storm-hit pier",
      "By Ada Example and Tomas Sample"]),
    ("Ferry service halted, council says\nJune 3, 2025 9:10 AM GMT\n",
     "PORTHAVEN (Islewire) -- The harbour authority said on Tuesday that\n",
     ["Ferry service halted, council says", "June 3, 2025 9:10 AM GMT"]),
])
def test_the_header_above_a_dateline_in_hard_wrapped_copy_is_furniture(head, top, removed_lines):
    raw = head + top + WRAPPED_BODY.split("\n", 1)[1]
    text, removed = clean(raw)
    assert removed == {line: "header" for line in removed_lines}
    assert text.startswith(top.strip() + " the two islands")


def test_hard_wrapped_copy_with_no_anchor_keeps_its_first_lines():
    raw = "The harbour authority said on Tuesday that the ferry service between\n" + \
          WRAPPED_BODY.split("\n", 1)[1]
    text, removed = clean(raw)
    assert removed == {}
    assert text.startswith("The harbour authority said on Tuesday")


def test_the_points_of_a_summary_box_under_a_label_are_furniture():
    raw = ("The ministry said on Monday that the moratorium had ended.\n"
           "In brief\n"
           "• The ferry will stop for a week.\n"
           "- Engineers will inspect the old pier.\n"
           "Officials in Brussels said they would study the statement.\n")
    text, removed = clean(raw)
    assert removed == {"In brief": "no sentence", "• The ferry will stop for a week.": "summary box",
                       "- Engineers will inspect the old pier.": "summary box"}
    assert text == BODY.replace("\n\n", "\n").strip()


def test_the_dated_points_of_a_fact_box_are_story_text():
    # two or more points that are sentences holding a date: a fact box, not a summary
    raw = ("The ministry said on Monday that the moratorium had ended.\n\n"
           "FACTS: The old pier\n"
           "• Built by the harbour board in March 1931 with money from the city.\n"
           "• Closed to traffic after the storm of 14 January 2007.\n"
           "• Repaired twice since then by the same firm.\n\n"
           "Officials in Brussels said they would study the statement.\n")
    text, removed = clean(raw)
    assert removed == {"FACTS: The old pier": "no sentence"}
    assert "• Closed to traffic after the storm of 14 January 2007." in text
    assert "• Built by the harbour board in March 1931 with money from the city." in text


@pytest.mark.parametrize("points, expected", [
    (["• Opened by the mayor on 2 June 1958.", "• Rebuilt after the fire of 9 May 1977."], True),
    (["• Opened by the mayor on 2 June 1958.", "• Rebuilt after the fire."], False),
    (["• Opened in June 1958", "• Rebuilt in May 1977"], False),
])
def test_a_fact_box_gives_two_dated_sentences(points, expected):
    assert furniture_boxes._is_fact_box(points) is expected


def test_a_box_of_reactions_whose_points_report_words_is_story_text():
    # two or more points that are sentences reporting someone's words: the story's reactions,
    # whose quotations removing the box would drop
    raw = ("The ministry said on Monday that the moratorium had ended.\n\n"
           "REACTIONS\n"
           "* The harbour master told reporters the crews had expected the closure for weeks.\n"
           "* \u201cWe cannot run boats from a broken pier,\u201d said Ada Example, who chairs the union.\n"
           "* The ferry company has not yet commented.\n\n"
           "Officials in Brussels said they would study the statement.\n")
    text, removed = clean(raw)
    assert removed == {"REACTIONS": "no sentence"}
    assert "* The harbour master told reporters the crews had expected the closure for weeks." in text
    assert "\u201cWe cannot run boats from a broken pier,\u201d said Ada Example, who chairs the union." in text


@pytest.mark.parametrize("points, expected", [
    (["\u2022 The mayor said the pier would stay shut.", "\u2022 \u201cIt is over,\u201d the union wrote."], True),
    (["\u2022 The mayor said the pier would stay shut.", "\u2022 The crews want a second boat."], False),
    (["\u2022 The mayor said the pier would stay shut", "\u2022 The union says it is over"], False),
    (["\u2022 The mayor said the pier would stay shut.", "\u2022 The deck was laid on 4 May 1931."], True),
])
def test_a_box_of_reported_words_is_a_fact_box(points, expected):
    assert furniture_boxes._is_fact_box(points) is expected


def test_a_box_with_one_dated_point_is_still_a_summary_box():
    raw = ("The ministry said on Monday that the moratorium had ended.\n\n"
           "Key points\n"
           "• The ferry will stop for a week.\n"
           "• Engineers will finish the old pier before 2031.\n\n"
           "Officials in Brussels said they would study the statement.\n")
    text, removed = clean(raw)
    assert removed == {"Key points": "no sentence", "• The ferry will stop for a week.": "summary box",
                       "• Engineers will finish the old pier before 2031.": "summary box"}
    assert text == BODY.replace("\n\n", "\n").strip()


def test_a_broken_off_turn_of_a_transcript_is_speech():
    # "HOST:" opens two turns of prose, so its turn cut off by a dash stays
    raw = ("HOST: The ferry company said on Monday that the service would stop.\n\n"
           "GUEST: That is what the harbour board told us in June as well.\n\n"
           "HOST: Can I just –\n\n"
           "GUEST: Let me finish the point about the pier.\n\n"
           "HOST: Go on, then, but briefly please.\n")
    text, removed = clean(raw)
    assert removed == {}
    assert "HOST: Can I just –" in text


def test_a_short_question_in_a_turn_labelled_by_name_is_speech_not_a_subhead():
    # "Ada Example:" opens two turns of prose, so her short question is a turn, not a subhead;
    # a question alone with no label stays a subhead
    raw = ("Ada Example: The ferry company said on Monday that the service would stop.\n\n"
           "Ben Sample: That is what the harbour board told us in June as well.\n\n"
           "Ada Example: So the pier is shut?\n\n"
           "Ben Sample: It is, until the engineers have finished their survey.\n\n"
           "Ada Example: Then we will ask the council for a second boat.\n\n"
           "What happens to the crews?\n\n"
           "Ben Sample: They will stay on full pay for the whole of the closure.\n")
    text, removed = clean(raw)
    assert removed == {"What happens to the crews?": "subhead"}
    assert "Ada Example: So the pier is shut?" in text


@pytest.mark.parametrize("mark", ["\u25cb", ">> "])
def test_a_short_question_in_a_marked_turn_is_speech_like_an_unmarked_one(mark):
    # the mark before each label ("\u25cbADA EXAMPLE:", a caption's ">> ADA EXAMPLE:") is no
    # part of the label, so the short marked question is a turn; a quoted e-mail's single ">" is
    # no mark (its line stays for its own reason, as a quoted reply)
    raw = (f"{mark}ADA EXAMPLE: The ferry company said on Monday that the service would stop.\n\n"
           f"{mark}BEN SAMPLE: That is what the harbour board told us in June as well.\n\n"
           f"{mark}ADA EXAMPLE: So the pier is shut?\n\n"
           f"{mark}BEN SAMPLE: It is, until the engineers have finished their survey.\n\n"
           f"{mark}ADA EXAMPLE: Then we will ask the council for a second boat.\n")
    text, removed = clean(raw)
    assert removed == {}
    assert f"{mark}ADA EXAMPLE: So the pier is shut?" in text


@pytest.mark.parametrize("mark", ["<\u2026>", "[...]", "\u2026"])
def test_an_omission_mark_alone_between_turns_is_text(mark):
    # words of the transcript left out: the text shows the cut, so the mark is not furniture
    raw = ("ADA EXAMPLE: The ferry company said on Monday that the service would stop.\n\n" + mark + "\n\n"
           "BEN SAMPLE: That is what the harbour board told us in June as well.\n")
    text, removed = clean(raw)
    assert removed == {}
    assert text == ("ADA EXAMPLE: The ferry company said on Monday that the service would stop.\n" + mark
                    + "\nBEN SAMPLE: That is what the harbour board told us in June as well.")


def test_a_label_opening_one_turn_of_prose_is_not_a_transcript():
    raw = ("HOST: The ferry company said on Monday that the service would stop.\n\n"
           "HOST: Can I just –\n\n"
           "The harbour board said it would study the timetable again.\n")
    text, removed = clean(raw)
    assert removed == {"HOST: Can I just –": "no sentence"}


def test_a_numbered_item_head_and_its_source_line_in_hard_wrapped_copy_are_furniture():
    # a digest of items wrapped at 60 characters: each block opens with a numbered heading
    # and a source line, which are lines of their own above the item's wrapped text
    raw = ("The week on the islands was dominated by the harbour, where\n"
           "the board and the ferry operator both changed their plans.\n\n"
           "1. Harbour board delays the reopening of the old ferry pier\n"
           "Source: Porthaven Gazette | 3 May 2024\n"
           "The harbour board said on Tuesday that the old pier would\n"
           "stay closed until the autumn, because engineers had found\n"
           "more damage to its timber piles than they had expected.\n\n"
           "2. Ferry operator cuts its winter timetable\n"
           "Source: Islewire | 2 May 2024\n"
           "The island's ferry operator said it would run two sailings\n"
           "a day from November instead of four, blaming the cost of\n"
           "fuel and a shortage of trained crew for the smaller boats.\n")
    text, removed = clean(raw)
    assert removed == {"1. Harbour board delays the reopening of the old ferry pier": "no sentence",
                       "Source: Porthaven Gazette | 3 May 2024": "source line",
                       "2. Ferry operator cuts its winter timetable": "no sentence",
                       "Source: Islewire | 2 May 2024": "source line"}
    assert "plans.\nThe harbour board said on Tuesday that the old pier would stay closed" in text


def test_a_wrapped_sentence_above_a_source_line_stays():
    # the line above the source line ends a sentence: it is the item's text, not a heading
    raw = ("The week on the islands was dominated by the harbour, where\n"
           "the board and the ferry operator both changed their plans.\n\n"
           "The harbour board said on Tuesday that the old pier would\n"
           "stay closed until the autumn, the board's engineers said.\n"
           "Source: Porthaven Gazette | 3 May 2024\n\n"
           "The island's ferry operator said it would run two sailings\n"
           "a day from November instead of four, blaming the cost of\n"
           "fuel and a shortage of trained crew for the smaller boats.\n")
    text, removed = clean(raw)
    assert "Source: Porthaven Gazette | 3 May 2024" not in text
    assert "stay closed until the autumn, the board's engineers said." in text


def test_points_under_a_sentence_are_the_articles_own_list():
    raw = ("The ministry said on Monday that the moratorium had ended. Its reasons were these:\n"
           "• The ferry will stop for a week.\n"
           "• Engineers will inspect the old pier.\n"
           "Officials in Brussels said they would study the statement.\n")
    text, removed = clean(raw)
    assert removed == {}
    assert "• Engineers will inspect the old pier." in text.split("\n")


@pytest.mark.parametrize("line, opens", [
    ("PORTHAVEN, June 3 (Islewire) - The harbour authority said on Tuesday", True),
    ("Jun 3, 2025 09:10 GMT PORTHAVEN, June 3 (Islewire) - The harbour said", True),
    ("PORTHAVEN (Islewire) -- The harbour authority said on Tuesday that", True),
    ("Porthaven said on Tuesday that the ferry service would stop", False),
    ("PORTHAVEN, June 3 (Islewire) -", False),
])
def test_a_dateline_opening_a_line_of_wrapped_copy(line, opens):
    assert pageheader._opens_with_dateline(line) is opens


@pytest.mark.parametrize("line, rule", [
    ("Ada Example is the Harbour Gazette's transport correspondent.", "author bio"),
    ("Tomas Sample covers ports and shipping for the Gazette.", "author bio"),
    ("Ada Example is a former harbour pilot who teaches navigation in Porthaven.", "author bio"),
    ("Ben Sample '26 is a history major with a minor in maritime law.", "author bio"),
    ("Ada Example is a former harbour pilot. Views are personal.", "disclaimer"),
    ("The opinions expressed in this column are the author's own.", "disclaimer"),
    ("This conversation has been edited for length and clarity.", "editor's note"),
    ("Tomas Sample contributed reporting to this story.", "editor's note"),
    ("Editor's note: This story was updated with the council's reply.", "editor's note"),
])
def test_a_note_on_the_text_or_its_author_at_the_end_is_furniture(line, rule):
    removes(line, rule)


def test_a_note_on_the_text_is_furniture_at_the_top_too():
    removes("This story was updated on Tuesday with the council's reply.", "editor's note", where="top")


@pytest.mark.parametrize("line", [
    "Officials said the report had been edited by the ministry before it was published.",
    "The harbour master is a former pilot who said the pier was in poor shape for years.",
])
def test_sentences_near_note_wording_stay(line):
    text, removed = clean(BODY + "\n" + line + "\n")
    assert removed == {}


@pytest.mark.parametrize("line, rule", [
    ("Got a tip? Reply to this email and tell us.", "subscription appeal"),
    ("You are receiving this newsletter because you joined our harbour list.", "subscription appeal"),
    ("To unsubscribe, write STOP to the desk.", "subscription appeal"),
    ("We use cookies on this site. By staying, you accept them.", "consent notice"),
    ("By signing up you agree to our Terms of Use and Privacy Policy.", "consent notice"),
])
def test_newsletter_channel_lines_and_consent_notices_are_furniture(line, rule):
    removes(line, rule)


@pytest.mark.parametrize("line", [
    "The council said it would reply to this letter from the harbour board within a week.",
    "Regulators said the company had agreed to change its privacy policy after complaints.",
])
def test_sentences_about_letters_and_policies_stay(line):
    text, removed = clean(BODY + "\n" + line + "\n")
    assert removed == {}


@pytest.mark.parametrize("line", [
    "Link copied!", "Loading…", "Share on Mastodon | Post to Bluesky", "Print | Comments are closed.",
])
def test_widget_status_messages_and_share_buttons_for_any_network_are_buttons(line):
    removes(line, "share buttons")


def test_a_sentence_about_comments_closing_stays():
    text, removed = clean(BODY + "\nThe newspaper said comments are closed on stories about the trial.\n")
    assert removed == {}


def test_a_header_with_spaced_navigation_a_symbol_label_and_a_place_and_date_is_removed():
    raw = ("Harbour Gazette\nNews   Sport   Weather   Letters\n\u25cf LIVE\n"
           "Ferry halted as engineers inspect storm-hit pier\nThe council says repairs will take a week.\n"
           "Ada Example \u00b7 Tomas Sample\nPorthaven, 3 June 2025\n" + BODY)
    text, removed = clean(raw)
    assert removed == {"Harbour Gazette": "masthead or section", "News   Sport   Weather   Letters": "navigation",
                       "\u25cf LIVE": "masthead or section",
                       "Ferry halted as engineers inspect storm-hit pier": "headline",
                       "The council says repairs will take a week.": "standfirst",
                       "Ada Example \u00b7 Tomas Sample": "masthead or section",
                       "Porthaven, 3 June 2025": "print date"}
    assert text == BODY.replace("\n\n", "\n").strip()


def test_a_byline_with_a_reading_time_anchors_the_header():
    raw = ("Ferry halted as engineers inspect storm-hit pier\nThe council says repairs will take a week.\n"
           "By Ada Example  June 3, 2025  |  4 min read\n\n" + LONG_BODY)
    text, removed = clean(raw)
    assert removed == {"Ferry halted as engineers inspect storm-hit pier": "headline",
                       "The council says repairs will take a week.": "standfirst",
                       "By Ada Example  June 3, 2025  |  4 min read": "byline"}


def test_without_an_anchor_the_first_lines_stay():
    raw = "Harbour news\nThe council says repairs will take a week.\n" + BODY
    text, removed = clean(raw)
    assert "The council says repairs will take a week." in text.split("\n")


@pytest.mark.parametrize("line", [
    "The Harbour Gazette is funded by readers. Become a supporting member for \u00a33 a month.",
    "Keep local news going. Join the supporters' club from \u20ac2.50 a month.",
])
def test_an_imperative_appeal_with_a_price_is_furniture(line):
    removes(line, "appeal")


def test_a_sentence_with_a_price_and_no_imperative_stays():
    text, removed = clean(BODY + "\nThe new ferry pass will cost \u00a33 a month, the council said.\n")
    assert removed == {}


def test_a_numbered_heading_inside_the_article_is_furniture():
    raw = (BODY + "\n2. What the harbour board wants from the council now\n"
           "The board said it would ask for a second crossing from the north pier.\n")
    text, removed = clean(raw)
    assert removed == {"2. What the harbour board wants from the council now": "no sentence"}


def test_arrow_links_under_a_label_are_a_summary_box():
    raw = (BODY + "\nElsewhere\n\u2192 Our guide: the old pier, in one page\n\u2192 A timeline of the ferry service, 1950-2020\n"
           "\nThe board said it would ask for a second crossing from the north pier.\n")
    text, removed = clean(raw)
    assert {line: rule for line, rule in removed.items() if rule == "summary box"} == {
        "\u2192 Our guide: the old pier, in one page": "summary box",
        "\u2192 A timeline of the ferry service, 1950-2020": "summary box"}
    assert "The board said it would ask for a second crossing from the north pier." in text


def test_a_credit_byline_and_a_two_sentence_standfirst_anchor_and_end_the_header():
    raw = ("FEATURE\nThe pier is closing. Here is why.\nA storm in January did more damage than first thought.\n"
           "Words by Ada Example\n\n" + LONG_BODY)
    text, removed = clean(raw)
    assert removed == {"FEATURE": "masthead or section", "The pier is closing. Here is why.": "headline",
                       "A storm in January did more damage than first thought.": "standfirst",
                       "Words by Ada Example": "byline"}


def test_a_reading_time_alone_anchors_the_header():
    raw = "EXPLAINER\nWhy is the pier closing, and for how long?\n4 min read\n\n" + LONG_BODY
    text, removed = clean(raw)
    assert removed == {"EXPLAINER": "masthead or section", "Why is the pier closing, and for how long?": "headline",
                       "4 min read": "print date"}


# -- furniture known by its place among the lines (ingest.furniture_layout) --------------

def test_a_reference_list_of_back_links_is_furniture():
    raw = (BODY + "\nNotes\n^ \"Harbour board votes on second crossing\". Coastline Courier.\n"
           "^ Minutes of the harbour board, spring session.\n")
    text, removed = clean(raw)
    assert removed == {"Notes": "no sentence",
                       "^ \"Harbour board votes on second crossing\". Coastline Courier.": "footnote",
                       "^ Minutes of the harbour board, spring session.": "footnote"}
    assert text == BODY.replace("\n\n", "\n").strip()


def test_one_line_opening_with_a_caret_stays():
    keeps("^ The council said the figure was a typing error in its own report.")


def test_numbered_notes_after_the_text_are_furniture():
    raw = (LONG_BODY + "\n1 Harbour board, annual report, 3 March 2024.\n2 Interview with the port captain, 9 May 2024.\n"
           "3 Council minutes, 12 June 2024.\n")
    text, removed = clean(raw)
    assert removed == {"1 Harbour board, annual report, 3 March 2024.": "footnote",
                       "2 Interview with the port captain, 9 May 2024.": "footnote",
                       "3 Council minutes, 12 June 2024.": "footnote"}


def test_numbers_out_of_sequence_are_no_note_list():
    raw = (LONG_BODY + "\n4 Ferry crews walked out on Friday over the new rota.\n"
           "2 Ferry crews returned to work on Monday after talks.\n")
    text, removed = clean(raw)
    assert removed == {}


def test_a_running_head_and_its_page_numbers_are_furniture():
    head = "Report of the Harbour Board to the Council, No. 7 | Spring"
    raw = (BODY + "\nThe harbour board met on Monday to discuss the second crossing from the\n"
           + head + "\n1\nnorth pier, which the council has asked for.\n"
           "The board said it would answer in May, after the survey of the old\n"
           + head + "\n2\npier, which is due to begin next week.\n")
    text, removed = clean(raw)
    # (a page number alone is no sentence by the evidence rule already)
    assert removed == {head: "running head", "1": "no sentence", "2": "no sentence"}
    assert "second crossing from the north pier, which the council has asked for." in text
    assert "after the survey of the old pier, which is due to begin next week." in text


def test_a_line_with_a_number_said_once_stays():
    raw = BODY + "\nThe board met on 3 May and again on 9 May\nto vote on the second crossing.\n"
    text, removed = clean(raw)
    assert removed == {}


def test_related_headlines_between_furniture_are_a_link_list():
    raw = ("The harbour board said on Monday that it would ask the council for a second crossing from the north "
           "pier, after a survey found that the old one was safe for another ten years at most.\n\n"
           + LONG_BODY + "\nShare\nMore on this story\nThe council wants a second crossing to the pier by the end of the decade\n"
           "Harbour board: the pier is safe for another ten years\nAdvertisement\n"
           "The pier itself was built in the spring of 1891 by the harbour company, and it was last repaired "
           "after the storms of the winter of 1987, when the council paid for a new deck.\n")
    text, removed = clean(raw)
    assert removed == {"Share": "share buttons", "More on this story": "no sentence",
                       "The council wants a second crossing to the pier by the end of the decade": "link list",
                       "Harbour board: the pier is safe for another ten years": "link list",
                       "Advertisement": "share buttons"}
    assert text.endswith("when the council paid for a new deck.")


def test_a_subhead_between_paragraphs_of_the_article_stays_text():
    raw = (BODY + "\nWhat the crews want from the harbour board and the council\n"
           "The crews said they would ask for a second boat on the evening run.\n")
    text, removed = clean(raw)
    assert "What the crews want from the harbour board and the council" not in removed


def test_labels_ending_in_a_colon_over_furniture_are_furniture():
    # "Share:" and "More links:" over link headlines at the foot of the page go; a label over a
    # paragraph of prose ("What the crews said:") stays
    raw = (LONG_BODY + "\nWhat the crews said:\nThe union said the vote had been close, with most crews in favour.\n"
           "Share:\nMore links:\nHarbour board picks a builder for the second crossing\n"
           "Ferry timetable for the islands this winter\n")
    text, removed = clean(raw)
    assert removed == {"Share:": "no sentence", "More links:": "no sentence",
                       "Harbour board picks a builder for the second crossing": "no sentence",
                       "Ferry timetable for the islands this winter": "no sentence"}
    assert "What the crews said:" in text


def test_a_headline_above_its_source_and_age_is_a_link_list():
    raw = (LONG_BODY + "\nThe board says it will build a second crossing to the north pier\nCoastline Courier \u00b7 3h ago\n"
           "The board voted seven to two in favour after a long debate.\n")
    text, removed = clean(raw)
    assert removed == {"The board says it will build a second crossing to the north pier": "link list",
                       "Coastline Courier \u00b7 3h ago": "no sentence"}
    assert "The board voted seven to two in favour after a long debate." in text


def test_a_live_blog_entry_title_under_its_time_stamp_is_a_link_list():
    raw = (LONG_BODY + "\n16.20 BST\nThe ferry crews say they will go back to work on the Monday run\n"
           "The union said the vote had been close, with most crews in favour.\n")
    text, removed = clean(raw)
    assert removed == {"16.20 BST": "no sentence",
                       "The ferry crews say they will go back to work on the Monday run": "link list"}


def test_caption_lines_of_a_video_transcript_under_time_stamps_are_story_text():
    # a caption line under its time stamp whose sentence goes on in the next line (in lower
    # case, perhaps past another time stamp) is no headline of a list of links; the time stamps
    # are furniture even inside a sentence, which is rejoined
    raw = (LONG_BODY + "\nTranscript\n0:00\nThe harbour board says it will close the old pier\n"
           "for a week from Monday.\n0:07\nThe crews told the board in June that the deck was unsafe,\n"
           "0:12\nand the survey found cracks in three of the piles.\n0:18\n"
           "Engineers from the city wrote that the repairs would take\n0:23\nuntil the end of August.\n")
    text, removed = clean(raw)
    assert removed == {"Transcript": "no sentence", "0:00": "no sentence", "0:07": "no sentence",
                       "0:12": "no sentence", "0:18": "no sentence", "0:23": "no sentence"}
    assert "The harbour board says it will close the old pier for a week from Monday." in text
    assert ("The crews told the board in June that the deck was unsafe, and the survey found cracks in "
            "three of the piles.") in text
    assert "Engineers from the city wrote that the repairs would take until the end of August." in text


@pytest.mark.parametrize("line, expected", [
    ("Coastline Courier \u00b7 3h ago", True), ("The Pier Post | 2 days ago", True),
    ("By Ada Example | 4 May 2024", True), ("Coastline Courier said it three days ago", False),
])
def test_a_source_line_of_a_list_of_links(line, expected):
    assert furniture_layout._is_source_line(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("Why did the ferry stop on the north pier?", True), ("Harbour board: the U.S. Navy pier stays", True),
    ("The pier closed. The ferry did not run", False), ("The board met on Monday.", False),
    ("the ferry ran late again", False),
])
def test_a_headline_of_a_list_of_links(line, expected):
    assert furniture_layout._is_headline_like(line) is expected


def test_a_caption_above_its_credit_is_furniture():
    raw = (LONG_BODY + "\nFerry crews on the north pier at dawn, waiting for the first boat of the season\n"
           "Ada Example / Harbour Post\n\nThe board said it would answer in May.\n")
    text, removed = clean(raw)
    assert removed["Ferry crews on the north pier at dawn, waiting for the first boat of the season"] == "photo caption"
    assert "The board said it would answer in May." in text


def test_a_caption_broken_over_two_lines_above_its_credit_is_furniture():
    raw = (LONG_BODY + "\nThe old pier seen from the harbour wall, where the council wants a second crossing to\n"
           "be built before the end of the decade.\nPhoto: Harbour Post archive\n\nThe board said it would answer in May.\n")
    text, removed = clean(raw)
    assert removed["The old pier seen from the harbour wall, where the council wants a second crossing to"] == "photo caption"
    assert removed["be built before the end of the decade."] == "photo caption"


def test_a_paragraph_of_the_article_above_a_credit_stays():
    raw = (LONG_BODY + "\nThe board said it would ask for a second crossing from the north pier.\n"
           "Photo: Harbour Post archive\n\nThe survey is due to begin next week.\n")
    text, removed = clean(raw)
    assert "The board said it would ask for a second crossing from the north pier." in text
    assert "The board said it would ask for a second crossing from the north pier." not in removed


def test_the_line_under_a_caption_label_is_the_caption():
    raw = (LONG_BODY + "\nImage caption,\nThe harbour master inspects the old pier. The council wants it closed by May\n"
           "\nThe survey is due to begin next week.\n")
    text, removed = clean(raw)
    assert removed == {"Image caption,": "no sentence",
                       "The harbour master inspects the old pier. The council wants it closed by May": "photo caption"}


@pytest.mark.parametrize("line", ["Type your email...", "Write a comment\u2026", "Search the archive..."])
def test_a_form_placeholder_is_furniture(line):
    raw = LONG_BODY + "\n" + line + "\n\nThe survey is due to begin next week.\n"
    text, removed = clean(raw)
    assert removed == {line: "share buttons"}


def test_a_sentence_trailing_off_stays():
    raw = LONG_BODY + "\n\"We will see what the board says, and then...\"\n\nThe survey is due to begin next week.\n"
    text, removed = clean(raw)
    assert removed == {}


def test_a_headline_under_a_label_of_links_is_a_link_list():
    raw = (LONG_BODY + "\nRead also\nThe harbour board says the old pier will stay open for another summer\n"
           "\nThe survey is due to begin next week.\n")
    text, removed = clean(raw)
    assert removed == {"Read also": "no sentence",
                       "The harbour board says the old pier will stay open for another summer": "link list"}


@pytest.mark.parametrize("line, rule", [
    ("Media caption, The harbour master walks the old pier before the survey", "photo caption"),
    ("Image source, Harbour Post archive", "photo caption"),
    ("Harbour Radio News. Copyright 2024 Harbour Media Ltd. We are not responsible for other sites.", "copyright notice"),
    ("Theme tune by Ada Example, licensed under CC BY 4.0.", "copyright notice"),
    ("Text is available under the Creative Commons Attribution License; other terms may apply.", "copyright notice"),
    ("Get the Harbour Weekly newsletter: the pier news, every Friday.", "subscription appeal"),
    ("Continue reading in our archive, or subscribe for full access.", "subscription appeal"),
    ("Try Harbour Plus: all our stories for \u00a31 a week in the first year.", "appeal"),
    ("This page was last edited on 3 May 2024, at 10:15.", "editor's note"),
])
def test_notices_appeals_and_caption_labels_of_this_round(line, rule):
    removes(line, rule)


@pytest.mark.parametrize("line", [
    "The song, written in 1962, fell out of copyright in 2020, the court said.",
    "The museum licensed the photographs under a new agreement with the council.",
    "Get ready, the council said, for a long summer of roadworks on the pier.",
    "Media reports said the ferry had been sold to a company in the north.",
])
def test_sentences_near_those_notices_stay(line):
    keeps(line)


def test_a_reading_time_with_its_label_anchors_the_header():
    raw = "EXPLAINER\nWhy is the pier closing, and for how long?\nTime to read 4 min.\n\n" + LONG_BODY
    text, removed = clean(raw)
    assert removed == {"EXPLAINER": "masthead or section", "Why is the pier closing, and for how long?": "headline",
                       "Time to read 4 min.": "print date"}


@pytest.mark.parametrize("ending", ["[4]", "[12][13]", " \U0001f9f5", " [880231]"])
def test_a_paragraph_ending_in_reference_marks_or_an_emoji_is_prose(ending):
    para = ("The harbour board met on Monday and voted to close the old pier to cars "
            "from the first of May, after a survey found cracks in the deck." + ending)
    raw = LONG_BODY + "\n" + para + "\n"
    text, removed = clean(raw)
    assert removed == {}
    assert para in text


def test_a_question_with_its_speaker_and_time_is_no_subhead():
    raw = (BODY + "\nAda (14:02): Is the pier safe for the summer?\n\n"
           "Tom (14:03): The survey says it is, for now, but not for long.\n")
    text, removed = clean(raw)
    assert removed == {}


def test_a_note_of_the_outlet_on_itself_at_the_foot_is_furniture():
    raw = ("Harbour Radio\n\n" + LONG_BODY + "\nShare\nAdvertisement\n"
           "Harbour Radio is funded by its listeners and takes no money from the council.\n"
           "Privacy | Terms\nAdvertisement\nOur comments are moderated before they appear.\n")
    text, removed = clean(raw)
    assert not h.is_hard_wrapped(raw)
    assert removed == {"Harbour Radio": "no sentence", "Share": "share buttons", "Advertisement": "share buttons",
                       "Harbour Radio is funded by its listeners and takes no money from the council.": "outlet note",
                       "Privacy | Terms": "no sentence",
                       "Our comments are moderated before they appear.": "outlet note"}


def test_the_outlet_named_in_the_last_paragraph_of_the_article_stays():
    raw = ("Harbour Radio\n\n" + LONG_BODY
           + "\nAdvertisement\nHarbour Radio asked the council for a comment but had not heard back by Monday.\nShare\n")
    text, removed = clean(raw)
    assert "Harbour Radio asked the council for a comment but had not heard back by Monday." in text


LONG_PARAGRAPH = ("The harbour board said on Monday that it would ask the council for a second crossing from the "
                  "north pier, after a survey found that the old one was safe for another ten years at most.")


def test_a_long_standfirst_above_the_byline_is_furniture():
    standfirst = ("For forty years the old pier carried the ferry to the islands. Then, one winter, the sea "
                  "took a piece of it. How a harbour learned to live without its crossing, and what comes next.")
    raw = ("THE HARBOUR REVIEW\nLONG READ\nThe winter the pier gave way\n" + standfirst
           + "\nWords by Ada Example\n4 May 2024\n\n" + LONG_BODY + "\n" + LONG_PARAGRAPH + "\n")
    text, removed = clean(raw)
    assert not h.is_hard_wrapped(raw)
    assert removed[standfirst] == "standfirst"
    assert text.startswith("The ministry said on Monday")


def test_a_gallery_caption_with_its_counter_and_its_text_again_is_furniture():
    # "Photo 2 of 9." opens a caption; the line under it repeating the caption without its
    # counter is the same caption; a sentence that only mentions photos stays
    raw = ("Photo 2 of 9. Crews on the north pier at dusk.\nCrews on the north pier at dusk.\n\n"
           + BODY + "\nThe crews sent the board 2 of 9 photos they had taken of the cracks.\n")
    text, removed = clean(raw)
    assert removed == {"Photo 2 of 9. Crews on the north pier at dusk.": "photo caption",
                       "Crews on the north pier at dusk.": "photo caption"}
    assert text == (BODY.replace("\n\n", "\n")
                    + "The crews sent the board 2 of 9 photos they had taken of the cracks.")


def test_a_standfirst_above_the_pages_own_published_line_is_furniture():
    # "This story was published on ..." is the page's printed date, an anchor of the header,
    # though no other rule has removed it; a bare date under a first paragraph is not one
    standfirst = ("The harbour board wants a second crossing from the north pier. The crews say they "
                  "were never asked.")
    raw = ("THE HARBOUR REVIEW\nNews | Coast | Islands\nThe pier that will not close\n" + standfirst
           + "\nThis story was published on 4 May 2024 - 09:15\nShare\n\n" + LONG_BODY + "\n" + LONG_PARAGRAPH + "\n")
    text, removed = clean(raw)
    assert removed[standfirst] == "standfirst"
    assert removed["This story was published on 4 May 2024 - 09:15"] == "print date"
    assert text.startswith("The ministry said on Monday")


@pytest.mark.parametrize("line, expected", [
    ("This article was published on 4 May 2024 - 09:15", True),
    ("The page was last updated 5 June 2024, 18:02", True),
    ("This content was published on the harbour board's site on 4 May 2024", False),
    ("4 May 2024", False),
])
def test_the_page_naming_its_own_printed_date(line, expected):
    assert pageheader._is_self_dated(line) is expected


def test_a_first_paragraph_with_no_byline_under_it_stays():
    first = ("The harbour board voted on Monday to close the old pier to cars from the first of May, "
             "after a survey found cracks in the deck.")
    raw = ("THE HARBOUR REVIEW\nThe winter the pier gave way\n" + first + "\nAdvertisement\n\n" + LONG_BODY
           + "\n" + LONG_PARAGRAPH + "\n")
    text, removed = clean(raw)
    assert not h.is_hard_wrapped(raw)
    assert first in text


def test_a_first_paragraph_above_a_date_of_the_text_stays():
    first = ("The harbour board voted on Monday to close the old pier to cars from the first of May, "
             "after a survey found cracks in the deck, and said it would ask the council for the money "
             "to build a second crossing from the north pier.")
    raw = ("THE HARBOUR REVIEW\nThe winter the pier gave way\nBy Ada Example\n\n" + first + "\n4 May 2024\n"
           + LONG_BODY + "\n" + LONG_PARAGRAPH + "\n")
    text, removed = clean(raw)
    assert not h.is_hard_wrapped(raw)
    assert first in text and "4 May 2024" in text


def test_a_salutation_alone_among_the_first_lines_is_a_greeting():
    raw = ("From: Harbour Weekly <news@harbour.example>\nDate: 4 May 2024\nGood morning,\n"
           + LONG_BODY + "\n" + LONG_PARAGRAPH + "\n")
    text, removed = clean(raw)
    assert removed["Good morning,"] == "greeting"
    assert text.startswith("The ministry said on Monday")


def test_a_greeting_with_a_sentence_after_it_stays():
    raw = ("HARBOUR WEEKLY\nGood morning, and welcome to the summer issue of the newsletter.\n"
           + LONG_BODY + "\n" + LONG_PARAGRAPH + "\n")
    text, removed = clean(raw)
    assert "Good morning, and welcome to the summer issue of the newsletter." in text


def test_a_disclaimer_under_its_label_is_furniture():
    removes("Disclaimer: This page is put together from a feed and was not checked by our editors.", "disclaimer")


def test_a_header_of_fourteen_lines_is_found_to_its_printed_date():
    top = ["Skip to main content", "Menu", "Search", "Subscribe | Log in", "THE HARBOUR HERALD",
           "News   Sport   Weather   Opinion", "Porthaven 14\u00b0C Sunny", "Saturday, 4 May 2024", "LOCAL",
           "The pier closes to cars, and the islands wait for a second crossing",
           "The board says the old deck has cracks that cannot wait for the summer season.",
           "By Ada Example", "4 May 2024, 07:40 | Updated 10:05"]
    raw = "\n".join(top) + "\n" + LONG_BODY + "\n" + LONG_PARAGRAPH + "\n"
    text, removed = clean(raw)
    assert set(removed) == set(top)
    assert removed["4 May 2024, 07:40 | Updated 10:05"] == "print date"


def test_the_detected_headline_is_no_navigation_line_or_time_stamp():
    raw = ("Home | Harbour | Islands | Weather\n04.05.2024, 07:40 (updated 10:05)\n"
           "Harbour board closes the old pier to cars\n\n" + LONG_BODY + "\n" + LONG_PARAGRAPH + "\n")
    _text, edits = h.clean_text(raw)
    assert h.detected_title(edits) == "Harbour board closes the old pier to cars"


def test_a_timeline_of_days_is_no_note_list_and_no_running_head():
    raw = (LONG_BODY + "\n" + LONG_PARAGRAPH + "\nHow the week went\n"
           "3 May 2024\nThe harbour board met in the town hall and heard the survey.\n"
           "4 May 2024\nThe council agreed to pay for a second crossing.\n"
           "5 May: The board closed the old pier to cars for the summer.\n"
           "6 May: The first ferry ran from the north pier at dawn.\n")
    text, removed = clean(raw)
    for line in ("3 May 2024", "4 May 2024", "5 May: The board closed the old pier to cars for the summer.",
                 "6 May: The first ferry ran from the north pier at dawn."):
        assert line not in removed and line in text


def test_a_numbered_list_with_the_article_going_on_below_it_is_no_note_list():
    raw = (LONG_BODY + "\n" + LONG_PARAGRAPH + "\nWhat the board decided\n"
           "1 The old pier closes to cars on 1 May\n2 A second crossing will be built from the north pier\n"
           "The council will vote on the money for the crossing in June, the board said.\n")
    text, removed = clean(raw)
    assert "1 The old pier closes to cars on 1 May" not in removed
    assert "2 A second crossing will be built from the north pier" not in removed


def test_an_author_bio_in_the_present_perfect_is_furniture():
    raw = LONG_BODY + "\nAda Example has covered the islands and their ferries for the Harbour Post since 2019.\n"
    text, removed = clean(raw)
    assert removed == {"Ada Example has covered the islands and their ferries for the Harbour Post since 2019.":
                       "author bio"}


def test_a_sentence_on_what_a_paper_has_covered_stays():
    keeps("The Harbour Post has covered the story since the first survey in March.")


def test_a_second_turn_opening_with_the_same_label_and_address_is_no_repeat():
    first = ("Pia Example, Deputy Minister of Coastal Affairs. \u2013 Mr Speaker, the harbour authority "
             "told us on 3 March that the northern breakwater could not be repaired before winter.")
    second = ("Pia Example, Deputy Minister of Coastal Affairs. \u2013 Mr Speaker, I thank the House "
              "for its patience tonight.")
    text, removed = clean(first + "\n\n" + LONG_BODY + "\n" + second + "\n")
    assert removed == {}, removed
    assert second in text


def test_the_first_turn_of_a_transcript_is_no_dateline_and_ends_the_header():
    raw = ("MARSHVIEW FORUM\n"
           "Events | Podcasts | About\n"
           "Transcript: Who pays for the new ferry?\n"
           "This transcript was made by a machine and checked by our staff.\n\n"
           "TOM EXAMPLE (HOST): Welcome, everyone, and thank you for joining us this evening "
           "to talk about the ferry contract.\n\n"
           "GRANT: The council signed it in a hurry, and the bill for the islands will come "
           "later than anyone admits.\n\n"
           "TOM EXAMPLE: Ada, do the islanders see it the same way at all?\n\n"
           "ADA: Mostly they do, although the fishermen say the new timetable suits them "
           "better than the old one did.\n")
    text, removed = clean(raw)
    assert text.startswith("TOM EXAMPLE (HOST): Welcome, everyone"), text
    assert "This transcript was made by a machine and checked by our staff." in removed, removed
    assert "TOM EXAMPLE (HOST):" not in removed, removed


def test_a_printed_table_of_contents_with_dot_leaders_is_furniture():
    raw = ("C O N T E N T S\n\n"
           "----------\n"
           "Example, Hon. Ada R., Minister for the Islands.........     1\n"
           "Grant, Dr. Tom, Harbour Engineer, Port Authority of\n"
           "  the Northern Isles, Kirkwall....................     3\n\n"
           "The minister opened the sitting at ten and read her statement to the committee.\n")
    lines = furniture_layout._lines(raw)
    assert furniture_layout._contents_lines(raw, lines) == {1, 2, 3, 4}
    text, removed = clean(raw)
    assert text == "The minister opened the sitting at ten and read her statement to the committee.", text


def test_one_line_ending_in_a_number_after_dots_is_no_table_of_contents():
    raw = ("The count went on and on.. 12\n"
           "and the clerk wrote down every number she heard in the hall.\n\n"
           "By the evening the tally stood at... 40\n")
    assert furniture_layout._contents_lines(raw, furniture_layout._lines(raw)) == set()


def test_a_box_under_an_about_label_at_the_foot_of_the_page_is_furniture():
    box = ("ABOUT THE GUEST\n"
           "Ada Example is reader in maritime law at the Kirkwall School of Shipping.\n"
           "She sat on the ferry board from 2015 to 2021.\n")
    text, removed = clean(LONG_BODY + "\n" + box + "\nThis chat has been edited for length.\n")
    label, *bio = box.splitlines()
    assert label in removed, removed            # the label alone is no sentence anyway
    for line in bio:
        assert removed.get(line) == "author bio", removed
    assert text == LONG_BODY.replace("\n\n", "\n").strip(), text


def test_a_sentence_opening_with_about_and_a_long_run_under_a_label_stay():
    tail = ("About the harbour\n" + "\n".join(
        f"Line {k} of the report says the pier at the harbour is shut until repairs end." for k in range(9)) + "\n")
    text, removed = clean(LONG_BODY + "\nAbout the only thing left is talk, the mayor said.\n\n" + tail)
    assert "About the only thing left is talk, the mayor said." in text
    assert not any(rule == "author bio" for rule in removed.values()), removed


def test_a_paragraph_wholly_in_square_brackets_is_an_editors_note():
    note = "    [The written answers of Ms. Example are kept in the\nharbour board's files.]"
    raw = LONG_BODY + "\n" + note + "\n\n" + "Ms. EXAMPLE. The pier will open again in June, as the board has promised.\n"
    text, removed = clean(raw)
    assert removed == {"[The written answers of Ms. Example are kept in the": "editor's note",
                       "harbour board's files.]": "editor's note"}, removed
    assert text.endswith("Ms. EXAMPLE. The pier will open again in June, as the board has promised."), text


def test_a_bracket_inside_a_paragraph_stays():
    raw = LONG_BODY + "\n[He] told the board that the pier would open again in June [2026].\n"
    text, removed = clean(raw)
    assert removed == {}, removed


SCREENPLAY = ("Harbour Radio | Transcripts\n\n"
              "ADA EXAMPLE, HARBOUR RADIO HOST\n"
              "Good evening. The ferry board voted today to close the north pier for the winter.\n\n"
              "BRAN SAMPLE, FORMER PIER WARDEN\n"
              "It was overdue. The pilings have been rotten since the storm of 2019.\n\n"
              "EXAMPLE\n"
              "So who pays for the repairs?\n\n"
              "SAMPLE\n"
              "The county, in the end, though the board will argue about it until spring.\n\n"
              "CARA TESTER, BOARD CHAIR (through interpreter)\n"
              "We will publish the costs next month, and the town can judge them then.\n\n"
              "EXAMPLE\n"
              "Is there any chance the pier opens before June?\n\n"
              "SAMPLE\n"
              "None at all, and anyone who says otherwise has not walked the boards.\n")


def test_the_speaker_labels_and_short_question_turns_of_a_screenplay_transcript_stay():
    text, removed = clean(SCREENPLAY)
    for label in ("ADA EXAMPLE, HARBOUR RADIO HOST", "EXAMPLE", "SAMPLE",
                  "CARA TESTER, BOARD CHAIR (through interpreter)"):
        assert label in text.split("\n"), text
    assert "So who pays for the repairs?" in text.split("\n"), removed
    assert "Is there any chance the pier opens before June?" in text.split("\n"), removed
    assert furniture_turns.screenplay_turn_lines(SCREENPLAY)[:2] == [(29, 60), (61, 142)]


PODCAST = ("Harbour Hour\nEpisodes  About  Subscribe\nTranscript\n"
           "Bisi Okonjo  00:04\nWelcome back. Lio, what went wrong at the quay this winter?\n"
           "Lio Vanter  00:11\nThe pilings rotted, and we had warned the board about them for years.\n"
           "Bisi Okonjo  00:40\nWho pays?\n"
           "Lio Vanter  00:42\nThe county, in the end, though the board will argue about it until spring.\n"
           "Bisi Okonjo  01:05\nAnd when does it open?\n"
           "Lio Vanter  01:07\nNot before June, and anyone who says otherwise has not walked the boards.\n")


def test_a_name_and_time_stamp_line_over_each_turn_is_a_label_that_cleaning_keeps():
    text, removed = clean(PODCAST)
    lines = text.split("\n")
    for kept in ("Bisi Okonjo 00:40", "Who pays?", "Lio Vanter 01:07", "And when does it open?"):
        assert kept in lines, removed
    assert furniture_turns.line_labels(PODCAST.split("\n"))[3] == "Bisi Okonjo:"
    # the reader reads the label lines cleaning keeps, one detector for both
    assert sorted(furniture_turns.line_labels(lines).values()) == sorted(
        furniture_turns.line_labels(PODCAST.split("\n")).values())


def test_a_stamp_and_name_line_over_each_turn_is_a_label_that_cleaning_keeps():
    raw = PODCAST.replace("Bisi Okonjo  00:04", "00:04  Bisi Okonjo").replace("Lio Vanter  00:11", "00:11  Lio Vanter") \
        .replace("Bisi Okonjo  00:40", "00:40  Bisi Okonjo").replace("Lio Vanter  00:42", "00:42  Lio Vanter")
    lines = clean(raw)[0].split("\n")
    for kept in ("00:40 Bisi Okonjo", "Who pays?", "00:42 Lio Vanter"):
        assert kept in lines
    assert furniture_turns.line_labels(raw.split("\n"))[3] == "Bisi Okonjo:"


def test_name_and_time_lines_whose_times_run_back_are_a_live_pages_entries_not_labels():
    lines = ["Bisi Okonjo  11:20", "The board met again and the quay stays shut.",
             "Lio Vanter  10:58", "Cranes arrived late in the week.",
             "Bisi Okonjo  10:31", "The warden closed the gate.",
             "Lio Vanter  09:47", "Rain is expected until Friday."]
    assert furniture_turns.line_labels(lines) == {}
    # the same lines in the order of a recording are a transcript's labels
    rising = lines[6:8] + lines[4:6] + lines[2:4] + lines[0:2]
    assert furniture_turns.line_labels(rising) == {0: "Lio Vanter:", 2: "Bisi Okonjo:", 4: "Lio Vanter:",
                                                   6: "Bisi Okonjo:"}


def test_one_recurring_capital_line_over_paragraphs_makes_no_transcript():
    raw = ("ADVERTISEMENT\nThe ferry board voted today to close the north pier for the winter.\n\n"
           "ADVERTISEMENT\nThe pilings have been rotten since the storm of 2019, the warden said.\n\n"
           "HARBOUR NEWS\nWho pays for the repairs?\n")
    assert furniture_turns.screenplay_turn_lines(raw) == []
    assert furniture_turns.screenplay_turn_lines(SCREENPLAY.replace("SAMPLE\n", "Sample\n")) == []


def test_recurring_capital_heads_that_do_not_take_turns_make_no_transcript():
    entry = "The ferry board met again this morning and the pier stays shut for now.\n\n"
    raw = "".join(f"{head}\n{entry}" for head in ("UPDATE", "UPDATE", "UPDATE", "BREAKING", "BREAKING", "UPDATE"))
    assert furniture_turns.screenplay_turn_lines(raw) == []
    text, removed = clean(LONG_BODY + "\n" + raw)
    assert removed.get("UPDATE") == "no sentence", removed


# -- readers' comments under the story (ingest.furniture_comments) ------------------------

def test_readers_comments_at_the_foot_of_the_page_are_furniture():
    raw = (BODY + "\n2 comments\nOla Brennick\n3 May 2025 at 7:05 pm\nThe ferry was late again this morning.\nReply\n"
           "tidewatcher_42 | May 4, 2025 8:10am\nGood to see the pier finally fixed.\nReply\n")
    text, removed = clean(raw)
    # (the head on one line is a meta line by the line rules already)
    assert removed == {"2 comments": "share buttons", "Ola Brennick": "no sentence", "Reply": "no sentence",
                       "3 May 2025 at 7:05 pm": "reader comment",
                       "The ferry was late again this morning.": "reader comment",
                       "tidewatcher_42 | May 4, 2025 8:10am": "meta line",
                       "Good to see the pier finally fixed.": "reader comment"}
    assert text == BODY.replace("\n\n", "\n").strip()


def test_one_stamped_paragraph_or_stamps_above_story_text_stay():
    # one comment alone is no thread; a live blog's stamped entries with text below them stay
    one = BODY + "\nOla Brennick\n3 May 2025 at 7:05 pm\nThe ferry was late again this morning.\nReply\n"
    assert "The ferry was late again this morning." in clean(one)[0]
    blog = ("Ola Brennick\n3 May 2025 at 7:05 pm\nThe ferry was late again this morning.\nReply\n"
            "Ada Example\n3 May 2025 at 8:15 pm\nThe council said the pier would reopen in June.\nReply\n" + BODY)
    text, removed = clean(blog)
    assert "reader comment" not in removed.values()
    assert "The council said the pier would reopen in June." in text


@pytest.mark.parametrize("line, stamp, commenter", [
    ("3 May 2025 at 7:05 pm", True, False), ("May 4, 2025", True, False), ("2w", True, False),
    ("Ola Brennick", False, True), ("tidewatcher_42", False, True), ("Share", False, False),
    ("The ferry was late again.", False, False)])
def test_comment_stamps_and_commenters(line, stamp, commenter):
    assert furniture_comments._is_stamp(line) is stamp
    assert furniture_comments._is_commenter(line) is commenter


# -- numbered references with quoted titles; a table of contents on screen (furniture_layout) --

def test_numbered_references_with_quoted_titles_at_the_foot_are_footnotes():
    raw = (LONG_BODY + "\nSources\n"
           '1. "Harbour board annual report". Harbour Post. Accessed 2024-05-03.\n'
           '2. "Ferry timetable for the summer." Island Council.\n')
    text, removed = clean(raw)
    assert removed['1. "Harbour board annual report". Harbour Post. Accessed 2024-05-03.'] == "footnote"
    assert removed['2. "Ferry timetable for the summer." Island Council.'] == "footnote"
    assert "Harbour Post. Accessed" not in text


def test_numbered_quotations_with_their_speakers_stay():
    raw = (LONG_BODY + "\n" + '1. "We will open the pier in May," the harbour master said.\n'
           '2. "The crossing is safe," said the captain.\n')
    text, removed = clean(raw)
    assert removed == {}
    assert '"The crossing is safe," said the captain.' in text


def test_a_numbered_table_of_contents_whose_headings_head_sections_is_navigation():
    raw = (LONG_PARAGRAPH + "\nContents\n1 2022\n2 2023\n2.1 The new pier\n3 Notes\n"
           "2022[edit]\n" + LONG_BODY + "\n2023\n" + LONG_PARAGRAPH + "\nThe new pier\n"
           "The council opened the new pier to foot passengers in the autumn of that year.\n")
    text, removed = clean(raw)
    # (entries with letters are "no sentence" by the line rules already)
    assert {line: removed[line] for line in ("1 2022", "2 2023", "2.1 The new pier", "3 Notes")} == {
        "1 2022": "navigation", "2 2023": "navigation", "2.1 The new pier": "no sentence", "3 Notes": "no sentence"}
    assert "The council opened the new pier to foot passengers in the autumn of that year." in text
    assert _furniture_layout_contents(["1 Dogs", "2 Cats", "Dogs", "Cats"]) == {0, 1}


def test_a_numbered_list_whose_items_head_no_sections_is_no_table_of_contents():
    assert _furniture_layout_contents(["1 Dogs", "2 Cats", "The dogs ran off.", "Cats (all of them)"]) == set()
    assert _furniture_layout_contents(["2 Dogs", "3 Cats", "Dogs", "Cats"]) == set()
    assert _furniture_layout_contents(["1 Dogs ran off.", "2 Cats", "Dogs ran off.", "Cats"]) == set()


def _furniture_layout_contents(texts):
    lines, pos = [], 0
    for t in texts:
        lines.append((pos, pos + len(t), t))
        pos += len(t) + 1
    return furniture_layout._numbered_contents_lines(lines)


# -- a briefing's bare "Q" questions and a mail quoted in a reply are no subheads (cleaning) --

def test_questions_labelled_by_a_bare_q_in_a_briefing_stay():
    raw = (LONG_BODY + "\nQ Ada, the council says the north pier will close for the whole of the summer season.\n"
           "Harbour master: It will close in June and open again in the autumn, as planned.\n"
           "Q Will the ferries still run?\n"
           "Q The board said on Monday that the second crossing would cost more than it had planned.\n")
    text, removed = clean(raw)
    assert removed == {}
    assert "Q Will the ferries still run?" in text


def test_one_q_line_alone_is_no_label_and_a_question_heading_is_still_a_subhead():
    raw = LONG_BODY + "\nWhat happens to the old pier?\n" + LONG_PARAGRAPH + "\n"
    assert clean(raw)[1] == {"What happens to the old pier?": "subhead"}


def test_a_question_quoted_from_an_earlier_mail_in_a_reply_stays():
    raw = (LONG_BODY + "\n> Will the ferries still run in June?\n"
           "They will, the board says, but only twice a day until the north pier opens.\n")
    text, removed = clean(raw)
    assert removed == {}
    assert "> Will the ferries still run in June?" in text


# -- closing disclosures under labels below the authors' contact block (furniture_comments) --

FOOT_CONTACT = "Ada Example | ada.example@harbourpost.example | +44 20 7946 0000\n"
NOTICE_ONE = ("Each writer named above says that the views in this note are her own and that she was not paid "
              "by the harbour board, the council or any of the ferry companies for writing them.")
NOTICE_TWO = ("This note was written by the Harbour Post for the members of the board only, and it may not "
              "be copied or sold to anyone else without the written leave of the editor.")


def test_labelled_paragraphs_below_the_contact_block_at_the_foot_are_a_disclaimer():
    raw = (LONG_BODY + "\nAuthors\n" + FOOT_CONTACT + "Reader notice\n"
           + NOTICE_ONE + "\nTerms of use\n" + NOTICE_TWO + "\nPage 2 of 2\n")
    text, removed = clean(raw)
    assert removed[NOTICE_ONE] == "disclaimer"
    assert removed[NOTICE_TWO] == "disclaimer"
    assert "members" not in text


def test_paragraphs_below_a_contact_line_without_labels_or_far_from_the_foot_stay():
    para = "The harbour board has read this note and agrees that it is fair to its members."
    raw = LONG_BODY + "\nAuthors\n" + FOOT_CONTACT + para + "\n"
    assert para in clean(raw)[0]
    lines = [(0, 1, FOOT_CONTACT.strip())] + [(0, 1, "Heading"), (0, 1, para)] * 7
    removed = [True] + [True, False] * 7
    assert furniture_comments.disclosure_lines(lines, removed) == set()


# -- the opening lines of a record of a sitting above its first turn (furniture_records) --

RECORD_TURNS = (
    "The Chair (spoke in French): I welcome the harbour master and thank her for coming to the board today.\n"
    "Ms. Ada Example (Harbour Board): Thank you, Chair. The ferries will run again from the first of June.\n"
    "The Chair (spoke in French): Will the pier on the east side be open by then as well?\n"
    "Ms. Ada Example (Harbour Board): It will, although the lights on it will not be mended until July.\n"
    "The Chair (spoke in French): I thank the harbour master for her answers to the board.\n"
)


def test_short_paragraphs_above_the_first_turn_of_a_record_are_its_header():
    opening = ["Harbour Board of Westmere", "Sitting of Tuesday, 3 March 2026, 10 a.m.",
               "The sitting was opened at 10.04 a.m.", "The order of the day was agreed."]
    lead = ("The board met in the old customs house, where the roof was mended last winter at a cost that "
            "the council has still not paid, and where the clock above the door has stopped at a quarter past four.")
    text, removed = clean("\n".join(opening) + "\n" + lead + "\n" + RECORD_TURNS)
    for line in opening[2:]:
        assert removed[line] == "header"
    assert lead in text      # a long paragraph above the first turn stays
    assert "I welcome the harbour master" in text


def test_a_record_of_printed_hearing_labels_in_hard_wrapped_copy():
    assert furniture_records.turn_label("Senator EXAMPLE. The pier is shut.") == "Senator EXAMPLE"
    assert furniture_records.turn_label("\u25cbChair (EXAMPLE Ada): We begin.") == "Chair (EXAMPLE Ada)"
    assert furniture_records.turn_label("The pier is shut. It will open in June.") == ""
    turns = "".join(f"    {who}. {said}\n\n" for who, said in [
        ("The CHAIR", "The board will come to order and hear the harbour master on the ferries."),
        ("Ms. EXAMPLE", "Thank you. The ferries will run again from the first of June this year."),
        ("The CHAIR", "Will the pier on the east side be open by then as well, do you think?"),
        ("Ms. EXAMPLE", "It will, although the lights on it will not be mended until July."),
        ("The CHAIR", "Thank you. The board stands adjourned until the first of April."),
    ])
    raw = "    The board met, pursuant to notice, at 10 a.m., in the\ncustoms house.\n\n" + turns
    spans = furniture_records.preamble_spans(raw, True, [])
    assert [raw[s:e] for s, e, _ in spans] == ["The board met, pursuant to notice, at 10 a.m., in the",
                                                "customs house."]
    # a paragraph with a word of a label says who speaks under it ("the Chair presiding"): it stays
    raw = "    The board met at 10 a.m., in the\ncustoms house, Ada Lee, chair, presiding.\n\n" + turns
    assert furniture_records.preamble_spans(raw, True, []) == []


def test_a_news_story_quoting_two_speakers_keeps_its_opening_lines():
    # a lead above labelled lines, but too few turns for a record; and a labelled paragraph
    # above the first turn is a turn of its own
    raw = ("Ferries return in June.\nThe harbour board met on Tuesday.\n"
           "Ms. Ada Example (Harbour Board): The ferries will run again from the first of June this year.\n"
           "The Chair (spoke in French): Will the pier be open by then as well, do you think?\n")
    assert furniture_records.preamble_spans(raw, False, []) == []
    raw = "Harbour Board of Westmere\nChair's note: the board heard two speakers today.\n" + RECORD_TURNS
    assert [raw[s:e] for s, e, _ in furniture_records.preamble_spans(raw, False, [])] == ["Harbour Board of Westmere"]


def test_cue_lines_of_a_broadcast_script_repeat_the_clip_and_go():
    clip = '"The ferries will run again in June. After that, the pier is the council\'s problem."'
    raw = (BODY + "\nCLIP: HARBOUR MASTER  DUR 0'09\"\n" + 'IN: "The ferries will..."\n' + clip + "\n"
           + 'OUT: "...the council\'s problem."\n\n' + "The council has not yet answered.\n")
    text, removed = clean(raw)
    assert removed['IN: "The ferries will..."'] == "repeated text"
    assert removed['OUT: "...the council\'s problem."'] == "repeated text"
    assert clip in text
    # a quoted fragment that repeats nothing around it stays
    other = 'She said only: "Not before June..."'
    assert furniture_records.cue_lines(BODY + other + "\nThe council has not yet answered.\n") == []


def test_a_short_note_wedged_in_the_head_or_foot_block_of_furniture_is_furniture():
    def wedged(texts, removed):
        lines = [(0, 0, t) for t in texts]
        return sorted(furniture_layout._wedged_note_lines(lines, removed))

    head = ["Harbour Gazette", "Opinion", "By Ada Example", "Views here are the writer's alone, not the Gazette's.",
            "Share | Post | Email", "The ferries will run again from June, the board said on Tuesday.",
            "Fares will rise by a tenth."]
    assert wedged(head, [True, True, True, False, True, False, False]) == [3]
    foot = ["The ferries will run again from June, the board said on Tuesday.", "References",
            "[1] Harbour Board, Annual Report, 2021.", "[2] Port Census, 2022.", "Notes: 12 pages, 3 tables. Draft.",
            "(c) The writers."]
    assert wedged(foot, [False, True, True, True, False, True]) == [4]
    # two lines of furniture above are too few; story below the head note's block keeps a
    # foot line; a long line, a quotation, a cue and a welcome stay
    assert wedged(foot, [False, False, True, True, False, True]) == []
    assert wedged(foot + ["Fares will rise by a tenth."], [False, True, True, True, False, True, False]) == []
    for text in ["The board met on Tuesday and agreed, after a long and at times heated debate, that the ferries would "
                 "run again from June.", 'The harbour master said: "June it is."', "[ANCHOR] Good evening.",
                 "Good morning, and welcome to the harbour news."]:
        assert wedged(head[:3] + [text] + head[4:], [True, True, True, False, True, False, False]) == []
    # under a run of readers' posts, each under a name and a time, a post is no note
    posts = ["Ola Brennick", "3 May 2025 at 7:05 pm", "Reply", "Ada Example", "3 May 2025 at 8:15 pm",
             "The pier opens in June, the council says.", "Reply", "The ferries will run again from June."]
    assert wedged(posts, [True, True, True, True, True, False, True, False]) == []


def test_a_note_with_an_address_over_nothing_but_furniture_at_the_foot_is_a_contact_line():
    def noted(texts, removed):
        return sorted(furniture_layout._address_note_lines([(0, 0, t) for t in texts], removed))

    foot = ["The ferries will run again from June, the board said on Tuesday.",
            "Compiled by Ada Example. Corrections to desk@harbourgazette.example.org please.",
            "Unsubscribe | Preferences", "(c) Harbour Gazette"]
    assert noted(foot, [False, False, True, True]) == [1]
    assert noted(foot[:1] + ["More at www.harbourgazette.example, every weekday."] + foot[2:],
                 [False, False, True, True]) == [1]
    # story below it, a quotation, or the last line of the page (no furniture under it) stay
    assert noted(foot + ["Fares will rise by a tenth."], [False, False, True, True, False]) == []
    quoted = 'The board wrote: "Write to desk@harbourgazette.example.org with questions."'
    assert noted(foot[:1] + [quoted] + foot[2:], [False, False, True, True]) == []
    assert noted(foot[:2], [False, False]) == []


def test_one_reader_of_a_label_opening_a_line():
    # one grammar for every delimiter: cleaning, a record's heading and the turn reader all call it
    read = furniture_turns.inline_label
    hit = read("GRETA VOSSBERG: The quay reopens on Friday.")
    assert (hit.label, hit.bare, hit.delim, hit.end) == ("GRETA VOSSBERG", "GRETA VOSSBERG", ":", 16)
    hit = read("The Chair of the Board (spoke in Danish): We begin.")
    assert (hit.bare, hit.notes, hit.delim) == ("The Chair of the Board", ["spoke in Danish"], ":")
    hit = read("\u25cbTeller (Ivo Marr): Ayes forty.")
    assert (hit.label, hit.mark, hit.start) == ("Teller (Ivo Marr)", "\u25cb", 1)
    assert read("\u25cbTeller (Ivo Marr): Ayes forty.", marked=False) is None
    assert read("MR. QUILLAN: Not yet.").bare == "MR. QUILLAN"
    hit = read("Councillor BRANDT. The lights are out.", ".")
    assert (hit.label, hit.delim, hit.stop, hit.end) == ("Councillor BRANDT", ".", 17, 19)
    hit = read("Ivo Marr, for the Harbour Party \u2013 The vote stands.", "-")
    assert (hit.label, hit.desc, hit.desc_at) == ("Ivo Marr", "for the Harbour Party", 10)
    assert read("[Ivo Marr] Thank you, chair.", "[]").label == "Ivo Marr"
    assert read("Q Will the quay open?", ":Q").delim == ""
    # prose is no label: a small word, a digit, a sentence's stop, a delimiter not asked for
    for text in ["Key points: the quay", "3 March 2026: Column 12", "Note. See below: the list",
                 "Councillor BRANDT. The lights are out.", "A Danish ferry: late again."]:
        assert read(text) is None, text
    assert furniture_turns.caps_label("VOSSBERG: Is the quay open?")
    assert not furniture_turns.caps_label("Main question: Is the quay open?")


@pytest.mark.parametrize("label", ["CALLER (Ivo, Ribe)", "Listener (Ivo Marr)", "Member for the Harbour Ward"])
def test_a_short_question_under_a_label_with_a_note_or_linking_words_is_a_turn(label):
    # the one label reader (``inline_label``) reads a note in brackets and linking words ("for",
    # "the"), so the short question of a recurring label of that shape is a turn, not a subhead
    raw = (f"{label}: The ferry company said on Monday that the service would stop for good.\n\n"
           "HOST: That is what the harbour board told us in June as well, I am afraid.\n\n"
           f"{label}: And the council says it cannot help until the survey is done.\n\n"
           "HOST: And has anybody asked the harbour board again since then, do you know?\n\n"
           f"{label}: So who pays for the second boat?\n\n"
           "HOST: The council does, until the engineers have finished their survey.\n")
    text, removed = clean(raw)
    assert removed == {}
    assert f"{label}: So who pays for the second boat?" in text


def test_a_transcript_opening_with_a_labelled_turn_keeps_its_label_not_a_dateline():
    # "CALLER (Ivo, Ribe): ..." has the shape of "PLACE (Agency): ...", but on a page of turns
    # it is the first turn's label; a page with one such line is no transcript and keeps the dateline
    turns = ("CALLER (Ivo, Ribe): The ferry company said on Monday that the service would stop for good.\n\n"
             "HOST: That is what the harbour board told us in June as well, I am afraid, Ivo.\n\n"
             "CALLER (Ivo, Ribe): Then we will ask the council for the money again next month.\n")
    text, removed = clean(turns)
    assert removed == {} and text.startswith("CALLER (Ivo, Ribe): The ferry")
    text, removed = clean("RIBE (Harbour Wire): The ferry company said on Monday that the service would stop.\n\n"
                          "The council will meet again next month to talk about a second boat for the crossing.\n")
    assert removed == {"RIBE (Harbour Wire):": "dateline"}


def test_a_first_turn_whose_label_recurs_is_no_headline_above_a_later_label():
    # "HOST: ..." opens the page and two more turns: it is the first turn, not a headline the
    # later "CALLER (Ivo, Ribe):" (a dateline's shape) would anchor as the page's header (a label
    # no other line repeats, an e-mail's "From:", is not read so: batches six and ten hold such)
    raw = ("HOST: The ferry company said on Monday that the service would stop for good.\n\n"
           "CALLER (Ivo, Ribe): That is what the harbour board told us in June as well, I am afraid.\n\n"
           "HOST: And the council says it cannot help until the engineers have finished.\n\n"
           "CALLER (Ivo, Ribe): So who pays for the second boat, then, if nobody will?\n\n"
           "HOST: The council does, in the end, until the engineers have finished their survey.\n")
    text, removed = clean(raw)
    assert removed == {} and text.startswith("HOST: The ferry company")


# -- copy pasted from a two-column printed page ---------------------------------------------

PRINT_PAGE = ("HARBOUR QUARTERLY | SPRING ISSUE 2031\n"
              "Coast\n"
              "The last ferry\n"
              "By Ada Example\n"
              "F\n"
              "erry crews on the northern crossing said the\n"
              "new timetable had been drawn up without them.\n"
              "The harbour board replied that the crews had\n"
              "been asked twice and had never sent an an-\n"
              "swer. Nobody in Ribe expects the second boat\n"
              "12\n"
              "\n"
              "HARBOUR QUARTERLY | SPRING ISSUE 2031\n"
              "Coast\n"
              "Old ferry at the pier, Ribe: waiting for\n"
              "its last crossing\n"
              "PHOTOGRAPH: IVO EXAMPLE/PIER PICTURES\n"
              "before the summer. The engineers, who\n"
              "finished their survey in March, were\n"
              "\u201cThe boat is older than most of the\n"
              "people who steer it across the\n"
              "sound each morning\u201d\n"
              "blunt about it. \"The boat is older than most\n"
              "of the people who steer it across the sound\n"
              "each morning,\" one of them wrote to the board.\n"
              "13\n")


def test_a_printed_page_loses_its_pull_quote_caption_credit_and_repeated_section_label():
    # the pull quote repeats the story's sentence (wrapped narrower), the caption is wrapped
    # over two lines above its credit, and "Coast" under the second running head repeats the
    # section label of the page's head; the story's own copy of the quotation stays
    text, removed = clean(PRINT_PAGE)
    assert removed["Coast"] == "running head"
    assert removed["Old ferry at the pier, Ribe: waiting for"] == "photo caption"
    assert removed["its last crossing"] == "photo caption"
    assert removed["PHOTOGRAPH: IVO EXAMPLE/PIER PICTURES"] == "photo credit"
    assert removed["\u201cThe boat is older than most of the"] == "repeated text"
    assert removed["sound each morning\u201d"] == "repeated text"
    assert removed["HARBOUR QUARTERLY | SPRING ISSUE 2031"] == "running head"
    assert text == (
        "Ferry crews on the northern crossing said the new timetable had been drawn up without them. "
        "The harbour board replied that the crews had been asked twice and had never sent an an- swer. "
        "Nobody in Ribe expects the second boat before the summer. The engineers, who finished their "
        "survey in March, were blunt about it. \"The boat is older than most of the people who steer it "
        "across the sound each morning,\" one of them wrote to the board.")


def test_a_drop_cap_joins_its_word_only_on_evidence():
    # "F" over "erry": no word alone, joined; "A" over "new pier" would read "Anew", which the
    # page never uses, so the "A" is left as the word it is
    assert furniture_print.drop_cap_spans("F\nerry crews sailed.\n") == [(0, 1)]
    assert furniture_print.drop_cap_spans("A\nnew pier opened.\n") == []
    assert furniture_print.drop_cap_spans("A\nnchors held. Anchors are old.\n") == [(0, 1)]


def test_a_repeated_sentence_that_is_no_pull_quote_stays():
    # the same words twice in the story, each inside its own sentence, neither set apart
    raw = ("The board said the boat is older than most of the crew who steer it.\n\n"
           "Later the crews said the boat is older than most of the crew who steer it, and laughed.\n")
    text, removed = clean(raw)
    assert removed == {}
    assert text == raw.strip().replace("\n\n", "\n")


def test_a_repeated_passage_wrapped_at_the_column_width_is_the_story():
    # the story says a passage twice; its second copy fills whole lines of the column between
    # a sentence going on and a line in lower case, but it is set at the column's width and
    # without quotation marks: no pull quote
    raw = ("The pilots wrote that Harbour Board members had\n"
           "never once crossed the sound in winter weather at\n"
           "night, and the board did not answer them. By March\n"
           "the crews said in public, as they had written, that\n"
           "Harbour Board members had never once crossed the\n"
           "sound in winter weather at night\n"
           "and the mayor agreed with them at a long meeting.\n")
    text, removed = clean(raw)
    assert removed == {}
    assert text == " ".join(raw.split("\n")).strip()


@pytest.mark.parametrize("line, rule", [
    ("Share | Tweet | Email", "share buttons"),
    ("Comments (7) | Print", "share buttons"),
    ("Photo: Harbour Board archive", "photo caption"),
    ("\u00a9 2025 Lakeside Media. All rights reserved.", "copyright notice"),
    ("(Reporting by Ann Tarn; Editing by Bo Lind)", "wire credits"),
    ("Source: Lakeside Wire", "source line"),
    ("Read also: Ferry fares rise in winter", "related-article link"),
    ("Follow us on Telegram and Threads", "follow appeal"),
    ("Subscribe to our evening letter for the harbour news you need.", "subscription appeal"),
    ("We use cookies; by reading on you agree to our privacy policy.", "consent notice"),
    # sentences of the story, and a quotation that speaks of subscribing, are not furniture
    ("The board said the ferry will sail on Sunday.", None),
    ("\u201cSubscribe to the plan or leave,\u201d the mayor told our reporter.", None),
    # a line longer than the limit is never furniture, whatever it starts with
    ("Share " + "and share alike " * 20, None),
])
def test_line_furniture_names_the_rule_of_a_line_wherever_it_stands(line, rule):
    assert furniture_lines.line_furniture(line) == rule
