"""Page furniture that a line is wherever it stands: skip links, buttons, photo captions and
credits, copyright notices, wire credits, "Source:" lines, links to other stories, footnotes,
contact lines, disclaimers, subscription, follow and consent appeals, links to other stories
by their form ("Read more\u2026 ...", a headline with the outlet's tag glued to its end:
"... in the north[VIDEO]").

Each rule looks at one line at a time, so they run in time linear in the text. ``cleaning``
calls ``line_furniture`` on every line (and on lines a hard wrap broke, joined) and removes the
lines it names, with the rule's name in its audit."""

from __future__ import annotations

import re

# A line longer than ``MAX_FURNITURE_LINE`` is never furniture, and no pattern below is applied
# to one.
MAX_FURNITURE_LINE = 300

# A credit: a short name, with initials ("U.S. Army") but no sentence inside it.
CREDIT = r"(?:[^\n.]|(?<=\b[A-Z])\.){1,60}"

# Labels of web-page buttons and links; a line made only of these (alone, or separated by
# "|", "·", "•" or spaces, perhaps in square brackets) is "share buttons" ("Share",
# "Comments (14) | Share this story | Print", "[Back to Top]").
_BUTTON_LABELS = frozenset("""
share tweet email e-mail print save copy comment comments facebook twitter x whatsapp
telegram linkedin reddit pinterest flipboard messenger threads bluesky mastodon
top menu search advertisement subscribe listen more link
""".split()) | frozenset({
    "share this", "share this story", "share this article", "share this page", "share on x",
    "share on facebook", "share on twitter", "copy link", "back to top", "go to top",
    "listen to this article", "sign in", "log in", "gift this article", "leave a comment",
    "view comments", "show comments", "print this page", "print article", "email this",
    # status messages of a page's widgets, their closing "!", "." or "…" aside
    "link copied", "copied", "loading", "video player loading", "comments are closed",
    "comments closed", "forward to a friend", "forward this email",
})
# "Share on LinkedIn", "Share via email": a share button for any network
_SHARE_ON_RE = re.compile(r"(?:share|post) (?:on|to|via) [\w.+-]+(?: [\w.+-]+)?\Z")
#: A line about the newsletter's channel or a consent notice has at most this many words.
NOTE_LINE_MAX_WORDS = 40
_BUTTON_SEP_RE = re.compile(r"\s*[|\u00b7\u2022]\s*")
_COMMENT_COUNT_RE = re.compile(r"(?:comments? ?\(\d{1,7}\)|\d{1,7} comments?)\Z")
_SKIP_LINK_RE = re.compile(r"\[?skip to (?:the )?(?:main )?(?:content|navigation|article|search)\]?\Z", re.I)
# a line that is a caption or credit from its first word ("Photo: ...", "Photo caption: ...",
# "Image credit: ..."), or a gallery's counter ("Photo 2 of 9. ...", "Image 3/12: ..."), or a
# copyright sign before a short credit ("© Reuters Photo")
_CAPTION_LINE_RE = re.compile(
    r"(?:Photo|Photos|Photograph|Image|Picture|Pictured|Video|Caption|Credit)"
    r"(?: caption| credit|s)?:[ \t]?\S"
    r"|(?:Image|Media|Photo|Video|Picture) (?:caption|source|credit),[ \t]?\S"
    r"|(?:Photo|Image|Picture)s? \d{1,3} ?(?:of|/) ?\d{1,3}\b[.:,]?(?:[ \t]|\Z)", re.I)
_PHOTO_WORD_RE = re.compile(r"\b(?:photos?|photograph|image|picture|video|getty|afp|reuters|ap|epa)\b", re.I)
# a copyright notice: "©", "(c)" or "Copyright" and a year at its start, or "All rights reserved"
_COPYRIGHT_RE = re.compile(
    r"(?:\u00a9|\(c\)[ \t]|copyright(?:[ \t]+(?:\u00a9|\(c\)))?[ \t]+\d{4}\b)|.*\ball rights reserved\b", re.I)
