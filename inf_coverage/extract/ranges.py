"""Missile ranges and systems: the system registry, range claims, system and place
mentions, and range checks against the reference."""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

from inf_coverage.core.layout import split_list
from inf_coverage.ingest.patterns import check_name, check_owners
from inf_coverage.ingest.registries import load_reference, read_registry
from inf_coverage.ingest.text import _rows

# ---------------------------------------------------------------------------
# 5. Missile-range facts (04-missile-range-facts)
# ---------------------------------------------------------------------------

KM_PER_MILE = 1.609344
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNIT = r"kilometers|kilometres|kilometer|kilometre|km|miles|mile"
_DASH = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"   # hyphens, dashes, minus sign
_BOUNDS = {
    "up to": r"up to|as far as|within|less than|under|no more than",
    "at least": r"at least|more than|over|in excess of|beyond|upwards of",
    "about": r"about|around|approximately|roughly|some|nearly|almost|close to",
}
_BOUND_RE = "|".join(f"(?P<b_{k.replace(' ', '_')}>{v})" for k, v in _BOUNDS.items())
# Whitespace runs are bounded ({0,3}): cleaned text has single spaces, and two unbounded
# runs side by side would take time quadratic in a long run of spaces.
_RANGE_RE = re.compile(
    rf"(?:(?:between|from|spanning)\s{{1,3}})?(?<![\d,.])(?P<lo>{_NUM})\s{{0,3}}(?:(?P<u1>{_UNIT})\s{{0,3}})?"
    rf"(?:[{_DASH}]|\s{{1,3}}(?:to|and)\s{{1,3}})\s{{0,3}}(?P<hi>{_NUM})\s{{0,3}}-?\s{{0,3}}(?P<u2>{_UNIT})\b"
    rf"|(?:(?:{_BOUND_RE})\s{{1,3}})?(?<![\d,.])(?P<one>{_NUM})\s{{0,3}}-?\s{{0,3}}(?P<u3>{_UNIT})\b", re.I)

#: Range classes as the INF Treaty defines them (Article II: intermediate-range
#: 1,000-5,500 km, shorter-range 500-1,000 km). "Medium-range" and "short-range" are
#: how Russian sources' "srednei" and "menshei dalnosti" are often translated: in this
#: story they mean the treaty's two bands, not the everyday use of "short-range" (<500 km).
RANGE_CLASSES = {
    "intermediate-range": (1000, 5500, "INF Treaty: intermediate-range, 1,000-5,500 km (F04a)"),
    "medium-range": (1000, 5500, "translation of the Russian term for the INF intermediate-range band (F04a)"),
    "shorter-range": (500, 1000, "INF Treaty: shorter-range, 500-1,000 km (F04a)"),
    "short-range": (500, 1000, "here a translation of the INF shorter-range band, 500-1,000 km (F04a)"),
    "INF-range": (500, 5500, "the whole INF band, 500-5,500 km (F04)"),
    "INF-class": (500, 5500, "the whole INF band, 500-5,500 km (F04)"),
}
_CLASS_RE = re.compile(
    r"\b(?P<word>intermediate|medium|shorter|short|INF)(?:-(?P<kind>range|class)\b"
    r"|(?P<susp>-?)(?=\s{1,3}(?:and|or)\s{1,3}(?:\w{1,20}-)?(?:range|class)?\w{0,20}-range))", re.I)
_UNIT_HINT_RE = re.compile(rf"\d\s{{0,3}}-?\s{{0,3}}(?:{_UNIT})", re.I)
_RANGE_HINT_RE = re.compile(rf"\d\s{{0,3}}-?\s{{0,3}}(?:{_UNIT})|[Rr]ange|[Cc]lass", re.I)
_TREATY_NAME_RE = re.compile(r"Intermediate-Range Nuclear Forces", re.I)
_SUBJECT_TREATY_RE = re.compile(r"\b(?:treaty|INF|agreement|accord|moratorium|restrictions|banned|barred)\b", re.I)
_SUBJECT_DEPLOY_RE = re.compile(r"\b(?:deploy\w*|station\w*|positioned|within striking distance)\b", re.I)
# Between a distance and its conversion in brackets: "310 miles (500 km)".
_CONVERSION_OPEN_RE = re.compile(r"\s{0,3}\(\s{0,3}(?:or\s|about\s|roughly\s|some\s)?")
_CONVERSION_CLOSE_RE = re.compile(r"\s{0,3}\)")


