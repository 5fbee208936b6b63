"""Page furniture known by its place among the lines of a page rather than by its words:
note and reference lists, running heads repeated on each page of a printed document, the
headlines of a list of links (each under a time stamp, above a source line, or in a run
between other furniture). Cleaning (``inf_coverage.ingest.cleaning``) runs these after its
line rules, on what those have left."""

from __future__ import annotations

import bisect
import re

from inf_coverage.ingest.furniture_comments import comment_lines, disclosure_lines
from inf_coverage.ingest.furniture_live import key_event_lines
from inf_coverage.ingest.furniture_print import drop_cap_breaks, drop_cap_spans, print_lines, pull_quote_lines
from inf_coverage.ingest.notemarks import cited_numbers, endnote_lines, note_marker_spans
from inf_coverage.ingest.pageheader import (
    _DATE_TOKEN_RE,
    _DATE_WORDS,
    _MONTH_WORDS,
    _is_byline,
    _is_meta_line,
    _is_name,
    _is_print_date,
    _is_self_dated,
)

#: A line of a note or reference list has at most this many words.
NOTE_LIST_MAX_WORDS = 60
#: A running head (a line repeated on each page of a printed document) has at most this many
#: words.
RUNNING_HEAD_MAX_WORDS = 12
#: A photo's caption, said by its place above its credit, has at most this many words.
CAPTION_MAX_WORDS = 40
#: A photo's credit alone on its line has at most this many words.
CREDIT_MAX_WORDS = 8
#: A note of the outlet on itself at the foot of the page has at most this many words.
OUTLET_NOTE_MAX_WORDS = 40
#: A short note wedged between lines of furniture in the page's head or foot block: at most this
#: many words, with at least ``WEDGED_NOTE_MIN_ABOVE`` lines of furniture straight above it.
WEDGED_NOTE_MAX_WORDS = 18
WEDGED_NOTE_MIN_ABOVE = 3
#: A standfirst (the summary under a headline) has at most this many words ...
STANDFIRST_MAX_WORDS = 80
#: ... and is among this many first lines of the page, and the byline or printed date under
#: it among this many lines of furniture straight below it.
STANDFIRST_WITHIN = 16
#: A form's placeholder ("Type your email...") has at most this many words.
PLACEHOLDER_MAX_WORDS = 4
#: A headline of a list of links has at most this many words ...
LINK_HEADLINE_MAX_WORDS = 20
#: ... and a run of such headlines between other furniture at most this many lines.
LINK_RUN_MAX_LINES = 8

# a reference's back-link opening a line: "^ ...", "↑ ..." (a wiki's reference list)
_CARET_NOTE_RE = re.compile(r"[\^\u2191][ \t]?\S")
# a note opening with its number and a space, no full stop after it ("3 Interview with ...");
# "3. ..." is a numbered paragraph of the text
_NUMBERED_NOTE_RE = re.compile(r"(\d{1,3})[ \t]+[A-Z\"'\u201c\u2018]")
# a reference numbered with a full stop, opening with a title in quotation marks ended by a full
# stop inside or outside them, then its source ('4. "Title". Harbour Post.'); a quotation with
# its speaker after a comma ('4. "We will see," she said.') is no reference
_CITED_NOTE_RE = re.compile(r"(\d{1,3})\.[ \t]+[\"\u201c][^\"\u201c\u201d]+(?:\.[\"\u201d]|[\"\u201d]\.)[ \t]+[A-Z0-9]")
# a line of an earlier mail quoted in a reply ("> Is the pier shut?"): the writer's words, no
# heading of this page
QUOTED_REPLY_RE = re.compile(r">[ \t]?\S")
# a time relative to now, as a list of links prints it: "6d ago", "12m ago", "3 hours ago"
_RELATIVE_TIME_RE = re.compile(
    r"(?:\d{1,3} ?(?:s|m|h|d|w|mo|y|secs?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?) ago"
    r"|just now|yesterday)\Z", re.I)
