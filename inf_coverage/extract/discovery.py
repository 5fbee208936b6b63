"""Discovering names the figure registry does not know, and scoring the discovery
against the hand-coded names."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pandas as pd

from inf_coverage.core.layout import CorpusError
from inf_coverage.extract.creditnames import (
    RANK,
    caption_credits,
    entry_bylines,
    line_names,
    mail_signature,
    page_tool_line,
    photo_credits,
    signed_questions,
    staff_labels,
)
from inf_coverage.extract.figures import ORG_HEADS, ROLE_WORDS, TITLE_WORDS, load_figures
from inf_coverage.extract.labelnames import bracket_label_rows, line_rows
from inf_coverage.extract.looseruns import SURNAME_PERSON_RE, coordinated, particle_tails, recurring
from inf_coverage.extract.namewords import HONORIFICS as _HONORIFICS
from inf_coverage.extract.namewords import NAME_WORD, person_part
from inf_coverage.extract.namewords import NAME_WORD_RE as _NAME_WORD_RE
from inf_coverage.extract.namewords import UPPER as _UPPER
from inf_coverage.extract.outlets import press_names
from inf_coverage.extract.peernames import peer_rows, with_peers
from inf_coverage.extract.personnames import person_name
from inf_coverage.extract.ranges import load_systems
from inf_coverage.extract.speakers import ATTRIBUTION_VERBS, PUBLICATION_RE, load_institutions
from inf_coverage.extract.turns import ASKING_ROLES, ROLE_LABELS
from inf_coverage.extract.vocatives import vocative_rows
from inf_coverage.ingest.cleaning import is_hard_wrapped
from inf_coverage.ingest.loading import removed_spans
from inf_coverage.ingest.text import _rows

#: Verbs of speech that follow a name ("Bondarev said").
SPEECH_VERBS = {
    "said", "says", "told", "wrote", "added", "noted", "warned", "argued", "stated",
    "emphasized", "emphasised", "stressed", "suggested", "explained", "claimed",
    "announced", "insisted", "continued", "believes", "thinks", "contributed",
}
#: Capitalised words that belong to organisations, places or titles, never to a
#: person's name; they are stripped from the front of a capitalised run.
NOT_NAME_WORDS = {
    "russian", "russia", "us", "u.s", "american", "chinese", "china", "soviet", "ukrainian",
    "western", "european", "foreign", "security", "council", "ministry", "deputy", "president",
    "minister", "chairman", "kremlin", "pentagon", "white", "house", "nato", "treaty",
    "forces", "university", "center", "centre", "institute", "endowment", "project", "times",
    "news", "agency", "press", "associated", "federation", "prime", "general", "secretary",
    "the", "a", "an", "former", "senior", "special", "arms", "control", "nuclear",
    "intermediate-range", "telegram", "channel", "state", "department", "defense", "defence",
    "assembly", "federal", "navy", "army", "air", "force", "moscow", "washington", "beijing",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "in", "on", "at", "by", "for", "of", "and", "but",
    "as", "when", "while", "after", "before", "yet", "this", "that", "it", "he", "she",
    "city", "studies", "i'm", "i\u2019m",
    # a capitalised preposition ("U.S. Senator From Wyoming" in a record's index)
    "from",
    # time words and sentence adverbs that open a sentence before a name ("Yesterday Anna X said")
    "yesterday", "today", "tonight", "tomorrow", "overnight", "meanwhile", "earlier", "later", "now",
    "then", "also", "still", "however", "separately",
    # words whose "'s" is "is", not a possessive ("Here's how", "What's next")
    "here", "there", "what", "who", "where", "let",
    # the portfolio of an office, between a title and a name ("Vice-Minister of Foreign Affairs X")
    "affairs", "relations", "trade", "interior", "justice", "finance", "economy", "development",
    "cooperation", "international", "commerce", "industry", "energy", "health", "education",
}
#: First words of a place's name ("South Korea", "Far East", "New Delhi"): no person's name
#: begins with one.
PLACE_LEAD_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                    "central", "far", "new", "upper", "lower", "greater"}
#: Words written before a person's name that say who the person is: honorifics, ranks and
#: offices ("Brigadier General", "Woman Representative", "Dr") and the newsroom's own roles
#: ("my colleague", "host"), on top of the registry's role words. Matched on a word's last
#: hyphenated part and without a plural "s" ("Secretary-General", "then-President",
#: "Presidents ... and ...").
PERSON_TITLES = ROLE_WORDS | {
    "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "gen", "col", "colonel", "adm",
    "admiral", "captain", "lt", "lieutenant", "marshal", "brigadier", "major", "sergeant", "rep",
    "representative", "sen", "chancellor", "mayor", "commissioner", "chair", "chairwoman",
    "colleague", "host", "presenter", "anchor", "reporter", "producer", "columnist", "author",
    "writer", "translator", "photographer", "candidate", "congressman", "congresswoman", "mp",
    "lecturer", "officer", "staffer", "strategist", "economist", "campaigner", "activist",
    # offices seldom a surname ("Duma Speaker X", "Chief Prosecutor X", "Gov. X"; not "Bishop",
    # "King" or "Prince", which are surnames too)
    "speaker", "prosecutor", "attorney", "judge", "ombudsman", "gov", "archbishop", "patriarch", "sheikh",
    "blogger", "milblogger", "voenkor",     # a channel's writer ("Forwarded from Voenkor X Y", a war correspondent)
}
#: Determiners, prepositions and conjunctions that can lead a capitalised run ("The Eastern
#: Courier", "A Cold War deal", "By Anna Keller"): they are stripped, never a title cue.
_FUNCTION_WORDS = {"the", "a", "an", "and", "but", "in", "on", "at", "by", "for", "of", "as",
                   "when", "while", "after", "before", "yet", "this", "that", "it", "he", "she"}
#: Nouns of a medium before its proper name ("the channel Severny Bastion"): no person.
MEDIUM_WORDS = {"channel", "newspaper", "paper", "daily", "weekly", "outlet", "blog", "podcast",
                "magazine", "newsletter", "broadcaster", "station", "website", "site", "group"}
_CAP_WORD = rf"[{_UPPER}](?:[\w'\u2019-]|\.(?=\w))*\.?"   # "Dmitry", "Russia's", "U.S.", "Vainiūtė"
#: Particles of a name written in lower case between its capitalised words in the story
#: ("Riaan van Wyk", "Ana da Silva"), or an Arabic article joined to the surname ("Omar al-Rashid");
#: the furniture's names take ``_PARTICLE``.
_STORY_PARTICLE = r"(?:de|da|del|della|di|dos|du|van|von|der|den|ter|bin|ibn)"
_CAP_RUN_RE = re.compile(rf"(?<![\w-])({_CAP_WORD}(?: (?:{_STORY_PARTICLE} ){{0,2}}(?:al-|el-)?{_CAP_WORD})*)")


#: Title words of ``TITLE_WORDS`` that say where, not who ("Russian Far East"): before a run
#: they are no person's title.
_PLACE_TITLE_WORDS = {"russian", "russia", "ukrainian", "ukraine", "chinese", "china", "american", "america",
                      "european", "europe", "german", "germany", "french", "france", "british", "britain",
                      "polish", "poland", "united", "kingdom", "union", "moscow", "kyiv", "kiev", "beijing",
                      "washington", "brussels"}
#: "<title> of " before a run that opens with a portfolio ("Minister of Foreign Affairs X").
_TITLE_OF_RE = re.compile(r"(\S+) of (?:the )?\Z")
_ORG_BEFORE_RE = re.compile(rf"\b(?:{ORG_HEADS}) (?:for|of|on) (?:the )?\Z")


_APPOSITIVE_RE = re.compile(r", (?:(?:a |an |the )?(?:[a-z-]+ ){0,3}?(%s)\b|(a|an|the) )"
                            % "|".join(sorted(ROLE_WORDS)))
#: A title and what it is of before a comma, then a name ("the Minister of Ports of Tavenga, X Y,").
_OFFICE_BEFORE_RE = re.compile(r"\b([\w-]+)(?: of(?: the)? [A-Z][\w'\u2019-]*(?: (?:of |and |the )*[A-Z][\w'\u2019-]*)"
                               r"{0,5})?, \Z")
#: "X Y is a former Indian diplomat", "X Y is director of ...", "X Y is now deputy ... director": a line
#: about the author, a person's role after "is" (not "is host to", "is chief among").
_BIO_RE = re.compile(r" is (?:now |currently |also )?(?:(?:a|an|the) (?:[\w-]+ ){0,4}?|(?:[a-z-]+ ){0,2}?)"
                     r"(%s)\b(?! to | among )" % "|".join(sorted(PERSON_TITLES)))
#: "I'm Priya Natarajan and ...": a writer or host introducing themself.
_SELF_INTRO_RE = re.compile(r"(?:\bI['\u2019]m|\bI am|\b[Mm]y name is) \Z")
#: A market move after a company's name ("Brandt Wehrtechnik added 2.1%"): no speech.
_SHARE_MOVE_RE = re.compile(r" \w+ [\d.,]+ ?(?:%|per ?cent)")
#: An open bracket right after a capitalised word, not closed before the end: what follows is
#: a seat or an affiliation given with a name ("Dr Fiona X (Kinross and Glen ...").
_AFFILIATION_BRACKET_RE = re.compile(r"[A-Z][\w'\u2019-]+ \([^()]*\Z")
#: "SIGRID HAUGLAND: ...": a transcript's speaker label, a name in capitals before a colon.
_LABEL_RE = re.compile(r"((?:[A-Z\u00c0-\u00de]{2,}(?:-[A-Z\u00c0-\u00de]{2,})?)(?: [A-Z\u00c0-\u00de]{2,}(?:-[A-Z\u00c0-\u00de]{2,})?){1,2}):")  # noqa: E501


_POSSESSIVE_RE = re.compile(r"['\u2019]s\Z")
#: A middle initial inside a name ("Royce T. Aldridge"): one capital and a full stop.
_INITIAL_RE = re.compile(rf"[{_UPPER}]\.")


def _bare(word: str) -> str:
    """A word lower-cased, without a possessive or a trailing full stop or comma."""
    word = word.lower().rstrip(".,")
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


def _is_title(word: str) -> bool:
    """Whether a word is a person's title: its last hyphenated part, singular, is in
    ``PERSON_TITLES`` ("Secretary-General", "then-President", "Presidents")."""
    bare = _bare(word).rsplit("-", 1)[-1]
    return bare in PERSON_TITLES or (bare.endswith("s") and bare[:-1] in PERSON_TITLES)


def _title_case(label: str) -> str:
    """A name written in capitals, in title case ("ORLOV-SMITH" gives "Orlov-Smith")."""
    return " ".join("-".join(p[:1] + p[1:].lower() for p in w.split("-")) for w in label.split())


def _pattern_rows(sents: pd.DataFrame, known: set, things: set) -> tuple:  # noqa: C901
    """The capitalised runs of ``sents`` shaped like a name, by the patterns of
    ``discover_names``: ``(cued, loose)``, lists of ``(row, sentence text, start, end)``, the
    runs a pattern names and the others; a row is ``(article_id, outlet, sentence_id, start,
    end, candidate, cue, cue_word)``, offsets from the sentence's ``start``."""
    not_names = NOT_NAME_WORDS | {w.lower() for w in TITLE_WORDS}
    speech = SPEECH_VERBS | set(ATTRIBUTION_VERBS)
    leading = not_names | ROLE_WORDS
    person_titles = {w.lower() for w in TITLE_WORDS} - _FUNCTION_WORDS - _PLACE_TITLE_WORDS
    rows: list = []
    loose: list = []
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        for m in _CAP_RUN_RE.finditer(text):
            words = m.group(1).split(" ")
            offs = [m.start(1)]
            for w in words[:-1]:
                offs.append(offs[-1] + len(w) + 1)
            while len(words) > 2 and words[-1].isupper() and len(words[-1]) > 1:
                words, offs = words[:-1], offs[:-1]   # a dateline after a byline ("... Orlov-Smith MOSCOW")
            # strip organisation/title words and an owner's possessive ("CNX's") from the front;
            # remember the last as a cue
            k, title = 0, ""
            while k < len(words) and (_bare(words[k]) in leading
                                      or (k < len(words) - 2 and words[k].endswith(("'s", "\u2019s")))):
                title = words[k]
                k += 1
            # "Spokesperson Ana X's Regular Briefing": a name ends at its possessive
            p = next((j for j in range(k, len(words) - 1) if words[j].endswith(("'s", "\u2019s"))), None)
            if p is not None:
                words, offs = words[:p + 1], offs[:p + 1]
            # a title inside the run: the name is what follows the last one ("Mombasa Woman
            # Representative Amina Haji Abdalla", "Brigadier General Kemal Sarikaya")
            for j in range(len(words) - 3, k - 1, -1):
                if _is_title(words[j]):
                    k, title = j + 1, words[j]
                    break
            if k < len(words) and words[-1].endswith(".") and not words[-1].endswith(".."):
                words[-1] = words[-1][:-1]        # a full stop after the name
            # "President of Belarus Anna X": after "<title> of" (no article: "Chief of the Verbatim
            # Reporting Service" is a body), a run of three words opens with what the office is
            # of, the name is the two after it
            if k == 0 and len(words) == 3 and (of := _TITLE_OF_RE.search(text, max(0, m.start(1) - 40), m.start(1))) \
                    and _is_title(of.group(1)) and not of.group(0).endswith("the "):
                k, title = 1, of.group(1)
            name_words = words[k:]
            content = [re.sub(r"\A(?:al|el)-", "", w) for w in name_words if not re.fullmatch(_STORY_PARTICLE, w)]
            if (not 2 <= len(content) <= 3 or content[0] != name_words[0]
                    or not all(_NAME_WORD_RE.match(_POSSESSIVE_RE.sub("", w)) and _bare(w) not in not_names
                               or 0 < i < len(content) - 1 and _INITIAL_RE.fullmatch(w)
                               for i, w in enumerate(content))
                    or _bare(name_words[0]) in PLACE_LEAD_WORDS
                    or re.fullmatch(ORG_HEADS, name_words[-1])
                    or _ORG_BEFORE_RE.search(text, max(0, m.start(1) - 40), m.start(1))):
                continue   # not a name's shape, or an organisation ("... Affairs University")
            start = offs[k]
            end = offs[-1] + len(words[-1])
            before = text[max(0, start - 60):start].split()   # the word before: a bounded look-back
            after = text[end:end + 200]            # bounded: the cue words follow the name closely
            if re.match(r" (?:committee|subcommittee|panel|caucus|commission)s?\b", after):
                continue   # "a House Armed Services panel": a body's name before its common noun
            cue = cue_word = ""
            if title and _is_title(title):
                cue, cue_word = ("role before" if _bare(title) in ROLE_WORDS else "title before"), title
            elif before and _is_title(before[-1]):
                cue, cue_word = "role before", before[-1]
            elif _bare(title) in person_titles:
                cue, cue_word = "title before", title
            elif k and (title_of := _TITLE_OF_RE.search(text, max(0, m.start(1) - 40), m.start(1))) and _is_title(
                    title_of.group(1)):
                # "Vice-Minister of Foreign Affairs Aiste Morkuniene": the portfolio stripped, the title before it
                cue, cue_word = "title before", title_of.group(1)
            elif (appositive := _APPOSITIVE_RE.match(after)) and not (
                    set(appositive.group(0)[2:].split()[:-1]) & (speech | _FUNCTION_WORDS) - {"a", "an", "the"}) \
                    and not (before and before[-1].lower() in ("in", "at", "near", "outside", "inside", "across")):
                # "Ola Berg, a former envoy", not "Port Verin, said the envoy" nor "In Port Verin, the ..."
                cue, cue_word = "appositive", appositive.group(1) or appositive.group(2)
            elif before and before[-1].lower() == "by":
                cue, cue_word = "after by", "by"
            elif after.startswith((", who ", ", whose ")):
                cue, cue_word = "who clause", "who"
            elif _SELF_INTRO_RE.search(text, 0, start):
                cue, cue_word = "self-introduction", before[-1]
            elif bio := _BIO_RE.match(after):
                cue, cue_word = "is a role", bio.group(1)
            else:
                nxt = re.match(r" (?:also |had |has )?(\w+)(?! \d)", after)
                if nxt and nxt.group(1).lower() in speech:
                    cue, cue_word = "speech verb after", nxt.group(1)
                elif after.startswith(",") and (office := _OFFICE_BEFORE_RE.search(text, max(0, start - 80), start)) \
                        and _is_title(office.group(1)):
                    # "the Prime Minister of the Republic of Tavenga, X Y, will visit": a name set
                    # off by commas after a title and what it is of
                    cue, cue_word = "title appositive", office.group(1)
            if _is_title(name_words[-1]) and cue not in ("role before", "title before"):
                continue   # a title itself, no name ("given by High Representative/Vice-President X")
            name = " ".join(name_words)
            if name.endswith(("'s", "\u2019s")):
                name, end = name[:-2], end - 2
            if name in known or name in things:
                continue
            row = (aid, outlet, sid, base + start, base + end, name, cue, cue_word)
            (rows if cue else loose).append((row, text, start, end))
    return rows, loose