def load_systems(path=None) -> pd.DataFrame:
    """The weapon-system registry (``systems.csv``: ``system``, ``aliases`` separated
    by ``|``, ``kind``, ``country``, ``notes`` and the optional ``context_aliases``),
    looked up like ``load_figures``. Designations are matched as written, and in the
    plural ("Iskanders", "Tomahawks"); ``context_aliases`` are spellings that are also
    ordinary words ("Typhoon" for Typhon) and count only in a sentence about weapons
    (``_WEAPON_CONTEXT_RE``). ``check_name`` refuses one with no letter or digit or that
    is a function word, and one claimed by two systems (in any case) is refused. A file
    with only its header row gives an empty registry."""
    path, systems = read_registry("systems.csv", path, ["system", "aliases", "kind", "country"], key="system")
    if "context_aliases" not in systems.columns:
        systems = systems.assign(context_aliases="")
    owner: dict = {}
    lists: list = []
    contextual: list = []
    for i, (name, value, ctx) in enumerate(zip(systems.system, systems.aliases, systems.context_aliases)):
        where = f"{path}, row {i + 2} (system {name!r})"
        aliases = split_list(value) or [name]
        for a in aliases:
            check_name(a, where, "alias")
            check_owners(owner, a, name, where, "alias")
        extra = split_list(ctx)
        for a in extra:
            check_name(a, where, "context alias")
            check_owners(owner, a, name, where, "context alias")
        lists.append(aliases)
        contextual.append(extra)
    return systems.assign(aliases=pd.Series(lists, index=systems.index, dtype=object),
                          context_aliases=pd.Series(contextual, index=systems.index, dtype=object))


#: Largest distance ``range_claims`` reads as a distance (km, after converting miles).
#: Beyond it ("a 100,000-digit number of km") a number is not a distance anyone claims
#: for a missile, and is skipped rather than overflowing the integer columns.
MAX_DISTANCE_KM = 1_000_000


def _to_number(text: str) -> float:
    """The number a match spells, or infinity for one too long to be a distance."""
    digits = text.replace(",", "")
    if len(digits.split(".")[0]) > 15:
        return math.inf
    return float(digits)


# A sentence about weapons, where a context alias ("Typhoon") names a system; beside a
# fighter jet or a storm it does not.
_WEAPON_CONTEXT_RE = re.compile(r"\b(?:missiles?|launchers?|launch(?:ed|es|ing)?|rockets?|batter(?:y|ies)"
                                r"|warheads?|munitions?|hypersonic|cruise|ballistic|firing|fires)\b", re.I)
_NOT_WEAPON_RE = re.compile(r"\b(?:fighters?|jets?|aircraft|warplanes?|Eurofighters?|storms?|landfall"
                            r"|cyclones?|hurricanes?|rainfall|winds?|weather)\b", re.I)

_STORM_NAME_RE = re.compile(r" [A-Z][a-z]")      # "Typhoon Lekima": a storm's name follows


def _system_pattern(systems) -> tuple:
    """(pattern, names, contextual): one pattern for every designation, with an optional
    plural "s" ("Iskanders"); group ``a`` is the designation as registered, ``names``
    maps it to its system and ``contextual`` holds the context aliases."""
    names = {a: s for s, aliases in zip(systems.system, systems.aliases) for a in aliases}
    ctx = systems.context_aliases if "context_aliases" in systems.columns else [[]] * len(systems)
    contextual = {a: s for s, aliases in zip(systems.system, ctx) for a in aliases}
    names = names | contextual
    if not names:       # an empty registry: a pattern that never matches
        return re.compile(r"(?!)"), names, set()
    alts = "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?P<a>{alts})s?(?![\w-])"), names, set(contextual)


def _system_matches(pattern, contextual: set, text: str):
    """The designations ``pattern`` finds in one sentence; a context alias only in a
    sentence about weapons (a weapon word, or another system named), and not within a
    few words of a jet or a storm, nor followed by a storm's name)."""
    found = list(pattern.finditer(text))
    weapons = None                  # decided once per sentence, when first needed
    for m in found:
        if m.group("a") in contextual:
            if weapons is None:     # a weapon word, or another system named beside it
                weapons = bool(_WEAPON_CONTEXT_RE.search(text)) or any(
                    x.group("a") not in contextual for x in found)
            if (not weapons or _NOT_WEAPON_RE.search(text, max(0, m.start() - 40), m.end() + 40)
                    or _STORM_NAME_RE.match(text, m.end())):
                continue
        yield m


