"""Transcript turns: a page whose paragraphs open with a speaker's label and a colon ("Nadia
(02:15):", "Spokesperson Aibek Nurlanov:", "Reporter (Astana Herald):", "HOLT:", "Q:") read as
turns, found from evidence (labels that recur on the page), never from a list of label forms.

``transcript_turns`` decides whether a text is a transcript and, if it is, who speaks each of
its paragraphs; ``quotes`` gives every sentence of a turn to its speaker."""

from __future__ import annotations

import re

from inf_coverage.extract.asklabels import asking_label
from inf_coverage.extract.figures import same_person
from inf_coverage.extract.hostlines import handed_to, host_line
from inf_coverage.extract.namewords import COURTESY as _COURTESY  # a courtesy title before a name ("Dr.")
from inf_coverage.extract.namewords import NAME_WORD as _NAME_WORD  # a name word ("Okafor-Lindgren")
from inf_coverage.extract.personnames import person_name
from inf_coverage.ingest.furniture_turns import (
    INLINE_LABEL_MAX_WORDS,
    LABEL_MARK_RE,
    STAMP,
    inline_label,
    label_length,
    line_labels,
)
from inf_coverage.ingest.furniture_turns import LABEL_LINKS as _LABEL_LINKS  # "of", "von" between a label's words

_COURTESY_RE = re.compile(rf"\A{_COURTESY}\s+")
#: A timestamp in a label's brackets ("(02:15)"), a note that names no one.
_STAMP_NOTE_RE = re.compile(rf"\A\s*{STAMP}\s*\Z")
#: Words that name a role in a transcript rather than a person. The asking roles speak for
#: the outlet or person their brackets give, else for no one named ("unattributed").
ASKING_ROLES = {"q", "question", "questioner", "reporter", "journalist", "correspondent", "caller", "audience",
                "participant", "voice", "member of the public"}
ROLE_LABELS = ASKING_ROLES | {
    "a", "answer", "host", "co-host", "cohost", "presenter", "moderator", "interviewer", "anchor", "chair",
    "chairman", "chairwoman", "chairperson", "speaker", "spokesperson", "spokesman", "spokeswoman", "guest",
    "interviewee", "narrator", "commentator", "official", "minister", "president", "ambassador", "senator"}
_TWO_NAME_WORDS_RE = re.compile(rf"(?<![\w-]){_NAME_WORD}(?:[ \t]{_NAME_WORD}){{1,2}}(?![\w-])")
#: A run of two to five name words, a name with the titles before it ("Press Secretary Ana Ruiz").
_NAME_RUN_RE = re.compile(rf"(?<![\w-]){_NAME_WORD}(?:[ \t]{_NAME_WORD}){{1,4}}(?![\w-])")
#: Words that name the one who asks in an interview ("host Nadia Farrow", "our correspondent").
_ASKER_WORDS_RE = re.compile(r"\b(?:host|hosts|hosted|presenter|interviewer|moderator|anchor|correspondent|reporter"
                             r"|editor|asked by|interviewed by|spoke to|talked to)\s+(?:\w+\s+){0,2}?\Z", re.I)
#: A first- or second-person word: an unlabelled paragraph after a turn that holds one goes on
#: speaking to the listeners ("Thank you for your attention."); narration about the speakers
#: ("The discussion then turns to ...") does not.
_PERSON_WORD_RE = re.compile(r"(?<![\w'\u2019-])(?:I|I'm|I've|I'd|I'll|we|We|we're|We're|us|our|Our|you|You|your"
                             r"|Your|my|My|me)(?![\w'\u2019-])")
_QUOTED_RE = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"\n]*\"")


def _labelled(para: str):
    """(label as written, bare label, notes, content start) when the paragraph opens with a
    colon label a transcript could use (``furniture_turns.inline_label``, unmarked), else None.
    A label of more than ``INLINE_LABEL_MAX_WORDS`` words is a role whose note names its holder
    as a person ("The Minister of State, Foreign Office (Ms Ruth Calloway)")."""
    hit = inline_label(para, ":", marked=False)
    if not hit:
        return None
    if label_length(hit.bare) > INLINE_LABEL_MAX_WORDS and not any(_note_name(n) for n in hit.notes):
        return None
    return hit.label, hit.bare, hit.notes, hit.end


def _cased(words: str) -> str:
    """Words in capitals written as a name is ("NADIA FARROW" -> "Nadia Farrow", "MS ROOS-AHO" -> "Ms Roos-Aho"),
    a linking word after the first in small letters ("ANA VAN RUIZ" -> "Ana van Ruiz")."""
    return " ".join(w.lower() if k and w.isupper() and w.lower() in _LABEL_LINKS else
                    "-".join(p[:1] + p[1:].lower() for p in w.split("-")) if w.isupper() and len(w) > 1 else w
                    for k, w in enumerate(words.split()))     # "OKAFOR-LINDGREN" -> "Okafor-Lindgren"


def _note_name(note: str) -> str:
    """The person a bracketed note names with a courtesy title ("Ms Ruth Calloway"), else ""."""
    if not _COURTESY_RE.match(note):
        return ""
    name = _COURTESY_RE.sub("", note, count=1)
    return name if person_name(name) == name else ""


def _key(bare: str) -> str:
    """What recurs between labels of one speaker: the last word of the name, in lower case
    ("MAUREEN HOLT" and "HOLT", "Mr Owen Talbridge" and "Mr Talbridge")."""
    return bare.replace(",", " ").split()[-1].lower()


