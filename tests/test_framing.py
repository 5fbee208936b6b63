"""Quotations, voice, frames, blame, hedging and keyness on the five seed articles.

The expected quotation table was made by reading every quotation and reported
statement in corpus/articles/ and checking speaker, kind, verb and relay by hand.
"""

import pandas as pd
import pytest

import helpers as h
from conftest import one_article


@pytest.fixture(scope="module")
def voice(sents, quotes):
    return h.sentence_voice(sents, quotes)


# (article_id, sentence_id, speaker, kind, verb, relayed_via), in text order
EXPECTED = [
    ("agg-ryabkov", 2, "Sergei Ryabkov", "indirect", "underscored", "TASS"),
    ("agg-ryabkov", 3, "Sergei Ryabkov", "direct", "emphasized", ""),
    ("agg-ryabkov", 5, "Sergei Ryabkov", "indirect", "according to", ""),
    ("agg-ryabkov", 9, "Vladimir Putin", "mixed", "warned", ""),
    ("agg-ryabkov", 9, "Vladimir Putin", "mixed", "warned", ""),
    ("agg-ryabkov", 11, "Vladimir Putin", "indirect", "announced", ""),
    # "... has been framed by Russian officials as ..." / "... interpreted by analysts as ...":
    # statements of unnamed sources
    ("agg-ryabkov", 14, "unattributed", "indirect", "framed", ""),
    ("agg-ryabkov", 17, "unattributed", "indirect", "interpreted", ""),
    ("agg-ryabkov", 20, "unattributed", "indirect", "emphasized", ""),
    # cow 1 "Russia has officially announced its complete withdrawal ...": an act reported with
    # a noun object, not a statement (no "that", no quotation), so no row
    ("cow-inf-withdrawal", 2, "Russian Foreign Ministry", "indirect", "declared", ""),
    ("cow-inf-withdrawal", 3, "Russian Foreign Ministry", "indirect", "according to", ""),
    # "The statement accuses the U.S. of not only developing banned missile systems ...":
    # "The statement" at the start of a sentence is the ministry's statement
    ("cow-inf-withdrawal", 4, "Russian Foreign Ministry", "indirect", "accused", ""),
    ("cow-inf-withdrawal", 5, "Russian Foreign Ministry", "direct", "said", ""),
    ("cow-inf-withdrawal", 6, "Russian Foreign Ministry", "indirect", "claimed", ""),
    ("cow-inf-withdrawal", 7, "Russian government", "mixed", "warned", ""),
    ("cow-inf-withdrawal", 11, "unattributed", "indirect", "fear", ""),   # "Analysts fear that ..."
    ("cow-inf-withdrawal", 13, "Russian Foreign Ministry", "mixed", "emphasized", ""),
    ("gt-moratorium", 1, "Russian government", "indirect", "said", ""),
    ("gt-moratorium", 2, "unattributed", "indirect", "said", ""),
    ("gt-moratorium", 3, "Russian Foreign Ministry", "mixed", "noted", "Xinhua News Agency"),
    ("gt-moratorium", 4, "Russian Foreign Ministry", "indirect", "said", ""),
    ("gt-moratorium", 5, "Dmitry Medvedev", "direct", "said", "X"),
    ("gt-moratorium", 7, "Sergei Ryabkov", "indirect", "said", "TASS"),
    ("gt-moratorium", 11, "Xinhua News Agency", "indirect", "according to", ""),
    ("gt-moratorium", 12, "Li Haidong", "indirect", "told", "Global Times"),
    ("gt-moratorium", 13, "Li Haidong", "indirect", "added", ""),
    ("gt-moratorium", 14, "US government", "mixed", "announced", "The New York Times"),
    ("gt-moratorium", 15, "Vladimir Putin", "indirect", "confirmed", ""),
    ("gt-moratorium", 17, "Li Haidong", "indirect", "said", ""),
    ("gt-moratorium", 18, "The Associated Press", "mixed", "described", ""),
    ("gt-moratorium", 19, "unattributed", "indirect", "according to", ""),
    ("gt-moratorium", 20, "Donald Trump", "mixed", "said", "Xinhua News Agency"),
    ("gt-moratorium", 21, "Li Haidong", "indirect", "said", ""),
    ("gt-moratorium", 22, "Li Haidong", "indirect", "added", ""),
    ("gt-moratorium", 23, "Li Haidong", "direct", "said", ""),
    ("gt-moratorium", 24, "Li Haidong", "indirect", "noted", ""),
    ("gt-moratorium", 26, "CNN", "direct", "said", ""),
    ("mt-ban-ends", 1, "Russian Foreign Ministry", "indirect", "announced", ""),
    ("mt-ban-ends", 3, "US government", "indirect", "accused", ""),
    ("mt-ban-ends", 4, "Russian Foreign Ministry", "direct", "said", ""),
    ("mt-ban-ends", 4, "Russian Foreign Ministry", "indirect", "added", ""),
    ("mt-ban-ends", 6, "Russian Foreign Ministry", "mixed", "said", ""),
    ("mt-ban-ends", 7, "Russian Foreign Ministry", "direct", "said", ""),
    ("mt-ban-ends", 7, "Russian Foreign Ministry", "mixed", "added", ""),
    ("mt-ban-ends", 8, "Sergei Ryabkov", "indirect", "signaled", ""),
    ("mt-ban-ends", 8, "Sergei Ryabkov", "mixed", "called", ""),
    ("mt-ban-ends", 8, "Sergei Ryabkov", "mixed", "described", ""),
    ("mt-ban-ends", 9, "Dmitry Medvedev", "mixed", "called", ""),
    ("mt-ban-ends", 10, "Dmitry Medvedev", "direct", "wrote", "X"),
    ("mt-ban-ends", 12, "Donald Trump", "indirect", "announced", ""),
    ("mt-ban-ends", 13, "Kremlin", "direct", "told", ""),
    ("mt-experts", 1, "unattributed", "indirect", "warned", ""),
    ("mt-experts", 3, "US government", "indirect", "accused", ""),      # "the U.S. withdrew in 2019, accusing Russia ..."
    ("mt-experts", 3, "Russian government", "indirect", "said", ""),
    ("mt-experts", 4, "Russian Foreign Ministry", "indirect", "announced", ""),
    ("mt-experts", 5, "Dmitry Peskov", "direct", "told", ""),
    ("mt-experts", 6, "Dmitry Peskov", "direct", "added", ""),
    ("mt-experts", 8, "Yury Fedorov", "direct", "said", ""),
    ("mt-experts", 9, "Yury Fedorov", "direct", "said", ""),
    ("mt-experts", 10, "Yury Fedorov", "direct", "said", ""),
    ("mt-experts", 11, "Boris Bondarev", "mixed", "said", ""),
    ("mt-experts", 12, "Boris Bondarev", "direct", "said", ""),
    ("mt-experts", 13, "Boris Bondarev", "direct", "continued", ""),
    ("mt-experts", 15, "Russian government", "mixed", "said", ""),
    ("mt-experts", 16, "Vladimir Putin", "mixed", "said", ""),
    ("mt-experts", 17, "Vladimir Putin", "indirect", "announced", ""),
    ("mt-experts", 18, "unattributed", "indirect", "linked", ""),   # "Pro-Kremlin Telegram channels also linked ..."
    ("mt-experts", 19, "MilitaryRussia (Telegram channel)", "direct", "suggested", ""),
    ("mt-experts", 20, "Voenny Osvedomitel (Telegram channel)", "indirect", "according to", ""),
    ("mt-experts", 21, "Nikolai Sokov", "indirect", "said", ""),
    ("mt-experts", 22, "Nikolai Sokov", "mixed", "said", "X"),
    ("mt-experts", 24, "Dara Massicot", "indirect", "said", ""),
    ("mt-experts", 25, "Dara Massicot", "direct", "said", ""),
    ("mt-experts", 26, "Pavel Podvig", "indirect", "argued", ""),
    ("mt-experts", 27, "Pavel Podvig", "direct", "said", ""),
    ("mt-experts", 28, "Andrey Baklitskiy", "mixed", "said", ""),
    ("mt-experts", 29, "Andrey Baklitskiy", "direct", "said", ""),
    ("mt-experts", 32, "Andrey Baklitskiy", "direct", "said", ""),
    ("mt-experts", 34, "Andrey Baklitskiy", "direct", "continued", ""),
    ("mt-experts", 35, "Andrey Baklitskiy", "direct", "continued", ""),
]