def range_claims(sents: pd.DataFrame, systems: pd.DataFrame | None = None) -> pd.DataFrame:  # noqa: C901
    """Every distance claim and range-class term, one row each.

    Distances: "between 500 and 5,500 kilometers", "500 km to 5,500 km", "ranges
    spanning 500 to 5,500 kilometers", "500-5,500 km" (any dash), "a range of up to
    5,000 km", "3,400 miles" (converted at 1.609344 km per mile, rounded to the km);
    a distance followed by its conversion in brackets ("310 to 3,420 miles (500 to
    5,500 km)") is one claim with the kilometres printed (``note`` "with its
    conversion: ...").
    Class terms: "intermediate-range", "medium-range", "shorter-range", "short-range",
    "INF-range", with the bands of ``RANGE_CLASSES``; "medium- and short-range" counts
    both; the treaty's name does not count.

    Columns: ``article_id``, ``outlet``, ``sentence_id``, ``start``, ``end``,
    ``surface``, ``kind`` ("distance" or "class term"), ``min_km``, ``max_km``
    (empty where open), ``unit`` (as written), ``bound`` ("exact", "up to", "at
    least", "about"; class terms "definition"), ``subject`` ("named missile: X", "INF
    treaty band", "missile class", "deployment") and ``note``.
    """
    systems = load_systems() if systems is None else systems
    sys_re, sys_names, sys_ctx = _system_pattern(systems)
    rows = []
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        if not _RANGE_HINT_RE.search(text):
            continue        # no digit before a unit and no "range"/"class": nothing to find
        # sentence-wide facts, found once (a sentence may hold thousands of matches)
        about_treaty = bool(_SUBJECT_TREATY_RE.search(text))
        has_class = bool(_CLASS_RE.search(text))
        deploy = _SUBJECT_DEPLOY_RE.search(text)
        first_deploy = deploy.end() if deploy else len(text) + 1
        found: list[list[Any]] = []      # [start, end, lo, hi, unit, bound, factor]
        for m in (_RANGE_RE.finditer(text) if _UNIT_HINT_RE.search(text) else ()):
            lo: float | None
            hi: float | None
            if m.group("one"):
                value, unit = _to_number(m.group("one")), m.group("u3")
                bound = next((k for k in _BOUNDS if m.group("b_" + k.replace(" ", "_"))), "exact")
                lo = hi = value
                if bound == "up to":
                    lo = None
                elif bound == "at least":
                    hi = None
            else:
                lo, hi, unit, bound = _to_number(m.group("lo")), _to_number(m.group("hi")), m.group("u2"), "exact"
            factor = KM_PER_MILE if unit.lower().startswith("mile") else 1.0
            if any(v is not None and v * factor > MAX_DISTANCE_KM for v in (lo, hi)):
                continue        # an absurd number (or one too long to read): not a distance
            lo = None if lo is None else round(lo * factor)
            hi = None if hi is None else round(hi * factor)
            found.append([m.start(), m.end(), lo, hi, unit, bound, factor])
        # "310 to 3,420 miles (500 to 5,500 km)": a distance and its conversion in brackets
        # are one claim, with the kilometres the outlet printed
        merged: list = []
        for f in found:
            prev = merged[-1] if merged else None
            if (prev is not None and (prev[6] == 1.0) != (f[6] == 1.0)
                    and _CONVERSION_OPEN_RE.fullmatch(text, prev[1], f[0])):
                close = _CONVERSION_CLOSE_RE.match(text, f[1])
                if close:
                    km, other = (prev, f) if prev[6] == 1.0 else (f, prev)
                    merged[-1] = [prev[0], close.end(), km[2], km[3], km[4], km[5], 1.0,
                                  f"with its conversion: {text[other[0]:other[1]]}"]
                    continue
            merged.append(f + [""])
        for start, end, lo, hi, unit, bound, factor, note in merged:
            # what the range belongs to: a missile named just before it, else the treaty
            # band if the sentence is about the treaty, else a deployment, else a class
            before = text[max(0, start - 90):start]
            named = list(_system_matches(sys_re, sys_ctx, before))
            if named and re.search(r"\b(?:range|capable|which has|reach)\b", before[named[-1].end():]):
                subject = f"named missile: {sys_names[named[-1].group('a')]}"
            elif about_treaty:
                subject = "INF treaty band"
            elif first_deploy <= start and not has_class:
                subject = "deployment"
            else:
                subject = "missile class"
            note = note or (f"converted from {unit}" if factor != 1.0 else "")
            rows.append((aid, outlet, sid, base + start, base + end, text[start:end], "distance",
                         lo, hi, unit, bound, subject, note))
        treaty_names = [(t.start(), t.end()) for t in _TREATY_NAME_RE.finditer(text)] if has_class else []
        for m in _CLASS_RE.finditer(text):
            if any(s <= m.start() < e for s, e in treaty_names):
                continue
            word = m.group("word")
            key = f"{'INF' if word.upper() == 'INF' else word.lower()}-{(m.group('kind') or 'range').lower()}"
            if key not in RANGE_CLASSES:
                continue
            lo, hi, note = RANGE_CLASSES[key]
            rows.append((aid, outlet, sid, base + m.start(), base + m.end(), m.group(), "class term",
                         lo, hi, "", "definition", key, note))
    out = pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "start", "end", "surface",
                                      "kind", "min_km", "max_km", "unit", "bound", "subject", "note"])
    out[["min_km", "max_km"]] = out[["min_km", "max_km"]].astype("Int64")
    return out.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