# -- people named in the page furniture ---------------------------------------------

_NAME_WORD = NAME_WORD     # the name word, unanchored
_PARTICLE = r"(?:de|da|del|della|di|do|dos|du|van|von|der|den|ter|le|la|al|bin|ibn|y)"
#: A person's name in furniture: two or three name words, particles between them ("Maria de Vries"),
#: a middle initial after the first ("Anna K. Holm").
_NAME = rf"{_NAME_WORD}(?: [{_UPPER}]\.)?(?: (?:{_PARTICLE} ){{0,2}}{_NAME_WORD}){{1,2}}"
_IN_PLACE = rf"(?: in [{_UPPER}]\w+(?: [{_UPPER}]\w+)?)?"
_TITLE_ALT = "|".join(sorted(PERSON_TITLES, key=len, reverse=True))
#: Credits with "by": at a line's start ("By X and Y", "by X, Moscow correspondent", "By Europe
#: correspondent X") or after a credit's verb ("Reporting by X in Moscow and Y; Editing by Z",
#: "Translated from Spanish by X", "Interview by X"); never "Sponsored by", "Powered by".
_CREDIT_BY_RE = re.compile(
    r"(?:(?P<verb>(?:[Aa]dditional |[Aa]ssociated )?[Rr]eporting|[Ww]riting|[Ww]ritten|[Ee]diting|[Ee]dited"
    r"|[Cc]ompiled|[Tt]ranslated(?: from (?:the )?[A-Z]\w+)?|[Ii]nterviews?|[Ww]ords|[Ii]llustrations?|[Pp]hotos?"
    r"|[Pp]hotography|[Pp]hotographs?|[Pp]roduced|[Rr]eported|[Rr]esearch|[Gg]raphics?|[Vv]ideo|[Tt]ext|[Aa]nalysis|[Ss]tory"
    r"|[Rr]eports?|[Uu]pdated|[Pp]osted|[Ff]iled) )?"
    rf"(?<![\w-])[Bb]y:? (?P<role>(?:[\w-]+ ){{0,3}}?(?i:{_TITLE_ALT})s? )?"
    rf"(?P<names>{_NAME}{_IN_PLACE}(?:(?:,? and |, | & ){_NAME}{_IN_PLACE})*)")
