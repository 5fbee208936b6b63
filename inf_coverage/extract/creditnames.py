"""People named in a page's credits, labels and headings, in the forms that carry no "by": a
picture's photographer before or after the agency ("Photo: X / Agency", "Photo: Agency / X",
"(X/The Agency)" or "[Agency / X]" closing a caption), in capitals ("PHOTOGRAPH: X Y/AGENCY",
"PHOTO X Y, AGENCY", unlabelled "X Y / AGENCY"; names in capitals are title-cased), with a military
rank before the name ("Photo: Sgt. X Y/US Army"); a broadcast's staff line in capitals ("DUTY
EDITOR: X Y   PRODUCER: Z W"); a line crediting inputs ("(With inputs from X Y)"); a heading's
interviewee, author or quoted person ("Interview: X Y on ...", "Opinion | X Y: ...", "X Y:
'We were warned'"); and a show's or an episode's title that names its host or guest last
("The Talkback Hour with X Y", "Why the treaty matters, with X Y"); whole lines that credit
help, a drawing, a translation or an audio reading ("With help from X Y", "Illustration: X Y",
"tr. X Y", "Listen: read by X Y"), a live page's entry author ("From X Y in Kyiv"), a citation's
authors ("Cite this: Y, X (2025)"), an endnote's interviewee ("1. Interview with X Y, 3 August
2025"), a newsletter's list of people ("BIRTHDAYS: X Y of the Z ... W V"), journalists with their
publication ("X Y of the Lakeside Gazette") or who contributed ("X Y in Kyiv contributed to this
report"); readers who sign their questions with a given name and a place ("X, Townsville"); a
live page's entry authors under each entry's time and heading ("13:10 GMT / Heading / X Y,
Berlin"); and a name line signed with its e-mail address ("X Y - xy@example.org").

Each reader gives ``(offset, name)`` pairs; the caller judges the names (no title, place,
organisation or page word: ``discovery._furniture_name``). The evidence that a slash's side
is the agency and not the person is its words: ``org_words`` (the caller's words of
organisations, newsrooms and media: "press", "images", "archive", "army"), an acronym ("AP"),
an article ("The Associated Press") or a "via"; and a person's side holds no word built on an
agency's stem ("Bildagentur", "Fotopress").
"""

from __future__ import annotations

import re

from inf_coverage.extract.namewords import HONORIFICS, NAME_WORD, UPPER
from inf_coverage.extract.notenames import PARTICLE_NAME, contact_names, endnote_names

#: A military or police rank before a name ("Corporal", "Staff Sgt.", "Lt. Gen.", "Mass
#: Communication Specialist 2nd Class", "Colonel (ret.)"): what the person is, not their name.
_RANK_HEAD = ("Private|Pte|Pvt|Pfc|Corporal|Cpl|Sergeant|Sgt|Airman|Seaman|Officer|Specialist|Spc|Ensign"
              "|Lieutenant|Lieut|Lt|Captain|Capt|Major|Maj|Colonel|Col|Brigadier|Brig|General|Gen|Commander"
              "|Cmdr|Cdr|Commodore|Admiral|Adm|Marshal|Leader|Inspector|Superintendent|Constable")
_RANK_MOD = ("Lance|Staff|Master|Tech|Technical|Senior|Chief|Petty|Warrant|Rear|Vice|Lieutenant|Lt|Flight|Wing"
             "|Squadron|Mass Communication|First|Second|Detective|Chief")
RANK = (rf"(?:(?:{_RANK_MOD})\.? ){{0,2}}(?:{_RANK_HEAD})(?: (?:1st|2nd|3rd|[4-9]th) Class)?"
        r"(?:\.? \((?:[Rr]et|[Rr]etd|[Rr]etired)\.?\))?")

#: Two or three name words, a middle initial after the first ("Charles J. Haymond"), particles
#: between ("Anna van der Berg").
_NAME = PARTICLE_NAME
#: Two or three words in capitals ("DMITRI VORONOV").
_CAPS_NAME = rf"[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})?(?: [{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})?){{1,2}}"
#: A picture's credit label, in any case ("Photo:", "PHOTOGRAPH:", "Image credit:", "Picture:").
_LABEL = r"(?i:photo(?:graph)?s?|image|picture|pic|credit)(?i: credit)?(?::|\.\.\.)[ \t]*"