def test_every_quotation_and_statement_has_its_speaker_kind_and_verb(quotes):
    got = [tuple(r) for r in quotes[["article_id", "sentence_id", "speaker", "kind", "verb",
                                     "relayed_via"]].itertuples(index=False)]
    assert got == EXPECTED


def test_every_quotation_mark_pair_in_the_corpus_is_speech(articles, quotes):
    """42 pairs of quotation marks: 41 quoted spans, all attributed (none a scare quote),
    and one name in quotation marks, the missile "Oreshnik," (gt-moratorium 15)."""
    spans = sum(len(h.quote_spans(t)) for t in articles.text)
    assert spans == 42
    assert len(quotes[quotes.kind != "indirect"]) == 41
    unattributed = h.scare_quotes(articles, quotes)
    assert [tuple(r) for r in unattributed[["article_id", "sentence_id", "text", "kind"]].itertuples(index=False)] \
        == [("gt-moratorium", 15, "Oreshnik,", "name")]


def test_a_name_in_quotation_marks_is_not_a_quotation(quotes):
    assert h.is_name_in_quotes("Oreshnik,") and h.is_name_in_quotes("Dark Eagle")
    assert not h.is_name_in_quotes("pivotal moment") and not h.is_name_in_quotes("We will respond.")
    # 'Putin confirmed on Friday that missile "Oreshnik," ... had entered service': reported speech
    putin = row(quotes, "gt-moratorium", 15)
    assert (putin.speaker, putin.kind) == ("Vladimir Putin", "indirect")
    assert putin.text.startswith('missile "Oreshnik," capable of carrying nuclear warheads')