# a clock time, perhaps with a time zone: "14.38 BST", "15:05", "9:41 am ET"
_CLOCK_LINE_RE = re.compile(r"\d{1,2}[:.]\d{2}(?:[ \t]?[ap]\.?m\.?)?(?:[ \t]+[A-Z]{2,4})?\Z", re.I)
# a photo's credit: a photo word, or names set apart by a slash ("Ada Example / Harbour Post")
_PHOTO_CREDIT_RE = re.compile(r"\b(?:photos?|photograph|image|picture|getty|afp|reuters|ap|epa|pool)\b|\S / \S", re.I)
# the label of a caption or of a photo's credit standing alone ("Image caption,", "Media caption:")
_CAPTION_LABEL_RE = re.compile(r"(?:image|media|photo|video|picture) caption[,:]?\Z", re.I)
# a label of links to other stories alone on its line ("Read more", "See also", "Related")
_LINKS_LABEL_RE = re.compile(
    r"(?:read (?:more|also|next)|also read|see also|more on this(?: story)?|related"
    r"(?: articles?| stories| coverage| content| reading| news)?|recommended(?: reading)?|explore more)\Z", re.I)
# a caption's label inside a line ("AP Photo: ...", "Image: ...")
_CAPTION_WORD_RE = re.compile(r"\b(?:photo|image|picture|caption)s?:", re.I)
# a salutation alone on its line, perhaps with a name, then a comma, a full stop or "!":
# "Good morning,", "Hello everyone.", "Dear Ada Example,"
_GREETING_RE = re.compile(r"(?:good (?:morning|afternoon|evening|day)|hello|hi|dear|greetings)\b"
                          r"(?:[ \t]+[\w'-]+){0,2}[ \t]*[,.!]\Z", re.I)
# a label of up to three words ending in a colon ("Share:", "Related links:", "Key points:")
_COLON_LABEL_RE = re.compile(r"[A-Z][\w'\u2019-]*(?: [\w'\u2019-]+){0,2}:\Z")
_ELLIPSIS_RE = re.compile(r"(?:\.\.\.|\u2026)\Z")
# a line opening with a salutation: the writer's own voice ("Good morning, and welcome ...")
_GREETING_OPEN_RE = re.compile(r"(?:good (?:morning|afternoon|evening|day)|hello|hi|dear|greetings)\b", re.I)
# an e-mail or web address inside a line
_ADDRESS_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\bhttps?://|\bwww\.")
_QUOTE_MARKS = set("\"\u201c\u201d\u00ab\u00bb\u201e")
_LIST_MARKS = "\u30fb\u2022\u25aa\u25b8\u25ba\u2192*-\u2013 \t"
_HEADLINE_CLOSERS = "\"'\u201d\u2019)]* "
# a second sentence inside a line: a word of two small letters or more and a full stop, then
# a capital ("U.S. Typhon" is none)
# a past report of someone's words: a story's sentence ("The ministry said on Monday ..."), never a
# note of the page on itself
_REPORTED_RE = re.compile(r"\b(?:said|told|announced|declared|stated|added|warned|according to)\b")
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


def _note_list_lines(lines: list, removed: list) -> set:
    """Indices of lines of a note or reference list: two or more lines in a row opening with
    a back-link ("^ ..."), or, at the foot of the page (nothing but furniture, ``removed``,
    below them), numbered in sequence ("1 Ministry of ..., 4 August 2025." / "2 Interview
    with ..."; or '1. "Title". Source.', ``_CITED_NOTE_RE``; a day and its month, "4 August:
    ...", is a date, no number), each of up to
    ``NOTE_LIST_MAX_WORDS`` words."""
    out: set = set()
    run: list = []

    def close(numbered: bool = False):
        if len(run) >= 2 and not (numbered and not all(removed[run[-1] + 1:])):
            out.update(run)
        run.clear()

    for k, (_s, _e, text) in enumerate(lines):
        if _CARET_NOTE_RE.match(text) and len(text.split()) <= NOTE_LIST_MAX_WORDS:
            run.append(k)
        else:
            close()
    close()
    prev = None
    for k in range(len(lines)):
        m = _NUMBERED_NOTE_RE.match(lines[k][2]) or _CITED_NOTE_RE.match(lines[k][2])
        words = lines[k][2].split()
        # a number before a month is a date ("4 August: ..." / "5 August: ..." is a timeline)
        date = len(words) > 1 and words[1].strip(".,:;").lower() in _MONTH_WORDS
        n = int(m.group(1)) if m and not date and len(words) <= NOTE_LIST_MAX_WORDS else None
        if n is not None and prev is not None and n == prev + 1 and run:
            run.append(k)
        else:
            close(numbered=True)
            if n is not None:
                run.append(k)
        prev = n
    close(numbered=True)
    return out