def _role_words(bare: str) -> tuple:
    """(role, rest): the leading role words of a label ("Spokesperson", "Host") and the rest."""
    words = _COURTESY_RE.sub("", _cased(bare), count=1).split()
    if len(words) > 1 and words[0] == "The" and words[1].lower() in ROLE_LABELS:
        words = words[1:]       # "The President (spoke in Spanish)": the chair of a meeting
    k = 0
    while k < len(words) and (_is_role(words[k]) or " ".join(words[:k + 1]).lower() in ROLE_LABELS or (
            words[k].lower() in _ROLE_PREFIXES and k + 1 < len(words) and _is_role(words[k + 1]))):
        k += 1
    return " ".join(words[:k]), " ".join(words[k:])


#: Words that make a role a deputy's or a stand-in's ("Vice-President", "Deputy Speaker", "Acting Chair").
_ROLE_PREFIXES = {"vice", "deputy", "acting", "co"}


def _is_role(word: str) -> bool:
    """A role word, or one with a deputy's prefix ("Moderator", "Vice-President", "Deputy-Chair")."""
    low = word.lower()
    head, _, tail = low.partition("-")
    return low in ROLE_LABELS or (head in _ROLE_PREFIXES and tail in ROLE_LABELS)


def _people(text: str, common) -> list:
    """The people the text names in full (two or three name words), in order."""
    found = []
    for m in _NAME_RUN_RE.finditer(text):
        # "Spokesperson Lin Hao's Remarks": a possessive word ends the name
        words = _POSSESSIVE_RE.split(m.group(), maxsplit=1)[0]
        # "I'm Maureen Holt", "Host Nadia Brennan": a contraction or a role word is no part of the name
        name = _role_words(_CONTRACTION_RE.sub("", person_name(words, common)))[1]
        if len(name.split()) >= 2:
            found.append((m.start(), name))
    return found


_INITIALLED_RE = re.compile(rf"(?<![\w-])({_NAME_WORD})[ \t]([A-Z])\.[ \t]({_NAME_WORD})(?![\w-])")
_CAPITALS_RE = re.compile(r"(?<![\w'\u2019-])[A-Z][A-Z'\u2019-]*[A-Z](?![\w'\u2019-])")


def _initialled(text: str, common) -> list:
    """The people a record names with a middle initial ("Ana B. Ruiz"), initial kept."""
    found = []
    for m in _INITIALLED_RE.finditer(text):
        two = f"{m.group(1)} {m.group(3)}"
        if person_name(two, common) == two:
            found.append(f"{m.group(1)} {m.group(2)}. {m.group(3)}")
    return found


_CONTRACTION_RE = re.compile(r"\A[A-Z]['\u2019][a-z]{1,2}\s+")
_POSSESSIVE_RE = re.compile(r"['\u2019]s(?!\w)")


def _index(names: dict, name: str) -> None:
    """File a full name under its first and its last word."""
    for word in {name.split()[0], name.split()[-1]}:
        names.setdefault(word, set()).add(name)


def _one_name(word: str, names: dict) -> str:
    """The one full name whose first or last word is ``word`` ("Tobias", "Holt"), else ""."""
    found = names.get(word, set()) - {word}
    merged = {n for n in found if not any(o != n and same_person(o, n) and len(o) > len(n) for o in found)}
    return merged.pop() if len(merged) == 1 else ""


def _role_holder(role: str, text: str, common) -> str:
    """The person the text gives a role ("host Nadia Brennan", "Nadia Brennan, the moderator"), else ""."""
    r = re.escape(role)
    m = re.search(rf"(?i:\b{r})\s+(?:{_COURTESY}\s+)?([A-Z][\w'\u2019-]+(?:\s[A-Z][\w'\u2019-]+){{1,2}})", text) or \
        re.search(rf"([A-Z][\w'\u2019-]+(?:\s[A-Z][\w'\u2019-]+){{1,2}}),\s+(?:the\s+|our\s+|your\s+)?(?i:{r})\b",
                  text)
    return person_name(m.group(1), common) if m else ""


def _interview_pair(before: str, resolver, ctx) -> tuple:
    """(asker, answerer) of an interview from the text before its first question: the asker is
    the person named after a word like "host", "correspondent" or "interviewed by"; the answerer
    the first other person named from there on (after "spoke to", "interviewed by": the last
    one named before), or with no asker named the one person the text names, if only one.
    Either is None when not named."""
    found = _people(before, ctx["common"])
    for m in resolver.names.finditer(before.replace("\u2019", "'")):
        found.append((m.start(), m.group()))
    asker = answerer = None
    asked_at = 0
    back = False
    for at, name in sorted(found):
        if asker is None and (hit := _ASKER_WORDS_RE.search(before, max(0, at - 40), at)):
            asker, asked_at = name, at
            # "Ana Ruiz spoke to / was interviewed by Nadia Farrow": the one who answers stands before
            back = bool(re.match(r"(?:spoke|talked) to|interviewed by|asked by", hit.group(), re.I))
    if asker is None:
        # no one asks by name: the answerer is the one person the text names before, if only one
        # (an explainer's "Q:"/"A:" about Putin and Trump is no interview of either)
        people = {name for _, name in found}
        merged = {n for n in people if not any(o != n and same_person(o, n) for o in people if len(o) > len(n))}
        return None, (merged.pop() if len(merged) == 1 else None)
    for at, name in sorted(found, reverse=back):
        # the one the asker talks to is named after the asker, or before a "spoke to"
        if (at < asked_at if back else at >= asked_at) and name != asker and \
                not (same_person(name, asker) or asker in name):
            answerer = name
            break
    return asker, answerer


