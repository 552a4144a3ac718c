"""The case part of scripts/crash-test: the demo citizen submits cases while the server is killed.

Each attempt creates a draft of 企业注销登记 (default process, no materials to upload) through
POST /api/v1/cases and submits it. After the restart, every submission that got a 2xx must read
back with the same number and a state past draft. In the database, every submitted case must have
all of its parts, written in one transaction: a number, exactly one `submitted` event, one accept
task, one `cases.submit` audit entry and one `cases.case-submitted` outbox event. No part may
exist without the others.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import sqlite3
import subprocess
import threading
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

ITEM = "111301000000135718300011100100003"  # 企业注销登记, default process
DEMO_PHONE, DEMO_PASSWORD = "13800000000", "政通演示2026"


@dataclass
class CaseAttempt:
    round: int
    marker: str
    outcome: str = "pending"  # acked | refused | lost
    case_id: str = ""
    number: str = ""
    error: str = ""


def citizen_session(url: str) -> str:
    """Logs the demo citizen in through the real /login form and returns the zt_session cookie."""
    jar = urllib.request.HTTPCookieProcessor()
    opener = urllib.request.build_opener(jar)
    page = opener.open(url + "/login", timeout=10).read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"identifier": DEMO_PHONE, "password": DEMO_PASSWORD, "_csrf": csrf}).encode()
    opener.open(url + "/login", data=form, timeout=10).read()
    session = next((cookie.value for cookie in jar.cookiejar if cookie.name == "zt_session"), None)
    assert session, "the demo citizen could not log in"
    return session


def _request(connection, method: str, path: str, session: str, body: dict | None = None):
    headers = {"Cookie": f"zt_session={session}", "Accept": "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body, ensure_ascii=False).encode()
        headers["Content-Type"] = "application/json"
    connection.request(method, path, body=data, headers=headers)
    response = connection.getresponse()
    raw = response.read()
    return response.status, (json.loads(raw) if raw else None)


def case_worker(url: str, session: str, round_number: int, stop: threading.Event, sink: list[CaseAttempt],
                lock: threading.Lock, limit: int = 5000) -> None:
    parts = urlsplit(url)
    assert parts.hostname == "127.0.0.1", "only 127.0.0.1 is ever targeted"
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5.0)
    for _ in range(limit):
        if stop.is_set():
            break
        attempt = CaseAttempt(round=round_number, marker=uuid.uuid4().hex[:10])
        with lock:
            sink.append(attempt)
        try:
            status, draft = _request(connection, "POST", "/api/v1/cases", session, {
                "itemCode": ITEM, "form": {"applicantName": "张三", "contactPhone": DEMO_PHONE,
                                           "remarks": "crash " + attempt.marker}})
            if status != 201:
                attempt.outcome, attempt.error = "refused", f"draft {status} {draft}"[:300]
                continue
            attempt.case_id = draft["id"]
            status, submitted = _request(connection, "POST", f"/api/v1/cases/{draft['id']}/submit", session)
        except Exception as error:  # the kill took the answer
            attempt.outcome, attempt.error = "lost", type(error).__name__
            break
        if 200 <= status < 300 and submitted.get("number"):
            attempt.outcome, attempt.number = "acked", submitted["number"]
        else:
            attempt.outcome, attempt.error = "refused", f"submit {status} {submitted}"[:300]
    connection.close()


def _rows(data_dir, database_url: str, sql: str) -> list[tuple]:
    if not database_url:
        with sqlite3.connect(f"file:{data_dir / 'zhengtong.sqlite'}?mode=ro", uri=True, timeout=30) as connection:
            return connection.execute(sql).fetchall()
    command = ["psql", database_url, "-X", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--"] + command
    output = subprocess.run(command, check=True, capture_output=True, text=True, timeout=120).stdout
    return [tuple(line.split("\t")) for line in output.splitlines() if line]


def _uuid(value) -> str:
    if isinstance(value, (bytes, bytearray)) and len(value) == 16:
        return str(uuid.UUID(bytes=bytes(value)))
    return str(uuid.UUID(str(value)))


def check_cases(server, database_url: str, attempts: list[CaseAttempt], session: str, report) -> None:
    """Acknowledged submissions read back; every submitted case is whole in the database."""
    parts = urlsplit(server.url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    acked = [a for a in attempts if a.outcome == "acked"]
    for attempt in acked:
        status, case = _request(connection, "GET", f"/api/v1/cases/{attempt.case_id}", session)
        record = (case or {}).get("case", case or {})
        if status != 200 or record.get("number") != attempt.number or record.get("state") == "draft":
            report.fail(f"acknowledged case {attempt.case_id} ({attempt.number}) reads back as {status} "
                        f"{json.dumps(case, ensure_ascii=False)[:200]}")
    connection.close()

    cases = {_uuid(r[0]): r for r in _rows(server.data_dir, database_url,
                                             "SELECT id, number, state FROM case_cases")}
    submitted = {i for i, r in cases.items() if r[2] != "draft"}
    counts = {}
    for name, sql in {
        "submitted event": "SELECT case_id FROM case_events WHERE kind = 'submitted'",
        "accept task": "SELECT case_id FROM case_tasks WHERE step_id = 'accept'",
        "audit entry": "SELECT object_id FROM zt_audit_log WHERE action = 'cases.submit'",
        "outbox event": "SELECT aggregate_id FROM zt_outbox WHERE event_type = 'cases.case-submitted'",
    }.items():
        ids = [_uuid(r[0]) for r in _rows(server.data_dir, database_url, sql)]
        counts[name] = len(ids)
        if len(ids) != len(set(ids)):
            report.fail(f"some cases have more than one {name}")
        if set(ids) != submitted:
            report.fail(f"{name}s and submitted cases differ: {len(set(ids) - submitted)} without their case, "
                        f"{len(submitted - set(ids))} cases without it")
    unnumbered = [i for i in submitted if not cases[i][1]]
    if unnumbered:
        report.fail(f"{len(unnumbered)} submitted cases have no number, e.g. {unnumbered[:3]}")
    missing = [a.case_id for a in acked if _uuid(a.case_id) not in submitted]
    if missing:
        report.fail(f"{len(missing)} acknowledged submissions are not submitted in the database: {missing[:3]}")
    report.note(f"cases: {len(acked)} acknowledged submissions read back; {len(submitted)} submitted cases in the "
                f"database, each with its number, event, accept task, audit entry and outbox event")
