"""A statement reported in the agentless passive, after the article has named whose it is.

Reports of an official statement go on in the passive once its author is named: "It was
stated that ...", "It was further stressed in the statement that ...", "It is noted in the
document that ...". The sentence names no speaker (with "by X" it does, and ``quotes`` reads
it as any passive attribution), so the statement is the author's of the statement the article
is reporting: the body that spoke last.

:func:`passive_statement` returns ``(start, end)``: the offsets in the sentence of the
reported clause (after its "that", without the closing full stop), or None when the sentence
is no such passive. :func:`statement_body` returns the speaker ``quotes`` gives the row: its
last speaker when that is a body (an institution, registered or named in the article), else
None (no row: "It was said that ..." after a person, or with no one before, is hearsay).

Only the verbs of an official text's content count ("stated", "stressed", "noted",
"emphasised", "underlined", "pointed out", "added", "recalled", "reiterated", "specified");
"it was said/reported/announced/claimed/believed that" are hearsay or news, not a body's
statement, and give no row.
"""

from __future__ import annotations

import re

#: "It was (further) stated (in the statement) that ": the sentence's opening, up to the
#: reported clause. Bounded: every repetition is of fixed words.
_PASSIVE_THAT_RE = re.compile(
    r"\s*(?:(?:But|And|Also|Moreover|Further(?:more)?|In addition|However),?\s+)?"
    r"[Ii]t\s+(?:(?:is|was)\s+(?:%(adv)s)?|(?:has|had)\s+(?:%(adv)s)?been\s+(?:%(adv)s)?)"
    r"(?P<verb>stated|stressed|noted|emphasi[sz]ed|underlined|underscored|pointed\s+out|added|recalled"
    r"|reiterated|specified)"
    r"(?:\s+(?:in|by)\s+(?:the|its|this|that)\s+(?:[\w-]+\s+)?"
    r"(?:statement|document|text|note|communiqu[e\u00e9]|release|declaration|memorandum|letter|notice))?"
    r",?\s+that\s+" % {"adv": r"(?:also|further|then|again|additionally|explicitly|specifically|repeatedly)\s+"})


def passive_statement(sent: str) -> tuple | None:
    """``(start, end)`` of the clause an agentless passive opening ``sent`` reports ("It was
    further stated that X." gives X's offsets), or None."""
    m = _PASSIVE_THAT_RE.match(sent)
    if not m:
        return None
    end = len(sent.rstrip())
    if end and sent[end - 1] == ".":
        end -= 1
    if len(sent[m.end():end].split()) < 3:
        return None
    return m.end(), end


def passive_verb(sent: str) -> str:
    """The verb of the passive ``passive_statement`` read ("stated", "pointed out"), or ""."""
    m = _PASSIVE_THAT_RE.match(sent)
    return re.sub(r"\s+", " ", m.group("verb")) if m else ""


def statement_body(last_speaker: str | None, registered, named) -> str | None:
    """Whose statement an agentless passive reports: the last speaker, when it is a body
    (one of the ``registered`` institutions or of the organisations the article ``named``),
    else None."""
    if last_speaker and last_speaker != "unattributed" and (last_speaker in registered or last_speaker in named):
        return last_speaker
    return None
