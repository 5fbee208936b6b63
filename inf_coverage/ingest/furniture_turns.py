"""The speaker labels of a transcript that stand alone on their lines, directly above the
paragraph of the turn: a name in capitals ("ADA EXAMPLE, HARBOUR MASTER" and later
"EXAMPLE"), or a name with a time stamp after it ("Ada Example  02:14"). Such a label is no
sentence, yet it is part of the story (it says who speaks), and the turn under it may be a
short question ("So is the pier shut?") that would otherwise read as a subhead. Cleaning
(``inf_coverage.ingest.cleaning``) keeps both, and the turn reader
(``inf_coverage.extract.turns``) reads the same lines as labels: one detector,
``line_labels``, serves both. The evidence is the page's, not the line's (several labels
recur, taking turns, each directly above a turn)."""

from __future__ import annotations

import re

from inf_coverage.ingest.furniture_boxes import line_spans

#: A label has at most this many words (name, comma, role).
LABEL_MAX_WORDS = 8
#: A page is a transcript of such labels if at least this many distinct labels recur...
MIN_RECURRING_LABELS = 2
#: ... each at least this many times ...
MIN_LABEL_REPEATS = 2
#: ... and at least this many lines are labels.
MIN_LABELS = 4

#: ... or one label answers every other turn, between the turns of at least this many others.
MIN_ASKERS = 3

#: A time stamp after a label ("02:14", "1:02:14", "[02:14]", "(02:14)").
_STAMP = r"[(\[]?\d{1,2}:\d{2}(?::\d{2})?[)\]]?"
#: A label in capitals: capitals, hyphens, apostrophes and the full stops of initials, one to
#: four words, an optional description after a comma ("ADA EXAMPLE, HARBOUR MASTER"), an
#: optional note in brackets ("(through interpreter)") and an optional time stamp.
_CAPS_LABEL_RE = re.compile(
    r"(?P<name>[A-Z][A-Z'\u2019.-]*(?:[ \t][A-Z][A-Z'\u2019.-]*){0,3})"
    r"(?:,[ \t]+(?P<desc>[A-Z][^()\[\]\n:;,\"\u201c\u201d]{0,60}?))?"
    r"(?P<note>[ \t]*\([^()\n]{1,40}\))?"
    rf"(?:[ \t]+(?P<stamp>{_STAMP}))?[ \t]*")
#: A name in capitalised words (one to four, linking words between them) is a label only with
#: a time stamp after it ("Ada Example  02:14") or before it ("[02:14] Ada Example"), or with a
#: note in brackets after it (a member's party or seat: "Lady Ada of Example (Ind)"): without
#: one it is any subhead ("Who pays") or a live page's author line.
_NAME = (r"(?P<name>[A-Z][\w'\u2019-]*\.?(?:[ \t](?:[A-Z][\w'\u2019-]*\.?|of|de|van|von|der|da|al|bin|la|le)){0,3})"
         r"(?P<note>[ \t]*\([^()\n]{1,40}\))?")
_NAME_STAMP_RE = re.compile(_NAME + rf"[ \t]+(?P<stamp>{_STAMP})[ \t]*")
_NAME_NOTE_RE = re.compile(_NAME.replace(r"\))?", r"\))") + r"[ \t]*")
_NAME_RE = re.compile(_NAME + r"[ \t]*")
#: A mark opening a paragraph before its label ("\u25cb", "\u25a0", "*", a caption's ">>"): one
#: character neither a letter, a digit, a space, a bracket nor a quotation mark, written up to
#: three times (">" only twice or more: a single one quotes an e-mail), directly or after a
#: space before a capital. Shared by cleaning (a marked turn is speech) and the turn reader.
LABEL_MARK_RE = re.compile(r"(?P<mark>>>>?|([^\w\s()\[\]{}\"'\u2018\u2019\u201c\u201d<>])\2{0,2})[ \t]?(?=[A-Z])")
#: A label in square brackets opening a turn, as a caption track marks who speaks ("[ADA
#: EXAMPLE] Good evening.", "[Ada Example] Thank you."): a name of one to four capitalised
#: words, then the turn starting with a capital. Shared by cleaning (a labelled short question
#: is a turn) and the turn reader (which restates it as a colon label).
BRACKET_LABEL_RE = re.compile(r"\[(?P<label>[A-Z][\w.'\u2019-]*(?:[ \t][A-Z][\w.'\u2019-]*){0,3})\]"
                              r"(?P<end>[ \t]+)(?=[A-Z\"\u201c])")
#: A time stamp before a label ("02:14  Ada Example", "[1:02:14] ADA EXAMPLE").
_LEAD_STAMP_RE = re.compile(rf"(?P<stamp>{_STAMP})[ \t]+")


