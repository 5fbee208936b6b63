"""The extraction measures on the development batch of blind-written web copy
(tests/fixtures/web_copy_dev), through scripts/score_fixtures.py, which counts every coding
row, placed or not. The floors are the scores this round reached (docs/validation.md, "Extraction on web
copy"), so a change that loses ground fails; they are below the issue's targets, which this
round did not reach. The sealed batch is not asserted here: it was scored once, at the end."""

from pathlib import Path

import pytest
import score_fixtures as sf

DEV = Path(__file__).resolve().parent / "fixtures" / "web_copy_dev"


@pytest.fixture(scope="module")
def dev():
    return sf.score_batch(DEV)


def test_furniture_is_removed_by_evidence(dev):
    # 391/398, 391/393 after the seventh round's layout rules (captions by their credit, link lists)
    assert dev["furniture recall"]["value"] >= 0.99 and dev["furniture precision"]["value"] >= 0.99


def test_every_date_conflict_on_unseen_copy_is_a_real_error(dev):
    """A conflict is a finding a reader sees: precision first (the five found are planted errors)."""
    assert dev["date conflicts that are real"]["num"] == dev["date conflicts that are real"]["den"] >= 5


def test_dates_are_tied_to_their_events(dev):
    # 124/129 after the fifth round's event words (Medvedev's post, the Kremlin's remark,
    # walking out of the treaty, missiles arriving); 128/129 after the seventh's (the
    # treaty's own end, the "after ..." phrase, the possessive weekday)
    assert dev["date events right"]["value"] >= 0.99


def test_quotes_and_names_do_not_lose_ground(dev):
    # floors: the dev scores after this round's speaker and furniture work (issue 22)
    # (235/266, 235/262, 81/87, 40/43, 40/48; names recall lost Joe Biden, found before only as
    # the speaker wrongly given to a pull quote that is now removed as furniture); recall
    # 236/262 after the third round's speaker work (a pronoun is the person named before its verb);
    # names 41/43, 41/41 after the fifth round's discovery work (titles inside a run, "and" joins);
    # quotes 237/268, 237/262, 82/87 after its speaker work ("X and Y, who said" is Y; no name
    # begins with a word capitalised by the sentence start); quotes 238/265 after the twelfth
    # round's speaker work ("This was stated by X" is the sentence before)
    assert dev["quote rows right speaker (precision)"]["value"] >= 0.89
    assert dev["quote rows right speaker (recall)"]["value"] >= 0.90
    assert dev["quoted spans right speaker"]["value"] >= 0.94
    assert dev["names recall"]["value"] >= 0.97 and dev["names precision"]["value"] >= 0.97


def test_no_coding_row_is_dropped_unseen(dev):
    """Rows that cannot be placed are counted as misses and listed, never dropped."""
    assert len(dev["lost"]) == sum(dev["lost by kind"].values()) <= 5
