"""Printed Q&A interviews: a page that introduces one interviewee ("We spoke to Ana Ruiz, a
fellow at ...", "Q&A: Ana Ruiz on ...", "Ana Ruiz talked to the Ledger about ...") and then
alternates questions and answers. A question is a line ending with "?" (cleaning often drops
it as a subhead: it is read in the raw page between two kept paragraphs), or a paragraph
labelled "Q:", "Question:" or by the one who asks ("Ledger:", "TR:"); an answer is every
paragraph after a question up to the next one, unlabelled or labelled "A:", "Answer:" or by the
interviewee's surname or initials.

``interview_turns`` returns, in the shape of ``turns.transcript_turns``, paragraph id
(1-based) -> (speaker, label as written or the speaker's name, offset of the answer's words
after its label, "answer") for each answer paragraph; ``quotes`` gives each sentence of such a paragraph
to the interviewee as a ``direct`` row with no verb, and reads the quotations and statements
inside it as in prose. Questions get no row (they are no one's statements; a question that
reports someone is read as prose). Evidence is strict, else {}: two question-and-answer pairs
or more, and exactly one interviewee named by an interview cue in the page's header or the
paragraphs before the first question (the one the cue names, less any "Interview by ..."
asker), or, with no cue, by answer labels that are a surname or initials of the one full
name the header gives with that surname."""

from __future__ import annotations

import functools
import re

from inf_coverage.extract.figures import same_person
from inf_coverage.extract.namewords import NAME_WORD
from inf_coverage.extract.personnames import person_name
from inf_coverage.ingest.furniture_turns import inline_label

#: The most paragraphs (and raw lines) read: bounded work on any page.
MAX_PARAS = 2000
#: The longest question read; a longer paragraph ending in "?" is an answer's rhetoric.
MAX_QUESTION_WORDS = 60
#: The most raw characters searched for a kept paragraph after the one before it.
MAX_GAP_CHARS = 50000
#: The most characters of header and intro read for the interviewee's cue.
MAX_HEAD_CHARS = 20000
#: The longest line of the raw page read as a question.
MAX_QUESTION_CHARS = 400
_NAME = rf"(?P<name>{NAME_WORD}(?:[ \t]{NAME_WORD}){{1,3}})"
#: Marks that make a line look bold or a heading in pasted copy ("**What next?**", "## Why now?").
_EMPHASIS_RE = re.compile(r"\A[#*_\s]+|[*_\s]+\Z")
#: A question's or an answer's role label: "Q:", "Q.", "Question:", "A -", "Answer:".
_ROLE_LABEL_RE = re.compile(r"\A[*_]*(?P<role>Q|A|Question|Answer|QUESTION|ANSWER)[*_]*[ \t]*"
                            r"(?::|\.(?=[ \t])|[ \t][-\u2013\u2014])[*_]*[ \t]*")
#: Words between a cue and the name: titles and descriptions ("the former inspector", "Czech
#: diplomat"), never a preposition or the press ("spoke to reporters about Ana Ruiz").
_TITLE_GAP = (r"(?:(?!(?:about|on|after|before|in|at|for|over|from|that|and|when|while|during|by|of|with|to"
              r"|reporters|journalists|media|press)\b)(?:[a-z][a-z-]+|[A-Z][a-z]+\.?),?[ \t]+){0,4}?")
#: Cues in the outlet's own voice that name the interviewee after them: "We spoke to", "I talked
#: with", "We have put these questions to", "The Ledger caught up with" (the page's outlet),
#: "our interview with"; ``_cues`` compiles them for one outlet.
_OUTLET_CUE = (r"(?:[ \t]+(?:have|has|had|recently))?[ \t]+(?:(?:spoke|talked|chatted|caught[ \t]+up|sat[ \t]+down)"
               r"[ \t]+(?:to|with)|asked|interviewed|put[ \t]+(?:our|these|some|a[ \t]+few)[ \t]+questions[ \t]+to)")
#: Cues of a short title line ("Q&A: Ana Ruiz on ...", "In conversation with Ana Ruiz", "Five
#: questions for Ana Ruiz", "Interview with Ana Ruiz"): read only in a line of a few words.
_CUE_TITLE_RE = re.compile(
    r"(?:\b[Ii]nterview(?:[ \t]+with|[ \t]*:)|\b[Qq]uestions[ \t]+(?:for|to)|\bQ[ \t]*&[ \t]*A(?:[ \t]+with|[ \t]*:)"
    r"|\b[Cc]onversation[ \t]+with)[ \t]+" + _TITLE_GAP + _NAME)
