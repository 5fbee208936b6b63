"""Cleaning an article's raw text with an audit: page furniture removed, characters and
whitespace normalised, every edit a span of the raw text with its rule."""

from __future__ import annotations

import bisect
import re

from inf_coverage.ingest.furniture_boxes import _UNIT_CLOSERS, _UNIT_FINAL, _summary_box_spans, line_spans
from inf_coverage.ingest.furniture_layout import QUOTED_REPLY_RE, drop_cap_spans, layout_spans
from inf_coverage.ingest.furniture_lines import CREDIT, MAX_FURNITURE_LINE, QUOTE_CHARS, READER_RE, line_furniture
from inf_coverage.ingest.furniture_records import PROSE_MIN_WORDS, record_spans
from inf_coverage.ingest.furniture_turns import caps_label, inline_label, screenplay_turn_lines
from inf_coverage.ingest.pageheader import (
    _READING_TIME_RE,
    _dateline_match,
    _is_byline,
    _is_meta_line,
    _is_name,
    _is_nav_line,
    _is_print_date,
    _wrapped_header,
)
from inf_coverage.ingest.text import _DATE_RE, STOPWORDS

# -- Cleaning ---------------------------------------------------------------
# Cleaning never edits the raw files. ``clean_text`` returns the cleaned text and
# a list of edits; each edit is one span of the raw text that was removed or
# replaced, with the rule responsible. Applying the edits to the raw text gives
# the cleaned text exactly (a unit test checks this for every article), so the
# audit is complete.
#
# Stage 1 removes page furniture (whole spans of the raw text) and invisible control
# characters (NUL, bidirectional overrides: ``_CONTROL_RE``).
# Stage 2 normalises what breaks matching, without changing words: characters
# (non-breaking hyphens, zero-width characters, Cyrillic look-alike letters inside
# Latin words) and whitespace (hard-wrapped lines joined, one paragraph per line,
# runs of spaces collapsed, a sentence split by removed furniture rejoined).

_URL_LINE_RE = re.compile(r"[ \t]*https?://\S+[ \t]*\Z")
_LINK_HEADER_RE = re.compile(r"[ \t]*(?:original url|source url|sources?|links?):[ \t]*\Z", re.I)
# a credit at the end of a line ("... on March 22, 2025. Photo: VCG"); the rule
# removes the whole line, the caption it ends
_CAPTION_RE = re.compile(rf"\b(?:Photo|Photos|Image|Picture)(?: credit)?: ?{CREDIT}$", re.M)
_DONATION_RE = re.compile(r"^A Message from [^\n]{1,80}:[ \t]*\n.*?^Remind me later\.[^\n]*$", re.M | re.S)
_RELATED_LINE_RE = re.compile(r"^[ \t]*Related(?: article| articles| story|:)[^\n]*$", re.M)
_RELATED_PARA_RE = re.compile(r"^[ \t]*Related(?: article| articles| story|:)[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*", re.M)
# "Moscow( The COW News Digital) ", "MOSCOW (Reuters) - ": a place, a source in
# brackets, then the first sentence (a capital letter follows).
_DATELINE_RE = re.compile(r"\A\s*[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,2} ?\( ?[A-Z][^()\n]{1,60}\)\s*(?:[-\u2013\u2014:]\s*)?(?=[A-Z\u201c\"])")  # noqa: E501

# -- Web-copy furniture --
# Pages saved from the web carry lines that are not the article: buttons, credits, banners
# (``furniture_lines``, one line at a time), and a header (masthead, section, headline, print
# date, byline) above a dateline.
# The header is looked for in the first ``MAX_HEADER_LINES`` non-empty lines only (a page may
# open with skip links, menus, a masthead, navigation, the weather and the day before the section,
# headline, standfirst, byline and printed date).
MAX_HEADER_LINES = 16
#: The header holds at most this many headline-like lines (a kicker, the headline, a
#: standfirst, an author's title), at most one of them a sentence.
MAX_HEADLINES = 3
#: ... and at most this many of them end in a full stop (a headline and a standfirst may,
#: below a masthead, section or navigation line; else one).
MAX_HEADER_SENTENCES = 2
#: Rule names whose spans are page furniture (``removed_spans`` kind "furniture"); the
#: other rules normalise characters and whitespace.
FURNITURE_RULES = (
    "photo caption", "donation appeal", "related-article link", "source link list", "dateline",
    "skip link", "share buttons", "photo credit", "copyright notice", "wire credits",
    "source line", "subscription appeal", "follow appeal", "navigation", "masthead or section",
    "headline", "standfirst", "print date", "byline", "no sentence", "wire tail",
    "subhead", "appeal", "repeated text", "disclaimer", "author bio", "meta line", "footnote",
    "contact line", "header", "summary box", "editor's note", "consent notice", "running head",
    "link list", "outlet note", "greeting", "reader comment", "wedged note",
)
_CHAR_MAP = {
    "\u2010": "-",   # hyphen
    "\u2011": "-",   # non-breaking hyphen
    "\u00ad": "",    # soft hyphen
    "\u200b": "",    # zero-width space
    "\u200c": "",    # zero-width non-joiner
    "\u200d": "",    # zero-width joiner
    "\u2060": "",    # word joiner
    "\ufeff": "",    # byte-order mark / zero-width no-break space
}
_CHAR_RE = re.compile("[" + "".join(_CHAR_MAP) + "]")
# Invisible control characters, removed (rule "control character"): NUL and the other
# C0 controls that are not whitespace, DEL, and the bidirectional marks, embeddings,
# overrides and isolates (U+200E-F, U+061C, U+202A-E, U+2066-9). A scraper or a hostile
# text can put one inside a name ("Pu<U+202E>tin"), which would hide the mention.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+")
_CYRILLIC_LOOKALIKES = str.maketrans("аеорсухіјѕАВЕКМНОРСТХІЈЅ", "aeopcyxijsABEKMHOPCTXIJS")
_CYRILLIC_RE = re.compile("[аеорсухіјѕАВЕКМНОРСТХІЈЅ]")
_MIXED_SCRIPT_RE = re.compile(
    r"\b\w*(?:[A-Za-z][аеорсухіјѕАВЕКМНОРСТХІЈЅ]|[аеорсухіјѕАВЕКМНОРСТХІЈЅ][A-Za-z])\w*\b"
)
_WS = r"[ \t\r\n\f\v\u00a0\u2028\u2029\u202f\u3000]"
_WS_NOT_SPACE = r"[\t\r\n\f\v\u00a0\u2028\u2029\u202f\u3000]"
# Whitespace runs that need an edit: two or more characters, any character other
# than a plain space, or a space at either end. Single spaces between words (the
# vast majority) do not match, which keeps cleaning fast.
_SPACE_RE = re.compile(rf"(?<!{_WS})(?:{_WS}{{2,}}|{_WS_NOT_SPACE}|\A |[ ]\Z)(?!{_WS})")
_SENTENCE_FINAL = set(".!?:;\"'\u201d\u2019)]\u2026")


