"""Write varied, valid corpora for the corpus sweep (tests/test_sweep.py): the report must build
on every one of them. Seeded, so a failing corpus can be written again and opened.

    .venv/bin/python scripts/make_corpora.py OUT [--seed 7] [--kind one-article ...]

writes OUT/<kind>/ for every kind of ``KINDS`` (or those named). The texts are composed here
from original sentence templates about the story (nothing is copied from any outlet); what
varies is what a user's corpus varies in: size, layout (hard-wrapped wire copy, pasted pages
full of furniture), dates (none, other years), voices (no quotation, nobody the registry
knows), languages, metadata (only the required columns), and what a corpus folder carries
besides its texts (partial ``annotations/``, a stale ``names_gold.csv``, the seed corpus with
one article added).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import shutil
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED_CORPUS = REPO / "corpus"
COLUMNS = ["article_id", "file", "outlet", "title", "published", "url",
           "outlet_country", "outlet_type", "language", "notes"]

OUTLETS = [("Harbour Ledger", "GB", "independent"), ("Eastern Wire Service", "RU", "state-affiliated"),
           ("Plains Daily Online", "US", "aggregator"), ("Northern Signal", "NO", "digital"),
           ("Delta Courier", "NL", "independent"), ("Capital Brief", "US", "digital")]
CITIES = ["MOSCOW", "WASHINGTON", "BRUSSELS", "BERLIN", "KYIV"]
AGENCIES = ["Eastern Wire Service", "Northline", "Harbour Ledger"]

# (speaker, role) pairs: registered people of the seed registry and people nobody registered
KNOWN = [("Dmitry Peskov", "Kremlin spokesman"), ("Sergei Lavrov", "Russia's foreign minister"),
         ("Maria Zakharova", "Foreign Ministry spokeswoman"), ("Dmitry Medvedev", "deputy head of Russia's Security Council")]
UNKNOWN = [("Ines Valtonen", "an analyst at the Baltic Policy Forum"), ("Tomas Kerrigan", "a former arms-control negotiator"),
           ("Anika Brandt", "a researcher at the Institute for Strategic Stability"),
           ("Rafael Osei", "a lecturer in security studies")]

LEADS = [
    "Russia no longer considers itself bound by its moratorium on deploying ground-based intermediate- "
    "and shorter-range missiles, the Foreign Ministry said {when}.",
    "Moscow has dropped its self-imposed limits on where it places land-based missiles with ranges of "
    "500 to 5,500 km, the Foreign Ministry announced {when}.",
    "The Russian Foreign Ministry said {when} that the conditions for keeping its unilateral moratorium "
    "on such missiles had disappeared.",
]
BODY = [
    "The ministry linked the step to what it described as preparations by the United States and its allies "
    "to station similar weapons in Europe and the Asia-Pacific region.",
    "The Intermediate-Range Nuclear Forces Treaty, signed in 1987, banned ground-launched missiles with "
    "ranges between 500 and 5,500 km.",
    "Washington left the treaty in 2019, saying Russia had violated it, which Moscow denied.",
    "Russia then promised not to deploy such missiles unless American ones appeared first.",
    "Military analysts said the practical effect of the announcement was hard to judge.",
    "The decision adds to tension between Moscow and Western capitals.",
    "Officials in several European capitals were studying the statement, diplomats said.",
    "The Oreshnik missile was first used in combat in November 2024.",
]
NARRATION_ONLY = [
    "The moratorium had covered missiles with ranges of 500 to 5,500 km since 2019.",
    "The treaty that once banned such weapons expired six years ago.",
    "The announcement came after weeks of rising tension over missile deployments in Europe.",
    "Several governments have yet to respond to the statement.",
    "The step removes one of the last informal limits on such weapons in Europe.",
]
QUOTES = [
    '"This is a forced step, and the responsibility lies with those who created the threat," {name}, {role}, said.',
    '{name}, {role}, said the decision reflected "a new reality" that other countries would have to accept.',
    '"Nothing changes on the ground tomorrow," said {name}, {role}. "But the signal matters."',
    'According to {name}, {role}, the move "closes a chapter" of restraint.',
]
BACKGROUND_2019 = [
    "The United States formally withdrew from the Intermediate-Range Nuclear Forces Treaty on {when}.",
    "Washington accused Moscow of deploying a cruise missile that breached the 1987 agreement.",
    "Russia denied the charge and said it would mirror any American deployment.",
    "NATO allies backed the American decision in a joint statement.",
]
BACKGROUND_2024 = [
    "President Vladimir Putin said {when} that Russia should start producing intermediate- and shorter-range missiles.",
    "He said Moscow would then decide where to deploy them if necessary.",
    "The remarks followed American exercises that brought a new launcher to Europe.",
    "Western officials said the comments were meant to raise pressure on Europe.",
]
FOREIGN = {
    "de": ["Russland fühlt sich nicht mehr an das Moratorium für landgestützte Mittelstreckenraketen gebunden.",
           "Das Außenministerium in Moskau begründete den Schritt mit amerikanischen Plänen in Europa.",
           "Der Vertrag über nukleare Mittelstreckensysteme war 2019 ausgelaufen.",
           "Beobachter rechnen mit weiteren Spannungen zwischen Moskau und dem Westen."],
    "fr": ["La Russie ne se considère plus liée par son moratoire sur les missiles terrestres de portée intermédiaire.",
           "Le ministère des Affaires étrangères a invoqué les projets américains en Europe.",
           "Le traité sur les forces nucléaires intermédiaires avait pris fin en 2019.",
           "Les analystes s'attendent à de nouvelles tensions."],
    "ru": ["Россия больше не считает себя связанной мораторием на размещение ракет средней и меньшей дальности.",
           "МИД России объяснил решение действиями США и их союзников.",
           "Договор о ракетах средней и меньшей дальности прекратил действие в 2019 году.",
           "Эксперты ожидают дальнейшего роста напряжённости."],
}
FURNITURE_TOP = ["Skip to main content", "Home | World | Europe | Security | Opinion", "Menu  Search  Sign in",
                 "Listen to this article", "This audio is created with AI assistance", "World", "Advertisement"]
FURNITURE_MID = ["Read also: Baltic states review air defence plans", "Related", "Share this article",
                 "Facebook  X  Telegram  Email  Copy link", "Photo: File image of a missile launcher on parade.",
                 "Photo credit: Agency archive", "Subscribe to our newsletter for the day's security news"]
FURNITURE_END = ["Tags: Russia, missiles, arms control", "All news", "Comments (0)", "More from World",
                 "© 2025 All rights reserved.", "Enditem"]


def _when(rng: random.Random, published: dt.date | None, day: dt.date) -> str:
    """An expression dating ``day``: in an undated article a weekday ("on Monday", which cannot
    be resolved, as in what `make add` makes of a page without a date); in a dated one a
    weekday near the publication date or the day and month."""
    if published is None or (0 <= (published - day).days <= 3 and rng.random() < 0.6):
        return "on " + day.strftime("%A")
    return "on " + day.strftime("%B ") + str(day.day)


def _paragraphs(rng: random.Random, published, *, quotes=True, known=True, n_body=5) -> list[str]:
    event = dt.date(2025, 8, 4)
    lead = rng.choice(LEADS).format(when=_when(rng, published, event))
    body = rng.sample(BODY if quotes or known else NARRATION_ONLY, k=min(n_body, len(BODY)) if quotes or known
                      else min(n_body, len(NARRATION_ONLY)))
    paras = [lead] + body
    if quotes:
        people = (KNOWN if known else []) + UNKNOWN
        for _ in range(rng.randint(1, 3)):
            name, role = rng.choice(people)
            paras.insert(rng.randint(1, len(paras)), rng.choice(QUOTES).format(name=name, role=role))
    return paras


def _background(rng: random.Random, year: int) -> list[str]:
    if year == 2019:
        return [s.format(when="August 2, 2019") for s in BACKGROUND_2019]
    return [s.format(when="on June 28") for s in BACKGROUND_2024]


def _wrap(paragraphs: list[str], width: int) -> str:
    return "\n\n".join(textwrap.fill(p, width=width) for p in paragraphs) + "\n"


def _row(article_id, outlet, published, language="en", title="", minimal=False, notes="generated"):
    name, country, kind = outlet
    return {"article_id": article_id, "file": f"{article_id}.txt", "outlet": name,
            "title": "" if minimal else title,
            "published": "" if published is None else published.isoformat(),
            "url": "" if minimal else f"https://example.org/{article_id}",
            "outlet_country": "" if minimal else country, "outlet_type": "" if minimal else kind,
            "language": "" if minimal else language, "notes": "" if minimal else notes}


def _write(folder: Path, rows: list[dict], texts: dict[str, str], append: bool = False) -> None:
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    path = folder / "articles.csv"
    existing = []
    if append:
        with path.open(encoding="utf-8", newline="") as f:
            existing = list(csv.DictReader(f))
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(existing + rows)
    for row in rows:
        (folder / "articles" / row["file"]).write_text(texts[row["article_id"]], encoding="utf-8")


def _plain(rng, n, *, dated=True, quotes=True, known=True, year=None, minimal=False):
    rows, texts = [], {}
    for i in range(n):
        outlet = OUTLETS[i % len(OUTLETS)] if not minimal else (f"Unlisted Outlet {i + 1}", "", "")
        if year is not None:
            published = dt.date(year, 8 if year == 2019 else 6, 3 if year == 2019 else 29)
            paras = _background(rng, year)
        else:
            published = (dt.date(2025, 8, 4) + dt.timedelta(days=rng.randint(0, 4))) if dated else None
            paras = _paragraphs(rng, published, quotes=quotes, known=known)
        aid = f"art-{i + 1:03d}"
        rows.append(_row(aid, outlet, published, minimal=minimal))
        texts[aid] = "\n\n".join(paras) + "\n"
    return rows, texts


def wire_copy(rng: random.Random, i: int, published: dt.date) -> str:
    """Hard-wrapped wire copy: a headline, a bracketed print date and a dateline run into the lead."""
    agency, city = rng.choice(AGENCIES), rng.choice(CITIES)
    paras = _paragraphs(rng, published)
    head = ("Russia ends self-imposed limits on medium-range missile deployments\n"
            f"[{published.strftime('%B %d, %Y')}]\n")
    lead = textwrap.fill(f"{city} ({agency}) -- {paras[0]}", width=68)
    return head + lead + "\n\n" + _wrap(paras[1:], 68) + ("\nEnditem\n" if i % 2 else "")


def web_page(rng: random.Random, published: dt.date | None) -> str:
    """A page pasted from a browser: navigation, headline, byline, captions, share lines, tags."""
    paras = _paragraphs(rng, published)
    lines = rng.sample(FURNITURE_TOP, 4) + ["Moscow drops missile moratorium, citing Western plans",
                                            "By Staff Reporter" + (f" | {published:%d.%m.%Y}" if published else "")]
    for k, p in enumerate(paras):
        lines.append(p)
        if k in (1, 3):
            lines.append(rng.choice(FURNITURE_MID))
    return "\n\n".join(lines + rng.sample(FURNITURE_END, 3)) + "\n"


KINDS = ["one-article", "many-articles", "wire-copy", "undated", "other-years", "no-quotes",
         "no-registered-figure", "non-english", "web-pages", "minimal-metadata", "seed-plus-one",
         "partial-annotations", "stale-names-gold"]
SIZES = {"many-articles": 300}


def make_corpus(kind: str, folder: Path, seed: int = 7) -> Path:  # noqa: C901
    """Write the corpus ``kind`` (one of ``KINDS``) into ``folder`` (which must not exist)."""
    rng = random.Random(f"{seed}:{kind}")
    folder = Path(folder)
    if folder.exists():
        raise FileExistsError(f"{folder}: exists; the sweep writes only new folders")
    d = dt.date(2025, 8, 5)
    if kind == "one-article":
        rows, texts = _plain(rng, 1)
    elif kind == "many-articles":
        rows, texts = _plain(rng, SIZES[kind])
    elif kind == "wire-copy":
        rows, texts = [], {}
        for i in range(4):
            aid = f"wire-{i + 1}"
            rows.append(_row(aid, OUTLETS[i], d))
            texts[aid] = wire_copy(rng, i, d)
    elif kind == "undated":
        rows, texts = _plain(rng, 4, dated=False)
    elif kind == "other-years":
        rows, texts = _plain(rng, 2, year=2019)
        more_rows, more_texts = _plain(rng, 2, year=2024)
        for r in more_rows:
            new = r["article_id"].replace("art-", "bg24-")
            more_texts[new] = more_texts.pop(r["article_id"])
            r.update(article_id=new, file=f"{new}.txt")
        rows, texts = rows + more_rows, {**texts, **more_texts}
    elif kind == "no-quotes":
        rows, texts = _plain(rng, 4, quotes=False, known=False)
    elif kind == "no-registered-figure":
        rows, texts = _plain(rng, 4, known=False)
    elif kind == "non-english":
        rows, texts = [], {}
        for i, lang in enumerate(["de", "fr", "ru"]):
            aid = f"foreign-{lang}"
            rows.append(_row(aid, OUTLETS[i], d, language=lang))
            texts[aid] = "\n\n".join(rng.sample(FOREIGN[lang], 4)) + "\n"
    elif kind == "web-pages":
        rows, texts = [], {}
        for i in range(4):
            aid = f"page-{i + 1}"
            published = d if i % 2 else None
            rows.append(_row(aid, OUTLETS[i], published))
            texts[aid] = web_page(rng, published)
    elif kind == "minimal-metadata":
        rows, texts = _plain(rng, 3, minimal=True)
    elif kind in ("seed-plus-one", "partial-annotations", "stale-names-gold"):
        shutil.copytree(SEED_CORPUS, folder)
        if kind == "seed-plus-one":
            aid = "added-wire"
            _write(folder, [_row(aid, OUTLETS[0], d)], {aid: wire_copy(rng, 0, d)}, append=True)
        elif kind == "partial-annotations":
            keep = {"voice.csv", "quotes.csv"}
            for path in (folder / "annotations").iterdir():
                if path.is_dir():
                    shutil.rmtree(path)
                elif path.name not in keep:
                    path.unlink()
            aid = "added-page"
            _write(folder, [_row(aid, OUTLETS[1], d)], {aid: web_page(rng, d)}, append=True)
        else:
            shutil.rmtree(folder / "annotations")
            rows, texts = _plain(rng, 3)
            (folder / "articles.csv").unlink()
            shutil.rmtree(folder / "articles")
            _write(folder, rows, texts)     # the seed's names_gold.csv stays: it names none of these
        return folder
    else:
        raise ValueError(f"unknown corpus kind {kind!r}; one of {', '.join(KINDS)}")
    _write(folder, rows, texts)
    return folder


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--kind", action="append", choices=KINDS)
    args = parser.parse_args(argv)
    for kind in args.kind or KINDS:
        print(make_corpus(kind, Path(args.out) / kind, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
