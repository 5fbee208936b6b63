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
from typing import NamedTuple

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

#: A time stamp ("02:14", "1:02:14").
STAMP = r"\d{1,2}:\d{2}(?::\d{2})?"
#: A time stamp after a label ("02:14", "1:02:14", "[02:14]", "(02:14)").
_STAMP = rf"[(\[]?{STAMP}[)\]]?"
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


# ---------------------------------------------------------------------------------------------
# The one reader of a label opening a line ("ADA EXAMPLE: ...", "Senator HALE. ...", "[Ada
# Example] ...", "Q ..."): cleaning (a labelled turn is speech), the record's heading
# (``furniture_records``) and the turn reader (``inf_coverage.extract.turns``) all call
# ``inline_label``; each asks for the delimiters it reads.

#: A colon label: after an optional mark, time stamp or question number ("1."), a capitalised
#: span of up to 160 characters with no colon, quotation mark or line break outside its
#: brackets (so "(02:15)" is part of it), then ":" and the turn or the end of the line.
_COLON_RE = re.compile(
    rf"(?P<lead>(?:\[{STAMP}\]\s*|{STAMP}\s+)?(?:\d{{1,3}}\.\s+)?)"
    r"(?P<label>[A-Z](?:\([^()\n]{0,160}\)|\[[^\[\]\n]{0,80}\]"
    r"|(?<=,[ \t])(?:\"[^\"\n:]{1,60}\"|\u201c[^\u201d\n:]{1,60}\u201d)"    # a quoted name after a comma
    r"|[^:()\[\]\n\"\u201c\u201d]){0,160}?)"
    r"\s*(?P<delim>:)(?:[ \t]+(?=\S)|[ \t]*\Z)")
#: A full-stop label: one to four capitalised words (or linking ones) after an optional "The"
#: and a courtesy title, the last a surname in capitals ("Senator HALE.", "The CHAIRMAN.",
#: "Dr. ROOS-AHO.") or after a courtesy title a capitalised one ("Ms. Roos-Aho."), then the turn
#: starting with a capital.
_COURTESY = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Baroness|Baron|Rev|Revd|Reverend)\.?"
_STOP_RE = re.compile(
    rf"(?P<label>(?:The[ \t]+)?(?:{_COURTESY}[ \t]+)?(?:[A-Z][\w'\u2019-]*[ \t]+){{0,2}}?"
    r"(?P<last>[A-Z][A-Z'\u2019-]*[A-Z]|(?<=\.[ \t])[A-Z][\w'\u2019-]+))(?P<delim>\.)[ \t]+(?=[A-Z\"\u201c])")
#: A dash label, after an optional full stop: a name, a bracketed note or a description after a
#: comma ("Ana Ruiz (Greens). \u2013", "Ana Ruiz, on behalf of the Greens \u2013").
_DASH_RE = re.compile(
    r"(?P<label>[A-Z][^,.:;()\[\]\n\"\u201c\u201d]{0,60}?(?:\([^()\n]{1,60}\))?)"
    r"(?:,[ \t]+(?P<desc>[^()\[\]\n:;\"\u201c\u201d\u2013\u2014]{1,100}?))?"
    r"(?P<delim>\.?[ \t]+[\u2013\u2014-][ \t]+)(?=\S)")
#: An interview's "Q." and "A." before the question and the answer.
_QA_STOP_RE = re.compile(r"(?P<label>[QA])(?P<delim>\.)[ \t]+(?=[A-Z\"\u201c])")
#: "Q" before a question, with no delimiter but a space ("Q What happens now?").
_Q_RE = re.compile(r"(?P<label>Q)(?P<delim>)[ \t]+(?=[A-Z])")
_NOTES_RE = re.compile(r"\(([^()\n]*)\)|\[([^\[\]\n]*)\]|(?<=,[ \t])(?:\"([^\"\n]*)\"|\u201c([^\u201d\n]*)\u201d)")
#: Lower-case words a label may hold between its capitalised ones ("The Minister of State for
#: Europe", "Ursula von der Leyen"); any other lower-case word makes the span prose ("Key points").
LABEL_LINKS = frozenset({"of", "for", "the", "and", "on", "at", "in", "to", "de", "van", "von", "der", "da", "al",
                         "bin", "la", "le", "du", "del", "di", "ter", "ten", "y"})
