"""The opening lines of a record of a sitting (a hearing, a council meeting, a parliament's
minutes) above its first turn: the body, the date and place, the agenda, "The meeting was
called to order at ...", "Present: ...". The evidence is the page's and the place's, not the
words: the page is a record when most of its paragraphs of prose, from the first turn on,
open with a speaker's label ("The President (spoke in French): ...", "Ms. EXAMPLE. ...",
"\u25cbChair (EXAMPLE Ada): ...") and one label opens several of them; then a short paragraph
above the first such turn, itself without a label, is the record's heading, not its story (a
story's lead above an interview's first question is longer: ``PREAMBLE_MAX_WORDS``)."""

from __future__ import annotations

import re

from inf_coverage.ingest.furniture_turns import LABEL_MARK_RE

#: A paragraph above the first turn of a record of up to this many words is its heading.
PREAMBLE_MAX_WORDS = 30
#: A page is a record if at least this many paragraphs of prose open with a label ...
MIN_TURNS = 4
#: ... one label opens at least this many of them ...
MIN_LABEL_REPEATS = 3
#: ... and at least this share of its paragraphs of prose, from the first turn on, do.
MIN_TURN_SHARE = 0.4
#: A paragraph of prose has at least this many words and ends as a sentence ends.
PROSE_MIN_WORDS = 5

# a speaker's label and a colon: one to six words, the first capitalised, an optional note in
# brackets ("The President (spoke in Spanish):", "Minister for Foreign Affairs (EXAMPLE Ada):")
_COLON_LABEL_RE = re.compile(r"(?P<label>[A-Z][\w.'\u2019-]*(?:[ \t][\w.'\u2019-]+){0,5}"
                             r"(?:[ \t]*[(\[][^()\[\]\n]{1,60}[)\]])?):[ \t]+\S")
# a label of a printed hearing: a name in capitals after an optional title, and a full stop
# ("The CHAIRMAN.", "Senator EXAMPLE.", "Dr. EXAMPLE.")
_PERIOD_LABEL_RE = re.compile(r"(?P<label>(?:[A-Z][a-z]{0,8}\.?[ \t]){0,2}[A-Z]{2}[A-Z'\u2019-]*)\.[ \t]+[A-Z\"\u201c]")
# a label anywhere near the opening of a paragraph ("1. Ms Example (Place) (Party): ...")
_ANY_LABEL_RE = re.compile(r"\A[^\n:]{1,80}:[ \t]")
_FINAL = set(".!?\u2026")
_CLOSERS = "\"'\u201d\u2019)]* "


def _paragraphs(raw_text: str, wrapped: bool) -> list:
    """(start, end, text) of each paragraph: a non-empty line, or in hard-wrapped copy a block
    of lines between blank lines (its text joined into one line)."""
    pattern = r"(?:[^\n]*\S[^\n]*(?:\n|\Z))+" if wrapped else r"[^\n]*\S[^\n]*"
    out = []
    for m in re.finditer(pattern, raw_text):
        text = m.group()
        lead = len(text) - len(text.lstrip())
        out.append((m.start() + lead, m.start() + len(text.rstrip()), " ".join(text.split())))
    return out


def turn_label(text: str) -> str:
    """The speaker's label opening a paragraph (``_COLON_LABEL_RE``, ``_PERIOD_LABEL_RE``;
    a mark before it, ``LABEL_MARK_RE``, is no part of it), else ""."""
    if mark := LABEL_MARK_RE.match(text):
        text = text[mark.end():]
    m = _COLON_LABEL_RE.match(text) or _PERIOD_LABEL_RE.match(text)
    return m.group("label") if m else ""


def _is_prose(text: str) -> bool:
    core = text.rstrip(_CLOSERS)
    return len(text.split()) >= PROSE_MIN_WORDS and bool(core) and core[-1] in _FINAL


def preamble_spans(raw_text: str, wrapped: bool, claimed: list) -> list:
    """Spans (start, end, "header") of the lines of the short paragraphs above the first turn
    of a record (see above) that no span of ``claimed`` ((start, end, rule)) touches."""
    paras = _paragraphs(raw_text, wrapped)
    labels = [turn_label(t) if _is_prose(t) else "" for _s, _e, t in paras]
    counts: dict = {}
    for label in labels:
        if label:
            counts[label] = counts.get(label, 0) + 1
    recurring = {label for label, n in counts.items() if n >= MIN_LABEL_REPEATS}
    first = next((k for k, label in enumerate(labels) if label in recurring), None)
    if first is None:
        return []
    prose = [k for k in range(first, len(paras)) if _is_prose(paras[k][2])]
    turns = [k for k in prose if labels[k]]
    if len(turns) < MIN_TURNS or len(turns) < MIN_TURN_SHARE * len(prose):
        return []
    first = min(turns)
    spans = []
    for s, e, text in paras[:first]:
        if len(text.split()) > PREAMBLE_MAX_WORDS or _ANY_LABEL_RE.match(text):
            continue
        if any(cs < e and s < ce for cs, ce, _r in claimed):
            continue
        pos = s
        for line in raw_text[s:e].split("\n"):
            a = pos + len(line) - len(line.lstrip())
            b = pos + len(line.rstrip())
            if b > a:
                spans.append((a, b, "header"))
            pos += len(line) + 1
    return spans
