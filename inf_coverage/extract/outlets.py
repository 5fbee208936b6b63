"""Newspapers, agencies and broadcasters as speakers, as press reviews and digests report them.

``outlet_names(sentence)`` gives the outlets a sentence names (a list of names, in order): a
name built on a word newspapers are named with in several languages ("Neue Zuercher Zeitung",
"Le Monde", "Gazeta Wyborcza"), or a capitalised name the sentence presents as a paper ("X, a
regional daily", "X's editorial", "X headlines its editorial", "the business daily X").
``note_outlets(sentence, ctx)`` records them in the article context: the last one is what "the
paper" next refers to (``last_publication``), its affiliation is ``media``, and an outlet that
opens the sentence as its subject is what "it" next refers to (``last_institution``).
``outlet_speaker(phrase, ctx)`` is the outlet a speaker phrase refers to: a common-noun anaphor
("the paper", "The conservative Bonn daily", "the editorial", "the broadsheet") gives the
outlet named last, an outlet's initials ("the NZZ") the outlet they abbreviate, a name noted
before the name itself, "X Y of the <outlet>" the journalist X Y; None otherwise.
A name that opens a sentence as its subject ("Vestnik Rynka takes a harder line.") is an outlet
when the next sentence opens with a press noun as its subject ("The tabloid reproduces ...")
and the first sentence names no other outlet (``anaphor_outlet(previous, sentence)``).
``press_names(sents)`` gives the ``(article_id, name)`` pairs of outlets the articles name
(also "Die Abendpost": a German or Dutch article opens a title), which are no people.
``is_title_quote(before)`` says whether a quotation that follows ``before`` is a headline or
a title ("under the headline", "calls its editorial"), not anyone's words;
``names_own_piece(verb, text)`` whether a row's text ("its editorial ...", verb "called") only
names the paper's own piece.
``is_own_label(label, outlet)`` says whether a transcript label ("The Ledger:", "SL:") is the
publishing outlet's own name, its last words or its initials: on the outlet's own printed
interview such a turn is the outlet's question, its own text and no one's reported speech
(a named interviewer's or a reporter's label is not, and keeps its rows).
"""

from __future__ import annotations

import re

from inf_coverage.extract.namewords import LEADING_PRESS_WORDS, PRESS_TITLE_WORDS

#: Words newspapers are named with, in English and other European languages (the list discovery
#: uses too, ``namewords.PRESS_TITLE_WORDS``), and those that begin a name and may take one more
#: capitalised word ("Gazeta Wyborcza").
_TITLE_WORDS = "|".join(PRESS_TITLE_WORDS)
_LEADING_TITLE_WORDS = LEADING_PRESS_WORDS
_CAP = r"[A-Z\u00c0-\u00de][\w'\u2019\u00e0-\u00ff-]*"
#: "The" before an English title is not part of it (as the tool has named papers); a foreign
#: article is ("Le Monde", "Die Welt").
_ARTICLE = r"The\s+"
_FOREIGN = r"(?:(?:Le|La|Les|Die|Der|Das|El|Il|Het)\s+)?"
#: A name on a newspaper word: up to three capitalised words before it, one after a leading one.
_NAMED_RE = re.compile(rf"(?<![\w-])(?:{_ARTICLE})?({_FOREIGN}(?:{_CAP}\s+){{0,3}}(?:{_TITLE_WORDS})(?![\w-])"
                       rf"(?:\s+{_CAP})?)")
#: A capitalised name of up to four words (an article before it is not part of it).
_WORD = rf"(?!(?:The|A|An|This|That|These|Its|His|Her|Their|In|On|At|But|And|Under|After)\b){_CAP}"
_NAME = rf"(?:{_ARTICLE})?((?:{_WORD}\s+){{0,3}}{_WORD})"
#: What a text calls a paper or a broadcaster (the head of "a regional daily", "the paper").
_PRESS_NOUNS = ("paper|newspaper|daily|weekly|tabloid|broadsheet|magazine|news agency|broadcaster|news site"
                "|outlet|publication")
