"""What a verb of saying reports: a statement, or only the words around the verb.

A row of ``quotes`` for "X said ..." holds the words after the verb. Those words are a
statement when they are a clause ("said the vote was close", "would not say where the
missiles go") or, for the verbs whose statement is their object ("described it as ...",
"called for talks", "blamed NATO"), a noun phrase. After a verb of saying proper they are
not a statement when the verb has no content at all and only an adverbial, a quantity or a
pronoun follows it:

- an adverbial alone: "what Medvedev wrote on Monday", "what its officials said in the
  week after", "Within hours, X weighed in" (the verb's object was fronted, or it has none);
- a quantity: "has said nothing", "has said little in public", "posts a lot of things",
  "Has Washington said anything?";
- an object pronoun and no more: "explained it himself", "told me this".

:func:`not_a_statement` says so from the row's verb and text; ``quotes`` drops such rows.
"""

from __future__ import annotations

import re

#: Verbs (as ``quotes`` reports them) whose statement is their object or complement, not a
#: clause: their rows are left alone here.
OBJECT_VERBS = frozenset({"described", "called", "called for", "called on", "branded", "urged", "pledged",
                          "promised", "vowed", "proposed", "accused", "blamed", "cited", "pointed to",
                          "listed", "put it", "according to", "in the view of", "warned"})

#: Evidence of a clause: a finite auxiliary, a past form, a subordinating or question word.
_CLAUSE_RE = re.compile(
    r"(?<![\w-])(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|did|does|do"
    r"|shall|won't|can't|isn't|wasn't|don't|doesn't|didn't"
    r"|that|where|when|whether|what|how|who|why|if|because"
    r"|\w+ed|said|told|went|began|broke|took|made|came|gave|left|saw|knew|got|found|held|kept|met|ran"
    r"|sent|stood|won|wrote|withdrew|put|cut|hit|lost|brought|built|fought|thought|goes|remains|means)(?![\w-])",
    re.I)

#: An adverbial opening the words after the verb: a preposition or a word of time.
_ADVERBIAL_START_RE = re.compile(
    r"\W*(?:on|in|at|from|since|within|during|after|before|by|with|over|last|earlier|later|yesterday|today"
    r"|this (?:week|morning|afternoon|evening|month|year))(?![\w-])", re.I)

#: A quantity standing for what was (not) said.
_QUANTITY_RE = re.compile(r"\W*(?:(?:very |so |too )?(?:nothing|anything|something|little|much)"
                          r"|a (?:lot|great deal|few things)(?: of (?:things|stuff))?)(?![\w-])", re.I)

#: An object pronoun, optionally with a reflexive or one adverb, and nothing else.
_PRONOUN_ONLY_RE = re.compile(r"\W*(?:it|this|that|me|him|her|them|us)"
                              r"(?:\s+(?:this|it|so))?(?:\s+(?:himself|herself|itself|themselves|plainly|again|clearly|well|too))?"
                              r"[\s.?!]*\Z", re.I)

#: Beyond this many words, words after a verb are taken to hold a statement.
MAX_NON_STATEMENT_WORDS = 12


def not_a_statement(kind: str, verb: str, text: str) -> bool:
    """True when an indirect row's ``text`` after a verb of saying ``verb`` holds no
    statement: an adverbial, a quantity or a pronoun alone, with no clause (see the module).
    Quoted rows (direct, mixed) and the object verbs (``OBJECT_VERBS``) are never refused."""
    if kind != "indirect" or verb in OBJECT_VERBS:
        return False
    words = text.split()
    if not words or len(words) > MAX_NON_STATEMENT_WORDS or _CLAUSE_RE.search(text):
        return False
    return bool(_ADVERBIAL_START_RE.match(text) or _QUANTITY_RE.match(text) or _PRONOUN_ONLY_RE.match(text))