#: "Photo: [ACRONYM /] [rank] X Y" before a slash, a bracket, the end or "for" an outlet ("Credit...
#: X Y for The Daily Z").
_NAME_FIRST_RE = re.compile(rf"(?:©\s*|\b[Pp]hoto\s*/\s*|\b{_LABEL}(?:[A-Z]{{2,6}}\s*/\s*)?)"
                            rf"(?:{RANK}\.? )?(?P<name>{_NAME})(?=\s*[/)]|\s*\Z| for (?:[Tt]he )?[A-Z])")
#: "PHOTOGRAPH: X Y/AGENCY": the name in capitals, before its agency's slash.
_CAPS_FIRST_RE = re.compile(rf"\b{_LABEL}(?P<name>{_CAPS_NAME})(?=\s*/)")
#: "Photo: Agency / X Y" (also "(photo: Agency/X Y)"): the name last, the agency first.
_NAME_LAST_RE = re.compile(rf"\b{_LABEL}(?P<org>[^/\n()]{{2,50}}?)\s*/\s*(?:{RANK}\.? )?(?P<name>{_NAME})"
                           r"(?=\s*\)|[ \t]*$)", re.M)
#: "Photo: X Y, Agency" closing its line: the name first, its outlet or agency after a comma
#: (judged by ``_agency_side``: "Photo: X Y, a farmer" names no agency).
_NAME_COMMA_RE = re.compile(rf"\b{_LABEL}(?:{RANK}\.? )?(?P<name>{_NAME}),[ \t]*(?P<org>[^,/()\n]{{2,50}}?)[ \t]*$",
                            re.M)
#: A caption line's closing credit after its last sentence ("... by the pier. Photo: X Y for The
#: Z"): the label after a sentence's end, in a line's last 140 characters.
_TAIL_LABEL_RE = re.compile(r"(?<=[.!?)\"\u201d] )(?i:photo(?:graph)?s?|image|picture|credit)(?i: credit)?:")
#: A label inside a caption's closing bracket, before the credit ("[File: X Y/Agency]", "(Photo: X Y/Agency)").
_BRACKET_LABEL = r"(?:(?i:file(?: photo)?|photo|image|picture):[ \t]*)?"
#: "(X Y/The Agency)" closing a caption, and "(Agency/X Y)"; in square brackets too ("[Agency / X Y]").
_BRACKET_RE = re.compile(rf"[(\[]{_BRACKET_LABEL}(?:{RANK}\.? )?(?P<name>{_NAME})\s*/\s*(?P<org>[^()\[\]/\n]{{2,60}}"
                         rf"(?:/[^()\[\]/\n]{{2,40}})*)[)\]]"
                         rf"|[(\[](?P<org2>[^()\[\]/\n]{{2,50}}?)\s*/\s*(?P<name2>{_NAME})[)\]]")
#: "... at the pier on Monday. X Y/Agency via Z": an unlabelled credit closing a caption, or alone on its line.
_TRAILING_RE = re.compile(rf"(?:(?<=[.!?\"\u201d] )|^)(?P<name>{_NAME})[ \t]*/[ \t]*(?P<org>[^/\n]{{2,50}}"
                          r"(?:/[^/\n]{2,50})*?)[ \t]*$", re.M)
#: "... in Moscow. X Y / AFP": an unlabelled credit in capitals closing a caption, or alone on its
#: line; the name is title-cased, as in the other credit forms in capitals.
#: A dash may open it ("... on Monday. \u2014 X Y/AP/AGENCY").
_CAPS_TRAILING_RE = re.compile(rf"(?:(?<=[.!?\"\u201d] )|^)(?:[\u2014\u2013-][ \t]*)?(?P<name>{_CAPS_NAME})"
                               r"[ \t]*/[ \t]*(?P<org>[^/\n]{2,50}(?:/[^/\n]{2,50})*?)[ \t]*$", re.M)
#: "PHOTO X Y, THE AGENCY" closing a caption or alone on its line: a picture's label in capitals,
#: a colon or none, the name in capitals, its agency or outlet after a comma (title-cased, as the
#: labelled form in capitals before a slash).
_CAPS_COMMA_RE = re.compile(rf"(?<![\w-])(?:PHOTO(?:GRAPH)?S?|PICTURE|IMAGE):?[ \t]+(?P<name>{_CAPS_NAME}),[ \t]*"
                            r"(?P<org>[^,/()\n]{2,50}?)[ \t]*$", re.M)
