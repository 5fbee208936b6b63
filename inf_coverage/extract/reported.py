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

Where the statement of a verb of saying lies, for ``quotes``: before the attribution's comma
when only where and when it was said follows the verb (:func:`adverbial_tail`), also when the
subject is a document of the speaker's ("..., a statement from X said": :func:`carrier_before`);
past the full stops of abbreviations before its "that" ("said on Feb. 1 that":
:func:`mask_abbreviation_stops`); after whom it was told ("told reporters the vote was
close": :func:`recipient_length`); before an inverted attribution without quotation marks
("The launchers have left, said Senator X.": :func:`inverted_attribution`); and for a passive
attribution (:func:`passive_clause`).
"""

from __future__ import annotations

import re

from inf_coverage.extract.speakers import ATTRIBUTION_VERBS

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

#: What may follow a quantity that stands for what was said: nothing, or a phrase about it
#: ("nothing about the treaty", "very little in public", "anything new"); a verb after it makes
#: the quantity a clause's subject ("nothing changes on the ground"), which is a statement.
_AFTER_QUANTITY_RE = re.compile(r"[\s.?!,;]*(?:\Z|(?:about|of|in|on|at|since|to|for|regarding|publicly|yet|so far"
                                r"|at all|new|more|else|further)(?![\w-]))", re.I)

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
    quantity = _QUANTITY_RE.match(text)
    if quantity and _AFTER_QUANTITY_RE.match(text, quantity.end()):
        return True
    return bool(_ADVERBIAL_START_RE.match(text) or _PRONOUN_ONLY_RE.match(text))


#: A clause's opening subject: a determiner or a proper name and a few words, then its verb
#: in the past ("the EU regretted the decision", "the board met on Monday"); no comma between.
_SUBJECT_VERB_RE = re.compile(
    r"(?:(?:the|a|an|its|his|her|their|our|this|that|these|those|[A-Z][\w'\u2019.-]*)\s+)"
    r"(?:[\w'\u2019.-]+\s+){0,4}?(?:\w+ed|said|told|made|took|gave|came|went|left|saw|knew|found|held|kept|met"
    r"|sent|stood|won|wrote|lost|brought|built|thought|became|began|broke|fell|grew|rose|spoke)(?![\w'\u2019-])")


#: A name and a comma opening the words after the verb: an inverted subject ("said Jane Roe, ...").
_NAME_COMMA_RE = re.compile(r"(?:[A-Z][\w'\u2019.-]*\s+){0,3}[A-Z][\w'\u2019.-]*,")


def plain_clause(verb: str, content: str) -> bool:
    """True when the words a verb of saying reports (``content``) open with a subject and its
    verb in the past, with no auxiliary ("said the EU regretted the decision"), and not with an
    adverbial ("said in a statement released on Monday") or a name and a comma ("said Jane Roe,
    a fellow at X"): a statement. The object verbs (``OBJECT_VERBS``: "blamed the policy of
    NATO countries") report their object, never a clause read so."""
    if verb in OBJECT_VERBS or _ADVERBIAL_START_RE.match(content) or _NAME_COMMA_RE.match(content):
        return False
    return bool(_SUBJECT_VERB_RE.match(content))


#: A reference mark closing a clause: "[3]", "[4, 7]", "[12-14]" (a scholarly page's notes).
_NOTE_MARK_END_RE = re.compile(r"\s*\[\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3}){0,5}\]\s*\Z")


def before_note_mark(sent: str, c_s: int, c_e: int) -> int:
    """The end of the clause ``sent[c_s:c_e]`` without a reference mark closing it ("the missile
    complied with the treaty [3]" ends at "treaty"): the mark is the page's, no one's words."""
    m = _NOTE_MARK_END_RE.search(sent, max(c_s, c_e - 40), c_e)     # a mark is short: the clause's end only
    return m.start() if m and m.start() > c_s else c_e


#: Verbs that report speech only with a clause after them and a speaker the article names:
#: "Peskov indicated it would not ..." is a statement; "the data indicated that ...", "the
#: ministry indicated a willingness to talk" are none.
_NAMED_CLAUSE_VERBS = frozenset({"indicated"})


def no_named_clause(verb: str, speaker: str, text: str) -> bool:
    """True when a row of a verb that speaks only with a named speaker and a clause
    (``_NAMED_CLAUSE_VERBS``) lacks either: its speaker is unattributed, or its text holds
    no clause."""
    return verb in _NAMED_CLAUSE_VERBS and (speaker == "unattributed" or not _CLAUSE_RE.search(text))


#: A finite verb or a "that": the words after a verb hold a clause of their own.
_FINITE_OR_THAT_RE = re.compile(
    r"(?<![\w-])(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|did|does|do|shall"
    r"|that)(?![\w-])", re.I)

#: The start of a long tail: a preposition right after the verb ("said in a statement
#: published on its website", "told reporters" is the short tail's).
_PREPOSITION_START_RE = re.compile(r"\s+(?:in|on|at|to|during|after|before|from|via|through|with|over|following)"
                                   r"\s", re.I)

#: The most words such a tail holds.
MAX_TAIL_WORDS = 16


def adverbial_tail(rest: str) -> bool:
    """Is ``rest`` (what follows a verb of saying, to the sentence end) only where and when
    it was said: prepositional phrases without a clause ("..., the ministry said in a
    statement published on its website.", "..., she said in an interview with the Courier
    on Tuesday."), up to the end or to ", <word>ing"? Then the statement is the clause
    before the attribution's comma, as after a short tail."""
    ing = re.search(r",\s*\w+ing\b", rest)
    tail = rest[:ing.start()] if ing else rest
    if not _PREPOSITION_START_RE.match(tail) or re.search(r"[,;:\"\u201c\u201d]", tail.rstrip(" .")):
        return False
    return len(tail.split()) <= MAX_TAIL_WORDS and not _FINITE_OR_THAT_RE.search(tail)


#: The full stop of an abbreviation that does not end a sentence: a month ("on Feb. 1"), a
#: country or body written with stops ("U.S.", "U.N."), a title ("Mr.", "Dr.").
_ABBREVIATION_STOP_RE = re.compile(
    r"(?<![\w.])(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|St|No)\.(?=\s+[\w\d])"
    r"|(?<![\w.])(?:[A-Z]\.){2,3}(?=[\s,;]+[a-z\d])|(?<=(?<![\w.])[A-Z])\.(?=[A-Z]\.)")


def mask_abbreviation_stops(text: str) -> str:
    """``text`` with the full stop of an abbreviation inside a sentence made a space (same
    length), so that a window up to the next full stop reads past "said on Feb. 1 that" or
    "told the U.S. envoy that"."""
    return _ABBREVIATION_STOP_RE.sub(lambda m: m.group().replace(".", " "), text)


#: A document that carries its author's words, set before the author as the subject of a verb
#: of saying: "..., a statement from the ministry said", "..., a post by X said".
_CARRIER_BEFORE_RE = re.compile(
    r"\s*(?:an?|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|post|message|note|communiqu[e\u00e9]"
    r"|release|readout|letter|tweet|video|transcript)\s+(?:from|by|of)\s+(?:the\s+)?\Z", re.I)


def carrier_before(gap: str) -> bool:
    """Is ``gap`` (the words between a comma and the name of whoever speaks after it) a document
    of theirs ("a statement from", "a post by")? Then the attribution still opens right
    after the comma, and what it says is the clause before the comma."""
    return bool(_CARRIER_BEFORE_RE.match(gap))


def passive_clause(sent: str, v_e: int, p_s: int) -> tuple:
    """What a passive attribution reports: "That X ... was stated on Telegram by Y": what
    comes before the auxiliary at ``p_s``; "It was stated by the ministry that X": what
    follows the "that"."""
    that = re.match(r"[^.;]{0,80}?\bby\b[^.;,]{0,60}?\bthat\s", sent[v_e:])
    if that and sent[:p_s].strip(" ,").lower() in {"it", "this"}:
        return v_e + that.end(), len(sent)
    c_e = p_s
    while c_e > 0 and sent[c_e - 1] in " ,":
        c_e -= 1
    return 0, c_e


#: Sources named by their kind alone: "..., say analysts."
UNNAMED_SOURCES = "analysts|experts|observers|critics|officials|diplomats|sources|commentators|economists"

#: "<statement>, said <speaker>[, <appositive>][ <where or when>]." with no quotation marks:
#: the verb right after the statement's comma, its subject after it.
_INVERTED_RE = re.compile(
    r"(?P<clause>.*\S),\s+(?P<verb>said|says|say|added|adds|wrote|writes|noted|notes|warned|warns|argued|argues"
    r"|explained|stressed|insisted|declared|replied|asserted|acknowledged|observed|announced|confirmed)"
    r"\s+(?P<subj>(?:[A-Z][\w'\u2019.-]*|the|a|an|one|%s)(?:\s+(?!(?:on|in|at|during|to|after|before|from|via)\s)"
    r"[\w'\u2019.-]+){0,7}?)\s*(?:,|\.?\s*\Z|\s(?:on|in|at|during|to|after|before|from|via)\s)" % UNNAMED_SOURCES)

#: The fewest words a statement before an inverted attribution has.
MIN_INVERTED_WORDS = 3


def inverted_attribution(sent: str) -> tuple | None:
    """``(clause_end, verb, subject, verb_start)`` of a sentence that states something and then names its
    speaker after the verb, without quotation marks ("The launchers have left, said Senator
    X, a member of the committee.", "Perhaps not yet, say analysts."), or None. The
    statement runs from the sentence start to ``clause_end`` (its last comma before the verb)."""
    m = _INVERTED_RE.match(sent)
    if not m or len(m.group("clause").split()) < MIN_INVERTED_WORDS or _CLAUSE_RE.search(m.group("subj")) \
            or re.search(r",\s+(?:who|whose|which)\b", m.group("clause")):
        # "X, who spent years on it, said the ministry's note felt familiar": the subject is
        # before the verb, and a clause follows it
        return None
    return m.end("clause"), ATTRIBUTION_VERBS.get(m.group("verb"), m.group("verb")), m.group("subj").rstrip("."), \
        m.start("verb")


#: Whom a statement was told, between "told" and a statement without "that": "told
#: reporters", "told the Financial Times", "told TASS", "told his followers".
_RECIPIENT_RE = re.compile(
    r"\s+(?:reporters|journalists|lawmakers|legislators|senators|MPs|students|delegates|viewers|listeners"
    r"|Reuters|TASS|Interfax|RIA Novosti|AFP|CNN|the BBC|the (?:press|media|audience|crowd)"
    r"|(?:his|her|their|its|our) (?:followers|readers|audience|listeners|viewers|supporters|interviewer)"
    r"|the (?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][\w.'\u2019-]*)"
    # the statement's subject next: a determiner, a pronoun or a name
    r"(?=\s+(?:the|a|an|it|he|she|they|we|there|this|its|his|her|their|no|both|all|[A-Z\d]))")


def recipient_length(rest: str) -> int:
    """The length of the recipient at the start of ``rest`` (what follows "told") when a
    statement follows it without "that" ("told reporters the vote was close"), else 0."""
    m = _RECIPIENT_RE.match(rest)
    return m.end() if m and _FINITE_OR_THAT_RE.search(rest, m.end()) else 0
