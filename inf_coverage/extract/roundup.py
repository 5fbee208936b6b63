"""Comments under a heading that names the speaker: an "experts react" page ("What our
analysts say") puts each person's name and role on a line of its own ("Dr Ann Berg, Senior
Fellow, Arctic Programme") and their comment, in the first person, in the paragraphs below it.

``roundup_turns`` finds such headings from layout evidence (a short line alone that is a name
with a role after a comma or a dash, two or more people on the page, comments in the first
person or in quotation marks under them) and gives each paragraph up to the next heading, or
up to any other line the page puts between paragraphs, to that person, in the shape of
``turns.transcript_turns``; ``quotes`` reads those paragraphs as turns."""

from __future__ import annotations

import bisect
import re

from inf_coverage.extract.figures import ROLE_WORDS
from inf_coverage.extract.namewords import COURTESY, NAME_WORD

#: The longest heading line read (a name and a role); a longer line is prose.
MAX_HEADING_CHARS = 140
#: The most paragraphs of a page read for headings: bounded work on a hostile page.
MAX_PARAGRAPHS = 2000
#: Ranks and honorifics before the name ("Colonel (ret.)", "Professor", "Dr").
_RANK = rf"(?:{COURTESY}|Colonel|Col\.|General|Gen\.|Major|Admiral|Captain|Ambassador|Lieutenant|Lt\.?)"
#: A heading: ranks, two to four name words, then a comma or a spaced dash and a role of
#: capitalised words (small linking words between), ending with no sentence mark.
_HEADING_RE = re.compile(
    rf"\A(?P<name>(?:{_RANK}(?:[ \t]+\(ret(?:ired|\.)?\))?[ \t]+)*"
    rf"(?P<bare>{NAME_WORD}(?:[ \t]{NAME_WORD}){{1,3}}))"
    r"[ \t]*(?:,|[ \t][-\u2013\u2014])[ \t]*"
    r"(?P<role>[A-Z][\w'\u2019-]*(?:,?[ \t]+(?:[A-Z(&][\w'\u2019().-]*|of|the|for|and|on|at|in|to)){0,11})[ \t]*\Z")
#: A first-person word: the comment is the person's own.
_FIRST_PERSON_RE = re.compile(r"(?<![\w'\u2019-])(?:I|I'm|I've|I'd|I'll|we|We|our|Our|us|my|My|me)(?![\w'\u2019-])")
_OPENS_QUOTE_RE = re.compile("\\A[ \t]*[\"\u201c]")


def heading(line: str):
    """(name as written, role) when the line is a heading naming a person with a role
    ("Dr Ann Berg, Senior Fellow, Arctic Programme"; "Tom Lund - Analyst"), else None: the
    role must hold a role word ("Fellow", "Director"), so a headline in title case
    ("Berlin Talks Stall, Envoys Leave") is none."""
    if len(line) > MAX_HEADING_CHARS or line.lstrip().lower().startswith("by "):
        return None
    m = _HEADING_RE.match(line.strip())
    if not m:
        return None
    role = m.group("role")
    words = {w.lower().strip(",.()") for w in re.split(r"[\s-]+", role)}
    if not words & ROLE_WORDS:
        return None
    return m.group("bare"), role


def _owned(para: str) -> bool:
    """Whether a paragraph reads as its person's own words: it opens with a quotation mark or
    speaks in the first person (a block naming its person, an author's bio, "Ann Berg is a
    senior fellow", is refused before: ``roundup_turns``)."""
    return bool(_OPENS_QUOTE_RE.match(para) or _FIRST_PERSON_RE.search(para))


def _blocks(paras: list, raw: str) -> list:
    """[(heading line, name, role, [paragraph ids])] for each heading the raw page puts
    (alone, blank lines aside) directly above a paragraph of the text: its paragraphs run on
    while the raw page puts only blank lines between them. Paragraph ids are 1-based."""
    raw_lines = raw.split("\n")
    where: dict = {}
    for k, line in enumerate(raw_lines):
        if line.strip():
            where.setdefault(line, []).append(k)
    out: list = []
    current = None
    prev = -1               # the raw line of the last paragraph placed
    for p, para in enumerate(paras[:MAX_PARAGRAPHS], start=1):
        if not para.strip():
            continue
        head = heading(para)
        if head:            # cleaning kept the heading: it opens a block of its own
            current = (para.strip(), *head, [])
            out.append(current)
            continue
        spots = where.get(para, [])
        i = bisect.bisect_right(spots, prev)
        if i == len(spots):
            current = None
            continue
        at = spots[i]
        between = [ln for ln in raw_lines[prev + 1:at] if ln.strip()] if prev >= 0 else []
        prev = at
        if between:
            head = heading(between[-1])
            current = (between[-1].strip(), *head, []) if head else None
            if current:
                out.append(current)
        if current is not None:
            current[3].append(p)
    return [b for b in out if b[3]]


def roundup_turns(text: str, raw: str, resolver, ctx) -> dict:
    """Paragraph id (1-based) -> (speaker, heading as written, 0) for each paragraph under a
    heading that names its speaker, as ``turns.transcript_turns`` gives a transcript's turns;
    {} unless two or more distinct people head blocks and at least two blocks, and half of
    them or more, read as their person's own words (``_owned``: first person or opening
    quotation marks), none naming its person. The speaker is the person the heading names
    (``resolver.unregistered``, its role giving the affiliation)."""
    if not raw or "\n" not in text:
        return {}
    paras = text.split("\n")
    blocks = _blocks(paras, raw)
    if len({b[1] for b in blocks}) < 2:
        return {}
    owned = 0
    for _line, bare, _role, ids in blocks:
        texts = [paras[p - 1] for p in ids]
        surname = bare.split()[-1]
        if any(re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", t) for t in texts):
            return {}       # a block naming its own person is about them: a bio, a caption
        owned += any(_owned(t) for t in texts)
    if owned < 2 or 2 * owned < len(blocks):
        return {}
    turns: dict = {}
    held = {k: ctx.get(k) for k in ("last_person", "last_institution", "last_speaker", "last_expert")}
    for line, bare, role, ids in blocks:
        said = f"{bare}, {role}"        # "Tom Lund - Analyst" read as "Tom Lund, Analyst"
        speaker = resolver.resolve(bare, ctx, said) or resolver.unregistered(bare, ctx, said)
        if speaker:
            turns.update((p, (speaker, line, 0)) for p in ids)
    ctx.update(held)        # the headings are no one "he" or "she" in the prose refers to
    return turns
