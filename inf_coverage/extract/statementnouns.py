"""A statement reported by a noun of saying and its "that" clause: "Donald Trump's
announcement on Friday that he had ordered ...", "the ministry's statement that the
conditions no longer exist", "the statement by the Foreign Ministry that ...", and a noun
of a view or an answer joined to its clause by "is"/"was" ("Velk's view is that ...", "her
answer was that ...": "his" and "her" stand for the person who spoke last).

:func:`noun_statements` returns, for a sentence, a list of ``(who, noun, start, end)``: the
words naming the speaker (the possessor before the noun, or the agent after "by"), the noun
("statement", "announcement", ...) and the offsets in the sentence of the clause it reports:
from after its "that" to the first comma, semicolon or dash after it, or the sentence's end
(without its full stop). ``quotes`` resolves ``who`` and writes a row only when it names a
speaker.

The clause must read as one: at least four words with a finite verb among them, and no
relative clause about the statement itself ("the statement that he made on Friday was short",
"the declaration that the ministry issued"): that is not what was said.
"""

from __future__ import annotations

import re

from inf_coverage.extract.speakerforms import VIEW_NOUNS

#: Nouns of a statement whose "that" clause is what was said.
_NOUNS = r"statement|announcement|declaration|assertion|claim|warning|pledge|promise"

#: A possessor and the noun: "Donald Trump's (own) statement (on Friday) that ".
_POSSESSIVE_RE = re.compile(
    r"(?<![\w'\u2019-])(?P<who>(?:[Tt]he\s+)?(?:[A-Z][\w.'\u2019-]*\s+){0,5}[A-Z][\w'\u2019-]*?)['\u2019]s\s+"
    r"(?:(?:own|latest|earlier|joint|public|written|official|new|televised)\s+)?(?P<noun>" + _NOUNS + r")"
    r"(?:\s+(?:on|in|at|last|this|of)\s+(?:[\w.-]+\s+){0,3}?[\w.-]+)?,?\s+that\s+")

#: The noun and its agent: "the announcement by the Belarusian authorities (on 8 August) that ".
_BY_AGENT_RE = re.compile(
    r"(?<![\w-])(?P<noun>" + _NOUNS + r")\s+by\s+(?P<who>(?:the\s+)?(?:[A-Z][\w.'\u2019-]*\s+){0,5}[A-Z][\w'\u2019-]*)"
    r"(?:\s+(?:on|in|at|last|this)\s+(?:[\w.-]+\s+){0,3}?[\w.-]+)?,?\s+that\s+")

#: Nouns of a view or an answer whose "that" clause after "is"/"was" is what was said:
#: "Velk's view is that ...", "his answer was that ...", "the ministry's position remains that ...".
_COPULA_NOUNS = "|".join(VIEW_NOUNS)

#: A possessor (a name, "the" and a body, or "his"/"her"), the noun and the copula.
_COPULA_RE = re.compile(
    r"(?<![\w'\u2019-])(?:(?P<who>(?:[Tt]he\s+)?(?:[A-Z][\w.'\u2019-]*\s+){0,5}[A-Z][\w'\u2019-]*?"
    r"|[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*?)['\u2019]s|(?P<pron>[Hh]is|[Hh]er))\s+"
    r"(?:own\s+)?(?P<noun>" + _COPULA_NOUNS + r")\s+(?:is|was|remains|remained|has\s+been|had\s+been)"
    r"\s+(?:still\s+|simply\s+)?that\s+")
#: (not "their" or "its": a group or body named loosely, often not the last speaker)
_PRONOUN_SUBJECTS = {"his": "he", "her": "she"}

#: A finite verb (or an auxiliary) in the clause.
_FINITE_RE = re.compile(
    r"(?<![\w-])(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|did|does|do"
    r"|\w+ed|\w+s)(?![\w-])")

#: A relative clause about the statement itself: its subject, a verb of making or issuing it,
#: and no object ("that he made on Friday was short", "that the ministry issued, ...").
_RELATIVE_RE = re.compile(
    r"(?:he|she|it|they|we|I|you|(?:the\s+)?(?:[A-Z][\w'\u2019-]*\s+){0,3}?[A-Z][\w'\u2019-]*|the\s+[a-z]+)\s+"
    r"(?:(?:had|has|have)\s+)?(?:made|gave|issued|released|published|read|wrote|posted|sent|delivered|signed"
    r"|adopted|repeated|mentioned|cited|quoted|put\s+out|referred\s+to)"
    r"(?:\s+(?:on|in|at|last|yesterday|today|earlier|this|after|before|to|was|is|were|had|has|will|would)\b|\s*[,.;]|\s*\Z)")

#: The fewest words a reported clause holds.
MIN_CLAUSE_WORDS = 4

#: The most statements read in one sentence.
MAX_PER_SENTENCE = 4


def _clause_end(sent: str, start: int) -> int:
    stop = re.compile(r"[,;]|\s[\u2013\u2014-]\s|\.\s*\Z|\Z").search(sent, start)
    return stop.start() if stop else len(sent)


def noun_statements(sent: str) -> list:
    """``(who, noun, start, end)`` for each noun of saying in ``sent`` with its speaker and its
    "that" clause (see the module); [] when none."""
    found: list = []
    for rx in (_POSSESSIVE_RE, _BY_AGENT_RE):
        for m in rx.finditer(sent):
            if len(found) >= MAX_PER_SENTENCE:
                break
            end = _clause_end(sent, m.end())
            clause = sent[m.end():end]
            if len(clause.split()) < MIN_CLAUSE_WORDS or not _FINITE_RE.search(clause) \
                    or _RELATIVE_RE.match(clause):
                continue
            found.append((m.group("who"), m.group("noun").lower(), m.end(), end))
    for m in _COPULA_RE.finditer(sent):
        end = _clause_end(sent, m.end())
        clause = sent[m.end():end]
        if len(found) < MAX_PER_SENTENCE and len(clause.split()) >= MIN_CLAUSE_WORDS and _FINITE_RE.search(clause):
            who = m.group("who") or _PRONOUN_SUBJECTS[m.group("pron").lower()]
            found.append((who, m.group("noun").lower(), m.end(), end))
    return sorted(found, key=lambda f: f[2])