#: The most words of a title line read for ``_CUE_TITLE_RE``.
MAX_TITLE_WORDS = 16
#: Cues that name the interviewee before them, in the outlet's voice: "Ana Ruiz talked to us",
#: "Ana Ruiz, a fellow at X, spoke with our reporter", "Ana Ruiz answers our questions".
_ONE = rf"(?P<name>{NAME_WORD}(?:[ \t]{NAME_WORD}){{0,3}})"


@functools.lru_cache(maxsize=64)
def _cues(outlet: str) -> tuple:
    """The cues in the outlet's voice, "we" or "I" or the outlet's name as their subject:
    before the name ("We spoke to Ana Ruiz") and after it ("Ana Ruiz talked to us", "Ana Ruiz
    spoke with the Ledger", "Ana Ruiz answers our questions")."""
    voice = r"(?:[Ww]e|I" + (rf"|{re.escape(outlet)}" if outlet.strip() else "") + ")"
    before = re.compile(rf"(?:\b{voice}{_OUTLET_CUE}|\b(?:[Oo]ur|[Tt]his)[ \t]+(?:interview|conversation)[ \t]+with)"
                        rf"[ \t]+{_TITLE_GAP}{_ONE}")
    heard = r"(?:us|our" + (rf"|{re.escape(outlet)}" if outlet.strip() else "") + r")\b"
    after = re.compile(_ONE + r"(?:,[^,.\n]{1,120},)?[ \t]+(?:spoke|talked|speaks|talks)[ \t]+(?:to|with)[ \t]+"
                       + heard + "|" + _ONE.replace("name", "name2") +
                       r"(?:,[^,.\n]{1,120},)?[ \t]+answer(?:s|ed)[ \t]+(?:our|your)[ \t]+questions")
    return before, after


#: A second person named right after the first ("... Ana Ruiz and the mayor, Ivo Brandt").
_AND_NAME_RE = re.compile(r",?[ \t]+(?:and|&)[ \t]+" + _TITLE_GAP + rf",?[ \t]*{NAME_WORD}")
#: The one who asks, who is not the interviewee: "Interview by Ana Ruiz", "interviewed by", "By Ana Ruiz".
_ASKER_RE = re.compile(r"(?:\b(?:[Ii]nterview(?:ed)?|[Qq]uestions|[Aa]sked|conducted)[ \t]+by|\A[ \t]*[Bb]y)[ \t]+"
                       + _NAME,
                       re.M)
#: An editor's note on the interview ("This interview has been condensed and edited."): no answer.
_NOTE_RE = re.compile(r"\b(?:interview|conversation|exchange|transcript|Q&A)\b[^\n]{0,80}"
                      r"\b(?:edited|condensed|abridged|translated|shortened)\b", re.I)
#: "the" or "our" right before a name: an outlet or a publication ("the Eastgate Review").
_OUTLET_BEFORE_RE = re.compile(r"\b(?:the|The|our|Our)[ \t]+\Z")
_QUOTED_RE = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"\n]*\"")


def _plain(line: str) -> str:
    return _EMPHASIS_RE.sub("", line)


def _asks(line: str) -> bool:
    """A line or paragraph that is a question: it ends with "?" (a closing mark or bold after
    it allowed) and is short."""
    s = _plain(line).rstrip("\"\u201d)")
    return s.endswith("?") and len(s.split()) <= MAX_QUESTION_WORDS


def _label(para: str):
    """(kind, label as written, bare, offset of the words after it): kind "q" or "a" for a
    role label, "name" for another colon label ("Ledger:", "Ruiz:", "TR:"), else None."""
    m = _ROLE_LABEL_RE.match(para)
    if m and para[m.end():].strip():
        return ("q" if m.group("role")[0] in "Qq" else "a"), para[:m.end()].strip(), m.group("role"), m.end()
    hit = inline_label(para, ":", marked=False)
    if hit and para[hit.end:].strip():
        return "name", hit.label, hit.bare, hit.end
    return None


