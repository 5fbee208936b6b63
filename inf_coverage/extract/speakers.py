"""Who speaks: institutions, attribution verbs, person names and titles, resolving a
speaker from the words around a quotation."""

from __future__ import annotations

import re

import pandas as pd

from inf_coverage.core.layout import CorpusError, split_list
from inf_coverage.extract.administrations import administration_name, leader_body, leader_of
from inf_coverage.extract.affiliations import title_group
from inf_coverage.extract.contactclauses import contact_pronoun
from inf_coverage.extract.countrybodies import named_before
from inf_coverage.extract.delegates import delegate_speaker
from inf_coverage.extract.figures import ROLE_WORDS, TITLE_WORDS, _name_pattern, name_key, same_person
from inf_coverage.extract.nametags import apposition_comma, bracket_tag_end, comma_tag, drop_comma_tags
from inf_coverage.extract.namewords import PRESS_TITLE_WORDS
from inf_coverage.extract.objects import QUOTE_ONLY_VERBS
from inf_coverage.extract.openingclauses import mask_opening_clause
from inf_coverage.extract.outlets import outlet_speaker
from inf_coverage.extract.personnames import _PLACE_PREPOSITIONS, FUNCTION_WORDS, person_name
from inf_coverage.extract.roledescriptions import described_person
from inf_coverage.extract.roleowners import owner_body, owner_word
from inf_coverage.extract.speakerforms import CAPITALS as _CAPITALS
from inf_coverage.extract.speakerforms import DEMONYMS, anonymous_group
from inf_coverage.ingest.patterns import always_matches, check_name, check_owners
from inf_coverage.ingest.registries import country_of_group, read_registry, with_standing

# ---------------------------------------------------------------------------
# 3. Source framing (01-source-framing; the voice split is reused in 02)
# ---------------------------------------------------------------------------

INSTITUTION_COLUMNS = ["institution", "aliases", "affiliation_group", "notes"]


def load_institutions(path=None) -> pd.DataFrame:
    """Read the institutions that can speak in an article (``institutions.csv``:
    ``institution``, ``aliases`` separated by ``|``, ``affiliation_group``, ``notes``).

    Looked up like ``load_figures``. "unattributed" collects vague sources
    ("analysts", "media reports"). Raises ``CorpusError`` naming file and row for a
    missing column, an empty name, an alias listed twice, or an alias that is an
    English function word (``check_name``).

    Two optional columns keep a body's standing apart from its nationality, as for
    people: ``standing`` (one of ``STANDINGS``: the Kremlin is "official", Xinhua "state
    media", The New York Times "media", ``unattributed`` "unknown"; another value is
    refused naming file, row and value) and ``country`` (the state the body belongs to,
    "international" for an alliance such as NATO, empty when unknown). A registry
    without them, or an empty cell, takes what ``affiliation_group`` implies
    (``standing_of_group``, ``country_of_group``: ``russian_official`` gives "official"
    and "Russia", ``media`` "media" and no country). The table returned always has both.
    """
    path, inst = read_registry("institutions.csv", path, INSTITUTION_COLUMNS)
    inst = with_standing(path, inst, "institution")
    written = inst["country"] if "country" in inst.columns else pd.Series("", index=inst.index)
    inst = inst.assign(country=[c.strip() or country_of_group(g) for c, g in zip(written, inst["affiliation_group"])])
    seen: dict = {}
    owner: dict = {}
    lists: list = []
    for i, row in inst.iterrows():
        if not row["institution"].strip():
            raise CorpusError(f"{path}, row {i + 2}: column 'institution' is empty")
        where = f"{path}, row {i + 2} (institution {row['institution']!r})"
        aliases = split_list(row["aliases"]) or [row["institution"]]
        for a in aliases:
            check_name(a, where, "alias")
            if a in seen:
                raise CorpusError(f"{where}: alias {a!r} is also listed for {seen[a]!r}")
            seen[a] = row["institution"]
            check_owners(owner, a, row["institution"], where, "alias")
        lists.append(aliases)
    return inst.assign(aliases=pd.Series(lists, index=inst.index, dtype=object))


#: Verbs that attribute speech, as written -> the form reported in ``verb``.
ATTRIBUTION_VERBS = {
    "said": "said", "says": "said", "say": "said", "told": "told", "telling": "told", "tells": "told",
    "wrote": "wrote", "writes": "wrote", "added": "added", "adding": "added", "adds": "added",
    "noted": "noted", "notes": "noted", "noting": "noted", "warned": "warned", "warns": "warned",
    "warn": "warned", "argued": "argued", "argues": "argued", "stated": "stated",
    "emphasized": "emphasized", "emphasised": "emphasized", "emphasizing": "emphasized",
    "underscored": "underscored", "suggested": "suggested", "announced": "announced",
    "announces": "announced", "accused": "accused", "accuses": "accused", "accusing": "accused",
    "claimed": "claimed", "claims": "claimed", "called": "called", "calling": "called",
    "signaled": "signaled", "signalled": "signaled", "described": "described",
    "describe": "described", "describes": "described", "confirmed": "confirmed",
    "reported": "reported", "continued": "continued", "declared": "declared", "proposing": "proposed",
    "declaring": "declared", "insisted": "insisted", "explained": "explained",
    "explains": "explained", "explaining": "explained", "posted": "posted", "posts": "posted",
    "posting": "posted", "tweeted": "posted", "writing": "wrote", "summarized": "summarized",
    "summarised": "summarized", "summarizing": "summarized", "stressed": "stressed",
    "stresses": "stressed", "stressing": "stressed", "remarked": "remarked", "replied": "replied",
    "cautioned": "cautioned", "urged": "urged", "asserted": "asserted", "acknowledged": "acknowledged",
    "conceded": "conceded", "predicted": "predicted", "observed": "observed", "observes": "observed",
    "suggests": "suggested", "acknowledges": "acknowledged", "concedes": "conceded", "predicts": "predicted",
    "asserts": "asserted", "calls": "called",      # the present of press reviews ("the paper observes that ...")
    "underlined": "underlined", "underlines": "underlined", "reiterated": "reiterated",
    "reiterates": "reiterated", "reiterating": "reiterated", "reaffirmed": "reaffirmed",
    "commented": "commented", "indicated": "indicated", "indicates": "indicated",
    "hailed": "hailed", "hails": "hailed", "welcomed": "welcomed", "welcomes": "welcomed",
    "condemned": "condemned", "condemns": "condemned",      # speech only in a quoted fragment (objects.py)
    # statements whose content is the verb's object ("blamed X for Y", "cited X", "branding
    # the move a new reality", "promised to respect it")
    "saying": "said", "arguing": "argued", "claiming": "claimed", "insisting": "insisted",
    "insists": "insisted", "cited": "cited", "cites": "cited", "blamed": "blamed", "blames": "blamed",
    "blaming": "blamed", "branded": "branded", "branding": "branded", "promised": "promised",
    "promising": "promised", "pledged": "pledged", "pledging": "pledged", "announcing": "announced",
    "recalled": "recalled", "recalls": "recalled", "pointed to": "pointed to", "points to": "pointed to",
    "pointed out": "pointed out", "points out": "pointed out", "thinks": "thinks", "believes": "believes",
    "listed": "listed", "lists": "listed", "put it": "put it", "weighed in": "weighed in",
    "vowed": "vowed", "vows": "vowed", "vowing": "vowed", "proposed": "proposed", "proposes": "proposed",
    "called on": "called on", "called for": "called for", "calls for": "called for", "calls on": "called on",
    "concluded that": "concluded", "concludes that": "concluded",    # not "the talks concluded on Friday"
    "reminds readers that": "reminded", "reminded readers that": "reminded", "reminds that": "reminded",
    "maintained that": "maintained", "maintains that": "maintained",  # not "maintained its moratorium"
    "denied that": "denied", "denies that": "denied",   # not "denied the charge" (an act)
    "made clear that": "made clear", "makes clear that": "made clear", "made it clear that": "made clear",
}
#: Participles attach to a speaker already named in the sentence ("..., adding that").
PARTICIPLES = {v for v in ATTRIBUTION_VERBS if v.endswith("ing")}
# "reported to visit", "is said to be": passive, no speaker
#: Verbs whose statement is an infinitive ("promised to respect it"); for the others a
#: following "to" is a passive or a plan ("is said to be", "reported to visit"): no speech.
_TO_VERBS = {"promised", "promising", "pledged", "pledging", "vowed", "vows", "vowing",
             "put it"}     # "put it to reporters"