def _is_transcript(found: list, named: set) -> bool:
    """The evidence that labels are turns: three labelled paragraphs or more, two labels or
    more, one of them recurring; or two labels or more that each name a person the text
    introduces in full elsewhere; or a question line and an answer line ("Q:", "A:")."""
    keys = [_key(bare) for _, bare, _, _ in found]
    distinct = set(keys)
    if len(keys) >= 3 and len(distinct) >= 2 and any(keys.count(k) >= 2 for k in distinct):
        return True
    if {"q", "a"} <= distinct or {"question", "answer"} <= distinct:
        return True
    return len(named) >= 2


def _header_holder(role: str, removed: str) -> str:
    """The person a page's removed header gives a role on a line of its own ("President: Mr.
    Ana Ruiz Vela (Panama)", "Chair: Dame Ruth Calloway"), else ""."""
    m = re.search(rf"(?m)^[ \t]*(?i:{re.escape(role)})[ \t]*:[ \t]*({_COURTESY}[ \t]+)?"
                  r"([A-Z][\w'\u2019-]+(?:[ \t][A-Z][\w'\u2019-]+){0,2})(?![\w'\u2019-])", removed)
    if not m or not (m.group(1) or " " in m.group(2)):
        return ""       # one bare word after "President:" may be a country or a seat
    return m.group(2)


def _note_holder(role: str, rest: str, notes: list, common) -> str:
    """The holder a label's bracketed note names: a courtesy title and a name ("The Minister (Ms
    Ruth Calloway)"), or after a role that does not ask, a full name ("MODERATOR [Nadia Brennan]",
    "PRESIDENT (ILSE VOLL)"); else ""."""
    for note in notes:
        if _note_name(note):
            return _note_name(note)
    if role and not rest and role.split()[-1].lower() not in ASKING_ROLES:
        for note in notes:
            held = _cased(note)
            if len(held.split()) >= 2 and person_name(held, common) == held:
                return held
    return ""


def _label_speaker(bare: str, notes: list, text: str, names: dict, resolver, ctx) -> tuple:
    """(who, how) a label names: how is "name" for a person named in the label or found by
    one of its names elsewhere, "role" for a role label ("Mr Speaker", "Moderator"), "asker" /
    "answerer" for Q and A, "" when the label names no one ("Music", "Subscribe")."""
    common = ctx["common"]
    role, rest = _role_words(bare)
    rest = " ".join(_MIDDLE_INITIAL_RE.sub(" ", _cased(rest)).split())      # "Mark T. Esper": "Mark Esper"
    # "POPPY EXAMPLE, HARBOUR ANCHOR": the name before the comma; else a role's holder in brackets
    held = (not role and _described(bare, common)) or _note_holder(role, rest, notes, common)
    if not held and rest and not person_name(rest, common) and role.split()[-1:] != ["Reporter"]:
        # an office or a title that is no name, its holder first in its brackets ("Minister for
        # Trade (RUIZ Ana)", "Expert Witness (Ana Ruiz, Director, Harbour Board)")
        firsts = [_cased(n.split(",")[0].strip()) for n in notes]
        held = next((f for f in firsts if len(f.split()) >= 2 and person_name(f, common) == f), "")
    if held:
        return held, "name"     # a role with its holder in brackets
    if rest:
        full = person_name(rest, common)
        if full and len(full.split()) >= 2:
            return full, "name"
        initial, single = _initial_split(rest)
        if len(single.split()) == 1:
            one = _one_name(single, names) or (single if resolver.registered(single, ctx) else "") or \
                _initials_name(bare, names)
            if one and one.startswith(initial):
                return one, "name"
    if rest:
        return (_cased(bare), "name") if not role and _member(bare, notes) else (None, "")
    low = role.lower()
    if low in {"q", "question"}:
        return None, "asker"
    if low in {"a", "answer"}:
        return None, "answerer"
    if not low:
        return None, ""
    if low.split()[-1] in ASKING_ROLES or low in ASKING_ROLES:
        said = [n.split(",")[0].strip() for n in notes if n and not _STAMP_NOTE_RE.match(n)]
        return (said[0] if said and said[0] else "unattributed"), "role"     # "Caller (Ana, Westport)": Ana
    return _held_role(role, bare, text, ctx)


_MIDDLE_INITIAL_RE = re.compile(r"(?<=[a-z] )[A-Z]\.(?= [A-Z])")


def _described(bare: str, common) -> str:
    """The full name a label writes before a comma and a description of its bearer ("POPPY
    EXAMPLE, HARBOUR ANCHOR" is Poppy Example, "ELLA EXAMPLE, THE PILOT'S MOTHER" Ella Example),
    else "": such a label introduces its speaker as a role would."""
    head, comma, desc = bare.partition(",")
    head = _cased(head.strip())
    return head if comma and desc.strip() and len(head.split()) >= 2 and person_name(head, common) == head else ""


def _initial_split(rest: str) -> tuple:
    """("A", "Ruiz") for a label of an initial and a surname ("A. Ruiz": the page's one Ruiz
    whose first name begins so), else ("", rest)."""
    m = re.fullmatch(r"([A-Z])\.[ \t]*(\S+)", rest)
    return (m.group(1), m.group(2)) if m else ("", rest)


def _initials_name(bare: str, names: dict) -> str:
    """The one full name the page gives whose words' initials a label of two or three capitals
    is ("AB" for "Ana Bellweather"), else "" (a label "UN" or "EU" matches no person's name)."""
    if not (bare.isalpha() and bare.isupper() and 2 <= len(bare) <= 3):
        return ""
    found = {n for held in names.values() for n in held
             if len(n.split()) == len(bare) and "".join(w[0] for w in n.split()) == bare}
    return found.pop() if len(found) == 1 else ""