def _label(line: str) -> dict | None:
    """The parts of a candidate label line (name, and desc, note, stamp or None), else None:
    one shape with its parts optional, a name in capitals or a capitalised name beside a
    time stamp (after it or before it)."""
    text = line.strip()
    if not text or len(text.split()) > LABEL_MAX_WORDS:
        return None
    lead = _LEAD_STAMP_RE.match(text)
    if lead:
        m = _CAPS_LABEL_RE.fullmatch(text[lead.end():]) or _NAME_RE.fullmatch(text[lead.end():])
        if m and m.groupdict().get("stamp"):
            return None     # a stamp on both sides is no label's
    else:
        m = _CAPS_LABEL_RE.fullmatch(text) or _NAME_STAMP_RE.fullmatch(text) or _NAME_NOTE_RE.fullmatch(text)
    if not m or len(m.group("name").replace(".", "")) < 2 or m.group("name").endswith("."):
        return None
    parts = {k: m.groupdict().get(k) for k in ("name", "desc", "note", "stamp")}
    if lead:
        parts["stamp"] = lead.group("stamp")
    return parts


def _key(parts: dict) -> str:
    """What recurs between labels of one speaker: the last word of the name, in lower case
    ("ADA EXAMPLE" and "EXAMPLE")."""
    return parts["name"].split()[-1].lower()


def line_labels(lines: list) -> dict:
    """Line index -> the colon label a label line restates ("ADA EXAMPLE, HARBOUR MASTER"
    becomes "ADA EXAMPLE (HARBOUR MASTER):", "Ada Example  02:14" becomes "Ada Example:"), or
    {} when the page is no such transcript. A candidate label is a line of up to
    ``LABEL_MAX_WORDS`` words, a name in capitals or a name with a time stamp or a note in
    brackets after it (a description, a note in brackets, a time stamp may follow; none is
    required), with a line of prose (small letters, no label) directly below and no other
    label directly above. The page is a transcript when at least ``MIN_LABELS`` lines are
    labels, at least ``MIN_RECURRING_LABELS`` distinct names each label ``MIN_LABEL_REPEATS``
    turns or more (a repeated "ADVERTISEMENT" alone is not enough; a live page's one author
    line is not either) or one name takes every other turn (``_one_answers_each``), and the
    label changes from one turn to the next at least half the time (a live page's repeated
    "UPDATE" / "BREAKING" heads do not take turns so), and the labels' time stamps, if any,
    run on (``_stamps_run_on``)."""
    found = []
    for k, line in enumerate(lines[:-1]):
        m = _label(line)
        below = lines[k + 1]
        if m and any(c.islower() for c in below) and _label(below) is None and \
                not (k and _label(lines[k - 1])):
            found.append((k, m))
    keys = [_key(m) for _, m in found]
    if len(found) < MIN_LABELS or (not _one_answers_each(keys) and
            sum(1 for key in set(keys) if keys.count(key) >= MIN_LABEL_REPEATS) < MIN_RECURRING_LABELS):
        return {}
    changes = sum(1 for a, b in zip(keys, keys[1:]) if a != b)
    if 2 * changes < len(keys) - 1 or not _stamps_run_on([m for _, m in found]):
        return {}
    return {k: m["name"] + (f" ({m['desc']})" if m["desc"] else "") + (m["note"] or "") + ":" for k, m in found}


def _one_answers_each(keys: list) -> bool:
    """Whether one label takes every other turn, the others between (a question time: one
    minister answers a question from each member in turn): the label recurs at least
    ``MIN_LABEL_REPEATS`` + 1 times, at least ``MIN_ASKERS`` other labels ask, and of any two
    labels in a row it is exactly one. (A host's one recurring label between two guests' is
    not enough: a page's recurring heading could take turns so by chance.)"""
    top = max(set(keys), key=keys.count) if keys else ""
    return keys.count(top) > MIN_LABEL_REPEATS and len(set(keys)) > MIN_ASKERS and \
        all((a == top) != (b == top) for a, b in zip(keys, keys[1:]))


def _seconds(stamp: str) -> int:
    """A time stamp in seconds ("1:02:14" is 3734, "[02:14]" is 134)."""
    total = 0
    for part in stamp.strip("()[]").split(":"):
        total = 60 * total + int(part)
    return total


def _stamps_run_on(labels: list) -> bool:
    """Whether the time stamps of the labels run on as a recording's do: each later than the
    one before, but for at most one step in four. A live page's entries ("Ada Example  10:42")
    stand newest first, their times running back; a page whose labels have no stamps passes."""
    times = [_seconds(m["stamp"]) for m in labels if m["stamp"]]
    back = sum(1 for a, b in zip(times, times[1:]) if b < a)
    return 4 * back <= max(0, len(times) - 1)


def screenplay_turn_lines(raw_text: str) -> list[tuple[int, int]]:
    """(start, end) of each speaker label line of a transcript whose labels stand alone on
    their lines (``line_labels``) and of the line of the turn directly under it; [] unless the
    page is one."""
    lines = list(line_spans(raw_text))
    labels = line_labels([line for _, _, line in lines])
    return [span for k in sorted(labels) for span in (lines[k][:2], lines[k + 1][:2])]