def _shape(text: str) -> str:
    """A line's letters in lower case, its numbers and spacing left out: a running head
    keeps its shape from page to page ("2   Institute | Brief", "Institute | Brief   3")."""
    return " ".join(_DATE_TOKEN_RE.findall(re.sub(r"\d+", " ", text.lower())))


# a line of a printed table of contents: an entry, a dot leader, its page ("Ada Example,
# Minister of Ports..........    4"; the leader may start at an abbreviation's full stop)
_LEADER_RE = re.compile(r"\.{2,}[ \t]*\d{1,4}\Z")
#: The first line of an entry broken over two or more has at most this many characters.
CONTENTS_LINE_MAX = 90


def _blocks(raw_text: str, lines: list):
    """The page's blocks: runs of indices into ``lines`` ((start, end, text) of each non-blank
    line) with no blank line between neighbours, in order."""
    block: list = []
    for k in range(len(lines)):
        if block and raw_text.count("\n", lines[block[-1]][1], lines[k][0]) > 1:
            yield block
            block = []
        block.append(k)
    if block:
        yield block


def _contents_lines(raw_text: str, lines: list) -> set:
    """Indices of a printed table of contents: in a block of lines with no blank line between
    them, two or more that end in a dot leader and a page number (``_LEADER_RE``), with the
    lines straight above each that carry its entry on (short, no sentence ended)."""
    out: set = set()
    for block in _blocks(raw_text, lines):
        leaders = [j for j in block if _LEADER_RE.search(lines[j][2])]
        if len(leaders) >= 2:
            for j in leaders:
                out.add(j)
                i = j - 1
                while i >= block[0] and i not in out and not _LEADER_RE.search(lines[i][2]) \
                        and len(lines[i][2]) <= CONTENTS_LINE_MAX and not lines[i][2].endswith((".", "!", "?")):
                    out.add(i)
                    i -= 1
    return out


# an entry of a table of contents on screen: a section's number, perhaps with sub-numbers, and
# its heading ("1 Background", "2.1 2019")
_NUMBERED_ENTRY_RE = re.compile(r"(\d{1,2})(?:\.\d{1,2})*\.?[ \t]+(\S.*)")
_LETTER_RE = re.compile(r"[^\W\d_]")
_BRACKETED_RE = re.compile(r"\[[^\]]*\]")
#: An entry of such a table has at most this many words in its heading.
CONTENTS_ENTRY_MAX_WORDS = 8


def _numbered_contents_lines(lines: list) -> set:
    """Indices of a table of contents on screen: two or more lines in a row, each a number
    and a short heading (``_NUMBERED_ENTRY_RE``, no sentence ended), the first numbered 1 and
    each next the same number or one more, and two of the headings or more heading sections
    below them (a later line that is the heading, or the heading and marks without letters or
    a bracketed label: "2019[edit]")."""
    out: set = set()
    k = 0
    while k < len(lines):
        m = _NUMBERED_ENTRY_RE.fullmatch(lines[k][2])
        if not m or m.group(1) != "1":
            k += 1
            continue
        run, prev = [], 0
        j = k
        while j < len(lines):
            mj = _NUMBERED_ENTRY_RE.fullmatch(lines[j][2])
            head = mj.group(2).strip() if mj else ""
            if not mj or int(mj.group(1)) not in (prev, prev + 1) or len(head.split()) > CONTENTS_ENTRY_MAX_WORDS \
                    or head.endswith((".", "!", "?", ",", ";")):
                break
            run.append((j, head))
            prev = int(mj.group(1))
            j += 1
        below = [t for _s, _e, t in lines[j:]]
        heads = sum(any(t == head or (t.startswith(head)
                             and not _LETTER_RE.search(_BRACKETED_RE.sub("", t[len(head):]))) for t in below)
                    for _j, head in run)
        if len(run) >= 2 and heads >= 2:
            out.update(j for j, _h in run)
        k = max(j, k + 1)
    return out


