"""Dates resolved against publication: a day, month, weekday or relative date of a date match
(``ingest.text._DATE_RE``) as an ISO date, its precision and the basis of its reading, and
whether a day so read is sure enough to conflict with a reference (``_year_sure``) (rules of
``events``, which binds each date to an event)."""

from __future__ import annotations

import datetime as dt
import re

from inf_coverage.ingest.text import _MONTHS, _WEEKDAYS


def _month_number(name: str) -> int:
    return [m[:3] for m in _MONTHS].index(name[:3]) + 1


# Future tense before a weekday in its clause: "the deadline approaches on Friday",
# "Witkoff will travel on Wednesday", "talks are expected Thursday", "next Monday".
_FUTURE_RE = re.compile(r"\b(?:will|shall|is (?:expected|due|set|scheduled)|are (?:expected|due|set|scheduled)"
                        r"|approach(?:es|ing)?|upcoming|next|deadline|is to|are to|plans? to|planned)\b", re.I)
_CLAUSE_START_RE = re.compile(r"[.;:,\u2014]\s|\b(?:but|while|after|before|as|and)\s")


def _future_weekday(text: str, at: int) -> bool:
    """True when the clause before a weekday at ``at`` is in the future tense."""
    head = text[max(0, at - 80):at]
    starts = [m.end() for m in _CLAUSE_START_RE.finditer(head)]
    clause = head[starts[-1]:] if starts else head
    return bool(_FUTURE_RE.search(clause))


_LAST_BEFORE_RE = re.compile(r"\blast\s+\Z", re.I)


def _iso_week(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def _resolve_date(m, published, text: str = "", year: int | None = None):  # noqa: C901
    """(date, precision, basis) for one date match; date is ISO, possibly partial.

    A day and month without a year ("on June 28", "4 August") and a month alone ("in
    February") take the year of their timeline entry (``year``, see
    ``_TIMELINE_YEAR_RE``), else the latest such day or month on or before the
    publication date (the next one, for a day in a future-tense clause). A weekday
    resolves to the last such day on or before the publication date, or, in a
    future-tense clause of ``text`` ("the deadline approaches on Friday"), to the next
    one on or after it. Relative dates ("last/this/next week, month, year", "later this
    year", "earlier this month") are counted from the publication date; "last fall"
    is the previous year."""
    if m.group("rmy") or m.group("rm"):
        return _relative_month(m, published, year)
    if m.group("md") or m.group("dm"):
        mon = _month_number(m.group("m1") or m.group("m2"))
        day = int(m.group("d1") or m.group("d2"))
        printed = m.group("y1") or m.group("y2")
        if printed:
            try:
                return dt.date(int(printed), mon, day).isoformat(), "day", "printed"
            except ValueError:
                return "", "unresolved", "not a calendar date"
        if year is not None:
            try:
                return dt.date(year, mon, day).isoformat(), "day", "year of its timeline entry"
            except ValueError:
                return "", "unresolved", "not a calendar date"
        if published is None:
            return "", "unresolved", "needs the publication date"
        future = _future_weekday(text, m.start())
        for y in ((published.year, published.year + 1) if future else (published.year, published.year - 1)):
            try:
                d = dt.date(y, mon, day)
            except ValueError:
                continue
            if (d >= published) if future else (d <= published):
                return d.isoformat(), "day", ("day and month on or after the publication date (future tense)"
                                              if future else "day and month on or before the publication date")
        return "", "unresolved", "not a calendar date"
    if m.group("my"):
        return f"{int(m.group('y3')):04d}-{_MONTHS.index(m.group('m3')) + 1:02d}", "month", "printed"
    if m.group("y"):
        return m.group("y"), "year", "printed"
    if m.group("mo") and year is not None:
        return f"{year:04d}-{_MONTHS.index(m.group('mo')) + 1:02d}", "month", "year of its timeline entry"
    if published is None:
        return "", "unresolved", "needs the publication date"
    if m.group("mo"):
        month = _MONTHS.index(m.group("mo")) + 1
        year = published.year if month <= published.month else published.year - 1
        return f"{year:04d}-{month:02d}", "month", "month before the publication date"
    if m.group("wd"):
        if _future_weekday(text, m.start()):
            ahead = (_WEEKDAYS.index(m.group("wd")) - published.weekday()) % 7
            return (published + dt.timedelta(days=ahead)).isoformat(), "day", \
                "weekday on or after the publication date (future tense)"
        back = (published.weekday() - _WEEKDAYS.index(m.group("wd"))) % 7
        if back == 0 and _LAST_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()):
            back = 7                    # "last Monday" in a Monday's article: a week before
        day = published - dt.timedelta(days=back)
        return day.isoformat(), "day", "weekday on or before the publication date"
    rel = m.group("rel").lower()
    first = published.replace(day=1)
    if rel == "last week":
        return _iso_week(published - dt.timedelta(days=7)), "week", "week before the publication week"
    if rel.endswith("this week"):
        return _iso_week(published), "week", "the publication week"
    if rel == "next week":
        return _iso_week(published + dt.timedelta(days=7)), "week", "week after the publication week (future)"
    if rel == "last month":
        prev = first - dt.timedelta(days=1)
        return f"{prev.year:04d}-{prev.month:02d}", "month", "month before the publication month"
    if rel.endswith("this month"):
        return f"{published.year:04d}-{published.month:02d}", "month", \
            "the publication month" + (" (future)" if rel.startswith("later") else "")
    if rel == "next month":
        nxt = (first + dt.timedelta(days=32)).replace(day=1)
        return f"{nxt.year:04d}-{nxt.month:02d}", "month", "month after the publication month (future)"
    if rel.endswith("this year"):
        return f"{published.year:04d}", "year", \
            "the publication year" + (" (future)" if rel.startswith("later") else "")
    if rel == "next year":
        return f"{published.year + 1:04d}", "year", "year after the publication year (future)"
    return f"{published.year - 1:04d}", "year", "year before the publication year"