# a copyright notice opening a later sentence of a line ("Harbour Radio. Copyright 2024 Harbour
# Media."), or a licence notice ("licensed under CC BY 4.0", "under the Creative Commons ...
# License"): a line of up to ``NOTICE_MAX_WORDS`` words
_NOTICE_RE = re.compile(r"[.!?][ \t]+(?:\u00a9|\(c\)|copyright(?:[ \t]+\u00a9)?)[ \t]*\d{4}\b"
                        r"|\blicen[cs]ed under (?:a |the )?(?:CC|Creative Commons)\b"
                        r"|\bunder (?:a |the )?Creative Commons [\w -]{0,40}\bLicen[cs]e\b", re.I)
#: A line that holds a copyright or licence notice after a sentence has at most this many words.
NOTICE_MAX_WORDS = 40
# "(Reporting by ...; Editing by ...)" in brackets, or "Reporting by ..." with no sentence in it
_WIRE_CREDITS_RE = re.compile(
    r"\((?:additional |writing and )?(?:reporting|writing|editing|compiled|translated|"
    r"produced|research|contributing)(?: by)?\b[^\n]{0,200}\)\Z"
    r"|(?:additional reporting|associated reporting|reporting|writing|editing) by [^.\n]{1,120}"
    r"(?:; ?[^.\n]{1,120})?\.?\Z", re.I)
#: A note line ("[1] Address to the Federal Assembly, 20 February 2019.") has at most this
#: many words.
FOOTNOTE_MAX_WORDS = 30
_FOOTNOTE_RE = re.compile(r"\[\d{1,3}\][ \t]+\S")
# a line of e-mail addresses and telephone numbers alone, perhaps in brackets and after
# "Contact:": "((ann.example@example.org; +7 495 000 0000))"
_CONTACT_SPLIT_RE = re.compile(r"[\s;,|()\[\]]+")
_CONTACT_TOKEN_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?[\d./-]{1,15}|(?:contact|e-?mail|tel|phone):?", re.I)


def _is_contact_line(text: str) -> bool:
    """A line of e-mail addresses and telephone numbers alone, with one address at least."""
    tokens = [t for t in _CONTACT_SPLIT_RE.split(text) if t]
    return bool(tokens) and any("@" in t for t in tokens) and all(_CONTACT_TOKEN_RE.fullmatch(t) for t in tokens)
# "Source: Northline Wire": a short credit, no sentence (a link list header has no text)
_SOURCE_LINE_RE = re.compile(rf"Sources?: ?{CREDIT}\Z")
# "Read more: ...", "Read also: ...", "See also: ...", "RELATED: ...": a link to another story
_READ_MORE_RE = re.compile(
    r"(?:read (?:more|also|next)|also read|see also|more on this(?: story)?|related"
    r"(?: articles?| stories| coverage| content| reading)?|recommended(?: reading)?|"
    r"most read|editor's picks?)[ \t]*(?:[:|\u2014\u2013>\u00bb]|\u2026|\.\.\.)", re.I)
# "For more analysis, follow us on Telegram": the reader asked to follow the outlet after an
# opening clause
_FOLLOW_US_RE = re.compile(r",[ \t]+(?:please[ \t]+)?(?=follow us on\b)", re.I)
# a link's headline with the outlet's tag in capitals glued to its end ("... stall[NEWS]",
# "... in the north[VIDEO]"): no sentence of the story ends so
_TAGGED_LINK_RE = re.compile(r"[^\s\[][ \t]?\[(?![IVXLC]+\])[A-Z]{2,12}\]\Z")   # never a Roman numeral
#: A tagged link's headline has at most this many words.
TAGGED_LINK_MAX_WORDS = 25
# a credit of the story's translation or of the agencies it draws on, as its tail: "Translated
# from the French by Ada Example.", "This article was originally published in Polish.",
# "(With AFP)", "With AFP and Reuters.", "\u2014 With reporting by Ada Example in Vienna."
_CREDIT_NAME = r"[^\s.,;\"\u201c]{1,30}(?: [^\s.,;\"\u201c]{1,30}){0,7}"    # up to eight words, no clause
_TAIL_CREDIT_RE = re.compile(
    r"[(\u2014\u2013-]?[ \t]*(?:"
    r"(?:[Tt]his (?:article|story|piece|report|interview) (?:was|has been|is) )?"
    r"(?:[Tt]ranslated|[Aa]dapted|[Oo]riginally published) (?:from|in) (?:the )?[A-Z][a-z]+(?: original)?"
    rf"(?: (?:by|with) {_CREDIT_NAME})?"
    rf"|(?:[Tt]his (?:article|story|piece|report|interview) (?:was|has been) )?[Tt]ranslated by {_CREDIT_NAME}"
    rf"|[Ww]ith (?:additional )?reporting (?:by|from) {_CREDIT_NAME}"
    r"|[Ww]ith [A-Z]{2,6}(?:(?:,| and| &) [A-Z][\w.]{1,12}){0,3}"
    r")[ \t]*\)?\.?\Z")
