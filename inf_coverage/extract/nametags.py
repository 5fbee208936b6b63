"""Tags written right after a person's name, which are not the name and not another person:
a party and state in brackets or between commas ("(D-Conn.)", ", R-Ohio,"), an age ("(54)",
", 54,"), a party and seat in brackets ("(Lab., Hull North)"), and a title that names a seat
or body after a preposition (", Labour MP for Hull North,"). ``bracket_tag_end`` gives where
a bracketed tag begins at the end of the words before a verb (so the name before it is read);
``comma_tag`` whether the words between two commas after a name are such a tag;
``drop_comma_tags`` the text before a verb without them; ``label_before`` the titled
name that labels a quotation opening a sentence ('Sen. Nora Vale (R-Idaho): "..."');
``mask_title_stops`` a text with the full stop of a short title before a name ("Sen. Jane
Roe") made a space."""

from __future__ import annotations

import re

from inf_coverage.extract.namewords import NAME_WORD

#: A party letter and a state or district, with or without brackets: "D-Conn.", "R-Texas",
#: "I-Vt.", "R-S.C.", "D-N.Y.", "R-Calif.-12".
_PARTY_STATE = r"[A-Z]{1,3}\.?-[A-Z][A-Za-z.]{0,13}(?:\s[A-Z][A-Za-z.]{0,13})?(?:-\d{1,3})?"
#: An age: one to three digits.
_AGE = r"\d{1,3}"
_COMMA_TAG_RE = re.compile(rf"(?:{_PARTY_STATE}|{_AGE})")
#: A tag between commas after a name's last letter: the last one before the verb loses both
#: commas, and so does one before "and" ("Sen. A, D-Del., and Sen. B, R-Kan., said"); another
#: keeps the comma after it.
_LAST_TAG_RE = re.compile(rf"(?<=[A-Za-z.]),\s*(?:{_PARTY_STATE}|{_AGE})\s*,\s*\Z")
_INNER_TAG_RE = re.compile(rf"(?<=[A-Za-z.]),\s*(?:{_PARTY_STATE}|{_AGE})(?:\s*,(?=\s+and\s)|(?=\s*,))")
#: Lower-case words of an office held, in a capitalised apposition ("Norway's envoy to NATO").
_OFFICE_RE = re.compile(r"\b(?:envoy|minister|ambassador|secretary|spokes(?:man|woman|person)|adviser|advisor"
                        r"|chief|head|director|commander|chair(?:man|woman)?|leader|member|senator|lawmaker"
                        r"|deputy|official|negotiator|representative|president|governor|mayor)\b")
#: A role word (a seat in a parliament, an office) then a preposition and what it is for or
#: of: "Labour MP for Hull North", "Conservative member for Devizes", "MEP for Ireland South";
#: the capitalised words after the preposition are a seat or a body, no person.
_SEAT_TITLE_RE = re.compile(
    r"(?:[A-Z][\w.'\u2019-]*\s+){0,3}(?:MPs?|MEPs?|MSPs?|TDs?|[Mm]ember|[Ss]enator|[Rr]epresentative|[Dd]elegate"
    r"|[Cc]ouncill?or|[Dd]eputy|[Ll]awmaker|[Cc]andidate|[Ss]pokes(?:man|woman|person)|[Cc]hair(?:man|woman)?"
    r"|[Hh]ead|[Dd]irector|[Ss]ecretary|[Mm]inister|[Ll]eader|[Pp]resident|[Cc]hief|[Cc]ommander|[Ee]nvoy"
    r"|[Aa]mbassador)"
    r"\s+(?:for|of|from)\s+(?:the\s+)?[A-Z][^,;()\"\u201c\u201d]{0,60}")
#: A rank or honorific before a capitalised word: a title phrase holding one names its holder
#: ("Chief of Naval Operations Adm. Ann Holt"), so it is no tag.
_TITLED_NAME_RE = re.compile(r"\b(?:Sen|Rep|Gov|Amb|Del|Gen|Lt|Adm|Col|Capt|Maj|Dr|Prof|Mr|Mrs|Ms)\.?\s+[A-Z]")
#: A bracketed tag at the end of the words before a verb: up to 40 characters, no bracket or
#: quotation mark inside, after a capitalised word ("Jane Roe (D-Conn.)", "Tom Lund (54)",
#: "Ann Berg (Lab., Hull North)").
_BRACKET_TAG_RE = re.compile(r"(?<=[A-Za-z.])\s*\((?P<tag>[^()\"\u201c\u201d]{1,40})\)\s*\Z")
#: A bare acronym in brackets ("(FDFA)", "(CDU)") is kept: an organisation's short name, which
#: the organisation and person readers already take or skip.
_ACRONYM_RE = re.compile(r"[A-Z][A-Z.&]{1,11}")