# the label of a box about the author, the guest or the sender ("About the author",
# "ABOUT THE GUEST", "About the Harbour Trust", "About us:")
_ABOUT_LABEL_RE = re.compile(r"(?i)about (?:the|our|this|us)\b[\w&'\u2019 -]{0,60}:?")
#: A box under an "About ..." label has at most this many lines and words.
ABOUT_BOX_MAX_LINES = 8
ABOUT_BOX_MAX_WORDS = 90


def _about_box_lines(raw_text: str, lines: list) -> set:
    """Indices of a box about the author, the guest or the sender in the second half of the
    page: a label "About the ..." (``_ABOUT_LABEL_RE``, up to seven words) alone on its line
    and the lines straight under it up to a blank line or the end of the text, if they are
    at most ``ABOUT_BOX_MAX_LINES`` lines of at most ``ABOUT_BOX_MAX_WORDS`` words (a longer
    run is the article going on)."""
    for k, (s, _e, text) in enumerate(lines):
        if s < len(raw_text) // 2 or len(text.split()) > 7 or not _ABOUT_LABEL_RE.fullmatch(text):
            continue
        box = [k]
        while box[-1] + 1 < len(lines) and raw_text.count("\n", lines[box[-1]][1], lines[box[-1] + 1][0]) <= 1:
            box.append(box[-1] + 1)
        words = sum(len(lines[j][2].split()) for j in box[1:])
        if 1 < len(box) <= ABOUT_BOX_MAX_LINES + 1 and words <= ABOUT_BOX_MAX_WORDS:
            return set(box)
    return set()


#: A paragraph wholly in square brackets has at most this many words.
BRACKETED_MAX_WORDS = 60


def _bracketed_lines(raw_text: str, lines: list) -> set:
    """Indices of the lines of each paragraph (lines with no blank line between them) that
    stands wholly in one pair of square brackets, of up to ``BRACKETED_MAX_WORDS`` words: an
    editor's or a printer's note on the text ("[Ada Example's statement follows:]", "[End of
    the excerpt.]", "[Music]"), never the reader's text, which brackets only a word inside."""
    out: set = set()
    for block in _blocks(raw_text, lines):
        text = " ".join(lines[j][2] for j in block)
        if text.startswith("[") and text.endswith("]") and text.count("[") == text.count("]") == 1 \
                and len(text.split()) <= BRACKETED_MAX_WORDS and any(c.isalpha() for c in text):
            out.update(block)           # (an omission mark alone, "[...]", is the text's)
    return out


def _running_head_lines(lines: list) -> set:
    """Indices of running heads and page numbers: a line of up to ``RUNNING_HEAD_MAX_WORDS``
    words with a number in it and a word that is no date word, that does not end as a
    sentence ends, whose shape
    (``_shape``) two or more lines of the page share; and a line that is a number alone
    (a page number) beside one of them."""
    groups: dict = {}
    for k, (_s, _e, text) in enumerate(lines):
        core = text.rstrip(_HEADLINE_CLOSERS)
        shape = _shape(text)
        # dates alone ("4 August 2025", "Tuesday 14:05 BST") head the entries of a timeline
        if (len(text.split()) <= RUNNING_HEAD_MAX_WORDS and any(c.isdigit() for c in text)
                and any(c.isalpha() and w not in _DATE_WORDS for w in shape.split() for c in w)
                and core[-1:] not in ".!?;:"):
            groups.setdefault(shape, []).append(k)
    out = {k for ks in groups.values() if len(ks) >= 2 for k in ks}
    for k in list(out):
        for j in (k - 1, k + 1):
            if 0 <= j < len(lines) and lines[j][2].isdigit() and len(lines[j][2]) <= 4:
                out.add(j)
    return out


def _ended(text: str) -> bool:
    """True if ``text`` ends as a sentence ends (closing quotation marks and brackets aside)."""
    core = text.rstrip(_HEADLINE_CLOSERS)
    return core[-1:] in set(".!?;:\u2026")