#: A tail credit has at most this many words.
TAIL_CREDIT_MAX_WORDS = 25
# a disclaimer under its own label: "Disclaimer: This page is not ..."
_DISCLAIMER_LABEL_RE = re.compile(r"disclaimer[ \t]*:[ \t]*\S", re.I)
# Subscription and membership appeals: a subscription word, and either an imperative at the
# start of a clause ("... journalism: subscribe to ...", ". Subscribe") or the reader
# addressed ("If you value our work ..."), in a line without quotation marks.
_SUBSCRIPTION_WORD_RE = re.compile(
    r"\b(?:subscrib\w*|newsletters?|donat\w+|paywall|premium access|your inbox)\b", re.I)
# membership words count only where the reader is addressed ("become a member of our ...")
_MEMBERSHIP_WORD_RE = re.compile(r"\b(?:membership|become a member|members-only)\b", re.I)
_CTA_RE = re.compile(r"(?:\A|[:.!|\u2014]\s*|,\s*or\s+)(?:subscribe|sign up|become|join|donate|register|get)\b", re.I)
READER_RE = re.compile(r"\b(?:you|your|our|us)\b", re.I)
QUOTE_CHARS = set("\"\u201c\u201d\u00ab\u00bb\u201e")
# "Follow Feedline on X, Telegram and Threads ...", "Follow us on Facebook"
_FOLLOW_RE = re.compile(
    r"(?:Follow|Find|Join) (?:us|[A-Z][\w.'-]{0,30}(?: [A-Z0-9][\w.'-]{0,30}){0,3}) on (?:[^\n]{0,80}\b)?"
    r"(?:X|Twitter|Facebook|Telegram|Instagram|Threads|YouTube|TikTok|LinkedIn|WhatsApp|"
    r"Google News|Bluesky|Mastodon|social media)\b")
# The words a furniture line above can start with, and the words it can hold anywhere: a
# line with neither is not looked at further.
_FURNITURE_START_RE = re.compile(
    r"[\[(\u00a9]|(?:skip|photo|image|picture|pictured|video|media|caption|credit|copyright|"
    r"reporting|writing|editing|additional|associated|sources?|read|also|see|more|related|recommended|"
    r"most|editor|follow|find|join|disclaimer)\b", re.I)
_FURNITURE_WORD_RE = re.compile(
    r"\ball rights reserved\b|subscri|\bnewsletter|\byour inbox\b|\bdonat|\bpaywall\b|\bpremium access\b|"
    r"\bmembership\b|\bbecome a member\b|\bmembers-only\b|\bthis (?:e-?mail|newsletter|message|release)\b|"
    r"\bcookie|\bprivacy policy\b|\bterms of (?:use|service)\b|\bcopyright\b|\u00a9|\blicen[cs]e", re.I)
# the channel a newsletter or a release reaches the reader through: "Reply to this email ...",
# "You are receiving this release because ...", "Forwarded this email?"
_CHANNEL_RE = re.compile(r"\b(?:reply to|forward(?:ed)?|receiving|receive) this "
                         r"(?:e-?mail|newsletter|message|release)\b|\bunsubscrib", re.I)
# a consent notice: cookies, a privacy policy or terms of use, and the reader's agreement
# ("you agree", "I agree"), not a company's
_CONSENT_RE = re.compile(r"\b(?:cookies?|privacy policy|terms of (?:use|service))\b", re.I)
_CONSENTER_RE = re.compile(r"\b(?:you|your|I)\b")
_AGREE_RE = re.compile(r"\b(?:agree|accept|consent)\w*", re.I)