#: A byline in capitals at a line's start ("By ANNA KELLER AND BRAM KOOLS", "By X Y and Z W").
_CAPS_BY_RE = re.compile(r"(?<![\w-])(?:BY|By|by):? "
                         r"(?P<names>[A-Z][A-Z'\u2019-]+(?:(?: | AND | and | & |, )[A-Z][A-Z'\u2019-]+){1,6})(?![\w-])")
#: Verbs of a credit that is no authorship: where "credit", not "byline".
_CREDIT_ONLY = ("edit", "translat", "illustrat", "photo", "graphic", "video", "produc", "research")
#: "Editor: X", "[Responsible editor: X]", "Editor-in-chief: X", "Press contact: X, spokesperson".
_LABEL_NAME_RE = re.compile(
    r"(?<![\w-])(?P<label>(?i:(?:(?:responsible|managing|chief|deputy|executive|senior) )?"
    r"(?:editor(?:-in-chief)?|author|reporter|writer|translator|presenter|host|anchor|producer|columnist|correspondent|contributor|guest"
    rf"|(?:press |media )?contact|spokes(?:person|man|woman))))s?: (?:(?:{_HONORIFICS})\.? )?"
    rf"(?P<names>{_NAME}(?:(?:,? and |, | & )(?:(?:{_HONORIFICS})\.? )?{_NAME})*)")
#: "CNX's X contributed to this report."
_CONTRIBUTED_RE = re.compile(rf"(?P<name>{_NAME}) contributed\b")
#: An e-mail header with a name and its address ("From: X <x.y@example>").
_MAIL_NAME_RE = re.compile(rf"^(?:From|To|Cc|Reply-To|Sender): (?P<name>{_NAME}) <(?P<mail>[^>\s]+)>", re.M)
#: A line that is a name: "Dr X", "Colonel (ret.) X", "X and Y", "X, Press Officer", "X, Kingsville", "X | 7 August";
#: a student's class year may follow the name ("X '27, Staff Writer"); an initial and a surname
#: ("T. Marwood") is a name line too.
_NAME_LINE_RE = re.compile(rf"(?:(?P<title>{_HONORIFICS}|{RANK})\.? )?(?P<name>{_NAME}|[{_UPPER}]\. {_NAME_WORD})"
                           rf"(?: ['\u2019]\d\d)?{_IN_PLACE}"
                           rf"(?: (?:and|&) (?P<name2>{_NAME}){_IN_PLACE})?"
                           r"(?P<tail>(?:, | ?[|/\u00b7\u2022\u2013\u2014] | - | \().*)?")
#: A transcript label of a role with its person in brackets ("MODERATOR [Anna X]:", "Host (Dr Anna X):");
#: ``discover_names`` reads it for a role that chairs or answers, not one that asks (whose
#: brackets name an outlet: "Reporter (Astana Herald):").
_CHAIR_LABEL_RE = re.compile(rf"[ \t]*(?P<role>[A-Za-z][A-Za-z -]{{0,30}}?)[ \t]*[\[(](?:{_HONORIFICS})?\.? ?"
                             rf"(?P<name>{_NAME})[\])][ \t]*:")
#: An asker's introduction in a transcript, after an asking label or as the sentence after a
#: label's short courtesy ("QUESTION: X Y, Baltic Radio.", "Q: Thanks. | X Y, Baltic Radio.").
_ASKER_INTRO_RE = re.compile(rf"(?:(?P<label>(?P<role>[A-Za-z][A-Za-z ]{{0,20}}?)[ \t]*:)[ \t]*)?(?P<name>{_NAME}), "
                             rf"(?P<org>[{_UPPER}][^,.:;!?\n]{{2,60}}?)\.")
_SHORT_LABEL_RE = re.compile(r"(?P<role>[A-Za-z][A-Za-z ]{0,20}?)[ \t]*:[ \t]*(?:\w+[ \t]*){0,3}[.!]")
#: A verbatim record's turn label: a name, then what the speaker speaks as after a comma or in
#: brackets, a full stop or none, and a dash that opens the speech ("Anna Berg, on behalf of the
#: Green Group. \u2013 Madam President", "Jan Holm (Greens). \u2013", "Anna Berg \u2013 Thank you").
_TURN_LABEL_RE = re.compile(rf"(?P<name>{_NAME})(?:, [^.,;:!?()\n]{{3,80}}| \([^()\n]{{1,40}}\))?\.?"
                            r"(?P<dash>[ \t]*[\u2013\u2014][ \t]|\Z)")
#: A roster's line: dot leaders, then a courtesy title and one to three name words at the line's
#: end ("Algeria . . . . . Mr. Benhadid", "Denmark ........ Ms. Ana Holm").
_ROSTER_RE = re.compile(rf"(?:\. ?){{4,}}[ \t]*(?P<title>{_HONORIFICS})\.?[ \t]+"
                        rf"(?P<name>{NAME_WORD}(?: {NAME_WORD}){{0,2}})[ \t]*\Z")
#: A name in capitals with a middle initial, in a record's roster or heading ("MARTA K. OLSEN,
#: Oregon", "STATEMENT OF HON. MARTA K. OLSEN"): the initial says it is a person's.
_CAPS_INITIAL_RE = re.compile(rf"(?<![\w.'\u2019-])(?P<name>[{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})? [{_UPPER}]\. "
                              rf"[{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})?)(?![\w.'\u2019-])")
#: A broadcast transcript's line that introduces a speaker in capitals, what they are after a comma
#: ("COLONEL ANNA X, FORMER INSPECTOR"): the name is the last two words before the comma.
_CAPS_INTRO_RE = re.compile(rf"[ \t]*(?:[{_UPPER}]{{2,}}\.? )*?(?P<name>[{_UPPER}]{{2,}} "
                            rf"[{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})?), [{_UPPER}][^\n]*")
#: A newsroom desk's line under an author's name ("Foreign Desk", "Politics desk").
_DESK_LINE_RE = re.compile(rf"(?:[{_UPPER}][\w&'\u2019-]*[ \t]+){{1,3}}[Dd]esk")
#: A name line says at most this many words after the name ("X | August 7, 2025 | 7 min read").
MAX_NAME_LINE_TAIL = 10
#: A name line's tail that is the group its person sits for, in brackets, a party's short name
#: ("X Y (Greens/EFA)", "X Y (R-Ohio)"): a member's line under a question or a bill.
_GROUP_WORD = rf"[{_UPPER}][^\W\d]*(?:[&/.'\u2019-][^\W\d]*)*"
_GROUP_TAIL_RE = re.compile(rf" \({_GROUP_WORD}(?: {_GROUP_WORD}){{0,2}}\)")
#: A place after a signature's comma: one to three capitalised words ("Kingsville", "Upper Marsh").
_PLACE_TAIL = rf"(?:, [{_UPPER}][\w'\u2019.-]+(?: [{_UPPER}][\w'\u2019.-]+){{0,2}}){{1,2}}"
_PLACE_TAIL_RE = re.compile(rf"{_PLACE_TAIL}\Z")
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: A line that dates a page or says how long it reads ("Tue 5 Aug 2025", "Updated: ...", "4 min read").
_DATE_LINE_RE = re.compile(rf"\b(?:{_MONTH_ABBR} \d|\d{{1,2}} {_MONTH_ABBR}|\d{{1,2}}[:.]\d{{2}}\b|\d{{4}}-\d\d-\d\d"
                           r"|\d{1,2}/\d{1,2}/\d{2,4}"
                           r"|(?:[Uu]pdated|[Pp]ublished|[Pp]osted)\b|\d+ min(?:ute)?s? read"
                           r"|\d+ (?:min(?:ute)?s?|hours?|days?) ago)")