#: The end of a press noun in apposition: "X, a regional daily, ...", "a daily published in ...".
_NOUN_END = (r"(?=\s*[,.;:)]|\s+(?:published|based|owned|close|known|in|from|of|that|which|with|founded|read)\b)")
#: A paper's own pieces: "its editorial", "X's leader".
_PIECES = "editorial|leader|leader column|commentary|column|columnist|front page|lead story|editorial board"
_CUE_RES = (
    # "Kurier Wschodni, a regional daily published in ..."
    re.compile(rf"(?<![\w-]){_NAME},\s+(?:an?|the)\s+(?:[\w'\u2019-]+\s+){{0,3}}?(?:{_PRESS_NOUNS}){_NOUN_END}"),
    # "Le Monde's editorial", "Kommersant's columnist"
    re.compile(rf"(?<![\w-]){_NAME}['\u2019]s\s+(?:[a-z]+\s+)?(?:editorial|leader column|columnist|front page"
               r"|lead story|editorial board)\b"),
    # "X headlines its editorial", "X runs its leader under the title"
    re.compile(rf"(?<![\w-]){_NAME}\s+(?:headlines|titles|runs|calls|devotes|carries|leads with)\s+its\s+"
               rf"(?:[a-z]+\s+)?(?:{_PIECES})\b"),
    # "the business daily Kommersant", "the newspaper Izvestia", "Moscow daily Vestnik"
    re.compile(rf"(?:\b[Tt]he\s+(?:(?:[a-z-]+\s+){{0,2}}(?:paper|newspaper|tabloid|broadsheet|magazine|news agency"
               rf"|broadcaster)|(?:[a-z-]+\s+){{1,2}}(?:daily|weekly))|(?<![\w-]){_CAP}\s+(?:[a-z-]+\s+)?"
               rf"(?:daily|weekly|newspaper|paper|tabloid))\s+[\u201c\"]?{_NAME}(?![\w-])[\u201d\"]?"
               r"(?=\s*[,.;:]|\s+(?:also\s+|has\s+|had\s+)?(?:[a-z]+(?:s|ed)|said|wrote|did)\b)"),
    # "Vestnik Rynka business daily writes", "Vestnik Rynka, the business daily, ..."
    re.compile(rf"(?:\A\s*|(?<=[.;:,]\s)){_NAME}\s+(?:[a-z-]+\s+)?(?:daily|weekly|newspaper|tabloid|broadsheet)"
               r"(?=\s+(?:also\s+)?[a-z]+s\b)"),
    # "In Vedomosti, columnist X argued"
    re.compile(rf"\bIn\s+{_NAME},\s+(?:the\s+)?(?:columnist|commentator|editor|correspondent)s?\b"),
)
#: A common noun for the outlet named last: "the paper", "The conservative Bonn daily",
#: "the editorial", "Its editorial" (adjectives and a place's name may come before it).
_ANAPHOR_RE = re.compile(rf"(?:[Tt]he|[Ii]ts|[Tt]his)?\s*(?:(?:(?!(?:of|at|for|from|with|by|to|and|the)\s)"
                         rf"[a-z-]+|{_CAP})\s+){{0,3}}?"
                         rf"(?:{_PRESS_NOUNS}|editorial|editorial board|leader writers?)")
#: Quotation marks right after these words hold a title: "under the headline", "calls its editorial".
_TITLE_BEFORE_RE = re.compile(r"(?:\b(?:headline|headlined|headlines|title|titled|entitled|heading)"
                              r"|\bcalls\s+its\s+(?:[a-z]+\s+)?(?:editorial|leader|commentary|column))"
                              r"(?:\s+its\s+(?:[a-z]+\s+)?(?:editorial|leader|commentary|column))?\s*[,:]?\s*\Z")
#: A verb right after a subject: "Le Monde argues", "The NZZ also notes".
_SUBJECT_AFTER_RE = re.compile(r"\s+(?:also\s+|then\s+)?[a-z]+s\b")


#: A German or Dutch article opening a capitalised name: a paper's title ("Die Abendpost", "Het
#: Avondblad"); not the parties so named.
_GERMANIC_RE = re.compile(rf"(?<![\w-])((?:Die|Der|Das|Het)\s+(?!(?:Linke|Gr\u00fcnen|Gr\u00fcne|Partei)\b){_CAP})")