#: Words in capitals that a credit holds beside or instead of a photographer's name: agencies
#: and their tags ("RIA NOVOSTI / AFP", "KCNA VIA KNS / AFP", "STR / AFP", "HANDOUT"); a caps
#: credit holding one names nobody.
_CAPS_CREDIT_WORDS = frozenset({"VIA", "HANDOUT", "STR", "FILE", "STAFF", "COURTESY", "RIA", "NOVOSTI", "TASS",
                                "ITAR", "SPUTNIK", "XINHUA", "KCNA", "KNS", "YONHAP", "ANADOLU", "UNIAN", "UKRINFORM"})
#: An agency's stem inside a word: a word holding one is no person's ("Bildagentur", "Fotopress").
_AGENCY_STEM_RE = re.compile(r"(?i)agen|press|foto|photo|bild|pix|image|media|news|pool|archiv")
#: A staff role in capitals with its person's name ("DUTY EDITOR: X Y", "PRODUCER: Z W"), up to
#: two spaces, a bar, a comma or the line's end.
_CAPS_STAFF_RE = re.compile(
    rf"(?<![\w-])(?:[{UPPER}]+ )?(?:EDITOR|READER|NEWSREADER|PRODUCER|PRESENTER|HOST|ANCHOR|REPORTER|WRITER"
    rf"|CORRESPONDENT|PHOTOGRAPHER|CAMERA|ENGINEER|DIRECTOR):[ \t]*(?P<name>{_CAPS_NAME})"
    r"(?=[ \t]{2,}|[ \t]*[|,;\u00b7\u2022]|[ \t]*$)", re.M)


#: A show's or an episode's title that names its host or guest last: after a comma ("Why the
#: treaty matters, with X Y") or after a programme's word ("The Talkback Hour with X Y", "In
#: conversation with X Y"); not a heading's "talks with" a country or a body.
_WITH_NAME_RE = re.compile(
    rf"(?:,|\b(?i:hour|show|podcast|programme|program|conversation|interview|q&a|chat|briefing|live|tonight|today"
    rf"|breakfast|drive|weekly|daily|special|session|webinar|episode)) with (?P<name>{_NAME})[ \t]*\Z")


#: A wire's or a desk's note of who gave inputs, a whole line ("(With inputs from X Y in Delhi)",
#: "With additional inputs from X Y and Z W").
_IN = rf"(?: in [{UPPER}]\w+(?: [{UPPER}]\w+)?)?"
_INPUTS_RE = re.compile(rf"[ \t]*\(?(?i:with )?(?i:additional )?(?i:inputs?) from (?P<names>{_NAME}{_IN}"
                        rf"(?:(?:,? and |, | & ){_NAME}{_IN})*)\)?\.?[ \t]*")


#: A heading's label that puts a person after it: an interview's or a profile's ("Interview: X Y on
#: the treaty", "Q&A: X Y, former inspector"), and an opinion's whose author's name comes before
#: a colon ("Opinion | X Y: The treaty is dead").
_TALK_HEAD_RE = re.compile(rf"[ \t]*(?i:interview|q ?& ?a|in conversation|profile|podcast)[ \t]*[:|\u2013\u2014][ \t]*"
                           rf"(?:{RANK}\.? )?(?P<name>{_NAME})(?=:|,| on | about | \u2013 | - |[ \t]*\Z)")
_OPINION_HEAD_RE = re.compile(rf"[ \t]*(?i:opinion|comment|commentary|op-ed|viewpoint|guest essay|guest post)"
                              rf"[ \t]*[:|\u2013\u2014][ \t]*(?P<name>{_NAME}):")
#: A heading that quotes its person, the name before a colon ("X Y: 'We were warned'").
_QUOTE_HEAD_RE = re.compile(rf"[ \t]*(?P<name>{_NAME}):[ \t]*['\"\u201c\u2018]")


