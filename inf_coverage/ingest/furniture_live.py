"""Live blogs: the furniture of a page of entries, each under its time stamp, with a box of key
events at the top that repeats the entries' headlines.

``is_stamp`` says whether a line is a time stamp ("14:32", "Posted at 11:05", "2h ago",
"Updated 3 mins ago", "Aug 5, 2025, 10:12 AM EDT"); ``key_event_lines`` returns the indices of
the lines that are an entry's headline repeated in the key-events box: both copies are
furniture, the entry's text under them is the story."""

from __future__ import annotations

import re
from collections import defaultdict

#: A time stamp has at most this many words.
STAMP_MAX_WORDS = 8
#: A headline repeated in the key-events box has at least this many words ...
KEY_EVENT_MIN_WORDS = 4
#: ... and at most this many.
KEY_EVENT_MAX_WORDS = 20
# a clock time ("14:32", "9.41") or a time relative to now ("2h ago", "3 mins ago")
_STAMP_TIME_RE = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,3} ?(?:s|m|h|d|secs?|mins?|minutes?|hrs?|hours?|days?) ago\b", re.I)
_QUOTE_MARKS = set("\"\u201c\u201d\u00ab\u00bb\u201e")
# a second sentence inside a line ("... final. Allies ...")
_INNER_SENTENCE_RE = re.compile(r"(?<=[a-z]{2})[.!?][\"'\u201d\u2019)]*\s+[\"'\u201c\u2018]?[A-Z]")


def is_stamp(text: str) -> bool:
    """True if ``text`` is a time stamp alone: up to ``STAMP_MAX_WORDS`` words holding a clock
    time or a time relative to now, with no sentence's full stop at its end."""
    body = text.strip()
    if re.fullmatch(r"\d{1,2}[:.]\d{2}\.", body):     # "14:32." alone
        return True
    return (0 < len(body.split()) <= STAMP_MAX_WORDS and bool(_STAMP_TIME_RE.search(body))
            and not body.endswith((".", "!", "?")))


def key_event_lines(lines: list, removed: list) -> set:
    """Indices of the lines, among those not ``removed``, that are an entry's headline and its
    copy in the key-events box: a line of ``KEY_EVENT_MIN_WORDS`` to ``KEY_EVENT_MAX_WORDS``
    words, opening with a capital, one sentence at most, without quotation marks, that stands
    word for word on two lines or more of the page, one of them straight under a time stamp
    (``is_stamp``) that is furniture already. A story's sentence said twice under no stamp
    stays. ``lines`` are (start, end, text) of the non-empty lines."""
    copies: dict = defaultdict(list)
    for k, (_s, _e, text) in enumerate(lines):
        n = len(text.split())
        if (not removed[k] and KEY_EVENT_MIN_WORDS <= n <= KEY_EVENT_MAX_WORDS and text[:1].isupper()
                and not _QUOTE_MARKS.intersection(text) and not _INNER_SENTENCE_RE.search(text)):
            copies[text].append(k)
    out: set = set()
    for ks in copies.values():
        if len(ks) >= 2 and any(k > 0 and removed[k - 1] and is_stamp(lines[k - 1][2]) for k in ks):
            out.update(ks)
    return out


__all__ = ["is_stamp", "key_event_lines"]