def is_hard_wrapped(raw_text: str) -> bool:
    """True if the text was hard-wrapped at a fixed width (sentences broken mid-line).

    Looks at the non-empty lines that are not bare URLs: at least five of them, at most one
    in ten longer than 100 characters (a headline or a URL may be), at least half of them
    reaching three quarters of the wrap width (the length nine lines in ten stay within, at
    least 40), and at least 30% ending mid-sentence (a letter, digit or comma, with the next
    line going on). Articles laid out one paragraph per line fail the length and
    mid-sentence tests.
    """
    every = [ln.strip() for ln in raw_text.split("\n")]
    # a line ends mid-sentence when it ends in a letter, digit or comma and the next line
    # goes on (a headline or label before a blank line is no broken sentence)
    broken = [bool(ln) and (ln[-1].isalnum() or ln[-1] == ",") and k + 1 < len(every) and bool(every[k + 1])
              for k, ln in enumerate(every)]
    kept = [(ln, b) for ln, b in zip(every, broken) if ln and not _URL_LINE_RE.match(ln)]
    lines = [ln for ln, _ in kept]
    if len(lines) < 5 or sum(len(ln) > 100 for ln in lines) > 0.1 * len(lines):
        return False
    # the wrap width: the length most long lines reach (a feed wraps at 64, another at 72)
    width = sorted(map(len, lines))[int(0.9 * (len(lines) - 1))]
    if width < 40:
        return False
    long_share = sum(len(ln) >= 0.75 * width for ln in lines) / len(lines)
    open_share = sum(b for _, b in kept) / len(lines)
    return long_share >= 0.5 and open_share >= 0.3


def _link_list_spans(raw_text: str):
    """Spans of blocks of bare URLs (a source-link list), with an optional header
    line such as "Original url:" and URLs hard-wrapped onto a second line."""
    spans: list = []
    block: list | None = None     # [start, end] of the current block
    prev = None
    pos = 0
    for line in raw_text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        is_url = bool(_URL_LINE_RE.match(line))
        is_cont = (
            not is_url and prev is not None and prev[0] == "url" and prev[1] >= 70
            and stripped and not any(c.isspace() for c in stripped)
        )
        if is_url or is_cont:
            block = [start if block is None else block[0], end]
            prev = ("url", len(line))
        elif _LINK_HEADER_RE.match(line) and stripped:
            if block is not None and block[1] is not None:
                spans.append(tuple(block))
            block = [start, None]   # a header opens a block, but only counts if a URL follows
            prev = ("header", 0)
        elif not stripped:
            prev = ("blank", 0)
        else:
            if block is not None and block[1] is not None:
                spans.append(tuple(block))
            block, prev = None, ("text", 0)
    if block is not None and block[1] is not None:
        spans.append(tuple(block))
    return [(s, e, "source link list") for s, e in spans]




_PLACE_DATE_RE = re.compile(r"[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,2}, (.+)\Z")


def _header_kind(line: str) -> str | None:
    """What a line of the header is: "navigation", "print date", "byline", "dateline"
    (alone on its line), "masthead or section" (a short label) or "headline" (any other line
    of up to 30 words that is not a sentence broken off), else None (the article begins)."""
    text = line.strip()
    if len(text) > MAX_FURNITURE_LINE:
        return None
    if _is_print_date(text) or _READING_TIME_RE.fullmatch(text):
        return "print date"             # a reading time alone ("6 min read") is the page's too
    if _is_byline(text):
        return "byline"
    if _is_nav_line(text):
        return "navigation"
    m = _dateline_match(text)
    if m and m.end() == len(text):
        return "dateline"
    place = _PLACE_DATE_RE.match(text)
    if place and _is_print_date(place.group(1)):
        return "print date"             # "Porthaven, 3 June 2025"
    words = text.split()
    # a short label, perhaps after a symbol ("● LIVE"), or names set apart by "·" or "|"
    label_start = text[0].isupper() or not (text[0].isalnum() or text[0] in "'\"\u2018\u201c")
    if len(words) <= 5 and len(text) <= 40 and text[-1] not in ".!?,;:" and label_start:
        return "masthead or section"
    parts = [p.strip() for p in re.split(r"[|\u00b7]", text)]
    if len(parts) >= 2 and all(_is_name(p) for p in parts):
        return "masthead or section"
    if len(words) <= 30 and text[-1] not in ",;:-" and (text[0].isupper() or text[0] in "'\"\u2018\u201c"):
        return "headline"
    return None


