"""Boxes set off from the article among a page's lines: the points of a summary box under its
label ("Key points" / "- ..."), which restate the article and are furniture, and the fact boxes
that give the story's own facts and stay. Cleaning (``inf_coverage.ingest.cleaning``) runs these
with its line rules; the line primitives it shares with them (a page's lines, the marks a
paragraph ends on) are here."""

from __future__ import annotations

import re

from inf_coverage.ingest.text import _DATE_RE

#: Marks a paragraph of prose ends on (after ``_UNIT_CLOSERS``).
_UNIT_FINAL = set(".!?:;\u2026")

#: Closing quotation marks, brackets and list marks after a paragraph's last mark.
_UNIT_CLOSERS = "\"'\u201d\u2019)]* "


def line_spans(raw_text: str):
    """(start, end, line) for each line of ``raw_text``, without its newline."""
    pos = 0
    for line in raw_text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


#: A point of a summary box has at most this many words.
BOX_POINT_MAX_WORDS = 25
_BULLET_RE = re.compile(r"[ \t]*[\u2022\u25aa\u25cf\u2192\u25b8\u25ba*\u2013-][ \t]+\S")
_BULLET_LINE_RE = re.compile(r"^[ \t]*[\u2022\u25aa\u25cf\u2192\u25b8\u25ba*\u2013-][ \t]+\S", re.M)


# a report of someone's words in a point: a verb of saying after its speaker, or a quotation
# in quotation marks ("Ada Example said the pier was safe.", "\u201cIt is over,\u201d she said.")
_REPORT_RE = re.compile(r"\b(?:said|says|told|tells|added|adds|warned|warns|wrote|writes|stated|states)\b"
                        r"|[\"\u201c\u00ab\u201e][^\"\u201c\u201d\u00ab\u00bb\u201e]{3,}[\"\u201d\u00bb\u201c]")


def _is_fact_box(points: list) -> bool:
    """Whether the points of a box are facts of the story: two or more of them are sentences
    (they end as a sentence ends) holding a date ("Signed in Rome on 3 May 1990.") or
    reporting someone's words (``_REPORT_RE``: "The mayor said the pier would stay shut.",
    a box of reactions). A box of key points restates the article; a fact box, a timeline or
    a box of reactions gives the story's own dates and quotations, which removing it would
    drop."""
    facts = 0
    for point in points:
        core = point.strip().rstrip(_UNIT_CLOSERS)
        facts += bool(core) and core[-1] in ".!?" and bool(_DATE_RE.search(point) or _REPORT_RE.search(point))
    return facts >= 2


def _summary_box_spans(raw_text: str) -> list:
    """Spans (start, end, "summary box") of the points of a box set off from the article:
    two or more bulleted lines ("- ...", "• ...", "* ...") of up to ``BOX_POINT_MAX_WORDS``
    words straight under a label of up to four words that does not end as a sentence ends
    ("Key points", "Reading list"; "→ ..." too), and followed by a blank line or a line that starts a new
    paragraph (not one going on in lower case). Points under a sentence ("Here is a summary
    of the day:") are the article's own list, and stay, and so do the points of a fact box
    (``_is_fact_box``)."""
    if not _BULLET_LINE_RE.search(raw_text):
        return []
    lines = list(line_spans(raw_text))
    spans: list = []
    k = 0
    while k < len(lines):
        label = lines[k][2].strip()
        run = []
        j = k + 1
        while j < len(lines) and _BULLET_RE.match(lines[j][2]) and len(lines[j][2].split()) <= BOX_POINT_MAX_WORDS + 1:
            run.append(j)
            j += 1
        after = lines[j][2].strip() if j < len(lines) else ""
        if (len(run) >= 2 and label and not _BULLET_RE.match(lines[k][2]) and len(label.split()) <= 4
                and label[0].isupper() and label[-1] not in _UNIT_FINAL and not after[:1].islower()
                and not _is_fact_box([lines[i][2] for i in run])):
            for i in run:
                s, _e, line = lines[i]
                lead = len(line) - len(line.lstrip())
                spans.append((s + lead, s + len(line.rstrip()), "summary box"))
        k = max(j, k + 1)
    return spans
