#!/usr/bin/python3
"""Parses an iCalendar file from stdin with the icalendar library and prints what tests check, as JSON.

Exits non-zero when the library rejects the calendar. Times are printed in the event's own zone
(ISO 8601 with offset) and in UTC, so a wrong TZID or VTIMEZONE shows up as a wrong instant.
"""
import json
import sys

import icalendar

raw = sys.stdin.buffer.read()
calendar = icalendar.Calendar.from_ical(raw)
zones = [str(z.get("TZID")) for z in calendar.walk("VTIMEZONE")]
events = []
for e in calendar.walk("VEVENT"):
    start = e.decoded("DTSTART")
    end = e.decoded("DTEND")
    events.append({
        "uid": str(e.get("UID")),
        "sequence": int(e.get("SEQUENCE", 0)),
        "status": str(e.get("STATUS", "")),
        "summary": str(e.get("SUMMARY", "")),
        "location": str(e.get("LOCATION", "")),
        "description": str(e.get("DESCRIPTION", "")),
        "tzid": str(e["DTSTART"].params.get("TZID", "")),
        "start": start.isoformat(),
        "end": end.isoformat(),
        "startUtc": start.astimezone(__import__("datetime").timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    })
print(json.dumps({"zones": zones, "events": events}))
