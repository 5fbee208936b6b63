"""Patterns and names in registries: ``check_pattern`` and ``check_name`` validate them
(bounded, no catastrophic backtracking), and literal pre-filters skip sentences a pattern
cannot match."""

from __future__ import annotations

import functools
import importlib
import re

from inf_coverage.core.layout import CorpusError
from inf_coverage.ingest.cleaning import _CONTROL_RE

# -- Patterns and names in registries ----------------------------------------
# Registries hold regular expressions (frames.csv cues, event_types.csv anchors and
# context, the claims codebook's patterns) and names (figures', institutions' and
# systems' aliases). ``check_pattern`` and ``check_name`` are the one place they are
# validated: every loader calls them, so a refusal reads the same everywhere.

#: Longest pattern accepted, and the largest count in a {m,n} repetition.
MAX_PATTERN_LENGTH = 300
MAX_PATTERN_REPEAT = 100

# the parser behind ``re.compile`` (private modules of Python 3.11+, which the project pins;
# imported by name because the type stubs do not declare them)
_sre = importlib.import_module("re._constants")
_sre_parse = importlib.import_module("re._parser")

_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT} | ({_sre.POSSESSIVE_REPEAT} if hasattr(_sre, "POSSESSIVE_REPEAT") else set())  # noqa: E501


def _inner(items):
    """A repeated body without the non-capturing group around it (``(?:...)``)."""
    while len(items) == 1 and items[0][0] is _sre.SUBPATTERN and not items[0][1][1] and not items[0][1][2]:
        items = items[0][1][3]
    return items


def _delimited_words(body) -> bool:
    """Is a repeated body a separator followed by alternative plain words, the separator a
    character none of the words holds (``(?:\\s(?:has|had|formally|formal))*``)? Then the
    separators fix where every repetition starts and ends, and distinct words can match each
    stretch in one way only: the repetition cannot backtrack exponentially."""
    if len(body) != 2 or body[1][0] is not _sre.BRANCH:
        return False
    (sep_op, sep), (_, (_, branches)) = body
    words = []
    for branch in branches:
        if not branch or any(op is not _sre.LITERAL for op, _ in branch):
            return False
        words.append("".join(chr(c) for _, c in branch).lower())
    if len(set(words)) != len(words):
        return False
    chars = set("".join(words))
    if sep_op is _sre.LITERAL:
        return chr(sep).lower() not in chars
    if sep_op is _sre.IN and sep == [(_sre.CATEGORY, _sre.CATEGORY_SPACE)]:
        return not any(c.isspace() for c in chars)
    return False


def _pattern_problem(items, under_repeat: bool = False, limit: int = MAX_PATTERN_REPEAT,  # noqa: C901
                     scoped_flags: bool = False) -> str | None:
    """Why a parsed pattern could run for a very long time or break when combined with
    other patterns, or None. ``under_repeat``: inside a repetition that may run more than once."""
    for op, av in items:
        if op in _REPEATS:
            lo, hi, sub = av
            if hi != _sre.MAXREPEAT and hi > limit or lo > limit:
                return f"has a repetition count over {limit}"
            many = hi > 1
            if many and under_repeat:
                return "has nested quantifiers (a repeated part inside a repeated group), which can take exponential time"  # noqa: E501
            if many and sub.getwidth()[0] == 0:
                return "repeats a part that can match nothing, which can take exponential time"
            problem = None if many and not under_repeat and _delimited_words(_inner(sub)) \
                else _pattern_problem(sub, under_repeat or many, limit, scoped_flags)
        elif op is _sre.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            if (add_flags or del_flags) and not scoped_flags:
                return "has inline flags such as (?i:...); cues are matched case-insensitively already"
            problem = _pattern_problem(sub, under_repeat, limit, scoped_flags)
        elif op is _sre.BRANCH:
            if under_repeat:
                return "has alternatives (|) inside a repeated group, which can take exponential time"
            problem = next(filter(None, (_pattern_problem(b, under_repeat, limit, scoped_flags) for b in av[1])), None)
        elif op in (_sre.GROUPREF, _sre.GROUPREF_EXISTS) or str(op).startswith("GROUPREF"):
            return "refers back to a group (\\1, (?(1)...)), which patterns combined with others cannot do"
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            problem = _pattern_problem(av[1], under_repeat, limit, scoped_flags)
        elif str(op) == "ATOMIC_GROUP":
            problem = _pattern_problem(av, under_repeat, limit, scoped_flags)
        else:
            problem = None
        if problem:
            return problem
    return None


