"""Named figures: the figure registry, mentions in sentences, first mentions, surface
forms and co-occurrences."""

from __future__ import annotations

import functools
import re
import unicodedata

import pandas as pd

from inf_coverage.core.layout import CorpusError, split_list
from inf_coverage.ingest.patterns import check_name, check_owners
from inf_coverage.ingest.registries import read_registry, with_standing
from inf_coverage.ingest.text import _rows, evidence

# ---------------------------------------------------------------------------
# 2. Named figures (03-named-figures; speakers in 01 and 02)
# ---------------------------------------------------------------------------

FIGURE_COLUMNS = ["figure", "aliases", "surname", "role", "affiliation_group", "country", "notes"]
AFFILIATION_GROUPS = ["russian_official", "us_official", "chinese_expert", "russian_expert",
                      "independent_expert", "other"]


def load_figures(path=None) -> pd.DataFrame:
    """Read and validate the figure registry, one row per person.

    ``path`` defaults to ``figures.csv`` in the corpus folder (``corpus_dir()``) if
    it has one, else the repo's ``corpus/figures.csv``. ``aliases`` lists every full
    form of the name, separated by ``|``; the ``figure`` (canonical name) is always
    one of them, added if missing. ``surname`` is the form that, alone, refers back
    to the person once named in full. Raises ``CorpusError`` naming file and row for
    a missing column, an empty figure or surname, an unknown affiliation group, a
    duplicate figure, an alias claimed by two people (in any case), a surname that is
    another person's alias or theirs in another case, and an alias or surname that is
    an English function word (``check_name``). A file with only its header row gives
    an empty registry: no figure is counted.

    ``standing`` (optional, not in ``FIGURE_COLUMNS``) is the person's standing apart from
    their nationality: one of ``STANDINGS`` ("official", "state media", "media", "expert",
    "non-official", "unknown"); any other value is refused naming file, row and value. A
    registry without the column (written before it existed), or an empty cell, takes the
    standing ``affiliation_group`` implies (``standing_of_group``: ``*_official`` is
    "official", ``*_expert`` "expert", ``other`` "non-official"). The table returned
    always has it, after the file's own columns when the file has none.
    """
    path, reg = read_registry("figures.csv", path, FIGURE_COLUMNS, key="figure")
    reg = with_standing(path, reg, "figure")
    owner: dict = {}
    surnames: dict = {}
    alias_lists = []
    for i, row in reg.iterrows():
        where = f"{path}, row {i + 2} (figure {row['figure']!r})"
        for col in ["figure", "surname"]:
            if not row[col].strip():
                raise CorpusError(f"{where}: column {col!r} is empty")
        if row["affiliation_group"] not in AFFILIATION_GROUPS:
            raise CorpusError(f"{where}: affiliation_group {row['affiliation_group']!r} is not one of "
                              + ", ".join(AFFILIATION_GROUPS))
        aliases = split_list(row["aliases"])
        if row["figure"] not in aliases:
            aliases.insert(0, row["figure"])
        for alias in aliases:
            check_name(alias, where, "alias")
            check_owners(owner, alias, row["figure"], where, "alias")
        # two people may share a surname as written (the one named last wins); the same
        # surname in another case ("Li", "LI"), or another person's alias, is refused
        surname = check_name(row["surname"], where, "surname")
        key = surname.casefold()
        if key in surnames and surnames[key][1] != surname:
            raise CorpusError(f"{where}: surname {surname!r} is also listed for {surnames[key][0]!r} "
                              f"as {surnames[key][1]!r}")
        surnames.setdefault(key, (row["figure"], surname))
        alias_lists.append(aliases)
    for i, row in reg.iterrows():
        key = row["surname"].casefold()
        if key in owner and owner[key][0] != row["figure"]:
            raise CorpusError(f"{path}, row {i + 2} (figure {row['figure']!r}): surname {row['surname']!r} "
                              f"is also an alias of {owner[key][0]!r}")
    return reg.assign(aliases=pd.Series(alias_lists, index=reg.index, dtype=object))


_POSSESSIVE = r"(?:['\u2019]s\b|(?<=s)['\u2019](?!\w))?"