_VERB_RE = re.compile(r"(?<![\w-])((?:%s)(?![\w-])|(?:%s)(?![\w-])(?! to\b))" % (
    "|".join(sorted(_TO_VERBS, key=len, reverse=True)),
    "|".join(sorted(set(ATTRIBUTION_VERBS) - _TO_VERBS, key=len, reverse=True))))
_ACCORDING_RE = re.compile(r"\b[Aa]ccording to ((?:the )?[\w'\u2019-]+(?:\.\w+)*(?: [\w'\u2019-]+(?:\.\w+)*){0,6}?)(?=[,.;]|$)")  # noqa: E501
#: "In Nowicki's view, ...", "in his opinion", "In the ministry's assessment": the
#: possessor speaks (group ``who``), like "according to".
#: Also "In the opinion of X, ...", "in the words of X" (group ``of``, up to its comma).
_VIEW_RE = re.compile(r"\b[Ii]n (?:(?P<who>his|her|its|their|the [\w-]+['\u2019]s"
                      r"|(?:[A-Z][\w-]*\s){0,2}[A-Z][\w-]*['\u2019]s)"
                      r" (?:own )?(?:view|opinion|assessment|judge?ment|estimation|reading|words)\b"
                      r"|the (?:view|opinion|assessment|judge?ment|estimation|words) of"
                      r" (?P<of>(?:[\w'\u2019.-]+ ){0,7}?[\w'\u2019.-]+)(?=,))")
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
#: "according to him": the object pronoun stands for the person "he" would.
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
_SKIP_BEFORE_VERB = {"today", "yesterday", "again", "now", "also", "further", "previously", "had", "has", "have",
                     "later", "then",
                     "reportedly", "repeatedly", "officially", "recently", "what", "which",
                     # adverbs of time between a subject and its verb ("had already described",
                     # "has long said", "have since argued", "always said")
                     "already", "since", "long", "always", "still", "just", "once", "first", "meanwhile"}
#: Adverbials of several words between a subject and its verb ("the Pentagon at the time
#: called it ...", "the ministry in turn said").
_ADVERBIAL_BEFORE_VERB_RE = re.compile(r"\s(?:at the time|in turn|for (?:its|his|her|their) part|in response"
                                       r"|at first|by then|back then|the same day|the next day|that day)\s*\Z", re.I)
_SPEAKER_WORDS = ROLE_WORDS | {"defence", "defense", "interior", "air", "force", "forces", "armed", "navy", "army",
                               "government", "office", "command", "coalition", "department", "parliament",
                               "spokesperson", "diplomats", "members", "governments", "paper", "newspaper", "weekly",
                               "daily", "outlet", "publication", "document", "text", "commentator", "columnist",
                               "tabloid", "broadsheet", "broadcaster", "editorial",
                               "the", "a", "former", "senior", "special", "military", "pro-military",
                               "deputy", "channel", "statement", "ministry", "leadership",
                               "reports", "media", "analysts", "experts", "officials", "side",
                               "foreign", "russian", "spokesman"}
_PRONOUNS = {"he": "person", "she": "person", "it": "institution", "they": "any"}
_RELAYS = [
    re.compile(r"\b(?:on|in an?) (X|Telegram|Twitter|Facebook|YouTube|VKontakte)\b"),
    re.compile(r"\binterview with ((?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3})"),
    re.compile(r"\btold ((?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3})"),
    re.compile(r"((?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3}) reported\b(?! to\b)"),
    _ACCORDING_RE,
]


_RELAY_HINT_RE = re.compile(r"\b(?:on|in an?) [A-Z]|interview with|\btold [A-Z]|\btold the [A-Z]|reported\b|ccording to")  # noqa: E501


def quote_spans(text: str):
    """Quotation spans in a cleaned text: (open, close, mark) with ``open`` the offset
    of the opening mark and ``close`` that of the closing mark.

    Curly double quotes pair as written; straight double quotes pair in order within a
    paragraph; curly single quotes open with ‘ and close at the first ’ not followed by
    a letter (so "Russia’s" is not a closing mark). Marks inside an open quotation are
    part of it (nested quotes). An unclosed quotation ends at its paragraph's end.
    """
    spans, pos = [], 0
    for para in text.split("\n"):
        n, i = len(para), 0
        while True:
            m = _OPEN_QUOTE_RE.search(para, i)
            if not m:
                break
            o, c = m.start(), m.group()
            if c == "\u2018":
                close_m = _CLOSE_SINGLE_RE.search(para, o + 1)
                close = close_m.start() if close_m else -1
            else:
                close = para.find("\u201d" if c == "\u201c" else '"', o + 1)
            close = n if close < 0 else close
            spans.append((pos + o, pos + close, c))
            i = close + 1
        pos += n + 1
    return spans


_OPEN_QUOTE_RE = re.compile("[\u201c\"\u2018]")
_CLOSE_SINGLE_RE = re.compile(r"\u2019(?![A-Za-z])")


_PROPER_WORD_RE = re.compile(r"[A-Z][a-z]+")
_DEMONYM_GROUPS = {"Russian": "russian", "Ukrainian": "ukrainian", "Chinese": "chinese", "American": "us"}
#: The head noun of an organisation that speaks as a body.
_ORG_HEAD = (r"(?:[Mm]inistry|[Gg]overnment|[Aa]ir [Ff]orce|[Aa]rmy|[Nn]avy|[Pp]arliament|[Cc]oalition|[Cc]ommand"
             r"|[Dd]epartment|[Cc]ouncil|[Pp]residency|[Cc]abinet|[Ii]nstitute|[Cc]ent(?:er|re)|[Ff]oundation"
             r"|[Aa]ssociation|[Cc]ampaign|[Nn]etwork|[Aa]gency|[Cc]ommission|[Cc]ommittee|[Ss]ecretariat|League|Federation"
             r"|Movement|Forum|Society|Foundation|Initiative|Office)")
