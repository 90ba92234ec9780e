"""Reminders as iCalendar through the bindings, read back by a real RFC 5545 parser
(``icalendar``): the moving-in checklist's due dates and a booked visit."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest

import tetsuzuki
from conftest import TODAY

ANSWERS = {"move_date": "2026-11-20", "has_card": True, "employee_insured": False, "has_children": True}
STAMP = "2026-11-23T09:00:00+09:00"


def calendar_of(catalog, **kwargs):
    options = dict(today=TODAY, stamp=STAMP, seed="journey-1", event_date="2026-11-20")
    options.update(kwargs)
    return catalog.checklist_calendar("moving-in", ANSWERS, **options)


def test_the_calendar_parses_with_one_event_per_due_date_and_visit(catalog):
    visit = {"procedures": ["tennyu", "kokuho-kanyu"], "start": "2026-11-26T10:30", "minutes": 45, "place": "役場1階, 2番"}
    text = calendar_of(catalog, visits=[visit])
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    for line in text.encode("utf-8").split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # every physical line is whole UTF-8

    cal = icalendar.Calendar.from_ical(text)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["CALSCALE"]) == "GREGORIAN"
    events = list(cal.walk("VEVENT"))
    checklist = catalog.navigate("moving-in", ANSWERS, today=TODAY, event_date="2026-11-20")
    due = [i for i in checklist.procedures if i.due is not None and not i.overdue]
    assert len(events) == len(due) + 1

    tennyu = next(e for e in events if str(e["SUMMARY"]) == "転入届の期限")
    assert tennyu.decoded("DTSTART") == dt.date(2026, 12, 4)
    assert tennyu.decoded("DTEND") == dt.date(2026, 12, 5)
    assert "2026年12月4日までに行ってください。\n" in str(tennyu["DESCRIPTION"])
    alarms = list(tennyu.walk("VALARM"))
    assert [a.decoded("TRIGGER") for a in alarms] == [-dt.timedelta(hours=15), dt.timedelta(hours=9)]
    assert all(str(a["ACTION"]) == "DISPLAY" for a in alarms)
    assert tennyu.decoded("DTSTAMP") == dt.datetime(2026, 11, 23, 0, 0, tzinfo=dt.timezone.utc)

    booked = next(e for e in events if str(e["SUMMARY"]).startswith("窓口の予約"))
    start = booked.decoded("DTSTART")
    assert start == dt.datetime(2026, 11, 26, 10, 30, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert start.utcoffset() == dt.timedelta(hours=9)
    assert booked.decoded("DTEND") - start == dt.timedelta(minutes=45)
    assert str(booked["LOCATION"]) == "役場1階, 2番"
    assert list(cal.walk("VTIMEZONE"))[0]["TZID"] == "Asia/Tokyo"

    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert "journey-1" not in text and "20261120" not in text


def test_the_same_seed_gives_the_same_ids_in_every_language(catalog):
    def uids(text):
        return sorted(str(e["UID"]) for e in icalendar.Calendar.from_ical(text).walk("VEVENT"))

    ja = calendar_of(catalog)
    en = calendar_of(catalog, lang="en", stamp=dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.timezone.utc))
    assert uids(ja) == uids(en)
    assert "SUMMARY:Deadline: " in en
    assert uids(calendar_of(catalog, seed="another")) != uids(ja)


def test_visits_may_be_records_or_naive_datetimes(catalog):
    record = tetsuzuki.VisitBooking(procedures=["tennyu"], start="2026-11-26T09:00", minutes=30, place="")
    naive = {"procedures": ["tennyu"], "start": dt.datetime(2026, 11, 27, 14, 0), "minutes": 30}
    cal = icalendar.Calendar.from_ical(calendar_of(catalog, visits=[record, naive]))
    starts = sorted(e.decoded("DTSTART") for e in cal.walk("VEVENT") if isinstance(e.decoded("DTSTART"), dt.datetime))
    assert [s.hour for s in starts] == [9, 14]


@pytest.mark.parametrize(
    "kwargs,code",
    [
        (dict(stamp="2026-11-23 09:00"), "bad-date"),
        (dict(visits=[{"procedures": ["no-such"], "start": "2026-11-26T10:30", "minutes": 30}]), "unknown-procedure"),
        (dict(visits=[{"procedures": ["tennyu"], "start": "2026-11-26", "minutes": 30}]), "bad-date"),
        (dict(visits=[{"procedures": ["tennyu"], "start": "2026-11-26T10:30", "minutes": 0}]), "bad-value"),
        (dict(lang="fr"), "bad-lang"),
    ],
)
def test_wrong_host_values_are_typed_errors(catalog, kwargs, code):
    with pytest.raises(tetsuzuki.TetsuzukiError) as e:
        calendar_of(catalog, **kwargs)
    assert e.value.code == code


def test_a_journey_offers_its_due_dates_as_a_calendar(catalog):
    journey = tetsuzuki.Journey.start(catalog, today=TODAY, lang="ja", event="moving-in")
    assert journey.calendar(STAMP) is None, "no due date before the moving date is known"
    journey.answer("move_date", "2026-11-20")
    text = journey.calendar(STAMP)
    summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(text).walk("VEVENT")]
    assert "転入届の期限" in summaries
    with pytest.raises(tetsuzuki.TetsuzukiError.BadInput) as e:
        journey.calendar("tomorrow")
    assert e.value.code == "bad-date"
