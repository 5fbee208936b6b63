"""Score the extraction rules on a fixture batch written blind (tests/fixtures/web_copy_*):
the measures of the extraction issue, with every hand-coded row counted, placed or not.

    .venv/bin/python scripts/score_fixtures.py tests/fixtures/web_copy_dev [--json]

A fixture folder holds ``articles.csv``, ``articles/`` and its writer's ``coding/`` (the coder
format of scripts/anchor_annotations.py: furniture, quotes, dates, names). The coding is
anchored to the cleaned text here; a row that cannot be placed (its sentence is not in the
cleaned text, say because cleaning merged a headline into it) counts as a miss for recall
and is listed, never dropped. Measures (``score_batch``):

- furniture: lines of page furniture removed (recall) and removed lines that were furniture
  (precision), on the raw lines;
- dates: conflicts that are real (tool "conflicts" on a span the writer marked wrong, over
  all tool conflicts: 1.0 when the tool states none), and dated events tied to the right
  event (over the writer's dates the tool found, events of the reference only);
- quotes: rows with the right speaker over the tool's rows (precision) and over the writer's
  rows (recall), and quoted spans (direct or mixed) with the right speaker over the writer's;
- names: with an empty registry, discovery (story text and page furniture: bylines, credits,
  signatures, contacts, captions; ``where``) against every person the writer lists: recall,
  and precision over every name found, but over the names found in the story text only where
  the writer listed nobody outside it (the first four batches were coded without bylines,
  editors or contacts, so a byline's name there is not judged); recall over the people whose
  surname the cleaned story text holds; and precision over the story text's names alone.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd

import helpers as h
import inf_coverage.validate.annotations as an

MEASURES = ["furniture recall", "furniture precision", "date conflicts that are real", "date events right",
            "quote rows right speaker (precision)", "quote rows right speaker (recall)",
            "quoted spans right speaker", "names recall", "names precision", "names recall (named in the story text)",
            "names precision (story text)"]


def _ratio(num: int, den: int, empty: float = float("nan")) -> float:
    return num / den if den else empty


def score_batch(folder) -> dict:
    """The measures of ``MEASURES`` on one fixture batch, each with its counts:
    ``{measure: {"value": float, "num": int, "den": int}}``, plus ``"lost"``: the coding rows
    that could not be placed (kind, article, text, problem)."""
    folder = Path(folder)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        shutil.copytree(folder / "articles", corpus / "articles")
        shutil.copy(folder / "articles.csv", corpus / "articles.csv")
        articles = h.load_corpus(corpus)
        sents = h.sentences(articles)
        gold, lost = an.anchor_folder(folder / "coding", articles)
        tool = an.tool_annotations(articles, sents)
        events = h.event_claims(sents, articles)
    coding = {k: pd.read_csv(folder / "coding" / f"{k}.csv", dtype=str, keep_default_na=False)
              for k in ["furniture", "quotes", "dates", "names"]}
    lost_by = lost.kind.value_counts().to_dict() if len(lost) else {}
    out = {}

    def put(name, num, den, empty=float("nan")):
        out[name] = {"value": _ratio(num, den, empty), "num": int(num), "den": int(den)}

    # furniture: raw lines
    gf, tf = gold.get("furniture", pd.DataFrame(columns=an.BASE_COLUMNS)), tool["furniture"]
    pairs = an.match_spans(gf.reset_index(drop=True), tf.reset_index(drop=True))
    put("furniture recall", len({g for g, _ in pairs}), len(coding["furniture"]))
    put("furniture precision", len({t for _, t in pairs}), len(tf), 1.0)
    # dates
    gd = gold.get("dates", pd.DataFrame(columns=an.BASE_COLUMNS + ["event", "date", "reference_ok"]))
    gd = gd.reset_index(drop=True)
    conflicts = events[events.verdict == "conflicts"].rename(columns={"surface": "text"}).reset_index(drop=True)
    wrong = gd[gd.reference_ok.str.lower().isin(["no", "false"])].reset_index(drop=True)
    put("date conflicts that are real", len(an.match_spans(wrong, conflicts)), len(conflicts), 1.0)
    td = tool["dates"].reset_index(drop=True)
    known = gd[gd.event != "other"].reset_index(drop=True)
    dpairs = an.match_spans(known, td)
    put("date events right", sum(known.at[g, "event"] == td.at[t, "event"] for g, t in dpairs), len(dpairs))
    # quotes
    gq, tq = gold.get("quotes").reset_index(drop=True), tool["quotes"].reset_index(drop=True)
    qpairs = an.match_spans(gq, tq)
    names = an._canonical_names()
    right = [(g, t) for g, t in qpairs if an._same_attribute("quotes", "speaker", gq.loc[g], tq.loc[t], names)]
    put("quote rows right speaker (precision)", len({t for _, t in right}), len(tq))
    put("quote rows right speaker (recall)", len({g for g, _ in right}), len(coding["quotes"]))
    quoted = set(gq.index[gq.kind != "indirect"])
    n_quoted = int((coding["quotes"].kind != "indirect").sum())
    put("quoted spans right speaker", len({g for g, _ in right if g in quoted}), n_quoted)
    # names: discovery with an empty registry
    empty = h.load_figures().iloc[0:0]
    found = h.discover_names(sents, empty, h.quotes(articles, empty), articles)
    listed = set(coding["names"].name)
    s = h.discovery_scores(found, listed)
    put("names recall", s["right"], s["gold"])
    # recall is also given over the people whose surname the cleaned text holds; a list that
    # names nobody else was written without the page furniture's people, so only the story
    # text's names are judged against it
    story = " ".join(articles.text)
    in_story = {n for n in listed if re.search(rf"(?<!\w){re.escape(n.split()[-1])}(?!\w)", story)}
    in_text = found[found["where"] == "story"]
    p = h.discovery_scores(found if in_story != listed else in_text, listed)
    put("names precision", p["right"], p["found"])
    put("names recall (named in the story text)", h.discovery_scores(found, in_story)["right"], len(in_story))
    t = h.discovery_scores(in_text, listed)
    put("names precision (story text)", t["right"], t["found"])
    out["lost"] = lost.to_dict("records") if len(lost) else []
    out["lost by kind"] = lost_by
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    scores = score_batch(args.folder)
    if args.json:
        print(json.dumps(scores, indent=1, default=str))
        return 0
    for m in MEASURES:
        v = scores[m]
        print(f"{m:40s} {v['value']:.2f}  ({v['num']} of {v['den']})")
    print(f"coding rows not placed: {len(scores['lost'])} {scores['lost by kind']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