#: An acronym in brackets after a body's name: "(FDFA)".
_ABBR_RE = re.compile(r"\([A-Z][A-Za-z.&-]{1,11}\)")
_ORG_PHRASE_RE = re.compile(
    r"(?<![\w'\u2019-])(?:(?P<country>%s)['\u2019]s\s+|(?P<adj>%s)\s+)?(?P<mods>(?:(?!(?i:the|a|an|and|for|of|on|in|at)\b)[A-Za-z][\w-]*\s+){0,3}?)"
    r"(?P<head>%s)\b(?P<of>\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+(?:and\s+)?[A-Z][\w'\u2019-]*){0,4})?(?P<abbr>\s*\([A-Z][A-Za-z.&-]{1,11}\))?"
    % ("|".join([*DEMONYMS, *_CAPITALS, "Moscow"]), "|".join(DEMONYMS.values()), _ORG_HEAD))
#: People who speak for others, or an unnamed number of them ("a government spokesperson",
#: "Pentagon officials", "Traders"): the head of the phrase.
_ROLE_HEAD_RE = re.compile(
    r"\b(?P<head>officials?|spokes(?:person|man|woman|people)s?|press (?:office|service)"
    r"|diplomats?|sources?|MPs?|MEPs?|lawmakers?|legislators?"
    r"|traders?|commentators?|observers?|aides?|representatives?|investors?|economists?|members|governments"
    r"|negotiators?|envoys?|planners?|strategists?|researchers?|analysts?|experts?|columnists?|editors?"
    r"|correspondents?|reporters?"
    r"|advocates|campaigners|insiders|media|reports|data)(?:\s+(?:for|of|at|in|from)\s+[^,;]+)?\Z", re.I)
#: Roles a text names its people by after naming them ("Maksim Ryzhenkov ... the diplomat
#: said"), unlike officials and spokespeople, who are often never named.
_NAMED_ROLES = {"diplomat", "envoy", "negotiator", "researcher", "analyst", "expert", "commentator", "strategist",
                "economist", "observer", "lawmaker", "legislator", "mep", "mp"}
#: Words that end a publication's name as a speaker's phrase ("the Fox News", "The Globe") but are
#: no newspaper word for ``outlets`` or name discovery: they end as many other names ("Evening
#: Standard" but "gold standard", "News" of a broadcaster, "Nuclear Posture Review", "Wire" of an agency).
PUBLICATION_ONLY_WORDS = ("News", "Standard", "Globe", "Record", "Wire", "Independent", "Review")
#: A newspaper's name: capitalised words ending in a word newspapers are named with
#: (``namewords.PRESS_TITLE_WORDS``, the list ``outlets`` and name discovery read, and these).
PUBLICATION_RE = re.compile(
    r"(?<![\w-])(?:[Tt]he\s+)?((?:[A-Z][\w'\u2019-]*\s+){0,3}(?:%s))(?![\w-])"
    % "|".join(PRESS_TITLE_WORDS + PUBLICATION_ONLY_WORDS))
#: What a text calls a newspaper it has named; and its people, who speak for it ("Its commentator").
_PUBLICATION_WORDS = {"paper", "newspaper", "daily", "weekly", "tabloid", "outlet", "publication"}
_PUBLICATION_ROLES = {"commentator", "columnist", "editor", "correspondent", "reporter", "editorial"}
#: Texts that speak for the body that issued them ("the document says").
_DOCUMENT_WORDS = {"document", "text", "communique", "communiqu\u00e9", "release", "note", "letter", "memo"}
_DETERMINERS = {"a", "an", "the", "one", "two", "three", "several", "some", "many", "most", "other", "another",
                "few", "various", "senior", "its", "their", "his", "her"}


def org_name(phrase: str) -> str:
    """The organisation a speaker phrase names when the registry does not hold it, as the
    country's adjective and the organisation's words ("Lithuania's defence ministry" gives
    "Lithuanian Defence Ministry", "The Coalition for Missile Restraint" "Coalition for
    Missile Restraint"); "" when the phrase names no organisation by country or by a
    capitalised name."""
    best = None
    for m in _ORG_PHRASE_RE.finditer(phrase):
        if m.group("head"):
            best = m
    if best is None:
        return ""
    state = {**_CAPITALS, "Moscow": "Russia"}.get(best.group("country") or "", best.group("country") or "")
    country = best.group("adj") or DEMONYMS.get(state, "")
    words = (best.group("mods") + best.group("head")).split()
    if not country and not (best.group("of") or all(w[:1].isupper() for w in words)):
        return ""          # "the government": no country, no name
    if not country and len(words) == 1 and not best.group("of"):
        return ""          # "The Ministry" at a sentence start names nobody
    name = " ".join(w[:1].upper() + w[1:] for w in words) + (best.group("of") or "").rstrip() \
        + (" " + best.group("abbr").strip() if best.group("abbr") else "")
    return f"{country} {name}".strip()


_APPOSITIVE_RE = re.compile(r"(?:['\u2019]s\b)?(?:\s*\([^()\"\u201c\u201d]{1,40}\)"
                            r"|\s*,\s*[^,.;:\"\u201c\u201d]{1,120}?(?=,|\.|;|\Z)"
                            r"|\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][^,.;\"\u201c\u201d]{0,80}"
                            r"|\s+(?:is|was)\s+(?:a|an|the)\s+[^,.;\"\u201c\u201d]{1,80})")


def own_title(context: str, name: str) -> str:
    """The words of ``context`` that are ``name``'s own: the title right before it and the
    appositive right after it ("NATO Secretary General Jens Stoltenberg", "Pranay Vaddi, a
    former diplomat who worked for the State Department"), not the rest of the sentence:
    a Secretary of State in a sentence about NATO is not a NATO official."""
    at = context.find(name)
    if at < 0:
        return ""
    after = _APPOSITIVE_RE.match(context, at + len(name))
    return f"{_phrase_before(context, at)} {name}{after.group() if after else ''}"