def test_offsets_give_the_quoted_content(articles, quotes):
    text = articles.set_index("article_id")["text"]
    for r in quotes.itertuples():
        assert text[r.article_id][r.start:r.end] == r.text


def row(quotes, aid, sid, k=0):
    return quotes[(quotes.article_id == aid) & (quotes.sentence_id == sid)].iloc[k]


def test_multi_sentence_quotations(quotes):
    medvedev = row(quotes, "gt-moratorium", 5)
    assert medvedev.text.startswith("The Russian Foreign Ministry's statement")
    assert medvedev.text.endswith("reckon with. Expect further steps")
    baklitskiy = row(quotes, "mt-experts", 29)
    assert baklitskiy.text.count(". ") == 2 and baklitskiy.text.endswith("off the table")
    cnn = row(quotes, "gt-moratorium", 26)     # "the CNN said on Monday that "This [...] era.""
    assert cnn.text == ("This [the Ukraine crisis] should be seen as Trump's war. "
                        "It is the defining conflict of his presidency and of the post-9/11 era.")


def test_continued_quotation_keeps_its_speaker(quotes):
    """A quotation opening a sentence after an attributed one, in the same paragraph."""
    cont = row(quotes, "mt-experts", 10)
    assert cont.text.startswith("We will have to endure")
    assert (cont.speaker, cont.speaker_text) == ("Yury Fedorov", "he")


def test_pronouns_skip_names_inside_quotations(quotes):
    # "... earlier Putin's statement ... (no impact, tho)," he said on X: "he" is Sokov
    sokov = row(quotes, "mt-experts", 22)
    assert (sokov.speaker, sokov.speaker_text, sokov.relayed_via) == ("Nikolai Sokov", "he", "X")
    # agg-ryabkov: "he warned" after "President Vladimir Putin’s public statements"
    assert row(quotes, "agg-ryabkov", 9).speaker == "Vladimir Putin"


