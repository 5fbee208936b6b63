"""Reading saved pages and text files: declared charsets, decoding, the kind of a file, and
the language of a text (``detect_language``)."""

from __future__ import annotations

import codecs
import re

from inf_coverage.core.layout import CorpusError

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_SUFFIXES = {".txt", ".text"}


# ---------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------

# The WHATWG encoding standard's reading of a few labels (what browsers do): pages that
# say ISO-8859-1 or ASCII are read as windows-1252; a page that says UTF-16 but whose
# <meta> could be read as ASCII is really UTF-8.
_LABEL_ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                  "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "iso_8859-1": "cp1252",
                  "x-cp1251": "cp1251", "x-cp1252": "cp1252", "utf-16": "utf-8", "utf-16le": "utf-8",
                  "utf-16be": "utf-8", "x-user-defined": "cp1252", "unicode": "utf-8"}
_BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
_META_CHARSET_RE = re.compile(rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I)
_XML_DECL_RE = re.compile(rb"""\A\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})""", re.I)
_HTML_SNIFF_RE = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b", re.I)
#: Bytes of the page searched for a declared charset and for the HTML signature.
PRESCAN_BYTES = 4096


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares: a byte-order mark, an ``<?xml encoding>``, or a
    ``<meta charset>`` / ``<meta http-equiv="Content-Type" content="...; charset=...">``
    in its first ``PRESCAN_BYTES`` bytes; None if it declares none."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    head = data[:PRESCAN_BYTES]
    m = _XML_DECL_RE.search(head) or _META_CHARSET_RE.search(head)
    return m.group(1).decode("ascii").lower() if m else None


def decode_page(data: bytes, name: str) -> tuple[str, str]:
    """(text, note) of a page: decoded by its declared charset (bytes that charset cannot
    decode become U+FFFD, and the note counts them), else as UTF-8. Raises ``CorpusError``
    naming the file when no charset is declared (or the declared one is unknown) and the
    bytes are not UTF-8."""
    label = declared_charset(data)
    codec = None
    if label:
        try:
            codec = codecs.lookup(_LABEL_ALIASES.get(label, label)).name
        except LookupError:
            codec = None
    if codec and codec != "utf-8" and not data.isascii():
        # a page that declares a one-byte charset but whose bytes are valid UTF-8 (with
        # characters beyond ASCII) is UTF-8 mislabelled: real windows-1251 or latin-1 text is
        # almost never valid UTF-8, and decoding it as declared would garble every letter
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return text.removeprefix("\ufeff"), (f"decoded as UTF-8: the page declares {label}, but its bytes "
                                                 f"are UTF-8, which {label} would have garbled")
    if codec:
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
        note = f"decoded as {label} (declared by the page)"
        if bad:
            note += f"; {bad} byte sequence(s) that {label} cannot decode were replaced by U+FFFD"
        return text.removeprefix("\ufeff"), note
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        why = f"declares charset {label!r}, which is unknown," if label else "declares no charset"
        raise CorpusError(f"{name}: the page {why} and is not UTF-8 ({err.reason} at byte "
                            f"{err.start}: {data[err.start:err.start + 1]!r}); save it as UTF-8 "
                            f"or with its charset declared") from None
    return text.removeprefix("\ufeff"), ("decoded as UTF-8 (the page declares no charset)" if not label
                                         else f"decoded as UTF-8 (the declared charset {label!r} is unknown)")


#: Deepest element nesting read: libxml2, under trafilatura, stops at 256 levels and the page
#: then yields no text, which would be refused for a wrong reason ("no article body").
MAX_NESTING = 250


_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})\b[^<>]{0,2000}?(/?)>")


_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())


#: Elements whose end tag HTML lets a page leave out (<p>, <li>...): not counted as nesting.
_OPTIONAL_END_TAGS = frozenset("p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption "
                               "rb rt rp html head body".split())


def nesting_depth(page: str) -> int:
    """The deepest nesting of elements in an HTML text, read off its tags in one pass (void
    and self-closed elements, and those whose end tag may be left out, do not count; a
    closing tag closes one level)."""
    depth = deepest = 0
    for closing, tag, self_closed in _TAG_RE.findall(page):
        tag = tag.lower()
        if tag in _OPTIONAL_END_TAGS:
            continue
        if closing:
            depth = max(0, depth - 1)
        elif not self_closed and tag not in _VOID_TAGS:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def sniff_kind(data: bytes, suffix: str) -> str | None:
    """``"html"``, ``"text"`` or None (neither): HTML when its first ``PRESCAN_BYTES`` hold
    ``<!doctype html``, ``<html``, ``<head`` or ``<body`` after a ``<`` that opens it; text
    for a ``.txt``/``.text``/suffix-less file with no NUL byte; anything else is neither."""
    head = data[:PRESCAN_BYTES]
    for bom, _ in _BOMS:
        head = head.removeprefix(bom)
    if b"\x00" in head and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if head.lstrip()[:1] == b"<" and _HTML_SNIFF_RE.search(head):
        return "html"
    if suffix in TEXT_SUFFIXES or suffix == "":
        return "text"
    return None


# ---------------------------------------------------------------------------
# Language
# ---------------------------------------------------------------------------