def outlet_names(sentence: str) -> list:
    """The outlets ``sentence`` names, in order of their place (an English "The" left out)."""
    found = [(m.start(1), m.group(1)) for rx in (_NAMED_RE, _GERMANIC_RE) for m in rx.finditer(sentence)]
    for rx in _CUE_RES:
        found += [(m.start(1), m.group(1)) for m in rx.finditer(sentence)]
    out: list = []
    for _, name in sorted(found, key=lambda f: (f[0], -len(f[1]))):     # the longest name at a place
        words = name.split()
        if len(words) > 1 and words[-2] not in _LEADING_TITLE_WORDS and not re.fullmatch(_TITLE_WORDS, words[-1]) \
                and re.fullmatch(_TITLE_WORDS, words[-2]):
            name = " ".join(words[:-1])     # "Le Monde Tuesday": the word after the name is not part of it
        if name not in out and not any(name in o for o in out):
            out.append(name)
    return out


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


#: A capitalised name opening a sentence as the subject of a present-tense verb ("X takes", "X also runs").
_OPENING_SUBJECT_RE = re.compile(rf"\A\s*{_NAME}(?=\s+(?:also\s+)?[a-z]+s\b)")
#: A sentence opening with a press noun as its subject: "The tabloid reproduces", "The paper's columnist".
_PRESS_OPENING_RE = re.compile(r"\A\s*The\s+(?:[a-z-]+\s+){0,2}?(?:paper|newspaper|daily|weekly|tabloid|broadsheet"
                               r"|magazine)(?:['\u2019]s\s+[a-z]+|\s+(?:also\s+)?[a-z]+(?:s|ed)\b)")


def anaphor_outlet(previous: str, sentence: str):
    """The name ``previous`` opens as its subject when ``sentence`` refers back to it as a paper
    (see the module docstring); None otherwise."""
    m = _OPENING_SUBJECT_RE.match(previous[:300])
    if m is None or not _PRESS_OPENING_RE.match(sentence[:200]) or outlet_names(previous):
        return None
    return m.group(1)


def note_outlets(sentence: str, ctx: dict) -> list:
    """Record the outlets ``sentence`` names in ``ctx`` (see the module docstring); returns them."""
    names = outlet_names(sentence)
    previous, ctx["previous_sentence"] = ctx.get("previous_sentence", ""), sentence
    person_before, ctx["person_before"] = ctx.get("person_before"), ctx.get("last_person")
    if (back := anaphor_outlet(previous, sentence)) is not None:
        ctx.setdefault("outlets", []).append(back)
        ctx.setdefault("groups", {})[back] = "media"
        ctx.setdefault("org_names", set()).add(back)
        ctx["last_publication"] = back
        if ctx.get("last_person") == back:
            ctx["last_person"] = person_before    # read as a person one sentence ago: "he" is who it was before
        return [back] + names
    if not names:
        return names
    known = ctx.setdefault("outlets", [])
    for name in names:
        if name not in known:
            known.append(name)
        ctx.setdefault("groups", {})[name] = "media"
        ctx.setdefault("org_names", set()).add(name)
        at = sentence.find("The " + name)
        if at > 0 and sentence[:at].strip() and sentence[:at].rstrip()[-1] not in ".!?:\"\u201c\u2018(":
            ctx.setdefault("titled", {})[name] = "The " + name      # "In Baltimore, The Solway Courant"
            ctx["groups"]["The " + name] = "media"
            ctx["org_names"].add("The " + name)
    ctx["last_publication"] = names[-1]
    lead = sentence.lstrip()
    lead = re.sub(r"\A(?:In|At|From|Across)\s+[^,]{1,40},\s*", "", lead)      # "In Paris, Le Monde runs ..."
    lead = re.sub(rf"\A{_ARTICLE}", "", lead)
    for name in names:
        after = len(name)
        if lead.startswith(name) and lead[after:after + 1] == "," and "," in lead[after + 1:after + 80]:
            after = lead.index(",", after + 1) + 1      # "X, a Baltimore daily, calls ...": past the apposition
        if lead.startswith(name) and _SUBJECT_AFTER_RE.match(lead, after):
            ctx["last_institution"] = name
    return names


