"""The header of a saved web page or a wire story, line by line: printed dates, meta lines,
bylines, navigation lines and datelines, and the header of hard-wrapped copy. Cleaning
(``inf_coverage.ingest.cleaning``) uses these to find the page furniture above an article."""

from __future__ import annotations

import re

from inf_coverage.ingest.text import _DATE_RE

# -- The header: masthead, sections, headline, print date, byline, dateline --
# A navigation line: two or more short labels separated by " | ", " / ", " > ", " › ", " » ".
_NAV_SEP_RE = re.compile(r"[ \t]+[|/>\u203a\u00bb][ \t]+")
_MONTH_WORDS = ("january february march april may june july august september october november "
           "december jan feb mar apr jun jul aug sep sept oct nov dec").split()
_DATE_WORDS = frozenset(_MONTH_WORDS + """
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
published updated posted last first modified on at a m am pm p gmt utc edt est cdt cst pdt pst
et pt cet cest bst msk eet eest ist time min mins minute minutes read reading h hrs
""".split())
_DATE_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+|\S")
_DATE_PUNCT = frozenset(",.:;\u00b7|\u2022\u2014\u2013-/()[]")
_BYLINE_SEP_RE = re.compile(r"[ \t]*[|\u00b7\u2022][ \t]*|[ \t]+[\u2014\u2013-][ \t]+")
_NAME_PARTICLES = frozenset("and de da van von der al bin ibn la le di du".split())
# A dateline opening the first paragraph (or standing on a line of its own): an optional
# bracketed date, a place (capitals: "MOSCOW", "NEW YORK"; or a capitalised name with a
# date or a source), an optional date (", Aug 5", ", August 5."), an optional source
# ("(Northline)", "/VNA/.") and a dash or colon, then the first sentence.
_DATELINE_PARTS_RE = re.compile(
    r"(?P<date>\[[^\]\n]{1,40}\][ \t]*)?"
    r"(?P<place>[A-Z][\w.'\u2019-]{0,30}(?: [A-Z][\w.'\u2019-]{0,30}){0,3})"
    r"(?P<day>,[ \t]?(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})\.?)?"
    r"(?P<source>[ \t]?\([^()\n]{1,40}\)|[ \t]?/[^/\n]{1,30}/\.?)?"
    r"(?P<sep>[ \t]?[-\u2013\u2014:])?"
    r"(?P<end>[ \t]+(?=[\"'\u201c\u2018A-Z])|[ \t]*\Z)")



# the page naming itself before its printed date: "This content was ...", "The article has been ..."
_SELF_NAMED_RE = re.compile(r"\A(?:this|the) (?:content|article|story|page|post|report) (?:was|has been) "
                            r"(?=(?:first |last )?(?:published|updated|posted|modified)\b)", re.I)


def _is_print_date(line: str) -> bool:
    """True if ``line`` is only a printed date, perhaps with a weekday, a time, a time zone,
    "Published"/"Updated" and a reading time ("Published August 7, 2025 · 6 min read",
    "5 Aug 2025, 15:20", "August 7, 2025 at 6:05 a.m. EDT"), also after the page naming
    itself ("This article was published on 5 August 2025 - 14:32")."""
    tokens = _DATE_TOKEN_RE.findall(_SELF_NAMED_RE.sub("", line, count=1))
    has_month = has_number = False
    for tok in tokens:
        low = tok.lower()
        if tok.isdigit():
            has_number = True
        elif low in _DATE_WORDS:
            has_month = has_month or low in _MONTH_WORDS
        elif tok not in _DATE_PUNCT:
            return False
    return has_month and has_number


def _is_self_dated(line: str) -> bool:
    """True if ``line`` is the page naming itself and its printed date ("This article was
    published on 5 August 2025 - 14:32"): furniture, not a date of the text."""
    return bool(_SELF_NAMED_RE.match(line)) and _is_print_date(line)


#: A part of a meta line has at most this many words.
META_PART_WORDS = 6
# the credit word before "by" in a byline: "Words by ...", "Interview by ...", "Text by ..."
_CREDIT_BY_RE = re.compile(r"(?:words|text|story|interview|interviews|reporting|illustrations?|photos?|"
                           r"photographs?|video|pictures?) (?=by )", re.I)
# a reading time: "6 min read", "4-minute read", "Reading time: 5 minutes", "Time to read 4 min."
_READING_TIME_RE = re.compile(r"(?:(?:reading |read )?time(?: to read)?:?[ \t])?\d{1,3}[ -]min(?:ute)?s?(?: read)?\.?",
                              re.I)
_CLOCK_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d+ min(?:ute)?s? read\b", re.I)


def _is_meta_line(line: str) -> bool:
    """True if ``line`` is a page's meta line: short parts separated by "|", "·" or "•", none
    a sentence, one of them a date or a clock time ("Nadia Example | August 7, 2025 | 7 min
    read", "Published: 16:22, 5 Aug 2025 | Updated: 18:47, 5 Aug 2025")."""
    if not any(c in line for c in "|\u00b7\u2022"):
        return False
    parts = [p.strip() for p in re.split(r"[|\u00b7\u2022]", line) if p.strip()]
    if len(parts) < 2 or any(len(p.split()) > META_PART_WORDS or p[-1] in ".!?" for p in parts):
        return False
    return any(_is_print_date(p) or _CLOCK_RE.search(p) or _DATE_RE.fullmatch(p) for p in parts)


