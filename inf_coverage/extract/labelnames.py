"""People named by the labels that take turns on a page, in forms the other discovery rules do
not read: an asking role with its person in brackets ("CALLER (Jo, Leeds):", "QUESTION
(Weber):"), a live chat's reader comments ("Comment From Jo:"), and a peer's title line above
each speech of a house record ("Lord Avonmere of Tain (Con)").

Evidence, not wording: a label counts only when the article gives two such labels or more (a
record or a phone-in gives every turn one), and a bracketed or commenting name must be name-shaped,
never a word the texts write in lower case ("Comment From Guest:" is no one's name), nor a title,
role or known thing."""
from __future__ import annotations

import re

import pandas as pd

from inf_coverage.extract.namewords import NAME_WORD, UPPER
from inf_coverage.extract.turns import ROLE_LABELS
from inf_coverage.ingest.text import _rows

#: A bracketed person after a role label in capitals, one name word or more, an initial allowed,
#: an optional courtesy title before it and a place after a comma ("CALLER (Dr Jo Hale, Leeds):").
_BRACKET_LABEL_RE = re.compile(
    rf"(?:\[[\d:.]+\][ \t]*)?(?P<role>[{UPPER}]{{2,}}(?: [{UPPER}]{{2,}})?)[ \t]*\((?:(?:Mr|Mrs|Ms|Dr|Prof)\.? )?"
    rf"(?P<name>{NAME_WORD}(?: {NAME_WORD}){{0,2}}(?: [{UPPER}]\.)?)(?:, [^()\n]{{1,40}})?\)[ \t]*:")
#: A live chat's reader comment, its time before it ("[14:02] Comment From Jo T.:").
_COMMENT_RE = re.compile(rf"(?:\[[\d:.]+\][ \t]*)?Comment [Ff]rom (?P<name>{NAME_WORD}(?: {NAME_WORD})?"
                         rf"(?: [{UPPER}]\.)?)[ \t]*:")
#: A subtitle file's speaker in square brackets and capitals before the words spoken, two to four
#: words, a particle among them ("[ANNA VAN DER BERG] Good evening."), not "[MUSIC]".
_PARTICLES = "VAN|VON|DE|DER|DEN|DA|DI|DU|LE|LA|AL|BIN|IBN"
_CAPS_WORD = rf"[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})?"
_CAPS_BRACKET_RE = re.compile(rf"\[(?P<name>{_CAPS_WORD}(?: (?:(?:{_PARTICLES}) ){{0,2}}{_CAPS_WORD}){{1,2}})\]"
                              r"[ \t]+\w")
#: Peers' titles written before their name and territory.
PEER_TITLES = "Lord|Baroness|Baron|Lady|Viscount|Viscountess|Earl|Countess|Marquess|Duke|Duchess"
#: A peer's line alone, a party or bench in brackets after it ("Baroness Kell of Ardrie (LD)").
_PEER_LINE_RE = re.compile(rf"[ \t]*(?P<name>(?:{PEER_TITLES}) {NAME_WORD}(?: of {NAME_WORD}(?: {NAME_WORD})?)?)"
                           r"(?: \([A-Za-z ]{1,20}\))?[ \t]*")


#: Superscript marks that tie an author to an affiliation ("Anna Berg\u00b9", "Jo Hale*").
_MARK = "[\u00b9\u00b2\u00b3\u2070\u2074-\u2079*\u2020\u2021]+(?:,[\u00b9\u00b2\u00b3\u2070\u2074-\u2079])*"
_MARKED_NAME = (rf"(?P<name>{NAME_WORD}(?: [{UPPER}]\.)?(?: {NAME_WORD}){{1,2}})"
                r"(?<![\u00b9\u00b2\u00b3\u2070\u2074-\u2079])" + _MARK)   # a name word may take in a superscript
#: A paper's author line: two marked names or more, a comma or "and" between them.
_AUTHOR_LINE_RE = re.compile(rf"[ \t]*{_MARKED_NAME.replace('?P<name>', '')}(?:(?:,? and |, ?)"
                             rf"{_MARKED_NAME.replace('?P<name>', '')})+[ \t]*")


def _caps_name(caps: str) -> str:
    """A name written in capitals in title case, its particles in lower case ("Anna van Berg")."""
    return " ".join(w.lower() if re.fullmatch(_PARTICLES, w) else "-".join(p.capitalize() for p in w.split("-"))
                    for w in caps.split())


#: What a text calls a source of news, before or after its name ("the news agency Interfax",
#: "Reuters news agency", "Ostwind TV").
_MEDIUM = (r"(?:news |press |wire )?agency|newswire|wire service|news service|newspaper|daily|weekly|broadcaster"
           r"|channel|magazine|outlet|TV|[Tt]elevision|[Rr]adio")