#: A label has at most this many words outside its notes, or ``NAMED_LABEL_MAX_WORDS`` when a
#: note names its holder with a courtesy title ("The Minister of State, Foreign Office (Ms Ruth
#: Calloway)").
INLINE_LABEL_MAX_WORDS = 6
NAMED_LABEL_MAX_WORDS = 16
# a short title's or an initial's full stop ("MR. RUIZ", "Ana J. Ruiz"), which a label may hold
_TITLES = r"(?:Dr|Prof|Mr|Mrs|Ms|Gen|Adm|Col|Lt|Sen|Rep|Gov|Amb|Capt|Maj|Sgt|Rev|Fr|St)"
_LABEL_STOP_RE = re.compile(rf"(?<![\w.])(?:{_TITLES}\.(?= [A-Z])|[A-Z]\.)", re.I)
_SHORT_WORD_RE = re.compile(rf"[A-Z]\.|{_TITLES}\.", re.I)
_NOTE_COURTESY_RE = re.compile(rf"\A{_COURTESY}\s+[A-Z]")


class InlineLabel(NamedTuple):
    """A label opening a line: as written (notes included, no delimiter), bare (no notes),
    its notes, its delimiter (":", ".", "[]" or "" for a bare "Q"), the mark before it if any,
    where the label starts, where its delimiter starts and where the turn starts, and a dash
    label's description after a comma with where it starts ("" and -1 if none)."""
    label: str
    bare: str
    notes: list
    delim: str
    mark: str
    start: int
    stop: int
    end: int
    desc: str = ""
    desc_at: int = -1


def _bare_ok(bare: str, notes: list) -> bool:
    """Whether a colon label's bare words are a label's: no digit or sentence punctuation
    (a short title's or an initial's stop is kept), capitalised words but for linking ones, not
    ending in one, and at most ``INLINE_LABEL_MAX_WORDS`` words (``NAMED_LABEL_MAX_WORDS`` if a
    note names the holder with a courtesy title)."""
    if not bare or re.search(r"\d|[.;!?]", _LABEL_STOP_RE.sub(" ", bare)):
        return False    # "2 Sep 2025 : Column 142", "Note. See below:"
    words = bare.replace(",", " ").split()
    if any(not (w[:1].isupper() or w in LABEL_LINKS) for w in words) or words[-1] in LABEL_LINKS:
        return False
    named = any(_NOTE_COURTESY_RE.match(n) for n in notes)
    return label_length(bare) <= (NAMED_LABEL_MAX_WORDS if named else INLINE_LABEL_MAX_WORDS)


def label_length(bare: str) -> int:
    """The words of a label that count for its length: not its linking words, short titles
    or initials ("SECRETARY OF DEFENSE DR. MARK T. ESPER" has five)."""
    words = bare.replace(",", " ").split()
    return sum(1 for w in words if w.lower() not in LABEL_LINKS and not _SHORT_WORD_RE.fullmatch(w))


def inline_label(text: str, delims: str = ":", marked: bool = True) -> InlineLabel | None:
    """The speaker's label opening ``text``, of one of ``delims`` (":" a colon label, "." a
    full-stop label or an interview's "Q." and "A.", "-" a dash label, "[]" a caption's label in
    square brackets, "Q" a bare "Q"), tried in that order, after a mark (``LABEL_MARK_RE``; none
    if not ``marked``), else None. One grammar: a short capitalised span (linking words and notes in brackets allowed)
    closed by the delimiter, then the turn."""
    mark = LABEL_MARK_RE.match(text) if marked else None
    at = mark.end() if mark else 0
    lead = mark.group() if mark else ""
    rest = text[at:]
    for delim in delims.replace("[]", "["):
        pattern = {":": _COLON_RE, ".": _STOP_RE, "-": _DASH_RE, "[": BRACKET_LABEL_RE, "Q": _Q_RE}[delim]
        m = pattern.match(rest) or (_QA_STOP_RE.match(rest) if delim == "." else None)
        if not m:
            continue
        label = m.group("label").rstrip()
        notes = ["".join(parts).strip() for parts in _NOTES_RE.findall(label)]
        bare = " ".join(_NOTES_RE.sub(" ", label).split()).rstrip(",")
        if delim == ":" and not _bare_ok(bare, notes):
            continue
        stop = at + (m.start("delim") if "delim" in m.groupdict() else m.end("label"))
        desc, desc_at = (m.group("desc"), at + m.start("desc")) if m.groupdict().get("desc") else ("", -1)
        return InlineLabel(label, bare, notes, "[]" if delim == "[" else delim if delim != "Q" else "", lead,
                           at + m.start(), stop, at + m.end(), desc, desc_at)
    return None


def caps_label(text: str) -> bool:
    """Whether ``text`` opens with a colon label in capitals ("ANNA EXAMPLE: ...", "Q: ...")
    or a name with the time of the turn ("Ada (19:02): ...") before a turn: what follows is
    speech, not a subhead, even where the label does not recur."""
    hit = inline_label(text, ":", marked=False)
    return bool(hit and hit.end < len(text) and (hit.bare.isupper() or any(re.fullmatch(STAMP, n) for n in hit.notes)))