def _held_role(role: str, bare: str, text: str, ctx) -> tuple:
    """(who, how) for a role label: the holder a removed header line gives the role, else for
    a bare role the one the text gives it, else the role as written; "The President" of a
    meeting with no header is no one ("President Ana Ruiz" in the text is another president)."""
    holder = _header_holder(role, ctx.get("removed", ""))
    if holder:
        return holder, "name"
    if bare.startswith("The "):
        # "The CHAIRMAN.": the one the text writes the role after ("Ana Ruiz, chairman of the panel")
        holder = _appositive_holder(role.split()[-1], text, ctx["common"]) if ctx.get("restated") else ""
        return (holder, "name") if holder else (None, "")
    holder = _role_holder(role.split()[-1], text, ctx["common"]) or _self_introduced(role, text, ctx["common"]) \
        or _programme_host(role, ctx.get("removed", ""), ctx["common"])
    if ctx.get("restated") and not holder:
        return None, ""     # a record's "President. –" holder unnamed: the chair's procedure, no one's words
    return (holder, "name") if holder else (_cased(bare), "role")


#: Roles of the one who runs a programme or a panel and opens it in their own voice.
_HOSTING_ROLES = {"host", "co-host", "cohost", "presenter", "moderator", "chair", "chairman", "chairwoman",
                  "chairperson", "anchor", "interviewer"}
#: A speaker introducing themselves: "My name is Ana Ruiz", "I'm Ana Ruiz", "This is Ana Ruiz".
_SELF_INTRO_RE = re.compile(r"(?:\b[Mm]y name is|\bI am|\bI'm|\bI\u2019m|\bThis is)[ \t]+"
                            rf"({_NAME_WORD}[ \t]{_NAME_WORD})(?![\w'\u2019-])")


def _self_introduced(role: str, text: str, common) -> str:
    """The holder of a hosting role ("MODERATOR:", "Host:") whose holder the text does not
    write beside the role: the one person the text has introduce themselves in the first
    person ("My name is Ana Ruiz, and I direct ..."), else ""."""
    if role.lower() not in _HOSTING_ROLES:
        return ""
    found = {m.group(1) for m in _SELF_INTRO_RE.finditer(text) if person_name(m.group(1), common) == m.group(1)}
    return found.pop() if len(found) == 1 else ""


#: A programme's title line naming its host at its end ("The Harbour Hour with Ana Ruiz").
_PROGRAMME_HOST_RE = re.compile(rf"(?m)^[^\n:]*\S[ \t]+with[ \t]+({_NAME_WORD}[ \t]{_NAME_WORD})[ \t]*$")


def _programme_host(role: str, removed: str, common) -> str:
    """The holder of a hosting role the page's removed header gives as the one its programme is
    "with" ("The Harbour Hour with Ana Ruiz" above "HOST:"), when one such line names one person, else ""."""
    if role.lower() not in _HOSTING_ROLES:
        return ""
    found = {m.group(1) for m in _PROGRAMME_HOST_RE.finditer(removed) if person_name(m.group(1), common) == m.group(1)}
    return found.pop() if len(found) == 1 else ""


def _appositive_holder(role: str, text: str, common) -> str:
    """The one person the text writes with the role after a comma ("Ana B. Ruiz, chairman of
    the panel"), a middle initial kept, else ""."""
    found = set()
    for m in re.finditer(rf"({_NAME_WORD})[ \t](?:([A-Z])\.[ \t])?({_NAME_WORD}),[ \t]+(?:the[ \t]+)?"
                         rf"(?i:{re.escape(role)})\b", text):
        if person_name(f"{m.group(1)} {m.group(3)}", common) == f"{m.group(1)} {m.group(3)}":
            found.add(" ".join(w for w in (m.group(1), m.group(2) and m.group(2) + ".", m.group(3)) if w))
    return found.pop() if len(found) == 1 else ""


def transcript_turns(text: str, resolver, ctx, raw: str = "") -> dict:
    """``_colon_turns`` of the text; when its colon labels make no transcript, of the text with
    its role labels written with no delimiter given one (``_bare_role_turns``: a briefing's "Q
    Is the pier shut?" beside its "MS. RUIZ:" answers); else of the text with the labels of
    another delimiter the page uses the same way restated as colon labels (``restate_labels``:
    "Senator HALE.", "Ana Ruiz (Greens). –", or a label alone on its line,
    ``furniture_turns.line_labels``: "ANA RUIZ, HOST", "Ana Ruiz  02:14"), where a label with a
    bracketed note or a description after its name ("Ana Ruiz, on behalf of the Greens") is
    the speaker's own introduction, as a parliament's record gives it. Cleaning keeps the lines
    ``line_labels`` finds, so the reader reads them in the cleaned text itself."""
    turns = _colon_turns(text, resolver, ctx, raw)
    if not turns:
        turns = _bare_role_turns(text, resolver, ctx, raw)
    restated = restate_labels(text) if not turns else text
    if restated == text:
        return turns
    ctx["restated"] = True
    try:
        return _colon_turns(restated, resolver, ctx, raw)
    finally:
        ctx.pop("restated", None)


#: A paragraph opening with a role word in capitals and no delimiter ("Q Is the pier shut?",
#: "HOST Welcome back."), the turn starting with a capital or a quotation mark.
_BARE_ROLE_RE = re.compile(r"\A(?P<label>[A-Z][A-Z-]*)[ \t]+(?=[A-Z\"\u201c\u2018'])")