#: In hard-wrapped copy, a line shorter than this share of the wrap width ends its run.
SHORT_LINE_SHARE = 0.75
#: A run of lines is looked at as one furniture line if it has at most this many lines.
MAX_RUN_LINES = 3
_RUN_END = set(".!?)]\u201d\"")


def _item_headings(texts: list, own: dict) -> None:
    """Add to ``own`` ({line index: rule}) the heading of each item of hard-wrapped copy: up
    to two lines at the top of a block straight above a line of furniture, which do not end
    as a sentence ends and hold at most ``SUBHEAD_MAX_WORDS`` + 3 words ("2. Ferry talks
    resume" above "Source: ..."), as "no sentence"."""
    for k in [k for k, rule in own.items() if rule != "no sentence"]:
        top = k
        while top > 0 and texts[top - 1] and top - 1 not in own and k - top < 2:
            top -= 1
        head = " ".join(texts[top:k])
        if (head and (top == 0 or not texts[top - 1]) and head[-1] not in _UNIT_FINAL
                and len(head.split()) <= SUBHEAD_MAX_WORDS + 3 and (head[0].isupper() or head[0].isdigit())):
            own.update({j: "no sentence" for j in range(top, k)})


def _wrapped_runs(lines: list) -> list:
    """Furniture spans (start, end, rule), one for each line, in hard-wrapped copy where a
    block of lines holds more than one thing: the block is cut into runs, each ending at a
    line that ends as a sentence or a bracket ends, at a short line, or at a line with no
    letters; a run of up to ``MAX_RUN_LINES`` lines (not a block of one line: the line rules
    look at those) is furniture if, joined,
    it is a furniture line ("(Reporting by ...;" / "Writing by ...)", a copyright notice
    after the last paragraph), and a run of one line with no letters ("-----") or in
    capitals alone ("TOP STORY") is no sentence. A short furniture line ending a longer run
    is a line of its own, and an item's heading above it is no sentence (``_item_headings``).
    A block that is one line is left to the line rules."""
    texts = [ln.strip() for _, _, ln in lines]
    full = sorted(len(t) for t in texts if t)
    if not full:
        return []
    width = full[int(0.9 * (len(full) - 1))]
    own: dict = {}
    run: list = []

    def close():
        block_alone = not run or (len(run) == 1 and (run[0] == 0 or not texts[run[0] - 1])
                                  and (run[-1] + 1 >= len(texts) or not texts[run[-1] + 1]))
        if run and not block_alone and len(run) <= MAX_RUN_LINES:
            joined = " ".join(texts[k] for k in run)
            rule = line_furniture(joined) if len(joined) <= MAX_FURNITURE_LINE else None
            if rule is None and len(run) == 1 and (not any(c.isalpha() for c in joined)
                                                   or (joined.isupper() and len(joined.split()) <= 5)):
                rule = "no sentence"
            last = texts[run[-1]]
            if (rule is None and len(run) > 1 and last[0].isupper() and len(last) < SHORT_LINE_SHARE * width
                    and line_furniture(last)):
                # a short furniture line in capitals ends the run ("Source: X | 4 May"): a
                # line of its own under the line above, not a sentence's end wrapped ("share")
                own[run[-1]] = line_furniture(last)
            for k in run if rule else ():
                own[k] = rule
        run.clear()

    for k, t in enumerate(texts):
        if not t:
            close()
            continue
        if run and not any(c.isalpha() for c in t):
            close()
        run.append(k)
        if t[-1] in _RUN_END or len(t) < SHORT_LINE_SHARE * width or not any(c.isalpha() for c in t):
            close()
    close()
    _item_headings(texts, own)
    spans: list = []
    for k in sorted(own):
        s, _e, line = lines[k]
        lead = len(line) - len(line.lstrip())
        spans.append((s + lead, s + len(line.rstrip()), own[k]))
    return spans


