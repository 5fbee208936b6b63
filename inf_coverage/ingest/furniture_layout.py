"""Page furniture known by its place among the lines of a page rather than by its words:
note and reference lists, running heads repeated on each page of a printed document, the
headlines of a list of links (each under a time stamp, above a source line, or in a run
between other furniture). Cleaning (``inf_coverage.ingest.cleaning``) runs these after its
line rules, on what those have left."""

from __future__ import annotations

import bisect
import re

from inf_coverage.ingest.pageheader import _DATE_TOKEN_RE, _is_byline, _is_meta_line, _is_name, _is_print_date

#: A line of a note or reference list has at most this many words.
NOTE_LIST_MAX_WORDS = 60
#: A numbered note list stands in the last this share of a page's lines (notes follow the text).
NOTE_LIST_TAIL_SHARE = 0.5
#: A running head (a line repeated on each page of a printed document) has at most this many
#: words.
RUNNING_HEAD_MAX_WORDS = 12
#: A headline of a list of links has at most this many words ...
LINK_HEADLINE_MAX_WORDS = 20
#: ... and a run of such headlines between other furniture at most this many lines.
LINK_RUN_MAX_LINES = 8

# a reference's back-link opening a line: "^ ...", "↑ ..." (a wiki's reference list)
_CARET_NOTE_RE = re.compile(r"[\^\u2191][ \t]?\S")
# a note opening with its number and a space, no full stop after it ("3 Interview with ...");
# "3. ..." is a numbered paragraph of the text
_NUMBERED_NOTE_RE = re.compile(r"(\d{1,3})[ \t]+[A-Z\"'\u201c\u2018]")
# a time relative to now, as a list of links prints it: "6d ago", "12m ago", "3 hours ago"
_RELATIVE_TIME_RE = re.compile(
    r"(?:\d{1,3} ?(?:s|m|h|d|w|mo|y|secs?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?) ago"
    r"|just now|yesterday)\Z", re.I)
# a clock time, perhaps with a time zone: "14.38 BST", "15:05", "9:41 am ET"
_CLOCK_LINE_RE = re.compile(r"\d{1,2}[:.]\d{2}(?:[ \t]?[ap]\.?m\.?)?(?:[ \t]+[A-Z]{2,4})?\Z", re.I)
_LIST_MARKS = "\u30fb\u2022\u25aa\u25b8\u25ba\u2192*-\u2013 \t"
_HEADLINE_CLOSERS = "\"'\u201d\u2019)]* "
# a second sentence inside a line: a word of two small letters or more and a full stop, then
# a capital ("U.S. Typhon" is none)
_INNER_SENTENCE_RE = re.compile(r"(?<=[a-z]{2})[.!?][\"'\u201d\u2019)]*\s+[\"'\u201c\u2018]?[A-Z]")


def _lines(raw_text: str) -> list:
    """(start, end, text) of each non-empty line, its surrounding whitespace left out."""
    out = []
    pos = 0
    for line in raw_text.split("\n"):
        text = line.strip()
        if text:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(text), text))
        pos += len(line) + 1
    return out


def _is_source_line(text: str) -> bool:
    """True if ``text`` names where and when an item of a list of links was published: a
    byline or a meta line, or a source's name and a relative time ("Baltic Courier · 6d
    ago", "The Ledger | 3 hours ago")."""
    if _is_byline(text) or _is_meta_line(text):
        return True
    parts = [p.strip() for p in re.split(r"[|\u00b7\u2022]", text) if p.strip()]
    return (len(parts) == 2 and _is_name(parts[0]) and bool(_RELATIVE_TIME_RE.match(parts[1])))


def _is_clock_line(text: str) -> bool:
    """True if ``text`` is a time stamp alone: a clock time ("14.38 BST"), or a printed date
    with one ("5 Aug 2025, 15:20")."""
    return bool(_CLOCK_LINE_RE.match(text)) or (_is_print_date(text) and bool(re.search(r"\d[:.]\d\d", text)))


def _is_headline_like(text: str, two_sentences: bool = False) -> bool:
    """True if ``text`` reads as a headline: it opens with a capital or a quotation mark
    (after a list mark), has up to ``LINK_HEADLINE_MAX_WORDS`` words, no second sentence, and
    does not end as a statement ends (a full stop, colon, semicolon or comma; a question
    may end one); with ``two_sentences``, a first sentence may stand before it ("Opinion: The
    pledge was a fig leaf. Now it is gone")."""
    body = text.lstrip(_LIST_MARKS)
    core = body.rstrip(_HEADLINE_CLOSERS)
    words = body.split()
    return (bool(core) and (body[0].isupper() or body[0] in "\"'\u201c\u2018")
            and 2 <= len(words) <= LINK_HEADLINE_MAX_WORDS
            and core[-1] not in ".,;:\u2026" and (two_sentences or not _INNER_SENTENCE_RE.search(core)))