def _relative_month(m, published, year: int | None):
    """(date, precision, basis) of a month told against the publication date: "October last
    year", "Nov. 12 last year", "March this year", "May next year" (the year before, of or
    after publication), and "last November", "next March" where the year is certain: "last
    <month>" is the previous year's when that month is not before the publication month
    (in August, "last November" is November of the year before; "last March" may be this
    year's or last year's and stays unresolved), "next <month>" the next year's when the
    month is not after it. Unresolved without a publication date, and in a timeline entry
    (``year``), whose own year the words may be counted from."""
    if published is None:
        return "", "unresolved", "needs the publication date"
    if year is not None:
        return "", "unresolved", "relative month in a timeline entry"
    if m.group("rmy"):
        mon = _month_number(m.group("m5"))
        shift = {"last": -1, "this": 0, "next": 1}[m.group("r5")]
        y = published.year + shift
        what = {-1: "the year before the publication year", 0: "the publication year",
                1: "the year after the publication year"}[shift]
        if m.group("d5"):
            try:
                day = dt.date(y, mon, int(m.group("d5")))
            except ValueError:
                return "", "unresolved", "not a calendar date"
            return day.isoformat(), "day", f"day and month of {what}" + (" (future)" if day > published else "")
        return f"{y:04d}-{mon:02d}", "month", f"month of {what}" + (
            " (future)" if (y, mon) > (published.year, published.month) else "")
    mon = _month_number(m.group("m6"))
    if m.group("r6").lower() == "last":
        if mon < published.month:
            return "", "unresolved", "last month of this or last year"
        return f"{published.year - 1:04d}-{mon:02d}", "month", "the month in the year before the publication year"
    if mon > published.month:
        return "", "unresolved", "next month of this or next year"
    return f"{published.year + 1:04d}-{mon:02d}", "month", \
        "the month in the year after the publication year (future)"


# A day and month without a year, resolved from the publication date, is as sure as a
# printed one when the event it is told of lies this close to it (the same year, whatever
# the resolution). A weekday never is: "asked about the statement on Tuesday" may date the
# asking, and a weekday says nothing the reader can check against the record.
SURE_YEAR_DAYS = 60


def _year_sure(date: str, precision: str, basis: str, ref_date: str, published) -> bool:
    """Is a day resolved from the publication date (``basis``) surely the day the text means,
    so that it may conflict with the reference date ``ref_date``? A day and month ("on 3
    August") when the reference lies within ``SURE_YEAR_DAYS`` of it; never a weekday."""
    if published is None or precision != "day" or len(ref_date) != 10:
        return False
    day, ref = dt.date.fromisoformat(date), dt.date.fromisoformat(ref_date)
    if basis == "day and month on or before the publication date":
        return abs((day - ref).days) <= SURE_YEAR_DAYS
    return False
