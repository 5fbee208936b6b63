"""The body a sentence is about: "Russia's Foreign Ministry announced the decision on Monday.
It said ...": a body that is the subject of a sentence is who "it" next refers to, whether or
not that sentence reports its words (``note_subject_body``, called once per prose sentence)."""

from __future__ import annotations

import re

from inf_coverage.extract.speakers import org_name

#: A word of a body's name: capitalised, a link, or a lower-case word of an office.
_NAME_WORD = (r"(?:[A-Z][\w'\u2019.-]*|of|the|for|and|foreign|defen[cs]e|ministry|government|department|office"
              r"|council|agency|committee)")
#: The sentence's subject, up to seven such words, then its finite verb (an adverb or auxiliary between).
_LEAD_RE = re.compile(rf"\s*({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,6}})\s+(?:(?:has|have|had|also|then|later|on)\s+)?"
                      r"[a-z]+(?:ed|s)\b")


def note_subject_body(sent: str, resolver, ctx: dict):
    """The registered or named body that opens ``sent`` as its subject ("Russia's Foreign
    Ministry announced ...", "The Coalition for Missile Restraint issued ..."), noted in
    ``ctx`` as the last institution; None (and ``ctx`` unchanged) if the subject is none."""
    m = _LEAD_RE.match(sent)
    if m is None:
        return None
    phrase = m.group(1).replace("\u2019", "'")
    body = resolver.institution(phrase)
    if body is None and org_name(phrase):
        body = resolver.named_org(org_name(phrase), ctx, phrase)
    if body is not None and body != "unattributed":
        ctx["last_institution"] = body
        return body
    return None