def comma_tag(between: str, named: str = "") -> bool:
    """Whether ``between`` (the words between two commas right after a name: "Jane Roe,
    D-Conn., said") is a tag of that name rather than an apposition naming someone: a party
    and state, an age, or a title for a seat or a body ("Labour MP for Hull North"); or,
    when it holds no person's name (``named``, the name a caller read in it, is empty), a
    capitalised title with an office word ("Norway's envoy to NATO")."""
    text = between.strip(" ,")
    return bool(_COMMA_TAG_RE.fullmatch(text)
                or _SEAT_TITLE_RE.fullmatch(text) and not _TITLED_NAME_RE.search(text)
                or not named and text[:1].isupper() and _OFFICE_RE.search(text))


def drop_comma_tags(head: str) -> str:
    """``head`` (the text before a verb) with a party-and-state or age tag set between commas
    after a capitalised word taken out: "Rep. Tom Lund, R-Ohio, " gives "Rep. Tom Lund ",
    "Jan Berg, 61, of the X, " gives "Jan Berg, of the X, ". Only the last 200 characters
    are read."""
    cut = max(0, len(head) - 200)
    return head[:cut] + _INNER_TAG_RE.sub("", _LAST_TAG_RE.sub(" ", head[cut:]))


def bracket_tag_end(head: str) -> int:
    """Where a bracketed tag after a name starts at the end of ``head`` (the text before a
    verb): "Sen. Jane Roe (D-Conn.)" gives the offset of " (D-Conn.)"; -1 if ``head`` ends in
    no bracket, or in a bare acronym ("(FDFA)"), which stays with the name before it."""
    m = _BRACKET_TAG_RE.search(head[-60:])
    if m is None or _ACRONYM_RE.fullmatch(m.group("tag")):
        return -1
    return len(head) - len(head[-60:]) + m.start()


def apposition_comma(words: list, j: int, named) -> int:
    """The index of the comma word that opens the apposition after a name, for words read back
    from a verb whose last comma word is ``words[j]``: "Ann Holt, a member of the Committee on
    Security, Defence and Trade, said" has its last comma inside the apposition; the earlier
    comma after a name (``named``, a function giving the person's name in a text, finds it)
    and before "a", "an" or "the" opens it. ``j`` itself when the words after it are a name
    ("the envoy, Tom Lund, said") or start in lower case, or no such comma is within three."""
    if j < 0 or j + 1 >= len(words) or words[j + 1][:1].islower() or named(" ".join(words[j + 1:])):
        return j
    commas = 0
    for k in range(j - 1, max(-1, j - 40), -1):
        if not words[k].endswith(","):
            continue
        name = named(" ".join(words[:k + 1]))
        if words[k + 1] in {"a", "an", "the"} and name and words[k].rstrip(",").endswith(name.split()[-1]):
            return k
        commas += 1
        if commas >= 3:
            break
    return j


#: a short title's full stop before a capitalised name ("said Dr. Jane Roe", "Prof. Li Wei of X
#: told me"): no end of a phrase; masked (same length) where a speaker phrase is read
_TITLE_STOP_RE = re.compile(
    r"(?<![\w.])(Dr|Prof|Mr|Mrs|Ms|Gen|Adm|Col|Lt|Sen|Rep|Gov|Amb|Del|Cllr|Brig|Cmdr|Capt|Maj|Sgt|Rev|Fr|St)"
    r"\.(?= [A-Z])")


def mask_title_stops(text: str) -> str:
    """``text`` with the full stop of a short title before a name made a space (same length)."""
    return _TITLE_STOP_RE.sub(r"\1 ", text)


#: Ranks and titles written before a name in a label.
_LABEL_TITLES = (r"(?:Sen|Rep|Gov|Amb|Del|Gen|Lt|Adm|Col|Capt|Maj|Cllr|Dr|Prof|Mr|Mrs|Ms|MP|MEP|Senator"
                 r"|Representative|Governor|Ambassador|General|Admiral|Colonel)\.?")
#: A sentence's opening label: titles, two to four name words, a bracketed tag, a short
#: apposition after a comma (or both: "Sen. X (R-Tex.), a member of Y:"), then a colon (the
#: quotation mark follows it).
_LABEL_RE = re.compile(rf"\s*(?P<name>(?:{_LABEL_TITLES}\s+){{0,2}}{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})"
                       r"(?:\s*\([^()\"\u201c\u201d]{1,40}\))?(?:,\s*[^,:\"\u201c\u201d]{1,60})?\s*:\s*")


def label_before(prefix: str) -> str:
    """The titled name in ``prefix`` (a sentence's text up to a quotation mark) when it is a
    label and nothing else: "Sen. Nora Vale (R-Idaho): " and "Cal Dunne, Illinois Democrat: "
    give "Sen. Nora Vale" and "Cal Dunne"; "" otherwise (a text over 200 characters too)."""
    m = _LABEL_RE.fullmatch(prefix) if len(prefix) <= 200 else None
    return m.group("name") if m else ""