#: English given names and their familiar forms: "Mike Pompeo" is Michael Pompeo, but only
#: where the surname is the same (``same_person``).
GIVEN_NAME_FORMS = {
    "mike": "michael", "mick": "michael", "bill": "william", "will": "william", "bob": "robert", "rob": "robert",
    "jim": "james", "jimmy": "james", "joe": "joseph", "tom": "thomas", "tony": "anthony", "dick": "richard",
    "rick": "richard", "dan": "daniel", "dave": "david", "steve": "stephen", "steven": "stephen",
    "chris": "christopher", "matt": "matthew", "pete": "peter", "ted": "edward", "ed": "edward", "ben": "benjamin",
    "sam": "samuel", "nick": "nicholas", "alex": "alexander", "andy": "andrew", "greg": "gregory", "ron": "ronald",
    "don": "donald", "jon": "jonathan", "kate": "katherine", "liz": "elizabeth", "beth": "elizabeth",
    "sue": "susan", "jen": "jennifer", "jenny": "jennifer",
}
# The usual choices between romanisations of one Cyrillic (or other) spelling, applied in order
# to a casefolded ASCII name.
_ROMANISATIONS = [
    (re.compile(r"kh"), "h"), (re.compile(r"ks"), "x"), (re.compile(r"tz"), "ts"), (re.compile(r"w"), "v"),
    (re.compile(r"yo"), "e"),                       # Fyodorov/Fedorov
    (re.compile(r"[yj]"), "i"),                     # Ryabkov/Riabkov, Sergey/Sergei, Jevgenij/Yevgeny
    (re.compile(r"(?<=[aeou])i(?=[aeiou])"), ""),   # Andreyev/Andreev, Mariya/Maria
    (re.compile(r"([a-z])\1+"), r"\1"),             # Dmitrii/Dmitri, Zelenskyy/Zelensky
    (re.compile(r"\bie"), "e"),                     # Yevgeny/Evgeny
]


def name_key(name: str) -> str:
    """A key under which the spellings of one name meet: case, accents, punctuation and the
    usual romanisation choices removed ("Riabkov" and "Ryabkov", "Sergey" and "Sergei",
    "Dmitriy" and "Dmitry", "Zelenskyy" and "Zelensky" give one key each)."""
    s = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().casefold()
    s = re.sub(r"[^a-z ]+", "", s)
    for rx, rep in _ROMANISATIONS:
        s = rx.sub(rep, s)
    return " ".join(s.split())


#: Lower-case words that open a surname of two words ("Van Loon", "de Vries", "al Amin").
_SURNAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "dos", "ter",
                                "ten", "le", "la", "al", "el", "bin", "ibn"})


def same_person(a: str, b: str) -> bool:
    """Are two written names one person's? Same surname key, and the same given name up to
    romanisation or a familiar form ("Mike"/"Michael"), or one is the other's surname with
    its particle ("Van Loon" and "Pieter Van Loon"); a given name alone never merges."""
    pa, pb = str(a).split(), str(b).split()
    if len(pa) < 2 or len(pb) < 2 or name_key(pa[-1]) != name_key(pb[-1]):
        return False
    short, full = sorted((pa, pb), key=len)
    if short[0].lower() in _SURNAME_PARTICLES and len(full) > len(short) \
            and [name_key(w) for w in full[-len(short):]] == [name_key(w) for w in short]:
        return True
    ga, gb = (name_key(GIVEN_NAME_FORMS.get(g.lower(), g)) for g in (pa[0], pb[0]))
    return ga == gb


@functools.lru_cache(maxsize=8)
def _name_pattern(names: tuple) -> re.Pattern:
    """One regex for every name form, longest first so a full name wins over its surname."""
    alts = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return re.compile(rf"(?<![\w-])(?P<name>{alts})(?![\w-]){_POSSESSIVE}")