#: A heading over a contact's name ("Media contact:", "For more information, contact:").
_CONTACT_HEAD_RE = re.compile(r"(?i)(?:(?:press|media|for media) )?(?:contacts?|enquiries|inquiries)(?: details)?:?"
                              r"|for (?:more|further) information(?:,? (?:please )?contact)?:?")
#: A sign-off before a signature ("Best,", "Kind regards,").
_SIGN_OFF_RE = re.compile(r"(?:[A-Z][a-z]+ ){0,2}(?:[Bb]est|[Rr]egards|[Tt]hanks|[Cc]heers|[Ss]incerely|[Yy]ours"
                          r"|[Ww]ishes|[Tt]hank you)(?: [a-z]+)?,?\Z")
#: Words of a newsroom, a page's parts or a medium: a run holding one names no person
#: ("Foreign Desk", "Weather Desk", "Range Gate Audio", "Updated").
FURNITURE_NAME_WORDS = MEDIUM_WORDS | {
    "desk", "staff", "team", "bureau", "newsroom", "service", "wire", "media", "news", "network", "radio",
    "television", "tv", "online", "digital", "live", "hub", "podcasts", "audio", "video", "edition", "briefing",
    "digest", "ledger", "updated", "published", "posted", "share", "follow", "subscribe", "read", "more", "min",
    "comments", "photo", "photos", "image", "images", "archive", "credit", "source", "tags", "topics", "related",
    "most", "top", "stories", "story", "home", "world", "opinion", "sport", "sports", "business", "politics",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "ltd", "inc", "llc", "gmbh", "plc", "corp",
    # a page's controls and the words of a menu or a heading ("Ad Feedback", "What Comes Next")
    "ad", "ads", "advertisement", "feedback", "sponsored", "comment", "newsletter", "newsletters", "sign",
    "log", "menu", "search", "print", "email", "contact", "about", "privacy", "terms", "cookie", "cookies",
    "settings", "accessibility", "listen", "watch", "play", "close", "skip", "back", "next", "previous",
    "page", "gallery", "view", "from", "to", "with", "via", "your", "our", "my", "his", "her", "their",
    "its", "all", "no", "not", "see", "get", "how", "what", "why", "where", "which", "whose",
    # news agencies and broadcasters credited like a person ("By Agence France-Presse", "By Al
    # Jazeera and news agencies"): words of their names, never of a person's
    "agence", "france-presse", "jazeera", "welle", "xinhua", "tass", "interfax", "novosti", "kyodo",
    "yonhap", "anadolu", "bernama", "reuters", "bloomberg", "sputnik", "efe", "ansa", "dpa", "afp",
    # "agency", "press" and "archive" in other languages ("Photo: Agencia Sur / Archive")
    "agencia", "ag\u00eancia", "agenzia", "agentur", "agentschap", "prensa", "imprensa", "stampa",
    "archivo", "arquivo", "archivio", "archiv",
    # a library, an archive or a museum credited for a picture ("Photo: Truman Library")
    "library", "libraries", "archives", "museum", "museums", "commons", "publication",
    # a wire's advisory before its story ("(Adds Medvedev comment, ...)", "(Updates with ...)")
    "adds", "updates", "corrects", "refiles", "recasts", "rewrites", "changes", "fixes",
}


#: Month names that are also given names, where a credit's "by" starts a name ("Posted by Jun X").
_MONTH_GIVEN_NAMES = frozenset({"jun", "june", "april", "may", "august"})


def _furniture_name(name: str, outlet: str, drop: set, trim: bool = False) -> str:
    """``name`` (or its first two words) if it can be a person's name in furniture: no word of
    a title, place, organisation, newsroom or medium ("Weather Desk", "Baltic Courier"), not
    the outlet, not in ``drop`` (registry aliases, weapon designations); else "". The first two
    words stand for three whose last is a page's word ("X Y Updated") or, with ``trim`` (a
    credit's grammar says a name starts there), any word that is no name's ("By X Y Foreign
    Editor"). An initial and a surname ("T. Marwood") can be a name too."""
    words = name.split()
    own = re.sub(r" ?\([^()]*\)", "", outlet).strip().lower()     # "Range Gate (... by X)" is "Range Gate"
    trimmed = len(words) > 2 and (trim or _bare(words[-1]) in FURNITURE_NAME_WORDS)     # "X Y Updated"
    for n in (len(words), 2) if trimmed else (len(words),):
        cand = " ".join(words[:n])
        # particles and middle initials ("A." is no article here) are no words to judge
        content = [w for w in words[:n] if not re.fullmatch(_PARTICLE, w) and not _INITIAL_RE.fullmatch(w)]
        bad = {_bare(w) for w in content} & (NOT_NAME_WORDS | {w.lower() for w in TITLE_WORDS}
                                              | FURNITURE_NAME_WORDS)
        if trim and len(content) >= 2 and _bare(content[0]) in _MONTH_GIVEN_NAMES and content[1][:1].isupper():
            bad.discard(_bare(content[0]))      # "By Jun Bautista": a given name, not a month
        initialled = n == 2 and _INITIAL_RE.fullmatch(words[0])     # "T. Marwood" signs a comment
        if ((len(content) >= 2 or initialled) and not bad and _bare(content[0]) not in PLACE_LEAD_WORDS
                and not re.fullmatch(ORG_HEADS, content[-1]) and not PUBLICATION_RE.fullmatch(cand)
                and cand.lower() != own and not own.startswith(cand.lower() + " ") and cand not in drop):
            return cand
    return ""


#: A page's date line that starts with its verb ("Published Aug 5, 2025 • Updated ... • 4 minute
#: read"): under a name line, however long, it makes that line the author's.
_PAGE_DATE_LEAD_RE = re.compile(r"(?:Published|Updated|Posted|First published|Last updated)\b:? ?"
                                rf"(?:on )?(?:{_MONTH_ABBR} \d|\d{{1,2}} {_MONTH_ABBR}|\d{{4}}-\d\d-\d\d"
                                r"|\d{1,2}/\d{1,2}/\d{2,4}|\d+ (?:minutes?|hours?|days?) ago)")
#: A social account's handle on its own line ("@jdoe.bsky.social", "@jdoe@mastodon.example").
_HANDLE_RE = re.compile(r"@(?P<user>[\w.-]+?)(?:\.[a-z]+\.social|@[\w.-]+)?")


def _handle_of(line: str, name: str) -> bool:
    """Whether ``line`` is a social account's handle that spells the surname of ``name`` (a post's
    author over its handle, "X Y" over "@xy.bsky.social"), not any account's."""
    m = _HANDLE_RE.fullmatch(line.strip())
    if not m:
        return False
    user = _ascii(m.group("user")).lower().replace("-", "").replace("_", "")
    last = _ascii(name.split()[-1]).lower().replace("-", "")
    return len(last) >= 3 and last in user


def _has_title(text: str) -> bool:
    """Whether a short text holds a person's title or role ("Press Officer", "Moscow correspondent")."""
    return any(_is_title(w) for w in re.findall(r"[\w-]+", text))


