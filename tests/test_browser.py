"""The report in a real browser: Debian's headless Chromium loads every page of a report
built from the seed corpus, at 1280 and at 390 px wide, and checks what a reader would
notice: a broken image, an image without alt text, a page that scrolls sideways as a
whole (a wide table must scroll inside its own box), a link that leads nowhere, and a
notebook page whose first finding comes after its first code cell.

Chromium is driven through the DevTools protocol over a pipe (``--remote-debugging-pipe``:
file descriptors 3 and 4, no network port, no extra Python package). The screenshots it
takes are kept in ``build/browser-report/screenshots/`` (``$BROWSER_REPORT_DIR`` to put the
report elsewhere) for a person to look at. Without Chromium the test fails with the
command that installs it; ``make test`` installs it first when run as root.
"""

import base64
import csv
import fcntl
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from test_notebooks import reader_prose_problems

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / "scripts" / "build_report.py"
OUT = Path(os.environ.get("BROWSER_REPORT_DIR") or REPO / "build" / "browser-report")
WIDTHS = (1280, 390)
INSTALL = "apt-get update && apt-get install -y chromium"
MAX_SHOT_HEIGHT = 6000   # px: a screenshot of a longer page shows its first 6000 px


def chromium_binary() -> str:
    for name in ("chromium", "chromium-browser"):
        if shutil.which(name):
            return shutil.which(name)
    pytest.fail(f"the browser test needs Debian's Chromium; install it with: {INSTALL} "
                "(make test does this itself when run as root)", pytrace=False)