def test_curly_single_quotes_and_apostrophes(quotes):
    # ‘Our country is forced ...,’ Ryabkov emphasized: "Russia’s" elsewhere is no closing mark
    q = row(quotes, "agg-ryabkov", 3)
    assert q.text == "Our country is forced to respond to the emergence of new and very sensitive missile threats"
    assert [r.text for r in quotes[(quotes.article_id == "agg-ryabkov") & (quotes.sentence_id == 9)].itertuples()] \
        == ["deploy means of nuclear deterrence", "decision centers"]


def test_adding_clause_is_its_own_statement(quotes):
    q = quotes[(quotes.article_id == "mt-ban-ends") & (quotes.sentence_id == 4)]
    assert list(q.kind) == ["direct", "indirect"]
    assert q.text.iloc[1] == "it sought to prevent an arms race in the Asia-Pacific"


def test_nested_and_straight_quotes_on_new_text(articles):
    text = ("“He told us ‘never again’ and left,” the ministry said. "
            "\"It is over,\" Li Haidong said. Experts called the plan \"bold\" on Monday.")
    one = one_article(text)
    opens = [text.index("“"), text.index('"'), text.index('"bold')]
    closes = [text.index("”"), text.index('"', opens[1] + 1), text.index('" on')]
    assert [(o, c) for o, c, _ in h.quote_spans(text)] == list(zip(opens, closes))
    q = h.quotes(one)
    assert [(r.speaker, r.kind, r.verb, r.text) for r in q.itertuples()] == [
        ("Russian Foreign Ministry", "direct", "said", "He told us ‘never again’ and left"),
        ("Li Haidong", "direct", "said", "It is over"),
        ("unattributed", "mixed", "called", "bold"),
    ]


def test_sentence_voice(voice):
    v = voice.set_index(["article_id", "sentence_id"])
    assert v.loc[("mt-experts", 2), "voice"] == "narration"      # "Moscow and Washington had been barred ..."
    assert v.loc[("mt-experts", 29), "voice"] == "quoted"
    # "Ryabkov had signaled in June that Moscow could abandon the moratorium, calling it a “logical”
    # step given what he described as “highly sensitive missile threats” from the West": the
    # reported clause leads into the fragments, so the sentence is his speech, not the outlet's
    assert v.loc[("mt-ban-ends", 8), "voice"] == "quoted"
    counts = voice.groupby(["outlet", "voice"]).size().to_dict()
    assert counts[("Unnamed aggregator", "narration")] == 13     # 15 before the two unnamed-source rules
    assert counts[("The Moscow Times", "quoted")] == 45


def test_the_attribution_frame_is_not_narration():
    # "Medvedev said in an X post on Tuesday" frames the quotation; it is not the outlet's narration
    assert h._speech_share('"Expect further steps," Medvedev said in an X post on Tuesday.', 0, [(1, 21)]) == 1.0
    # the reported clause that leads into a quoted fragment is speech too
    t = "The Russian leadership warned that any deployment would be met with “appropriate countermeasures.”"
    assert h._speech_share(t, 0, [(t.index("“") + 1, len(t) - 1)]) == 1.0
    # a long clause of the outlet's own after the attribution is narration
    t = ("“We will answer,” Ryabkov emphasized, highlighting the growing asymmetry in the balance of power "
         "that Russia perceives as a direct challenge to its national security.")
    assert h._speech_share(t, 0, [(1, 16)]) == 0.13


def test_statements_of_unnamed_sources_are_reported_speech(voice):
    v = voice.set_index(["article_id", "sentence_id"])
    for key in [("cow-inf-withdrawal", 11),   # "Analysts fear that the formal collapse ..."
                ("agg-ryabkov", 17),          # "... has been interpreted by analysts as a signal ..."
                ("agg-ryabkov", 14)]:         # "... has been framed by Russian officials as a necessary measure ..."
        # quotes() now gives these statements rows of their own, so their basis is a quotation
        assert tuple(v.loc[key, ["voice", "speaker"]]) == ("quoted", "unattributed")