def _name_line_row(line: str, prev: str, prev_word: str, nxt: str, outlet: str, valid,  # noqa: C901
                   common: set):
    """``(where, cue, [(offset, name), ...])`` for a furniture line that is a name, else None.

    The line must say it is a person: a title ("Dr X"), two names joined ("X and Y"), a role,
    the outlet or a date after the name ("X, Press Officer", "X, Baltic Courier", "X | 7 August
    2025"), a medium in capitals after it under a date ("X, NEWS WIRE"), a role or date on the next
    line (an author's line in a page header) or a page's tool ("+ FOLLOW", "Views: 2,048"), or a signature's
    place: a line right under prose ("... every week.\\nX, Kingsville") or under a sign-off or the
    name's first word alone ("Best,", "Julian"). ``valid`` says whether a name can be a
    person's (``_furniture_name``): a line whose names are not all valid, or whose comma is
    followed by a date ("Buenos Aires, 5 August 2025"), names nobody. ``common`` holds the
    words the texts write in lower case: a line of such words only is a heading ("Range Gate",
    "Allied Concerns"), and a bare line under prose holding one is a crosshead ("Nordic
    Response"), not a signature. An e-mail address after the name that holds it ("X Y, CFA |
    x.y@...") makes the line the person's; a next line that is one plural title word ("Analysts")
    heads a list and is no role of this line, and a next line that is a name line with its own
    date ("X Y | 6 August") gives this line no date (a section line above it); a line whose
    first word the texts write in lower case and whose tail is a date is a section's label and
    its date ("Sector Note | 6 August"), no byline. A group in
    brackets after the name ("X Y (Greens/EFA)") is a member's line, the person's."""
    lead = len(line) - len(re.sub(r"\A[\W_]+", "", line))      # a bullet, a dash, an emoji
    core = line[lead:].rstrip(" \t.,;:!\u2022")
    core = re.sub(r"[^\w)\]]+\Z", "", core)         # an emoji or a symbol after the name
    m = _NAME_LINE_RE.fullmatch(core)
    if not m:
        return None
    tail = m.group("tail") or ""
    if len(tail.split()) > MAX_NAME_LINE_TAIL:
        return None     # a sentence ("X, a professor at ..., told ..."), not a name's line
    names = [(lead + m.start("name"), m.group("name"))]
    if m.group("name2"):
        names.append((lead + m.start("name2"), m.group("name2")))
    if (not all(valid(n) for _o, n in names) or re.match(rf", (?:\d|{_MONTH_ABBR})", tail)
            or any(all(w.lower() in common for w in n.split()) for _o, n in names)):
        return None     # a headline's words ("Missile Decision and What Comes Next"), a dateline "X, 5 August"
    # the next line's role or date is this line's, unless it is a heading of one plural title word
    # ("Analysts" over a list of them) or a name line with its own date ("X Y | 6 August")
    heading = len(nxt.split()) == 1 and _is_title(nxt) and _bare(nxt) not in PERSON_TITLES
    own = _NAME_LINE_RE.fullmatch(nxt)
    header = (m.group("title") or m.group("name2") or _has_title(tail) or (outlet and outlet in tail)
              or PUBLICATION_RE.search(tail) or _DATE_LINE_RE.search(tail)
              or any(_address_names(a, m.group("name")) for a in re.findall(r"[\w.+-]+(?=@[\w-]+\.)", tail))
              or (len(nxt.split()) <= 8 and (_has_title(nxt) and not nxt.endswith(".") and not heading
                                             or _DATE_LINE_RE.search(nxt) and not (own and own.group("tail"))))
              or _DESK_LINE_RE.fullmatch(nxt)
              or (not nxt.endswith(".") and len(nxt.split(",")[0].split()) <= 4 and _has_title(nxt.split(",")[0])
                  and not heading)
              or _PAGE_DATE_LEAD_RE.match(nxt) or _handle_of(nxt, m.group("name")) or page_tool_line(nxt)
              or _GROUP_TAIL_RE.fullmatch(tail)
              or _DATE_LINE_RE.search(prev) and re.fullmatch(r", [A-Z]{2,}(?: [A-Z]{2,}){0,2}", tail))
    if (header and not (m.group("title") or m.group("name2")) and _DATE_LINE_RE.search(tail)
            and names[0][1].split()[0].lower() in common):
        return None     # "Sector Note | 6 August": a page's section and its date, not a byline
    prose = len(prev.split()) >= 8 and prev.rstrip().endswith(tuple(".!?\"\u201d\u2019)"))
    signed = _SIGN_OFF_RE.fullmatch(prev_word) or prev_word == m.group("name").split()[0]
    place = not tail or _PLACE_TAIL_RE.fullmatch(tail)
    if _CONTACT_HEAD_RE.fullmatch(prev_word):
        return "contact", "contact line", names
    if signed and place:
        return "signature", "signature line", names
    if header:
        return "byline", "name line", names
    if prose and (tail or not any(w.lower() in common for _o, n in names for w in n.split())) and place:
        return "signature", "signature line", names
    return None


def _address_names(local: str, name: str) -> bool:
    """Whether an e-mail address's local part ("l.ferrand", "annakeller") holds a name's surname
    and its given name or that name's initial, or is the initials of its three parts or more
    ("mkr" for "Marta Kowalczyk-Reyes"): the address is that person's."""
    local = local.lower()
    parts = [w for w in re.split(r"[\s-]+", _ascii(name).lower()) if w]
    if len(parts) >= 3 and local == "".join(w[0] for w in parts):
        return True     # three initials at least: two ("gt") fit a group's address as well
    first, *_mid, last = _ascii(name).lower().split()
    rest = local.replace(last, "", 1).strip("._-") if last in local else ""
    return bool(rest) and (first in rest or rest[0] == first[0] or rest[-1] == first[0])


def _furniture_lines(articles: pd.DataFrame) -> list:
    """Each article's lines that cleaning removed as page furniture: ``(article_id, outlet, raw,
    wrapped, spans, lines)``, ``spans`` the furniture spans ``(start, end, rule)`` and ``lines``
    every raw line as ``(start, text, rule)``, ``rule`` empty for a line of the story."""
    audit = removed_spans(articles)
    audit = audit[audit.kind == "furniture"]
    by_article = {aid: list(zip(g.raw_start, g.raw_end, g.rule)) for aid, g in audit.groupby("article_id", sort=False)}
    out = []
    for aid, outlet, raw in articles[["article_id", "outlet", "raw_text"]].itertuples(index=False):
        spans: list = []
        for s0, e0, rule in sorted(by_article.get(aid, [])):
            if spans and not raw[spans[-1][1]:s0].strip() and spans[-1][2] == rule:
                spans[-1] = (spans[-1][0], e0, rule)    # one credit over two lines, two spans
            else:
                spans.append((s0, e0, rule))
        lines = []
        for m in re.finditer(r"[^\n]*", raw):
            if m.start() > 0 and raw[m.start() - 1] != "\n":
                continue
            first = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            rule = next((r for s, e, r in spans if s <= first < e), "") if m.group(0).strip() else ""
            lines.append((m.start(), m.group(0), rule))
        out.append((aid, str(outlet), raw, is_hard_wrapped(raw), spans, lines))
    return out


#: Words no roster's name holds (a title, place or page word).
_ROSTER_NOT_NAMES = NOT_NAME_WORDS | {w.lower() for w in TITLE_WORDS} | FURNITURE_NAME_WORDS


