"""The speaker labels of a transcript in screenplay style: each speaker's name in capitals alone
on its line, directly above the paragraph of the turn ("ADA EXAMPLE, HARBOUR MASTER" and later
"EXAMPLE"). Such a label is no sentence, yet it is part of the story (it says who speaks), and
the turn under it may be a short question ("So is the pier shut?") that would otherwise read as
a subhead. Cleaning (``inf_coverage.ingest.cleaning``) keeps both: the evidence is the page's,
not the line's (several labels recur, each directly above a turn)."""

from __future__ import annotations

import re

from inf_coverage.ingest.furniture_boxes import _line_spans

#: A label has at most this many words (name, comma, role).
LABEL_MAX_WORDS = 8
#: A page is a screenplay transcript if at least this many distinct labels recur...
MIN_RECURRING_LABELS = 2
#: ... each at least this many times.
MIN_LABEL_REPEATS = 2

# the label's name part: capitals, spaces, hyphens, apostrophes, full stops of initials and a
# comma before a role; a bracketed note may follow ("(through translator)")
_LABEL_RE = re.compile(r"([A-Z][A-Z .,'\u2019\-]*[A-Z])\s*(\([^()\n]*\))?")


def _label_key(line: str) -> str | None:
    """The name of a candidate label line (the words before any comma), else None."""
    text = line.strip()
    m = _LABEL_RE.fullmatch(text)
    if not m or len(text.split()) > LABEL_MAX_WORDS or m.group(1).endswith("."):
        return None
    return m.group(1).split(",")[0].strip()


def screenplay_turn_lines(raw_text: str) -> list[tuple[int, int]]:
    """(start, end) of each speaker label line of a screenplay transcript and of the line of
    the turn directly under it; [] unless the page is one. A candidate label is a line in
    capitals (a bracketed note aside) of up to ``LABEL_MAX_WORDS`` words, with nothing or a
    blank line above it and a line of prose (with small letters) directly below; the page is a
    transcript if at least ``MIN_RECURRING_LABELS`` distinct names each label at least
    ``MIN_LABEL_REPEATS`` turns (a repeated "ADVERTISEMENT" line alone is not enough) and the
    label changes from one turn to the next at least half the time."""
    lines = list(_line_spans(raw_text))
    found = []
    for k, (s, e, line) in enumerate(lines):
        if k + 1 >= len(lines) or (k and lines[k - 1][2].strip()):
            continue
        key = _label_key(line)
        below = lines[k + 1]
        if key and any(c.islower() for c in below[2]) and _label_key(below[2]) is None:
            found.append((key, (s, e), (below[0], below[1])))
    counts: dict = {}
    for key, _, _ in found:
        counts[key] = counts.get(key, 0) + 1
    if sum(1 for n in counts.values() if n >= MIN_LABEL_REPEATS) < MIN_RECURRING_LABELS:
        return []
    # speakers take turns: most labels differ from the one before (a live page's repeated
    # "UPDATE" / "BREAKING" heads over its entries do not alternate so)
    changes = sum(1 for a, b in zip(found, found[1:]) if a[0] != b[0])
    if 2 * changes < len(found) - 1:
        return []
    return [span for _, label, turn in found for span in (label, turn)]
