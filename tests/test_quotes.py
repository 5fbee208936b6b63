"""Finding statements in prose (``extract/reported.py`` and the rows of ``quotes``): original
sentences about invented people, one kind each."""

import pytest

import helpers as h
from conftest import one_article
from inf_coverage.extract import reported


def quotes_of(*paragraphs):
    return h.quotes(one_article("\n".join(paragraphs), outlet="Test Outlet"))


def rows(q):
    return [(r.speaker, r.kind, r.verb, r.text) for r in q.itertuples()]


@pytest.mark.parametrize("sentence", [
    # a quantity for what was said
    "Senator Halla Brenmoor has said nothing about the treaty since June.",
    "Senator Halla Brenmoor has said very little in public about the launchers.",
    "Senator Halla Brenmoor posts a lot of things.",
    "And the senator's office? Has Senator Halla Brenmoor said anything?",
    # an adverbial alone: the verb's object was fronted, or it has none
    "Remember what Senator Halla Brenmoor wrote on Tuesday.",
    "Look at what Senator Halla Brenmoor said in the days after the vote.",
    "Within minutes, Senator Halla Brenmoor weighed in.",
    # an object pronoun and no more
    "Senator Halla Brenmoor explained it herself.",
    "Senator Halla Brenmoor laughed when she told me this.",
])
def test_verb_of_saying_without_content_gives_no_row(sentence):
    assert rows(quotes_of(sentence)) == []


@pytest.mark.parametrize("sentence, text", [
    ("Senator Halla Brenmoor said on Tuesday that the launchers had left.", "the launchers had left"),
    ("Senator Halla Brenmoor said little had changed since the spring.", "little had changed since the spring"),
    ("Senator Halla Brenmoor said much of the work was already done.", "much of the work was already done"),
])
def test_statement_after_an_adverbial_or_quantity_keeps_its_row(sentence, text):
    assert rows(quotes_of(sentence)) == [("Halla Brenmoor", "indirect", "said", text)]


def test_not_a_statement_reads_the_words_after_the_verb():
    assert reported.not_a_statement("indirect", "said", "in the week after the vote")
    assert reported.not_a_statement("indirect", "said", "nothing")
    assert reported.not_a_statement("indirect", "told", "me this")
    # a clause, an indirect question, or an object verb's complement: a statement
    assert not reported.not_a_statement("indirect", "said", "in advance where the launchers go")
    assert not reported.not_a_statement("indirect", "said", "the vote was close")
    assert not reported.not_a_statement("indirect", "described", "as a deliberate escalation")
    assert not reported.not_a_statement("indirect", "called for", "in June for talks to resume")
    # quoted words are never refused here
    assert not reported.not_a_statement("direct", "said", "on Monday")


@pytest.mark.parametrize("sentence", [
    "The launchers have left the island, Senator Halla Brenmoor said in a statement posted on her website.",
    "The launchers have left the island, Senator Halla Brenmoor said in an interview with the Courier on Tuesday.",
    "The launchers have left the island, Senator Halla Brenmoor said on Tuesday.",
])
def test_statement_before_an_attribution_with_a_long_adverbial_tail(sentence):
    assert rows(quotes_of(sentence)) == [("Halla Brenmoor", "indirect", "said", "The launchers have left the island")]


def test_adverbial_tail_is_where_and_when_only():
    assert reported.adverbial_tail(" in a statement posted on her website.")
    assert reported.adverbial_tail(" in an interview with the Courier on Tuesday, adding nothing")
    assert not reported.adverbial_tail(" the launchers have left.")                 # a clause
    assert not reported.adverbial_tail(" in June that the launchers had left.")     # its own "that"
    assert not reported.adverbial_tail(" on Tuesday, and the vote was close.")


