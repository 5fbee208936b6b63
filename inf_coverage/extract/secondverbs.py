"""A second verb of saying that tells someone to do something ("X wrote that A and told
his followers to expect B"): the verb has no subject of its own, follows "and", and takes
an object and an infinitive, so it is the sentence subject's second statement, not part of
the clause of the first verb.

``object_infinitive(sentence, start, end)`` returns True or False for the verb at
``sentence[start:end]``; ``second_statement(sentence, prev_end, start, end, verbs)`` says
whether that verb starts a statement of its own after the verb of saying ending at ``prev_end``;
``clause_participle(sentence, prev_end, start, end)`` whether a participle of saying after a comma
reports a clause with no "that" ("X announced that A, saying B had failed"): a second statement.
"""

from __future__ import annotations

import re

#: Verbs (as the attribution table normalises them) whose statement is an object and an
#: infinitive: "told people to wait", "warned the West to expect", "urged both sides to talk".
OBJECT_INFINITIVE_VERBS = {"told", "warned", "urged", "called on"}

#: the object (one to four words, no clause word, no punctuation) and "to" with a verb:
#: " his followers to expect", " Russia's opponents to prepare", " all parties to begin".
_OBJECT_TO_RE = re.compile(r"\s+(?!(?:that|to|what|how|whether|if)\b)(?:[\w'\u2019-]+\s+){0,3}?"
                           r"(?!(?:that|to)\b)[\w'\u2019-]+\s+to\s+[a-z]{2,}\b")
#: Participles of saying whose clause may follow with no "that" (not "citing", "warning of"):
#: a subject of up to six words, then a finite verb ("saying the talks had failed").
_CLAUSE_PARTICIPLES = {"saying", "arguing", "insisting", "claiming"}
_CLAUSE_AFTER_RE = re.compile(r"\s+(?!that\b)(?:[\w'\u2019.-]+\s+){1,6}?"
                              r"(?:is|are|was|were|had|has|have|would|will|could|can|must|should|did|does|do|[a-z]+ed)\b")
_AND_BEFORE_RE = re.compile(r"\s(?:and|then|and then)\s+(?:\w+ly\s+)?\Z")
#: the first statement's own subject, when it is a name or a personal pronoun ("said China
#: opposes ... and urged ..."): the second verb may be that subject's, inside the statement.
_NAMED_SUBJECT_RE = re.compile(r"(?:[^.;]{0,80}?\bthat\s+)?(?:[A-Z][\w-]*(?!['\u2019]s\b)\b|(?:he|she|it|they|we)\b)")
#: a clause of time words only ("posted again yesterday and told ..."): no statement.
_NO_STATEMENT_RE = re.compile(r"\s*(?:(?:again|also|once more|yesterday|today|tonight|earlier|later|online|then"
                              r"|overnight|on (?:[A-Z]\w+|social media)|in a post)\s*){1,4}")


def object_infinitive(sentence: str, start: int, end: int, verb: str) -> bool:
    """The verb ``verb`` at ``sentence[start:end]`` is followed by an object and a
    to-infinitive ("told reporters to wait")."""
    return verb in OBJECT_INFINITIVE_VERBS and _OBJECT_TO_RE.match(sentence, end) is not None


def second_statement(sentence: str, prev_end: int, start: int, end: int, verb: str, verb_starts: list) -> bool:
    """The verb at ``sentence[start:end]`` follows "and" and takes an object and an
    infinitive, and no other verb of saying (``verb_starts``: where each one starts) stands
    between it and the verb ending at ``prev_end`` (which would make it that verb's
    speaker's: "X said Y had insisted A and told Z to ...")."""
    if start <= prev_end or any(prev_end <= v < start for v in verb_starts):
        return False
    if not _AND_BEFORE_RE.search(sentence[max(prev_end, start - 20):start]):
        return False
    if _NAMED_SUBJECT_RE.match(sentence[prev_end:start].lstrip()):
        return False
    return object_infinitive(sentence, start, end, verb)


def no_statement(clause: str) -> bool:
    """The clause of a verb of saying cut before a second verb holds only time words
    ("again yesterday", "on Sunday"): not a statement."""
    return _NO_STATEMENT_RE.fullmatch(clause) is not None


def clause_participle(sentence: str, prev_end: int, start: int, end: int) -> bool:
    """The participle at ``sentence[start:end]`` is one of saying, a clause follows it without
    "that" ("..., saying the talks had failed"), and the verb ending at ``prev_end`` reported
    a "that" clause (not an object: "It blamed X, saying ..." stays one statement)."""
    return sentence[start:end] in _CLAUSE_PARTICIPLES and _CLAUSE_AFTER_RE.match(sentence, end) is not None \
        and re.search(r"\bthat\s", sentence[prev_end:start]) is not None
