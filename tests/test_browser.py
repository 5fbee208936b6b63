"""The report in a real browser: Debian's headless Chromium loads every page of a report
built from the seed corpus, at 1280 and at 390 px wide, and checks what a reader would
notice: a broken image, an image without alt text, a page that scrolls sideways as a
whole (a wide table must scroll inside its own box), a link that leads nowhere, and a
notebook page whose first finding comes after its first code cell, and at 1280 px a table
wider than the page, or one clipped by its output area, or one that scrolls without a cue or
in a box narrower than the window. Then the interactive tables: with Chromium's network off,
a table's search box, a column's filter, a click on a header and an evidence link after
sorting; with JavaScript disabled, every table static and whole; and no page or asset that
loads anything from the network.

Chromium is driven through the DevTools protocol over a pipe (``--remote-debugging-pipe``:
file descriptors 3 and 4, no network port, no extra Python package). The screenshots it
takes are kept in ``build/browser-report/screenshots/`` (``$BROWSER_REPORT_DIR`` to put the
report elsewhere) for a person to look at. Without Chromium the test fails with the
command that installs it; ``make test`` installs it first when run as root.
"""

import base64
import csv
import fcntl
import functools
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
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


@functools.cache
def no_network_prefix() -> list:
    """``unshare -n`` (or ``-rn`` for a user allowed user namespaces) where it works: Chromium
    then runs with no network device but loopback, down. [] where the system refuses both."""
    for argv in (["unshare", "-n"], ["unshare", "-rn"]):
        if shutil.which("unshare") and subprocess.run(argv + ["true"], capture_output=True).returncode == 0:
            return argv
    return []


def chromium_binary() -> str:
    for name in ("chromium", "chromium-browser"):
        if shutil.which(name):
            return shutil.which(name)
    pytest.fail(f"the browser test needs Debian's Chromium; install it with: {INSTALL} "
                "(make test does this itself when run as root)", pytrace=False)


