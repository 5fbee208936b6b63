"""Page furniture of copy pasted from a printed (PDF) page, known by layout evidence: a pull
quote that repeats a passage of the story, a photo's credit ("PHOTOGRAPH: ...") and the
caption wrapped above it, a section label repeated under a running head, and a drop cap (the
first letter of the story alone on its line, "T" over "he promise ..."). The layout rules
(``inf_coverage.ingest.furniture_layout``) call these on what the line rules have left."""

from __future__ import annotations

import re

#: A pull quote has at least this many words and spans at most ``PULL_QUOTE_MAX_LINES`` lines.
PULL_QUOTE_MIN_WORDS = 8
PULL_QUOTE_MAX_LINES = 8
#: A pull quote breaking into a sentence is set narrower than the column (its lines but the
#: last under this share of the page's line width) unless it is in quotation marks.
PULL_QUOTE_NARROW = 0.8
#: Words in a row that must recur elsewhere on the page for a word to count as repeated.
REPEAT_SPAN = 5
#: At most this many runs of repeated lines are checked on a page (each check reads the page once).
MAX_REPEAT_CHECKS = 20
#: A photo's credit on its line has at most this many words ...
PRINT_CREDIT_MAX_WORDS = 8
#: ... and the caption wrapped above it at most this many lines and ``PRINT_CAPTION_MAX_WORDS`` words.
PRINT_CAPTION_MAX_LINES = 3
PRINT_CAPTION_MAX_WORDS = 30
#: A section label repeated under a running head has at most this many words.
SECTION_LABEL_MAX_WORDS = 4

_WORD_RE = re.compile(r"[a-z0-9]+")
_OPENING_QUOTES = "\"\u201c\u00ab\u201e'\u2018"
_CLOSERS = "\"'\u201d\u2019\u00bb)]* "
# a photo's credit opening with its label: "PHOTOGRAPH: ADA EXAMPLE/AGENCY", "Picture: ..."
_PRINT_CREDIT_RE = re.compile(r"(?:photo(?:graph)?|picture|image|illustration|credit)s?:[ \t]?\S", re.I)


def _ended(text: str) -> bool:
    return text.rstrip(_CLOSERS)[-1:] in set(".!?;:\u2026")


def _words(lines: list, keep: list) -> list:
    """Normalised words of the kept lines as (word, line index): lower case, hyphens dropped
    ("intermediate-range" is "intermediaterange"), and a word broken by a hyphen at a line's
    end joined with the rest of it on the next kept line ("Amer-" / "ican": "american")."""
    out: list = []
    carry = False
    for k, (_s, _e, text) in enumerate(lines):
        if not keep[k]:
            continue
        words = _WORD_RE.findall(text.lower().replace("-", ""))
        if carry and words and text[:1].islower():
            out[-1] = (out[-1][0] + words[0], out[-1][1])
            words = words[1:]
        out.extend((w, k) for w in words)
        carry = len(text) > 1 and text[-1] == "-" and text[-2].isalpha()
    return out


def _repeated(words: list) -> list:
    """For each word, True if it lies in ``REPEAT_SPAN`` words in a row that occur again at
    least ``REPEAT_SPAN`` words away (one pass: the first and last place of each run of
    words are the farthest apart)."""
    n = len(words)
    ends: dict = {}
    seq = [w for w, _ in words]
    for i in range(n - REPEAT_SPAN + 1):
        key = tuple(seq[i:i + REPEAT_SPAN])
        first, _last = ends.get(key, (i, i))
        ends[key] = (first, i)
    marks = [0] * (n + 1)
    for i in range(n - REPEAT_SPAN + 1):
        first, last = ends[tuple(seq[i:i + REPEAT_SPAN])]
        if max(i - first, last - i) >= REPEAT_SPAN:
            marks[i] += 1
            marks[i + REPEAT_SPAN] -= 1
    out, depth = [], 0
    for i in range(n):
        depth += marks[i]
        out.append(depth > 0)
    return out


def pull_quote_lines(lines: list, gone: list) -> set:
    """Indices of a pull quote: a run of up to ``PULL_QUOTE_MAX_LINES`` lines, of at least
    ``PULL_QUOTE_MIN_WORDS`` words, all of which the story says again elsewhere on the page
    (hyphens and line breaks aside), that opens with a capital or a quotation mark and is set
    apart: it breaks into a sentence (the line above goes on, the line below opens in lower
    case), in quotation marks or set narrower than the column (``PULL_QUOTE_NARROW``), or,
    opening with a quotation mark, stands between blank lines or furniture. Two such runs that
    repeat each other are both left (which one is the story is not known)."""
    keep = [not g for g in gone]
    words = _words(lines, keep)
    rep = _repeated(words)
    per_line: dict = {}
    for (_w, k), r in zip(words, rep):
        per_line.setdefault(k, []).append(r)
    full = {k for k, rs in per_line.items() if all(rs)}
    kept = sorted(len(t) for k, (_s, _e, t) in enumerate(lines) if keep[k])
    width = kept[int(0.9 * (len(kept) - 1))] if kept else 0
    runs: list = []
    run: list = []
    for k in range(len(lines) + 1):
        if k < len(lines) and k in full:
            run.append(k)
            continue
        if run:
            runs.append(run)
        run = []
    found: list = []
    for run in runs[:MAX_REPEAT_CHECKS]:
        a, b = run[0], run[-1]
        text = [lines[k][2] for k in run]
        n_words = sum(len(per_line[k]) for k in run)
        if len(run) > PULL_QUOTE_MAX_LINES or n_words < PULL_QUOTE_MIN_WORDS:
            continue
        first = text[0][:1]
        if not (first.isupper() or first in _OPENING_QUOTES):
            continue
        above = next((j for j in range(a - 1, -1, -1) if keep[j]), None)
        below = next((j for j in range(b + 1, len(lines)) if keep[j]), None)
        # set narrower than the column, or in quotation marks: no wrapped line of the story
        narrow = all(len(t) < PULL_QUOTE_NARROW * width for t in text[:-1]) and len(run) > 1
        breaks_in = (above is not None and below is not None and not _ended(lines[above][2])
                     and lines[below][2][:1].islower() and (narrow or first in _OPENING_QUOTES))
        apart = first in _OPENING_QUOTES and (a == 0 or gone[a - 1]) and (b + 1 == len(lines) or gone[b + 1])
        if not (breaks_in or apart):
            continue
        own = "".join(w for w, k in words if a <= k <= b)
        rest = ["".join(w for w, k in words if k < a), "".join(w for w, k in words if k > b)]
        if any(own in part for part in rest):
            found.append((own, run))
    texts = [own for own, _ in found]
    return {k for own, run in found if texts.count(own) == 1 for k in run}


