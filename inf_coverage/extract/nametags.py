"""Tags written right after a person's name, which are not the name and not another person:
a party and state in brackets or between commas ("(D-Conn.)", ", R-Ohio,"), an age ("(54)",
", 54,"), a party and seat in brackets ("(Lab., Hull North)"), and a title that names a seat
or body after a preposition (", Labour MP for Hull North,"). ``bracket_tag_end`` gives where
a bracketed tag begins at the end of the words before a verb (so the name before it is read);
``comma_tag`` whether the words between two commas after a name are such a tag."""

from __future__ import annotations

import re

#: A party letter and a state or district, with or without brackets: "D-Conn.", "R-Texas",
#: "I-Vt.", "R-S.C.", "D-N.Y.", "R-Calif.-12".
_PARTY_STATE = r"[A-Z]{1,3}\.?-[A-Z][A-Za-z.]{0,13}(?:\s[A-Z][A-Za-z.]{0,13})?(?:-\d{1,3})?"
#: An age: one to three digits.
_AGE = r"\d{1,3}"
_COMMA_TAG_RE = re.compile(rf"(?:{_PARTY_STATE}|{_AGE})")
#: A role word (a seat in a parliament, an office) then a preposition and what it is for or
#: of: "Labour MP for Hull North", "Conservative member for Devizes", "MEP for Ireland South";
#: the capitalised words after the preposition are a seat or a body, no person.
_SEAT_TITLE_RE = re.compile(
    r"(?:[A-Z][\w.'\u2019-]*\s+){0,3}(?:MPs?|MEPs?|MSPs?|TDs?|[Mm]ember|[Ss]enator|[Rr]epresentative|[Dd]elegate"
    r"|[Cc]ouncill?or|[Dd]eputy|[Ll]awmaker|[Cc]andidate|[Ss]pokes(?:man|woman|person))"
    r"\s+(?:for|of|from)\s+(?:the\s+)?[A-Z][^,;()\"\u201c\u201d]{0,60}")
#: A bracketed tag at the end of the words before a verb: up to 40 characters, no bracket or
#: quotation mark inside, after a capitalised word ("Jane Roe (D-Conn.)", "Tom Lund (54)",
#: "Ann Berg (Lab., Hull North)").
_BRACKET_TAG_RE = re.compile(r"(?<=[A-Za-z.])\s*\((?P<tag>[^()\"\u201c\u201d]{1,40})\)\s*\Z")
#: A bare acronym in brackets ("(FDFA)", "(CDU)") is kept: an organisation's short name, which
#: the organisation and person readers already take or skip.
_ACRONYM_RE = re.compile(r"[A-Z][A-Z.&]{1,11}")


def comma_tag(between: str) -> bool:
    """Whether ``between`` (the words between two commas right after a name: "Jane Roe,
    D-Conn., said") is a tag of that name rather than an apposition naming someone: a party
    and state, an age, or a title for a seat or a body ("Labour MP for Hull North")."""
    text = between.strip(" ,")
    return bool(_COMMA_TAG_RE.fullmatch(text) or _SEAT_TITLE_RE.fullmatch(text))


def bracket_tag_end(head: str) -> int:
    """Where a bracketed tag after a name starts at the end of ``head`` (the text before a
    verb): "Sen. Jane Roe (D-Conn.)" gives the offset of " (D-Conn.)"; -1 if ``head`` ends in
    no bracket, or in a bare acronym ("(FDFA)"), which stays with the name before it."""
    m = _BRACKET_TAG_RE.search(head[-60:])
    if m is None or _ACRONYM_RE.fullmatch(m.group("tag")):
        return -1
    return len(head) - len(head[-60:]) + m.start()
