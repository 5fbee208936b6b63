"""A pronoun speaking inside a relative clause with no relative word ("citing a Russian
tug it said broke the rules", "a step they said was overdue"): the pronoun is the subject of
the clause that holds the noun, named earlier in the same sentence, not the body or person
named last in the text before. ``contact_pronoun`` returns the offset of such a pronoun in
the text before the verb of saying, or -1."""

from __future__ import annotations

import re

#: The noun before the pronoun ("a tug it said"): a lower-case word that is not a word of
#: time ("last week it said"), a conjunction, an adverb or a relative or other function word
#: that would make the pronoun the subject of a clause of its own.
_NOUN_BEFORE_RE = re.compile(r"(?<![\w'\u2019-])([a-z][a-z-]{1,30})\s+(it|they)\s+\Z")
_NOT_NOUNS = frozenset({
    "and", "but", "or", "nor", "so", "yet", "then", "as", "because", "since", "when", "while", "where", "after",
    "before", "if", "unless", "though", "although", "that", "which", "what", "who", "whom", "whose", "how", "why",
    "once", "until", "till", "whether", "also", "now", "later", "earlier", "today", "yesterday", "again", "already",
    "still", "too", "even", "only", "just", "here", "there", "thus", "hence", "instead", "meanwhile", "however",
    "week", "weeks", "month", "months", "year", "years", "day", "days", "time", "times", "night", "morning",
    "evening", "afternoon", "weekend", "summer", "winter", "spring", "autumn", "moment", "point", "stage",
    "ago", "than", "said", "says", "say", "added", "wrote", "told", "is", "was", "were", "are", "be", "been",
    "has", "had", "have", "do", "does", "did", "to", "of", "in", "on", "at", "by", "for", "with", "from",
    "about", "into", "over", "under", "against", "between", "through", "without", "within", "like",
})
#: After the verb of saying, the finite verb of the relative clause ("it said broke",
#: "they said was"), not "that", a comma or an object ("it said on Monday").
_VERB_AFTER_RE = re.compile(r"\s+(?:was|were|is|are|had|has|have|would|could|might|may|will|can|posed|broke"
                            r"|[a-z]{2,30}ed)\b")


def contact_pronoun(before: str, after: str) -> int:
    """Where ``before`` (the text up to a verb of saying) ends with a noun and "it" or
    "they", and ``after`` (the text after the verb) opens with the clause's finite verb:
    the offset of the pronoun in ``before``; else -1."""
    m = _NOUN_BEFORE_RE.search(before[-80:])
    if not m or m.group(1) in _NOT_NOUNS or not _VERB_AFTER_RE.match(after[:40]):
        return -1
    return len(before) - len(before[-80:]) + m.start(2)
