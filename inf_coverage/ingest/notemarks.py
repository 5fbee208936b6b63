"""Note markers of footnoted copy (newsletters, think-tank backgrounders, wiki pages): the
numbers that point from a sentence to a note at the foot of the page, and the numbered note
list they point to.

``note_marker_spans`` returns (start, end, "note marker") for each marker: a number in square
brackets after a word or a mark ("arsenal[2]", "said. [3]"), a number in round brackets glued
to a word, a sentence's final mark or a closing quotation mark ("deployment".(4)), superscript
digits after a word of three letters or more or after such a mark ("expected".³), and a bare
number of one or two digits glued to a sentence's final mark or to a closing quotation mark
("treaty.1 It ...", "appear"2 and ..."), where the mark follows a small letter or a closing
mark, or is a full stop after a year with a capital after the number ("from 2026.4 It ...";
never another decimal, "2.5", nor a number after an abbreviation, "No.1"), and the number
ends at a space, a mark or the end of the line. The markers stay in the text (a coder's
sentence keeps them), and must break no sentence: ``marker_breaks`` ends a sentence after a
marker that follows the sentence's final mark, the marker kept with it.

``cited_numbers`` returns the set of the numbers these markers cite, and ``endnote_lines``
the indices of the lines of a numbered note list at the foot of a page that cites them
("1. Interview with ...", "[2] Ministry statement, ...", "3) ...")."""

from __future__ import annotations

import re

_SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
_SUPER_VALUE = str.maketrans(_SUPERSCRIPTS, "1230456789")
#: A marker cites a note numbered at most this.
MAX_NOTE_NUMBER = 199
#: A line of a note list has at most this many words.
ENDNOTE_MAX_WORDS = 60
# marks a marker may be glued to: a sentence's or clause's final mark, a closing quotation mark
# or bracket
_GLUE = ".,;:!?\"'\u201d\u2019)]"
_CLOSERS = "\"'\u201d\u2019)]"
# words that a number follows after a full stop without being a note ("No.1", "Art.5", "p.3")
_ABBREVIATIONS = frozenset("no nos vol art arts fig figs ch sec para p pp op ver rev ed n".split())
_MARKER_RE = re.compile(
    r"\[(?P<sq>\d{1,3}(?:[,\u2013-]\d{1,3}){0,4})\]"
    r"|\((?P<rd>\d{1,2})\)"
    r"|(?P<sup>[" + _SUPERSCRIPTS + r"]{1,3})"
    r"|(?<=[" + re.escape(_GLUE) + r"])(?P<bare>\d{1,2})(?=[\s.,;:!?)]|\Z)")
# a line of a note list: its number ("1.", "1)", "[1]", "1") and a capital or a quotation mark
_ENDNOTE_RE = re.compile(r"(?:\[(\d{1,3})\][ \t]+|(\d{1,3})[.)]?[ \t]+|([" + _SUPERSCRIPTS + r"]{1,3})[ \t]*)"
                         r"[A-Z\"'\u201c\u2018]")
_MONTHS = frozenset("""january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec""".split())


def _word_before(text: str, end: int) -> str:
    """The run of letters ending at ``end`` in ``text``."""
    k = end
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    return text[k:end]


def _is_marker(text: str, m: re.Match) -> bool:
    """Whether the match ``m`` of ``_MARKER_RE`` in ``text`` is a note marker by what stands
    before it."""
    s = m.start()
    before = text[s - 1] if s else ""
    if not before or before.isspace():
        # only a bracketed number may stand after a space ("... in 1987 [1].") and never
        # at the start of a line (the note list's own number)
        return (m.group("sq") is not None and before in " \t" and s >= 2
                and (text[s - 2].isalnum() or text[s - 2] in _GLUE))
    if m.group("sq") is not None:
        return before.isalpha() or before in _GLUE
    if m.group("rd") is not None:
        return before in _GLUE or (before.isalpha() and before.islower())
    if m.group("sup") is not None:
        return before in _GLUE or len(_word_before(text, s)) >= 3
    # a bare number: after a mark that follows a small letter or a closing mark
    prev = text[s - 2] if s >= 2 else ""
    if before in _CLOSERS:
        return prev.isalpha() or prev in ".,;:!?"
    year = before == "." and re.search(r"(?<!\d)(?:19|20)\d\d\Z", text[max(0, s - 6):s - 1]) is not None
    if not (prev.islower() or prev in _CLOSERS or year):
        return False
    rest = text[m.end():m.end() + 3]
    if year:
        # "... from 2026.4 It ...": a year ends the sentence when a capital opens the next
        return rest[:1] == " " and rest[1:2].isupper()
    if before == "." and _word_before(text, s - 1).lower() in _ABBREVIATIONS:
        return False
    # "in August.5 ..." reads as a note; a sentence going on in small letters ("said.3 people")
    # or a number read as a quantity is not one
    return not rest[:1] or rest[:1] in ".,;:!?)" or rest[:1] == "\n" or (
        rest[:1].isspace() and (rest[1:2].isupper() or rest[1:2] in "\"'\u201c\u2018(\n" or not rest[1:2]))


def note_marker_spans(raw_text: str) -> list:
    """(start, end, "note marker") of each note marker in ``raw_text`` (see the module's
    docstring)."""
    if not any(c.isdigit() for c in raw_text):
        return []
    out = []
    for m in _MARKER_RE.finditer(raw_text):
        if _is_marker(raw_text, m):
            out.append((m.start(), m.end(), "note marker"))
    return out