def _caption_lines(lines: list, gone: list, rules: list) -> set:
    """Indices of a photo's caption known by its place (the page laid out one paragraph a
    line): the line straight above a photo's credit alone on its line ("Credit: ...",
    "Ada Example / Harbour Post", a caption line ending in its credit) that does not end as
    a sentence ends, or such a line and the next one that finishes its sentence (a caption
    broken over two lines); the line under a caption's label ("Image caption,"); the
    line finishing the sentence of a caption removed already (one starting in lower case or
    with a number); and the line under a caption that repeats its text without its label
    ("Photo 2 of 9. The old pier at dusk." / "The old pier at dusk."). Each of up to
    ``CAPTION_MAX_WORDS`` words, without quotation marks."""
    out: set = set()

    def fits(k: int) -> bool:
        text = lines[k][2]
        return not gone[k] and len(text.split()) <= CAPTION_MAX_WORDS and not _QUOTE_MARKS.intersection(text)

    for c, (_s, _e, text) in enumerate(lines):
        if not gone[c]:
            continue
        credit = rules[c] in ("photo caption", "photo credit") or (
            len(text.split()) <= CREDIT_MAX_WORDS and not _ended(text) and bool(_PHOTO_CREDIT_RE.search(text)))
        if credit and c >= 1 and fits(c - 1):
            if not _ended(lines[c - 1][2]):
                out.add(c - 1)
            elif c >= 2 and fits(c - 2) and not _ended(lines[c - 2][2]) and lines[c - 1][2][:1].islower():
                out.update((c - 2, c - 1))
        if c + 1 < len(lines) and fits(c + 1):
            nxt = lines[c + 1][2]
            caption = rules[c] == "photo caption" or bool(_CAPTION_WORD_RE.search(text))
            if _CAPTION_LABEL_RE.match(text) or (caption and not _ended(text)
                                                 and (nxt[:1].islower() or nxt[:1].isdigit())):
                out.add(c + 1)
            elif rules[c] == "photo caption" and len(nxt.split()) >= 3 and text.endswith(" " + nxt):
                out.add(c + 1)      # the caption again without its label (a gallery's alt text)
    return out


_ARTICLES = frozenset("the a an la le les l' el il lo der die das de het".split())


def _outlet_note_lines(lines: list, removed: list) -> set:
    """Indices of notes of the outlet on itself at the foot of the page, below the article:
    lines of up to ``OUTLET_NOTE_MAX_WORDS`` words, without quotation marks, that open with
    the name of the page's masthead (its first line, removed already: "Harbour Radio is
    funded by its listeners.") or with "We" or "Our" ("Our comments are moderated."), with
    two lines of furniture straight above and nothing below but furniture or other such
    notes."""
    out: set = set()
    if not lines or not removed[0] or len(lines[0][2].split()) > 5:
        return out
    words = re.findall(r"[^\W\d_][\w'-]*", lines[0][2])
    while words and words[0].lower() in _ARTICLES:
        words = words[1:]
    if not words:
        return out
    opener = re.compile(rf"(?:the )?{re.escape(words[0])}\b|(?:we|our)\b", re.I)
    for k in range(len(lines) - 1, 0, -1):
        if removed[k]:
            continue
        text = lines[k][2]
        if (k >= 2 and removed[k - 1] and removed[k - 2]
                and opener.match(text) and len(text.split()) <= OUTLET_NOTE_MAX_WORDS
                and not _QUOTE_MARKS.intersection(text)):
            out.add(k)
            continue
        break
    return out


def _address_note_lines(lines: list, removed: list) -> set:
    """Indices of notes with an address at the foot of the page: a line of up to
    ``OUTLET_NOTE_MAX_WORDS`` words among the lines not ``removed``, without quotation marks,
    holding an e-mail or web address (``_ADDRESS_RE``: "Send your letters to
    letters@example.org"), with nothing but furniture below it to the foot of the page and at
    least one line of it."""
    out: set = set()
    removed = list(removed)
    for k in range(len(lines) - 2, -1, -1):
        if removed[k]:
            continue
        text = lines[k][2]
        if (_ADDRESS_RE.search(text) and len(text.split()) <= OUTLET_NOTE_MAX_WORDS
                and not _QUOTE_MARKS.intersection(text) and all(removed[k + 1:])):
            out.add(k)
            removed[k] = True
            continue
        break
    return out