def _furniture_rows(articles: pd.DataFrame, known: set, things: set) -> list:  # noqa: C901
    """People named in the lines cleaning removed as page furniture, one row per occurrence:
    ``(article_id, outlet, -1, start, end, candidate, cue, cue_word, where)``, offsets in
    ``raw_text`` (see ``discover_names``)."""
    drop = known | things
    rows: list = []
    # the words the texts write in lower case, outside addresses ("j.ashcroft@...")
    bare_text = re.sub(r"\S+@\S+|https?://\S+|www\.\S+", " ", " ".join(articles.raw_text.astype(str)))
    common = set(re.findall(r"(?<![\w'\u2019-])[a-z\u00df-\u00ff\u0101-\u017f]+(?![\w'\u2019-])", bare_text))
    pseudo = []
    for aid, outlet, raw, wrapped, spans, lines in _furniture_lines(articles):
        def add(start, name, cue, cue_word, where, trim=False, aid=aid, outlet=outlet):
            name = _furniture_name(name, outlet, drop, trim)
            if name:
                rows.append((aid, outlet, -1, start, start + len(name), name, cue, cue_word, where))
        for s0, e0, rule in spans:
            # a credit wrapped over two lines ("Writing by Tom\nAshworth") reads as one
            text = raw[s0:e0].replace("\n", " ") if wrapped or "credit" in rule else raw[s0:e0]
            for m in _CREDIT_BY_RE.finditer(text):
                verb = m.group("verb") or ""
                line_start = raw.rfind("\n", 0, s0 + m.start()) + 1
                if not verb and re.search(r"\w", raw[line_start:s0 + m.start()]):
                    continue    # "by" inside a line, after no credit's verb ("Sponsored by ...")
                where = "credit" if verb.lower().startswith(_CREDIT_ONLY) else "byline"
                at = m.start("names")
                for part in re.split(r"(,? and |, | & )", m.group("names")):
                    if not re.fullmatch(r",? and |, | & ", part) and not _is_title(part.split()[-1]):  # no ", Editor"
                        add(s0 + at, re.sub(r" in [A-Z]\w+(?: [A-Z]\w+)?\Z", "", part), "credit by",
                            (verb + " by").strip(), where, True)
                    at += len(part)
            for m in _LABEL_NAME_RE.finditer(text):
                label = m.group("label").lower()
                at = m.start("names")
                for part in re.split(r"(,? and |, | & )", m.group("names")):
                    title = re.match(rf"(?:{_HONORIFICS})\.? ", part)
                    if not re.fullmatch(r",? and |, | & ", part) and _bare(part.split(" ")[-1]) not in PERSON_TITLES:
                        add(s0 + at + (title.end() if title else 0), part[title.end():] if title else part, "label",
                            m.group("label"), "contact" if "contact" in label or "spokes" in label else "credit", True)
                    at += len(part)
            for m in _CAPS_BY_RE.finditer(text):
                line_start = raw.rfind("\n", 0, s0 + m.start()) + 1
                if re.search(r"\w", raw[line_start:s0 + m.start()]):
                    continue
                at = m.start("names")
                for part in re.split(r"( AND | and | & |, )", m.group("names")):
                    if len(part.split()) in (2, 3):
                        add(s0 + at, _title_case(part), "credit by", "by", "byline")
                    at += len(part)
            for m in _CONTRIBUTED_RE.finditer(text):
                add(s0 + m.start("name"), m.group("name"), "contributed", "contributed", "credit")
            for m in _MAIL_NAME_RE.finditer(text):
                # the address holds the surname and the given name or its initial ("l.ferrand"),
                # not a list's word ("Northgate Clients <clients@...>")
                if _address_names(m.group("mail").split("@")[0], m.group("name")):
                    add(s0 + m.start("name"), m.group("name"), "mail header", "", "contact")
            for at, name in photo_credits(text, _ROSTER_NOT_NAMES | set(outlet.lower().split())):   # "(X/Own Outlet)"
                add(s0 + at, name, "photo credit", "", "credit")
            for at, name in staff_labels(text):     # "DUTY EDITOR: X Y   PRODUCER: Z W"
                add(s0 + at, name, "label", "", "credit")
        # a transcript's turn labels in capitals, the surname alone on its line ("HOLM"), two or more
        labels = pd.Series([t.strip() for _s, t, _r in lines if re.fullmatch(
            rf"[ \t]*[{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})?[ \t]*", t)], dtype=str).value_counts()
        for start, line, _rule in lines:
            intro = _CAPS_INTRO_RE.fullmatch(line)
            if intro and labels.get(intro.group("name").split()[-1], 0) >= 2:
                # "DANA X, NEWS HOST" over a transcript whose turns are labelled "X": that speaker
                name = _title_case(intro.group("name"))
                if not {_bare(w) for w in name.split()} & _ROSTER_NOT_NAMES:
                    add(start + intro.start("name"), name, "name in capitals", "", "furniture")
            # "Algeria . . . . . . Mr. Benhadid": a roster's line, a courtesy title and the name as
            # the record gives it, a surname alone too
            roster = _ROSTER_RE.search(line)
            if roster and roster.group("name") not in drop \
                    and not {_bare(w) for w in roster.group("name").split()} & _ROSTER_NOT_NAMES:
                rows.append((aid, outlet, -1, start + roster.start("name"), start + roster.end("name"),
                             roster.group("name"), "roster line", roster.group("title"), "furniture"))
            for at, name in () if _rule else caption_credits(line, _ROSTER_NOT_NAMES):     # "... Photo: X Y"
                add(start + at, name, "photo credit", "", "credit")
            for at, name, cue, where in line_names(line, raw, bool(_rule)):     # "Interview: X Y on ..."
                if cue not in ("contact line", "endnote") or not all(w.lower() in common for w in name.split()):
                    add(start + at, name, cue, "", where)     # not "Press: Main Switchboard, 020 ..."
            for caps in _CAPS_INITIAL_RE.finditer(line) if _rule else ():
                name = _title_case(caps.group("name"))
                if not {_bare(w) for w in name.split() if not _INITIAL_RE.fullmatch(w)} & _ROSTER_NOT_NAMES:
                    add(start + caps.start("name"), name, "name in capitals", "", "furniture")
        for at, name in signed_questions([(s, t) for s, t, _r in lines], _ROSTER_NOT_NAMES | common | drop):
            rows.append((aid, outlet, -1, at, at + len(name), name, "signature", "", "furniture"))   # "X, Town"
        for i, (start, line, rule) in enumerate(lines):
            # a name line that cleaning left in the story text ("X, Millbrook, Ont." under a
            # letter) is read as one too
            if not line.strip() or not rule and (wrapped or not re.fullmatch(
                    rf"[\W_]*{_NAME}{_PLACE_TAIL}?[\W_]*", line) and not mail_signature(line)):
                continue    # a story line: only a bare name, a name and its place or its address, in unwrapped copy
            prev = lines[i - 1][1] if i else ""
            prev_word = next((t.strip() for _s, t, _r in reversed(lines[max(0, i - 3):i]) if t.strip()), "")
            nxt = next((t.strip() for _s, t, _r in lines[i + 1:i + 3] if t.strip()), "")
            found = _name_line_row(line, prev, prev_word, nxt, outlet,
                                   lambda n, o=outlet: _furniture_name(n, o, drop) == n, common)
            bare = line.strip()
            if not found and rule and re.fullmatch(_NAME, bare) and len(nxt.split()) >= 8 \
                    and _furniture_name(bare, outlet, drop) == bare \
                    and not all(w.lower() in common for w in bare.split()) \
                    and sum(t.strip() == bare for _s, t, r in lines if r) >= 2:
                # a live page's entries each under their author's bare name ("X Y" above the prose
                # of two entries or more): the author of each
                found = "byline", "repeated name line", [(line.index(bare), bare)]
            if found:
                where, cue, names = found
                for off, name in names:
                    add(start + off, name, cue, "", where)
            if rule:
                pseudo.append((aid, outlet, -1, start, line, rule))
        for at, name in entry_bylines([ln[:2] for ln in lines], lambda n, o=outlet: _furniture_name(n, o, drop) == n):
            add(at, name, "live entry byline", "", "byline")    # "13:10 GMT / Heading / X Y, Berlin / prose"
    # captions, headlines and author boxes read by the story's patterns ("Vice-Minister X.")
    lines_df = pd.DataFrame(pseudo, columns=["article_id", "outlet", "sentence_id", "start", "text", "rule"])
    rules = {(a, s): r for a, _o, _i, s, _t, r in pseudo}
    cued, loose = _pattern_rows(lines_df, known, things)
    outlets = dict(zip(articles.article_id, articles.outlet.astype(str)))
    texts = dict(zip(articles.article_id, articles.text.astype(str)))
    for row, text, start, end in loose:
        # a name with no cue ("Forwarded from X Y | Channel") whose surname the story uses for a
        # person ("According to Y", "Y wrote", "Mr Y")
        if row[5].split()[-1] in texts[row[0]] and not all(w.lower() in common for w in row[5].split()) and re.search(
                SURNAME_PERSON_RE.format(re.escape(row[5].split()[-1])), texts[row[0]]):
            cued.append(((*row[:6], "surname in story", ""), text, start, end))
    for row, _text, start, _end in cued:
        if row[6] == "after by":
            continue            # read above, with the credit's grammar
        name = _furniture_name(row[5], outlets[row[0]], drop)
        rule = rules[(row[0], row[3] - start)]
        where = ("caption" if "caption" in rule else "author box" if row[6] == "is a role" or "bio" in rule
                 else "furniture")
        if name == row[5]:
            rows.append((*row, where))
    seen: set = set()
    out = []
    for r in rows:
        if (r[0], r[3], r[5]) not in seen:
            seen.add((r[0], r[3], r[5]))
            out.append(r)
    return out