def _capitalised_word_before(pattern: re.Pattern, needle: str, text: str) -> list:
    r"""``list(pattern.finditer(text))`` for a ``pattern`` of the form
    r"\b[A-Z][a-z]+" + ``needle`` + (what may follow), found from the occurrences of
    ``needle`` instead of trying every offset. A match before an occurrence can only
    start at the capital just before the run of [a-z] that ends there, so that is the one
    offset tried; like ``finditer``, a match may not start inside the previous one."""
    found, end, at = [], 0, text.find(needle)
    while at >= 0:
        k = at
        while k > 0 and "a" <= text[k - 1] <= "z":
            k -= 1
        if k - 1 >= end:
            m = pattern.match(text, k - 1)
            if m:
                found.append(m)
                end = m.end()
        at = text.find(needle, at + 1)
    return found


def figure_mentions(sents: pd.DataFrame, figures: pd.DataFrame | None = None,
                    unresolved: bool = False) -> pd.DataFrame:
    """One row per mention of a registered figure, in text order.

    A full name (any alias) always counts. A bare surname counts for the person
    named in full earlier in the same article (the most recently named one, if two
    share it), or, with no full name before it, for the one registered person with that
    surname whose role holds the title written before it ("President Trump"), or for the
    only registered person with that surname when the article names no one else by it
    ("Putin" in an article that never writes "Vladimir Putin"); any other surname with no
    full name before it (two registered people share it, or the article names another
    person by it) is not counted, and with
    ``unresolved=True`` is returned instead, with ``figure`` empty, so nothing is lost
    silently. Possessives ("Putin's", "Medvedev’s") count, with the ``'s`` kept in
    ``surface``. Works on cleaned sentences, so removed page furniture never counts.

    Columns: ``article_id``, ``outlet``, ``sentence_id``, ``start``, ``end``
    (offsets into the article's cleaned text), ``surface`` (as written), ``form``
    ("full" or "surname"), ``figure``, ``affiliation_group``.
    """
    figures = load_figures() if figures is None else figures
    full = {a: f for f, aliases in zip(figures.figure, figures.aliases) for a in aliases}
    by_surname = dict(zip(figures.figure, figures.surname))
    group = dict(zip(figures.figure, figures.affiliation_group))
    cols = ["article_id", "outlet", "sentence_id", "start", "end", "surface", "form", "figure",
            "affiliation_group"]
    if not full:        # an empty registry: nothing to find
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("sentence_id", "start", "end") else object)
                             for c in cols})
    pattern = _name_pattern(tuple(sorted(set(full) | set(by_surname.values()))))
    roles = {f: set(re.findall(r"[a-z]+", r.lower())) for f, r in zip(figures.figure, figures.role)}
    owners: dict = {}
    for f, sur in by_surname.items():
        owners.setdefault(sur, []).append(f)

    def titled(surname, before):
        """The one registered figure with this surname whose role holds the title word
        written just before it ("President Trump"), else None."""
        title = re.search(r"([A-Za-z]+)\.?\s+\Z", before)
        hits = [f for f in owners.get(surname, []) if title and title.group(1).lower() in roles[f]]
        return hits[0] if len(hits) == 1 else None

    article_text = sents.groupby("article_id", sort=False).text.agg(" ".join).to_dict()
    aliases_of = {f: set(al) for f, al in zip(figures.figure, figures.aliases)}

    @functools.lru_cache(maxsize=None)
    def sole(aid, surname):
        """The registered figure a lone surname stands for when only one has it and the
        article names no one else by it ("Vladimir Putin" registered, no "Ivan Putin");
        once per article and surname."""
        if len(owners.get(surname, [])) != 1:
            return None
        fig = owners[surname][0]
        pattern = re.compile(rf"\b[A-Z][a-z]+ {re.escape(surname)}\b")
        others = {m.group() for m in _capitalised_word_before(pattern, " " + surname, article_text.get(aid, ""))
                  if m.group().split()[0] not in TITLE_WORDS and m.group() not in aliases_of[fig]}
        return None if others else fig

    rows, lost = [], []
    current = None   # named: surname -> figure last named in full, this article
    named: dict = {}
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        if aid != current:
            current, named = aid, {}
        for m in pattern.finditer(text):
            name = m.group("name")
            if name in full:
                fig, form = full[name], "full"
                named[by_surname[fig]] = fig
            elif name in named:
                fig, form = named[name], "surname"
            elif titled(name, text[max(0, m.start() - 40):m.start()]) or sole(aid, name):
                # "President Trump", or "Putin" alone, with no full name before it: the
                # title fits the role, or the registry has one such person and the
                # article names nobody else with that surname
                fig = titled(name, text[max(0, m.start() - 40):m.start()]) or sole(aid, name)
                form = "surname"
                named[name] = fig
            else:
                lost.append((aid, outlet, sid, base + m.start(), base + m.end(), m.group(), "surname", "", ""))
                continue
            rows.append((aid, outlet, sid, base + m.start(), base + m.end(), m.group(), form, fig, group[fig]))
    return pd.DataFrame(lost if unresolved else rows, columns=cols)


