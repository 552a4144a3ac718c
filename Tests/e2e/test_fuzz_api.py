"""API fuzzing as pytest tests.

* test_api_survives_fuzzing runs scripts/fuzz-api (schemathesis against /openapi.json of a live
  server, authenticated with the operator token and unauthenticated) and fails with its summary when
  it finds anything. That covers every operation of the contract, the cases API included: the public
  progress query and figures are fuzzed for real, the applicant and staff routes for their 401/403.
* test_cases_api_survives_fuzzing_as_a_citizen signs the demo citizen (张三, 13800000000) in through
  the real login form and fuzzes the applicant's cases API (/api/v1/cases…) and 证照夹 API
  (/api/v1/me/licenses…) with that session, so drafts, forms, uploads, submission, withdrawal,
  用证授权 and the holder's licenses, shares and uses are reached with generated input.

* test_staff_cases_api_survives_fuzzing_as_staff signs demo staff of 市市场监督管理局 in (password,
  then a TOTP code from the demo secret: harness/staff_login.py) and fuzzes the workbench API
  (/api/v1/staff/…) with that session, once as the intake clerk over submitted cases and once as
  the approver over accepted ones, so acceptance, refusal, corrections, claiming, deciding, pausing
  and extending are reached on real cases; the approver also holds licenses.issue, so the bureau's
  license API (/api/v1/staff/licenses…) is reached for real. The citizen submits the cases first.

* Payments (非税支付): the citizen run also covers the payer's orders (/api/v1/me/payments…,
  /api/v1/cases/{id}/payments) on real orders: before fuzzing, the citizen applies for 居民身份证换领
  twice, 市公安局's clerk (gaj-sl01) accepts both (each acceptance issues a 20 元 order), and one is
  paid through the sandbox. test_payments_api_survives_fuzzing_as_staff fuzzes the payee's API
  (/api/v1/staff/payments…, /api/v1/staff/cases/{id}/payments, POST /api/v1/payments/orders) as
  the finance officer gaj-cw01 (refunds, statements, reconciliation) and as the clerk gaj-sl01
  (counter payments, cancelling), over four real orders, two of them paid. Half of the generated
  ids are drawn from the real ones, and some real order must have changed.
* test_payment_notifications_refuse_garbage posts forged, malformed and oversized notifications to
  POST /api/v1/payments/notify/{channel}: 400 FAIL (sandbox), 404 (no such channel), 413 (over
  64 KiB), never a 5xx, and every refusal is in the notification log.

On PostgreSQL when $ZT_TEST_POSTGRES_URL is set, else on SQLite. ZT_FUZZ_MAX_EXAMPLES changes the
budget (default: the script's, about a minute in all; 40 per operation for the citizen and staff
runs).
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests" / "e2e"))
SCHEMATHESIS = shutil.which("schemathesis") or shutil.which("st")
# What scripts/fuzz-api checks, less ignored_auth: the session travels as a plain Cookie header,
# which schemathesis cannot take away; the unauthenticated run of fuzz-api covers missing auth.
CITIZEN_CHECKS = ",".join([
    "not_a_server_error", "status_code_conformance", "content_type_conformance", "response_schema_conformance",
    "use_after_free", "ensure_resource_availability", "response_headers_conformance", "missing_required_header",
])
DEMO_PHONE = "13800000000"
DEMO_PASSWORD = "政通演示2026"
# What each signed-in run reaches: the applicant's cases API (用证授权 under /api/v1/cases/{id}/licenses
# and the case's orders under /api/v1/cases/{id}/payments included), the holder's 证照夹 API and the
# payer's orders; the workbench and the bureau's license API (/api/v1/staff/…:
# the approver, scj-sp01, holds licenses.issue; the intake clerk's license calls are refused).
CITIZEN_PATHS = "^/api/v1/(cases|me/(licenses|payments))"
STAFF_PATHS = "^/api/v1/staff/"


@pytest.mark.skipif(SCHEMATHESIS is None, reason="schemathesis is not installed (pip install -r Tests/e2e/requirements.txt)")
def test_api_survives_fuzzing(tmp_path):
    command = [sys.executable, str(ROOT / "scripts" / "fuzz-api"), "--report-dir", str(tmp_path / "fuzz")]
    if os.environ.get("ZT_FUZZ_MAX_EXAMPLES"):
        command += ["--max-examples", os.environ["ZT_FUZZ_MAX_EXAMPLES"]]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"fuzz-api found problems:\n{result.stdout[-15000:]}\n{result.stderr[-3000:]}"


def citizen_session(url: str) -> str:
    """Logs the demo citizen in through /login (CSRF cookie and field, as a browser does); returns zt_session."""
    jar = http.cookiejar.CookieJar()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    page = opener.open(url + "/login", timeout=10).read().decode("utf-8")
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"identifier": DEMO_PHONE, "password": DEMO_PASSWORD, "_csrf": csrf}).encode()
    try:
        opener.open(urllib.request.Request(url + "/login", data=form, method="POST"), timeout=10)
    except urllib.error.HTTPError as error:  # the 303 to /me, not followed
        assert error.code == 303, f"login answered {error.code}"
    session = next((cookie.value for cookie in jar if cookie.name == "zt_session"), None)
    assert session, "the demo citizen could not log in"
    return session


def started_server():
    """A fresh server: on a fresh PostgreSQL database when $ZT_TEST_POSTGRES_URL is set, else on SQLite."""
    from harness.server import fresh_postgres_database, make_server

    database = ""
    if os.environ.get("ZT_TEST_POSTGRES_URL"):
        database = fresh_postgres_database(os.environ["ZT_TEST_POSTGRES_URL"])
    server = make_server(database_url=database)
    server.start()
    return server


def session_fuzz_command(url: str, paths: str, cookie: str, config: Path | None = None) -> list[str]:
    """schemathesis over the operations under `paths`, sending the session `cookie` with every request."""
    options = ["--config-file", str(config)] if config else []
    return [
        SCHEMATHESIS, *options, "run", url + "/openapi.json", "--url", url,
        "--include-path-regex", paths,
        "--header", f"Cookie: {cookie}",
        "--checks", CITIZEN_CHECKS,
        "--max-examples", os.environ.get("ZT_FUZZ_MAX_EXAMPLES", "40"),
        "--seed", "20260428", "--workers", "1", "--request-timeout", "10",
        "--generation-database", "none", "--no-color", "--warnings", "off",
    ]


@pytest.mark.skipif(SCHEMATHESIS is None, reason="schemathesis is not installed (pip install -r Tests/e2e/requirements.txt)")
def test_cases_api_survives_fuzzing_as_a_citizen(tmp_path):
    from harness.staff_login import staff_session

    server = started_server()
    try:
        cookie = f"zt_session={citizen_session(server.url)}"
        clerk = f"zt_staff={staff_session(server.url, *PAYMENT_CLERK)}"
        cases, orders = id_card_orders(server.url, cookie, clerk, 2)
        pay_in_sandbox(server.url, orders[0]["code"])
        config = ids_config(tmp_path, {"path.id": cases + [order["id"] for order in orders]})
        command = session_fuzz_command(server.url, CITIZEN_PATHS, cookie, config)
        result = subprocess.run(command, capture_output=True, text=True, timeout=400, cwd=tmp_path)
        alive = server.process is not None and server.process.poll() is None
    finally:
        server.stop()
    failed = [line for line in server.log_path.read_text(errors="replace").splitlines() if '"request failed"' in line]
    assert alive, f"the server died; log: {server.log_path}"
    assert not failed, f"server logged {len(failed)} failed requests (5xx); first: {failed[0][:400]}"
    assert result.returncode == 0, f"schemathesis found problems:\n{result.stdout[-15000:]}\n{result.stderr[-3000:]}"
    shutil.rmtree(server.data_dir, ignore_errors=True)


FOOD_PERMIT = "111301000000135718300011100800001"
# Demo staff of 市市场监督管理局 (docs/organisation.md): the clerk accepts, the approver reviews and decides.
INTAKE_CLERK = ("scj-sl01", "SCJSLZTDEMO23456")
APPROVER = ("scj-sp01", "SCJSPAZTDEMO2345")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def api(url: str, method: str, path: str, cookie: str, body: bytes | dict | None = None,
        content_type: str = "application/json") -> dict:
    """One JSON API call with a session cookie; fails the test on anything but 2xx."""
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    request = urllib.request.Request(url + path, data=data, method=method, headers={"Cookie": cookie})
    if data is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        pytest.fail(f"{method} {path} answered {error.code}: {error.read()[:400]!r}")


def submit_food_permits(url: str, areas: list[int]) -> list[str]:
    """The demo citizen applies for 食品经营许可 once per area, with both materials; returns the case ids.

    Above 500 m² the process sends the case to a countersigned site inspection, so both paths exist."""
    cookie = f"zt_session={citizen_session(url)}"
    ids = []
    for area in areas:
        draft = api(url, "POST", "/api/v1/cases", cookie, {
            "itemCode": FOOD_PERMIT, "situations": ["S01"],
            "form": {"businessName": "石家庄市长安区张三小吃店", "creditCode": "91130102MA0G8XKQ5Q",
                     "businessArea": str(area), "businessType": "热食类食品制售", "contactPhone": DEMO_PHONE}})
        for code in ("M03", "M04"):
            api(url, "POST", f"/api/v1/cases/{draft['id']}/materials?materialCode={code}&fileName={code}.pdf",
                cookie, PDF, content_type="application/pdf")
        submitted = api(url, "POST", f"/api/v1/cases/{draft['id']}/submit", cookie)
        assert submitted["state"] == "submitted" and submitted.get("number"), submitted
        ids.append(draft["id"])
    return ids


def timeline_length(url: str, cookie: str, case_id: str) -> int:
    return len(api(url, "GET", f"/api/v1/staff/cases/{case_id}", cookie)["timeline"])


def real_ids_config(folder: Path, url: str, cookie: str, cases: list[str]) -> Path:
    """A schemathesis.toml that draws half of the case and task ids from the real ones.

    Responses give the fuzzer case ids, but nothing in the contract leads from a case to its tasks'
    ids (`taskID` names no schema), so without this every claim, release and decide would be a 404."""
    tasks = [task["id"] for case_id in cases
             for task in api(url, "GET", f"/api/v1/staff/cases/{case_id}", cookie)["tasks"]]
    path = folder / "schemathesis.toml"
    path.write_text("\n".join([
        "[dictionaries.cases]", f"values = {json.dumps(cases)}",
        "[dictionaries.tasks]", f"values = {json.dumps(tasks)}",
        "[parameters]",
        '"path.id" = { dictionary = "cases", probability = 0.5 }',
        '"path.taskID" = { dictionary = "tasks", probability = 0.5 }',
    ]) + "\n")
    return path


@pytest.mark.skipif(SCHEMATHESIS is None, reason="schemathesis is not installed (pip install -r Tests/e2e/requirements.txt)")
@pytest.mark.parametrize("role", ["intake", "handling"])
def test_staff_cases_api_survives_fuzzing_as_staff(tmp_path, role):
    from harness.staff_login import staff_session

    server = started_server()
    try:
        cases = submit_food_permits(server.url, [120, 300, 800, 1200])
        if role == "handling":
            # The clerk accepts them, so the approver meets review, countersign and decide tasks.
            clerk = f"zt_staff={staff_session(server.url, *INTAKE_CLERK)}"
            for case_id in cases:
                accepted = api(server.url, "POST", f"/api/v1/staff/cases/{case_id}/accept", clerk)
                assert accepted["state"] == "in-progress", accepted
        cookie = f"zt_staff={staff_session(server.url, *(INTAKE_CLERK if role == 'intake' else APPROVER))}"
        before = {case_id: timeline_length(server.url, cookie, case_id) for case_id in cases}
        config = real_ids_config(tmp_path, server.url, cookie, cases)
        command = session_fuzz_command(server.url, STAFF_PATHS, cookie, config)
        result = subprocess.run(command, capture_output=True, text=True, timeout=400, cwd=tmp_path)
        alive = server.process is not None and server.process.poll() is None
        # Fuzzing only unknown ids would prove little: some real case must have moved on.
        touched = [case_id for case_id in cases
                   if alive and timeline_length(server.url, cookie, case_id) > before[case_id]]
    finally:
        server.stop()
    failed = [line for line in server.log_path.read_text(errors="replace").splitlines() if '"request failed"' in line]
    assert alive, f"the server died; log: {server.log_path}"
    assert not failed, (f"server logged {len(failed)} failed requests (5xx); first: {failed[0][:400]}\n"
                        f"schemathesis:\n{result.stdout[-8000:]}")
    assert result.returncode == 0, f"schemathesis found problems:\n{result.stdout[-15000:]}\n{result.stderr[-3000:]}"
    assert touched, f"the fuzzer changed none of the {len(cases)} submitted cases; it never reached a real id"
    shutil.rmtree(server.data_dir, ignore_errors=True)


ID_CARD_RENEWAL = "1113010000001358X0306111000200001"
# Demo staff of 市公安局: the clerk (窗口人员, also 审批人员) accepts and takes counter payments; the
# finance officer (财务人员) refunds and reconciles.
PAYMENT_CLERK = ("gaj-sl01", "GAJSLZTDEMO23456")
PAYMENT_FINANCE = ("gaj-cw01", "GAJCWZTDEMO23456")
# The payee's API: orders, commands, notifications and reconciliation; a case's orders; issuing one.
PAYMENT_STAFF_PATHS = "^/api/v1/(staff/payments/|staff/cases/[^/]+/payments$|payments/orders$)"


def id_card_orders(url: str, citizen: str, clerk: str, count: int) -> tuple[list[str], list[dict]]:
    """The citizen applies for 居民身份证换领 `count` times and the clerk accepts each; acceptance opens
    the pay step, whose event issues the order a moment later. Returns the case ids and the orders."""
    cases = []
    for _ in range(count):
        draft = api(url, "POST", "/api/v1/cases", citizen, {
            "itemCode": ID_CARD_RENEWAL, "situations": [],
            "form": {"applicantName": "张三", "contactPhone": DEMO_PHONE}})
        for code in ("M02", "M03"):  # M01 (居民身份证) comes from the license library
            api(url, "POST", f"/api/v1/cases/{draft['id']}/materials?materialCode={code}&fileName={code}.pdf",
                citizen, PDF, content_type="application/pdf")
        assert api(url, "POST", f"/api/v1/cases/{draft['id']}/submit", citizen)["state"] == "submitted"
        assert api(url, "POST", f"/api/v1/staff/cases/{draft['id']}/accept", clerk)["state"] == "in-progress"
        cases.append(draft["id"])
    orders = []
    deadline = time.monotonic() + 15
    for case_id in cases:
        while not (items := api(url, "GET", f"/api/v1/cases/{case_id}/payments", citizen)["items"]):
            assert time.monotonic() < deadline, f"no order was issued for case {case_id}"
            time.sleep(0.2)
        assert [(item["amountFen"], item["state"]) for item in items] == [(2000, "created")], items
        orders.append(items[0])
    return cases, orders


def pay_in_sandbox(url: str, code: str) -> None:
    """Pays the order with `code` as a payer would: checkout on the sandbox channel, then its payer page."""
    api(url, "POST", f"/api/v1/payments/orders/{code}/checkout", "", {"channel": "sandbox"})
    paid = api(url, "POST", f"/api/v1/payments/sandbox/{code}/pay", "", {})
    assert paid["outcome"] == "paid" and paid["orderState"] == "paid", paid


def ids_config(folder: Path, bindings: dict[str, list[str]]) -> Path:
    """A schemathesis.toml that draws half of each bound parameter (such as "path.id") from real values."""
    lines = []
    for number, values in enumerate(bindings.values()):
        lines += [f"[dictionaries.real{number}]", f"values = {json.dumps(values)}"]
    lines.append("[parameters]")
    for number, key in enumerate(bindings):
        lines.append(f'"{key}" = {{ dictionary = "real{number}", probability = 0.5 }}')
    path = folder / "schemathesis.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def order_state(url: str, cookie: str, order_id: str) -> tuple:
    detail = api(url, "GET", f"/api/v1/staff/payments/orders/{order_id}", cookie)
    return detail["order"]["revision"], detail["order"]["state"], len(detail["refunds"])


@pytest.mark.skipif(SCHEMATHESIS is None, reason="schemathesis is not installed (pip install -r Tests/e2e/requirements.txt)")
@pytest.mark.parametrize("role", ["finance", "counter"])
def test_payments_api_survives_fuzzing_as_staff(tmp_path, role):
    from harness.staff_login import staff_session

    server = started_server()
    try:
        citizen = f"zt_session={citizen_session(server.url)}"
        clerk = f"zt_staff={staff_session(server.url, *PAYMENT_CLERK)}"
        cases, orders = id_card_orders(server.url, citizen, clerk, 4)
        for order in orders[:2]:  # paid ones to refund, unpaid ones to collect at the counter or cancel
            pay_in_sandbox(server.url, order["code"])
        # One login per account: the clerk's session from accepting is the counter run's session.
        cookie = clerk if role == "counter" else f"zt_staff={staff_session(server.url, *PAYMENT_FINANCE)}"
        ids = [order["id"] for order in orders]
        before = {order_id: order_state(server.url, cookie, order_id) for order_id in ids}
        config = ids_config(tmp_path, {"path.id": ids, "body.caseId": cases})
        command = session_fuzz_command(server.url, PAYMENT_STAFF_PATHS, cookie, config)
        result = subprocess.run(command, capture_output=True, text=True, timeout=400, cwd=tmp_path)
        alive = server.process is not None and server.process.poll() is None
        # Fuzzing only unknown ids would prove little: some real order must have changed.
        touched = [order_id for order_id in ids
                   if alive and order_state(server.url, cookie, order_id) != before[order_id]]
    finally:
        server.stop()
    failed = [line for line in server.log_path.read_text(errors="replace").splitlines() if '"request failed"' in line]
    assert alive, f"the server died; log: {server.log_path}"
    assert not failed, (f"server logged {len(failed)} failed requests (5xx); first: {failed[0][:400]}\n"
                        f"schemathesis:\n{result.stdout[-8000:]}")
    assert result.returncode == 0, f"schemathesis found problems:\n{result.stdout[-15000:]}\n{result.stderr[-3000:]}"
    assert touched, f"the fuzzer changed none of the {len(ids)} real orders; it never reached a real id"
    shutil.rmtree(server.data_dir, ignore_errors=True)


def post_raw(url: str, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, str, bytes]:
    """One POST of raw bytes; returns the status, the Content-Type and the body, whatever the status."""
    request = urllib.request.Request(url + path, data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def test_payment_notifications_refuse_garbage():
    from harness.staff_login import staff_session

    server = started_server()
    try:
        citizen = f"zt_session={citizen_session(server.url)}"
        clerk = f"zt_staff={staff_session(server.url, *PAYMENT_CLERK)}"
        _, orders = id_card_orders(server.url, citizen, clerk, 1)
        code = orders[0]["code"]
        api(server.url, "POST", f"/api/v1/payments/orders/{code}/checkout", "", {"channel": "sandbox"})
        # A notice for the real open trade, in the sandbox's shape, but signed with a key we made up.
        notice = json.dumps({"outTradeNo": code, "tradeNo": "SBX" + code, "amountFen": 2000,
                             "timestamp": time.time(), "nonce": "fuzz"}).encode()
        # Alipay posts its notifications as a form (application/x-www-form-urlencoded), so a form post
        # must reach the channel's adapter like any other body, not be taken for a page's form.
        alipay_style = urllib.parse.urlencode({"notify_type": "trade_status_sync", "out_trade_no": code,
                                               "trade_status": "TRADE_SUCCESS", "total_amount": "20.00",
                                               "sign_type": "RSA2", "sign": "Zm9yZ2Vk"}).encode()
        garbage = [
            (b"", {}),
            (alipay_style, {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}),
            (b"{}", {"Content-Type": "application/json"}),
            (b"null", {"Content-Type": "application/json"}),
            (b"\x00\xff\xfe" * 100, {"Content-Type": "application/octet-stream"}),
            ("签名".encode() * 50, {"Content-Type": "text/plain; charset=utf-8"}),
            (notice, {"Content-Type": "application/json", "X-Sandbox-Signature": "00" * 32}),
            (notice, {"Content-Type": "application/json", "X-Sandbox-Signature": "not hex at all"}),
            (notice, {"Content-Type": "application/json"}),
        ]
        answers = [post_raw(server.url, "/api/v1/payments/notify/sandbox", body, headers) for body, headers in garbage]
        unknown = post_raw(server.url, "/api/v1/payments/notify/unionpay", notice, {"Content-Type": "application/json"})
        oversized = post_raw(server.url, "/api/v1/payments/notify/sandbox", b"x" * (64 * 1024 + 1),
                             {"Content-Type": "text/plain"})
        still_open = api(server.url, "GET", f"/api/v1/payments/orders/{code}", "")["state"]
        finance = f"zt_staff={staff_session(server.url, *PAYMENT_FINANCE)}"
        logged = api(server.url, "GET", "/api/v1/staff/payments/notifications", finance)["items"]
        alive = server.process is not None and server.process.poll() is None
    finally:
        server.stop()
    failed = [line for line in server.log_path.read_text(errors="replace").splitlines() if '"request failed"' in line]
    assert alive and not failed, failed[:1]
    got = [(status, body[:80].decode("utf-8", "replace")) for status, _, body in answers]
    report = "\n".join(f"{headers} -> {answer}" for (_, headers), answer in zip(garbage, got))
    forms = [index for index, (_, headers) in enumerate(garbage)
             if headers.get("Content-Type", "application/x-www-form-urlencoded").startswith("application/x-www-form")]
    assert [got[i] for i in range(len(got)) if i not in forms] == [(400, "FAIL")] * (len(got) - len(forms)), report
    assert all(kind.startswith("text/plain") for i, (_, kind, _) in enumerate(answers) if i not in forms), answers
    assert unknown[0] == 404, unknown
    assert oversized[0] == 413 and oversized[1].startswith("application/problem+json"), oversized
    assert still_open == "pending"  # nothing forged moved the order
    assert [got[i] for i in forms] == [(400, "FAIL")] * len(forms), (
        "form-encoded notifications (Alipay's format) must reach the channel's adapter:\n" + report)
    refused = [item for item in logged if item["channel"] == "sandbox" and item["outcome"] == "refused"]
    assert len(refused) == len(garbage), logged
    shutil.rmtree(server.data_dir, ignore_errors=True)