# The most frequent function words of a few languages written in the Latin alphabet; a
# text's language is the list that covers the largest share of its words.
_STOPWORDS = {
    "en": "the of and to in a is that for on it with as was by he be at from his an are have has said not "
          "but this which were its they their or had been would will who after we".split(),
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an "
          "werden aus er hat dass sie nach wird bei einer um am sind noch wie".split(),
    "fr": "de la le et les des en un du une que est pour qui dans par sur pas au plus il ne se sont "
          "avec ce ou mais nous elle été aux cette".split(),
    "es": "de la que el en y a los del se las por un para con no una su al es lo como más pero sus le "
          "ha me si sin sobre este ya entre cuando".split(),
    "it": "di e il la che in a per un è del non le si da una con i sono al della lo ha dei gli come "
          "anche più ma nel alla".split(),
    "pt": "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele "
          "das tem à seu sua ou".split(),
    "nl": "de en van het een in is dat op te zijn met voor niet aan er die om ook als bij door maar "
          "naar dan wordt heeft werd nog".split(),
    "pl": "i w na nie z się do że to jest o jak po co ale od za przez jego przy tak już są oraz był "
          "może dla".split(),
}
_STOPSETS = {lang: frozenset(words) for lang, words in _STOPWORDS.items()}
_SCRIPTS = [  # (language, character class) for texts not mostly in the Latin alphabet
    ("uk", re.compile("[іїєґІЇЄҐ]")), ("ru", re.compile("[а-яёА-ЯЁ]")), ("el", re.compile("[\u0370-\u03ff]")),
    ("he", re.compile("[\u0590-\u05ff]")), ("ar", re.compile("[\u0600-\u06ff]")),
    ("ja", re.compile("[\u3040-\u30ff]")), ("zh", re.compile("[\u4e00-\u9fff]")), ("ko", re.compile("[\uac00-\ud7af]")),
]
_LETTER_RE = re.compile(r"[^\W\d_]")
_LANG_WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
#: A text needs at least this many words for a stop-word verdict.
MIN_WORDS_FOR_LANGUAGE = 20


def detect_language(text: str) -> tuple[str, str]:
    """(ISO 639-1 code or "", how it was decided) of a text, without any model: the script
    of most of its letters (Cyrillic: ``uk`` if it has Ukrainian-only letters, else ``ru``;
    Greek, Hebrew, Arabic, Japanese kana, Chinese, Korean), else, for the Latin alphabet, the
    language whose commonest function words cover the largest share of its words (English,
    German, French, Spanish, Italian, Portuguese, Dutch, Polish), when that share is at least
    15% and 1.5 times the runner-up's. "" when neither is clear (a short text, a mixture)."""
    letters = _LETTER_RE.findall(text)
    if not letters:
        return "", "no letters"
    n = len(letters)
    cyr = len(_SCRIPTS[1][1].findall(text)) + len(_SCRIPTS[0][1].findall(text))
    if cyr / n > 0.5:
        uk = len(_SCRIPTS[0][1].findall(text))
        return ("uk", "Cyrillic letters, with Ukrainian-only letters") if uk / cyr > 0.01 else \
            ("ru", "Cyrillic letters, no Ukrainian-only letters")
    for lang, pattern in _SCRIPTS[2:]:
        share = len(pattern.findall(text)) / n
        if share > (0.05 if lang == "ja" else 0.5):
            return lang, f"script ({share:.0%} of letters)"
    words = [w.lower().replace("\u2019", "'") for w in _LANG_WORD_RE.findall(text)]
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return "", f"too short to tell ({len(words)} words)"
    shares = sorted(((sum(w in stops for w in words) / len(words), lang)
                     for lang, stops in _STOPSETS.items()), reverse=True)
    (best, lang), (second, _) = shares[0], shares[1]
    if best >= 0.15 and best >= 1.5 * second:
        return lang, f"function words ({best:.0%} of {len(words)} words)"
    return "", f"function words inconclusive ({lang} {best:.0%}, runner-up {second:.0%})"


_LANG_ATTR_RES = [
    ("<html lang>", re.compile(r"<html\b[^>]{0,500}?\b(?:xml:)?lang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*", re.I)),  # noqa: E501
    ("JSON-LD inLanguage", re.compile(r"\"inLanguage\"\s*:\s*\"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\"")),
    ("og:locale", re.compile(r"<meta[^>]{0,300}?property\s*=\s*[\"']og:locale[\"'][^>]{0,300}?content\s*=\s*[\"']([A-Za-z]{2,3})", re.I)),  # noqa: E501
    ("Content-Language", re.compile(r"<meta[^>]{0,300}?http-equiv\s*=\s*[\"']content-language[\"'][^>]{0,300}?content\s*=\s*[\"']([A-Za-z]{2,3})", re.I)),  # noqa: E501
]


def declared_language(page: str) -> tuple[str, str]:
    """(primary language subtag, where) the page declares, from ``<html lang>``, JSON-LD
    ``inLanguage``, ``og:locale`` or ``Content-Language``, in that order; ("", "") if none."""
    for where, pattern in _LANG_ATTR_RES:
        m = pattern.search(page, 0, 200_000)
        if m:
            return m.group(1).lower(), where
    return "", ""