def _web_furniture_spans(raw_text: str, wrapped: bool):  # noqa: C901
    """Spans of web-copy furniture in ``raw_text``, as (start, end, rule): lines that are
    furniture wherever they stand (``line_furniture``) and the header at the top.

    In a hard-wrapped text only a line standing alone between blank lines is looked at,
    and no header is looked for. The header is the run of lines at the top that are
    furniture, navigation, a masthead or section name, at most two headline-like lines (a
    headline and a standfirst; at most one of them ending in a full stop), print dates,
    bylines and a dateline on a line of its own, within ``MAX_HEADER_LINES`` non-empty
    lines. It is removed only up to its last print date, byline or dateline (the anchor),
    or up to a dateline opening the first paragraph, which is removed too: with no anchor,
    a short first line may be the article's own first sentence, and nothing is guessed.
    The first line of the header of four or more words, not all capitals, is the
    "headline" (``title_detected``); a headline-like line after it is the "standfirst"."""
    lines = list(line_spans(raw_text))
    spans = []
    for k, (s, _e, line) in enumerate(lines):
        if not line.strip() or len(line) > MAX_FURNITURE_LINE:
            continue
        if wrapped and ((k > 0 and lines[k - 1][2].strip()) or (k + 1 < len(lines) and lines[k + 1][2].strip())):
            continue
        rule = line_furniture(line) or ("meta line" if len(line) <= 160 and _is_meta_line(line) else None)
        if rule == "meta line" and (_is_print_date(line.strip()) or _is_byline(line.strip())):
            rule = None                 # the header's own kinds name these where they stand
        if rule:
            lead = len(line) - len(line.lstrip())
            spans.append((s + lead, s + len(line.rstrip()), rule))
    if wrapped:
        taken = {s for s, _, _ in spans}
        return spans + [sp for sp in _wrapped_header(lines) if sp[0] not in taken]
    found = {s: rule for s, _, rule in spans}
    header: list = []
    anchor = -1
    n_headlines = 0
    n_sentences = 0
    seen = 0
    for s, _e, line in lines:
        if not line.strip():
            continue
        seen += 1
        lead = len(line) - len(line.lstrip())
        s2, e2 = s + lead, s + len(line.rstrip())
        if seen > MAX_HEADER_LINES:
            break
        if s2 in found:
            if found[s2] == "meta line":        # a byline or print date with more in it: an anchor
                anchor = len(header) - 1
            continue
        m = _dateline_match(line[lead:])
        turn = (m and (m.group("sep") or "").strip() == ":") or _recurring_turn(line[lead:], lines)
        if turn and _is_transcript(lines):
            # "ADA EXAMPLE (CHAIR): Welcome ...", "HOST: Welcome ..." (a label that opens other
            # turns): the first turn, not a dateline or a headline; the lines above are the header
            anchor = len(header) - 1
            break
        if m and s2 + m.end() < e2:
            # the article begins with a dateline, which anchors the header
            header.append((s2, s2 + m.end(), "dateline"))
            anchor = len(header) - 1
            break
        kind = _header_kind(line)
        if kind == "headline":
            n_headlines += 1
            n_sentences += line.rstrip().endswith(".")
        # a second line ending in a full stop only below the page's own labels (a masthead,
        # a section, navigation): two sentences at the very top are the article's
        chrome = any(k in ("masthead or section", "navigation") for _s, _e, k in header)
        if kind is None or n_headlines > MAX_HEADLINES or n_sentences > (MAX_HEADER_SENTENCES if chrome else 1):
            break
        header.append((s2, e2, kind))
        if kind in ("print date", "byline", "dateline"):
            anchor = len(header) - 1
    header = header[:anchor + 1]
    headlines = [k for k, (s, e, kind) in enumerate(header)
                 if kind in ("headline", "masthead or section") and len(raw_text[s:e].split()) >= 4
                 and not raw_text[s:e].isupper()]
    first = headlines[0] if headlines else len(header)
    for k, (s, e, kind) in enumerate(header):
        if k == first:
            header[k] = (s, e, "headline")
        elif kind == "headline":
            header[k] = (s, e, "standfirst" if k > first else "masthead or section")
    return spans + header


#: A paragraph of fewer words than this that ends without a sentence's final punctuation is
#: furniture wherever it stands.
NO_SENTENCE_MAX_WORDS = 8


#: ... and so is a longer one whose share of function words (``STOPWORDS``) is below this
#: (prose runs at 0.4-0.5, headlines and lists of names at 0.1-0.3).
NO_SENTENCE_STOP_SHARE = 0.3


# A paragraph that ends as a sentence ends, of at least PROSE_MIN_WORDS words (one value with
# the record rules), is prose: the run of prose goes from the first such paragraph to the last.


# an omission mark alone on its line, perhaps in brackets ("<…>", "[...]"): words of the text
# left out (a transcript's cut), which the text shows, not furniture
_OMISSION_RE = re.compile(r"[<\[(]?(?:\u2026|\.\.\.)[>\])]?\Z")
_WIRE_TAIL_RE = re.compile(r"[ \t]+(?:Enditem|ENDITEM|\(?[Ee]nd\)?|-{2,}0-{2,})[ \t]*$", re.M)


def _units(raw_text: str, wrapped: bool):
    """(start, end, text) of each paragraph: each non-empty line, or, in hard-wrapped copy,
    each block of lines between blank lines."""
    pattern = r"(?:[^\n]*\S[^\n]*(?:\n|\Z))+" if wrapped else r"[^\n]*\S[^\n]*"
    for m in re.finditer(pattern, raw_text):
        text = m.group()
        lead = len(text) - len(text.lstrip())
        yield m.start() + lead, m.start() + len(text.rstrip()), text.strip()


# marks a paragraph of prose may end in after its last sentence: reference numbers in square
# brackets ("...in 2019.[16][17]", a question's number "[905112]") and symbols (an emoji)
_TRAILING_MARKS_RE = re.compile(r"(?:[ \t]*(?:\[(?:\d{1,7}|[a-z]|citation needed)\]|[\u2600-\u27bf\ufe0f\u200d]"
                                r"|[\U0001f000-\U0001faff]))+\Z")


def _unit_evidence(text: str) -> tuple:
    """(words, ends as a sentence, share of function words) of one paragraph; reference
    marks and symbols after its last sentence (``_TRAILING_MARKS_RE``) are not its end."""
    words = text.split()
    core = _TRAILING_MARKS_RE.sub("", text).rstrip(_UNIT_CLOSERS)
    ended = bool(core) and core[-1] in _UNIT_FINAL
    stop = sum(w.lower().strip(",.;:!?\"'()[]\u201c\u201d\u2018\u2019") in STOPWORDS for w in words)
    return len(words), ended, stop / max(len(words), 1)