def _gaps(paras: list, raw: str) -> list:
    """For each paragraph, whether the raw page drops a question right above it (between it
    and the paragraph before); the first paragraph's gap is the page header and never counts."""
    out = [False] * len(paras)
    if not raw:
        return out
    pos = raw.find(paras[0].strip()[:40]) if paras and paras[0].strip() else -1
    if pos < 0:
        return out
    pos += len(paras[0].strip())
    for p in range(1, len(paras)):
        head = paras[p].strip()[:40]
        if not head:
            continue
        at = raw.find(head, pos, pos + MAX_GAP_CHARS)      # bounded: a paragraph not found costs one window
        if at < 0:
            continue
        lines = [ln for ln in raw[pos:at].split("\n") if ln.strip()]
        out[p] = any(len(ln) <= MAX_QUESTION_CHARS and (_asks(ln) or (_label(_plain(ln)) or ("",))[0] == "q")
                     for ln in lines[-3:])
        pos = at + len(paras[p].strip())
    return out


def _header_asks(first: str, raw: str) -> bool:
    """Whether the raw page's last line above the first kept paragraph is a question."""
    at = raw.find(first.strip()[:40]) if raw and first.strip() else -1
    lines = [ln for ln in raw[max(0, at - 4000):max(0, at)].split("\n") if ln.strip()]
    return bool(lines) and len(lines[-1]) <= MAX_QUESTION_CHARS and _asks(lines[-1])


def _key(bare: str) -> str:
    return bare.split()[-1].lower() if bare.split() else ""


def _candidates(head: str, common, outlet: str = "") -> set:
    """The people an interview cue names in the header and intro, less the ones who ask."""
    askers = {m.group("name") for m in _ASKER_RE.finditer(head)}
    found = set()
    titles = "\n".join(ln for ln in head.split("\n") if len(ln.split()) <= MAX_TITLE_WORDS)
    hits = [(m, head) for rx in _cues(outlet) for m in rx.finditer(head)]
    for m, within in hits + [(m, titles) for m in _CUE_TITLE_RE.finditer(titles)]:
        group = "name" if m.groupdict().get("name") else "name2"
        if _OUTLET_BEFORE_RE.search(within, max(0, m.start(group) - 8), m.start(group)):
            continue    # "our conversation with the Harbour Review": an outlet, no person
        name = m.group(group)
        if _AND_NAME_RE.match(within, m.end(group)):
            return set()    # "We spoke to Ana Ruiz and Ivo Brandt": two interviewees, no one answer's speaker
        full = person_name(name, common) if " " in name else _label_holder({name.lower()}, head, common)
        if full and len(full.split()) >= 2 and (full in name or " " not in name):
            found.add(full)     # "Renner talked to us": the one Renner the page names in full
    found = {n for n in found if not any(same_person(n, a) or n in a for a in askers)}
    return {n for n in found if not any(o != n and same_person(o, n) and len(o) > len(n) for o in found)}


def _label_holder(keys: set, head: str, common) -> str:
    """The one full name in the header and intro whose surname, or whose initials, every
    answer label is ("Ruiz", "AR"), else ""."""
    people = set()
    for m in re.finditer(_NAME, head):
        full = person_name(m.group("name"), common)
        if full and len(full.split()) >= 2:
            people.add(full)
    hits = {n for n in people if all(k in {n.split()[-1].lower(), "".join(w[0] for w in n.split()).lower()}
                                     for k in keys)}
    merged = {n for n in hits if not any(o != n and same_person(o, n) and len(o) > len(n) for o in hits)}
    return merged.pop() if len(merged) == 1 else ""


