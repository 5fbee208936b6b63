"""The fact-check verdicts of 04 (``claim_checks``) against a blind hand coding of them.

The coding (``annotations/claims.csv``) holds one row per statement a coder found checkable:
its span, the claim it speaks to (a codebook id, "date:<fact or event>", "range:<...>" or
"official_quote"), the verdict (conflicts, misleading, unverified, agrees) and whose words
carry it ("outlet" or "quoted: <speaker>"). A tool row and a coded row are the same statement
when they lie in the same article and sentence and speak to the same claim family (the
codebook id, or "date", "range", "official_quote": the coder names dates by the record's fact,
the tool by its event). The tool's "not checked" rows are not statements it judged and are
left out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from inf_coverage.validate.agreement import cohen_kappa, finish_scores, interval, prf, score_row

#: The verdicts a coder may give (the tool's "not checked" is no verdict).
CODED_VERDICTS = ["conflicts", "misleading", "unverified", "agrees"]


def claim_family(claim_id: str) -> str:
    """What a coded and a tool row must share to be one statement: "date" for any
    "date:...", "range" for any "range:...", else the claim id itself."""
    head = str(claim_id).split(":", 1)[0]
    return head if head in {"date", "range"} else str(claim_id)


def _whose(value: str) -> str:
    return "quoted" if str(value).startswith("quoted") else "outlet"


def _sentence_of(rows: pd.DataFrame, sents: pd.DataFrame) -> list:
    spans = {aid: list(zip(g.start, g.end, g.sentence_id)) for aid, g in sents.groupby("article_id")}
    out = []
    for aid, start in zip(rows.article_id, rows.start):
        out.append(next((sid for s0, e0, sid in spans.get(aid, []) if s0 <= int(start) < e0), -1))
    return out


def match_claims(gold: pd.DataFrame, tool: pd.DataFrame, sents: pd.DataFrame) -> list:
    """Pairs (gold index, tool index) of the same statement: same article, sentence and
    ``claim_family``; each row used once, in text order."""
    g = gold.assign(_s=_sentence_of(gold, sents), _f=[claim_family(c) for c in gold.claim_id])
    t = tool.assign(_s=_sentence_of(tool, sents), _f=[claim_family(c) for c in tool.claim_id])
    free = {k: list(idx) for k, idx in t.groupby(["article_id", "_s", "_f"]).groups.items()}
    pairs = []
    for gi, key in zip(g.index, zip(g.article_id, g._s, g._f)):
        if free.get(key):
            pairs.append((gi, free[key].pop(0)))
    return pairs


def score_claims(gold: pd.DataFrame, tool: pd.DataFrame, sents: pd.DataFrame, articles) -> pd.DataFrame:
    """The tool's claim checks scored against the coding, per article and pooled ("all"),
    in the score table's columns (``SCORE_COLUMNS``: ``method`` "claims", ``article_id``,
    ``metric``, ``value``, ``n``, ``ci_low``, ``ci_high``, ``n_gold``, ``n_tool``,
    ``matched``). Metrics: ``statement precision``/``statement recall``/``statement f1``
    (the same statement found, whatever its verdict); ``precision``/``recall``/``f1`` (found
    *with the same verdict*: the headline); ``verdict accuracy`` and ``verdict kappa`` on the
    statements both found; ``conflicts confirmed`` (the tool's "conflicts" the coder also
    calls an error, conflicts or misleading, over the tool's conflicts); ``whose accuracy``
    (outlet or quoted, on the statements both found)."""
    articles = sorted(articles)
    gold = gold[gold.article_id.isin(articles)].reset_index(drop=True)
    tool = tool[tool.article_id.isin(articles) & tool.verdict.isin(CODED_VERDICTS)].reset_index(drop=True)
    pairs = match_claims(gold, tool, sents)
    # per article (matched, gold, tool) for the pooled F1's cluster-bootstrap interval
    counts: dict = {"statement ": {}, "": {}}
    for aid in articles:
        here = [(g, t) for g, t in pairs if gold.at[g, "article_id"] == aid]
        ng, nt = int((gold.article_id == aid).sum()), int((tool.article_id == aid).sum())
        counts["statement "][aid] = (len(here), ng, nt)
        counts[""][aid] = (sum(gold.at[g, "verdict"] == tool.at[t, "verdict"] for g, t in here), ng, nt)
    rows = []
    for aid in articles + ["all"]:
        mine = [(g, t) for g, t in pairs if aid == "all" or gold.at[g, "article_id"] == aid]
        ng = len(gold) if aid == "all" else int((gold.article_id == aid).sum())
        t_here = tool if aid == "all" else tool[tool.article_id == aid]
        nt = len(t_here)
        same = [(g, t) for g, t in mine if gold.at[g, "verdict"] == tool.at[t, "verdict"]]
        for prefix, m in [("statement ", len(mine)), ("", len(same))]:
            p, r, f = prf(m, ng, nt)
            lo, hi = (interval(counts[prefix], lambda us: prf(*map(sum, zip(*us)))[2]) if aid == "all"
                      else (float("nan"), float("nan")))
            rows += [score_row("claims", aid, prefix + "precision", p, nt, n_gold=ng, n_tool=nt, matched=m),
                     score_row("claims", aid, prefix + "recall", r, ng, n_gold=ng, n_tool=nt, matched=m),
                     score_row("claims", aid, prefix + "f1", f, ng, lo, hi, n_gold=ng, n_tool=nt, matched=m)]
        gv = [gold.at[g, "verdict"] for g, _ in mine]
        tv = [tool.at[t, "verdict"] for _, t in mine]
        rows.append(score_row("claims", aid, "verdict accuracy",
                              float(np.mean([a == b for a, b in zip(gv, tv)])) if mine else float("nan"), len(mine)))
        rows.append(score_row("claims", aid, "verdict kappa", cohen_kappa(gv, tv), len(mine)))
        conflicts = list(t_here.index[t_here.verdict == "conflicts"])
        confirmed = sum(1 for g, t in mine
                        if t in set(conflicts) and gold.at[g, "verdict"] in {"conflicts", "misleading"})
        rows.append(score_row("claims", aid, "conflicts confirmed",
                              confirmed / len(conflicts) if conflicts else float("nan"), len(conflicts)))
        whose = [_whose(gold.at[g, "whose"]) == _whose(tool.at[t, "whose"]) for g, t in mine]
        rows.append(score_row("claims", aid, "whose accuracy",
                              float(np.mean(whose)) if whose else float("nan"), len(whose)))
    return finish_scores(rows)