class Browser:
    """A headless Chromium and one page, driven over the DevTools pipe."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()
        argv = [chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars", "--remote-debugging-pipe",
                f"--user-data-dir={self.profile}", "about:blank"]

        def fds():                      # the protocol's pipes are the child's fds 3 and 4
            r, w = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10), fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
            os.dup2(r, 3)
            os.dup2(w, 4)

        # fds 3 and 4 are kept open in the child (pass_fds), whatever they were in the parent
        self.proc = subprocess.Popen(argv, preexec_fn=fds, pass_fds=(3, 4),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer, self._id, self.events = b"", 0, []
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        self.call("Page.enable", session=True)

    def _read(self) -> dict:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, session: bool = False, **params) -> dict:
        self._id += 1
        message = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, event: str) -> None:
        while True:
            if any(e.get("method") == event for e in self.events):
                self.events = [e for e in self.events if e.get("method") != event]
                return
            self.events.append(self._read())

    def open(self, path: Path, width: int) -> None:
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=900,
                  deviceScaleFactor=1, mobile=width < 600)
        self.events.clear()
        self.call("Page.navigate", session=True, url=path.as_uri())
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True)
        return result["result"].get("value")

    def screenshot(self, target: Path, width: int, height: int) -> None:
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width,
                  height=min(max(height, 600), MAX_SHOT_HEIGHT), deviceScaleFactor=1, mobile=width < 600)
        shot = self.call("Page.captureScreenshot", session=True, format="png")
        target.write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_child)
        os.close(self._from_child)
        shutil.rmtree(self.profile, ignore_errors=True)


MEASURE = """JSON.stringify((() => {
  const top = el => el ? el.getBoundingClientRect().top + window.scrollY : null;
  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    height: document.documentElement.scrollHeight,
    broken: [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src.slice(0, 60)),
    noAlt: [...document.images].filter(i => !(i.getAttribute('alt') || '').trim() || i.alt.startsWith('<Figure')).length,
    images: document.images.length,
    firstFinding: top(document.querySelector('.key-findings li, h4.finding')),
    headline: top(document.querySelector('.headline li')),
    headlineLinks: [...document.querySelectorAll('.headline li')].filter(li => li.querySelector('a[href*="#"]')).length,
    headlineItems: document.querySelectorAll('.headline li').length,
    firstCard: top(document.querySelector('.card')),
    charts: document.querySelectorAll('.jp-RenderedImage img').length,
    unlinkedCharts: [...document.querySelectorAll('.jp-RenderedImage img')].filter(i => !i.closest('a.enlarge[href$=".png"]')).length,
    rawHeaders: [...document.querySelectorAll('table th')].map(th => th.textContent.trim())
                  .filter(t => /_|^nan$|^NaN$/.test(t)).slice(0, 5),
    nanCells: [...document.querySelectorAll('table td')].filter(td => /^(nan|NaN|<NA>|None)$/.test(td.textContent.trim())).length,
    uncued: [...document.querySelectorAll('.table-scroll')].filter(d => d.scrollWidth > d.clientWidth + 1
              && !getComputedStyle(d).backgroundImage.includes('radial-gradient')).length,
    firstCode: top(document.querySelector('details.code-fold')),
    prose: [...document.querySelectorAll('.jp-MarkdownOutput')].map(el => {
      const c = el.cloneNode(true);
      c.querySelectorAll('details').forEach(d => d.remove());
      c.querySelectorAll('code').forEach(k => { k.textContent = '`' + k.textContent + '`'; });
      return c.textContent; }).join(' | '),
    badges: [...document.querySelectorAll('.article-text .tag')].filter(t => t.getClientRects().length)
              .map(t => t.innerText.trim()),
    wide: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
            && !e.closest('.table-scroll, .jp-OutputArea-output, details:not([open])')).slice(0, 5).map(e => e.tagName + '.' + e.className)
  };
})())"""


@pytest.fixture(scope="module")
def report():
    """The report built from the seed corpus into OUT (its old screenshots removed)."""
    chromium_binary()
    if (OUT / "screenshots").exists():
        shutil.rmtree(OUT / "screenshots")
    env = dict(os.environ)
    env.pop("CORPUS_DIR", None)
    env.pop("REPORT_DIR", None)
    proc = subprocess.run([sys.executable, str(BUILD), "--out", str(OUT)], env=env, capture_output=True,
                          text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (OUT / "screenshots").mkdir()
    return OUT


def pages_of(out: Path) -> list[Path]:
    return sorted(out.glob("*.html")) + sorted((out / "articles").glob("*.html"))


def page_problems(name: str, width: int, m: dict, notebook_page: bool) -> list:
    """What is wrong with one page at one width, from the measures of ``MEASURE``."""
    problems = []
    if m["broken"]:
        problems.append(f"{name} @{width}: broken images {m['broken']}")
    if m["noAlt"]:
        problems.append(f"{name} @{width}: {m['noAlt']} images without alt text")
    if m["scrollWidth"] > m["clientWidth"] + 1:
        problems.append(f"{name} @{width}: the page scrolls sideways ({m['scrollWidth']} px of content "
                        f"in {m['clientWidth']} px; widest: {m['wide']})")
    if m["rawHeaders"] or m["nanCells"]:
        problems.append(f"{name}: table headers with ids or slugs {m['rawHeaders']}, {m['nanCells']} NaN cells")
    if m["uncued"]:
        problems.append(f"{name} @{width}: {m['uncued']} tables wider than the page with no scroll cue")
    if name == "index.html":
        problems += index_problems(width, m)
    if notebook_page:
        problems += notebook_page_problems(name, width, m)
    return problems


def registry_ids() -> set:
    """Every claim id (``claims.csv``) and event id (``event_types.csv``, also as the
    "date:<event>" a check carries) of the seed registries the report is built from."""
    with (REPO / "corpus" / "claims.csv").open(encoding="utf-8", newline="") as f:
        ids = {r["claim_id"] for r in csv.DictReader(f)}
    with (REPO / "corpus" / "event_types.csv").open(encoding="utf-8", newline="") as f:
        events = {r["event"] for r in csv.DictReader(f)}
    return ids | events | {f"date:{e}" for e in events} | {"official_quote", "range:treaty_band", "range:oreshnik"}


def badge_problems(name: str, badges: list, ids: set) -> list:
    """Badges of an evidence page whose visible text holds a registry id or any slug
    (a word joined by an underscore, or "kind:id")."""
    return [f"{name}: badge {badge!r} shows a machine id" for badge in badges
            if any(re.search(rf"(?<![\w:]){re.escape(i)}(?![\w:])", badge) for i in ids)
            or re.search(r"\w_\w|\b(?:date|range):\w", badge)]


def index_problems(width: int, m: dict) -> list:
    if m["headline"] is None or m["firstCard"] is None or m["headline"] >= m["firstCard"]:
        return [f"index.html @{width}: no headline above the first card ({m['headline']}, {m['firstCard']})"]
    if not 3 <= m["headlineItems"] == m["headlineLinks"] <= 5:
        return [f"index.html: {m['headlineItems']} headline findings, {m['headlineLinks']} "
                f"linking to their evidence (3 to 5, every one linked)"]
    return []


def notebook_page_problems(name: str, width: int, m: dict) -> list:
    problems = []
    if m["unlinkedCharts"]:
        problems.append(f"{name}: {m['unlinkedCharts']} of {m['charts']} charts do not open full size")
    if m["firstFinding"] is None:
        problems.append(f"{name}: no finding")
    elif m["firstCode"] is not None and m["firstFinding"] >= m["firstCode"]:
        problems.append(f"{name} @{width}: the first finding ({m['firstFinding']:.0f} px) is below "
                        f"the first code cell ({m['firstCode']:.0f} px)")
    return problems


def test_every_page_in_chromium_at_phone_and_desktop_width(report):
    browser = Browser()
    problems = []
    ids = registry_ids()
    badges = 0
    try:
        for page in pages_of(report):
            name = page.relative_to(report).as_posix()
            notebook_page = page.parent == report and page.name not in ("index.html", "summary.html")
            for width in WIDTHS:
                browser.open(page, width)
                m = json.loads(browser.evaluate(MEASURE))
                problems += page_problems(name, width, m, notebook_page)
                if notebook_page and width == WIDTHS[0]:
                    problems += [f"{name}: unfolded prose shows a {kind}: {token!r}"
                                 for kind, token in reader_prose_problems(m["prose"])]
                if name.startswith("articles/"):
                    problems += badge_problems(name, m["badges"], ids)
                    badges += len(m["badges"])
                shot = report / "screenshots" / f"{name.replace('/', '__')[:-5]}-{width}.png"
                browser.screenshot(shot, width, m["height"])
    finally:
        browser.close()
    assert not problems, "\n".join(problems)
    assert badges > 0, "no badge on any evidence page: the badge check checked nothing"
    shots = sorted((report / "screenshots").glob("*.png"))
    assert len(shots) == len(pages_of(report)) * len(WIDTHS)
    assert all(s.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for s in shots)
    print(f"\nscreenshots: {report / 'screenshots'}")


_HREF_RE = re.compile(r'<a\b[^>]*\bhref="([^"]*)"', re.I)
_ID_RE = re.compile(r'\bid="([^"]*)"')


def test_every_internal_link_resolves(report):
    ids: dict = {}
    broken = []
    for page in pages_of(report):
        for href in _HREF_RE.findall(page.read_text(encoding="utf-8")):
            href = html.unescape(href)
            parts = urlsplit(href)
            assert parts.scheme in ("", "https", "http"), f"{page.name}: {href}"
            if parts.scheme:
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_file() or report.resolve() not in target.parents:
                broken.append(f"{page.relative_to(report)} -> {href}")
                continue
            if parts.fragment:
                if target not in ids:
                    ids[target] = {html.unescape(i) for i in _ID_RE.findall(target.read_text(encoding="utf-8"))}
                if unquote(parts.fragment) not in ids[target]:
                    broken.append(f"{page.relative_to(report)} -> {href} (no such anchor)")
    assert not broken, "\n".join(broken[:30])


def test_evidence_rows_link_to_their_sentence(report):
    """The quotations table of 01 links each row to its sentence's anchor."""
    page = (report / "01-source-framing.html").read_text(encoding="utf-8")
    links = re.findall(r'href="articles/([a-z0-9-]+)\.html#s(\d+)"', page)
    assert len(links) >= 10
    aid, sid = links[0]
    article = (report / "articles" / f"{aid}.html").read_text(encoding="utf-8")
    assert f'id="s{sid}"' in article