def _ascii(word: str) -> str:
    """A word without its accents ("Załęski" gives "Zaleski")."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


def _turn_label_rows(sents: pd.DataFrame, drop: set, not_names: set) -> list:
    """The speakers a verbatim record's turn labels name: a sentence that opens with a name and
    what the speaker speaks as, then a dash, or is that label alone with the next sentence opening
    with the dash ("Anna Berg, on behalf of the Green Group." | "\u2013 Madam President, ...").
    An article must hold two such labels or more: a record gives every speaker one, and a single
    name before a dash may be a byline or a dateline."""
    out: list = []
    for _aid, group in sents.groupby("article_id", sort=False):
        found = []
        texts = list(group.text.astype(str))
        for i, (aid, outlet, sid, base, text) in enumerate(_rows(group, ["article_id", "outlet", "sentence_id",
                                                                          "start", "text"])):
            m = _TURN_LABEL_RE.match(text)
            dash_next = i + 1 < len(texts) and re.match(r"[\u2013\u2014] ", texts[i + 1])
            if not m or not (m.group("dash") or dash_next):
                continue
            name = m.group("name")
            if name in drop or any(_bare(w) in not_names for w in name.split()) \
                    or _furniture_name(name, "", drop) != name:
                continue
            found.append((aid, outlet, sid, base + m.start("name"), base + m.end("name"), name, "turn label", ""))
        if len(found) >= 2:
            out += found
    return out


#: A name written family name first, the family name in capitals ("OKADA Rie"), as a parliamentary
#: record's English translation writes it: one to two capitalised family words, one given name word.
_FAMILY_FIRST = rf"[{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})? {NAME_WORD}"
#: A record's turn label with such a name, after an optional speech mark: the name with what the
#: speaker speaks for in brackets ("\u25cbOKADA Rie (Green Party):"), or a role with the name first
#: in its brackets ("\u25cbMinister of Finance (OKADA Rie, ...):").
_FAMILY_FIRST_LABEL_RE = re.compile(rf"[^\w\s(]?[ \t]*(?:(?P<name>{_FAMILY_FIRST})[ \t]*\([^()\n]{{1,60}}\)"
                                    rf"|[{_UPPER}][\w -]{{0,40}}?[ \t]*\((?P<name2>{_FAMILY_FIRST})"
                                    r"(?:,[^()\n]*)?\))[ \t]*:")


def _family_first_label_rows(sents: pd.DataFrame, drop: set, not_names: set) -> list:
    """The speakers a record's turn labels name family name first, in capitals ("OKADA Rie
    (Green Party):", "Minister of Finance (OKADA Rie):"); the name is kept as written. An
    article must hold two such labels or more, as a record gives every speaker one."""
    out: list = []
    for _aid, group in sents.groupby("article_id", sort=False):
        found = []
        for aid, outlet, sid, base, text in _rows(group, ["article_id", "outlet", "sentence_id", "start", "text"]):
            m = _FAMILY_FIRST_LABEL_RE.match(text)
            if not m:
                continue
            key = "name" if m.group("name") else "name2"
            name = m.group(key)
            if name in drop or any(_bare(w) in not_names for w in name.split()):
                continue
            found.append((aid, outlet, sid, base + m.start(key), base + m.end(key), name, "turn label", ""))
        if len(found) >= 2:
            out += found
    return out


def discover_names(sents: pd.DataFrame, figures: pd.DataFrame | None = None,  # noqa: C901
                   quote_rows: pd.DataFrame | None = None, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Propose person names that the figure registry does not know.

    A candidate is a run of two or three capitalised words (after stripping
    organisation, place and title words such as "Russian Security Council", an owner's
    possessive such as "CNX's", and a dateline in capitals after a byline) that stands in
    one of these patterns: after a title or role ("spokesman Dmitry Peskov", "President
    Vladimir Putin"; a title inside the run counts, the name being what follows the last
    one: "Brigadier General Kemal X", "Secretary-General", "then-President", "Presidents";
    a determiner such as "The" or a place's word such as "Russian" is never a title; a
    title before "of" and a portfolio counts: "Vice-Minister of Foreign Affairs X", and after
    "<title> of" with no article the first of three words is the place the office is of:
    "President of Belarus X Y"; a time word that opens a sentence is no part of a name:
    "Yesterday X Y said"; particles inside a name belong to it: "Dr X van Y"; a name ends at
    its possessive: "Spokesperson X Y's Regular Briefing"), before
    an appositive comma and article
    or role ("Nikolai Sokov, a former ...", not ", said the envoy"), between commas after a
    title and what it is of ("the Prime Minister of the Republic of X, Y Z, will"), before a verb of
    speech ("Boris Bondarev said"; not before a number: "added 2.1%"), after "by"
    ("signed in 1987 by Ronald Reagan"), before ", who" ("Mark Rutte, who ..."), after
    "I'm" ("I'm Priya X and ..."), before "is a" and a role ("X Y is a former
    diplomat"), or joined by "and" to such a name or to a surname of the article's
    people ("by Ronald Reagan and Mikhail Gorbachev", "Joe Biden and Putin"); and a
    transcript's speaker label in capitals that opens two turns or more ("SIGRID X:"), and a
    label of a role that chairs or answers with its person in brackets ("MODERATOR [X Y]:",
    "Host (X Y):"; not an asking role's, whose brackets name an outlet), and an asker's
    introduction after an asking label ("QUESTION: X Y, Baltic Radio.", or the sentence after
    "Q: Thank you."), whose outlet is then no speaker; and a verbatim record's turn labels, a name
    and what the speaker speaks as before a dash ("X Y, on behalf of the Z Group. \u2013 Madam
    President", "X Y (Greens). \u2013"), when the article holds two or more, and a record's turn
    labels with a name written family name first in capitals, kept as written ("OKADA Rie
    (Green Party):", "Minister of Finance (OKADA Rie):"), two or more too. A middle initial
    belongs to a name ("Royce T. Aldridge"); a capitalised preposition is none ("Senator From
    Idaho"). A peer by title and territory ("Lord X of Y") or with a party in brackets ("Baroness
    X (LD)") is read whole, anywhere on the page (``peernames``), and no shorter run of it is kept.
    A run with a newspaper's word ("X Courant", "Kurier Y") is no person, and an epithet before a
    name is no part of it ("Dictator X Y" is "X Y": ``namewords.person_part``).
    A run with no cue counts when the story uses its surname alone for a person ("X Y arrived.
    ... Mr Y", "Y said", Y a quotation's speaker; ``looseruns``); a surname with its particle
    used alone ("Van Dijk said" after "Anna van Dijk") is that person, no name of its own.
    With ``quote_rows`` (``quotes``), every speaker the registry does not
    know counts too (cue "speaker"), at its first occurrence in the article, unless it
    is part of a name found ("Haji Abdalla"), holds a word that is no name ("When
    Putin"), opens or ends with a title word ("Researcher X"), follows a medium's noun ("the
    channel X"), moves a share price or is written after "the" or "during" in the article (an
    exercise, an era). A run whose last word is a title ("given by High Representative/...")
    is no name unless a title stands before it.
    Name words may carry "Mc", "Mac" or "O'" ("McAllister") or a lower-case second part
    after a short first one ("Soo-min", not "War-era"). Country, institution and weapon
    names are not people: a run or speaker opening with a compass word ("South Korea",
    "Far East"), a speaker named only as a seat in brackets after a name ("X (Kinross and
    Glen Devon)"), a run made of title,
    place or organisation words ("United States"), a run ending in an organisation's
    head ("Strategic Command") or continuing an organisation's name ("Centre for
    Strategic Restraint") and any designation in ``systems.csv`` ("Dark Eagle") are
    left out. Names already in the registry (any alias) are left out; pass an empty
    registry to see everything the patterns find.

    With ``articles`` (``load_corpus``: ``raw_text`` and ``outlet``), the lines cleaning
    removed as page furniture are read too, for the people a page names outside its story:
    a credit with "by" at a line's start or after a credit's verb ("By X and Y, ...", "BY X
    AND Y", "Reporting by X in Moscow; Editing by Y", "Translated from Spanish by X"; never
    "Sponsored by"), a label ("Editor: X", "Press contact: X"), "X contributed", an e-mail
    header whose address holds the name ("From: X Y <x.y@...>"), a photographer's credit
    ("(Agency Photo/X)", "© X / Agency"), a press contact ("Press: X Y, +44 ...") and an endnote's
    authors ('[2] X Y, "Title"'; ``notenames``), a line that is a name ("X", "X in Lisbon", "X and Y")
    and says it is a person (a title, two names joined, a role, the outlet or a date after
    it, a role or date on the next line, a contact heading above it, or a signature: under
    prose or a sign-off, with a place after it: "X, Kingsville"), the patterns above on
    captions, headlines and author boxes, and a name with no cue whose surname the story uses
    for a person ("Forwarded from X Y" and "According to Y"). A furniture name holds no
    newsroom, medium, page-control or wire-advisory word ("Weather Desk", "Ad Feedback", "Adds
    X comment"), is not the outlet, and a name line is not made of words the texts write in
    lower case ("Range Gate"). A name line may carry a student's class year ("X Y '27, Staff
    Writer"). A roster's line names the person after its dot leaders and courtesy title, a
    surname alone too ("Algeria . . . . Mr. X"). A furniture name written surname first ("Y X"
    in a page's list of persons) of a person the story names given name first ("X Y") is left
    out. A bare name line a live page repeats above its entries' prose is their author's byline.
    A name in capitals with a middle initial in a record's roster or heading ("MARTA K. OLSEN,
    Oregon") is a person's, in title case, and so is a speaker a broadcast transcript introduces
    in capitals before a comma ("ANNA HOLM, NEWS HOST") when two or more of its turns are labelled
    with that surname alone ("HOLM").

    Returns one row per candidate occurrence: ``article_id``, ``outlet``,
    ``sentence_id``, ``start``, ``end``, ``candidate``, ``cue`` (which pattern),
    ``cue_word`` and ``where``: where on the page the name was read. "story" for the
    cleaned story text (``sentence_id`` and offsets into ``text``, as ``sentences`` gives
    them); with ``articles``, for a furniture line (``sentence_id`` -1, offsets into
    ``raw_text``): "byline" (an author's credit or name line), "credit" (editing,
    translation, photographs, "contributed"), "signature" (a letter's or an e-mail's),
    "contact" (a press contact, an e-mail's sender), "caption", "author box" (a bio) or
    "furniture" (a headline or other line). People who figure in the story are the
    candidates with a "story" row; the rest are named only around it. Story rows come
    first in each article, then furniture rows, each by offset.
    """
    figures = load_figures() if figures is None else figures
    known = {a for aliases in figures.aliases for a in aliases}
    things = {a for aliases in load_systems().aliases for a in aliases}
    not_names = NOT_NAME_WORDS | {w.lower() for w in TITLE_WORDS}
    rows, loose = _pattern_rows(sents, known, things)
    rows = coordinated(rows, loose, quote_rows) + recurring(loose, sents, quote_rows)
    prev_label: dict = {}        # the article's last sentence, if a label with a short courtesy ("Q: Thanks.")
    affiliations: set = set()    # (article, outlet an asker named after their name)
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        label = _LABEL_RE.match(text)
        if label and sum(t.startswith(label.group(0)) for t in sents.text[sents.article_id == aid]) >= 2:
            name = _title_case(label.group(1))     # a speaker label the transcript repeats
            if name not in known and all(_bare(w) not in not_names for w in name.split()):
                rows.append((aid, outlet, sid, base, base + len(label.group(1)), name, "speaker label", ""))
        chair = _CHAIR_LABEL_RE.match(text)
        if chair and chair.group("role").lower() in ROLE_LABELS - ASKING_ROLES \
                and _furniture_name(chair.group("name"), "", known | things) == chair.group("name"):
            # "Moderator [Anna X]:", "Host (Anna X):": a chairing or answering role's person in brackets
            rows.append((aid, outlet, sid, base + chair.start("name"), base + chair.end("name"), chair.group("name"),
                         "role label", chair.group("role")))
        asker = _ASKER_INTRO_RE.fullmatch(text)
        role = (asker.group("role") or (prev_label.get(aid, "") if not asker.group("label") else "")) if asker else ""
        if asker and role.lower() in ASKING_ROLES:
            # "QUESTION: X Y, Baltic Radio." (or after "QUESTION: Thank you."): the asker says their
            # name and their outlet, which is no person
            affiliations.add((aid, asker.group("org")))
            if _furniture_name(asker.group("name"), "", known | things) == asker.group("name"):
                rows.append((aid, outlet, sid, base + asker.start("name"), base + asker.end("name"),
                             asker.group("name"), "asker introduction", role))
        short = _SHORT_LABEL_RE.fullmatch(text)
        prev_label[aid] = short.group("role") if short else ""
    rows += _turn_label_rows(sents, known | things, not_names)
    rows += _family_first_label_rows(sents, known | things, not_names)
    rows += vocative_rows(sents, known | things, not_names, articles)     # "Go ahead, Steve."
    rows += bracket_label_rows(sents, known | things, not_names, articles)     # "CALLER (Jo, Leeds):"
    found = {(r[0], r[5]) for r in rows}
    if quote_rows is not None and len(quote_rows):
        institutions = set(load_institutions().institution)
        by_article = {aid: g for aid, g in sents.groupby("article_id", sort=False)}
        for aid, speaker in quote_rows[["article_id", "speaker"]].drop_duplicates().itertuples(index=False):
            if (speaker in known or speaker in institutions or speaker in {"unattributed", ""}
                    or (aid, speaker) in found or len(speaker.split()) < 2 or aid not in by_article
                    or person_name(speaker) != speaker or PUBLICATION_RE.fullmatch(speaker)
                    or (aid, speaker) in affiliations):
                continue    # a body ("Pentagon officials") or a newspaper ("Eastern Courier"), not a person
            if (any(not _NAME_WORD_RE.match(w) or _bare(w) in not_names for w in speaker.split())
                    or _bare(speaker.split()[0]) in PLACE_LEAD_WORDS
                    or _is_title(speaker.split()[0]) or _is_title(speaker.split()[-1])
                    or re.search(rf"\b(?:[Tt]he|during)\s+{re.escape(speaker)}(?![\w'\u2019])",
                                 " ".join(by_article[aid].text.astype(str)))
                    or any(speaker in name for a, name in found if a == aid)):
                continue    # "When Putin", "Strategic Studies"; part of a name found ("Haji Abdalla"); a title
                #             ("Researcher X"); a thing the story writes after "the" or "during" (an exercise)
            for outlet, sid, base, text in _rows(by_article[aid], ["outlet", "sentence_id", "start", "text"]):
                at = text.find(speaker)
                if at >= 0 and (text[:at].split()[-1:] and text[:at].split()[-1].lower() in MEDIUM_WORDS
                                or _SHARE_MOVE_RE.match(text, at + len(speaker))):
                    break   # "the channel Severny Bastion"; a share price "added 2.1%"
                if at >= 0 and _AFFILIATION_BRACKET_RE.search(text, 0, at):
                    continue   # a seat in brackets after a name ("Fiona X (Kinross and Glen Devon)")
                if at >= 0:
                    rows.append((aid, outlet, sid, base + at, base + at + len(speaker),
                                 speaker, "speaker", ""))
                    found.add((aid, speaker))
                    break
    rows = [(*r, "story") for r in rows]
    if articles is not None:
        rows += _furniture_rows(articles, known, things)
        rows += line_rows(articles, known | things, not_names)     # "Lord X of Y (Con)", "Jo Hale¹, ..."
    rows = with_peers(rows, peer_rows(sents, articles, known | things, not_names))     # "Lord X of Y"
    press = press_names(sents)      # "Le Monde", "X, a regional daily", "Die Woche": papers, no people
    rows = [r for r in rows if (r[0], r[5]) not in press]
    parts = [person_part(r[5]) for r in rows]     # "X Courant" is a newspaper; "Dictator X Y" is "X Y"
    rows = [(*r[:3], r[3] + at, r[3] + at + len(name), name, *r[6:]) for r, (at, name) in zip(rows, parts) if name]
    rows = particle_tails(rows)     # "Van Dijk said" after "Anna van Dijk": her surname alone
    out = pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "start", "end",
                                      "candidate", "cue", "cue_word", "where"])
    # "Lukashenko Alexander" on a page's list of persons: a furniture name written surname first,
    # the story naming the same person given name first ("Alexander Lukashenko"), is that person
    story = {(a, c.split()[-1], c.split()[0]) for a, c, w in zip(out.article_id, out.candidate, out["where"])
             if w == "story"}
    out = out[pd.Series([w == "story" or (a, *c.split()[:2]) not in story
                         for a, c, w in zip(out.article_id, out.candidate, out["where"])], index=out.index, dtype=bool)]
    out = out.assign(_furniture=out["where"] != "story")
    out = out.sort_values(["article_id", "_furniture", "start"], kind="stable").drop(columns="_furniture")
    return out.reset_index(drop=True)