class Browser:
    """A headless Chromium and one page, driven over the DevTools pipe."""

    def __init__(self, offline: bool = False, scripts: bool = True):
        """``offline``: Chromium in a network namespace of its own (``unshare -n``, where the
        system allows it) and, whatever the system, told by DevTools that the network is off;
        every URL it requests is kept in ``requests``. ``scripts=False``: JavaScript disabled,
        as for a reader without scripts."""
        self.profile = tempfile.mkdtemp(prefix="chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()
        argv = [chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars", "--remote-debugging-pipe",
                f"--user-data-dir={self.profile}", "about:blank"]
        self.unshared = offline and no_network_prefix() != []
        if self.unshared:
            argv = no_network_prefix() + argv

        def fds():                      # the protocol's pipes are the child's fds 3 and 4
            r, w = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10), fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
            os.dup2(r, 3)
            os.dup2(w, 4)

        # fds 3 and 4 are kept open in the child (pass_fds), whatever they were in the parent
        self.proc = subprocess.Popen(argv, preexec_fn=fds, pass_fds=(3, 4),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer, self._id, self.events, self.requests = b"", 0, [], []
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Network.enable", session=True)
        if offline:
            self.call("Network.emulateNetworkConditions", session=True, offline=True, latency=0,
                      downloadThroughput=-1, uploadThroughput=-1)
        if not scripts:
            self.call("Emulation.setScriptExecutionDisabled", session=True, value=True)

    def _read(self) -> dict:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        message = json.loads(message)
        if message.get("method") == "Network.requestWillBeSent":
            self.requests.append(message["params"]["request"]["url"])
        return message

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

    def wait_until(self, expression: str, timeout: float = 10) -> None:
        """Poll ``expression`` in the page until it is true (a script's work after the load event)."""
        deadline = time.monotonic() + timeout
        while not self.evaluate(f"!!({expression})"):
            if time.monotonic() > deadline:
                raise AssertionError(f"still false after {timeout} s: {expression}")
            time.sleep(0.05)

    def click(self, selector: str) -> None:
        """A real mouse click (press and release) at the middle of the first element matching
        ``selector``, scrolled into view first."""
        box = self.evaluate(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            e.scrollIntoView({{block: 'center', inline: 'center'}}); const r = e.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", session=True, type=kind, x=box[0], y=box[1], button="left",
                      clickCount=1)

    def type_into(self, selector: str, text: str) -> None:
        """Focus the field matching ``selector`` and type ``text`` into it, as a keyboard does."""
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.call("Input.insertText", session=True, text=text)

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
    tablesOut: [...document.querySelectorAll('table.dataframe')].map(t => {
      const vw = document.documentElement.clientWidth, box = t.closest('.table-scroll');
      const tr = t.getBoundingClientRect(), name = (t.closest('.jp-Cell') || {}).id || 'a table';
      if (!box) return tr.left < -1 || tr.right > vw + 1 ? `${name}: wider than the page, in no scroll box` : null;
      const br = box.getBoundingClientRect(), cs = getComputedStyle(box);
      if (br.left < -1 || br.right > vw + 1) return `${name}: its scroll box is wider than the page`;
      for (let e = box.parentElement; e && e !== document.body; e = e.parentElement) {
        const r = e.getBoundingClientRect();
        if (getComputedStyle(e).overflowX !== 'visible' && (br.left < r.left - 1 || br.right > r.right + 1))
          return `${name}: its scroll box is clipped by ${e.tagName}.${e.className}`;
      }
      if (box.scrollWidth <= box.clientWidth + 1) return null;       // it fits
      if (!/auto|scroll/.test(cs.overflowX) || !cs.backgroundImage.includes('radial-gradient'))
        return `${name}: wider than its box, with no scroll cue`;
      return vw > 600 && br.width < vw - 40 ? `${name}: scrolls in a box ${Math.round(br.width)} px wide, not the window's` : null;
    }).filter(x => x),
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
    problems += [f"{name} @{width}: {p}" for p in m["tablesOut"]]
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


# -- interactive tables: offline, and without scripts ----------------------------------

INTERACTIVE_PAGE = "01-source-framing.html"   # its quotations table: 12 rows, each linking to its sentence
_DATAFRAME_RE = re.compile(r'<table[^>]*class="[^"]*\bdataframe\b[^"]*"[^>]*>.*?</table>', re.S)


def static_rows(page: Path) -> list[int]:
    """The body rows of each table of a page, as its HTML holds them (what a reader without
    scripts gets)."""
    counts = []
    for table in _DATAFRAME_RE.findall(page.read_text(encoding="utf-8")):
        body = re.search(r"<tbody>(.*?)</tbody>", table, re.S)
        counts.append(len(re.findall(r"<tr\b", body.group(1))) if body else 0)
    return counts


ROWS_SHOWN = """[...document.querySelectorAll('table.dataframe')].map(t => t.tBodies[0] ?
  [...t.tBodies[0].rows].filter(r => r.getClientRects().length).length : 0)"""
TARGET = "[data-test=target]"
CELLS = f"[...document.querySelectorAll('{TARGET} tbody tr')].map(r => [...r.cells].map(c => c.innerText.trim()))"
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


def test_interactive_tables_work_offline_in_chromium(report):
    """With the network off (Chromium in a namespace without one, where the system allows it,
    and DevTools' offline mode), a table of the page is enhanced: typing into its search box
    leaves the rows holding the term, a click on a header sorts it both ways, the headers keep
    their labels, a word typed into a column's filter leaves the rows holding it in that column,
    its evidence links still lead to their sentence; the page never requests a
    URL that is not a local file."""
    page = report / INTERACTIVE_PAGE
    browser = Browser(offline=True)
    try:
        browser.open(page, 1280)
        browser.wait_until("document.documentElement.dataset.tables === 'interactive'")
        assert browser.evaluate(ROWS_SHOWN) == static_rows(page)      # every row of every table shown
        marked = browser.evaluate("""(() => {
          const t = [...document.querySelectorAll('.report-dt table.dataframe')]
            .find(t => t.querySelector('th[title="sentence_id"]') && t.querySelector('a[href^="articles/"]'));
          if (t) t.closest('.report-dt').setAttribute('data-test', 'target');
          return !!t; })()""")
        assert marked, f"{INTERACTIVE_PAGE}: no interactive table with evidence links"
        headers = browser.evaluate(f"[...document.querySelectorAll('{TARGET} thead th')]"
                                   ".map(th => [th.getAttribute('title'), th.innerText.trim()])")
        assert ["article_id", "article"] in headers and ["sentence_id", "sentence"] in headers, headers
        rows = browser.evaluate(CELLS)
        links = sorted(browser.evaluate(f"[...document.querySelectorAll('{TARGET} tbody a')].map(a => a.href)"))
        assert len(rows) >= 6 and len(links) == 2 * len(rows)

        # search: a word some rows hold and others do not
        def holding(word):
            return [r for r in rows if word.lower() in " ".join(r).lower()]
        words = sorted({w for r in rows for cell in r for w in re.findall(r"[A-Za-z]{5,}", cell)})
        term = next(w for w in words if 0 < len(holding(w)) < len(rows) // 2)
        browser.type_into(f"{TARGET} .dt-search input", term)
        browser.wait_until(f"document.querySelectorAll('{TARGET} tbody tr').length === {len(holding(term))}")
        assert browser.evaluate(CELLS) == holding(term), term
        browser.evaluate(f"(i => {{ i.value = ''; i.dispatchEvent(new Event('input')); }})"
                         f"(document.querySelector('{TARGET} .dt-search input'))")
        browser.wait_until(f"document.querySelectorAll('{TARGET} tbody tr').length === {len(rows)}")

        # filter one column: its header's menu, a word typed into the menu's search field
        s = [h[1] for h in headers].index("speaker")
        speakers = sorted({w for r in rows for w in re.findall(r"[A-Za-z]{4,}", r[s])})
        word = next(w for w in speakers if 0 < sum(w.lower() in r[s].lower() for r in rows) < len(rows) // 2)
        kept = [r for r in rows if word.lower() in r[s].lower()]
        browser.evaluate(f"[...document.querySelectorAll('{TARGET} thead th')][{s}].setAttribute('data-test', 'speaker')")
        browser.click(f"{TARGET} th[data-test=speaker] .dtcc-button_dropdown")
        browser.wait_until("document.querySelector('.dtcc-dropdown input')")
        browser.type_into(".dtcc-dropdown input", word)
        browser.wait_until(f"document.querySelectorAll('{TARGET} tbody tr').length === {len(kept)}")
        assert browser.evaluate(CELLS) == kept, word
        browser.click(".dtcc-dropdown .dtcc-button_searchClear")
        browser.wait_until(f"document.querySelectorAll('{TARGET} tbody tr').length === {len(rows)}")
        browser.call("Input.dispatchKeyEvent", session=True, type="keyDown", key="Escape", code="Escape",
                     windowsVirtualKeyCode=27)
        browser.call("Input.dispatchKeyEvent", session=True, type="keyUp", key="Escape", code="Escape",
                     windowsVirtualKeyCode=27)

        # sort: a click on the sentence header, twice
        k = [h[0] for h in headers].index("sentence_id")
        numbers = [int(r[k]) for r in rows]
        assert numbers != sorted(numbers)           # not already in order: the click must do it
        for expected in (sorted(numbers), sorted(numbers, reverse=True)):
            browser.click(f'{TARGET} th[title="sentence_id"] .dt-column-title')
            browser.wait_until(f"JSON.stringify({CELLS}.map(r => +r[{k}])) === '{json.dumps(expected, separators=(',', ':'))}'")
        assert sorted(map(tuple, browser.evaluate(CELLS))) == sorted(map(tuple, rows))

        # the evidence links: all there, and one clicked after sorting opens its sentence
        after = sorted(browser.evaluate(f"[...document.querySelectorAll('{TARGET} tbody a')].map(a => a.href)"))
        assert after == links
        href = browser.evaluate(f"document.querySelector('{TARGET} tbody tr a[href*=\"#s\"]').href")
        browser.events.clear()
        browser.click(f'{TARGET} tbody tr a[href*="#s"]')
        browser.wait_for("Page.loadEventFired")
        assert browser.evaluate("location.href") == href
        assert browser.evaluate("document.querySelector(':target') && document.querySelector(':target').id") \
            == href.rsplit("#", 1)[1]
    finally:
        browser.close()
    assert any(url.endswith("/assets/datatables.js") for url in browser.requests), browser.requests
    remote = [url for url in browser.requests if not url.startswith(LOCAL_SCHEMES)]
    assert not remote, f"requests to the network: {remote}"


def test_without_scripts_every_table_is_static_and_whole(report):
    """JavaScript disabled: no table is enhanced, and every row of every table is there."""
    browser = Browser(scripts=False)
    try:
        for page in sorted(report.glob("[0-9][0-9]-*.html")):
            browser.open(page, 1280)
            assert browser.evaluate("document.documentElement.dataset.tables") is None, page.name
            assert browser.evaluate("document.querySelectorAll('.dt-container, .dt-search').length") == 0
            assert browser.evaluate(ROWS_SHOWN) == static_rows(page), page.name
        assert sum(static_rows(report / INTERACTIVE_PAGE)) > 20
    finally:
        browser.close()


_SOURCE_RE = re.compile(r'<(\w+)\b[^>]*?\b(?:src|href|data|poster|srcset)\s*=\s*"([^"]*)"', re.I)
_SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_REMOTE_IN_CODE_RE = re.compile(r"""(?:\bfrom|\bimport\s*\(|\bsrc\s*=|\bhref\s*=|\burl\(|@import|\bfetch\()\s*["'`]?(?:https?:)?//""", re.I)


def test_nothing_in_the_report_loads_from_the_network(report):
    """Every page's scripts are files of the report's assets/ folder (none inline, none from a
    CDN); no element's source is a network URL; no style sheet or script of assets/ imports,
    fetches or points a source at one."""
    assets = report / "assets"
    assert {p.name for p in assets.iterdir()} == {"datatables.js", "datatables.css", "tables.js"}
    for page in pages_of(report):
        text = page.read_text(encoding="utf-8")
        for tag, url in _SOURCE_RE.findall(text):
            if tag.lower() == "a":
                continue                    # a link is followed only if the reader clicks it
            scheme = urlsplit(html.unescape(url)).scheme
            assert scheme in ("", "data") and not url.startswith("//"), f"{page.name}: <{tag}> loads {url[:80]}"
        for attrs, body in _SCRIPT_RE.findall(text):
            src = re.search(r'\bsrc="([^"]*)"', attrs)
            assert src and not body.strip(), f"{page.name}: an inline script"
            target = (page.parent / src.group(1)).resolve()
            assert target.parent == assets.resolve() and target.is_file(), f"{page.name}: {src.group(1)}"
    for asset in assets.iterdir():
        hits = _REMOTE_IN_CODE_RE.findall(asset.read_text(encoding="utf-8"))
        assert not hits, f"assets/{asset.name} refers to the network: {hits[:3]}"
