"""Frame functions per sentence and per article, on sentences written for these tests."""

import pandas as pd
import pytest

import helpers as h

TEXTS = [
    # (text, voice, speaker)
    "Moscow ended its moratorium in response to American missile deployments in Europe.",
    "The Kremlin urged NATO to declare a reciprocal moratorium, the spokesman said.",
    "Washington withdrew from the accord in 2019, citing alleged Russian cheating.",
    "Officials blamed Washington's reckless deployments for the growing danger of an arms race.",
    "The pact was signed in 1987.",
]
VOICES = [("narration", ""), ("quoted", "Kremlin"), ("narration", ""), ("quoted", "unattributed"),
          ("narration", "")]


@pytest.fixture()
def units():
    sents = pd.DataFrame({"article_id": "x1", "outlet": "Daily Test", "sentence_id": range(1, 6),
                          "text": TEXTS})
    voice = pd.DataFrame({"article_id": "x1", "sentence_id": range(1, 6),
                          "voice": [v for v, _ in VOICES], "speaker": [s for _, s in VOICES]})
    arts = pd.DataFrame({"article_id": ["x1"], "outlet": ["Daily Test"],
                         "title": ["Russia scraps missile ban, blaming US deployments"]})
    return h.frame_functions(sents, voice, arts)


def test_frame_functions_rows(units):
    assert units.columns.tolist() == h.FRAME_FUNCTION_COLUMNS
    assert units.sentence_id.tolist() == [0, 1, 2, 3, 4, 5]
    assert units.position.tolist() == ["headline", "lead", "lead", "body", "body", "body"]
    assert units.problem.tolist() == [0, 0, 0, 0, 1, 0]
    # officials blaming Washington for the danger of an arms race give a cause of the current
    # danger (the codebook's third kind), in their voice
    assert units.cause_agent.tolist() == ["us_nato_west", "us_nato_west", "", "russia", "us_nato_west", ""]
    assert units.cause_voice.tolist() == ["quoted", "outlet", "", "quoted", "quoted", ""]
    assert units.moral_target.tolist() == ["", "", "", "russia", "us_nato_west", ""]
    assert units.moral_sign.tolist() == ["", "", "", "negative", "negative", ""]
    assert units.remedy.tolist() == [0, 0, 1, 0, 0, 0]
    assert units.remedy_by.tolist() == ["", "", "russia", "", "", ""]
    assert units.distancing_marker.tolist() == ["", "", "", "alleged", "", ""]
    assert units.distancing_target.tolist() == ["", "", "", "us_nato_west", "", ""]


def test_frame_function_profile(units):
    p = h.frame_function_profile(units)
    assert len(p) == 1
    row = p.iloc[0]
    assert (row.article_id, row.outlet, row.units, row.problem_share) == ("x1", "Daily Test", 6, 0.17)
    assert (row.cause_us_nato_west_outlet, row.cause_us_nato_west_quoted) == (1, 2)
    assert (row.cause_russia_outlet, row.cause_russia_quoted, row.cause_both) == (0, 1, 0)
    assert (row.moral_us_nato_west_negative, row.moral_russia_negative) == (1, 1)
    assert row.remedy == 1
    assert (row.distancing_us_nato_west, row.distancing_russia, row.distancing_other) == (1, 0, 0)
    assert row.headline_cause == "us_nato_west"


def test_perceived_threats_distance_russias_claim():
    sents = pd.DataFrame({"article_id": "y", "outlet": "O", "sentence_id": [1],
                          "text": ["Moscow points to perceived threats from the United States."]})
    voice = pd.DataFrame({"article_id": "y", "sentence_id": [1], "voice": ["narration"], "speaker": [""]})
    u = h.frame_functions(sents, voice, pd.DataFrame({"article_id": ["y"], "outlet": ["O"], "title": [""]}))
    assert u[["position", "problem", "distancing_marker", "distancing_target"]].values.tolist() == \
        [["lead", 1, "perceived", "russia"]]


def test_missing_voice_row_is_named():
    sents = pd.DataFrame({"article_id": "z", "outlet": "O", "sentence_id": [1, 2], "text": ["A.", "B."]})
    voice = pd.DataFrame({"article_id": "z", "sentence_id": [1], "voice": ["narration"], "speaker": [""]})
    with pytest.raises(h.CorpusError, match=r"article 'z', sentence 2: no voice row"):
        h.frame_functions(sents, voice, pd.DataFrame({"article_id": ["z"], "outlet": ["O"]}))
    with pytest.raises(h.CorpusError, match=r"voice lacks column\(s\) voice"):
        h.frame_functions(sents, voice.drop(columns="voice"), pd.DataFrame({"article_id": ["z"], "outlet": ["O"]}))


def _code(texts, voices=None):
    n = len(texts)
    sents = pd.DataFrame({"article_id": "t", "outlet": "O", "sentence_id": range(1, n + 1), "text": texts})
    voice = pd.DataFrame({"article_id": "t", "sentence_id": range(1, n + 1),
                          "voice": voices or ["narration"] * n, "speaker": ""})
    return h.frame_functions(sents, voice, pd.DataFrame({"article_id": ["t"], "outlet": ["O"], "title": [""]}))


