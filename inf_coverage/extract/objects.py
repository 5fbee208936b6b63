"""Verbs whose object is a noun phrase, not a statement.

Some verbs that look like attributions take a noun phrase: "blamed Washington", "accused
Moscow publicly in 2014", "hailed the move", ", citing the arrival of a launcher". Such an
object names whom the subject blames or what it adduces; it reports no words of the
subject's. This module says where ``quotes`` should see no statement there; :func:`object_clause`
applies them all to a reported clause ((start, end) in the sentence, or None):

- :func:`before_citing`: the end (an offset in the sentence) of the object of a verb of
  blame without a trailing participle of evidence or blame ("blamed Washington, citing the
  arrival of X": the object is "Washington"); the participle stays when a quotation follows
  it ("citing what it called \u201cprovocations\u201d": quoted words, which are speech). After
  a verb of saying proper the participle stays too ("said A, citing B": the seed corpus reads
  B as part of the statement). The writer's aside on a denial at the end of any reported
  clause is no part of it ("accused Moscow of breaches, a charge Moscow denied").
- :func:`names_only_target` (bool): the words after a verb of blame or judgement are a noun
  phrase alone: "blamed the United States and its allies", "accused Moscow publicly in
  2014" (no "of" complement), "blamed what it called Western warmongers". A complement
  ("blamed X for Y", "blamed Y on X", "accused X of Y"), a clause, a participle of saying
  after a comma (", saying ...") or a quotation mark keeps the row. A participle straight
  after a noun ("a post blaming NATO") is the document's content, and is left alone.
- :func:`gerund_of_act` (bool): the verb is a gerund after a preposition ("after years of
  accusing Russia of violations", "after accusing Moscow of cheating"): an act in a time
  phrase, not a report.
- :func:`relative_that` (bool): after a verb whose statement is its object ("pointed to",
  "listed", "cited", "blamed", "accused"), a "that" after a noun phrase opens a relative
  clause on the object ("pointed to the launcher that the army flew in"), not the statement:
  the object starts right after the verb, as it does after a determiner "that" ("pointed to
  that plan"); not after a noun of content ("cited it as proof that A": the statement is A).
- :data:`QUOTE_ONLY_VERBS`: verbs of judgement ("hailed", "welcomed", "condemned") whose
  only statement is a quoted fragment in their object ("hailed \u201ca new era\u201d"): without
  quotation marks they report an act, never a statement.

Every test is a bounded regular expression over one sentence.
"""

from __future__ import annotations

import re

#: Verbs (as ``quotes`` reports them) whose object may name only their target.
TARGET_VERBS = frozenset({"blamed", "accused", "hailed", "welcomed", "condemned"})

#: Verbs (as ``quotes`` reports them) whose statement is a noun phrase object.
NOUN_OBJECT_VERBS = frozenset({"pointed to", "listed", "cited", "blamed", "accused"})

#: Verbs of judgement that report speech only through a quoted fragment.
QUOTE_ONLY_VERBS = frozenset({"hailed", "welcomed", "condemned"})

_QUOTE_MARKS = "\"\u201c\u201d\u2018\u2019"

#: ", citing ...", ", blaming ...": the evidence a subject adduces or whom it blames, after its clause.
_CITING_RE = re.compile(r",\s*(?:citing|blaming)\b")

#: "what it called X": a noun phrase in the writer's words about the subject's term.
_WHAT_CALLED_RE = re.compile(r"\bwhat (?:he|she|it|they|the \w+) (?:called|calls|termed|described as)\s")

#: A trailing sentence adverb or the medium after a bare object: "NATO, obviously".
_TRAILING_ADVERB_RE = re.compile(r",\s*\w+ly\s*\Z")

#: What makes words after a verb of blame more than its target: a complement preposition,
#: a clause, a comma (an appositive, a participle of saying, a list) or an infinitive.
_MORE_THAN_TARGET_RE = re.compile(
    r"(?<![\w-])(?:for|on|of|as|over|to|that|which|who|because|is|are|was|were|has|have|had|will|would"
    r"|can|could|should|must|may|might|did|does|do)(?![\w-])|[,;:()\[\]]", re.I)

#: A gerund as the object of a preposition, just before the verb ("of accusing").
_GERUND_AFTER_PREPOSITION_RE = re.compile(r"(?<![\w-])(?:of|after|before|for|by|without|since)\s+\Z", re.I)