def system_mentions(sents: pd.DataFrame, systems: pd.DataFrame | None = None) -> pd.DataFrame:
    """Weapon systems named, with every designation resolved to one name
    (``systems.csv``; plurals count, "Typhoon" only beside a weapon word): ``article_id``, ``outlet``, ``sentence_id``, ``start``,
    ``end``, ``surface``, ``system``, ``kind``, ``country``. Two designations of one
    system in one phrase ("SSC-8 ... (9M729)", "9M729/SSC-8") are one mention whose
    ``surface`` spans both."""  # noqa: E501
    systems = load_systems() if systems is None else systems
    pattern, names, contextual = _system_pattern(systems)
    kinds, countries = dict(zip(systems.system, systems.kind)), dict(zip(systems.system, systems.country))
    rows = []
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        last = None
        for m in _system_matches(pattern, contextual, text):
            s = names[m.group("a")]
            if last and last[0] == s and _SAME_PHRASE_RE.match(text, last[2], m.start()):
                # "SSC-8 ground-launched cruise missile (9M729)": one mention of one system
                rows[-1] = rows[-1][:4] + (base + m.end(), text[last[1]:m.end()]) + rows[-1][6:]
                last = (s, last[1], m.end())
                continue
            rows.append((aid, outlet, sid, base + m.start(), base + m.end(), m.group(), s, kinds[s], countries[s]))
            last = (s, m.start(), m.end())
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "start", "end",
                                       "surface", "system", "kind", "country"])


# Between two designations of one system in one phrase: a parenthesis opening within a
# few words ("SSC-8 ground-launched cruise missile (9M729"), a slash, "or", "known as".
_SAME_PHRASE_RE = re.compile(r"[^.;()\n]{0,50}\(\s*\Z|\s*(?:/|,?\s+or\s+|,?\s+(?:also\s+)?known as\s+)\Z")


#: Places that stand for where missiles are or may be deployed, tested or used.
PLACES = ["Belarus", "Germany", "Denmark", "Philippines", "Australia", "Europe", "Asia",
          "Asia-Pacific", "Indo-Pacific", "Ukraine", "Dnipro", "Kursk", "Kiev", "Kyiv"]
_PLACE_RE = re.compile(r"(?<![\w-])(%s)(?![\w-])" % "|".join(sorted(PLACES, key=len, reverse=True)))
_DEPLOY_CONTEXT_RE = re.compile(r"\b(?:deploy\w*|station\w*|position\w*|missile|missiles|strike|launch\w*|exercises?|activity)\b", re.I)  # noqa: E501


def place_mentions(sents: pd.DataFrame) -> pd.DataFrame:
    """Places of ``PLACES`` named, and whether the sentence speaks of deploying,
    stationing, launching or exercising missiles (``deployment_context``)."""
    rows = []
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        ctx = bool(_DEPLOY_CONTEXT_RE.search(text))
        for m in _PLACE_RE.finditer(text):
            rows.append((aid, outlet, sid, base + m.start(), base + m.end(), m.group(), ctx))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "start", "end",
                                       "place", "deployment_context"]).astype({"deployment_context": bool})