def interview_turns(text: str, raw: str, resolver, ctx, outlet: str = "") -> dict:  # noqa: C901
    """Paragraph id -> (interviewee, label, offset) for each answer of a Q&A interview; {}
    when the page is none (see the module's docstring for the evidence)."""
    paras = text.split("\n")[:MAX_PARAS]
    if len(paras) < 2:      # two answers at least
        return {}
    common = ctx.get("common", frozenset())
    gaps = _gaps(paras, raw)
    labels = [_label(p) for p in paras]
    name_keys = [_key(lab[2]) for lab in labels if lab and lab[0] == "name"]
    # a name label that recurs and only asks is the interviewer's or the outlet's ("Ledger:")
    asking = {k for k in set(name_keys) if name_keys.count(k) >= 2 and all(
        _asks(paras[p]) for p, lab in enumerate(labels) if lab and lab[0] == "name" and _key(lab[2]) == k)}
    kinds = []
    for p, para in enumerate(paras):
        lab = labels[p]
        if lab and (lab[0] == "q" or (lab[0] == "name" and _key(lab[2]) in asking)):
            kinds.append("q")
        elif p > 0 and not lab and _plain(para).rstrip("\"\u201d)").endswith("?"):
            # a question, however long its preamble ("Peskov said ... . Do you believe him?"); an
            # answer's closing rhetorical question goes unread (precision first)
            kinds.append("q")
        else:
            kinds.append("q-gap" if gaps[p] else "")
    if not kinds[0] and labels[0] and _header_asks(paras[0], raw) and (labels[0][0] == "a" or (
            labels[0][0] == "name" and name_keys.count(_key(labels[0][2])) >= 2 and _key(labels[0][2]) not in asking)):
        kinds[0] = "q-gap"      # the intro dropped with the header: a labelled answer under the header's question
    first_q = next((p for p, k in enumerate(kinds) if k), None)
    if first_q is None or first_q == 0 and kinds[0] == "q":
        return {}
    head_end = first_q
    raw_head = raw[:raw.find(paras[head_end].strip()[:40])] if raw and paras[head_end].strip() else ""
    head = (raw_head[:8000] + "\n" + "\n".join(paras[:head_end]))[:MAX_HEAD_CHARS]
    answer_keys = {_key(lab[2]) for p, lab in enumerate(labels) if lab and lab[0] == "name" and p >= first_q
                   and _key(lab[2]) not in asking}
    found = _candidates(head, common, outlet)
    if len(found) > 1:
        return {}
    who = next(iter(found)) if found else (_label_holder(answer_keys, head, common) if answer_keys else "")
    if not who:
        return {}
    if answer_keys and not _label_holder(answer_keys, who, common):
        return {}       # answers labelled by someone other than the one the cue names
    surname = re.compile(rf"(?<![\w-]){re.escape(who.split()[-1])}(?![\w-])")
    turns: dict = {}
    pairs = 0
    answering = fresh = False
    for p, para in enumerate(paras):
        if p < first_q or not para.strip():
            continue
        lab = labels[p]
        if kinds[p] == "q":
            answering = fresh = True
            continue
        if kinds[p] == "q-gap":
            answering = fresh = True
        if not answering:
            continue
        at = 0
        if lab and (lab[0] == "a" or (lab[0] == "name" and _key(lab[2]) in answer_keys)):
            at = lab[3]
        elif lab:
            answering = False       # another speaker's label: the answer run ends
            continue
        plain = _QUOTED_RE.sub(" ", para[at:])
        if _NOTE_RE.search(para) or surname.search(plain) or para.lstrip().startswith(("(", "[")):
            answering = False       # an editor's note, a paragraph about the interviewee: no answer
            continue
        pairs += fresh
        fresh = False
        turns[p + 1] = (who, lab[1] if at else who, at)
    if pairs < 2:
        return {}
    speaker = resolver.resolve(who, ctx, head[-2000:]) or who
    return {p: (speaker, label if label != who else speaker, at, "answer") for p, (_, label, at) in turns.items()}


def own_answers(rows: list, answer_rows: set) -> list:
    """The quote rows without the interviewee's row of an answer sentence that also reports
    someone else's words (another speaker's row in the same sentence: "Ryabkov said in June
    that ...", "As Lavrov put it, ..."): such a sentence keeps only the statement it reports,
    as a pasted post that reports someone does (precision first). ``answer_rows`` holds the
    indices of the answer rows; a row is (article, outlet, sentence id, ..., speaker at 5, ...)."""
    if not answer_rows:
        return rows
    others = {(r[0], r[2], r[5]) for k, r in enumerate(rows) if k not in answer_rows}
    spoken = {(a, s) for a, s, _ in others}
    return [r for k, r in enumerate(rows) if k not in answer_rows or
            (r[0], r[2]) not in spoken or (r[0], r[2], r[5]) in others and
            len({w for a, s, w in others if (a, s) == (r[0], r[2])}) == 1]