class _SpeakerResolver:
    """Maps a speaker phrase to a registered figure or institution, within one article;
    a named person the registry does not know is a speaker too, under the name as written."""

    def __init__(self, figures, institutions):
        self.full = {a: f for f, al in zip(figures.figure, figures.aliases) for a in al}
        self.by_surname = dict(zip(figures.figure, figures.surname))
        self.fig_group = dict(zip(figures.figure, figures.affiliation_group))
        self.inst = {a.replace("\u2019", "'"): i for i, al in zip(institutions.institution, institutions.aliases)
                     for a in al}
        self.inst_group = dict(zip(institutions.institution, institutions.affiliation_group))
        self.surname_figures: dict = {}
        for fig, sur in zip(figures.figure, figures.surname):
            self.surname_figures.setdefault(sur, []).append(fig)
        self.role_words = {fig: set(re.findall(r"[a-z]+", role.lower())) for fig, role in zip(figures.figure, figures.role)}  # noqa: E501
        # every spelling of a registered name under its key ("Sergey Riabkov" is Sergei Ryabkov)
        self.by_key = {name_key(a): f for a, f in self.full.items()}
        names = tuple(sorted(set(self.full) | set(self.by_surname.values())))
        self.names = _name_pattern(names)
        # "the U.S." also as "The U.S." at the start of a sentence
        inst_alts = "|".join(("[Tt]he " + re.escape(a[4:])) if a.startswith("the ") else re.escape(a)
                             for a in sorted(self.inst, key=len, reverse=True))
        self.inst_re = re.compile(rf"(?<![\w-])(?:{inst_alts})(?![\w-])")

    def institution(self, matched):
        """The institution an alias match names ("The U.S." is the alias "the U.S.")."""
        return self.inst.get(matched) or self.inst.get("the " + matched[4:]) if matched.startswith("The ") \
            else self.inst.get(matched)

    def group(self, speaker, ctx=None):
        return (self.fig_group.get(speaker) or self.inst_group.get(speaker)
                or (ctx or {}).get("groups", {}).get(speaker) or "unknown")

    def by_title(self, phrase):
        """A registered figure named by title and surname ("President Trump") when the title
        is a word of the figure's role."""
        words = phrase.replace("\u2019", "'").split()
        for k in range(1, len(words)):
            name = re.sub(r"'s\Z", "", words[k])
            for fig in self.surname_figures.get(name, []):
                if words[k - 1].lower() in self.role_words[fig]:
                    return fig
        return None

    def unregistered(self, phrase, ctx, context=""):
        """A person the registry does not know: the name as written in ``phrase`` (a lone
        surname resolves to the full name seen earlier in the article), remembered in
        ``ctx`` with the affiliation ``title_group`` reads from the phrase and ``context``."""
        name = person_name(phrase, ctx.get("common", frozenset()), orgs=True)
        if not name:
            lone = phrase.strip(" ,").replace("\u2019", "'")
            lone = re.sub(r"'s\Z", "", lone.split()[-1]) if lone.split() else ""
            name = ctx["other_named"].get(lone) or ctx["article_names"].get(lone, "") or next(
                (n for n in [*ctx["other_named"].values(), *ctx["article_names"].values()]
                 if n.split()[0] == lone and lone not in TITLE_WORDS and lone.lower() not in ctx.get("common", ())),
                "")    # "Gao" for Gao Mingyuan: the family name written first
            if not name:
                return None
        known = next((n for n in ctx["other_named"].values() if n != name and same_person(n, name)), None)
        name = known or name        # "Olexiy Danilov" after "Oleksiy Danylov": one person
        ctx["other_named"][name.split()[-1]] = name
        ctx["last_person"] = name
        if name not in ctx["groups"] or ctx["groups"][name] == "unknown":
            ctx["groups"][name] = title_group(f"{phrase} {own_title(context, name)}")
        titles = ctx.setdefault("titles", {})
        titles[name] = f"{titles.get(name, '')} {phrase} {own_title(context, name)}"
        return name

    def seat(self, p, ctx):
        """A state or its seat of government standing for it ("Beijing has said", "the
        Pentagon called it", "the White House said"): a capital or country name, or "the" and
        capitalised words that are no person's title; the name as written, None if not one."""
        words = p.split()
        if len(words) == 1 and (p in _CAPITALS or p in DEMONYMS):
            country = _CAPITALS.get(p, p)
            ctx.setdefault("groups", {}).setdefault(p, title_group(f"{DEMONYMS.get(country, country)} government"))
            return self.named_org(p, ctx, p)
        if 2 <= len(words) <= 4 and words[0].lower() == "the" and all(_PROPER_WORD_RE.fullmatch(w) for w in words[1:]) \
                and words[-1].lower() not in ROLE_WORDS and not PUBLICATION_RE.fullmatch(p) \
                and not any(w.lower() in ctx.get("common", ()) for w in words[1:]):
            name = " ".join(words[1:])
            ctx.setdefault("groups", {}).setdefault(name, title_group(f"{name} government"))
            return self.named_org(name, ctx, p)
        return None

    def remember_org(self, org, ctx):
        """Note ``org`` as the last body named by its head noun ("the ministry" next refers to it)."""
        if org:
            head = re.split(r" (?:for|of|on) ", org)[0].split()[-1].lower()    # "Coalition for X": coalition
            ctx.setdefault("orgs", {})[head] = org
        return org

    def named_org(self, org, ctx, phrase):
        """An organisation the registry does not hold, under ``org_name``, with the affiliation
        its own words give; "the Russian ministry" is the Russian one named before (``named_before``)."""
        org = named_before(org, ctx.get("orgs", {})) or org
        if org not in ctx.setdefault("groups", {}):
            ctx["groups"][org] = title_group(org)
        ctx.setdefault("org_names", set()).add(org)
        return self.remember_org(org, ctx)

    def role_speaker(self, phrase, role, org, ctx):
        """A speaker named only by role: a spokesperson speaks for the body named in the phrase
        ("a spokesperson for the Chinese Foreign Ministry"); a body of people with a name of
        their own ("Pentagon officials") is that phrase; anyone else is "unattributed"."""
        head = role.group("head").lower()
        words = phrase[:role.start()].split()
        if words and words[0].lower() == "the" and not head.endswith("s"):
            # "the Kremlin spokesman said", after "Dmitry Peskov" (the Kremlin spokesman) was
            # named: the person of that role named last in the article
            titled = [f for f in ctx["named"].values() if head in self.role_words.get(f, ())
                      and all(w.lower() in self.role_words[f] for w in words[1:] if w[:1].isupper())]
            if titled:
                return titled[-1]
        if head.startswith(("spokes", "press")):
            named = list(self.inst_re.finditer(phrase.replace("\u2019", "'")))
            # "the ministry's spokeswoman": the ministry the article named before, else the registry's
            inst = self.named_org(org, ctx, phrase) if org else owner_body(phrase, role, ctx) or (
                self.institution(named[-1].group()) if named else None)
            if inst:
                ctx.setdefault("roles", {})["spokesperson"] = inst
                return inst
        elif (head.endswith("s") or head in {"media", "data"}) and words and words[0].lower() not in _DETERMINERS \
                and words[0][:1].isupper() and words[0].lower() not in ctx.get("common", ()) and len(words) <= 3:
            # a proper name before the head ("Pentagon officials", "US media"; not "Regional
            # officials", which the article also writes in lower case)
            name = " ".join(words + [role.group("head")])
            ctx.setdefault("groups", {}).setdefault(name, title_group(name))
            return name
        key = "spokesperson" if head.startswith("spokes") else head.rstrip("s")
        if words and words[0].lower() == "its" and key in _PUBLICATION_ROLES and ctx.get("last_publication"):
            return ctx["last_publication"]      # "Its commentator wrote": the paper's voice
        if words and words[0].lower() == "the" and not head.endswith("s") and key in _NAMED_ROLES \
                and key not in ctx.get("roles", {}) and ctx.get("last_person"):
            # "the diplomat said": the one person titled so ("X, a diplomat"), else the person just named
            holders = {n for n, t in ctx.get("titles", {}).items() if re.search(rf"\b{key}\b", t, re.I)}
            return holders.pop() if len(holders) == 1 else ctx["last_person"]
        ctx.setdefault("roles", {})[key] = "unattributed"
        return "unattributed"

    def refers_back(self, p, low, ctx):
        """"the ministry", "the coalition", "the spokesperson" (also after a time, "On Monday
        the ministry"): the last speaker of that head noun named in the article, else the
        registry's body of that alias; a newspaper by its name ("The Harbour Gazette"), as
        media; None if none."""
        paper = PUBLICATION_RE.fullmatch(p)
        if paper and not self.names.search(p) and not self.institution(p):
            ctx.setdefault("groups", {})[paper.group(1)] = "media"
            ctx["last_publication"] = paper.group(1)
            return self.named_org(paper.group(1), ctx, p)
        # "the foreign ministry", "The Coalition"; not a name of its own ("the New York Times")
        anaphor = re.search(r"(?:\A|\s)[Tt]he (?:(?:[a-z-]+ ){0,2}?([a-z-]+)|([A-Z][a-z-]+))\Z", p)
        if not anaphor or any(w[:1].islower() for w in p[:anaphor.start()].split()):
            return None
        head = (anaphor.group(1) or anaphor.group(2)).lower()
        head = "spokesperson" if head.startswith("spokes") else head
        for table in ("orgs", "roles"):
            known = ctx.get(table, {}).get(head) or ctx.get(table, {}).get(head.rstrip("s"))
            if known:
                return known
        if head in _PUBLICATION_WORDS and ctx.get("last_publication"):
            return ctx["last_publication"]      # "The paper also reported": the newspaper just named
        if head in _DOCUMENT_WORDS and ctx.get("last_institution"):
            return ctx["last_institution"]      # "the document says": the body that issued it
        if anaphor.start() > 0 and ("the " + head) in self.inst:
            return self.remember_org(self.inst["the " + head], ctx)
        return None

    def body(self, p, best, ctx):
        """A speaker phrase naming no person: a role (``role_speaker``) or an organisation
        the registry does not hold, or holds for another country ("Ukraine's foreign
        ministry" is not the registry's Russian one); None if neither."""
        org = org_name(p)
        role = _ROLE_HEAD_RE.search(p)
        if role and anonymous_group(p):     # "Regional officials in Kharkiv reported": nobody named
            return "unattributed"
        if role:
            return self.role_speaker(p, role, org, ctx)
        if org and self.institution(org):
            return self.remember_org(self.institution(org), ctx)    # "Moscow's foreign ministry": the registry's
        if org:
            inst = self.institution(best) if best is not None else None
            country = org.split()[0] if org.split()[0] in DEMONYMS.values() else ""
            # "the Ministry of Foreign Affairs and Trade": more portfolios than the registry's alias
            if inst is None or " and " in org[len(best):] or (country and not self.inst_group.get(inst, "").startswith(
                    _DEMONYM_GROUPS.get(country, country.lower()))):
                return self.named_org(org, ctx, p)
        return None

    def registered(self, p, ctx):
        """The registered figure ``p`` names: an alias, a surname of a figure named in full
        before, or another spelling of either: another romanisation or a familiar given name
        ("Sergey Riabkov", "Mike Pompeo" for Michael Pompeo). None if none."""
        for m in self.names.finditer(p):
            name = m.group("name")
            if name in self.full:
                return self.full[name]
            if name in ctx["named"]:
                return ctx["named"][name]
        name = person_name(p, ctx.get("common", frozenset()))
        if name:
            fig = self.by_key.get(name_key(name)) or next(
                (f for a, f in self.full.items() if same_person(a, name)), None)
            if fig:
                ctx["named"][name.split()[-1]] = fig      # "Riabkov" alone next is this figure too
                return fig
        words = p.split()
        if len(words) == 1 or (len(words) > 1 and (words[-2].lower() in TITLE_WORDS_LOWER
                                                   or words[-2] in FUNCTION_WORDS)):
            lone = re.sub(r"'s\Z", "", words[-1])
            key = name_key(lone)
            known = [f for s_, f in ctx["named"].items() if name_key(s_) == key]
            if len(set(known)) == 1:
                return known[0]
            owners = self.surname_figures.get(lone, [])
            if len(words) <= 2 and len(owners) == 1 and lone not in ctx["article_names"] \
                    and lone not in ctx["other_named"]:
                return owners[0]    # "Also Peskov came out": the one registered Peskov, no other named
        return None

    def resolve(self, phrase, ctx, context=""):
        """Figure, institution or unregistered person for ``phrase`` (or None), given the
        article context ``ctx``: figures named in full so far, last person mentioned, last
        speakers, people outside the registry named so far; ``context`` is the sentence
        around the phrase, for an unregistered person's title."""
        p = phrase.strip(" ,").replace("\u2019", "'")
        p = _OBJECT_PRONOUNS.get(p.lower(), p)
        low = p.lower()
        if low in _PRONOUNS or low in {"the expert", "the professor", "the analyst"}:
            # he, she: the last person; it: the last institution; "the expert": the last expert
            key = {"person": "last_person", "institution": "last_institution"}.get(_PRONOUNS.get(low, ""),
                                                                                   "last_speaker")
            held = ctx.get("before_possessive")
            if key == "last_person" and held and held[0] == ctx.get("sentence") and held[1]:
                return held[1]
            return ctx[key if low in _PRONOUNS else "last_expert"]
        if anonymous_group(p):      # "Russian officials have said": unnamed people, before any alias
            return "unattributed"
        admin = administration_name(p) or leader_body(p, self)     # "the Trump administration": not Donald Trump
        if admin:
            ctx.setdefault("groups", {}).setdefault(admin, self.fig_group.get(leader_of(admin, self), "unknown"))
            return self.named_org(admin, ctx, p)
        known = outlet_speaker(p, ctx) if not self.institution(p) else None     # "the daily", unless registered
        known = known or self.refers_back(p, low, ctx) or self.institution(p)     # or the phrase is a registered alias
        if known:
            return self.remember_org(known, ctx) if known in self.inst_group else known
        spelled = self.registered(p, ctx) or low.startswith("the ") and described_person(p, {**{
            f: " ".join(self.role_words[f]) for f in ctx["named"].values()}, **ctx.get("titles", {})})
        if spelled:
            return spelled      # (or "the Russian President": the one person named with that office)
        best: str | None = None
        best_key: tuple = (0, 0)
        for m in self.inst_re.finditer(p):
            rank = (m.end(), len(m.group()))    # the head of a phrase comes last
            if best is None or rank > best_key:
                best, best_key = m.group(), rank
        common = ctx.get("common", frozenset())
        body = self.body(p, best, ctx) if not person_name(p, common) else None
        if body:
            return body
        if best is not None and (best == p or p.lower().endswith(best.lower()) or len(best) > 3):
            # "Ukrainian Foreign Ministry spokesman Taras Hnatiuk" is Hnatiuk, not the ministry
            if not person_name(p[best_key[0]:], common):
                return self.remember_org(self.institution(best), ctx)
        return self.by_title(p) or self.seat(p, ctx) or self.unregistered(p, ctx, context) or (
            self.institution(best) if best is not None and (best == p or p.lower().endswith(best.lower()) or len(best) > 3)  # noqa: E501
            else None)