_RUSSIA_LEFT_TREATY_RE = re.compile(
    r"Russia(?:['\u2019]s)? (?:\w+ ){0,6}withdrawal from the (?:INF |Intermediate-Range Nuclear Forces \(INF\) )?[Tt]reaty"  # noqa: E501
    r"|Russia (?:has |had )?(?:\w+ ){0,2}(?:withdrawn|withdrew) from the (?:INF )?[Tt]reaty")
_RUSSIA_SUSPENDED_RE = re.compile(r"Russia (?:had |has )?suspended the (?:INF )?treaty", re.I)


def status_claims(sents: pd.DataFrame, reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """What the outlets say Russia did to the treaty, checked against F40 (Russia
    suspended the treaty in 2019 and never withdrew; in 2025 it ended a moratorium).

    One row per claim: ``article_id``, ``outlet``, ``sentence_id``, ``start``,
    ``end``, ``surface``, ``claim`` ("Russia withdrew from the treaty" or "Russia
    suspended the treaty"), ``fact_id``, ``verdict``, ``reference``, ``source``."""
    reference = load_reference() if reference is None else reference
    f40 = reference.set_index("fact_id").loc["F40"]
    rows = []
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        for rx, claim, verdict in [(_RUSSIA_LEFT_TREATY_RE, "Russia withdrew from the treaty", "conflicts"),
                                   (_RUSSIA_SUSPENDED_RE, "Russia suspended the treaty", "agrees")]:
            for m in rx.finditer(text):
                rows.append((aid, outlet, sid, base + m.start(), base + m.end(), m.group(), claim, "F40",
                             verdict, f40["claim"], f40["source_title"]))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "start", "end", "surface",
                                       "claim", "fact_id", "verdict", "reference", "source"])


def _conversion_tolerance(number: str) -> float:
    """Kilometres a distance printed in miles may be off by through rounding: half the
    step of its last significant digit ("310" is 305-315 miles, "3,400" 3,350-3,450),
    converted, plus half a kilometre for rounding the conversion."""
    digits = number.replace(",", "")
    whole, _, decimals = digits.partition(".")
    step = 10.0 ** -len(decimals) if decimals else 10.0 ** (len(whole) - len(whole.rstrip("0")) if whole.strip("0") else 0)  # noqa: E501
    return step / 2 * KM_PER_MILE + 0.5


def band_agrees(lo, hi, band: tuple, surface: str = "", note: str = "") -> bool:
    """Does a distance claim (``lo``-``hi`` km) state the band ``(lo, hi)``? Exactly in
    kilometres; for one converted from miles (``note`` "converted from miles"), within
    the rounding of the miles printed in ``surface`` (310-3,400 miles is 500-5,500 km)."""
    if lo is None or hi is None:
        return False
    if (lo, hi) == tuple(band):
        return True
    if not note.startswith("converted from mile"):
        return False
    numbers = re.findall(_NUM, surface)
    if len(numbers) != 2:
        return False
    return all(abs(v - b) <= _conversion_tolerance(n) for v, b, n in zip((lo, hi), band, numbers))


def check_ranges(claims: pd.DataFrame, reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """Distance claims checked against the reference: the treaty band against F04
    (500-5,500 km; a band in miles within the rounding of its conversion,
    ``band_agrees``), a named Oreshnik range against F21 (claimed 5,000-5,500 km,
    unverified), anything else "no reference". Adds ``fact_id``,
    ``reference_value``, ``verdict`` and ``source``."""
    reference = load_reference() if reference is None else reference
    ref = reference.set_index("fact_id")
    rows = []
    for r in claims[claims.kind == "distance"].itertuples(index=False):
        lo = None if pd.isna(r.min_km) else int(r.min_km)
        hi = None if pd.isna(r.max_km) else int(r.max_km)
        if r.subject in ("INF treaty band", "missile class") and lo is not None and hi is not None and lo != hi:
            fact, ok = "F04", band_agrees(lo, hi, (500, 5500), r.surface, r.note)
        elif r.subject == "named missile: Oreshnik":
            fact, ok = "F21", hi is not None and 5000 <= hi <= 5500
        else:
            fact, ok = "", None
        rows.append(r._asdict() | dict(
            fact_id=fact, reference_value=f"{ref.at[fact, 'value']} {ref.at[fact, 'unit_or_date']}" if fact else "",
            verdict="no reference" if ok is None else "agrees" if ok else "conflicts",
            source=ref.at[fact, "source_title"] if fact else ""))
    return pd.DataFrame(rows)