def test_a_sentence_continuing_a_named_experts_paraphrase_is_his(voice):
    v = voice.set_index(["article_id", "sentence_id"])
    # gt 24 "The expert noted that US' repeated attempts ..."; gt 25, same paragraph, no attribution:
    # "Such continuous pressure reveals not that the US has become stronger, ..."
    assert tuple(v.loc[("gt-moratorium", 25), ["voice", "speaker", "basis"]]) == (
        "quoted", "Li Haidong", "continues speaker")
    # an institution does not carry its paragraph: mt-ban-ends 5 "No agreement was ever reached."
    assert v.loc[("mt-ban-ends", 5), "voice"] == "narration"
    # unnamed sources do: cow 11 "Analysts fear that ..." then cow 12 "The move may also complicate ..."
    assert tuple(v.loc[("cow-inf-withdrawal", 12), ["voice", "speaker", "basis"]]) == (
        "quoted", "unattributed", "continues speaker")


def test_every_notebook_reads_voice_from_one_place(articles, sents, quotes, voice):
    q2, v2 = h.speech(articles, sents)
    pd.testing.assert_frame_equal(q2, quotes)
    pd.testing.assert_frame_equal(v2, voice)


# -- frames, blame, hedging, keyness ----------------------------------------

def test_frame_cues_are_traceable(articles, sents):
    hits = h.frame_hits(sents)
    text = articles.set_index("article_id")["text"]
    for r in hits.itertuples():
        assert text[r.article_id][r.start:r.end] == r.match
    s1 = hits[(hits.article_id == "mt-experts") & (hits.sentence_id == 9)]
    assert list(zip(s1.frame, s1.match)) == [("escalation", "arms race")]
    s3 = hits[(hits.article_id == "agg-ryabkov") & (hits.sentence_id == 2)]
    assert ("western_provocation", "defensive necessity") in set(zip(s3.frame, s3.match))


def test_bad_frame_cue_is_refused(tmp_path):
    (tmp_path / "frames.csv").write_text(
        "frame,label,definition,cues\nx,X,defined,arms race; (unclosed\n", encoding="utf-8")
    with pytest.raises(h.CorpusError, match=r"row 2 \(frame 'x'\): cue '\(unclosed' is not a valid"):
        h.load_frames(tmp_path / "frames.csv")


def test_blame_statements(sents, voice):
    b = h.blame_statements(sents, voice)
    got = {(r.article_id, r.sentence_id): (r.topic, r.blamed) for r in b.itertuples()}
    # "In 2019, the US side withdrew from the treaty, citing Russian non-compliance."
    assert got[("gt-moratorium", 10)] == ("treaty collapse", "Russia")
    # "..., the Foreign Ministry announced on Monday, citing what it called growing threats from the United States ..."
    assert got[("mt-ban-ends", 1)] == ("moratorium end", "US/West")
    # Massicot: "INF fell apart because of Russia's SSC-8 GLCM, ..." blames Russia, though the West is named
    assert got[("mt-experts", 25)] == ("treaty collapse", "Russia")
    cause = b.set_index(["article_id", "sentence_id"]).cause
    assert cause[("mt-experts", 25)] == "Russia's SSC-8 GLCM"
    # "... to withdraw ...": the agent of "continued disregard ... by the United States and NATO forced Russia"
    assert h._agent("continued disregard of Russian concerns by the United States and NATO") == "US/West"
    # "after" only orders events: "The moratorium ended after the summit in Moscow." is no causal claim
    one = pd.DataFrame({"article_id": ["x"], "outlet": ["X"], "sentence_id": [1],
                        "text": ["Russia ended the moratorium after the summit with the US in Moscow."]})
    assert h.blame_statements(one, one.assign(voice="narration")).empty


