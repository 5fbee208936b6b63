"""A faster ``polarity_scores`` that returns exactly what NLTK's VADER returns.

``FastSentimentIntensityAnalyzer`` is NLTK's own ``SentimentIntensityAnalyzer`` (same
constructor, same lexicon loading, same ``lexicon`` dict and ``constants``) with
``polarity_scores`` replaced by a line-by-line faithful transcription of NLTK 3.10.4's
``nltk/sentiment/vader.py`` (``SentiText``, ``polarity_scores``, ``sentiment_valence``,
``scalar_inc_dec``, ``_never_check``, ``_idioms_check``, ``_least_check``,
``_but_check``, ``score_valence`` and its helpers). Every rule is kept, in NLTK's order,
with NLTK's quirks (a repeated token is scored at its first position; idioms and
"never so" compare the words as written, not lower-cased; scores mix ints and floats as
NLTK's do), and every arithmetic operation is the same operation on the same operands
in the same order, so the floats come out bit for bit equal, then ``round(..., 3)`` and
``round(..., 4)`` as NLTK rounds them. Issue 16: "Sentiment scores stay exactly NLTK
VADER's".

Only the bookkeeping is faster (about 10x on news sentences; NLTK spends most of its
time building, per call, a dict of every word joined with each of 17 punctuation strings):

- ``SentiText`` replaces a token by ``w`` when it is in that dict, i.e. when it is
  ``p + w`` or ``w + p`` with ``p`` one of ``PUNC_LIST`` and ``w`` a token of the
  punctuation-stripped text of length > 1 (so free of ``string.punctuation``, the
  characters its regex removes). As ``w`` has no punctuation, ``p`` is the token's whole
  leading (or trailing) punctuation run, and the token itself puts ``w`` in the stripped
  text: the test needs only the token, no dict (``_strip_token``). A token neither
  starting nor ending with punctuation is kept as it is at once.
- each word is lower-cased once, not at every rule; negation of one word
  (``VaderConstants.negated([word])``) is ``lower in NEGATE or "n't" in lower`` (its
  "least" rule needs two words).
- a word not in the lexicon scores the int 0 whatever its neighbours (NLTK appends
  ``valence = 0`` for it, as for boosters and "kind" of "kind of"), so only the lexicon
  words' positions go through the rules, in order; every other position holds 0 (0.0
  after the "but" rule), which in ``_sift_sentiment_scores`` only counts as neutral.
- a repeated token reuses the score computed at its first position (NLTK computes the
  same thing again at that same first position).
- the idiom and two-word booster look-ups are skipped when no candidate sequence can
  match (tokens hold no spaces, so a joined sequence equals a key only word by word, and
  its first word must start a key), else done exactly as NLTK does them.

Input that is not exactly ``str`` goes to NLTK's own method.

Identity is tested, not argued: ``tests/test_fast_vader.py`` compares this with NLTK's
``SentimentIntensityAnalyzer`` (same lexicon file) with ``==`` on every value for every
sentence of the seed corpus and of every fixture corpus, and for a seeded random sample
of sentences built to hit every rule (lexicon words, boosters and dampeners, negations
and "n't", "but", "kind of", "least", "never so/this", idioms, ALL CAPS, "!" and "?",
emoticons, punctuation attached to words, empty and odd strings). It also asserts that
the installed NLTK is ``NLTK_VERSION``, the release this was transcribed from: after an
NLTK upgrade the test fails until the transcription is checked against the new source.
"""

from __future__ import annotations

import math
import string
from itertools import compress

from nltk.sentiment.vader import SentimentIntensityAnalyzer

NLTK_VERSION = "3.10.4"   # the nltk/sentiment/vader.py this transcribes

_PUNCTUATION = string.punctuation   # the characters of NLTK's REGEX_REMOVE_PUNCTUATION


def _first_words(keys) -> frozenset:
    """First words of the keys that hold a space (a joined sequence of tokens, which
    have no spaces, can only equal such a key if its first token is this word)."""
    return frozenset(k.split(" ")[0] for k in keys if " " in k)