def _is_name(part: str) -> bool:
    """True if ``part`` reads as a person's or a desk's name: one to five capitalised words
    (particles such as "de" or "and" allowed), no sentence punctuation."""
    words = part.split()
    return (0 < len(words) <= 5 and words[0][:1].isupper()
            and all(w[:1].isupper() or w in _NAME_PARTICLES for w in words)
            and not any(c in part for c in ".!?:;\"\u201c\u201d"))


def _is_byline(line: str) -> bool:
    """True if ``line`` is a byline: "By ..." (a few words), or a name and a printed date
    separated by "|", "·", or a dash ("Olena Kravets — Tuesday, 5 August 2025, 18:40",
    "By Feedline staff | August 5, 2025")."""
    parts = [p.strip() for p in _BYLINE_SEP_RE.split(line) if p.strip()]
    has_by = has_name = has_date = False
    for part in parts:
        words = part.split()
        credit = _CREDIT_BY_RE.match(part)
        if credit:
            words = words[credit.group().count(" "):]      # "Interview by Ada Example": "by Ada Example"
        if words[0].lower() == "by" and 2 <= len(words) <= 9 \
                and (words[1][:1].isupper() or words[1] == "the") \
                and not part.endswith((".", "!", "?", ":")):
            has_by = True
        elif _is_print_date(part):
            has_date = True
        elif _READING_TIME_RE.fullmatch(part):
            continue                    # "6 min read" beside a byline says nothing either way
        elif _is_name(part):
            has_name = True
        else:
            return False
    return has_by or (has_name and has_date)


_NAV_SPACES_RE = re.compile(r"[ \t]{2,}")


def _is_nav_line(line: str) -> bool:
    """True if ``line`` is two or more short capitalised labels separated by " | ", " / ",
    " > ", " › " or " » " ("Home | World | Business", "FEEDLINE / Roundup"), or three or
    more separated by runs of spaces ("News   Sport   Weather")."""
    parts = _NAV_SEP_RE.split(line.strip())
    if len(parts) < 2:
        # labels set apart by runs of spaces alone ("Home   World   Business"): three or more
        parts = _NAV_SPACES_RE.split(line.strip())
        if len(parts) < 3:
            return False
    # a label starts with a capital, or has one second ("ePaper")
    return all(
        p and len(p) <= 40 and len(p.split()) <= 4 and any(c.isupper() for c in p[:2]) and p[-1] not in ".!?,;:"
        for p in parts)


def _dateline_match(line: str):
    """The dateline opening ``line``, as a match, or None. A place in capitals ("MOSCOW",
    "KYIV") needs a date, a source or a dash after it; a place written as a name
    ("Moscow") needs a date or a source, so "Moscow said ..." is never a dateline."""
    m = _DATELINE_PARTS_RE.match(line)
    if not m:
        return None
    place = m.group("place")
    letters = [c for c in place if c.isalpha()]
    capitals = len(letters) >= 3 and all(c.isupper() for c in letters)
    sep = (m.group("sep") or "").strip()
    if m.group("day") or m.group("source"):
        return m
    if capitals and sep in ("-", "\u2013", "\u2014"):
        return m
    return None




#: In hard-wrapped copy, the lines above the anchor of the header are at most this many.
WRAPPED_HEADER_LINES = 8


def _opens_with_dateline(line: str) -> bool:
    """True if a dateline opens ``line`` and the first sentence follows it, perhaps after a
    printed date ("Aug 4, 2025 16:58 GMT MOSCOW, Aug 4 (Wire) - Russia said ..."); a double
    hyphen is a dash here ("WASHINGTON (Wire) -- The ...")."""
    text = line.strip().replace(" -- ", " - ", 1)
    starts = [0] + [m.start() for m in re.finditer(r"(?<= )[A-Z]", text[:60])
                    if _is_print_date(text[:m.start()].strip())]
    for at in starts:
        m = _dateline_match(text[at:])
        if m and at + m.end() < len(text):
            return True
    return False


def _wrapped_header(lines: list) -> list:
    """Spans (start, end, rule "header"), one a line, of the header of hard-wrapped copy: the
    lines at the top above a line that a dateline opens, or up to and including a byline, a
    printed date or a meta line (the anchor), when the anchor is among the first
    ``WRAPPED_HEADER_LINES`` + 1 non-empty lines and at most one line above it ends as a
    sentence ends (a wire slug, a headline broken over two lines, an editors' note, a
    byline and an agency's name above "MOSCOW, Aug 4 (Wire) - ..."). A wrapped text
    whose first lines are its first paragraph has no anchor there, and nothing is removed."""
    body = [(s, ln) for s, _e, ln in lines if ln.strip()][:WRAPPED_HEADER_LINES + 1]
    cut = 0
    for k, (_s, ln) in enumerate(body):
        text = ln.strip()
        if len(text) > 160:
            break
        if _opens_with_dateline(text):
            cut = k
            break
        if _is_byline(text) or _is_print_date(text) or _is_meta_line(text):
            cut = k + 1
    head = body[:cut]
    if sum(ln.rstrip()[-1] in ".!?" for _s, ln in head) > 1:
        return []
    spans = []
    for s, ln in head:
        lead = len(ln) - len(ln.lstrip())
        spans.append((s + lead, s + len(ln.rstrip()), "header"))
    return spans