# a numbered heading or list entry: "2. What changes now" (it does not end as a sentence ends)
_NUMBERED_RE = re.compile(r"\d{1,2}[.)] [A-Z\"'\u201c\u2018]")


def _broken_sentence_units(units: list, evidence: list) -> set:
    """Indices of paragraphs that are pieces of one sentence broken over lines: a chain of
    paragraphs, each after the first going on from the one before (it starts in lower case,
    or the one before ends on a comma), whose last paragraph ends as a
    sentence ends; a paragraph without letters inside a chain (a caption's time stamp, "0:41")
    is no piece of it and does not break it. A chain that never ends a sentence ("level 2" / "u/name · 6h ago", "Keep
    reading" / "list of 3 items") is no sentence: its paragraphs are judged one by one."""
    broken: set = set()
    chain: list = []
    for k in range(len(units) + 1):
        if k < len(units):
            text = units[k][2]
            if chain and not any(c.isalpha() for c in text):
                continue    # a time stamp between two caption lines ("0:41"): no piece, no break
            if chain:
                prev = units[chain[-1]][2]
                if not evidence[chain[-1]][1] and (text[:1].islower() or prev.endswith(",")):
                    chain.append(k)
                    continue
        if len(chain) > 1 and evidence[chain[-1]][1]:
            broken.update(chain)
        chain = [k]
    return broken


def _is_transcript(lines: list) -> bool:
    """True if two or more of ``lines`` (as ``line_spans`` gives them) open with a speaker's
    colon label (``inline_label``) followed by speech ("OKAFOR: On paper, ..."): the page is a
    transcript."""
    n = 0
    for _s, _e, line in lines:
        hit = inline_label(line, ":", marked=False)
        n += bool(hit and len(line) - hit.end > 40)
        if n >= 2:
            return True
    return False


def _recurring_turn(line: str, lines: list) -> bool:
    """Whether ``line`` opens with a colon label that opens another line of speech too."""
    end = hit.end if (hit := inline_label(line, ":", marked=False)) else 0
    return bool(end) and sum(ln.startswith(line[:end]) and len(ln) - end > 40 for _s, _e, ln in lines) >= 2


def _label(text: str) -> str:
    """The label opening ``text`` with its delimiter ("OKAFOR:", "Ada Example:", "Q", "[Ada
    Example]": ``inline_label``), or "" (also for a label with no turn after it); a mark before
    it ("\u25cbOKAFOR: ...", ">> OKAFOR: ...") is not part of it."""
    hit = inline_label(text, ":[]Q")
    if not hit or hit.end >= len(text.rstrip()):
        return ""
    return f"[{hit.label}]" if hit.delim == "[]" else hit.label + hit.delim


def _turn_labels(units: list, evidence: list) -> set:
    """The speaker labels ("Q:", "MS LEE:", "Ada Example:") that open two or more
    paragraphs of prose in a text: the labels of its transcript's turns."""
    seen: dict = {}
    for (_s, _e, text), (n, ended, _stop) in zip(units, evidence):
        key = _label(text) if ended and n >= PROSE_MIN_WORDS else ""
        if key:
            seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count >= 2}


def _no_sentence_spans(raw_text: str, wrapped: bool):
    """Spans (start, end, rule) of paragraphs that are not prose (see above), and of wire tails
    ("Enditem", "(end)") run onto the last line of a paragraph. A turn of a transcript
    (its label opens other turns that are prose: ``_turn_labels``) is speech, even broken off."""
    units = list(_units(raw_text, wrapped))
    if not units:
        return []
    evidence = [_unit_evidence(_WIRE_TAIL_RE.sub("", t)) for _, _, t in units]   # a tail is no evidence
    prose = [k for k, (n, ended, _) in enumerate(evidence) if ended and n >= PROSE_MIN_WORDS]
    first, last = (prose[0], prose[-1]) if prose else (len(units), -1)
    broken = _broken_sentence_units(units, evidence)
    turns = _turn_labels(units, evidence)
    spans: list = []
    for k, ((s, e, text), (n, ended, stop)) in enumerate(zip(units, evidence)):
        if ended or not n or k in broken or _OMISSION_RE.match(text):
            continue
        if _label(text) in turns:
            continue        # a turn of a transcript broken off ("Q: Can I just -")
        date = _DATE_RE.search(text)
        if e - s > MAX_FURNITURE_LINE or (first <= k <= last and date and date.start() <= 3):
            continue        # a long paragraph, or a date heading inside the article (a timeline entry)
        numbered = n <= SUBHEAD_MAX_WORDS + 3 and _NUMBERED_RE.match(text)
        if n < NO_SENTENCE_MAX_WORDS or stop < NO_SENTENCE_STOP_SHARE or k < first or k > last or numbered:
            # the first such paragraph above the prose, of four words or more (with letters: not
            # a time stamp), not all capitals and no navigation line ("Home | World"), is the
            # headline (``title_detected``)
            headline = (k < first and sum(any(c.isalpha() for c in w) for w in text.split()) >= 4
                        and not text.isupper() and not _is_nav_line(text)
                        and not any(r == "headline" for *_, r in spans))
            rule = "headline" if headline else "no sentence"
            if wrapped and "\n" in raw_text[s:e]:
                # a block of lines: one span a line (each is a line of the page)
                for ls, le, line in line_spans(raw_text[s:e]):
                    if line.strip():
                        lead, trail = len(line) - len(line.lstrip()), len(line) - len(line.rstrip())
                        spans.append((s + ls + lead, s + le - trail, rule))
            else:
                spans.append((s, e, rule))
    if "nd" in raw_text or "--0--" in raw_text:
        spans += [(m.start(), m.end(), "wire tail") for m in _WIRE_TAIL_RE.finditer(raw_text)]
    if not wrapped:
        taken = {s for s, _, _ in spans}
        tail = prose[-TAIL_UNITS] if len(prose) >= TAIL_UNITS else 0
        spans += [sp for sp in _sentence_furniture_spans(units, evidence, first, tail, turns) if sp[0] not in taken]
    return spans