def _wedged_note_lines(lines: list, removed: list) -> set:
    """Indices of short notes wedged in the page's head or foot block: a line of up to
    ``WEDGED_NOTE_MAX_WORDS`` words among the lines not ``removed``, with at least
    ``WEDGED_NOTE_MIN_ABOVE`` lines of furniture straight above it and one straight below,
    and nothing but furniture either above it all the way to the top of the page (a
    disclaimer between a byline and the share buttons) or below it all the way to the foot
    (a preprint's "Comments:" line between its references and the copyright). Never a line
    with quotation marks, one opening with a bracketed cue ("[ANCHOR] ...") or one opening
    with a salutation (the writer's own welcome) or one reporting someone's words in the past
    (``_REPORTED_RE``: a story's sentence between a live blog's stamps or inline links), and
    never one under a line whose shape (``_shape``) recurs in its block (entries of readers'
    posts, each under a name and a time)."""
    out: set = set()
    n = len(lines)
    for k, (_s, _e, text) in enumerate(lines):
        if (removed[k] or k < WEDGED_NOTE_MIN_ABOVE or k + 1 == n or not removed[k + 1]
                or not all(removed[k - WEDGED_NOTE_MIN_ABOVE:k])):
            continue
        if (len(text.split()) > WEDGED_NOTE_MAX_WORDS or _QUOTE_MARKS.intersection(text)
                or text.startswith("[") or _GREETING_OPEN_RE.match(text) or _REPORTED_RE.search(text)):
            continue
        block = lines[:k] if all(removed[:k]) else lines[k + 1:] if all(removed[k + 1:]) else []
        shapes = [_shape(t) for _s2, _e2, t in block]
        # a shape repeated in the block (a name, a time stamp, "Reply" over each of readers'
        # posts) makes the line one of a run of entries, not a note
        if block and not any(shapes.count(_shape(t)) > 1 for _s2, _e2, t in lines[k - WEDGED_NOTE_MIN_ABOVE:k]):
            out.add(k)
    return out


def _standfirst_lines(lines: list, removed: list) -> dict:
    """{index: rule} of a standfirst the header rules left ("standfirst"): the page's first
    line that is not furniture, among its first ``STANDFIRST_WITHIN`` lines, of up to
    ``STANDFIRST_MAX_WORDS`` words (two or three sentences, too long for the header's
    headline-like lines), with furniture above it and a run of furniture straight below it
    (its first line furniture already, or the page's own printed date: ``_is_self_dated``)
    that holds a byline, a printed date or a meta line
    (the header's anchor) within ``STANDFIRST_WITHIN`` lines; with the anchors in that run
    that are not furniture yet ("byline", "print date", "meta line")."""
    f = next((k for k, r in enumerate(removed) if not r), len(lines))
    if (not 1 <= f < min(STANDFIRST_WITHIN, len(lines) - 1)
            or not (removed[f + 1] or _is_self_dated(lines[f + 1][2]))
            or len(lines[f][2].split()) > STANDFIRST_MAX_WORDS):
        return {}
    out = {f: "standfirst"}
    anchored = False
    for j in range(f + 1, min(len(lines), f + 1 + STANDFIRST_WITHIN)):
        text = lines[j][2]
        anchor = ("byline" if _is_byline(text) else "print date" if _is_print_date(text)
                  else "meta line" if _is_meta_line(text) else "")
        if not (removed[j] or anchor):
            break
        if anchor:
            anchored = True
            if not removed[j]:
                out[j] = anchor     # a printed date the evidence rule took for a heading of the text
    return out if anchored else {}


def _goes_on(lines: list, removed: list, k: int) -> bool:
    """True if the sentence of line ``k`` goes on in the next line of text: the next line
    (past one time stamp alone, removed) is not furniture and starts in lower case (a
    caption line of a video's transcript, "Russia says it is no longer bound" / "0:04" /
    "by its pledge."). A headline of a list of links ends where its line ends."""
    j = k + 1
    if j < len(lines) and removed[j] and _is_clock_line(lines[j][2]):
        j += 1
    return j < len(lines) and not removed[j] and lines[j][2][:1].islower()