#: A name the texts use for a source of news: a dateline's source ("MOSCOW (Reuters) -"), a medium's
#: word beside it, a report it carries ("an Interfax report") or one it is credited with ("told Reuters
#: news agency").
_MEDIUM_NAME_RE = re.compile(
    rf"\((?P<a>{NAME_WORD})(?:/[^()]{{1,20}})?\)\s*[-\u2013\u2014]"
    rf"|\b(?:{_MEDIUM}) (?P<b>{NAME_WORD})\b"
    rf"|\b(?P<c>{NAME_WORD}) (?:{_MEDIUM}|report|dispatch|reporter|correspondent)s?\b")


def media_names(sents: pd.DataFrame, articles: pd.DataFrame | None = None) -> set:
    """The names ``sents`` (and the pages of ``articles``, their furniture too) use for a source
    of news (``_MEDIUM_NAME_RE``), and the outlets' names and their words ("Northgate Press
    Agency" gives "Northgate" too): an asker's bracket that holds one ("QUESTION (Reuters):")
    names where the question came from, not who asked."""
    text = " ".join(sents.text.astype(str))
    if articles is not None and "raw_text" in articles:
        text += " " + " ".join(articles.raw_text.astype(str))
    out = {m.group("a") or m.group("b") or m.group("c") for m in _MEDIUM_NAME_RE.finditer(text)}
    for outlet in set(sents.outlet.astype(str)) if "outlet" in sents else set():
        out |= {outlet, *outlet.split()}
    return out


def _no_name(name: str, drop: set, not_names: set, common: set) -> bool:
    """Whether a label's name is no person's: a known thing, a role, title or word the texts
    write in lower case ("Guest", "Audience")."""
    words = [w for w in name.split() if not re.fullmatch(rf"[{UPPER}]\.", w)]
    return (name in drop or any(w in drop for w in words)
            or any(w.lower() in not_names or w.lower() in ROLE_LABELS or w.lower() in common for w in words))


#: A turn label that is a name in title case, a courtesy title allowed, at a sentence's start
#: before a colon ("Anna Holm: We were clear.", "Dr. Anna K. Holm: Thank you.").
_NAME_LABEL_RE = re.compile(rf"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.? )?"
                            rf"(?P<name>{NAME_WORD}(?: [{UPPER}]\.)?(?: {NAME_WORD}){{1,2}}):[ \t]+\S")


def name_label_rows(sents: pd.DataFrame, drop: set, not_names: set, common: set) -> list:
    """Rows (as ``bracket_label_rows``, cue "name label") for a name in title case that labels two
    turns or more of one article ("Anna Holm: ..." twice): a transcript's speaker. A label of
    words the texts write in lower case, or of a title, role or known thing, is no name ("Also
    Read:", "Our Standards:", ``_no_name``)."""
    out: list = []
    for _aid, group in sents.groupby("article_id", sort=False):
        found: dict = {}
        for aid, outlet, sid, base, text in _rows(group, ["article_id", "outlet", "sentence_id", "start", "text"]):
            m = _NAME_LABEL_RE.match(text)
            if m and not _no_name(m.group("name"), drop, not_names, common):
                found.setdefault(m.group("name"), []).append(
                    (aid, outlet, sid, base + m.start("name"), base + m.end("name"), m.group("name"), "name label", ""))
        out += [rows[0] for rows in found.values() if len(rows) >= 2]
    return out


def bracket_label_rows(sents: pd.DataFrame, drop: set, not_names: set, articles: pd.DataFrame | None = None) -> list:
    """Rows ``(article_id, outlet, sentence_id, start, end, name, cue, cue_word)`` for the person
    a turn label names in brackets after a role ("QUESTION (Weber):" gives "Weber", cue_word
    "question"), a reader comment names ("Comment From Jo T.:" gives "Jo T.") or a subtitle
    file gives in square brackets and capitals before the words spoken ("[ANNA VAN BERG] Good
    evening." gives "Anna van Berg"). An article
    must open two such labels or more (of either form); a role that answers (host, guest) in
    brackets is read by discovery's own chair rule, so this takes any role but keeps the name
    as written, however short. A role's bracket that holds a name the texts (or the pages of
    ``articles``) use for a source of news is no person ("QUESTION (Reuters):", ``media_names``).
    A name in title case labelling two turns or more is read too (``name_label_rows``)."""
    common = set(re.findall(r"(?<![\w'\u2019-])[a-z\u00df-\u00ff]+(?![\w'\u2019-])", " ".join(sents.text.astype(str))))
    media = media_names(sents, articles)
    out: list = []
    for _aid, group in sents.groupby("article_id", sort=False):
        found = []
        labels = 0
        for aid, outlet, sid, base, text in _rows(group, ["article_id", "outlet", "sentence_id", "start", "text"]):
            m = _BRACKET_LABEL_RE.match(text)
            cue, cue_word = "bracket label", m.group("role").lower() if m else ""
            if not m:
                m = _COMMENT_RE.match(text)
                cue, cue_word = "comment label", "comment from"
            if not m:
                m = _CAPS_BRACKET_RE.match(text)
                cue, cue_word = "bracketed speaker", ""
            if not m:
                continue
            labels += 1
            name = _caps_name(m.group("name")) if cue == "bracketed speaker" else m.group("name")
            if not _no_name(name, drop, not_names, common) and not (cue == "bracket label" and name in media):
                found.append((aid, outlet, sid, base + m.start("name"), base + m.end("name"), name, cue, cue_word))
        if labels >= 2:
            out += found
    return out + name_label_rows(sents, drop, not_names, common)