@pytest.mark.parametrize("sentences, topic, blamed", [
    (["Russia's move can be seen as its countermeasure against the US and West."], "moratorium end", "US/West"),
    (["The withdrawal of the moratorium is the result of NATO countries' anti-Russian policy."], "moratorium end", "US/West"),
    (["Washington had accused Russia of violating the agreement."], "treaty collapse", "Russia"),
    (["The United States left the treaty in 2019.",
      "This withdrawal compelled Moscow to abandon its moratorium."], "moratorium end", "US/West"),
    (["Channels linked the announcement to the news that the Oreshnik had entered service."], "moratorium end", "Russia"),
    (["The ban ended because both sides were deploying such missiles."], "moratorium end", "both"),
    (["Western pressure forced Moscow to reconsider its position."], "moratorium end", "US/West"),
])
def test_blame_kinds(sentences, topic, blamed):
    one = pd.DataFrame({"article_id": "x", "outlet": "X", "sentence_id": range(1, len(sentences) + 1),
                        "text": sentences})
    b = h.blame_statements(one, one.assign(voice="narration"))
    assert [(r.topic, r.blamed) for r in b.itertuples()][-1] == (topic, blamed)


def test_a_response_issued_to_the_event_is_not_its_cause():
    one = pd.DataFrame({"article_id": ["x"], "outlet": ["X"], "sentence_id": [1],
                        "text": ["Neither the White House nor the Pentagon has issued a response to Russia's announcement."]})
    assert h.blame_statements(one, one.assign(voice="narration")).empty


def test_blame_by_article_says_whether_the_violation_is_mentioned(sents, voice):
    per = h.blame_by_article(h.blame_statements(sents, voice), sents).set_index("article_id")
    # the aggregator never mentions Russia's alleged violation; it blames the US withdrawal (sentence 4)
    assert not per.loc["agg-ryabkov", "violation_mentioned"]
    # agg 4 "The roots of this standoff trace back to the United States' decision to withdraw";
    # agg 5 "This withdrawal, according to Ryabkov, compelled Moscow to abandon its ... moratorium"
    assert per.loc["agg-ryabkov", "US/West"] == 2 and per.loc["agg-ryabkov", "Russia"] == 0
    # gt-moratorium 10: "... the US side withdrew from the treaty, citing Russian non-compliance."
    assert per.loc["gt-moratorium", "violation_sentences"] == "10"
    # Massicot twice, the violation accusation once; Baklitskiy's "everyone [including Russia]" blames both
    assert per.loc["mt-experts", "Russia"] == 3 and per.loc["mt-experts", "both"] == 1
    # the COW relays the ministry's blame of the US and NATO twice (the hand coding's two rows)
    assert per.loc["cow-inf-withdrawal", "US/West"] == 2


def seed_sentence(sents, aid, start):
    """The seed sentence of ``aid`` that starts at character ``start`` (the offsets of
    annotations/blame.csv), as the package reads it."""
    row = sents[(sents.article_id == aid) & (sents.start == start)]
    assert len(row) == 1, (aid, start)
    return row.iloc[0]


@pytest.mark.parametrize("start, text_start", [
    (587, "According to the ministry, continued disregard of Russian concerns by the United States and NATO forced"),
    (902, "\u201cThe unilateral compliance with the INF Treaty is no longer viable,\u201d the ministry said, citing"),
])
def test_cow_relays_that_the_west_forced_russias_hand(sents, voice, start, text_start):
    """Seed item a: the COW relays the ministry's blame of the US and NATO twice. The moratorium's end
    is named as "reconsider its position" and as "unilateral compliance ... no longer viable"."""
    s = seed_sentence(sents, "cow-inf-withdrawal", start)
    assert s.text.startswith(text_start)
    b = h.blame_statements(sents, voice)
    row = b[(b.article_id == "cow-inf-withdrawal") & (b.sentence_id == s.sentence_id)]
    assert [(r.topic, r.blamed) for r in row.itertuples()] == [("moratorium end", "US/West")]