def _link_list_lines(lines: list, removed: list) -> set:
    """Indices of the headlines of a list of links among the lines not ``removed`` (see
    ``layout_spans``)."""
    out: set = set()
    for k, (_s, _e, text) in enumerate(lines):
        if removed[k] or not _is_headline_like(text, two_sentences=True) or _goes_on(lines, removed, k):
            continue
        above = lines[k - 1][2] if k else ""
        below = lines[k + 1][2] if k + 1 < len(lines) else ""
        if (above and removed[k - 1] and (_is_clock_line(above) or _LINKS_LABEL_RE.match(above))
                and _is_headline_like(text)) or (below and _is_source_line(below)):
            out.add(k)
    removed = [r or k in out for k, r in enumerate(removed)]
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and not removed[j] and _is_headline_like(lines[j][2]) and not _goes_on(lines, removed, j):
            j += 1
        if j > k and j - k <= LINK_RUN_MAX_LINES and k > 0 and removed[k - 1] and j < len(lines) and removed[j]:
            out.update(range(k, j))
        k = max(j, k + 1)
    return out


def _colon_label_lines(lines: list, removed: list) -> list:
    """Indices of labels ending in a colon (``_COLON_LABEL_RE``) among the lines not
    ``removed``, from the foot of the page up: the last line, or one straight above a line of
    furniture (or another such label) that does not end as a sentence ends."""
    out: list = []
    removed = list(removed)
    for k in range(len(lines) - 1, -1, -1):
        if removed[k] or not _COLON_LABEL_RE.match(lines[k][2]):
            continue
        if k + 1 == len(lines) or (removed[k + 1] and lines[k + 1][2][-1:] not in ".!?\u2026"):
            out.append(k)
            removed[k] = True
    return out


def _stamp_lines(lines: list, removed: list) -> list:
    """Indices of the time stamps alone on their lines among the lines not ``removed``: a date
    with a clock time ("6 Mar 2026 08:45 CET", ``_is_clock_line``), a live blog's or a post's
    stamp, not a timeline's date heading (a date alone, which the prose rules keep)."""
    return [k for k, (_s, _e, text) in enumerate(lines) if not removed[k] and _is_clock_line(text)]