def _bare_role_turns(text: str, resolver, ctx, raw: str) -> dict:
    """``_colon_turns`` of the text with the role labels it writes with no delimiter ("Q Is
    the pier shut?") given a colon, when one role label so written opens two paragraphs or
    more; a bare "A" counts only on a page with a bare "Q" ("A Russian official said" is
    prose). The page is a transcript only as the colon reader finds it one (other labels,
    or this one with another, recurring); each turn's offset is given in the text as it is."""
    paras = text.split("\n")
    hits = {p: m.group("label") for p, para in enumerate(paras)
            if (m := _BARE_ROLE_RE.match(para)) and m.group("label").lower() in ROLE_LABELS
            and (len(m.group("label")) > 1 or m.group("label") in "QA")}
    labels = list(hits.values())
    counted = {lab for lab in labels if labels.count(lab) >= 2 and (lab != "A" or "Q" in labels)}
    if not counted:
        return {}
    restated = list(paras)
    for p, lab in hits.items():
        if lab in counted:
            restated[p] = lab + ":" + paras[p][len(lab):]
    got = _colon_turns("\n".join(restated), resolver, ctx, raw)
    return {p: (t[0], t[1], max(0, t[2] - (len(restated[p - 1]) - len(paras[p - 1])))) + tuple(t[3:])
            for p, t in got.items()}


def _unmarked(paras: list) -> list:
    """The paragraphs with the one mark four or more of them open with before a colon label
    moved behind the label's colon ("\u25cbAna Ruiz (Greens): Thank you" becomes "Ana Ruiz
    (Greens):  Thank you", the turn where it was), or None when no mark is used that way."""
    marked = [(p, hit.group("mark"), hit.end()) for p, para in enumerate(paras)
              if (hit := LABEL_MARK_RE.match(para)) and _labelled(para[hit.end():])]
    marks = [m for _, m, _ in marked]
    mark = max(set(marks), key=marks.count) if marks else ""
    if marks.count(mark) < 4:
        return []
    out = list(paras)
    for p, m, n in marked:
        if m == mark:
            at = _labelled(paras[p][n:])[3]
            colon = paras[p][n:].rindex(":", 0, at) + 1
            out[p] = paras[p][n:n + colon] + " " * n + paras[p][n + colon:]
    return out


def restate_labels(text: str) -> str:
    """The text with the turn labels of one delimiter other than a colon restated as colon
    labels of the same length, or the text unchanged. A delimiter counts when four paragraphs
    or more open with its label and two labels or more recur among them (a page of prose whose
    paragraphs open "Mr. Smith." once or twice has no turns; a dash's labels, a record's names
    with seat or office, need one label to recur); the one used by more labelled
    paragraphs wins. "Ana Ruiz, on behalf of the Greens. – Thank you" becomes "Ana Ruiz (on
    behalf of the Greens):   Thank you"; "Senator HALE. Thank you" becomes "Senator HALE:
    Thank you"; a caption track's "[Ana Ruiz] Thank you" becomes "Ana Ruiz:  Thank you"."""
    paras = text.split("\n")
    restated = _unmarked(paras)
    labels = {} if restated else line_labels(paras)
    if labels:
        restated = list(paras)
        for p, label in labels.items():
            restated[p] = label
    if restated:
        return "\n".join(restated)
    best: list = []
    for delim, recurring in ((".", 2), ("-", 1), ("[]", 2)):
        hits = [(p, hit) for p, para in enumerate(paras) if (hit := inline_label(para, delim, marked=False))]
        keys = [hit.bare.split()[-1].lower() for _, hit in hits]
        if len(hits) >= 4 and sum(keys.count(k) >= 2 for k in set(keys)) >= recurring and len(hits) > len(best):
            best = hits
    for p, hit in best:
        para = paras[p]
        if hit.delim == "[]":      # "[Ana Ruiz] Thank you" becomes "Ana Ruiz:  Thank you"
            para = hit.label + ":".ljust(hit.end - len(hit.label)) + para[hit.end:]
        elif hit.desc:
            a, b = hit.desc_at, hit.desc_at + len(hit.desc)
            para = para[:a - 2] + " (" + para[a:b] + ")" + ":".ljust(hit.end - b - 1) + para[hit.end:]
        else:
            para = para[:hit.stop] + ":".ljust(hit.end - hit.stop) + para[hit.end:]
        paras[p] = para
    return "\n".join(paras)