def _note_list_lines(lines: list) -> set:
    """Indices of lines of a note or reference list: two or more lines in a row opening with
    a back-link ("^ ..."), or, in the second half of the page, numbered in sequence ("1
    Ministry of ..., 4 August 2025." / "2 Interview with ..."), each of up to
    ``NOTE_LIST_MAX_WORDS`` words."""
    out: set = set()
    run: list = []

    def close():
        if len(run) >= 2:
            out.update(run)
        run.clear()

    for k, (_s, _e, text) in enumerate(lines):
        if _CARET_NOTE_RE.match(text) and len(text.split()) <= NOTE_LIST_MAX_WORDS:
            run.append(k)
        else:
            close()
    close()
    tail = int(len(lines) * (1 - NOTE_LIST_TAIL_SHARE))
    prev = None
    for k in range(tail, len(lines)):
        m = _NUMBERED_NOTE_RE.match(lines[k][2])
        n = int(m.group(1)) if m and len(lines[k][2].split()) <= NOTE_LIST_MAX_WORDS else None
        if n is not None and prev is not None and n == prev + 1 and run:
            run.append(k)
        else:
            close()
            if n is not None:
                run.append(k)
        prev = n
    close()
    return out


def _shape(text: str) -> str:
    """A line's letters in lower case, its numbers and spacing left out: a running head
    keeps its shape from page to page ("2   Institute | Brief", "Institute | Brief   3")."""
    return " ".join(_DATE_TOKEN_RE.findall(re.sub(r"\d+", " ", text.lower())))


def _running_head_lines(lines: list) -> set:
    """Indices of running heads and page numbers: a line of up to ``RUNNING_HEAD_MAX_WORDS``
    words with a number in it that does not end as a sentence ends, whose shape
    (``_shape``) two or more lines of the page share; and a line that is a number alone
    (a page number) beside one of them."""
    groups: dict = {}
    for k, (_s, _e, text) in enumerate(lines):
        core = text.rstrip(_HEADLINE_CLOSERS)
        if (len(text.split()) <= RUNNING_HEAD_MAX_WORDS and any(c.isdigit() for c in text)
                and any(c.isalpha() for c in text) and core[-1:] not in ".!?;:"):
            groups.setdefault(_shape(text), []).append(k)
    out = {k for ks in groups.values() if len(ks) >= 2 for k in ks}
    for k in list(out):
        for j in (k - 1, k + 1):
            if 0 <= j < len(lines) and lines[j][2].isdigit() and len(lines[j][2]) <= 4:
                out.add(j)
    return out


def layout_spans(raw_text: str, claimed: list, wrapped: bool) -> list:
    """Spans (start, end, rule) of page furniture known by its place on the page, among the
    lines that no span of ``claimed`` (sorted (start, end) pairs of furniture found so far)
    touches: "footnote" (note and reference lists), "running head" (a printed document's
    page heads and numbers), and, in a text laid out one paragraph a line, "link list": a
    headline under a time stamp alone with no full stop of its own (a live blog's entry), a
    headline above its source line ("Baltic Courier · 6d ago"), and a run of up to
    ``LINK_RUN_MAX_LINES`` headlines with furniture straight above and below it (a list of
    related stories under its label)."""
    lines = _lines(raw_text)
    starts = [s for s, _ in claimed]

    def taken(s: int, e: int) -> bool:
        k = bisect.bisect_right(starts, e)
        return any(cs < e and s < ce for cs, ce in claimed[max(0, k - 8):k])

    gone = [taken(s, e) for s, e, _ in lines]
    found: dict = {}
    for k in _note_list_lines(lines):
        found[k] = "footnote"
    for k in _running_head_lines(lines):
        found.setdefault(k, "running head")
    if not wrapped:
        removed = [g or k in found for k, g in enumerate(gone)]
        for k, (_s, _e, text) in enumerate(lines):
            if removed[k] or not _is_headline_like(text, two_sentences=True):
                continue
            above = lines[k - 1][2] if k else ""
            below = lines[k + 1][2] if k + 1 < len(lines) else ""
            if (above and removed[k - 1] and _is_clock_line(above) and _is_headline_like(text)) \
                    or (below and _is_source_line(below)):
                found[k] = "link list"
        removed = [g or k in found for k, g in enumerate(gone)]
        k = 0
        while k < len(lines):
            j = k
            while j < len(lines) and not removed[j] and _is_headline_like(lines[j][2]):
                j += 1
            if j > k and j - k <= LINK_RUN_MAX_LINES and k > 0 and removed[k - 1] and j < len(lines) and removed[j]:
                for i in range(k, j):
                    found[i] = "link list"
            k = max(j, k + 1)
    return [(lines[k][0], lines[k][1], rule) for k, rule in sorted(found.items()) if not gone[k]]