def title_case(caps: str) -> str:
    """A name in capitals as a name is written ("DMITRI VORONOV-HALE" is "Dmitri Voronov-Hale")."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), caps)


def _agency_side(text: str, org_words: set) -> bool:
    """Whether a credit's side is an agency's: an acronym, an article, a "via", or a word of
    ``org_words`` ("Example Images", "US Army", "The Associated Press", "AFP via Getty")."""
    words = re.findall(r"[\w'\u2019.-]+", text)
    return bool(words) and (any(re.fullmatch(r"[A-Z]{2,6}", w) for w in words) or words[0] in ("The", "the")
                            or "via" in words or any(w.lower().strip(".") in org_words for w in words))


def _personal(name: str) -> bool:
    """Whether no word of ``name`` is built on an agency's stem ("Bildagentur Nordost" is none)
    or is an agency's word in capitals ("RIA NOVOSTI")."""
    return not any(_AGENCY_STEM_RE.search(w) or w in _CAPS_CREDIT_WORDS for w in name.split())


def photo_credits(text: str, org_words: set) -> list:
    """``(offset, name)`` for each photographer a picture's credit in ``text`` names (see the
    module's docstring); ``org_words`` are lower-case words of organisations and newsrooms."""
    out = [(m.start("name"), m.group("name")) for m in _NAME_FIRST_RE.finditer(text)]
    judged = [m for m in _NAME_COMMA_RE.finditer(text)]
    out += [(m.start("name"), m.group("name")) for m in judged
            if _agency_side(m.group("org"), org_words) and _personal(m.group("name"))]
    out += [(m.start("name"), title_case(m.group("name"))) for m in _CAPS_FIRST_RE.finditer(text)]
    out += [(m.start("name"), title_case(m.group("name"))) for m in _CAPS_COMMA_RE.finditer(text)
            if _agency_side(m.group("org"), org_words) and _personal(m.group("name"))]
    judged = [m for rx in (_NAME_LAST_RE, _TRAILING_RE) for m in rx.finditer(text)]
    out += [(m.start("name"), m.group("name")) for m in judged
            if _agency_side(m.group("org"), org_words) and _personal(m.group("name"))]
    out += [(m.start("name"), title_case(m.group("name"))) for m in _CAPS_TRAILING_RE.finditer(text)
            if _agency_side(m.group("org"), org_words) and _personal(m.group("name"))]
    for m in _BRACKET_RE.finditer(text):
        name, org = ("name", "org") if m.group("name") else ("name2", "org2")
        if _agency_side(m.group(org), org_words) and _personal(m.group(name)):
            out.append((m.start(name), m.group(name)))
        elif name == "name" and not _personal(m.group(name)) and re.fullmatch(_NAME, m.group(org).strip()):
            # "[Westmoor Press Agency / X Y]": an agency's name is name-shaped too; the person is after it
            out.append((m.start(org) + len(m.group(org)) - len(m.group(org).lstrip()), m.group(org).strip()))
    return list(dict.fromkeys(out))     # two forms may read one credit


def caption_credits(line: str, org_words: set) -> list:
    """``(offset, name)`` for the photographer or illustrator a story line's closing credit names
    ("A launcher on the road. Photo: X Y for The Z", "... Credit: X Y, Agency", "... road. X Y /
    AFP" in capitals, unlabelled): the label after the line's last sentence, the credit's forms
    those of ``photo_credits``, in the line's last 140 characters (a caption that cleaning left
    in the story)."""
    base = max(0, len(line.rstrip()) - 140)
    tail = line.rstrip()[base:]
    labels = list(_TAIL_LABEL_RE.finditer(tail))
    if not labels:     # "... in Moscow. X Y / AFP", "... PHOTO X Y, AGENCY": a credit in capitals needs no colon
        return [(base + m.start("name"), title_case(m.group("name"))) for m in _CAPS_TRAILING_RE.finditer(tail)
                if _agency_side(m.group("org"), org_words) and _personal(m.group("name"))] + [
            (base + m.start("name"), title_case(m.group("name"))) for m in _CAPS_COMMA_RE.finditer(tail)
            if _agency_side(m.group("org"), org_words) and _personal(m.group("name"))]
    at = labels[-1].start()
    return [(base + at + off, name) for off, name in photo_credits(tail[at:], org_words)]


def with_name(line: str) -> list:
    """``(offset, name)`` for the host or guest a show's or an episode's title names last (see
    ``_WITH_NAME_RE``): one line of furniture, a heading or a list's entry."""
    m = _WITH_NAME_RE.search(line.rstrip(" \t.!?"))
    return [(m.start("name"), m.group("name"))] if m else []


def inputs_from(line: str) -> list:
    """``(offset, name)`` for each person a whole line credits with inputs ("(With inputs from X Y
    in Delhi and Z W)"); an agency's line ("With inputs from agencies") names nobody."""
    m = _INPUTS_RE.fullmatch(line)
    return _listed_names(m) if m else []