def _subject_before(before: str) -> str:
    """The subject that ends where ``before`` ends (the text up to a verb): the words after the
    last clause mark, skipping one parenthetical between commas; at most eight words, else ""."""
    text = before.rstrip()
    if text.endswith(","):
        inner = text[:-1].rfind(",")
        text = text[:inner] if inner >= 0 else text[:-1]
    subject = re.split(r"[,;:\u2014\u2013]|\s-\s", text)[-1].strip()
    return subject if 0 < len(subject.split()) <= 8 else ""


TITLE_WORDS_LOWER = {w.lower() for w in TITLE_WORDS}
#: Capitalised words of time that open an adverbial, not a name ("May" is also a surname).
_TIME_NAMES = {"January", "February", "March", "April", "June", "July", "August", "September", "October",
               "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
_AFFILIATION_LINKS = {"of", "the", "for", "at", "and", "on"}


def _phrase_before(sentence: str, at: int) -> str:  # noqa: C901
    """The speaker phrase that ends just before offset ``at`` of a sentence: skips
    adverbs ("also", "had") and a parenthetical between commas ("Li Haidong, a
    professor at ..., told"), then takes capitalised and role words backwards."""
    head = drop_comma_tags(sentence[:at])      # "Tom Lund, R-Ohio, said", "Jan Berg, 61, of X, said"
    adverbial = _ADVERBIAL_BEFORE_VERB_RE.search(head)
    words = head[:adverbial.start()].split() if adverbial else head.split()
    if [w.lower() for w in words[-3:]] in (["went", "on", "to"], ["goes", "on", "to"]):
        del words[-3:]      # "X went on to say that ...": X goes on speaking
    while words and (words[-1].lower() in _SKIP_BEFORE_VERB or re.fullmatch(r"[a-z]+ly", words[-1])
                     and words[-1] not in {"daily", "weekly"}):   # "the Bonn daily argues": a paper
        words.pop()
    if [w.lower() for w in words[-4:]] == ["the", "head", "of", "state"]:
        return " ".join(words[-4:])     # an office in lower case: ``described_person`` reads it
    for k in (4, 3, 2):     # "the Trump administration": a leader's government (``administration_name``)
        if len(words) >= k and words[-1] == "administration" and administration_name(" ".join(words[-k:])):
            return " ".join(words[-k:])
    if words and words[-1].endswith(")") and bracket_tag_end(" ".join(words)) >= 0:
        words = " ".join(words)[:bracket_tag_end(" ".join(words))].split()    # "Jane Roe (D-Conn.) said": Jane Roe
    if words and words[-1].endswith(","):
        # "Name, a professor at X, told" / "Name, in a recent interview with TASS, underscored"
        j = len(words) - 2
        while j >= 0 and not words[j].endswith(","):
            j -= 1
        j = apposition_comma(words, j, person_name)     # "X, a member of the Committee on A, B and C, said"
        if j >= 0 and j < len(words) - 1 and (words[j + 1][:1].islower() or words[j + 1] in {"a", "an", "the"}):
            words = words[:j + 1]
            words[-1] = words[-1][:-1]
        elif j >= 0 and comma_tag(" ".join(words[j + 1:]), person_name(" ".join(words[j + 1:]))) \
                and person_name(" ".join(words[:j + 1])):
            words = words[:j + 1]       # "Jane Roe, D-Conn., said", "Tom Lund, 54, told": the name before the tag
            words[-1] = words[-1][:-1]
        else:
            # "Putin's spokesman, Dmitry Peskov, told": the name between the commas speaks
            between = " ".join(words[j + 1:]).rstrip(",")
            named = person_name(between) if j >= 0 else ""
            # "Putin's spokesman, Dmitry Peskov, told", "..., Chief of Naval Operations Adm. John Richardson, said"
            return between if named and between.endswith(named) else ""
    relative = len(words) >= 2 and words[-1] == "who" and words[-2].endswith(",")
    if relative:
        words = words[:-1]
        words[-1] = words[-1][:-1]
    out: list = []
    for w in reversed(words):
        if out and w.endswith((",", ";", ":")) or relative and w == "and":
            # "On Monday, the ministry": the phrase starts after the comma; "a row between X
            # and Y, who said": "who" is Y
            break
        bare = w.strip("\u201c\u201d\"'")
        # an acronym in brackets is part of the name ("the Federal Department of Foreign Affairs (FDFA) said")
        if bare[:1].isupper() or bare.lower() in _SPEAKER_WORDS | _PRONOUNS.keys() or _ABBR_RE.fullmatch(bare) \
                or owner_word(bare, out):      # "the ministry's spokeswoman": whose spokeswoman
            out.append(bare)
            if bare.lower() in _PRONOUNS:
                break
        elif out and out[0].lower() in _PUBLICATION_WORDS and len(out) < 4 and re.fullmatch(r"[a-z][a-z-]*", bare):
            out.append(bare)                   # "the business daily argued", "the pro-government tabloid"
        elif out and bare in _AFFILIATION_LINKS and len(out) < 10:
            out.append(bare)                   # "Lena Marsh of the Halden Institute": keep going
        else:
            break
    while out and out[-1] in _AFFILIATION_LINKS - {"the"} or len(out) > 1 and out[-1] in _TIME_NAMES:
        out.pop()       # "and in June Deputy Minister X told": the month is no part of the speaker
    return " ".join(reversed(out))


#: Before a verb of saying, words that make it no statement: a negation ("has not said
#: whether"), an infinitive ("declined to say", "expects Washington to describe") or a
#: modal ("will announce").
_NOT_SPOKEN_RE = re.compile(r"\b(?:not|never|n['\u2019]t|(?<!\bon\s)to|will|would|could|may|might|should|must"
                            r"|can|cannot)\s+(?:\w+ly\s+)?\Z", re.I)      # ("went on to say" speaks)
#: A relative clause in the perfect describes a speaker's standing position, not what the
#: article reports them saying ("X, who has called for ...", "who have long argued that").
_ADJECTIVE_BEFORE_RE = re.compile(
    r"(?:\w['\u2019]s|\b(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Mm]y|[Yy]our|[Tt]he|[Aa]n?))\s+\Z")
_BACKGROUND_RE = re.compile(r"\bwho\s+(?:has|have|had)\s+(?:\w+ly\s+|also\s+|long\s+)?\Z")
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?\Z")
_BY_AGENT_AFTER_RE = re.compile(r"[^.;]{0,60}?\bby\s+((?:[A-Z][\w'\u2019.-]*|the|former|senior)"
                                r"(?:\s+(?:[A-Z][\w'\u2019.-]*|of|the))*)")


_BY_BODY_AFTER_RE = re.compile(r"[^.;]{0,60}?\bby\s+(the\s+(?:[\w'\u2019-]+\s+){0,2}?[\w'\u2019-]+)"
                               r"(?=\s+that\b|\s*[,.;]|\Z)")


#: A document as the subject of a verb of saying, read as its author: "the ministry's (own)
#: statement", "Its statement".
_DOCUMENT_SUBJECT_RE = re.compile(
    r"(?:(?<=\A)|(?<=[\s,;:]))((?:[Tt]he\s+)?(?:[A-Z][\w'\u2019-]*\s+){0,3}[\w-]+?)(?:['\u2019]s|(?<=[Ii]ts))\s+"
    r"(?:own\s+|latest\s+|official\s+|written\s+)?(?:statement|communiqu[e\u00e9]|readout|press release|decree"
    r"|note|editorial)\s+(?:also\s+)?\Z")


#: Characters around an attribution verb that its speaker phrase, title and distancing
#: marker are read from: bounded, so a sentence of thousands of verbs or quotation marks
#: costs time in proportion to its length, not its square.
WINDOW = 400
#: Attribution verbs and quotations read per sentence. Prose has a handful; a "sentence"
#: of thousands (a run of "said" or of quotation marks in a broken or hostile text) is
#: read up to this many, so that no text can make extraction slower than linear.
MAX_PER_SENTENCE = 60


def _attributions(sentence: str, resolver, ctx):  # noqa: C901
    """Every attribution verb in a sentence with its resolved speaker, in order:
    (verb_start, verb_end, verb, speaker, speaker_text, participle, distancing). Each verb
    is read within ``WINDOW`` characters of itself, so the scan is linear in the sentence."""
    found: list = []
    for n_verb, m in enumerate(_VERB_RE.finditer(sentence)):
        if n_verb >= MAX_PER_SENTENCE:
            break
        word = m.group(1)
        if found and ATTRIBUTION_VERBS[word] in QUOTE_ONLY_VERBS:
            continue    # "X said Minsk welcomed ...": a verb of judgement inside X's statement
        if word.endswith(" that") and not re.match(r"\s+[\w\"\u201c\u2018']", sentence[m.end():]):
            continue    # "Moscow denies that, but ...": "that" is the object, no clause follows
        if ctx.get("advance_to") is not None:
            ctx["advance_to"](m.start())      # who is named before this verb
        if _NOT_SPOKEN_RE.search(sentence, max(0, m.start() - 24), m.start()):
            continue    # "did not say when", "declined to say", "expects X to describe": nothing said
        if _ADJECTIVE_BEFORE_RE.search(sentence, max(0, m.start() - 12), m.start()):
            continue    # "Russia's claimed suspension", "its stated aim": an adjective, not a verb
        if _BACKGROUND_RE.search(sentence, max(0, m.start() - 40), m.start()):
            continue    # "Rutte, who has called for more spending, ...": a stance described, no statement here
        lo = max(0, m.start() - WINDOW)
        context = sentence[lo:m.end() + WINDOW]
        if _PASSIVE_BEFORE_RE.search(sentence, max(0, m.start() - 12), m.start()):
            # "was stated on Telegram by Igor Valentsov": the agent after "by" speaks;
            # a passive with no agent ("it was announced") names no speaker
            by = _BY_AGENT_AFTER_RE.match(sentence, m.end())
            speaker = resolver.resolve(by.group(1), ctx, context) if by else None
            if speaker is None:
                # "It was stated by the ministry that ...": a common noun after "the"
                by = _BY_BODY_AFTER_RE.match(sentence, m.end())
                speaker = resolver.resolve(by.group(1), ctx, context) if by else None
            if by is not None and speaker is not None:
                found.append([m.start(), m.end(), ATTRIBUTION_VERBS[word], speaker, by.group(1), False])
            continue
        before = sentence[lo:m.start()]
        if word in PARTICIPLES and before.rstrip().endswith(","):
            # "Medvedev, now deputy chairman of the Security Council, went further, writing
            # that ...": a participle after a comma has the main clause's subject, not the
            # words before its comma
            found.append([m.start(), m.end(), ATTRIBUTION_VERBS[word], None, "", True])
            continue
        phrase = _phrase_before(before, len(before))
        doc = _DOCUMENT_SUBJECT_RE.search(before)
        if doc:
            # "The ministry's statement points to ...", "Its statement said": whose document
            phrase = _POSSESSIVE_PRONOUNS.get(doc.group(1).lower(), doc.group(1))
        at = contact_pronoun(before, sentence[m.end():]) if phrase == "it" else -1
        if at >= 0:     # "citing a tug it said broke the rules": the subject named before in the sentence
            first = _main_subject(sentence[:lo + at], resolver)
            who = _subject_of(sentence, 0, first, resolver, ctx) if first is not None else None
            found += [[m.start(), m.end(), ATTRIBUTION_VERBS[word], who, phrase, False]] if who else []
            continue
        placed = False
        if phrase and (phrase in _CAPITALS or phrase in DEMONYMS or not person_name(phrase)):
            prev = before[:before.rfind(phrase)].split()[-1:]
            if prev and prev[0].lower() in _PLACE_PREPOSITIONS:
                # "One official in Berlin, speaking ..., said", "A diplomat in Moscow said", "An
                # official in the Ministry of External Affairs said": a place or the body the
                # subject works in, not the speaker; the subject's role speaks
                phrase, placed = "", True
        # "The representative of Chile said": the state speaks through its unnamed delegate
        speaker, phrase = delegate_speaker(before, resolver, ctx) or (
            resolver.resolve(phrase, ctx, context) if phrase else None, phrase)
        if speaker is None and not placed:
            # a registered name or institution alias ending just before the verb
            head = before.rstrip()
            for w in reversed(head.split()):
                if w.lower() not in _SKIP_BEFORE_VERB:
                    break
                head = head[:-len(w)].rstrip()
            near = [x for rx in (resolver.names, resolver.inst_re)
                    for x in rx.finditer(head.replace("\u2019", "'")) if x.end() == len(head)]
            if near:
                phrase = max(near, key=lambda x: len(x.group())).group()
                speaker = resolver.resolve(phrase, ctx)
        if speaker is None:
            # "Officials in the Baltic states said", "One senior official in Berlin, speaking on
            # condition of anonymity, said": the whole subject names a role
            subject = _subject_before(before)
            if subject and _ROLE_HEAD_RE.search(subject):
                speaker = resolver.body(subject, None, ctx)
                phrase = subject if speaker else phrase
        if speaker is None and phrase and not phrase[:1].isupper() and word not in PARTICIPLES:
            continue   # "the language signaled": not a speaker
        # no subject of its own ("... and said"): shares the sentence's speaker, like a participle
        shared = word in PARTICIPLES or not phrase
        found.append([m.start(), m.end(), ATTRIBUTION_VERBS[word], speaker, phrase, shared])
    for m in _ACCORDING_RE.finditer(sentence):
        speaker = resolver.resolve(m.group(1), ctx)
        found.append([m.start(), m.end(), "according to", speaker, m.group(1), False])
    for m in _VIEW_RE.finditer(sentence):
        who = m.group("who") or m.group("of")
        who = _POSSESSIVE_PRONOUNS.get(who.lower(), re.sub(r"['\u2019]s\Z", "", who))
        speaker = resolver.resolve(who, ctx, sentence[max(0, m.start() - WINDOW):m.end() + WINDOW])
        if speaker is not None:
            found.append([m.start(), m.end(), "in the view of", speaker, who, False])
    # "what it called", "what he described as": distancing, kept apart for hedging
    for f in found:
        f.append(bool(_WHAT_IT_RE.search(sentence, max(0, f[0] - 20), f[0])))
    found.sort(key=lambda f: f[0])
    # participles and unresolved phrases take the sentence's earlier speaker, else the
    # first speaker named in the sentence before them
    last_known = None
    for f in found:
        if f[3] is None:
            if last_known is not None:
                f[3], f[4] = last_known
                continue
            opening = _PRONOUN_SUBJECT_RE.match(sentence)
            if opening and opening.end() <= f[0]:
                # "He declined to say whether Moscow had acted, noting that ...": the pronoun
                # opening the sentence is its subject, not a name inside the clause
                who = resolver.resolve(opening.group(1), ctx)
                if who is not None:
                    f[3], f[4] = who, opening.group(1)
                    last_known = (f[3], f[4])
                    continue
            base, first = 0, None
            if sentence[f[0]:f[1]].endswith("ing") and not sentence[:f[0]].rstrip().endswith(","):
                # "..., and Medvedev answered with a post blaming NATO": a participle with no
                # comma before it belongs to its own clause's subject
                joins = list(_CLAUSE_BOUNDARY_RE.finditer(sentence, 0, f[0]))
                if joins:
                    base = joins[-1].end()
                    first = _main_subject(sentence[base:f[0]], resolver)
            if first is None:
                base, first = 0, _main_subject(sentence[:f[0]], resolver)
            opening = _OPENING_PERSON_RE.match(sentence[:f[0]]) if first is None and f[0] <= 200 else None
            who = person_name(opening.group(1), ctx.get("common", frozenset())) if opening else ""
            if opening and who and opening.group(1).endswith(who):     # "Columnist Ada Krane goes further, claiming"
                f[3], f[4] = resolver.resolve(who, ctx, sentence), who
            if first is not None:
                f[3], f[4] = _subject_of(sentence, base, first, resolver, ctx), first.group()
        if f[3] is not None:
            last_known = (f[3], f[4])
    return [tuple(f) for f in found if f[3] is not None]


def _subject_of(sentence: str, base: int, first, resolver, ctx):
    """The speaker a subject match ``first`` (of ``sentence[base:]``) names, with its title ("President Trump")."""
    end = base + first.end()
    head_m = re.match(r"\s+([a-z]+)\b", sentence[end:])    # "NATO members declined, arguing": the members argue
    end += head_m.end() if head_m and (_ROLE_HEAD_RE.search(head_m[1]) or head_m[1] == "administration") else 0
    named = _phrase_before(sentence, end) or first.group()
    return resolver.resolve(named, ctx) or resolver.resolve(first.group(), ctx)


_PRONOUN_SUBJECT_RE = re.compile(r"\s*(He|She|They)\s+(?:\w+ly\s+|also\s+|then\s+)?[a-z]+\b")
#: Words before a name that make it no subject of the main clause ("tensions between Moscow
#: and the West", "as the United States readied").
_NOT_SUBJECT_BEFORE = {"between", "of", "in", "with", "against", "from", "to", "for", "on", "at", "over",
                       "about", "amid", "and", "than", "into", "toward", "towards", "across", "under"}
#: ... or the subject of a subordinate clause: a speaker only if the main clause names none
#: ("the accord collapsed when the U.S. withdrew, accusing Russia ...").
_SUBORDINATE_BEFORE = {"as", "while", "when", "after", "before", "because", "since", "if", "that", "though"}


#: A sentence opening with its subject and main verb before a comma and a participle: "The paper's
#: columnist Ada Krane goes further, claiming ...".
_OPENING_PERSON_RE = re.compile(r"\A([^,]{3,80})\s+(?:also\s+)?(?:[a-z]+(?:s|ed)|went|took|gave|made)\b"
                                r"[^,]{0,40},\s*\Z")


def _main_subject(sentence: str, resolver):
    """The first registered name or institution of a sentence that can be its subject: not
    the object of a preposition nor the subject of a subordinate clause; None if none."""
    text = mask_opening_clause(sentence.replace("\u2019", "'"))     # "Asked about X's post, Peskov said"
    found = sorted([*resolver.inst_re.finditer(text)][:MAX_PER_SENTENCE]
                   + [*resolver.names.finditer(text)][:MAX_PER_SENTENCE], key=lambda x: x.start())
    subordinate = None
    for x in found:
        before = text[max(0, x.start() - 60):x.start()].split()
        # skip the title ("U.S. President", "the Deputy Foreign Minister"), up to a comma
        while before and not before[-1].endswith(",") and (
                before[-1][:1].isupper() or before[-1].lower() in _SPEAKER_WORDS):
            before.pop()
        word = before[-1].lower() if before and not before[-1].endswith(",") else ""
        if word in _SUBORDINATE_BEFORE:
            subordinate = subordinate or x
        elif word not in _NOT_SUBJECT_BEFORE:
            # "Kremlin spokesman Dmitry Peskov": the officer named after the body's title speaks
            return next((y for y in found if _OFFICER_GAP_RE.fullmatch(text, x.end(), y.start())), x)
    return subordinate


_OFFICER_GAP_RE = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}(?:spokes(?:man|woman|person)|secretary|minister|chief"
                             r"|head|envoy|ambassador|adviser|advisor|aide|official|director|commander)\s+")
