"""The affiliation group a speaker's own title gives (extract/affiliations.py), on invented titles."""

import pytest

from inf_coverage.extract import affiliations


@pytest.mark.parametrize("context, group", [
    ("a correspondent for the Harbour Post", "media"),
    ("a NATO official", "nato_official"),
    ("a researcher at a Moscow institute", "russian_expert"),
    ("a fellow at a Beijing university", "chinese_expert"),
    ("a senior fellow at the Oslo Ferry Institute", "independent_expert"),
    # a state body's expert is its country's official
    ("head of the analysis centre at the Ukrainian National Security Council", "ukrainian_official"),
    ("Ukraine's foreign minister", "ukrainian_official"),
    ("Russia's deputy foreign minister", "russian_official"),
    ("Sen. Dana Moss (D-Conn.)", "us_official"),
    ("a Polish deputy defence minister", "european_official"),
    # a country word without an official word gives no official
    ("a Polish farmer", "unknown"),
    ("a shopkeeper in the harbour town", "unknown"),
])
def test_title_group_reads_the_speakers_own_title(context, group):
    assert affiliations.title_group(context) == group