_NEXT_SENTENCE_RE = re.compile(r"\s+[\"'\u201c\u2018(]?[A-Z]")


def _skip_spaces(para: str, k: int, e: int) -> int:
    """The first offset from ``k`` (before ``e``) of ``para`` that is no whitespace, or ``e``."""
    while k < e and para[k].isspace():
        k += 1
    return k


def _markers_kept(para: str, spans: list, markers: list) -> list:
    """``spans`` with the note markers opening a span ("[3] Then ..." after '"lost".') moved to
    the end of the sentence before it; a span left empty is dropped."""
    ends = {ms: me for ms, me, _r in markers}
    out: list = []
    for s, e in spans:
        k = s
        while k in ends:            # over markers run together ("[21][22]")
            k = ends[k]
        if out and k > s:
            out[-1] = (out[-1][0], k)
            s = _skip_spaces(para, k, e)
        if s < e:
            out.append((s, e))
    return out


def marker_breaks(para: str, spans: list) -> list:
    """The sentence spans ``spans`` ((start, end) in the paragraph ``para``) split after each
    note marker that follows a sentence's final mark (perhaps with closing quotation marks
    and other markers between) and stands before a space and a capital: "... a treaty.1 It
    rested ..." is two sentences, the marker ending the first (where a coder's sentence keeps
    it); markers opening a span go to the end of the sentence before it."""
    markers = note_marker_spans(para)
    if not markers:
        return spans
    starts = {me: ms for ms, me, _r in markers}
    spans = _markers_kept(para, spans, markers)
    cuts = []
    for ms, me, _r in markers:
        k = ms
        while k in starts:          # over markers run together ("[21][22]")
            k = starts[k]
        head = para[max(0, k - 8):k].rstrip(_CLOSERS)     # a few closing marks at most
        if head[-1:] in (".", "!", "?", "\u2026") and _NEXT_SENTENCE_RE.match(para, me):
            cuts.append(me)
    if not cuts:
        return spans
    out = []
    j = 0                               # cuts and spans both run left to right: one pass
    for s, e in spans:
        while j < len(cuts) and cuts[j] <= s:
            j += 1
        while j < len(cuts) and cuts[j] < e:
            out.append((s, cuts[j]))
            s = _skip_spaces(para, cuts[j], e)     # the next sentence's start
            j += 1
        out.append((s, e))
    return out


def trailing_marks_start(text: str, s: int, e: int) -> int:
    """Where the note markers that end the sentence ``text[s:e]`` after its final mark begin
    ('... was dead.[3]' -> the offset of "[3]"), or ``e`` if it ends in none."""
    body = text[s:e].rstrip()
    if not body or not (body[-1].isdigit() or body[-1] in "])" or body[-1] in _SUPERSCRIPTS):
        return e
    ends = {me: ms for ms, me, _r in note_marker_spans(body)}
    k = len(body)
    while k in ends:
        k = ends[k]
    if k < len(body) and body[:k].rstrip(_CLOSERS)[-1:] in (".", "!", "?", "\u2026"):
        return s + k
    return e


def _numbers(text: str) -> list:
    """The note numbers a marker's text cites ("[2,4]" -> [2, 4], "³" -> [3])."""
    digits = text.translate(_SUPER_VALUE)
    return [int(d) for d in re.findall(r"\d{1,3}", digits)]


def cited_numbers(raw_text: str, spans: list) -> set:
    """The note numbers that the markers ``spans`` (from ``note_marker_spans``) cite."""
    out: set = set()
    for s, e, _rule in spans:
        out.update(n for n in _numbers(raw_text[s:e]) if 0 < n <= MAX_NOTE_NUMBER)
    return out


def endnote_lines(lines: list, removed: list, cited: set) -> set:
    """Indices of the lines of a numbered note list at the foot of the page: a run of two or
    more lines, among the last lines of the page with nothing below them but furniture
    (``removed``), numbered in sequence ("1. ...", "[2] ...", "3) ...", "4 ..." or "\u2075 ..."), each of up to
    ``ENDNOTE_MAX_WORDS`` words, where the body cites (``cited``, from ``cited_numbers``) at
    least two of the run's numbers. A number before a month is a date ("4 August: ..."), not a
    note. ``lines`` are (start, end, text) of the non-empty lines."""
    if len(cited) < 2:
        return set()
    out: set = set()
    run: list = []
    numbers: list = []
    k = len(lines) - 1
    while k >= 0 and removed[k]:
        k -= 1
    # walk up from the last line the page keeps, over note lines and furniture
    while k >= 0:
        text = lines[k][2]
        m = _ENDNOTE_RE.match(text)
        words = text.split()
        if removed[k] and not m:
            k -= 1
            continue
        if not m or len(words) > ENDNOTE_MAX_WORDS or (
                len(words) > 1 and words[1].strip(".,:;").lower() in _MONTHS):
            break
        n = int((m.group(1) or m.group(2) or m.group(3)).translate(_SUPER_VALUE))
        if numbers and n != numbers[-1] - 1:
            break
        run.append(k)
        numbers.append(n)
        k -= 1
    if len(run) >= 2 and len(cited.intersection(numbers)) >= 2:
        out.update(run)
    return out


__all__ = ["cited_numbers", "endnote_lines", "marker_breaks", "note_marker_spans", "trailing_marks_start"]