@pytest.mark.parametrize("sentence", [
    "Senator Halla Brenmoor said on Feb. 3 that the launchers had left.",
    "Senator Halla Brenmoor told the U.N. envoy on Aug. 9 that the launchers had left.",
])
def test_abbreviation_between_the_verb_and_its_that(sentence):
    verb = "said" if " said " in sentence else "told"
    assert rows(quotes_of(sentence)) == [("Halla Brenmoor", "indirect", verb, "the launchers had left")]


def test_mask_abbreviation_stops_keeps_the_length():
    text = " on Feb. 3 that the U.S. envoy left. Then"
    masked = reported.mask_abbreviation_stops(text)
    assert len(masked) == len(text) and masked == " on Feb  3 that the U S  envoy left. Then"


@pytest.mark.parametrize("sentence", [
    "The launchers have left the island, a statement from Senator Halla Brenmoor said.",
    "The launchers have left the island, a statement from Senator Halla Brenmoor said, accusing Moscow of bad faith.",
    "The launchers have left the island, a short post by Senator Halla Brenmoor said on Tuesday.",
])
def test_statement_before_a_document_of_the_speaker(sentence):
    assert rows(quotes_of(sentence))[0] == ("Halla Brenmoor", "indirect", "said", "The launchers have left the island")


def test_carrier_before_is_a_document_only():
    assert reported.carrier_before(" a statement from ")
    assert reported.carrier_before(" a post by the ")
    assert not reported.carrier_before(" and since then ")
    assert not reported.carrier_before(" a spokesperson for ")


@pytest.mark.parametrize("sentence, speaker", [
    ("The launchers have left the island, said Senator Halla Brenmoor.", "Halla Brenmoor"),
    ("The launchers have left the island, says Halla Brenmoor, a senator from Maine.", "Halla Brenmoor"),
    ("Probably not before the winter, say analysts.", "unattributed"),
])
def test_statement_before_an_inverted_attribution_without_marks(sentence, speaker):
    text = sentence[:sentence.index(", s")]
    assert rows(quotes_of(sentence)) == [(speaker, "indirect", "said", text)]


def test_inverted_attribution_needs_a_statement_and_a_subject():
    assert reported.inverted_attribution("He went home, said nothing, and slept.") is None
    assert reported.inverted_attribution("Not yet, said Halla Brenmoor.") is None      # too short to state
    assert reported.inverted_attribution("The launchers have left, she said.") is None  # subject before the verb
    assert reported.inverted_attribution("The launchers have left the island, said Halla Brenmoor on Tuesday.") \
        == (34, "said", "Halla Brenmoor", 36)


def test_inverted_attribution_replaces_the_subject_read_as_a_statement():
    # the verb's only attribution: not "the senator" as what a name in the statement said
    q = quotes_of("Senator Halla Brenmoor met the press on Monday.",
                  "The United States will not return to the pact until Russia complies, said the senator.")
    assert not any(text == "the senator" for *_, text in rows(q))


def test_subject_with_a_relative_clause_is_no_inverted_attribution():
    sentence = "The retired engineer, who spent the 1980s on missile sites, said the ministry's note felt familiar."
    assert reported.inverted_attribution(sentence) is None
    assert not any(text.startswith("The retired") for *_, text in rows(quotes_of(sentence)))


def test_subject_with_an_appositive_keeps_its_statement():
    q = quotes_of("Halla Brenmoor, an analyst at a Riga institute, said the real change lay less in numbers than in reach.")
    assert rows(q) == [("Halla Brenmoor", "indirect", "said", "the real change lay less in numbers than in reach")]


@pytest.mark.parametrize("recipient", ["reporters", "the Riga Courier", "TASS", "his followers"])
def test_whom_a_statement_was_told_is_no_part_of_it(recipient):
    q = quotes_of(f"Senator Halla Brenmoor told {recipient} the launchers had left.")
    assert rows(q) == [("Halla Brenmoor", "indirect", "told", "the launchers had left")]


def test_recipient_length_needs_a_statement_after_it():
    assert reported.recipient_length(" reporters the vote was close.") == len(" reporters")
    assert reported.recipient_length(" his followers to expect more steps.") == 0     # no clause: left alone
    # "the Russian" is no recipient before "defence industry": the object runs on
    assert reported.recipient_length(" the Russian defence industry to be ready when the day is near.") == 0