def heading_names(line: str, page: str) -> list:
    """``(offset, name)`` for the person a heading puts after an interview's or an opinion's label
    ("Interview: X Y on ...", "Opinion | X Y: ..."), or before a colon and a quotation ("X Y: 'We
    were warned'") when ``page`` (the whole page) uses the surname alone elsewhere ("Y says"):
    a country quoted in a heading ("Costa Rica: 'No'") has no surname used alone."""
    m = _TALK_HEAD_RE.match(line) or _OPINION_HEAD_RE.match(line)
    if m:
        return [(m.start("name"), m.group("name"))]
    m = _QUOTE_HEAD_RE.match(line)
    if m:
        name, surname = m.group("name"), m.group("name").split()[-1]
        alone = re.findall(rf"(?<![\w'\u2019-])(?:(?P<first>[\w'\u2019-]+) )?{re.escape(surname)}(?![\w-])", page)
        if any(first != name.split()[-2] for first in alone):
            return [(m.start("name"), name)]
    return []


def line_names(line: str, page: str, furniture: bool) -> list:
    """``(offset, name, cue, where)`` for the people one line of ``page`` names as a whole: its
    inputs' credit and the other whole-line credits of ``work_credits`` (any line: cleaning may
    leave one in the story), a press contact and an endnote's authors (``notenames``), and, for a
    ``furniture`` line, a heading's person (``heading_names``) or a show's host or guest
    (``with_name``)."""
    out = [(at, name, "inputs from", "credit") for at, name in inputs_from(line)]
    # no word of the name the page writes in lower case ("SPOTTED: Vienna Talks" beside "talks")
    out += [(at, name, "work credit", "credit") for at, name in work_credits(line)
            if not any(re.search(rf"(?<![\w'\u2019-]){re.escape(w.lower())}(?![\w'\u2019-])", page)
                       for w in name.split())]
    out += [(at, name, "contact line", "contact") for at, name in contact_names(line)]     # "Press: X Y, +44 ..."
    out += [(at, name, "endnote", "furniture") for at, name in endnote_names(line)]     # '[2] X Y, "Title"'
    if furniture:
        out += [(at, name, "heading", "furniture") for at, name in heading_names(line, page)]
        out += [(at, name, "with name", "furniture") for at, name in with_name(line)]
    return out


def staff_labels(text: str) -> list:
    """``(offset, name)`` for each name a staff role in capitals labels ("DUTY EDITOR: X Y")."""
    return [(m.start("name"), title_case(m.group("name"))) for m in _CAPS_STAFF_RE.finditer(text)]


#: A page's tool line under an author's name: a follow button ("+ FOLLOW", "Follow") or a view
#: counter ("Views: 2,048", "1.2k views").
_PAGE_TOOL_RE = re.compile(r"[ \t]*(?i:\+[ \t]*follow|follow|views?:[ \t]*[\d.,]+[kKmM]?|[\d.,]+[kKmM]? views)[ \t]*")


def page_tool_line(line: str) -> bool:
    """Whether ``line`` is a page's tool under an author's name (see ``_PAGE_TOOL_RE``): a name
    line right above one is a byline."""
    return bool(_PAGE_TOOL_RE.fullmatch(line))


#: A newsletter's thanks for help, a whole line ("With help from X Y and Z W", "With additional
#: reporting from X Y", "With assistance from X Y"): the line opens with "With".
_HELP_RE = re.compile(rf"[ \t]*\(?(?i:with )(?i:additional )?(?i:help|assistance|reporting|research|contributions?)"
                      rf" from (?P<names>{_NAME}{_IN}(?:(?:,? and |, | & ){_NAME}{_IN})*)\)?\.?[ \t]*")
