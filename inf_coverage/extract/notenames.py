"""People a page names in its press contacts and its endnotes, whole lines of furniture.

``contact_names(line)`` gives the staff member a press-contact line names: a short label
before a colon, then the name, then a telephone number or an e-mail address after a comma, a
bar or a dash ("Office of Sen. X: Y Z, (202) 555-0100", "Media contact: Y Z, yz@example.org",
"Press: Y Z | +44 20 7946 0000"). The label is required and says it is a contact's (press,
media, an office, enquiries, a telephone): a name and a number alone may be a switchboard's
("Northgate Clients, 020 ..."), and "Updated: Y Z, 05.08.2025" is a date's.

``endnote_names(line)`` gives the authors an endnote cites before a title in quotation marks
or italics, after the note's number ("[2] Y Z, "Title", Publisher, 2024.", "3. Y Z and W V,
*Title*"), also written surname first ("2. Z, Y. "Title." Publisher."; given as "Y Z", the
name as a story writes it). A note's place before a title in plain type ("Geneva,
Switzerland. Statement") names nobody, as no title in quotation marks follows it.

Both give ``(offset, name)`` pairs, offsets in ``line``; the caller judges the names (no
title, place, organisation or page word). A name's words are ``namewords.NAME_WORD``s, a
middle initial and a lower-case particle ("van", "de", "bin") between them allowed.
"""

from __future__ import annotations

import re

from inf_coverage.extract.namewords import NAME_WORD, UPPER

#: Lower-case particles inside a name ("Anna van Dijk", "Omar bin Khalid").
_PARTICLE = r"(?:de|da|del|della|di|dos|du|van|von|der|den|ter|bin|ibn|al)"
#: Two or three name words, a middle initial after the first, particles between ("Anna K. van
#: der Berg"); credits use it too.
PARTICLE_NAME = rf"{NAME_WORD}(?: [{UPPER}]\.)?(?: (?:{_PARTICLE} ){{0,2}}{NAME_WORD}){{1,2}}"
_NAME = PARTICLE_NAME
#: A telephone number: digits in groups, a country code or an area code in brackets allowed.
_PHONE = r"(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?)?\d{2,5}(?:[ .-]\d{2,5}){1,3}(?!\d)"
#: An e-mail address, in angle brackets or not.
_MAIL = r"<?[\w.+-]+@[\w-]+(?:\.[\w-]+){1,4}>?"
#: A contact line: a label of up to 80 characters with no colon in it, the name, a separator
#: and a number or an address (anything may follow: "ext. 4", a second address).
_CONTACT_RE = re.compile(rf"[ \t]*(?P<label>[^:\n]{{2,80}}):[ \t]*(?P<name>{_NAME})[ \t]*[,|\u2013\u2014\u00b7\u2022-]"
                         rf"[ \t]*(?:{_PHONE}|{_MAIL})(?![\w@])[^\n]*")
#: Words a contact's label may have at most: a longer run before a colon is a sentence's.
MAX_LABEL_WORDS = 8
#: A contact's label says it is one: press, media, an office, a spokesperson, enquiries, a
#: telephone ("Media contact", "Office of Sen. X", "Press enquiries", "Tel"); a date's label
#: ("Updated: X Y, 05.08.2025") is none.
_CONTACT_LABEL_RE = re.compile(r"(?i)contact|press|media|office|spokes|enquir|inquir|communications|information"
                               r"|\bphone|\btel\b|\bcall\b")
#: An endnote's number at a line's start: "[2]", "2.", "2)", "^2".
_NOTE = r"[ \t]*(?:\[\d{1,3}\]|\d{1,3}[.)]|\^\d{0,3})[ \t]+"
#: A title's opening mark: quotation marks or an italic's asterisk or underscore.
_TITLE_OPEN = "[\"\u201c\u2018'*_]"
_NOTE_AUTHORS_RE = re.compile(rf"{_NOTE}(?P<names>{_NAME}(?:(?:,? and |,? & ){_NAME})?),?[ \t]+{_TITLE_OPEN}")
_NOTE_SURNAME_FIRST_RE = re.compile(rf"{_NOTE}(?P<surname>(?:{_PARTICLE} )?{NAME_WORD}), "
                                    rf"(?P<given>{NAME_WORD}(?: [{UPPER}]\.)?)\.?,?[ \t]+{_TITLE_OPEN}")


def contact_names(line: str) -> list:
    """``(offset, name)`` for the person a press-contact line names (see the module)."""
    m = _CONTACT_RE.fullmatch(line)
    if not m or len(m.group("label").split()) > MAX_LABEL_WORDS or not _CONTACT_LABEL_RE.search(m.group("label")):
        return []     # a sentence before a colon; a time ("12:30"); a date's label
    return [(m.start("name"), m.group("name"))]


def endnote_names(line: str) -> list:
    """``(offset, name)`` for each author an endnote cites before a quoted or italic title (see
    the module); a surname-first author as "Given Surname" at the surname's offset."""
    m = _NOTE_AUTHORS_RE.match(line)
    if m:
        out, at = [], m.start("names")
        for part in re.split(r"(,? and |,? & )", m.group("names")):
            if not re.fullmatch(r",? and |,? & ", part):
                out.append((at, part))
            at += len(part)
        return out
    m = _NOTE_SURNAME_FIRST_RE.match(line)
    if m:
        return [(m.start("surname"), f"{m.group('given')} {m.group('surname')}")]
    return []