def mention_sentences(mentions: pd.DataFrame, sents: pd.DataFrame, figure: str,
                      outlet: str | None = None) -> pd.DataFrame:
    """The sentences behind a count: every sentence mentioning ``figure`` (in
    ``outlet`` if given), with the surface forms used (``surfaces``) and the text."""
    sel = mentions[mentions.figure == figure]
    if outlet is not None:
        sel = sel[sel.outlet == outlet]
    return evidence(sel, sents, "surface").rename(columns={"surface": "surfaces"})


def mentions_by_outlet(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Mentions of each figure in each outlet, raw and per 1,000 words of that
    outlet's cleaned text, with the number of articles behind each count.

    Columns: ``outlet``, ``figure``, ``affiliation_group``, ``mentions``,
    ``articles`` (of this outlet naming the figure), ``outlet_articles``,
    ``outlet_words``, ``per_1000_words`` (rounded to 2 places). Sorted by outlet,
    then mentions (most first), then figure.
    """
    words = articles.groupby("outlet").agg(outlet_articles=("article_id", "size"),
                                           outlet_words=("n_words", "sum"))
    counts = (mentions.groupby(["outlet", "figure", "affiliation_group"])
              .agg(mentions=("figure", "size"), articles=("article_id", "nunique")).reset_index())
    out = counts.join(words, on="outlet")
    out["per_1000_words"] = (1000 * out.mentions / out.outlet_words).round(2)
    return out.sort_values(["outlet", "mentions", "figure"], ascending=[True, False, True],
                           kind="stable").reset_index(drop=True)


def first_mentions(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Where each figure is first named in each article: ``first_sentence`` of
    ``n_sentences``, ``position`` (first_sentence / n_sentences, 2 places: near 0 =
    the top of the story) and the ``surface`` used there."""
    first = mentions.drop_duplicates(["article_id", "figure"])
    out = first.merge(articles[["article_id", "n_sentences"]], on="article_id")
    out = out.rename(columns={"sentence_id": "first_sentence"})
    out["position"] = (out.first_sentence / out.n_sentences).round(2)
    return out[["article_id", "outlet", "figure", "affiliation_group", "first_sentence",
                "n_sentences", "position", "surface"]].sort_values(
        ["article_id", "first_sentence", "figure"], kind="stable").reset_index(drop=True)


def surface_forms(mentions: pd.DataFrame) -> pd.DataFrame:
    """Which outlet writes which form of each figure's name, and how often: one row per
    ``figure``, ``outlet``, ``surface`` (the words as written) and ``form`` (of
    ``figure_mentions``), with ``mentions``, the count, and ``spelling``: the surface without
    a possessive ending ("Trump's", "Donald Trump’s" -> "Trump", "Donald Trump"), what counts
    when spellings are compared: a possessive is grammar, not a second spelling."""
    out = (mentions.groupby(["figure", "outlet", "surface", "form"]).size()
           .rename("mentions").reset_index()
           .sort_values(["figure", "outlet", "surface"], kind="stable").reset_index(drop=True))
    out["spelling"] = out.surface.astype(str).str.replace(r"['’]s?\Z", "", regex=True)
    return out


def cooccurrences(mentions: pd.DataFrame) -> pd.DataFrame:
    """Pairs of figures named in the same sentence.

    One row per pair and outlet: ``figure_a`` < ``figure_b`` alphabetically,
    ``sentences`` (how many) and ``where`` (``article_id:sentence_id`` of each)."""
    pairs = []
    for (aid, outlet, sid), figs in mentions.groupby(["article_id", "outlet", "sentence_id"])["figure"]:
        names = sorted(set(figs))
        pairs += [(outlet, a, b, f"{aid}:{sid}") for i, a in enumerate(names) for b in names[i + 1:]]
    df = pd.DataFrame(pairs, columns=["outlet", "figure_a", "figure_b", "where"])
    return (df.groupby(["figure_a", "figure_b", "outlet"])["where"]
            .agg(sentences="size", where=lambda w: ", ".join(w)).reset_index()
            .sort_values(["sentences", "figure_a", "figure_b", "outlet"],
                         ascending=[False, True, True, True], kind="stable").reset_index(drop=True))


# -- Discovering names the registry does not know ---------------------------

#: Role words that introduce a person's name ("spokesman Dmitry Peskov").
ROLE_WORDS = {
    "president", "minister", "chairman", "spokesman", "spokeswoman", "spokesperson",
    "expert", "diplomat", "professor", "envoy", "director", "negotiator", "analyst",
    "fellow", "ambassador", "secretary", "senator", "general", "commander", "official",
    "researcher", "scholar", "chief", "head", "adviser", "advisor", "leader", "premier",
    "lawmaker", "deputy", "governor", "editor", "correspondent", "journalist",
}


# a run that continues an organisation's name: "Centre for Strategic Restraint"
#: Head words of an organisation's name: the words after "Centre for", "Institute of" ...
#: name the organisation, not a person ("Centre for Strategic Restraint").
ORG_HEADS = ("Institute|Center|Centre|Council|Foundation|Project|Program|Programme|Group|Endowment|University"
             "|School|Academy|Office|Committee|Agency|Ministry|Department|Bureau|Association|Society|Forum"
             "|Initiative|Fund|Coalition|Campaign|Network|Command|Commission|Alliance|League|Federation|Movement")


#: Capitalised words that are titles, places or organisations, never part of a person's name.
TITLE_WORDS = {
    "President", "Prime", "Minister", "Ministry", "Foreign", "Defense", "Defence", "Secretary", "State",
    "General", "Spokesman", "Spokeswoman", "Spokesperson", "Deputy", "Chairman", "Chief", "Head", "Senator",
    "Ambassador", "Envoy", "Special", "Former", "Senior", "Security", "Council", "Professor", "Dr", "Mr",
    "Mrs", "Ms", "Gen", "Adm", "Col", "Lt", "Sen", "Rep", "Director", "Commander", "Vice", "Kremlin",
    "NATO", "US", "U.S.", "EU", "UN", "White", "House", "Pentagon", "Department", "Army", "Navy", "Air",
    "Force", "National", "Intelligence", "Agency", "Institute", "Center", "Centre", "University",
    "Russian", "Russia", "Ukrainian", "Ukraine", "Chinese", "China", "American", "America", "European",
    "Europe", "German", "Germany", "French", "France", "British", "Britain", "Polish", "Poland",
    "United", "States", "Kingdom", "Union", "Moscow", "Kyiv", "Kiev", "Beijing", "Washington", "Brussels",
    "Telegram", "Twitter", "X", "Facebook", "The", "A", "An", "In", "On", "At", "But", "And", "Meanwhile",
    "Chancellor", "Governor", "Mayor", "Admiral", "Colonel", "Captain", "Lieutenant", "Marshal", "Sir", "Lord",
    "Premier", "Chairwoman", "Chair", "Commissioner",
    # short titles and the bodies a title names ("Prof Hanna Lindqvist", "Defense Committee Igor
    # Sannikov"): glued to a name, they are no part of it
    "Prof", "Dame", "Committee", "Commission", "Duma", "Parliament", "Assembly", "Party",
    "Gov", "Amb", "Del", "Capt", "Maj", "Sgt", "Rev", "Cllr", "Brig", "Cmdr", "Hon", "Rt", "MP", "MEP", "MSP",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
}