def test_everyone_including_russia_blames_both_sides(sents, voice):
    """Seed item b: Baklitskiy's "because everyone [including Russia] was building and planning to
    deploy INF-range systems" blames both sides, not Russia."""
    s = seed_sentence(sents, "mt-experts", 5633)
    assert "because everyone [including Russia] was building" in s.text
    b = h.blame_statements(sents, voice)
    row = b[(b.article_id == "mt-experts") & (b.sentence_id == s.sentence_id)]
    assert [(r.topic, r.blamed) for r in row.itertuples()] == [("moratorium end", "both")]


def test_hedges(sents, voice, articles, quotes):
    hd = h.hedges(sents, voice, h.scare_quotes(articles, quotes))
    agg = hd[hd.article_id == "agg-ryabkov"]
    assert ("reportedly", 12) in set(zip(agg.marker, agg.sentence_id))
    assert ("perceived", 1) in set(zip(agg.marker, agg.sentence_id))
    mt = hd[(hd.article_id == "mt-ban-ends") & (hd.marker == "what it called / described as")]
    assert list(mt.match) == ["what it called", "what he described as"]


def test_keyness_joins_spelling_variants_and_reports_significance(sents):
    toks = h.tokens(sents)
    terms = h.keyness_terms(toks)
    # "US" (Global Times), "U.S." (The Moscow Times), "U. S." and "United States": one term
    one = pd.DataFrame({"article_id": "x", "outlet": "X", "sentence_id": 1,
                        "token": ["the", "US", "and", "U.S.", "and", "U", "S", "and", "United", "States",
                                  "told", "us", "Sergey", "Ryabkov's"]})
    assert h.keyness_terms(one).term.tolist() == ["the", "united states", "and", "united states", "and",
                                                 "united states", "and", "united states", "told", "us",
                                                 "sergei", "ryabkov"]
    k = h.keyness(toks)
    gt = k[k.outlet == "Global Times"].set_index("term")
    assert "us" not in gt.index                               # the artefact is gone
    assert gt.loc["united states", "outlet_count"] == (terms[terms.outlet == "Global Times"].term == "united states").sum() == 14
    assert k.outlet_count.min() >= 3                          # the minimum frequency
    # "Li": 4 of the Global Times' words, 0 elsewhere; G2 and p by hand
    assert (gt.loc["li", "outlet_count"], gt.loc["li", "rest_count"]) == (4, 0)
    kept = terms[terms.term.str.contains(r"^[^\W\d_]", regex=True) & ~terms.term.isin(h.STOPWORDS)]
    c, n = (kept.outlet == "Global Times").sum(), len(kept)
    import math
    g2 = 2 * 4 * math.log(4 / (c * 4 / n))
    assert gt.loc["li", "g2"] == round(g2, 2)
    assert gt.loc["li", "p_value"] == float(f"{math.erfc(math.sqrt(g2 / 2)):.3g}")
    assert gt.loc["li", "articles"] == 1 and set(k[k.outlet == "The Moscow Times"].articles) == {2}


def test_kwic(sents):
    k = h.kwic(sents, "Oreshnik", width=20)
    assert len(k) == 9
    first = k.iloc[0]
    assert (first.article_id, first.sentence_id, first.match) == ("gt-moratorium", 15, "Oreshnik")
    assert first.left == 'riday that missile "'     # 'confirmed on Friday that missile "Oreshnik,"'
    assert first.right == '," capable of carryi'


def test_an_accusation_without_the_word_violation_is_a_mention_of_the_alleged_violation():
    # original sentences: the accusation phrased as an accusation, cheating or flouting
    said = ["Washington accused Moscow of fielding a cruise missile that could fly farther than the accord allowed.",
            "Russia was repeatedly accused of cheating on the 1987 accord.",
            "Moscow has long been charged with flouting the treaty's limits.",
            "NATO allies said the missile contravened the agreement."]
    not_said = ["Moscow accused Washington of wrecking the treaty.",
                "The treaty banned ground-launched missiles with ranges of 500 to 5,500 km."]
    assert [bool(h.VIOLATION_RE.search(t)) for t in said] == [True, True, True, True]
    assert [bool(h.VIOLATION_RE.search(t)) for t in not_said] == [False, False]