class FastSentimentIntensityAnalyzer(SentimentIntensityAnalyzer):
    """NLTK's ``SentimentIntensityAnalyzer`` with a faster, identical ``polarity_scores``."""

    def __init__(self, lexicon_file="sentiment/vader_lexicon.zip/vader_lexicon/vader_lexicon.txt"):
        super().__init__(lexicon_file)
        c = self.constants
        self._punc_set = frozenset(c.PUNC_LIST)
        self._punc_chars = frozenset(_PUNCTUATION)
        self._idiom_first = _first_words(c.SPECIAL_CASE_IDIOMS)
        self._booster_first = _first_words(c.BOOSTER_DICT)

    def _strip_token(self, we):
        """NLTK's ``_words_and_emoticons`` for one token of length > 1 that starts or ends
        with punctuation: the word without its leading (else trailing) punctuation if
        that is one of ``PUNC_LIST`` and the rest is 2+ characters without punctuation;
        else the token. (A token starting with punctuation cannot be ``w + p``.)"""
        if we[0] in self._punc_chars:
            w = we.lstrip(_PUNCTUATION)
            p = we[:len(we) - len(w)]
        else:
            w = we.rstrip(_PUNCTUATION)
            p = we[len(w):]
        if len(w) > 1 and p in self._punc_set and self._punc_chars.isdisjoint(w):
            return w
        return we

    def polarity_scores(self, text):  # noqa: C901
        """Exactly ``SentimentIntensityAnalyzer.polarity_scores(text)`` (NLTK 3.10.4)."""
        if type(text) is not str:
            return SentimentIntensityAnalyzer.polarity_scores(self, text)
        lexicon = self.lexicon
        c = self.constants
        booster = c.BOOSTER_DICT
        negate = c.NEGATE
        idioms = c.SPECIAL_CASE_IDIOMS
        idiom_first = self._idiom_first
        booster_first = self._booster_first
        punc_chars = self._punc_chars
        C_INCR = c.C_INCR
        N_SCALAR = c.N_SCALAR
        B_DECR = c.B_DECR

        # SentiText: words_and_emoticons and is_cap_diff
        strip = self._strip_token
        wes = [strip(we) if we[0] in punc_chars or we[-1] in punc_chars else we
               for we in text.split() if len(we) > 1]
        n = len(wes)
        allcap_words = sum(map(str.isupper, wes))
        cap_differential = n - allcap_words
        is_cap_diff = 0 < cap_differential < n
        low = list(map(str.lower, wes))

        def negated(k):   # VaderConstants.negated([wes[k]])
            lw = low[k]
            return lw in negate or "n't" in lw

        # A word not in the lexicon scores the int 0 whatever precedes it (a booster or
        # "kind" of "kind of" is 0 too, but only after the lexicon test): only the
        # positions of lexicon words go through the rules, in order.
        sentiments: list[float] = [0] * n
        hits = list(compress(range(n), map(lexicon.__contains__, low)))
        # NLTK scores every occurrence of a token at its first index: the same value. The
        # first occurrence of a lexicon word is a lexicon position too, so the first
        # indexes of the lexicon positions alone are enough.
        first_index: dict = {}
        for j in hits:
            item = wes[j]
            i = first_index.setdefault(item, j)
            if i != j:
                sentiments[j] = sentiments[i]
                continue
            item_lowercase = low[i]
            if (i < n - 1 and item_lowercase == "kind" and low[i + 1] == "of") or item_lowercase in booster:
                continue   # stays 0

            # sentiment_valence
            valence = lexicon[item_lowercase]
            if item.isupper() and is_cap_diff:
                if valence > 0:
                    valence += C_INCR
                else:
                    valence -= C_INCR

            for start_i in range(0, 3):
                if i > start_i and low[i - (start_i + 1)] not in lexicon:
                    # scalar_inc_dec(words_and_emoticons[i - (start_i + 1)], valence, is_cap_diff)
                    k = i - (start_i + 1)
                    s = 0.0
                    word_lower = low[k]
                    if word_lower in booster:
                        s = booster[word_lower]
                        if valence < 0:
                            s *= -1
                        if wes[k].isupper() and is_cap_diff:
                            if valence > 0:
                                s += C_INCR
                            else:
                                s -= C_INCR
                    if start_i == 1 and s != 0:
                        s = s * 0.95
                    if start_i == 2 and s != 0:
                        s = s * 0.9
                    valence = valence + s

                    # _never_check
                    if start_i == 0:
                        if negated(i - 1):
                            valence = valence * N_SCALAR
                    if start_i == 1:
                        if wes[i - 2] == "never" and (wes[i - 1] == "so" or wes[i - 1] == "this"):
                            valence = valence * 1.5
                        elif negated(i - (start_i + 1)):
                            valence = valence * N_SCALAR
                    if start_i == 2:
                        if (wes[i - 3] == "never" and (wes[i - 2] == "so" or wes[i - 2] == "this")
                                or (wes[i - 1] == "so" or wes[i - 1] == "this")):
                            valence = valence * 1.25
                        elif negated(i - (start_i + 1)):
                            valence = valence * N_SCALAR

                        # _idioms_check
                        if wes[i - 1] in idiom_first or wes[i - 2] in idiom_first or wes[i - 3] in idiom_first:
                            onezero = f"{wes[i - 1]} {wes[i]}"
                            twoonezero = f"{wes[i - 2]} {wes[i - 1]} {wes[i]}"
                            twoone = f"{wes[i - 2]} {wes[i - 1]}"
                            threetwoone = f"{wes[i - 3]} {wes[i - 2]} {wes[i - 1]}"
                            threetwo = f"{wes[i - 3]} {wes[i - 2]}"
                            for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
                                if seq in idioms:
                                    valence = idioms[seq]
                                    break
                        if item in idiom_first:
                            if n - 1 > i:
                                zeroone = f"{wes[i]} {wes[i + 1]}"
                                if zeroone in idioms:
                                    valence = idioms[zeroone]
                            if n - 1 > i + 1:
                                zeroonetwo = f"{wes[i]} {wes[i + 1]} {wes[i + 2]}"
                                if zeroonetwo in idioms:
                                    valence = idioms[zeroonetwo]
                        if wes[i - 3] in booster_first or wes[i - 2] in booster_first:
                            if f"{wes[i - 3]} {wes[i - 2]}" in booster or f"{wes[i - 2]} {wes[i - 1]}" in booster:
                                valence = valence + B_DECR

            # _least_check
            if i > 1 and low[i - 1] not in lexicon and low[i - 1] == "least":
                if low[i - 2] != "at" and low[i - 2] != "very":
                    valence = valence * N_SCALAR
            elif i > 0 and low[i - 1] not in lexicon and low[i - 1] == "least":
                valence = valence * N_SCALAR

            sentiments[j] = valence

        # _but_check
        if "but" in low:
            bi = low.index("but")
            sentiments = ([sentiment * 0.5 for sentiment in sentiments[:bi]] + [sentiments[bi]]
                          + [sentiment * 1.5 for sentiment in sentiments[bi + 1:]])

        # score_valence
        if sentiments:
            sum_s = float(sum(sentiments))
            # _punctuation_emphasis: _amplify_ep + _amplify_qm
            ep_count = text.count("!")
            if ep_count > 4:
                ep_count = 4
            ep_amplifier = ep_count * 0.292
            qm_count = text.count("?")
            qm_amplifier: float = 0
            if qm_count > 1:
                if qm_count <= 3:
                    qm_amplifier = qm_count * 0.18
                else:
                    qm_amplifier = 0.96
            punct_emph_amplifier = ep_amplifier + qm_amplifier
            if sum_s > 0:
                sum_s += punct_emph_amplifier
            elif sum_s < 0:
                sum_s -= punct_emph_amplifier

            compound = sum_s / math.sqrt((sum_s * sum_s) + 15)   # normalize(sum_s), alpha=15
            # _sift_sentiment_scores: in order; every position but the lexicon words'
            # holds 0 (or 0.0 after the "but" rule), which only counts as neutral
            pos_sum = 0.0
            neg_sum = 0.0
            neu_count = n - len(hits)
            for j in hits:
                sentiment_score = sentiments[j]
                if sentiment_score > 0:
                    pos_sum += float(sentiment_score) + 1
                if sentiment_score < 0:
                    neg_sum += float(sentiment_score) - 1
                if sentiment_score == 0:
                    neu_count += 1

            if pos_sum > math.fabs(neg_sum):
                pos_sum += punct_emph_amplifier
            elif pos_sum < math.fabs(neg_sum):
                neg_sum -= punct_emph_amplifier

            total = pos_sum + math.fabs(neg_sum) + neu_count
            pos = math.fabs(pos_sum / total)
            neg = math.fabs(neg_sum / total)
            neu = math.fabs(neu_count / total)
        else:
            compound = 0.0
            pos = 0.0
            neg = 0.0
            neu = 0.0

        return {
            "neg": round(neg, 3),
            "neu": round(neu, 3),
            "pos": round(pos, 3),
            "compound": round(compound, 4),
        }