def _unbounded(items, found=None) -> list:
    """Every repetition with no upper bound (+, *, {n,}) in a parsed pattern, as its body."""
    found = [] if found is None else found
    for op, av in items:
        if op in _REPEATS:
            if av[1] == _sre.MAXREPEAT:
                found.append(av[2])
            _unbounded(av[2], found)
        elif op is _sre.SUBPATTERN:
            _unbounded(av[3], found)
        elif op is _sre.BRANCH:
            for b in av[1]:
                _unbounded(b, found)
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            _unbounded(av[1], found)
        elif str(op) == "ATOMIC_GROUP":
            _unbounded(av, found)
    return found


_WIDE_CATEGORIES = {getattr(_sre, n) for n in ("CATEGORY_NOT_SPACE", "CATEGORY_NOT_WORD", "CATEGORY_NOT_DIGIT")}


def _is_wide(sub) -> bool:
    """Does a repeated body match (almost) any character: ., [^...], \\S, \\W, \\D?"""
    if len(sub) != 1:
        return False
    op, av = sub[0]
    if op in (_sre.ANY, _sre.NOT_LITERAL):
        return True
    if op is _sre.IN:
        return any(o is _sre.NEGATE or (o is _sre.CATEGORY and a in _WIDE_CATEGORIES) for o, a in av)
    return False


def _open_in_sequence(items) -> int:
    """The most repetitions without an upper bound that one match can pass through in
    sequence: alternatives count as their largest branch (``develop\\w*|test\\w*`` is one),
    a repetition as one plus what its body holds. The time of a search grows with the
    sentence length to about this power."""
    n = 0
    for op, av in items:
        if op in _REPEATS:
            n += (av[1] == _sre.MAXREPEAT) + _open_in_sequence(av[2])
        elif op is _sre.SUBPATTERN:
            n += _open_in_sequence(av[3])
        elif op is _sre.BRANCH:
            n += max((_open_in_sequence(b) for b in av[1]), default=0)
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            n += _open_in_sequence(av[1])
        elif str(op) == "ATOMIC_GROUP":
            n += _open_in_sequence(av)
    return n


def _scan_problem(parsed) -> str | None:
    """Patterns whose time grows as a power of the sentence length: more than two open
    repetitions one after another, or an open repetition of any character (``.*``, ``[^,]+``)."""
    bodies = _unbounded(parsed)
    if any(_is_wide(b) for b in bodies):
        return ("repeats any character without a limit (.*, .+, [^...]+, \\S+), which is slow "
                "on long sentences; give a limit such as .{0,40}")
    if _open_in_sequence(parsed) > 2:
        return ("has more than two repetitions without a limit (+, *, {n,}), which is slow on long "
                "sentences; give limits such as \\w{1,20}")
    return None