#: A question standing alone as a paragraph of up to this many words is a subhead ("What
#: was the treaty?", "Why now?").
SUBHEAD_MAX_WORDS = 12
#: An appeal that does not address the reader ("you", "our") is an imperative sentence of up
#: to this many words.
APPEAL_MAX_WORDS = 6
#: Paragraphs of up to this many words are looked at as appeals, disclaimers and bios.
NOTE_MAX_WORDS = 30
#: How many paragraphs of prose at the end are looked at as disclaimers and author bios.
TAIL_UNITS = 4
#: Words that open two texts (a paragraph, a sentence) that are then the same text.
REPEAT_WORDS = 8
# an imperative appeal to the reader opening the last sentence of a short paragraph:
# "Become a patron.", "Join today from $5 a month.", "Go Premium to ...", "Follow X on ..."
_APPEAL_RE = re.compile(r"(?:\A|[.!?]\s+)(?:Join|Become|Subscribe|Sign up|Support|Donate|Follow|Go Premium|Download|"
                        r"Try|Upgrade|Register|Unlock|Contribute)\b(?:[^.!?]|\.\d)*[.!?]?\Z")
# a price in an appeal ("from \u00a34.99 a month", "$8/month"): the reader is asked to pay
_PRICE_RE = re.compile(r"[$\u00a3\u20ac]\s?\d")
# a disclaimer: the writer's views, no advice, an earlier print version
_DISCLAIMER_RE = re.compile(r"\b(?:views?|opinions?) (?:expressed )?(?:are|is|in this [\w ]{1,20}are) (?:the |solely )?"
                            r"(?:writer|author|her|his|their|my|those of|personal)|\b(?:views|opinions) expressed\b"
                            r"|\bdoes not constitute\b"
                            r"|\bfor information(?:al)? (?:purposes )?only\b|\bappeared in (?:the )?print\b", re.I)
# an author bio: "<Name Surname> is a senior fellow at ...", "... is the author of ...", "...
# is the Gazette's science editor", "... is a former diplomat who teaches in ...", "<Name
# Surname> covers city hall for the Gazette", "... has covered the islands for the Gazette since 2019";
# a student's class year may follow the name ("Ada Example '26 is a history major at ...")
_BIO_RE = re.compile(r"\A[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){1,3}(?: ['\u2019]\d{2})? "
                     r"(?:(?:is|was|has been) (?:a|an|the)\b[^.]{0,120}"
                     r"(?:\b(?:at|of|for|with|in)\b|['\u2019]s\b)"
                     r"|(?:covers|writes about|reports on|has (?:covered|written about|reported on))\b"
                     r"[^.]{0,120}\bfor\b)")
#: An author bio has up to this many words (it may add a second sentence of career).
BIO_MAX_WORDS = 45
# an editor's note on the text itself, wherever it stands: "Editor's note: ...", "edited for
# length", "X contributed to this report", "appeared in print", "an excerpt from our ...",
# "This article was updated ...", a translation's note on which version prevails ("English
# translation for information only. The Danish text is authoritative.")
_EDITORS_NOTE_RE = re.compile(
    r"\A(?:editor['\u2019]?s note|note to readers)\b|\bedited for (?:length|clarity|brevity)\b"
    r"|\bcontributed (?:reporting )?to this (?:report|story|article)\b|\bappeared in (?:the )?print\b"
    r"|\ban? (?:excerpt|extract) (?:from|of) (?:our|the|a|an)\b|\A(?:this|the) (?:article|story|report|page|post) "
    r"(?:was|has been) (?:last )?(?:updated|corrected|amended|edited|modified)\b"
    r"|\A(?:[\w-]+ )?translat(?:ion|ed)\b[^\n]{0,160}\b(?:prevails?|authoritative|for information only)\b", re.I)
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"\u201c'A-Z])")
_WORD_RE = re.compile(r"[\w'\u2019-]+")


def _opening(text: str) -> str:
    """The first ``REPEAT_WORDS`` words of ``text``, lower case, or "" if it is shorter."""
    words = _WORD_RE.findall(text.lower())
    return " ".join(words[:REPEAT_WORDS]) if len(words) >= REPEAT_WORDS else ""


def _repeats(short: str, long: str) -> bool:
    """True if ``long`` holds the first ``2 * REPEAT_WORDS`` words of ``short`` (all of them if
    fewer) in a row: a pull quote repeats its sentence, while two turns of one speaker share
    only the label and the address that open them ("Ada Example, Minister. - Madam President,
    ...")."""
    words = _WORD_RE.findall(short.lower())[:2 * REPEAT_WORDS]
    return f" {' '.join(words)} " in f" {' '.join(_WORD_RE.findall(long.lower()))} "


