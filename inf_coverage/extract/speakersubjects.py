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
                      r"(?:[a-z]+(?:ed|s)|set|put|made|gave|laid|took|held|kept|drew|sent)\b")


#: A short adverbial before the subject, up to its comma ("In its statement, the ministry set out").
_FRONTED_RE = re.compile(r"\s*(?:In|On|At|By|Within|Through)\s+(?:[\w'\u2019-]+\s+){0,4}?[\w'\u2019-]+,\s+")
#: A body's document as the subject: "The ministry's statement did not only mention ...".
_DOCUMENT_LEAD_RE = re.compile(r"\s*((?:[Tt]he\s+)?(?:[\w-]+\s+){0,3}?[\w-]+)['\u2019]s\s+(?:own\s+|latest\s+)?"
                               r"(?:statement|communiqu[e\u00e9]|text|note|readout|release|document)\s+[a-z]")


def note_subject_body(sent: str, resolver, ctx: dict):
    """The registered or named body that opens ``sent`` as its subject ("Russia's Foreign
    Ministry announced ...", "The Coalition for Missile Restraint issued ..."), also after a
    short adverbial ("In its statement, the ministry set out ...") or as the author of the
    document that is the subject ("The ministry's statement did not ..."), noted in ``ctx``
    as the last institution; None (and ``ctx`` unchanged) if the subject is none."""
    doc = _DOCUMENT_LEAD_RE.match(sent)
    fronted = _FRONTED_RE.match(sent)
    m = (_LEAD_RE.match(sent, fronted.end()) if fronted else None) or _LEAD_RE.match(sent) or doc
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