def check_pattern(pattern: str, where: str, what: str = "pattern", max_length: int = MAX_PATTERN_LENGTH,
                  max_repeat: int = MAX_PATTERN_REPEAT, scoped_flags: bool = False) -> re.Pattern:
    """Validate one regular expression from a registry and return it compiled
    (case-insensitive). ``where`` names the file and row, ``what`` the column ("cue",
    "anchor"...). Raises ``CorpusError`` "<where>: <what> '<pattern>' <why>" for a
    pattern that is not valid, is longer than ``MAX_PATTERN_LENGTH``, matches the empty
    string, has named groups, back-references or inline flags (``(?i)``), or could
    backtrack for minutes: nested quantifiers (``(\\w+\\s?)+``), a repeated part that
    can be empty, alternatives inside a repeated group, a count over
    ``MAX_PATTERN_REPEAT``. Exported for every codebook of patterns (frames, events,
    claims), so they are refused alike."""
    def refuse(why):
        return CorpusError(f"{where}: {what} {pattern!r} {why}")
    if not pattern.strip():
        raise refuse("is empty")
    if len(pattern) > max_length:
        raise refuse(f"is longer than {max_length} characters")
    try:
        compiled = re.compile(pattern)
        parsed = _sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError) as err:
        raise refuse(f"is not a valid regular expression ({err})") from None
    if compiled.groupindex:
        raise refuse("has a named group (?P<name>...), which patterns combined with others cannot have")
    if compiled.flags & ~re.U:
        raise refuse("has inline flags such as (?i) or (?x); cues are matched case-insensitively already")
    if parsed.getwidth()[0] == 0:
        raise refuse("can match the empty string, so it would match everywhere")
    problem = _pattern_problem(parsed, limit=max_repeat, scoped_flags=scoped_flags) or _scan_problem(parsed)
    if problem:
        raise refuse(problem)
    return re.compile(pattern, re.I)


# -- Pre-filters: literal text a pattern cannot match without ------------------
# A sentence that lacks every literal a pattern requires cannot match it, so the pattern
# need not be tried there (speed only: what matches is unchanged). The literals are read
# off the parsed pattern, never listed by hand.

#: The only characters outside ASCII that a case-insensitive ASCII literal matches
#: ("İ" and dotless "ı" match "i", long "ſ" matches "s", the Kelvin sign matches "k").
#: A text holding none of them matches an ASCII literal only with ASCII characters,
#: so ``literal.lower() in text.lower()`` is then a test that cannot miss.
#: ``tests/test_claims.py`` checks this list against every Unicode character.
_CASE_TRAP_RE = re.compile("[\u0130\u0131\u017f\u212a]")


def _required_literals(items):
    """For a parsed pattern (``_sre_parse.parse``): a tuple of lower-case ASCII strings,
    one of which every match contains (case aside), or None when no literal is required.
    A run of plain ASCII characters must match as a run; alternatives need one of their
    own literals each; a repetition needs its body's only when it cannot repeat zero
    times; anything else (classes, ``.``, ``\\b``, look-arounds, non-ASCII characters)
    requires nothing. Of several requirements, the longest (then the fewest) is kept."""
    found: list = []
    run: list = []

    def end_run():
        if run:
            found.append(("".join(run),))
            run.clear()

    for op, av in items:
        if op is _sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        end_run()
        if op is _sre.SUBPATTERN:
            need = _required_literals(av[-1])
        elif op is _sre.BRANCH:
            options = [_required_literals(b) for b in av[1]]
            need = None if any(o is None for o in options) else _fewest(w for o in options for w in o)
        elif op in _REPEATS:
            need = _required_literals(av[2]) if av[0] >= 1 else None
        elif str(op) == "ATOMIC_GROUP":
            need = _required_literals(av)
        else:
            need = None
        if need:
            found.append(need)
    end_run()
    return max(found, key=lambda need: (min(map(len, need)), -len(need)), default=None)


def _fewest(literals) -> tuple:
    """Literals one of which a text must hold, without those that hold another ("says"
    holds "say": a text with "says" has "say"), in their first order."""
    literals = list(dict.fromkeys(literals))
    return tuple(w for w in literals if not any(v != w and v in w for v in literals))


@functools.lru_cache(maxsize=4096)
def _pattern_literals(pattern: str, flags: int):
    """``_required_literals`` of a pattern given as source and flags (``re.Pattern``'s
    ``pattern`` and ``flags``); None when there are none."""
    return _required_literals(_sre_parse.parse(pattern, flags))


