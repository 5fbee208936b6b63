"""The body an unnamed spokesperson or press office speaks for when the phrase names it only
by a common noun the article used before: "the ministry's spokeswoman", "a spokesperson for the
ministry", "its spokesman", "the ministry's press office". ``owner_body`` returns that body's
name as the article named it (the value the speaker column takes), or None when the phrase or
the article gives none; ``owner_word`` whether a possessive belongs to such a phrase."""

from __future__ import annotations

import re

#: "the ministry's", "the foreign ministry's": the owner's head noun before the role.
_POSSESSOR_RE = re.compile(r"\s*[Tt]he\s+(?:[a-z-]+\s+){0,2}?(?P<head>[a-z-]+)['\u2019]s\s+(?:[a-z-]+\s+)?")
_POSSESSIVE_RE = re.compile(r"[a-z-]+['\u2019]s")
#: "a defence ministry": an owner's noun right before the role, with a word of its name before
#: it ("a government spokesperson" names no one government: that is nobody's).
_BEFORE_RE = re.compile(r"\s*(?:[Aa]n?|[Tt]he)\s+(?:[a-z-]+\s+){1,2}?(?P<head>ministry|department|office|government"
                        r"|embassy|agency|committee|council|presidency|administration|command)\s+")
_LINKS = {"a", "an", "the", "for", "of", "at"}
#: "its": the body last named.
_ITS_RE = re.compile(r"\s*[Ii]ts\s+(?:[a-z-]+\s+)?")
#: "for the ministry", "of the ministry": the owner's head noun after the role.
_FOR_RE = re.compile(r"\s+(?:for|of|at)\s+the\s+(?:[a-z-]+\s+){0,2}?(?P<head>[a-z-]+)\s*")


def owner_word(word: str, after: list) -> bool:
    """Whether ``word`` is a lower-case possessive ("ministry's") right before a spokesperson
    or press word (``after[-1]``, the word after it, read backwards: "the ministry's press
    office"): part of the speaker phrase."""
    return bool(after) and after[-1].lower().startswith(("spokes", "press")) \
        and _POSSESSIVE_RE.fullmatch(word) is not None


def owner_body(phrase: str, role: re.Match, ctx: dict):
    """The body ``phrase`` (a spokesperson phrase whose role word ``role`` matched, with its
    ``head`` group) speaks for, by the head noun the article used for a body it named before
    ("the ministry" after "Russia's Foreign Ministry": ``ctx["orgs"]``) or, for "its", the
    last body named (``ctx["last_institution"]``); None if neither."""
    before, after = phrase[:role.start("head")], phrase[role.end("head"):]
    if _ITS_RE.fullmatch(before) and not after.strip():
        return ctx.get("last_institution")
    m = _POSSESSOR_RE.fullmatch(before) if not after.strip() else None
    if m is None and not after.strip():
        m = _BEFORE_RE.fullmatch(before)      # "a defence ministry spokesman"
    if m is None and re.fullmatch(r"\s*(?:[Aa]n?|[Tt]he)\s+(?:[a-z-]+\s+)?", before):
        m = _FOR_RE.fullmatch(after)
    if m is None:
        return None
    head = m.group("head").lower()
    body = ctx.get("orgs", {}).get(head) or ctx.get("orgs", {}).get(head.rstrip("s"))
    # "the defence ministry's": every word before the head is a word of the body's name
    mods = m.group(0).lower().split()
    mods = mods[1:mods.index(next(w for w in mods if w.startswith(head)))] if body else []
    return body if body and all(w in body.lower().split() for w in mods if w not in _LINKS) else None
