"""The opening lines of a record of a sitting (a hearing, a council meeting, a parliament's
minutes) above its first turn: the body, the date and place, the agenda, "The meeting was
called to order at ...", "Present: ...". The evidence is the page's and the place's, not the
words: the page is a record when most of its paragraphs of prose, from the first turn on,
open with a speaker's label (``furniture_turns.inline_label``: "The President (spoke in French):
...", "Ms. EXAMPLE. ...",
"\u25cbChair (EXAMPLE Ada): ...") and one label opens several of them; then a short paragraph
above the first such turn, itself without a label, is the record's heading, not its story (a
story's lead above an interview's first question is longer: ``PREAMBLE_MAX_WORDS``), unless
it has a word of a label (then it says who speaks: "..., chairman of the board, presiding"). Also
a broadcast script's cue lines, which repeat the first or last words of the clip beside them
(``cue_lines``)."""

from __future__ import annotations

import re

from inf_coverage.ingest.furniture_turns import inline_label

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
    """The speaker's label opening a paragraph, of a colon or a full stop, before the turn
    (``furniture_turns.inline_label``; a mark before it is no part of it), else ""."""
    hit = inline_label(text, ":.")
    # an interview's "Q." and "A." are no record's speakers: its lead above stays
    return hit.label if hit and hit.end < len(text) and not (hit.delim == "." and hit.label in "QA") else ""


def _label_words(text: str) -> list:
    """The words of four letters or more of ``text`` outside brackets, in lower case."""
    return [w.lower() for w in re.findall(r"[^\W\d_]{4,}", re.sub(r"[(\[][^()\[\]]*[)\]]", " ", text))]


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
    # the words of the labels, outside their notes ("chairman", "president"): a paragraph that
    # has one says who speaks under that label ("..., chairman of the board, presiding") and stays
    label_words = {w for k in turns for w in _label_words(labels[k])}
    spans = []
    for s, e, text in paras[:first]:
        if len(text.split()) > PREAMBLE_MAX_WORDS or _ANY_LABEL_RE.match(text):
            continue
        if label_words & set(_label_words(text)):
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


# a cue line of a broadcast script: a quoted fragment with an ellipsis at one end, after an
# optional label ('IN: "Our pledge ..."', 'OUT: "... we will act."')
_CUE_RE = re.compile(r"(?:[A-Z][\w-]*(?:[ \t][\w-]+){0,2}:[ \t]*)?"
                     r"[\"\u201c](?P<frag>[^\"\u201c\u201d\n]{2,80})[\"\u201d][ \t]*\Z")
_ELLIPSIS = ("...", "\u2026")


def _words(text: str) -> str:
    """``text`` in lower case, its words only (no punctuation), one space between them."""
    return " ".join(re.findall(r"[\w'\u2019-]+", text.lower()))


def cue_lines(raw_text: str) -> list:
    """Spans (start, end, "repeated text") of the cue lines of a broadcast script: a quoted
    fragment that opens in an ellipsis and repeats the end of the line above ("OUT"), or ends
    in one and repeats the opening of the line below ("IN"); the evidence is the repetition,
    of two words or more, not the label."""
    lines = [(m.start(), m.end(), m.group().strip()) for m in re.finditer(r"[^\n]*\S[^\n]*", raw_text)]
    spans = []
    for k, (s, e, text) in enumerate(lines):
        m = _CUE_RE.match(text)
        if not m:
            continue
        frag = m.group("frag").strip()
        core = _words(frag)
        if len(core.split()) < 2:
            continue
        if frag.endswith(_ELLIPSIS) and k + 1 < len(lines):
            repeats = _words(lines[k + 1][2]).startswith(core)
        elif frag.startswith(_ELLIPSIS) and k > 0:
            repeats = _words(lines[k - 1][2]).endswith(core)
        else:
            repeats = False
        if repeats:
            lead = len(raw_text[s:e]) - len(raw_text[s:e].lstrip())
            spans.append((s + lead, s + lead + len(text), "repeated text"))
    return spans


def record_spans(raw_text: str, wrapped: bool, claimed: list) -> list:
    """The spans of this module: a record's header (``preamble_spans``) and a broadcast
    script's cue lines (``cue_lines``), on what ``claimed`` has left."""
    spans = preamble_spans(raw_text, wrapped, claimed)
    if "..." in raw_text or "\u2026" in raw_text:
        spans += [sp for sp in cue_lines(raw_text) if not any(cs < sp[1] and sp[0] < ce for cs, ce, _r in claimed)]
    return spans
