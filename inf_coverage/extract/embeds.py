"""Pasted social-media posts: a page copied with an embedded post (X, Threads, Bluesky,
Telegram, Instagram) gives the post's text as a plain paragraph with its author line right
below it ("— Ann Berg (@annberg) August 4, 2025", "Ann Berg (@annberg) / X", "— Ann Berg on
Telegram"), often followed by a platform note ("Embedded content from X") that cleaning drops
as furniture.

``embed_turns`` reads such author lines in the raw page and gives the post above each (its
lines up to a blank line, or up to a line of the reporter's prose ending in a colon) to the
person the line names, in the shape of ``turns.transcript_turns``; ``quotes`` reads those
paragraphs as turns, each sentence a ``direct`` row of the author with no verb. Layout evidence
is required on both sides: the reporter's prose just above the post names the author or ends in
a colon introducing it (a byline or a signature under the last paragraph is neither), and the
post neither names its author (a paragraph about them is prose) nor carries a reply or a quoted
post's handle. A post reporting anyone's words (a quotation mark, a full name before an
attribution verb, "according to") is left to the prose rules whole, so those sentences keep
their own attribution (precision first: its other sentences go unread)."""

from __future__ import annotations

import re

from inf_coverage.extract.namewords import NAME_WORD
from inf_coverage.extract.speakers import _ACCORDING_RE, ATTRIBUTION_VERBS

#: The longest author line read; a longer line is prose.
MAX_AUTHOR_CHARS = 160
#: The most lines a post runs to above its author line; a longer block is no pasted post.
MAX_POST_LINES = 6
#: The most raw lines of a page read: bounded work on a hostile page.
MAX_LINES = 20000
_DASH = r"(?:[\u2014\u2013]|--?)"
_PLATFORM = r"(?:X|Twitter|Threads|Bluesky|Instagram|Telegram|Facebook|Mastodon|TikTok)"
_HANDLE = r"\(@[\w.@-]{1,60}\)"
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
_DATE = (rf"(?:{_MONTH}[ \t]+\d{{1,2}},?[ \t]+\d{{4}}|\d{{1,2}}[ \t]+{_MONTH},?[ \t]+\d{{4}})"
         r"(?:,?[ \t]+(?:at[ \t]+)?\d{1,2}[:.]\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?:[ \t]+[A-Z]{2,4})?)?")
_NAME = rf"(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,3}})"
#: Author lines: "— Name (@handle) August 4, 2025"; "Name (@handle) / X"; "— Name on Telegram".
_AUTHOR_RES = (
    re.compile(rf"\A{_DASH}[ \t]*{_NAME}[ \t]+{_HANDLE}[ \t]*(?:[\u00b7|,][ \t]*)?{_DATE}\Z"),
    re.compile(rf"\A(?:{_DASH}[ \t]*)?{_NAME}[ \t]+{_HANDLE}[ \t]*/[ \t]*{_PLATFORM}(?:[ \t]+{_DATE})?\Z"),
    re.compile(rf"\A{_DASH}[ \t]*{_NAME}[ \t]+on[ \t]+{_PLATFORM}(?:,?[ \t]+{_DATE})?\Z"),
)
#: A quotation mark: the post quotes someone, whose words keep their own attribution.
_QUOTE_MARK_RE = re.compile("[\"\u201c\u201d\u00ab\u00bb]")
#: A named speaker's attribution verb: a full name ("Ivo Brandt said"), or a name word that does
#: not open its sentence ("..., Brandt told"); a sentence opening "Nobody told" names no one.
_NAMED_VERB_RE = re.compile(
    rf"(?:{NAME_WORD}[ \t]+{NAME_WORD}|(?<=[\w,;][ \t]){NAME_WORD})[ \t]+"
    rf"(?:{'|'.join(sorted(ATTRIBUTION_VERBS, key=len, reverse=True))})(?![\w-])")
#: A line inside a post that is a reply's or a quoted post's header: the block is no one post.
_REPLY_RE = re.compile(r"\A(?:Replying to|In reply to|Quote|Quoting|RT)\b|\A@\w|\(@[\w.]")


def author(line: str) -> str | None:
    """The name an author line under a pasted post gives ("— Ann Berg (@annberg) August 4,
    2025", "Ann Berg (@annberg) / X", "— Ann Berg on Telegram"), else None."""
    s = line.strip()
    if len(s) > MAX_AUTHOR_CHARS:
        return None
    for rx in _AUTHOR_RES:
        m = rx.match(s)
        if m:
            return m.group("name")
    return None


def _names(line: str, surname: str) -> bool:
    return bool(re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", line))


def _posts(raw: str) -> dict:
    """Post line (stripped) -> author name as written, for each author line whose post the
    layout bounds: ``MAX_POST_LINES`` lines or fewer above it, up to a blank line or a line
    ending in a colon, with the reporter's prose above naming the author or ending in a colon."""
    lines = raw.split("\n", MAX_LINES)[:MAX_LINES]
    out: dict = {}
    for k, line in enumerate(lines):
        name = author(line)
        if not name:
            continue
        block: list = []
        j = k - 1
        while j >= 0 and len(block) <= MAX_POST_LINES:
            s = lines[j].strip()
            if not s or s.endswith(":") or author(s):
                break
            block.append(s)
            j -= 1
        if not block or len(block) > MAX_POST_LINES or j < 0:
            continue        # no post, or no edge of one the page shows
        intro = lines[j].strip()
        while not intro and j > 0:
            j -= 1
            intro = lines[j].strip()
        surname = name.split()[-1]
        if not (intro.endswith(":") or _names(intro, surname)):
            continue        # nothing introduces the post: a byline, a signature
        if any(_REPLY_RE.search(s) or _names(s, surname) for s in block):
            continue        # a reply, a quoted post, or a paragraph about its author
        if any(_QUOTE_MARK_RE.search(s) or _NAMED_VERB_RE.search(s) or _ACCORDING_RE.search(s) for s in block):
            continue        # a post reporting someone's words: its sentences keep their attribution
        for s in block:
            out.setdefault(s, name)
    return out


def embed_turns(text: str, raw: str, resolver, ctx) -> dict:
    """Paragraph id (1-based) -> (speaker, author's name as written, 0) for each paragraph of
    the text that is a pasted post under its author line in the raw page (``_posts``), as
    ``turns.transcript_turns`` gives a transcript's turns; the speaker is the person the line
    names (``resolver.resolve``, else ``resolver.unregistered``), and is no one "he" or "she"
    in the prose refers to."""
    if not raw or "\n" not in raw:
        return {}
    posts = _posts(raw)
    if not posts:
        return {}
    held = {k: ctx.get(k) for k in ("last_person", "last_institution", "last_speaker", "last_expert")}
    turns: dict = {}
    speakers: dict = {}
    for p, para in enumerate(text.split("\n"), start=1):
        name = posts.get(para.strip())
        if not name:
            continue
        if name not in speakers:
            speakers[name] = resolver.resolve(name, ctx, name) or resolver.unregistered(name, ctx, name)
        if speakers[name]:
            turns[p] = (speakers[name], name, 0)
    ctx.update(held)
    return turns