#: A credit label for a work that is no photograph, a whole line: a drawing's or a graphic's
#: maker ("Illustration: X Y", "Graphics: X Y/The Z"), a translator ("tr. X Y", "Translation: X
#: Y"), an audio version's reader ("Listen: read by X Y", "Narrated by X Y"); an agency or an
#: outlet may follow after a slash, a bar, a comma or "for".
_WORK_LABEL_RE = re.compile(
    r"[ \t]*(?:(?i:illustrations?|illustrator|artwork|drawings?|cartoon|animation|graphics?"
    r"|translation|transl\.|trans\.|tr\.|narration|narrator)(?:[ \t]*:|(?<=\.))"
    r"|(?i:(?:listen|audio)\b[^\n]{0,80}?(?:[:|\u00b7\u2022\u2013\u2014,-]|(?<=\w)(?= )))?"
    r"[ \t]*(?i:read|narrated|voiced) by)"
    rf"[ \t]*(?P<name>{_NAME})(?:[ \t]*(?:[/|,]|\bfor\b)[^\n]*)?[ \t.]*")
#: A studio's or a desk's words: a work's credit to one names no person ("Illustration: Studio Nord").
_WORKSHOP_RE = re.compile(r"(?i)studio|design|graphic|creative|\blab\b|\bworks\b|\bteam\b|\bdesk\b")
#: A live page's entry byline, a whole line: "From X Y in Kyiv", "From X Y, in Kyiv" (without a
#: place, "From X Y" may be a heading's place: "From Harbour Street").
_FROM_LINE_RE = re.compile(rf"[ \t]*From (?P<name>{_NAME}),? in [{UPPER}]\w+(?: [{UPPER}]\w+)?[ \t.:]*")
#: A citation's author, surname first ("Cite this: Y, X (2025)", "How to cite: Y, X and W, Z
#: (2025)"): the name as written is "X Y".
_CITE_RE = re.compile(rf"(?i:cite this(?: article| page| piece)?|how to cite(?: this)?(?: article| page)?|citation)"
                      rf"[ \t]*:[ \t]*(?P<authors>{NAME_WORD}, {NAME_WORD}(?: [{UPPER}]\.)?"
                      rf"(?:(?:,? and |,? & ){NAME_WORD}, {NAME_WORD}(?: [{UPPER}]\.)?){{0,3}})"
                      r"[ \t]*[.,]?[ \t]*\(\d{4}")
#: An endnote's source that is a talk with a person ("1. Interview with X Y, 3 August 2025",
#: "[2] Author's conversation with X Y (Oslo, 2025)"): at a line's start, after a note's number
#: or none; the name before a comma, a bracket or a full stop.
_NOTE_TALK_RE = re.compile(rf"[ \t]*(?:\[?\d{{1,3}}[.\])]?[ \t]+|\^[ \t]*)?(?:(?:[Tt]he )?[Aa]uthor['\u2019]s |"
                           rf"(?:[Tt]elephone|[Pp]hone|[Pp]ersonal|[Ee]-?mail|[Vv]ideo) )?"
                           rf"(?i:interviews?|conversations?|correspondence|communication|exchange) with "
                           rf"(?:(?:{HONORIFICS})\.? )?(?P<name>{_NAME})(?=,|[ \t]*\(|\.)")
#: A newsletter's list of people under its label: birthdays, sightings, job moves ("BIRTHDAYS:
#: X Y of the Z ... W V", "Spotted at the reception: X Y, Z W and a crowd of aides"). The label
#: opens the line, in capitals or not, and a colon ends what comes before the list.
_PEOPLE_LIST_RE = re.compile(r"[ \t]*(?:[-\u2013\u2014\u2022*][ \t]*)?(?i:(?:happy )?birthdays?|spotted|sighted"
                             r"|transitions|job moves?|media moves?|moves|welcome(?: to the world)?|weddings?"
                             r"|engaged|in memoriam)\b[^:\n]{0,120}?:[ \t]*(?P<list>[^\n]+)")
#: The separators of such a list: ellipses, semicolons, bullets, commas and a last "and".
_LIST_SEP_RE = re.compile(r"[ \t]*(?:\.\.\.|\u2026|;|\u2022|\|)[ \t]*|,? and |, ")
#: A list's item that is a person: the name first, then nothing or what the person is of
#: ("X Y", "X Y of the Z Council", "X Y (former envoy)", "X Y, who ...").
_LIST_ITEM_RE = re.compile(rf"(?P<name>{_NAME})(?:[ \t]+(?:of|at|from|who)\b.*|[ \t]*\(.*)?[ \t.!]*")

#: Last words of an event's name, which a list of sightings names beside its people ("Vienna Talks").
_EVENT_WORD_RE = re.compile(r"(?i:talks|summit|conference|dialogue|meeting|week|day|festival|gala|reception|dinner"
                            r"|party|awards?|hearing|session|forum|lecture|launch|briefing|breakfast|lunch|retreat)")