_CLAUSE_BOUNDARY_RE = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+|:\s+")
_HAS_WORD_RE = re.compile(r"\w")
_WHAT_IT_RE = re.compile(r"\bwhat (?:it|he|she|they)\s*\Z")
# The tail of an attribution: at most six words, then the end or ", <word>ing" (the test
# ``_ends_attribution`` makes). Words are runs of [\w'’.-] between spaces; the first
# character that is neither ends the words, so it must be that comma or the end.
_ATTRIBUTION_TAIL_RE = re.compile(r"\s*(?:[\w'\u2019.-]+\s*){0,6}")
_ING_CLAUSE_RE = re.compile(r",\s*\w+ing\b")


def _ends_attribution(rest: str) -> bool:
    r"""Is ``rest`` (what follows a verb) only the tail of an attribution: at most six
    words, then the end or ", <word>ing" ("..., the Foreign Ministry announced on Monday,
    citing ...")? The same as matching r"\s*(?:[\w'’.-]+\s*){0,6}?(?:$|,\s*\w+ing\b)"
    at its start, without that pattern's backtracking (which splits long words in every
    way): the greedy words stop at the only place either ending can be."""
    at = always_matches(_ATTRIBUTION_TAIL_RE.match(rest)).end()
    return at == len(rest) or _ING_CLAUSE_RE.match(rest, at) is not None