@pytest.mark.parametrize("sentence, verb", [
    ("The harbour envoy, Mara Quill, underlined that the ferries would keep to their winter timetable.",
     "underlined"),
    ("The harbour envoy, Mara Quill, reiterated that the ferries would keep to their winter timetable.",
     "reiterated"),
    ("The harbour envoy, Mara Quill, reaffirmed that the ferries would keep to their winter timetable.",
     "reaffirmed"),
])
def test_verbs_of_saying_in_wire_copy_report_a_statement(sentence, verb):
    assert rows(quotes_of(sentence)) == [
        ("Mara Quill", "indirect", verb, "the ferries would keep to their winter timetable")]


def test_it_is_the_body_that_opened_the_sentence_before_as_its_subject():
    # "It said": the ministry, the subject of the sentence before, though that sentence
    # reports no words of its own; Moscow, the subject two sentences back, is not "it"
    q = quotes_of("Moscow condemned the drills on Sunday. Russia's Foreign Ministry announced the "
                  "closure of the strait on Monday. It said the ferries would stay in port until spring.")
    assert rows(q) == [("Russian Foreign Ministry", "indirect", "said",
                        "the ferries would stay in port until spring")]


@pytest.mark.parametrize("sentence, body", [
    ("The U.S. State Department said the inspectors would return in the spring.", "US State Department"),
    ("The State Department said the inspectors would return in the spring.", "US State Department"),
    ("The Ministry of Foreign Affairs of the Russian Federation said the inspectors would return in "
     "the spring.", "Russian Foreign Ministry"),
])
def test_a_body_by_its_official_name_is_the_registered_body(sentence, body):
    assert rows(quotes_of(sentence)) == [
        (body, "indirect", "said", "the inspectors would return in the spring")]


@pytest.mark.parametrize("sentence, statement", [
    # a quantity that is the subject of the reported clause is no "said nothing"
    ("Senator Halla Brenmoor said that nothing changes on the pier for now.", "nothing changes on the pier for now"),
    ("Senator Halla Brenmoor said little had changed on the pier.", "little had changed on the pier"),
])
def test_a_quantity_opening_a_reported_clause_is_its_subject(sentence, statement):
    assert rows(quotes_of(sentence)) == [("Halla Brenmoor", "indirect", "said", statement)]


@pytest.mark.parametrize("paragraphs, row", [
    (["The Foreign Ministry said on Monday that the border post would close.",
      "The statement went on to say that convoys would cross at the northern bridge."],
     ("Russian Foreign Ministry", "indirect", "said", "convoys would cross at the northern bridge")),
    (["Senator Halla Brenmoor went on to say the vote had been rushed."],
     ("Halla Brenmoor", "indirect", "said", "the vote had been rushed")),
])
def test_went_on_to_say_is_the_subject_speaking_on(paragraphs, row):
    assert row in rows(quotes_of(*paragraphs))


def test_declined_to_say_is_still_no_statement():
    assert rows(quotes_of("Senator Halla Brenmoor declined to say whether the vote had been rushed.")) == []


@pytest.mark.parametrize("sentence, row", [
    ("Senator Halla Brenmoor indicated she would not stand again.",
     ("Halla Brenmoor", "indirect", "indicated", "she would not stand again")),
    ("Senator Halla Brenmoor indicated that the committee would meet in March.",
     ("Halla Brenmoor", "indirect", "indicated", "the committee would meet in March")),
])
def test_indicated_with_a_clause_and_a_named_speaker_is_a_statement(sentence, row):
    assert rows(quotes_of(sentence)) == [row]


@pytest.mark.parametrize("sentence", [
    "The data indicated that harbour fees had risen.",                  # no speaker
    "Several harbour pilots have indicated, privately, that they will strike.",   # unattributed
    "Senator Halla Brenmoor indicated a willingness to talk.",          # no clause
])
def test_indicated_without_a_named_speaker_or_a_clause_gives_no_row(sentence):
    assert rows(quotes_of(sentence)) == []