def names_gold(path, articles: pd.DataFrame, corpus_ids=None) -> dict:
    """Read a corpus's hand-made list of names (``names_gold.csv``: ``name`` and ``article_ids``,
    ``|``-separated) against the articles it is to score, so that a list written for other
    articles is never scored as if it were this corpus's.

    Returns a dict: ``names`` (the gold names found in at least one article scored),
    ``covered`` (sorted ids of ``articles`` the list speaks for), ``stale`` (sorted ids the list
    names that are not in the corpus: ``corpus_ids``, default ``articles``), ``uncovered``
    (sorted ids of ``articles`` the list says nothing of) and ``stale_names`` (names tied only to
    stale ids). A row with an empty ``article_ids`` speaks for every article. Raises
    ``CorpusError`` naming the file for a missing ``name`` column.
    """
    path = Path(path)
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    if "name" not in gold.columns:
        raise CorpusError(f"{path}: no 'name' column (columns: {', '.join(gold.columns)})")
    ids = set(articles.article_id)
    in_corpus = ids | set(corpus_ids if corpus_ids is not None else ())
    listed = (gold["article_ids"] if "article_ids" in gold.columns else pd.Series([""] * len(gold)))
    names, stale, stale_names, named_ids, everywhere = set(), set(), set(), set(), False
    for _row, (name, cell) in enumerate(zip(gold["name"], listed), start=2):
        own = {a.strip() for a in str(cell).split("|") if a.strip()}
        if not own:
            everywhere = True
            names.add(name)
            continue
        stale |= own - in_corpus
        named_ids |= own & ids
        if own & ids:
            names.add(name)
        elif not own & in_corpus:
            stale_names.add(name)
    covered = sorted(ids) if everywhere else sorted(named_ids)
    return dict(names=names, covered=covered, stale=sorted(stale),
                uncovered=sorted(ids - set(covered)), stale_names=sorted(stale_names))


def discovery_scores(candidates: pd.DataFrame, gold: set) -> dict:
    """Precision and recall of discovered names against a hand-made set of names.

    Counts distinct names, compared without regard to case (coders list a credit printed in
    capitals either as printed or in title case): a candidate is right if it is in ``gold``. Returns
    ``found``, ``right``, ``gold``, ``precision``, ``recall``, ``false_positives``
    and ``missed`` (both sorted lists).
    """
    found = {n.casefold(): n for n in candidates["candidate"]}   # case is no spelling: "X Y" is "X Y" in capitals
    listed = {n.casefold(): n for n in gold}
    right = found.keys() & listed.keys()
    return dict(found=len(found), right=len(right), gold=len(listed),
                precision=len(right) / len(found) if found else float("nan"),
                recall=len(right) / len(listed) if listed else float("nan"),
                false_positives=sorted(found[k] for k in found.keys() - right),
                missed=sorted(listed[k] for k in listed.keys() - right))