def outlet_speaker(phrase: str, ctx: dict):
    """The outlet ``phrase`` refers to (see the module docstring); None if none. A paper the
    text once writes with a capital "The" inside a sentence ("In Baltimore, The Solway Courant")
    is named so: the article is part of its title."""
    name = _outlet_speaker(phrase, ctx)
    return ctx.get("titled", {}).get(name, name) if name else name


def _outlet_speaker(phrase: str, ctx: dict):
    p = phrase.strip(" ,").replace("\u2019", "'")
    known = ctx.get("outlets", [])
    if not known:
        return None
    bare = re.sub(r"\A[Tt]he\s+", "", p)
    ends = [n for n in known if bare == n or bare.endswith(" " + n)
            and not re.search(r"[A-Z]|\b(?:of|at|for|from|with)\b", bare[:-len(n)])]   # not "X of the Courant"
    if ends:
        return max(ends, key=len)       # "The broadcaster NRK Sor", "the business daily Vestnik": the name
    staff = re.fullmatch(rf"({_WORD}(?:\s+{_WORD}){{1,2}})\s+(?:of|at|from)\s+(?:the\s+)?(.+)", bare)
    if staff and staff.group(2) in known:
        ctx.setdefault("groups", {})[staff.group(1)] = "media"
        return staff.group(1)       # "Ada Krane of the Solway Courant": the journalist speaks
    if re.fullmatch(r"[A-Z]{2,6}", bare):
        same = [n for n in known if _initials(n) == bare]
        return same[-1] if same else None       # "the NZZ": the Neue Zuercher Zeitung named before
    if _ANAPHOR_RE.fullmatch(p) and ctx.get("last_publication"):
        return ctx["last_publication"]
    return None


def press_names(sents) -> set:
    """``(article_id, name)`` of the outlets each article names (``outlet_names`` of its sentences)."""
    out = set()
    previous = ("", "")
    for aid, text in zip(sents.article_id, sents.text.astype(str)):
        out |= {(aid, n) for n in outlet_names(text)}
        if previous[0] == aid and (back := anaphor_outlet(previous[1], text)) is not None:
            out.add((aid, back))
        previous = (aid, text)
    return out


_OWN_PIECE_RE = re.compile(r"(?:its|their|his|her)\s+(?:own\s+|latest\s+|main\s+)?(?:editorial|leader|commentary"
                           r"|column|piece|article|front page|lead story)\b")


def names_own_piece(verb: str, text: str) -> bool:
    """Whether a row "X calls its editorial '...'" names a paper's own piece: a title, no statement."""
    return verb == "called" and bool(_OWN_PIECE_RE.match(text))


def is_title_quote(before: str) -> bool:
    """Whether a quotation right after ``before`` is a headline or title, not speech."""
    return bool(_TITLE_BEFORE_RE.search(before[-80:]))


def _bare_title(name: str) -> str:
    return re.sub(r"\A(?:the|a)\s+", "", " ".join(str(name).replace("\u2019", "'").split()).strip(" :.,"), flags=re.I)


def is_own_label(label: str, outlet: str) -> bool:
    """Whether the turn label ``label`` is the publishing ``outlet``'s own name (see the docstring):
    the whole name, its last one or more words ("Ledger" of "The Strategic Ledger"), or the
    initials of a name of two words or more, with or without its article ("SL", "TSL"); case
    is ignored, and a last word that is a role or a common label ("Q", "Times") is not enough."""
    lab, own = _bare_title(label).lower(), _bare_title(outlet)
    words = own.split()
    if not lab or not words or len(lab) > 80:
        return False
    if lab in (" ".join(words[i:]).lower() for i in range(len(words))):
        return lab not in _COMMON_LABELS
    initials = {"".join(w[0] for w in ws).lower() for ws in (words, str(outlet).split())}
    return len(words) >= 2 and lab.isalpha() and lab in initials


#: Last words of an outlet's name that are also roles or common labels: never the outlet's own.
_COMMON_LABELS = {"q", "a", "question", "answer", "news", "radio", "tv", "post", "times", "daily", "weekly", "online"}