def _colon_turns(text: str, resolver, ctx, raw: str = "") -> dict:  # noqa: C901
    """Paragraph id (1-based, as ``_sentence_spans`` counts) -> (speaker, label as written,
    offset of the turn's words in the paragraph) for each paragraph of a transcript that a
    labelled turn or its continuation holds; {} when the text is no transcript.

    A label resolves to a person when it names one in full ("Spokesperson Aibek Nurlanov") or
    by a first name or surname that one full name elsewhere in the text, or another label,
    carries ("Tobias", "HOLT", "Mr Talbridge"); a role with its holder in brackets to the holder
    ("The Minister of State (Ms Ruth Calloway)"); a reporter's or questioner's label to the
    outlet or person in its brackets ("Reporter (Astana Herald)", "QUESTION (Ekholm)"), else
    "unattributed"; a chat's submission to its sender ("Comment From Ana", ``asklabels``); another
    role ("Host", "Moderator") to the person the text gives that role, else stays the role as
    written ("Mr Speaker"); "Q" and "A" to the asker and answerer the text names before the
    first question; on a page whose answers are named turns (a briefing), a question with no
    asker named before to the one its words name at their start ("Ana Ruiz, Tidewater Radio.
    ..."), else "unattributed". A label resolving to none of these is no turn ("Music:", "Subscribe:").
    ``raw`` (the page before cleaning) gives the lines cleaning removed: a header naming the
    speaker with a role ("Ana Ruiz, Deputy Spokesperson") or a members list ("President: Mr.
    Ruiz") introduces a name as the story text does.

    An unlabelled paragraph after a turn goes on with its speaker when it speaks in the first
    or second person outside quotation marks ("Thank you for your attention.") and does not
    name that speaker: narration about the speakers stays narration. After the last label only
    one such paragraph does (a page's own "We publish every week" below it is no one's turn)."""
    paras = text.split("\n")
    found = []
    for p, para in enumerate(paras, start=1):
        hit = _labelled(para)
        if hit:
            found.append((p, *hit))
    if len(found) < 2:
        return {}
    common = ctx["common"]
    held = (ctx["last_person"], ctx["last_institution"])
    starts = [0]
    for para in paras:
        starts.append(starts[-1] + len(para) + 1)
    # the text without its labels: where a person a label names must be introduced
    pieces, last = [], 0
    for p, _label, _bare, _notes, at in found[:MAX_LABELS]:
        pieces += [text[last:starts[p - 1]], " " * at]
        last = starts[p - 1] + at
    unlabelled = "".join(pieces) + text[last:]
    kept = set(paras)
    removed = "\n".join(ln for ln in raw.split("\n") if ln.strip() and ln not in kept)
    ctx["removed"] = removed
    # a word the removed lines write in small letters is no name word there either ("Full Text
    # of Ruiz Interview" above "the interview in full": no person "Ruiz Interview")
    common = common | set(re.findall(r"(?<![\w'\u2019-])[a-z][a-z]+(?![\w'\u2019-])", removed))
    if ctx.get("restated"):     # a record's headings in capitals name its people ("STATEMENT OF ANA B. RUIZ")
        removed += "\n" + _CAPITALS_RE.sub(lambda m: _cased(m.group()), unlabelled + "\n" + removed)
    names: dict = {}        # first or last word -> the full names with it
    for _, name in _people(unlabelled + "\n" + removed, common):
        _index(names, name)
    if ctx.get("restated"):
        for name in _initialled(removed, common):
            _index(names, name)
    resolved: dict = {}
    seen: dict = {}
    accepted: set = set()
    shaped = set()          # labels that name someone, introduced or not: evidence of a transcript
    for p, _label, bare, notes, _at in found[:MAX_LABELS]:
        key = (bare, tuple(notes))
        if key not in seen:        # a label read once, however often it recurs
            # "QUESTION (Ekholm):", a chat's "Comment From Ana:" name who asks; else the label's own reading
            who, how = asking_label(bare, notes) or _label_speaker(bare, notes, text, names, resolver, ctx)
            if how:
                shaped.add(key)
            if how == "name" and who not in accepted and \
                    not _introduced(who, bare, notes, unlabelled + "\n" + removed, resolver, ctx):
                who, how = None, ""
            if how == "name":
                _index(names, who)
                accepted.add(who)       # "Ms Calloway" after "The Minister (Ms Ruth Calloway)"
            seen[key] = (who, how)
        resolved[p] = seen[key]
    _same_role_holder(seen)
    for p, _label, bare, notes, _at in found[:MAX_LABELS]:
        resolved[p] = seen[(bare, tuple(notes))]
    found = [f for f in found if f[0] in resolved]
    # a person the text introduces in full outside the label's own paragraph
    named = {who for who, how in set(resolved.values())
             if how == "name" and _surname_re(who).search(unlabelled + "\n" + removed)}
    if not _is_transcript([f[1:] for f in found if (f[2], tuple(f[3])) in shaped], named):
        return {}
    turns: dict = {}
    first_q = next((p for p, *_ in found if resolved[p][1] in {"asker", "answerer"}), None)
    pair = (None, None)
    if first_q is not None:
        pair = _interview_pair("\n".join(paras[:first_q - 1]), resolver, ctx)
    answers = any(how == "answerer" for _, how in resolved.values())
    _outlet_questions(found, paras, resolved, common)
    by_para = {f[0]: f for f in found}
    last_label = max(by_para)
    # a page that writes its stage notes in brackets ("(Applause)", "(As delivered)") writes no
    # narration between its turns: every other paragraph there is the speech going on
    # ("(As delivered)" in a page header cleaning removed, above the first label, counts)
    head = raw[:max(0, raw.find(paras[found[0][0] - 1]))].split("\n")
    captions = len(_CUE_TIMING_RE.findall(raw)) >= 4       # a caption track: its lines are all speech
    records = captions or any(STAGE_NOTE_RE.match(para) for para in paras[:last_label] + head)
    current = None       # (speaker, label) of the turn going on
    pending = False      # a label on a line of its own: the turn is the next paragraph
    host: tuple | None = None       # (speaker, label) of a phone-in's host
    callers: set = set()            # its callers' names
    last_turn = ""                  # the words of the last labelled turn
    for p, para in enumerate(paras, start=1):
        if p in by_para and not resolved.get(p, (None, ""))[1]:
            current = None      # "Music:", "Subscribe:": a label, no one's turn, and no turn goes on over it
            continue
        if p in by_para:
            _, label, bare, notes, at = by_para[p]
            who, how = resolved[p]
            if how in {"asker", "answerer"}:
                who = pair[0] if how == "asker" else pair[1]
            if how == "asker" and not who and not answers:
                # a briefing's "QUESTION:" put to named speakers (an explainer's "Q:" and "A:" are its own)
                who = _self_named(para[at:], common) or "unattributed"
            if how == "outlet":
                who = _self_named(para[at:], common) or "unattributed"
            if how == "name" and who:
                named = resolver.resolve(who, ctx, _context_of(who, text)) or who
                # a record's "Ana B. Ruiz" stays herself, not a heading's "Senators Ruiz" the surname finds
                # ... and a peer's "of" and seat stay in the name ("Lady Ada of Example", not "Lady Ada")
                peer = _cased(bare)
                who = who if ctx.get("restated") and named.split()[0] not in who.split() else \
                    (peer if " of " in peer and peer.startswith(named + " of ") else named)
            if who == "unattributed" and (called := handed_to(last_turn)):
                who = called    # "Go ahead, Steve." then "Q Is the ...?": Steve asks
            last_turn = para[at:]
            current = (who, label) if who else None       # a label naming no one ends the turn
            role = _role_words(bare)[0].lower().split()[-1:]
            if who and who != "unattributed" and role:     # a phone-in's host, and its callers by name
                host, callers = (current, callers) if role[0] in _HOSTING_ROLES else \
                    (host, callers | ({who} if role[0] in ASKING_ROLES else set()))
            pending = at >= len(para.rstrip())
            if current and not pending:
                turns[p] = (current[0], label, at)
            continue
        if not para.strip():
            continue
        if STAGE_NOTE_RE.match(para):
            # "(Applause)", "(Ana Ruiz [Greens]: Nonsense!)": a note in brackets is no one's speech and
            # does not end the turn; a member's interjection in it is that member's
            heckle = _interjection(para, accepted, text, names, resolver, ctx)
            if heckle:
                turns[p] = heckle
            continue
        if captions and _CHANGE_DASH_RE.match(para):
            # a caption's "- Yes.": another speaker, whom no label names (a record's "– Colleague
            # Ana, ..." answers a heckle: the same speaker goes on)
            current = None
            continue
        if host and callers and p < last_label and host_line(para, callers):
            current = host      # "Thanks, Tom. Line two?": a line the label dropped runs the programme
            turns[p] = (host[0], host[1], 0)
            continue
        if current and (pending or _goes_on(para, current[0]) or (
                records and (p < last_label or captions) and not _surname_re(current[0]).search(para))):
            turns[p] = (current[0], current[1], 0)
            pending = False
            if p > last_label and not captions:
                current = None      # after the last label, one closing paragraph at most ("Thank you all.")
            continue
        current = None
    _opening_turn(turns, paras, min(by_para))
    ctx["last_person"], ctx["last_institution"] = held     # the one who speaks a turn is not who "he" is
    return turns