#: ", a charge Moscow denied", ", which the Kremlin rejected": the writer's aside on what
#: was said, after it.
_DENIAL_ASIDE_RE = re.compile(r",\s*(?:(?:a|an)\s+(?:charge|accusation|allegation|claim)\s+(?:that\s+)?"
                              r"|which\s+)(?:[\w'\u2019.-]+\s+){1,6}?(?:denied|denies|rejected|rejects|disputed"
                              r"|disputes)\b[^,;]*\Z")


def before_citing(sent: str, c_s: int, c_e: int, verb: str = "blamed") -> int:
    """The end of the clause ``sent[c_s:c_e]`` before the writer's aside on a denial at its
    end (", a charge Moscow denied") and, for a verb of blame (:data:`TARGET_VERBS`), before
    a trailing ", citing ..." or ", blaming ..." whose object holds no quotation mark;
    ``c_e`` when there is none."""
    aside = _DENIAL_ASIDE_RE.search(sent[:c_e].rstrip(". "), c_s)
    if aside and aside.start() > c_s:
        c_e = aside.start()
    m = _CITING_RE.search(sent, c_s, c_e) if verb in TARGET_VERBS else None
    if m is None or m.start() <= c_s or any(q in sent[m.end():c_e] for q in _QUOTE_MARKS):
        return c_e
    return m.start()


def names_only_target(sent: str, v_s: int, v_e: int, verb: str, c_s: int, c_e: int) -> bool:
    """True when the words ``sent[c_s:c_e]`` after the verb of blame or judgement at
    ``v_s:v_e`` (reported as ``verb``) are a noun phrase alone, not a statement (see the
    module); a participle right after a noun ("a post blaming NATO") is never refused."""
    if verb not in TARGET_VERBS or c_s < v_e:
        return False
    if sent[v_s:v_e].endswith("ing") and not re.search(r",\s*\Z", sent[:v_s]):
        return False
    words = sent[c_s:c_e].strip().rstrip(".")
    if not words or any(q in words for q in _QUOTE_MARKS):
        return False
    words = _TRAILING_ADVERB_RE.sub("", _WHAT_CALLED_RE.sub("", words))
    return not _MORE_THAN_TARGET_RE.search(words) and len(words.split()) <= 12


def gerund_of_act(sent: str, v_s: int, v_e: int, verb: str) -> bool:
    """True when the verb of blame at ``v_s:v_e`` is a gerund after a preposition ("after
    years of accusing Russia of violations")."""
    return verb in TARGET_VERBS and sent[v_s:v_e].endswith("ing") and \
        bool(_GERUND_AFTER_PREPOSITION_RE.search(sent, max(0, v_s - 12), v_s))


def object_clause(sent: str, v_s: int, v_e: int, verb: str, c_s: int, c_e: int):
    """The clause ``(c_s, c_e)`` that the verb at ``v_s:v_e`` reports, without a trailing
    ", citing ..."; None when the verb reports no statement here: a verb of judgement
    (:data:`QUOTE_ONLY_VERBS`), a gerund after a preposition, or a noun phrase alone after a
    verb of blame."""
    if verb in QUOTE_ONLY_VERBS or gerund_of_act(sent, v_s, v_e, verb):
        return None
    c_e = before_citing(sent, c_s, c_e, verb)
    return None if names_only_target(sent, v_s, v_e, verb, c_s, c_e) else (c_s, c_e)


#: Words that cannot end a noun phrase before a relative "that": a preposition, a
#: conjunction or an adverb ("pointed out that", "so that", "now that").
_NOT_A_NOUN = frozenset({"to", "of", "in", "on", "at", "by", "for", "with", "from", "and", "or", "as", "so", "now",
                         "out", "such", "but", "also", "again", "repeatedly", "then"})

#: Nouns whose "that" opens their content, not a relative clause ("cited it as proof that
#: A"): the statement is A, as before.
_CONTENT_NOUNS = frozenset({"proof", "evidence", "fact", "sign", "signal", "claim", "claims", "report", "reports",
                            "assurance", "assurances", "argument", "view", "belief", "idea", "warning", "hope"})


def relative_that(verb: str, upto_that: str) -> bool:
    """True when ``upto_that`` (the words after a noun-object verb up to and with "that")
    is its object, a noun phrase, then a relative "that" (see the module)."""
    words = upto_that.split()
    if verb not in NOUN_OBJECT_VERBS or not words or words[-1] != "that":
        return False
    if len(words) == 1:
        return True         # "pointed to that plan as proof ...": a determiner opens the object
    before = words[-2].lower()
    return before not in _NOT_A_NOUN and before not in _CONTENT_NOUNS and not before.endswith((",", ";"))
