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
    assert units.cause_agent.tolist() == ["us_nato_west", "us_nato_west", "", "russia", "", ""]
    assert units.cause_voice.tolist() == ["quoted", "outlet", "", "quoted", "", ""]
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
    assert (row.cause_us_nato_west_outlet, row.cause_us_nato_west_quoted) == (1, 1)
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


def test_distancing_and_hedges_share_one_list():
    """A claim kept at arm's length ("what it calls", "claimed") is distancing and a hedge; a
    reporting verb ("claims that") and a softener ("likely") are hedges only."""
    texts = ["Moscow answers what it calls Western encirclement.",
             "The channel claims that the launchers have already moved.",
             "The launchers will likely move west next year.",
             "The claimed Russian test took place over the Caspian."]
    sents = pd.DataFrame({"article_id": "d", "outlet": "O", "sentence_id": [1, 2, 3, 4], "text": texts})
    voice = pd.DataFrame({"article_id": "d", "sentence_id": [1, 2, 3, 4], "voice": "narration", "speaker": ""})
    u = h.frame_functions(sents, voice, pd.DataFrame({"article_id": ["d"], "outlet": ["O"], "title": [""]}))
    assert u.distancing_marker.tolist() == ["what it calls", "", "", "claimed"]
    assert u.distancing_target.tolist() == ["russia", "", "", "us_nato_west"]
    scare = pd.DataFrame(columns=["article_id", "outlet", "sentence_id", "text", "kind"])
    hd = h.hedges(sents, voice, scare)
    assert hd[["sentence_id", "marker"]].values.tolist() == [
        [1, "what it called / described as"], [2, "claims"], [3, "likely"], [4, "claimed"]]
    assert set(h.DISTANCING_HEDGES) <= set(h.HEDGES)