#: A caption track's cue timing ("00:01:02,500 --> 00:01:05,000") and a caption line opening
#: with a dash, which marks a change of speaker within a cue.
_CUE_TIMING_RE = re.compile(r"\d{1,2}:\d{2}:\d{2}[,.]\d{3}[ \t]*-->")
_CHANGE_DASH_RE = re.compile(r"\A[-\u2013\u2014][ \t]+(?=\S)")


def _opening_turn(turns: dict, paras: list, first_label: int) -> None:
    """A paragraph before the first label in which one of the page's speakers introduces
    themselves ("My name is Ana Ruiz, and I chair ...") is that speaker's opening turn."""
    speakers = {who for who, _, _ in turns.values()}
    for p in range(1, first_label):
        m = _SELF_INTRO_RE.search(paras[p - 1])
        if m and p not in turns:
            who = next((w for w in speakers if same_person(w, m.group(1))), None)
            if who:
                turns[p] = (who, m.group(), 0)


#: A paragraph wholly in brackets: a record's stage note ("(Applause from the Greens)", "[Laughter]").
STAGE_NOTE_RE = re.compile(r"\A\s*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)|\[[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*\])\s*\Z")
#: Where an interjection starts in a stage note: its opening bracket, or a dash between two notes.
_HECKLE_START_RE = re.compile(r"\A\s*[(\[]|\s[\u2013\u2014-]\s")


def _interjection(note: str, accepted: set, text: str, names: dict, resolver, ctx):
    """(speaker, label, offset) of the one interjection a stage note holds ("(Applause - Ana Ruiz
    [Greens]: Nonsense!)"), when its label names one of the page's speakers with a turn of their
    own; else None (two interjections in one note are left: a turn runs to its paragraph's end)."""
    hits = []
    for m in _HECKLE_START_RE.finditer(note):
        hit = _labelled(note[m.end():])
        if hit:
            hits.append((m.end(), hit))
    if len(hits) != 1:
        return None
    start, (label, bare, notes, at) = hits[0]
    who, how = _label_speaker(bare, notes, text, names, resolver, ctx)
    if how != "name" or who not in accepted:
        return None
    return resolver.resolve(who, ctx, _context_of(who, text)) or who, label, start + at


def _same_role_holder(seen: dict) -> None:
    """A bare role label ("Host:", "The Chair:") is the holder the same role's label names in
    brackets elsewhere on the page ("Host (Nadia Brennan):"), when it names only one; a role that asks
    ("Reporter") is many people and keeps its own reading."""
    holders: dict = {}
    for (bare, notes), (who, how) in seen.items():
        role, rest = _role_words(bare)
        if how == "name" and role and not rest and notes:
            holders.setdefault(role.lower(), set()).add(who)
    for (bare, notes), (_who, how) in list(seen.items()):
        role, rest = _role_words(bare)
        # ("The Chair:", no one by itself, is the chair "The Chair (Mr. Ana Ruiz):" names on the page)
        if (how == "role" or not how and bare.startswith("The ")) and role and not rest and not notes \
                and role.split()[-1].lower() not in ASKING_ROLES \
                and len(holders.get(role.lower(), ())) == 1:
            seen[(bare, notes)] = (next(iter(holders[role.lower()])), "name")


