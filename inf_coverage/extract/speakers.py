"""Who speaks: institutions, attribution verbs, person names and titles, resolving a
speaker from the words around a quotation."""

from __future__ import annotations

import re

import pandas as pd

from inf_coverage.core.layout import CorpusError, split_list
from inf_coverage.extract.figures import ORG_HEADS, ROLE_WORDS, TITLE_WORDS, _name_pattern
from inf_coverage.ingest.patterns import check_name, check_owners
from inf_coverage.ingest.registries import read_registry

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
    """
    path, inst = read_registry("institutions.csv", path, INSTITUTION_COLUMNS)
    seen, owner, lists = {}, {}, []
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
    "said": "said", "says": "said", "say": "said", "told": "told", "telling": "told",
    "wrote": "wrote", "writes": "wrote", "added": "added", "adding": "added", "adds": "added",
    "noted": "noted", "notes": "noted", "noting": "noted", "warned": "warned", "warns": "warned",
    "warn": "warned", "argued": "argued", "argues": "argued", "stated": "stated",
    "emphasized": "emphasized", "emphasised": "emphasized", "emphasizing": "emphasized",
    "underscored": "underscored", "suggested": "suggested", "announced": "announced",
    "announces": "announced", "accused": "accused", "accuses": "accused", "accusing": "accused",
    "claimed": "claimed", "claims": "claimed", "called": "called", "calling": "called",
    "signaled": "signaled", "signalled": "signaled", "described": "described",
    "describe": "described", "describes": "described", "confirmed": "confirmed",
    "reported": "reported", "continued": "continued", "declared": "declared",
    "declaring": "declared", "insisted": "insisted", "explained": "explained",
    "explains": "explained", "explaining": "explained", "posted": "posted", "posts": "posted",
    "posting": "posted", "tweeted": "posted", "writing": "wrote", "summarized": "summarized",
    "summarised": "summarized", "summarizing": "summarized", "stressed": "stressed",
    "stresses": "stressed", "stressing": "stressed", "remarked": "remarked", "replied": "replied",
    "cautioned": "cautioned", "urged": "urged", "asserted": "asserted", "acknowledged": "acknowledged",
    "conceded": "conceded", "predicted": "predicted", "observed": "observed",
}
#: Participles attach to a speaker already named in the sentence ("..., adding that").
PARTICIPLES = {v for v in ATTRIBUTION_VERBS if v.endswith("ing")}
# "reported to visit", "is said to be": passive, no speaker
_VERB_RE = re.compile(r"(?<![\w-])(%s)(?![\w-])(?! to\b)" % "|".join(sorted(ATTRIBUTION_VERBS, key=len, reverse=True)))
_ACCORDING_RE = re.compile(r"\b[Aa]ccording to ((?:the )?[\w'\u2019-]+(?:\.\w+)*(?: [\w'\u2019-]+(?:\.\w+)*){0,6}?)(?=[,.;]|$)")  # noqa: E501
_SKIP_BEFORE_VERB = {"also", "further", "previously", "had", "has", "have", "later", "then",
                     "reportedly", "repeatedly", "officially", "recently", "what", "which"}
_SPEAKER_WORDS = ROLE_WORDS | {"the", "a", "former", "senior", "special", "military", "pro-military",
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


_NAME_TOKEN_RE = re.compile(r"[A-Z][a-z\u00c0-\u024f'\u2019]+(?:-[A-Z][a-z\u00c0-\u024f]+)?\Z")
#: The affiliation a title gives a speaker the registry does not know, first match wins:
#: (pattern over the title and appositive around the name, group).
TITLE_GROUPS = [
    (re.compile(r"\bNATO\b"), "nato_official"),
    (re.compile(r"\b(?:journalist|editor|correspondent|reporter|columnist|anchor|host|blogger|newspaper"
                r"|broadcaster|channel)\b", re.I), "media"),
    (re.compile(r"\b(?:researcher|analyst|professor|fellow|expert|scholar|think tank|institute|university"
                r"|centre|center|project|programme|program)\b", re.I), "expert"),
    (re.compile(r"\b(?:Ukrain\w*|Kyiv|Kiev|Zelensky\w*)"), "ukrainian_official"),
    (re.compile(r"\b(?:Russia\w*|Kremlin|Moscow)"), "russian_official"),
    (re.compile(r"\b(?:China|Chinese|Beijing)\b"), "chinese_official"),
    (re.compile(r"\b(?:U\.\s?S\.|US|United States|American|Pentagon|White House|Secretary of State"
                r"|State Department|Washington)"), "us_official"),
    (re.compile(r"\b(?:EU|European|German\w*|French|France|British|Britain|Polish|Poland|Lithuania\w*"
                r"|Latvia\w*|Eston\w*|Baltic|Finn\w*|Swed\w*|Dutch|Italian|Spanish|Czech|Danish|Denmark)\b"),
     "european_official"),
]
_OFFICIAL_WORDS_RE = re.compile(r"\b(?:minister|ministry|spokes\w+|official|president|secretary|adviser|advisor"
                                r"|ambassador|envoy|general|commander|council|government|chancellor|senator"
                                r"|lawmaker|deputy|head|chief|leader|diplomat|foreign|defen[cs]e|state)\b", re.I)


_ORG_NAME_RE = re.compile(rf"\b(?:{ORG_HEADS})\s+(?:for|of|on)\s+(?:the\s+)?(?:[A-Z][\w'\u2019-]*\s*){{1,5}}")


_POSSESSIVE_END_RE = re.compile(r"['\u2019]s\Z")


def person_name(phrase: str, common=frozenset()) -> str:
    """The person's name in a speaker phrase the registry does not know: the last run
    of two to four capitalised name words that are not titles, places or organisations
    ("former US Secretary of State Mike Pompeo" gives "Mike Pompeo"); "" if none.
    ``common`` holds words the article also writes in lower case ("war", "arms"): a
    capitalised run of them ("Cold War") is not a name."""
    phrase = _ORG_NAME_RE.sub(" ; ", phrase)       # "Center for Countering Disinformation" is no person
    words = [w.strip(",.;:\u201c\u201d\"()") for w in phrase.split()]
    run, best = [], []
    for w in words + [""]:
        if w and w not in TITLE_WORDS and w.lower() not in common \
                and _NAME_TOKEN_RE.match(w.replace("\u2019s", "").replace("'s", "")):
            run.append(_POSSESSIVE_END_RE.sub("", w))
        else:
            if 2 <= len(run) <= 4:
                best = run
            run = []
    return " ".join(best)


def title_group(context: str) -> str:
    """The affiliation group a speaker's title and appositive give (``TITLE_GROUPS``):
    an expert of a country ("a researcher at a Moscow institute") is that country's
    expert where the groups have one, else independent; an official needs an official
    word and a country or organisation; "unknown" where the text gives neither."""
    for rx, group in TITLE_GROUPS:
        if not rx.search(context):
            continue
        if group == "expert":
            if re.search(r"\b(?:Russia\w*|Moscow)", context):
                return "russian_expert"
            if re.search(r"\b(?:China|Chinese|Beijing)\b", context):
                return "chinese_expert"
            return "independent_expert"
        if group in ("nato_official", "media") or _OFFICIAL_WORDS_RE.search(context):
            return group
    return "unknown"


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
        self.surname_figures = {}
        for fig, sur in zip(figures.figure, figures.surname):
            self.surname_figures.setdefault(sur, []).append(fig)
        self.role_words = {fig: set(re.findall(r"[a-z]+", role.lower())) for fig, role in zip(figures.figure, figures.role)}  # noqa: E501
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
        name = person_name(phrase, ctx.get("common", frozenset()))
        if not name:
            lone = phrase.strip(" ,").replace("\u2019", "'")
            lone = re.sub(r"'s\Z", "", lone.split()[-1]) if lone.split() else ""
            name = ctx["other_named"].get(lone) or ctx["article_names"].get(lone, "")
            if not name:
                return None
        ctx["other_named"][name.split()[-1]] = name
        ctx["last_person"] = name
        if name not in ctx["groups"] or ctx["groups"][name] == "unknown":
            ctx["groups"][name] = title_group(f"{phrase} {context}")
        return name

    def resolve(self, phrase, ctx, context=""):
        """Figure, institution or unregistered person for ``phrase`` (or None), given the
        article context ``ctx``: figures named in full so far, last person mentioned, last
        speakers, people outside the registry named so far; ``context`` is the sentence
        around the phrase, for an unregistered person's title."""
        p = phrase.strip(" ,").replace("\u2019", "'")
        low = p.lower()
        if low in _PRONOUNS:
            kind = _PRONOUNS[low]
            if kind == "person":
                return ctx["last_person"]
            if kind == "institution":
                return ctx["last_institution"]
            return ctx["last_speaker"]
        if low in {"the expert", "the professor", "the analyst"}:
            return ctx["last_expert"]
        for m in self.names.finditer(p):
            name = m.group("name")
            if name in self.full:
                return self.full[name]
            if name in ctx["named"]:
                return ctx["named"][name]
        best, best_key = None, None
        for m in self.inst_re.finditer(p):
            key = (m.end(), len(m.group()))    # the head of a phrase comes last
            if best is None or key > best_key:
                best, best_key = m.group(), key
        if best is not None and (best == p or p.lower().endswith(best.lower()) or len(best) > 3):
            # "Ukrainian Foreign Ministry spokesman Taras Hnatiuk" is Hnatiuk, not the ministry
            if not person_name(p[best_key[0]:], ctx.get("common", frozenset())):
                return self.institution(best)
        return self.by_title(p) or self.unregistered(p, ctx, context) or (
            self.institution(best) if best is not None and (best == p or p.lower().endswith(best.lower()) or len(best) > 3)  # noqa: E501
            else None)