def layout_spans(raw_text: str, claimed: list, wrapped: bool) -> list:
    """Spans (start, end, rule) of page furniture known by its place on the page, among the
    lines that no span of ``claimed`` (sorted (start, end, rule) of the furniture found so
    far) touches: "footnote" (note and reference lists), "running head" (a printed
    document's page heads and numbers), "navigation" (a printed table of contents:
    ``_contents_lines``, or one on screen: ``_numbered_contents_lines``), "author bio" (a
    box under an "About the ..." label:
    ``_about_box_lines``), "editor's note" (a paragraph wholly in square brackets:
    ``_bracketed_lines``), and, in a text laid out one paragraph a line, "photo
    caption" (``_caption_lines``), "share buttons" (a form's placeholder: "Type your
    email...") and "link list": a headline under a time stamp alone with no full stop of its
    own (a live blog's entry) or under a label of links ("Read more"), a headline above its
    source line ("Baltic Courier · 6d ago"), and a run of up to ``LINK_RUN_MAX_LINES``
    headlines with furniture straight above and below it (a list of related stories under
    its label), never a line whose sentence goes on in the next (``_goes_on``);
    "outlet note" (``_outlet_note_lines``), "standfirst" (``_standfirst_lines``)
    and "greeting": a newsletter's or an e-mail's salutation alone on a line among the first
    ``STANDFIRST_WITHIN`` lines ("Good morning,", "Dear Ada,"; a sentence after it stays); and
    "no sentence": a label of up to three words ending in a colon (``_COLON_LABEL_RE``) at the
    foot of the page or over a line of furniture that is no sentence ("Related links:" over
    link headlines; a label over prose, "What they said:", stays); "wedged note": a short
    line between lines of furniture in the page's head or foot block (``_wedged_note_lines``);
    "contact line": a note with an e-mail or web address over nothing but furniture at the
    foot (``_address_note_lines``);
    "no sentence" also for a time stamp alone (``_stamp_lines``), "repeated text" for a live
    blog's entry headline and its copy in the key-events box (``furniture_live``), "footnote" for a numbered note
    list at the foot that the body's note markers cite (``notemarks.endnote_lines``);
    and, last, "reader comment":
    the stamps and texts of two or more readers' comments at the foot of the page
    (``inf_coverage.ingest.furniture_comments.comment_lines``), and "disclaimer": labelled
    paragraphs below the authors' contact block at the foot (``disclosure_lines`` there)."""
    lines = _lines(raw_text)
    starts = [s for s, _e, _r in claimed]

    def taken(s: int, e: int) -> str:
        k = bisect.bisect_right(starts, e)
        return next((r for cs, ce, r in claimed[max(0, k - 8):k] if cs < e and s < ce), "")

    rules = [taken(s, e) for s, e, _ in lines]
    gone = [bool(r) for r in rules]
    heads = _running_head_lines(lines)
    found: dict = dict.fromkeys(heads, "running head")
    found.update(print_lines(raw_text, lines, [g or k in found for k, g in enumerate(gone)], heads, wrapped))
    found = {**dict.fromkeys(_contents_lines(raw_text, lines) | _numbered_contents_lines(lines), "navigation"),
             **dict.fromkeys(_about_box_lines(raw_text, lines), "author bio"),
             **dict.fromkeys(_bracketed_lines(raw_text, lines), "editor's note"), **found}
    for k in _note_list_lines(lines, [g or k in found for k, g in enumerate(gone)]):
        found[k] = "footnote"
    cited = cited_numbers(raw_text, note_marker_spans(raw_text))
    found.update(dict.fromkeys(endnote_lines(lines, [g or k in found for k, g in enumerate(gone)], cited), "footnote"))
    if not wrapped:
        for k in _caption_lines(lines, gone, rules):
            found.setdefault(k, "photo caption")
        for k, (_s, _e, text) in enumerate(lines):
            if (not gone[k] and len(text.split()) <= PLACEHOLDER_MAX_WORDS and _ELLIPSIS_RE.search(text)
                    and text[:1].isupper() and not _QUOTE_MARKS.intersection(text)):
                found.setdefault(k, "share buttons")
        for k in _link_list_lines(lines, [g or k in found for k, g in enumerate(gone)]):
            found[k] = "link list"
        for k in _outlet_note_lines(lines, [g or k in found for k, g in enumerate(gone)]):
            found[k] = "outlet note"
        found.update(_standfirst_lines(lines, [g or k in found for k, g in enumerate(gone)]))
        for k, (_s, _e, text) in enumerate(lines[:STANDFIRST_WITHIN]):
            if not gone[k] and k not in found and _GREETING_RE.match(text):
                found[k] = "greeting"
        found.update(dict.fromkeys(_colon_label_lines(lines, [g or k in found for k, g in enumerate(gone)]),
                                   "no sentence"))
        found.update(dict.fromkeys(_address_note_lines(lines, [g or k in found for k, g in enumerate(gone)]),
                                   "contact line"))
        found.update(dict.fromkeys(_wedged_note_lines(lines, [g or k in found for k, g in enumerate(gone)]),
                                   "wedged note"))
    found.update(dict.fromkeys(comment_lines(lines, [g or k in found for k, g in enumerate(gone)]), "reader comment"))
    found.update(dict.fromkeys(disclosure_lines(lines, [g or k in found for k, g in enumerate(gone)]), "disclaimer"))
    found.update(dict.fromkeys(pull_quote_lines(lines, [g or k in found for k, g in enumerate(gone)]), "repeated text"))
    found.update(dict.fromkeys(_stamp_lines(lines, [g or k in found for k, g in enumerate(gone)]), "no sentence"))
    found.update(dict.fromkeys(key_event_lines(lines, [g or k in found for k, g in enumerate(gone)]), "repeated text"))
    spans = [(lines[k][0], lines[k][1], rule) for k, rule in sorted(found.items()) if not gone[k]]
    return spans + drop_cap_breaks(raw_text)


__all__ = ["QUOTED_REPLY_RE", "drop_cap_spans", "layout_spans"]