def _outlet_questions(found: list, paras: list, resolved: dict, common) -> None:
    """Questions labelled by who asks for an outlet ("Fjord Daily:", "Coastal TV:") in a
    briefing: a label that resolves to no one, is no person's full name, asks ("?") and is
    answered by the named turn after it becomes a question, put to the turn's own self-named
    asker else "unattributed", when two such labels or more, not one, ask on the page (a
    briefing's many outlets, not an interview's one unnamed host)."""
    asks = {}
    for (p, _label, bare, _notes, at), nxt in zip(found, found[1:]):
        cased = _cased(bare) if bare.isupper() else bare      # "Valley TV" keeps its acronym
        if resolved[p][1] or "?" not in paras[p - 1][at:] or resolved[nxt[0]][1] != "name" or \
                (len(cased.split()) >= 2 and person_name(cased, common) == cased):
            continue
        asks[p] = bare
    if len(set(asks.values())) >= 2:
        for p in asks:
            resolved[p] = (None, "outlet")


#: Labelled paragraphs read per text: a transcript has dozens; a text of thousands of "X:" lines
#: is read up to this many, so that no text makes the reading slower than linear.
MAX_LABELS = 500


#: A short greeting or thanks of one to three words opening a question ("Thank you.", "Good morning.").
_GREETING_RE = re.compile(r"\A(?:[A-Za-z]+[ ,]+){0,2}[A-Za-z]+[.!][ \t]+(?=[A-Z])")


def _self_named(turn: str, common) -> str:
    """The asker a question names at its start, before a comma ("Ana Ruiz, Tidewater Radio.
    ..."), or after a greeting of three words at most ("Thank you. Ana Ruiz, ..."), else ""."""
    greeting = _GREETING_RE.match(turn)
    if greeting:
        turn = turn[greeting.end():]    # "Thank you. Ana Ruiz, Tidewater Radio.": a greeting before the name
    m = _TWO_NAME_WORDS_RE.match(turn)
    if not m or not turn[m.end():].startswith(","):
        return ""
    name = person_name(m.group(), common)
    return name if name == m.group() else ""


#: A peer's title: with the name after it, a peer's full style ("Lord Example", "Baroness Ada of Example").
_PEER_RE = re.compile(r"\A(?:Lord|Lady|Baroness|Baron|Viscount|Viscountess|Earl|Countess|Marquess|Duke|Duchess)\s+")


def _member(bare: str, notes: list) -> bool:
    """A peer known by title and name, a party in brackets ("Lady Ada of Example (Ind)", "Lord
    Example (Con)"): a peer's style is the peer's full name, though the page gives no other
    (a "Mr. Example (Estonia)" is a surname only, no one the rules can name)."""
    return bool(_PEER_RE.match(_cased(bare))) and any(not _STAMP_NOTE_RE.match(n) for n in notes)


def _surname_re(name: str):
    return re.compile(rf"(?<![\w-]){re.escape(name.split()[-1])}(?![\w-])")


def _introduced(who: str, bare: str, notes: list, unlabelled: str, resolver, ctx) -> bool:
    """Is the person a label names someone the page gives: named outside the labels (an
    introduction, "our guest today, Tobias Lindqvist", or a turn's own words, "I'm Maureen
    Holt"), known to the registry, or labelled with a role ("Spokesperson Aibek Nurlanov", "LIDIA
    MARSH (PRESENTER)"), a role's holder in brackets, or a courtesy title with bracketed notes (a member with seat and
    party)? A name that only labels turns is not enough: nobody on the page says who that is."""
    role, _ = _role_words(bare)
    if role or any(_note_name(n) or n.lower() in ROLE_LABELS for n in notes) or (_COURTESY_RE.match(bare) and notes):
        return True
    if _described(bare, ctx["common"]) == who:
        return True     # "POPPY EXAMPLE, HARBOUR ANCHOR": the label says who she is
    if ctx.get("restated") and any(n and not _STAMP_NOTE_RE.match(n) for n in notes):
        return True     # a record's "Ana Ruiz, on behalf of the Greens. –": the label introduces its speaker
    return bool(_surname_re(who).search(unlabelled)) or bool(resolver.registered(who, ctx))


def _context_of(name: str, text: str) -> str:
    """The text around where ``name`` is first written in full (for its title), or ""."""
    at = text.find(name)
    return text[max(0, at - 200):at + len(name) + 200] if at >= 0 else ""


def _goes_on(para: str, speaker: str) -> bool:
    """Does an unlabelled paragraph continue the turn of ``speaker``: first or second person
    outside quotation marks, no mention of the speaker's surname, and sentence punctuation at its end."""
    plain = _QUOTED_RE.sub(" ", para)
    if not _PERSON_WORD_RE.search(plain) or not para.rstrip().endswith((".", "?", "!", "\u201d", '"')):
        return False
    return not re.search(rf"(?<![\w-]){re.escape(speaker.split()[-1])}(?![\w-])", plain)


_APPOSITION_GAP_RE = re.compile(r",\s+(?:[A-Z][\w.-]*\s+){0,3}")
_OWNED_ROLE_RE = re.compile(r"(?:['\u2019]s)?\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*\s*,")


def appositive_possessor(text: str, prev_end: int, start: int, end: int) -> bool:
    """Whether the person named at ``start:end`` (a possessive) only owns the role in an
    apposition to the person named just before, ending at ``prev_end`` ("Dmitry Peskov,
    President Vladimir Putin's press secretary, ..."): the person the apposition describes,
    not its owner, is who a later "he" or "she" is."""
    return bool(_APPOSITION_GAP_RE.fullmatch(text, prev_end, start) and _OWNED_ROLE_RE.match(text, end))
