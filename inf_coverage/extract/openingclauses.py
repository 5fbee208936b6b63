"""A sentence that opens with a participle clause before its subject ("Asked whether Mr
Medvedev's post reflected the Kremlin's view, Peskov said ...", "Speaking to reporters in
Minsk after talks with Putin, Lukashenko said ..."): the names in that clause are not the
sentence's subject. ``mask_opening_clause`` returns the sentence with that clause blanked
(same length, so offsets hold), or the sentence unchanged."""

from __future__ import annotations

import re

#: A participle and the word that opens its complement, then up to 200 characters with no
#: comma, then the comma that ends the clause.
_OPENING_RE = re.compile(
    r"\s*(?!According\b)(?:Asked|Pressed|Questioned|Quizzed|[A-Z][a-z]{2,20}ing)\s+(?:about|on|whether|if|why|how|what|when|to"
    r"|at|after|before|by|with|for|from|in)\b[^,;:.!?\"\u201c\u201d]{1,200},\s+(?=[A-Z]|the\b|he\b|she\b|it\b)")


def mask_opening_clause(sentence: str) -> str:
    """``sentence`` with an opening participle clause (up to and with its comma) replaced by
    spaces; unchanged when it opens with none."""
    m = _OPENING_RE.match(sentence)
    return " " * m.end() + sentence[m.end():] if m else sentence