_AFFILIATION_LINKS = {"of", "the", "for", "at", "and", "on"}


def _phrase_before(sentence: str, at: int) -> str:
    """The speaker phrase that ends just before offset ``at`` of a sentence: skips
    adverbs ("also", "had") and a parenthetical between commas ("Li Haidong, a
    professor at ..., told"), then takes capitalised and role words backwards."""
    words = sentence[:at].split()
    while words and words[-1].lower() in _SKIP_BEFORE_VERB:
        words.pop()
    if words and words[-1].endswith(","):
        # "Name, a professor at X, told" / "Name, in a recent interview with TASS, underscored"
        j = len(words) - 2
        while j >= 0 and not words[j].endswith(","):
            j -= 1
        if j >= 0 and j < len(words) - 1 and (words[j + 1][:1].islower() or words[j + 1] in {"a", "an", "the"}):
            words = words[:j + 1]
            words[-1] = words[-1][:-1]
        else:
            # "Putin's spokesman, Dmitry Peskov, told": the name between the commas speaks
            between = " ".join(words[j + 1:]).rstrip(",")
            return between if j >= 0 and person_name(between) == between else ""
    if len(words) >= 2 and words[-1] == "who" and words[-2].endswith(","):
        words = words[:-1]
        words[-1] = words[-1][:-1]
    out = []
    for w in reversed(words):
        if out and w.endswith((",", ";", ":")):
            break                              # "On Monday, the ministry": the phrase starts after the comma
        bare = w.strip("\u201c\u201d\"'")
        if bare[:1].isupper() or bare.lower() in _SPEAKER_WORDS or bare.lower() in _PRONOUNS:
            out.append(bare)
            if bare.lower() in _PRONOUNS:
                break
        elif out and bare in _AFFILIATION_LINKS and len(out) < 10:
            out.append(bare)                   # "Lena Marsh of the Halden Institute": keep going
        else:
            break
    while out and out[-1] in _AFFILIATION_LINKS - {"the"}:
        out.pop()
    return " ".join(reversed(out))


_PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?\Z")
_BY_AGENT_AFTER_RE = re.compile(r"[^.;]{0,60}?\bby\s+((?:[A-Z][\w'\u2019.-]*|the|former|senior)"
                                r"(?:\s+(?:[A-Z][\w'\u2019.-]*|of|the))*)")


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
    found = []
    for n_verb, m in enumerate(_VERB_RE.finditer(sentence)):
        if n_verb >= MAX_PER_SENTENCE:
            break
        word = m.group(1)
        lo = max(0, m.start() - WINDOW)
        context = sentence[lo:m.end() + WINDOW]
        if _PASSIVE_BEFORE_RE.search(sentence, max(0, m.start() - 12), m.start()):
            # "was stated on Telegram by Igor Valentsov": the agent after "by" speaks;
            # a passive with no agent ("it was announced") names no speaker
            by = _BY_AGENT_AFTER_RE.match(sentence, m.end())
            speaker = resolver.resolve(by.group(1), ctx, context) if by else None
            if speaker is not None:
                found.append([m.start(), m.end(), ATTRIBUTION_VERBS[word], speaker, by.group(1), False])
            continue
        before = sentence[lo:m.start()]
        phrase = _phrase_before(before, len(before))
        speaker = resolver.resolve(phrase, ctx, context) if phrase else None
        if speaker is None:
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
        if speaker is None and phrase and not phrase[:1].isupper() and word not in PARTICIPLES:
            continue   # "the language signaled": not a speaker
        # no subject of its own ("... and said"): shares the sentence's speaker, like a participle
        shared = word in PARTICIPLES or not phrase
        found.append([m.start(), m.end(), ATTRIBUTION_VERBS[word], speaker, phrase, shared])
    for m in _ACCORDING_RE.finditer(sentence):
        speaker = resolver.resolve(m.group(1), ctx)
        found.append([m.start(), m.end(), "according to", speaker, m.group(1), False])
    # "what it called", "what he described as": distancing, kept apart for hedging
    for f in found:
        f.append(bool(_WHAT_IT_RE.search(sentence, max(0, f[0] - 20), f[0])))
    found.sort(key=lambda f: f[0])
    # participles and unresolved phrases take the sentence's earlier speaker, else the
    # first speaker named in the sentence before them
    first = False          # the first speaker named in the sentence, found only if needed
    last_known = None
    for f in found:
        if f[3] is None:
            if last_known is not None:
                f[3], f[4] = last_known
                continue
            if first is False:
                first = [x for x in (resolver.inst_re.search(sentence.replace("\u2019", "'")),
                                     resolver.names.search(sentence)) if x is not None]
                first = min(first, key=lambda x: x.start()) if first else None
            if first is not None and first.start() < f[0]:
                f[3], f[4] = resolver.resolve(first.group(), ctx), first.group()
        if f[3] is not None:
            last_known = (f[3], f[4])
    return [tuple(f) for f in found if f[3] is not None]


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
    at = _ATTRIBUTION_TAIL_RE.match(rest).end()
    return at == len(rest) or _ING_CLAUSE_RE.match(rest, at) is not None


# a clause of its own after the verb ("... say the other side is to blame") is content, not
# the tail of an attribution ("..., the ministry said on Monday.")
_CLAUSE_VERB_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might)\b")
# verbs that report an act when their object is a noun ("announced its withdrawal",
# "declared a moratorium"), and a statement only with "that" or a colon
_ACT_VERBS = {"announced", "declared", "confirmed", "called", "described", "proposed"}


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