def peer_line_rows(articles: pd.DataFrame, drop: set, not_names: set) -> list:
    """Rows ``(article_id, outlet, -1, start, end, name, "peer's title line", title,
    "furniture")``, offsets in ``raw_text``, for a house record's peers: a line that holds only
    a peer's title and name, with a territory and a party in brackets or not ("Lord Avonmere of
    Tain (Con)"), above a speech (the next line with text has eight words or more). The article
    must hold two such lines or more; the name is kept with its title, as a peer is known by it."""
    out: list = []
    for aid, outlet, raw in articles[["article_id", "outlet", "raw_text"]].itertuples(index=False):
        lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", str(raw))]
        found = []
        for i, (start, line) in enumerate(lines):
            m = _PEER_LINE_RE.fullmatch(line)
            if not m or len(next((t for _s, t in lines[i + 1:] if t.strip()), "").split()) < 8:
                continue    # the next line with text is no speech
            name = m.group("name")
            words = [w for w in name.split()[1:] if w != "of"]
            if name in drop or any(w.lower() in not_names or w.lower() in ROLE_LABELS for w in words):
                continue     # "Lord Speaker", "Lord Chancellor"
            found.append((aid, str(outlet), -1, start + m.start("name"), start + m.end("name"), name,
                          "peer's title line", name.split()[0], "furniture"))
        if len(found) >= 2:
            out += found
    return out


def author_line_rows(articles: pd.DataFrame, drop: set, not_names: set) -> list:
    """Rows ``(article_id, outlet, -1, start, end, name, "marked author line", "", "byline")``,
    offsets in ``raw_text``, for a paper's authors: a line of two names or more, each with a
    superscript mark ("Anna Berg\u00b9, Jo Hale\u00b2"), under which a line opens with one of
    those marks (the affiliation it ties the author to)."""
    out: list = []
    for aid, outlet, raw in articles[["article_id", "outlet", "raw_text"]].itertuples(index=False):
        lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", str(raw))]
        for i, (start, line) in enumerate(lines):
            if not _AUTHOR_LINE_RE.fullmatch(line) or not any(
                    re.match(rf"[ \t]*{_MARK}[ \t]*[{UPPER}]", t) for _s, t in lines[i + 1:i + 6]):
                continue
            for m in re.finditer(_MARKED_NAME, line):
                name = m.group("name")
                if name in drop or any(w.lower() in not_names for w in name.split()):
                    continue
                out.append((aid, str(outlet), -1, start + m.start("name"), start + m.end("name"), name,
                            "marked author line", "", "byline"))
    return out


def removed_label_rows(articles: pd.DataFrame, drop: set, not_names: set) -> list:
    """Rows ``(article_id, outlet, -1, start, end, name, cue, cue_word, "furniture")``, offsets in
    ``raw_text``, for the turn labels of ``bracket_label_rows`` (a bracketed asker, a reader's
    comment) on lines that cleaning took out of the story ("[14:22] Comment From Jo: Any talks?"
    read as page furniture): the page must open two such labels or more, counted over its raw
    lines, a name the story still holds is left to the story's rows, and an asker's bracket
    that holds a source of news is no one's (``media_names``)."""
    texts = " ".join(articles.text.astype(str))
    common = set(re.findall(r"(?<![\w'\u2019-])[a-z\u00df-\u00ff]+(?![\w'\u2019-])", texts))
    media = media_names(articles, articles)
    out: list = []
    for aid, outlet, raw, text in articles[["article_id", "outlet", "raw_text", "text"]].itertuples(index=False):
        found, labels = [], 0
        for line in re.finditer(r"[^\n]+", str(raw)):
            for rx, cue in ((_BRACKET_LABEL_RE, "bracket label"), (_COMMENT_RE, "comment label")):
                m = rx.match(line.group(0))
                if m:
                    labels += 1
                    name = m.group("name")
                    if line.group(0) not in str(text) and not _no_name(name, drop, not_names, common) \
                            and not (cue == "bracket label" and name in media):
                        at, word = line.start(), m.group("role").lower() if cue == "bracket label" else "comment from"
                        found.append((aid, str(outlet), -1, at + m.start("name"), at + m.end("name"), name, cue, word,
                                      "furniture"))
                    break
        if labels >= 2:
            out += [r for r in found if not re.search(rf"(?<![\w-]){re.escape(r[5])}(?![\w-])", str(text))]
    return out


def line_rows(articles: pd.DataFrame, drop: set, not_names: set) -> list:
    """The names read from whole lines of the page: peers' title lines (``peer_line_rows``), a
    paper's marked author line (``author_line_rows``) and turn labels cleaning took out of the
    story (``removed_label_rows``)."""
    return (peer_line_rows(articles, drop, not_names) + author_line_rows(articles, drop, not_names)
            + removed_label_rows(articles, drop, not_names))