def test_no_named_clause_reads_verb_speaker_and_text():
    assert reported.no_named_clause("indicated", "unattributed", "they will strike")
    assert reported.no_named_clause("indicated", "Halla Brenmoor", "a willingness to talk")
    assert not reported.no_named_clause("indicated", "Halla Brenmoor", "she would not stand again")
    assert not reported.no_named_clause("said", "unattributed", "a willingness to talk")


def test_a_statement_block_under_a_tagged_and_described_name_is_theirs():
    got = rows(quotes_of("Reactions from the Hill:",
                         "Rep. Orla Fenwick (D-Vt.), who sits on the fisheries panel: \u201cThe quota was never "
                         "fair. We will rewrite it in the autumn.\u201d"))
    assert got == [("Orla Fenwick", "direct", None, "The quota was never fair. We will rewrite it in the autumn.")]


@pytest.mark.parametrize("sentence, row", [
    ("Senator Halla Brenmoor has always maintained that the ferry levy is unlawful.",
     ("Halla Brenmoor", "indirect", "maintained", "the ferry levy is unlawful")),
    ("Senator Halla Brenmoor made it clear that she would vote against the levy.",
     ("Halla Brenmoor", "indirect", "made clear", "she would vote against the levy")),
    ("Senator Halla Brenmoor has made clear that the committee will not sit in August.",
     ("Halla Brenmoor", "indirect", "made clear", "the committee will not sit in August")),
])
def test_maintained_and_made_clear_with_that_report_a_statement(sentence, row):
    assert rows(quotes_of(sentence)) == [row]


@pytest.mark.parametrize("sentence", [
    "Senator Halla Brenmoor maintained her opposition to the levy for six years.",
    "Senator Halla Brenmoor made clear progress on the levy.",
])
def test_maintained_and_made_clear_without_that_are_acts(sentence):
    assert rows(quotes_of(sentence)) == []


def test_a_reference_mark_closing_a_statement_is_no_part_of_it():
    got = rows(quotes_of("Senator Halla Brenmoor said that the ferry levy was unlawful [4]."))
    assert got == [("Halla Brenmoor", "indirect", "said", "the ferry levy was unlawful")]
    sent = "X said the levy was unlawful [4, 7]"
    assert reported.before_note_mark(sent, 7, len(sent)) == sent.index(" [4")
    assert reported.before_note_mark("X said [4]", 6, 10) == 10      # nothing but the mark: kept


def test_a_plain_past_clause_beside_a_quotation_is_a_statement():
    got = rows(quotes_of('Harbour master Tom Lund said the board regretted the closure and urged skippers to '
                         '"keep calm" until Friday.'))
    assert ("Tom Lund", "indirect", "said", "the board regretted the closure") in got


@pytest.mark.parametrize("verb, content, expected", [
    ("said", "the board regretted the closure", True),
    ("said", "the board met on Monday", True),
    ("said", "in a statement released on Monday", False),        # an adverbial
    ("said", "Jane Roe, a fellow at the institute", False),       # a name and a comma
    ("said", "the rules of the harbour boards", False),           # no verb in the past
    ("blamed", "the board that failed the skippers", False),      # an object verb
    ("said", "the quay, closed since March", False),              # a participle after a comma
])
def test_plain_clause_needs_a_subject_and_a_past_verb(verb, content, expected):
    assert reported.plain_clause(verb, content) is expected


def test_a_month_before_the_second_speaker_ends_the_first_statement():
    got = rows(quotes_of("Senator Halla Brenmoor said in March that the levy was unfair, and in June Senator "
                         "Tom Lund told reporters it would be scrapped."))
    assert got == [("Halla Brenmoor", "indirect", "said", "the levy was unfair"),
                   ("Tom Lund", "indirect", "told", "it would be scrapped")]