def credit_and_caption_lines(raw_text: str, lines: list, gone: list, wrapped: bool) -> dict:
    """{index: rule}: a photo's credit opening with its label ("PHOTOGRAPH: ...") of up to
    ``PRINT_CREDIT_MAX_WORDS`` words that does not end as a sentence ends ("photo credit"),
    and, in hard-wrapped copy, the caption wrapped above it ("photo caption"): up to
    ``PRINT_CAPTION_MAX_LINES`` lines and ``PRINT_CAPTION_MAX_WORDS`` words without quotation
    marks, opening with a capital, with a blank line or furniture straight above."""
    out: dict = {}
    for c, (_s, _e, text) in enumerate(lines):
        if gone[c] or len(text.split()) > PRINT_CREDIT_MAX_WORDS or _ended(text) or not _PRINT_CREDIT_RE.match(text):
            continue
        out[c] = "photo credit"
        if not wrapped:
            continue
        for top in range(c - 1, max(-1, c - 1 - PRINT_CAPTION_MAX_LINES), -1):
            if gone[top]:
                break
            blank = top == 0 or raw_text.count("\n", lines[top - 1][1], lines[top][0]) > 1
            if top > 0 and not (blank or gone[top - 1]):
                continue
            cap = [lines[j][2] for j in range(top, c)]
            if (cap[0][:1].isupper() and sum(len(t.split()) for t in cap) <= PRINT_CAPTION_MAX_WORDS
                    and not any(q in t for t in cap for q in _OPENING_QUOTES + "\u201d")):
                out.update(dict.fromkeys(range(top, c), "photo caption"))
            break
    return out


def section_label_lines(lines: list, gone: list, heads: set) -> set:
    """Indices of a section label repeated under a running head: a line of up to
    ``SECTION_LABEL_MAX_WORDS`` words, not ending as a sentence ends, straight under a line of
    ``heads`` (the running heads), that is the same as a line already taken as furniture."""
    taken = {lines[k][2] for k, g in enumerate(gone) if g}
    return {k for k, (_s, _e, text) in enumerate(lines)
            if k - 1 in heads and not gone[k] and text in taken and not _ended(text)
            and len(text.split()) <= SECTION_LABEL_MAX_WORDS}


def print_lines(raw_text: str, lines: list, gone: list, heads: set, wrapped: bool) -> dict:
    """{index: rule} of a printed page's head furniture among the lines not ``gone``: a section
    label repeated under a running head ("running head", ``section_label_lines``), then a
    photo's credit and its wrapped caption (``credit_and_caption_lines``)."""
    found = dict.fromkeys(section_label_lines(lines, gone, heads), "running head")
    rest = [g or k in found for k, g in enumerate(gone)]
    for k, rule in credit_and_caption_lines(raw_text, lines, rest, wrapped).items():
        found.setdefault(k, rule)
    return found


_DROP_CAP_RE = re.compile(r"^[ \t]*([A-Z])[ \t]*\n[ \t]*([a-z]+)", re.M)


def drop_cap_spans(raw_text: str) -> list:
    """(start, end) of each line that is a drop cap: a capital letter alone on its line over a
    line opening in lower case, where the letter and that line's first word make a word the
    page uses elsewhere ("T" / "he promise": "the"), or where the letter is no word alone
    (not "A" or "I"). The newline after it is removed (``drop_cap_breaks``), the letter kept."""
    if "\n" not in raw_text:
        return []
    out = []
    lower = None
    for m in _DROP_CAP_RE.finditer(raw_text):
        word = (m.group(1) + m.group(2)).lower()
        if m.group(1) in "AI":
            if lower is None:
                lower = set(_WORD_RE.findall(raw_text.lower()))
            if word not in lower:
                continue
        out.append((m.start(1), m.end(1)))
    return out


def drop_cap_breaks(raw_text: str) -> list:
    """Spans (start, end, "drop cap") of the line break after each drop cap
    (``drop_cap_spans``): removing it joins the letter to its word."""
    out = []
    for _s, e in drop_cap_spans(raw_text):
        nl = raw_text.index("\n", e)
        end = nl + 1
        while end < len(raw_text) and raw_text[end] in " \t":
            end += 1
        out.append((e, end, "drop cap"))
    return out