# a clause of its own after the verb ("... say the other side is to blame") is content, not
# the tail of an attribution ("..., the ministry said on Monday.")
_CLAUSE_VERB_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might)\b")
# verbs that report an act when their object is a noun ("announced its withdrawal",
# "declared a moratorium"), and a statement only with "that" or a colon
# ("called X a Y", "described X as Y" say something of X: statements, not acts)
_ACT_VERBS = {"announced", "declared", "confirmed", "proposed", "put it", "weighed in", "signaled"}


def _relayed_via(sentence: str, speaker: str, resolver, ctx) -> str:
    """The outlet, agency or platform a statement reached the article through."""
    if not _RELAY_HINT_RE.search(sentence):
        return ""
    for rx in _RELAYS:
        for m in rx.finditer(sentence):
            name = m.group(1).rstrip(".")
            bare = re.sub(r"^the ", "", name)
            if name.lower() in {"reporters", "the ministry"} or bare == speaker or speaker.endswith(bare):
                continue
            known = resolver.resolve(name, ctx)
            if known == speaker:
                continue
            return known if known in resolver.inst_group else bare
    return ""


_AFTER_ATTR_RE = re.compile(r"\A[\s,]*(?:(?P<v2>%s)\s+(?P<spk2>[^,.;]{1,80}?)(?:\s+said)?(?=[,.;]|$)|(?P<spk>[^,.;:\u201c\u201d\"]{1,80}?)\s+(?:also\s+)?(?P<v1>%s)\b)"  # noqa: E501
                            % ("|".join(ATTRIBUTION_VERBS), "|".join(ATTRIBUTION_VERBS)))