def is_button_line(line: str) -> bool:
    """True if ``line`` is only web-page button or link labels ("Share", "Tweet",
    "Comments (14) | Share this story | Print", "[Back to Top]")."""
    body = line.strip()
    if body[:1] == "[" and body[-1:] == "]":
        body = body[1:-1].strip()
    pieces = [p.rstrip("!.\u2026") for p in _BUTTON_SEP_RE.split(body.lower()) if p]
    if not pieces:
        return False
    for piece in pieces:
        if piece in _BUTTON_LABELS or _COMMENT_COUNT_RE.match(piece) or _SHARE_ON_RE.match(piece):
            continue
        words = piece.split()   # "share tweet email": labels separated by spaces
        if len(words) < 2 or not all(w in _BUTTON_LABELS for w in words):
            return False
    return True


def line_furniture(line: str) -> str | None:  # noqa: C901
    """The rule naming ``line`` as page furniture wherever it stands, or None: skip links,
    buttons, photo captions and credits, copyright notices, wire credits, "Source:" lines,
    links to other stories, subscription and follow appeals."""
    text = line.strip()
    if not text or len(text) > MAX_FURNITURE_LINE:
        return None
    # most lines are sentences: two cheap looks rule them out before the rules below
    if not _FURNITURE_START_RE.match(text) and not _FURNITURE_WORD_RE.search(text) and "@" not in text \
            and not (len(text) <= 100 and is_button_line(text)) and text[-1] != "]" and "ollow us" not in text \
            and not _TAIL_CREDIT_RE.match(text):
        return None
    if _SKIP_LINK_RE.match(text):
        return "skip link"
    if len(text) <= 100 and is_button_line(text):
        return "share buttons"
    if text[0] in "\u00a9(" and _COPYRIGHT_RE.match(text) and len(text.split()) <= 12 \
            and _PHOTO_WORD_RE.search(text):
        return "photo credit"
    if _CAPTION_LINE_RE.match(text):
        return "photo caption"
    if _COPYRIGHT_RE.match(text) or (len(text.split()) <= NOTICE_MAX_WORDS and _NOTICE_RE.search(text)):
        return "copyright notice"
    if _WIRE_CREDITS_RE.match(text):
        return "wire credits"
    if _TAIL_CREDIT_RE.match(text) and len(text.split()) <= TAIL_CREDIT_MAX_WORDS:
        return "wire credits"
    if _SOURCE_LINE_RE.match(text):
        return "source line"
    if _FOOTNOTE_RE.match(text) and len(text.split()) <= FOOTNOTE_MAX_WORDS:
        return "footnote"
    if "@" in text and _is_contact_line(text):
        return "contact line"
    if _READ_MORE_RE.match(text):
        return "related-article link"
    if _DISCLAIMER_LABEL_RE.match(text) and len(text.split()) <= NOTE_LINE_MAX_WORDS:
        return "disclaimer"
    if not QUOTE_CHARS.intersection(text) and len(text.split()) <= 40:
        if _SUBSCRIPTION_WORD_RE.search(text) and (_CTA_RE.search(text) or READER_RE.search(text)):
            return "subscription appeal"
        if _MEMBERSHIP_WORD_RE.search(text) and READER_RE.search(text):
            return "subscription appeal"
    follow = _FOLLOW_US_RE.search(text)
    if (_FOLLOW_RE.match(text) or (follow and _FOLLOW_RE.match("F" + text[follow.end() + 1:]))) \
            and len(text.split()) <= 25 and not QUOTE_CHARS.intersection(text):
        return "follow appeal"
    if _TAGGED_LINK_RE.search(text) and len(text.split()) <= TAGGED_LINK_MAX_WORDS and text[:1].isupper():
        return "related-article link"
    if len(text.split()) <= NOTE_LINE_MAX_WORDS and not QUOTE_CHARS.intersection(text):
        if _CHANNEL_RE.search(text):
            return "subscription appeal"
        if _CONSENT_RE.search(text) and _AGREE_RE.search(text) and _CONSENTER_RE.search(text):
            return "consent notice"
    return None