def _note_rule(text: str, n: int, quoted: bool, in_tail: bool) -> str | None:
    """"disclaimer" or "author bio" for a short paragraph among the last of the prose
    (``in_tail``), "editor's note" for a short one anywhere, else None."""
    if in_tail and n <= NOTE_MAX_WORDS and _DISCLAIMER_RE.search(text):
        return "disclaimer"
    if in_tail and n <= BIO_MAX_WORDS and _BIO_RE.match(text):
        return "author bio"
    if n <= NOTE_MAX_WORDS and not quoted and _EDITORS_NOTE_RE.search(text):
        return "editor's note"
    return None


def _sentence_furniture_spans(units: list, evidence: list, first: int, tail: int, turns: frozenset | set = frozenset()):
    """Spans (start, end, rule) of paragraphs that are sentences and still not the article:
    a question standing alone ("subhead"; not a turn of a transcript, whose label is one of
    ``turns``: "Ada Example: So the pier is shut?", "Q Is it shut?", nor a line of a mail quoted
    in a reply: "> Is it shut?"), an imperative appeal to the reader ("appeal"), a
    paragraph another, longer one of the text repeats (a pull quote, a teaser repeating the
    lead: "repeated text"), and from paragraph ``tail`` on (the last ``TAIL_UNITS`` of
    prose) a disclaimer or an author bio, and anywhere an editor's note on the text.
    ``units``, ``evidence``, ``first``: as in
    ``_no_sentence_spans``. Linear: repeats are found by the
    words that open paragraphs and sentences."""
    openings: dict = {}
    for k, (_s, _e, text) in enumerate(units):
        for sent in _SENTENCE_SPLIT_RE.split(text.strip("\"\u201c\u201d' ")):
            key = _opening(sent)
            if key:
                openings.setdefault(key, set()).add(k)
    spans = []
    for k, ((s, e, text), (n, _ended, _stop)) in enumerate(zip(units, evidence)):
        if not n or e - s > MAX_FURNITURE_LINE or QUOTED_REPLY_RE.match(text):
            continue        # (a mail quoted in a reply is the writer's words, even where repeated)
        quoted = bool(QUOTE_CHARS.intersection(text))
        core = text.rstrip(_UNIT_CLOSERS)
        rule = None
        if k >= first and core.endswith("?") and n <= SUBHEAD_MAX_WORDS and not quoted \
                and "? " not in core and ". " not in core and not caps_label(text) \
                and _label(text) not in turns:
            rule = "subhead"
        elif n <= NOTE_MAX_WORDS and not quoted and (appeal := _APPEAL_RE.search(core)) and (
                READER_RE.search(text) or _PRICE_RE.search(appeal.group())
                or len(_WORD_RE.findall(appeal.group())) <= APPEAL_MAX_WORDS):
            # the reader addressed, or a short imperative ("Become a patron."), not "Support
            # for NATO membership has grown ..."
            rule = "appeal"
        elif note := _note_rule(text, n, quoted, k >= tail):
            rule = note
        else:
            key = _opening(text.strip("\"\u201c\u201d' "))
            others = openings.get(key, ())
            # (a text that opens many paragraphs is a pattern of the page, not a repeat: and
            # looking at a few keeps this linear)
            if key and len(others) <= 3 and any(j != k and e - s < units[j][1] - units[j][0]
                                                and _repeats(text, units[j][2]) for j in others):
                rule = "repeated text"
        if rule:
            spans.append((s, e, rule))
    return spans


def _furniture_spans(raw_text: str, wrapped: bool):
    """Stage 1: spans of page furniture in the raw text, as (start, end, rule)."""
    # each rule runs only if its key word is in the text at all: cheap on clean texts
    spans = [(raw_text.rfind("\n", 0, m.start()) + 1, m.end(), "photo caption")
             for m in _CAPTION_RE.finditer(raw_text)]
    if "Remind me later" in raw_text:
        spans += [(m.start(), m.end(), "donation appeal") for m in _DONATION_RE.finditer(raw_text)]
    if "Related" in raw_text:
        related = _RELATED_PARA_RE if wrapped else _RELATED_LINE_RE
        spans += [(m.start(), m.end(), "related-article link") for m in related.finditer(raw_text)]
    if "http" in raw_text:
        spans += _link_list_spans(raw_text)
    m = _DATELINE_RE.match(raw_text)
    if m and not (m.group().rstrip().endswith(":") and _is_transcript(list(line_spans(raw_text)))):
        spans.append((m.start(), m.end(), "dateline"))
    spans += _web_furniture_spans(raw_text, wrapped)
    taken = {s for s, _, _ in spans}
    spans += [sp for sp in _summary_box_spans(raw_text) if sp[0] not in taken]
    # the evidence rule takes what no named rule has claimed (a named rule says what a line is)
    claimed = sorted((s, e) for s, e, _ in spans)
    starts = [s for s, _ in claimed]
    for s, e, rule in _no_sentence_spans(raw_text, wrapped):
        k = bisect.bisect_right(starts, e)
        if not any(cs < e and s < ce for cs, ce in claimed[max(0, k - 8):k]):
            spans.append((s, e, rule))
    if wrapped:
        # runs of lines inside blocks: only where nothing else has claimed the lines
        claimed = sorted((s, e) for s, e, _ in spans)
        starts = [s for s, _ in claimed]
        for s, e, rule in _wrapped_runs(list(line_spans(raw_text))):
            k = bisect.bisect_right(starts, e)
            if not any(cs < e and s < ce for cs, ce in claimed[max(0, k - 8):k]):
                spans.append((s, e, rule))
    # furniture known by its place among the lines, on what the rules above have left
    spans += layout_spans(raw_text, sorted(spans), wrapped)
    spans += record_spans(raw_text, wrapped, spans)    # a record's header, a script's cue lines
    # not furniture, but removed at this stage so that whitespace is normalised without them
    spans += [(m.start(), m.end(), "control character") for m in _CONTROL_RE.finditer(raw_text)]
    # a screenplay transcript's speaker labels and the turns under them are the story
    turn_lines = set(screenplay_turn_lines(raw_text)) | set(drop_cap_spans(raw_text)) if "\n" in raw_text else set()
    spans = [sp for sp in spans if not (sp[2] in ("no sentence", "subhead", "wedged note") and sp[:2] in turn_lines)]
    spans.sort()
    merged: list = []
    for s, e, rule in spans:
        if merged and s < merged[-1][1]:
            # Two rules claim the same characters: keep the earlier span, extended.
            ps, pe, prule = merged[-1]
            merged[-1] = (ps, max(pe, e), prule if pe >= e else f"{prule}+{rule}")
        else:
            merged.append((s, e, rule))
    return merged


