"""Readers' comments under a story, known by their shape and place rather than their words:
each comment a head (the commenter's name, then a time stamp), a short text, and a foot of
buttons ("Reply", a count of likes) that the line rules have already removed, two or more
such comments in a row at the foot of the page; and a page's closing disclosures, the
paragraphs under short labels below the authors' contact block. Cleaning runs these after the
other layout rules (``inf_coverage.ingest.furniture_layout``), on what those have left."""

from __future__ import annotations

import re

from inf_coverage.ingest.pageheader import _is_name, _is_print_date

#: A comment's text has at most this many lines ...
COMMENT_MAX_LINES = 3
#: ... each of at most this many words.
COMMENT_MAX_WORDS = 80
#: A commenter's name line has at most this many words.
COMMENTER_MAX_WORDS = 5

# a time stamp alone: a clock time ("9:41 am"), a relative time as a social page prints it
# ("1w", "3d", "2 hours ago")
_STAMP_RE = re.compile(
    r"(?:\d{1,2}[:.]\d{2}[ \t]?(?:[ap]\.?m\.?)?|\d{1,3} ?(?:s|m|h|d|w|mo|y)"
    r"|\d{1,3} (?:minutes?|hours?|days?|weeks?|months?|years?) ago)\Z", re.I)
# the separators of a comment's head written on one line ("Ada_77 | Aug 5, 2025 7:12pm")
_HEAD_SEP_RE = re.compile(r"[ \t]+[|\u00b7\u2022][ \t]+")
# a handle: one word with a digit, an underscore or a capital inside ("Ada_77", "PortReader")
_HANDLE_RE = re.compile(r"@?[A-Za-z][\w.-]*(?:[0-9_]|[a-z][A-Z])[\w.-]*\Z")


def _is_stamp(text: str) -> bool:
    """True if ``text`` is a time stamp alone: a printed date, perhaps with a clock time
    ("8 May 2025 at 9:40 am", "May 8, 2025"), a clock time or a relative time ("1w")."""
    return _is_print_date(text) or bool(_STAMP_RE.match(text))


def _is_commenter(text: str) -> bool:
    """True if ``text`` is a commenter's name line: a name of two words or more ("Ada
    Example", "A. Example"), or a handle ("Ada_77"), perhaps with a tag after a separator
    ("Ada Example \u2022 2nd"), no sentence."""
    head = _HEAD_SEP_RE.split(text)[0].strip()
    words = head.split()
    if not words or len(words) > COMMENTER_MAX_WORDS or head[-1] in ".!?:,;":
        return False
    if len(words) == 1:
        return bool(_HANDLE_RE.match(head))
    return _is_name(head) or all(w[:1].isupper() for w in words)


def _head_on_one_line(text: str) -> bool:
    """True if ``text`` is a comment's head on one line: a commenter, a separator and a
    time stamp ("Ada_77 | Aug 5, 2025 7:12pm")."""
    parts = _HEAD_SEP_RE.split(text)
    return len(parts) == 2 and _is_commenter(parts[0]) and _is_stamp(parts[1].strip())


def comment_lines(lines: list, removed: list) -> set:
    """Indices of readers' comments among ``lines`` ((start, end, text) of each non-blank
    line; ``removed[k]`` if line k is furniture already): a time stamp (``_is_stamp``)
    with a commenter (``_is_commenter``) on the line above it or on the one above that
    (the line between removed: a commenter's title), or a head on one line
    ("Ada_77 | Aug 5, 2025 7:12pm"); then up to ``COMMENT_MAX_LINES`` lines of text, each of
    up to ``COMMENT_MAX_WORDS`` words, ended by a line of furniture (the comment's
    buttons). Two comments or more, and nothing below the first but comments and
    furniture; else none. The stamp, the text and a commenter not yet removed are
    returned."""
    n = len(lines)
    units: list = []
    for k in range(n):
        text = lines[k][2]
        if _head_on_one_line(text):
            head = [k]
        elif _is_stamp(text):
            above = [j for j in (k - 1, k - 2) if j >= 0]
            who = next((j for j in above if _is_commenter(lines[j][2])
                        and all(removed[i] for i in range(j + 1, k))), None)
            if who is None:
                continue
            head = list(range(who, k + 1))
        else:
            continue
        j = k + 1
        while j < n and not removed[j] and len(lines[j][2].split()) <= COMMENT_MAX_WORDS \
                and not _is_stamp(lines[j][2]):
            j += 1
        if not 1 <= j - k - 1 <= COMMENT_MAX_LINES or j == n or not removed[j]:
            continue
        units.append(head + list(range(k + 1, j)))
    if len(units) < 2:
        return set()
    out = {i for unit in units for i in unit}
    if not all(removed[i] or i in out for i in range(units[0][0], n)):
        return set()
    return {i for i in out if not removed[i]}


#: A page's closing disclosures lie within this many lines of its foot ...
DISCLOSURE_WITHIN = 12
#: ... are at most this many paragraphs in all, at most two under each label, ...
DISCLOSURE_MAX_LINES = 4
#: ... and each label over them has at most this many words.
DISCLOSURE_LABEL_MAX_WORDS = 4
# an e-mail address: a contact block ends the story ("Ada Example | ada@post.example")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def disclosure_lines(lines: list, removed: list) -> set:
    """Indices of the closing disclosures of a page (a research note's certification and legal
    notice): below the last line of furniture with an e-mail address (the authors' contact
    block), among the last ``DISCLOSURE_WITHIN`` lines, nothing but furniture and up to
    ``DISCLOSURE_MAX_LINES`` paragraphs, one or two under each short label that is furniture
    ("Important notice", a label of up to ``DISCLOSURE_LABEL_MAX_WORDS`` words); else none.
    ``lines`` and ``removed``: as in ``comment_lines``."""
    n = len(lines)
    contact = next((k for k in range(n - 1, max(-1, n - DISCLOSURE_WITHIN - 1), -1)
                    if removed[k] and _EMAIL_RE.search(lines[k][2])), None)
    if contact is None:
        return set()
    out: set = set()
    for k in range(contact + 1, n):
        if removed[k]:
            continue
        label = next((j for j in (k - 1, k - 2) if j > contact and removed[j]), None)
        if label is None or not all(j in out for j in range(label + 1, k)):
            return set()
        words = lines[label][2].split()
        if len(words) > DISCLOSURE_LABEL_MAX_WORDS or lines[label][2][-1] in ".!?,;":
            return set()
        out.add(k)
    return out if len(out) <= DISCLOSURE_MAX_LINES else set()