def test_distancing_and_hedges_share_one_list():
    """A claim kept at arm's length ("what it calls", "claimed", "claims that") is distancing and
    a hedge; a softener ("likely") is a hedge only."""
    texts = ["Moscow answers what it calls Western encirclement.",
             "The channel claims that the launchers have already moved.",
             "The launchers will likely move west next year.",
             "The claimed Russian test took place over the Caspian."]
    u = _code(texts)
    assert u.distancing_marker.tolist() == ["what it calls", "claims", "", "claimed"]
    # the claimant's side when it is named or a pronoun stands for it; "other" for a claimant of
    # neither side; an adjective distances the charge against the side it names
    assert u.distancing_target.tolist() == ["russia", "other", "", "us_nato_west"]
    sents = pd.DataFrame({"article_id": "t", "outlet": "O", "sentence_id": [1, 2, 3, 4], "text": texts})
    voice = pd.DataFrame({"article_id": "t", "sentence_id": [1, 2, 3, 4], "voice": "narration", "speaker": ""})
    hd = h.hedges(sents, voice, pd.DataFrame(columns=["article_id", "outlet", "sentence_id", "text", "kind"]))
    assert hd[["sentence_id", "marker"]].values.tolist() == [
        [1, "what it called / described as"], [2, "claims"], [3, "likely"], [4, "claimed"]]
    assert set(h.DISTANCING_HEDGES) <= set(h.HEDGES)


def test_distancing_claimant_and_quoted_markers():
    u = _code(["It further claimed that Washington had moved launchers to the Baltic.",
               "Senator Alden Pryce of Ohio said the US was reacting to what he called Moscow's bluff.",
               "\u201cThis so-called pause was a sham,\u201d the senator said."],
              ["quoted", "quoted", "quoted"])
    # a pronoun's claim about Washington is the other side's; a claimant whose clause names the
    # US is the US; a marker inside a speaker's quotation is the speaker's word, no distance
    assert u.distancing_marker.tolist() == ["claimed", "what he called", ""]
    assert u.distancing_target.tolist() == ["russia", "us_nato_west", ""]


def test_causes_beyond_the_two_topics():
    """The codebook's causes include the current danger and the quarrel, not only the treaty's
    collapse and the moratorium's end: reasons cited, a reply, a cause before its verb."""
    u = _code(["The ministry pointed to Washington's plans for new launchers in Europe.",
               "Tensions rose because Russian launchers appeared near the border.",
               "The diplomat asked not to be named because of the sensitivity of the talks.",
               "Officials in Vilnius said that NATO's new posture had provoked the change.",
               "Since the deployment of US launchers began, the region has grown uneasy.",
               "The Pentagon has not yet issued a response to Moscow's statement."],
              ["narration", "narration", "narration", "quoted", "narration", "narration"])
    # a reply is a cause only "in" or "as a" response: issuing a response names no cause
    assert u.cause_agent.tolist() == ["us_nato_west", "russia", "", "us_nato_west", "us_nato_west", ""]
    # a reason the ministry points to is carried speech; "because" in narration is the outlet's
    assert u.cause_voice.tolist() == ["quoted", "outlet", "", "quoted", "outlet", ""]


def test_moral_remedy_and_problem_words():
    u = _code(["The minister condemned Moscow's decision on Tuesday.",
               "Russia kept a unilateral restraint for six years.",
               "Europe should expect more pressure from the east.",
               "Europe should open talks on a regional freeze.",
               "The quarrel between the two capitals deepened."])
    # an evaluative verb judges its object; "unilateral restraint" is a policy, not a virtue
    assert u.moral_target.tolist() == ["russia", "", "", "", ""]
    assert u.moral_sign.tolist() == ["negative", "", "", "", ""]
    # "should expect" forecasts, "should open talks" recommends
    assert u.remedy.tolist() == [0, 0, 0, 1, 0]
    assert u.problem.tolist() == [0, 0, 0, 0, 1]


def test_second_round_kinds():
    """Kinds of the second development set, in sentences of our own: a cause before 'created'
    or 'sparking', a 'consequence of', a policy a decision 'reflects'; loaded nouns judge the
    side just before them; a phrase in quotation marks after 'warns' is speech, no scare quote;
    'should be surprised' recommends nothing, 'needs dialogue' does."""
    u = _code(["The envoy said American launchers in the region had created a new danger.",
               "Analysts called the step a consequence of Washington's choices.",
               "Moscow's regime has warned it will act - sparking alarm in Vilnius.",
               "Officials said the decision reflects NATO's hostile course.",
               "Moscow warns 'no limits' remain on its launchers.",
               "Nobody should be surprised by the answer.",
               "The region needs dialogue before anything else."],
              ["quoted", "quoted", "narration", "quoted", "narration", "narration", "narration"])
    assert u.cause_agent.tolist() == ["us_nato_west", "us_nato_west", "russia", "us_nato_west", "", "", ""]
    assert u.cause_voice.tolist() == ["quoted", "quoted", "outlet", "quoted", "", "", ""]
    assert u.moral_target.tolist() == ["", "", "russia", "us_nato_west", "", "", ""]
    assert u.distancing_marker.tolist() == [""] * 7
    assert u.remedy.tolist() == [0, 0, 0, 0, 0, 0, 1]
    assert u.problem.tolist() == [1, 0, 1, 0, 1, 0, 0]      # a warning states what is at stake