def people_list(line: str) -> list:
    """``(offset, name)`` for each person a newsletter's list line names first in an item (see
    ``_PEOPLE_LIST_RE``): an item that opens with anything else ("a crowd of aides", "former
    aide X Y", read by the story's title rules) gives nobody."""
    m = _PEOPLE_LIST_RE.fullmatch(line)
    if not m:
        return []
    out, at = [], m.start("list")
    text = m.group("list")
    pos = 0
    for sep in list(_LIST_SEP_RE.finditer(text)) + [None]:
        end = sep.start() if sep else len(text)
        item = text[pos:end]
        lead = len(item) - len(item.lstrip())
        im = _LIST_ITEM_RE.fullmatch(item.strip())
        if im and not _EVENT_WORD_RE.fullmatch(im.group("name").split()[-1]):
            out.append((at + pos + lead + im.start("name"), im.group("name")))
        pos = sep.end() if sep else len(text)
    return out


def work_credits(line: str) -> list:
    """``(offset, name)`` for the person a whole line credits with help, a drawing, a graphic, a
    translation or an audio reading, for a live page's entry author ("From X Y in Kyiv"), a
    citation's authors ("Cite this: Y, X (2025)", given as "X Y" at the entry's start) and an endnote's interviewee
    ("1. Interview with X Y, 3 August 2025")."""
    out = []
    m = _HELP_RE.fullmatch(line)
    if m:
        out += _listed_names(m)
    for rx in (_WORK_LABEL_RE, _FROM_LINE_RE):
        m = rx.fullmatch(line)
        if m and _personal(m.group("name")) and not _WORKSHOP_RE.search(m.group("name")):
            out.append((m.start("name"), m.group("name")))
    m = _NOTE_TALK_RE.match(line)
    if m:
        out.append((m.start("name"), m.group("name")))
    m = _CITE_RE.search(line)
    if m:
        at = m.start("authors")
        for part in re.split(r"(,? and |,? & )", m.group("authors")):
            surname, _, given = part.partition(", ")
            if given:
                out.append((at, f"{given} {surname}"))
            at += len(part)
    return out + people_list(line) + reporter_names(line)


#: A reader's signature under a question: a given name and a town, a county or a country after
#: a comma, alone on its line ("X, Townsville", "- X, Lake Town, Country").
_SIGNATURE_RE = re.compile(rf"[ \t]*(?:[-\u2013\u2014][ \t]*)?(?P<name>{NAME_WORD}),[ \t]+[{UPPER}][\w'\u2019.-]+"
                           rf"(?: [{UPPER}][\w'\u2019.-]+){{0,2}}"
                           rf"(?:, [{UPPER}][\w'\u2019.-]+(?: [{UPPER}][\w'\u2019.-]+)?)?"
                           r"[ \t]*")
#: Lines read for a question above a signature.
MAX_SIGNED_LINES = 5000


def signed_questions(lines: list, not_names: set) -> list:
    """``(offset, name)`` for each reader who signs a question with a given name and a place
    ("X, Townsville" right under a paragraph that asks something: a "?" in it), when the page has two such
    signatures or more (a readers' questions column); ``lines`` are ``(start, text)`` pairs,
    ``not_names`` lower-case words that no given name is (places, titles, page words)."""
    found = []
    prev = ""
    for start, text in lines[:MAX_SIGNED_LINES]:
        m = _SIGNATURE_RE.fullmatch(text)
        if m and "?" in prev and m.group("name").lower() not in not_names:
            found.append((start + m.start("name"), m.group("name")))
        if text.strip():
            prev = text
    return found if len(found) >= 2 else []


#: A newspaper's name: up to three capitalised words, the last a newspaper's word, and no "of"
#: after it ("the Bulletin of the ..." is a journal's title, whose words may be anything).
_OUTLET = (r"(?:[Tt]he )?(?:[A-Z][\w'\u2019-]+ ){0,3}(?:Times|Post|Courier|Herald|Gazette|Tribune|Telegraph|Chronicle"
           r"|Journal|Dispatch|Ledger|Inquirer|Examiner|Guardian|Observer)(?![\w-])(?! of\b)")