def _prefilter_text(text: str):
    """The text in lower case, for testing a pattern's required literals against it, or
    None when it holds a ``_CASE_TRAP_RE`` character (a literal test could then miss)."""
    return None if _CASE_TRAP_RE.search(text) else text.lower()


def _could_match(pattern: re.Pattern, text: str) -> bool:
    """False only when ``pattern`` cannot match ``text``: the text lacks every literal
    the pattern requires (``_pattern_literals``)."""
    need = _pattern_literals(pattern.pattern, pattern.flags)
    if need is None:
        return True
    low = _prefilter_text(text)
    if low is None:
        return True
    for w in need:
        if w in low:
            return True
    return False


def _search(pattern: re.Pattern, text: str):
    """``pattern.search(text)``, not tried when ``_could_match`` says it cannot match."""
    return pattern.search(text) if _could_match(pattern, text) else None


def _maybe_matching(lows: list, need) -> list:
    """Indices of the texts (given as their ``_prefilter_text``) that could match a
    pattern whose required literals (``_pattern_literals``) are ``need``, in order."""
    if need is None:
        return list(range(len(lows)))
    hit = set()
    for w in need:
        hit.update([i for i, low in enumerate(lows) if low is None or w in low])
    return sorted(hit)


#: English function words that cannot be a name, alias or surname in a registry: as a
#: name they would match in almost every sentence ("The", "And", "Of"). Words that are
#: also surnames (May, Will, Price, Rice, Little, Young) are not here; neither is "US".
FUNCTION_WORDS = frozenset("""
a an the and or nor but if then so than as of at by for from in into on onto to with
without within about above across after against along among around before behind below
beneath beside between beyond during except inside near off out outside over past since
through throughout toward towards under until unto upon via
i me my mine myself you your yours he him his himself she her hers herself it its itself
we our ours ourselves they them their theirs themselves this that these those who whom
whose which what
is am are was were be been being do does did done has have had having shall should would
could must might
not no yes also just only very too there here when where why how all any both each either
neither every some such own same other
""".split())


def check_name(name: str, where: str, what: str = "alias") -> str:
    """Validate one name from a registry (an alias, a surname, a designation) that is
    matched as written, and return it. Raises ``CorpusError`` "<where>: <what> '<name>'
    <why>" for a name with no letter or digit, with control characters, longer than
    ``MAX_PATTERN_LENGTH``, or that is an English function word (``FUNCTION_WORDS``,
    compared ignoring case)."""
    def refuse(why):
        return CorpusError(f"{where}: {what} {name!r} {why}")
    if not any(c.isalnum() for c in name):
        raise refuse("has no letter or digit")
    if _CONTROL_RE.search(name) or any(c in name for c in "\n\r\t"):
        raise refuse("contains control characters")
    if len(name) > MAX_PATTERN_LENGTH:
        raise refuse(f"is longer than {MAX_PATTERN_LENGTH} characters")
    if name.strip().casefold() in FUNCTION_WORDS:
        raise refuse("is an English function word, which would match in almost every sentence")
    return name


def check_owners(owner: dict, name: str, person: str, where: str, what: str = "alias") -> None:
    """Record that ``person`` claims ``name`` in ``owner`` (casefolded name -> (person,
    name as written)); raises ``CorpusError`` if another person claims the same name,
    in any case ("Putin" and "putin")."""
    key = name.casefold()
    if key in owner and owner[key][0] != person:
        other, written = owner[key]
        same = "" if written == name else f" (as {written!r})"
        raise CorpusError(f"{where}: {what} {name!r} is also listed for {other!r}{same}")
    owner.setdefault(key, (person, name))


def always_matches(match: re.Match | None) -> re.Match:
    """The match of a pattern that cannot fail (one of its alternatives matches the empty
    string, or the caller has just found what it needs): typed as a match, checked."""
    assert match is not None, "a pattern that always matches did not match"
    return match