def _normalising_edits(text: str, wrapped: bool):
    """Stage 2: (start, end, replacement, rule) edits on the de-furnished text."""
    edits = [(m.start(), m.end(), _CHAR_MAP[m.group()], "character normalisation")
             for m in _CHAR_RE.finditer(text)]
    for m in _MIXED_SCRIPT_RE.finditer(text) if _CYRILLIC_RE.search(text) else ():
        word = m.group()
        fixed = word.translate(_CYRILLIC_LOOKALIKES)
        for k, (a, b) in enumerate(zip(word, fixed)):
            if a != b:
                edits.append((m.start() + k, m.start() + k + 1, b, "Cyrillic look-alike letter"))
    n = len(text)
    for m in _SPACE_RE.finditer(text):
        s, e, run = m.start(), m.end(), m.group()
        newlines = run.count("\n")
        if s == 0 or e == n:
            want, rule = "", "whitespace"
        elif newlines >= (2 if wrapped else 1):
            if text[s - 1] not in _SENTENCE_FINAL and text[e].islower():
                want, rule = " ", "rejoin broken sentence"
            else:
                want, rule = "\n", "whitespace"
        elif newlines:
            want, rule = " ", "unwrap line"
        else:
            want, rule = " ", "whitespace"
        if run != want:
            edits.append((s, e, want, rule))
    edits.sort()
    return edits


def _kept_segments(n: int, removed):
    """(start, end) segments of a length-``n`` text left after removing sorted spans."""
    segs, pos = [], 0
    for s, e, *_ in removed:
        if s > pos:
            segs.append((pos, s))
        pos = max(pos, e)
    if pos < n:
        segs.append((pos, n))
    return segs


def clean_text(raw_text: str):
    """Clean one article's raw text.

    Returns ``(text, edits)``: the cleaned text (one paragraph per line) and a list
    of dicts, one per edited span of the raw text, with ``raw_start``, ``raw_end``,
    ``removed`` (the raw characters), ``replacement`` and ``rule``. Replacing each
    span by its replacement turns the raw text into the cleaned text exactly.
    """
    wrapped = is_hard_wrapped(raw_text)
    furniture = _furniture_spans(raw_text, wrapped)
    segments = _kept_segments(len(raw_text), furniture)
    inter = "".join(raw_text[s:e] for s, e in segments)
    # offsets of each kept segment in the intermediate text, to map stage-2 edits back
    inter_starts, pos = [], 0
    for s, e in segments:
        inter_starts.append(pos)
        pos += e - s

    edits = [dict(raw_start=s, raw_end=e, removed=raw_text[s:e], replacement="", rule=rule)
             for s, e, rule in furniture]
    out, pos = [], 0
    for s, e, repl, rule in _normalising_edits(inter, wrapped):
        out.append(inter[pos:s])
        out.append(repl)
        pos = e
        # one intermediate span may straddle removed furniture: record each raw piece
        k = bisect.bisect_right(inter_starts, s) - 1
        first = True
        while s < e:
            seg_s, seg_e = segments[k]
            raw_s = seg_s + (s - inter_starts[k])
            take = min(e - s, seg_e - raw_s)
            edits.append(dict(raw_start=raw_s, raw_end=raw_s + take,
                              removed=raw_text[raw_s:raw_s + take],
                              replacement=repl if first else "", rule=rule))
            first = False
            s += take
            k += 1
    out.append(inter[pos:])
    edits.sort(key=lambda d: d["raw_start"])
    return "".join(out), edits


def detected_title(edits) -> str:
    """The headline that cleaning recognised and removed at the top of a text, from the
    edits ``clean_text`` returned: the span of rule "headline" with invisible control
    characters removed, its characters normalised and its whitespace collapsed; "" if
    cleaning recognised none."""
    for e in edits:
        if e["rule"].split("+")[0] == "headline":
            title = _CONTROL_RE.sub("", e["removed"])
            title = _CHAR_RE.sub(lambda m: _CHAR_MAP[m.group()], title)
            return " ".join(title.split())
    return ""


def printed_urls(raw_text: str) -> list[str]:
    """URLs printed as bare lines in a raw text, with a URL hard-wrapped over two
    lines joined again, in order of appearance (duplicates kept)."""
    urls = []
    for s, e, _ in _link_list_spans(raw_text):
        for line in raw_text[s:e].split("\n"):
            line = line.strip()
            if not line or _LINK_HEADER_RE.match(line):
                continue
            if line.startswith(("http://", "https://")):
                urls.append(line)
            else:
                urls[-1] += line
    return urls