#: A journalist named with the newspaper they write for ("X Y of the Lakeside Gazette", "X Y for
#: The Times"; not "at", which a place takes); not a thing's name after an article ("the
#: Doomsday Clock of the ... Times").
_OF_OUTLET_RE = re.compile(rf"(?<![\w'\u2019-])(?<![Tt]he )(?<![Aa] )(?<![Aa]n )(?P<name>{_NAME}) (?:of|for) {_OUTLET}")
#: A line crediting reporters who helped, the names first ("X Y in Brussels and Z W contributed to
#: this report", "The Z's X Y contributed reporting").
_CONTRIBUTED_LINE_RE = re.compile(rf"[ \t]*(?:[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){{0,3}}['\u2019]s )?"
                                  rf"(?P<names>{_NAME}{_IN}(?:(?:,? and |, | & ){_NAME}{_IN})*)"
                                  r" (?:also )?contributed (?:reporting|research"
                                  r"|to (?:this|the) (?:report|story|article))"
                                  r"[^\n]{0,40}")


def reporter_names(line: str) -> list:
    """``(offset, name)`` for each journalist a line names with their publication ("X Y of the
    Lakeside Gazette on ...") and each reporter a whole line credits with help ("X Y in Brussels
    and Z W contributed to this report")."""
    out = [(m.start("name"), m.group("name")) for m in _OF_OUTLET_RE.finditer(line[:2000])]
    m = _CONTRIBUTED_LINE_RE.fullmatch(line)
    if m:
        out += _listed_names(m)
    return out


def _listed_names(m) -> list:
    """``(offset, name)`` for each person of a match's ``names`` group ("X Y, Z W and V U"),
    a place after a name dropped ("X Y in Brussels")."""
    out, at = [], m.start("names")
    for part in re.split(r"(,? and |, | & )", m.group("names")):
        if not re.fullmatch(r",? and |, | & ", part):
            out.append((at, re.sub(rf" in [{UPPER}]\w+(?: [{UPPER}]\w+)?\Z", "", part)))
        at += len(part)
    return out


#: A name line that signs with an e-mail address after a dash, a bar, a comma or a colon ("X Y -
#: x.y@example.org", "X Y | <xy@example.org>"): the caller checks that the address spells the name.
_MAIL_SIGN_RE = re.compile(rf"[^\w\n]*(?P<name>{_NAME})[ \t]*[-|,:\u2013\u2014][ \t]*<?(?P<local>[\w.+-]+)@[\w-]+"
                           r"(?:\.[\w-]+){1,4}>?[ \t.]*")


def mail_signature(line: str) -> tuple:
    """``(offset, name, local part)`` for a line that is a name and its e-mail address (see
    ``_MAIL_SIGN_RE``), else ``()``."""
    m = _MAIL_SIGN_RE.fullmatch(line)
    return (m.start("name"), m.group("name"), m.group("local")) if m else ()


#: A live page's entry time, a whole line ("13:10 GMT", "9.45am", "14:05 CET").
_ENTRY_TIME_RE = re.compile(r"[ \t]*(?:[Uu]pdated:? )?\d{1,2}[:.]\d{2}(?:[ \t]*(?:[ap]\.?m\.?|[A-Z]{2,4}|h))?[ \t]*")
#: An entry's byline: a name alone or with a role or a place after a comma ("X Y, Berlin", "X Y,
#: defence correspondent"), a few words at most.
_ENTRY_BYLINE_RE = re.compile(rf"[ \t]*(?P<name>{_NAME})(?:,[ \t]*[\w'\u2019-]+(?: [\w'\u2019-]+){{0,4}})?[ \t]*")


def entry_bylines(lines: list, valid) -> list:
    """``(offset, name)`` for the author of each entry of a live page: the name line right under
    an entry's time and its heading and right above its prose (a line of eight words or more),
    when the page has two such entries or more whose name ``valid`` takes (a person's: the
    caller's judge); ``lines`` are ``(start, text)`` pairs, blank ones skipped."""
    full = [(s, t) for s, t in lines[:MAX_SIGNED_LINES] if t.strip()]
    found = []
    for i in range(2, len(full) - 1):
        m = _ENTRY_BYLINE_RE.fullmatch(full[i][1])
        if (m and _ENTRY_TIME_RE.fullmatch(full[i - 2][1]) and len(full[i + 1][1].split()) >= 8
                and valid(m.group("name"))):
            found.append((full[i][0] + m.start("name"), m.group("name")))
    return found if len(found) >= 2 else []
