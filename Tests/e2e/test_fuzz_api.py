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
* Evaluation (好差评 / 政民互动): the citizen run also covers the rater's API (/api/v1/me/ratings…,
  /api/v1/me/rectifications…, /api/v1/me/messages…, /api/v1/me/demands…) on real records: before
  fuzzing, two food permits are concluded (one rating left open, one rated 非常不满意 whose ticket
  市市场监督管理局's admin has called back and answered, so accepting and appealing are reachable),
  one consultation is asked and answered, one demand made; half of the generated contact phones and
  department ids are real ones. test_evaluation_api_survives_fuzzing_as_staff fuzzes the staff API
  (/api/v1/staff/evaluation…, /api/v1/staff/cases/{id}/counter-rating) as the department admin
  scj-admin (evaluation.respond) and as the service supervisor zwj-jd01 (evaluation.supervise), over
  real tickets at every stage (awaiting call-back, explaining, appealed), messages (open, answered,
  published as an FAQ) and a demand, and the public device and FAQ operations on two real one-time
  counter codes and the real item; some real ticket or message must have changed.
  test_evaluation_texts_refuse_control_characters sends every free text of the evaluation API with a
  NUL and with an ESC inside: each must be refused with 422, never stored, never a 5xx.
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
# the approver, scj-sp01, holds licenses.issue; the intake clerk's license calls are refused); and the
# rater's evaluation API (ratings, rectification tickets, messages, demands).
CITIZEN_PATHS = "^/api/v1/(cases|me/(licenses|payments|ratings|rectifications|messages|demands))"
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
        evaluation, department = citizen_evaluation_records(server.url, cookie)
        config = ids_config(tmp_path, {"path.id": cases + [order["id"] for order in orders] + evaluation,
                                       **evaluation_bodies(department)})
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


# Evaluation (好差评 / 政民互动). Demo staff (docs/organisation.md): 市市场监督管理局's department admin
# answers for the bureau (evaluation.respond); the service supervisor decides appeals and records
# hotline messages for every department (evaluation.supervise).
EVALUATION_ADMIN = ("scj-admin", "SCJADMINZTDEMO23")
SUPERVISOR = ("zwj-jd01", "ZWJJDZTDEMO23456")
# The staff side of evaluation (ratings, tickets, messages, FAQs, demands, a counter visit), and the
# public device and FAQ operations, which the staff run reaches with real counter codes and item codes.
EVALUATION_STAFF_PATHS = "^/api/v1/(staff/(evaluation/|cases/[^/]+/counter-rating$)|evaluation/(counter|items)/)"
BAD_COMMENT = "窗口等候时间过长，材料要求前后说法不一致。"


def conclude_food_permits(url: str, count: int, clerk: str, approver: str) -> list[str]:
    """The citizen applies for 食品经营许可 `count` times; the clerk accepts each and the approver
    approves every step (初审, 审批决定, 制证办结) until it concludes. Returns the case ids."""
    cases = submit_food_permits(url, [120] * count)
    for case_id in cases:
        assert api(url, "POST", f"/api/v1/staff/cases/{case_id}/accept", clerk)["state"] == "in-progress"
        for _ in range(5):
            detail = api(url, "GET", f"/api/v1/staff/cases/{case_id}", approver)
            if detail["case"]["state"] == "concluded":
                break
            tasks = [task for task in detail["tasks"] if task["state"] in ("open", "claimed")]
            assert len(tasks) == 1, detail["tasks"]
            api(url, "POST", f"/api/v1/staff/tasks/{tasks[0]['id']}/decide", approver, {"decision": "approve"})
        assert detail["case"]["state"] == "concluded", detail["case"]["state"]
    return cases


def open_ratings(url: str, citizen: str, cases: list[str], seconds: float = 15.0) -> list[dict]:
    """The citizen's online rating of each case, in order: a subscriber opens it a moment after the
    case concludes (through the outbox), so this waits for all of them."""
    deadline = time.monotonic() + seconds
    while True:
        ratings = {rating["caseId"].lower(): rating
                   for rating in api(url, "GET", "/api/v1/me/ratings", citizen)["items"]}
        if all(case_id.lower() in ratings for case_id in cases):
            return [ratings[case_id.lower()] for case_id in cases]
        assert time.monotonic() < deadline, f"no rating was opened for some of {cases}: {list(ratings)}"
        time.sleep(0.2)


def rate_badly(url: str, citizen: str, rating_id: str) -> str:
    """The citizen rates 非常不满意 with a comment; returns the rectification ticket it opened."""
    rated = api(url, "POST", f"/api/v1/me/ratings/{rating_id}", citizen, {"level": 1, "comment": BAD_COMMENT})
    assert rated["level"] == 1, rated
    ticket = api(url, "GET", f"/api/v1/me/ratings/{rating_id}/rectification", citizen)
    assert ticket["state"] == "awaiting-callback", ticket
    return ticket["id"]


def call_back(url: str, staff: str, ticket: str, verified: bool) -> dict:
    body = {"verified": verified, "note": "已电话回访申请人，核实情况。"}
    if verified:
        body["plan"] = "在窗口增设导办人员，统一材料口径。"
    return api(url, "POST", f"/api/v1/staff/evaluation/rectifications/{ticket}/callback", staff, body)


def answer_ticket(url: str, staff: str, ticket: str) -> dict:
    return api(url, "POST", f"/api/v1/staff/evaluation/rectifications/{ticket}/answer", staff,
               {"feedback": "已完成整改，感谢您的监督，欢迎再次评价。"})


def ask(url: str, citizen: str) -> dict:
    """The citizen asks a consultation about the food permit."""
    return api(url, "POST", "/api/v1/me/messages", citizen, {
        "kind": "consultation", "itemCode": FOOD_PERMIT, "title": "面积如何计算",
        "content": "经营场所面积是否包含仓库和员工休息区？", "contactPhone": DEMO_PHONE})


def answer_message(url: str, staff: str, message: str) -> dict:
    return api(url, "POST", f"/api/v1/staff/evaluation/messages/{message}/answer", staff,
               {"answer": "经营场所面积按实际用于食品经营的区域计算，含仓库，不含员工生活区。"})


def make_demand(url: str, citizen: str) -> dict:
    return api(url, "POST", "/api/v1/me/demands", citizen, {
        "theme": "fewer-materials", "itemCode": FOOD_PERMIT, "content": "希望平面布局图可以用手机拍照上传。"})


def evaluation_bodies(department: str) -> dict[str, list[str]]:
    """Real values for half of the generated contact phones and department ids, so that half of the
    messages and demands name a department that exists and a phone the demo knows."""
    return {"body.contactPhone": [DEMO_PHONE, "13912345678"], "body.departmentId": [department]}


def citizen_evaluation_records(url: str, citizen: str) -> tuple[list[str], str]:
    """Real records for the citizen run: two concluded food permits (one rating left open, one rated
    非常不满意, whose ticket the bureau called back and answered, so it can be accepted or appealed),
    an answered consultation, a demand. Returns their ids (ratings, ticket, message, demand) and the
    bureau's department id."""
    from harness.staff_login import staff_session

    clerk = f"zt_staff={staff_session(url, *INTAKE_CLERK)}"
    approver = f"zt_staff={staff_session(url, *APPROVER)}"
    admin = f"zt_staff={staff_session(url, *EVALUATION_ADMIN)}"
    cases = conclude_food_permits(url, 2, clerk, approver)
    ratings = open_ratings(url, citizen, cases)
    ticket = rate_badly(url, citizen, ratings[1]["id"])
    call_back(url, admin, ticket, verified=True)
    assert answer_ticket(url, admin, ticket)["state"] == "answered"
    message = ask(url, citizen)
    assert answer_message(url, admin, message["id"])["state"] == "answered"
    demand = make_demand(url, citizen)
    return [rating["id"] for rating in ratings] + [ticket, message["id"], demand["id"]], message["departmentId"]


def evaluation_snapshot(url: str, staff: str, tickets: list[str], messages: list[str]) -> dict[str, dict]:
    """What the staff API says of each real ticket and message, to see which the fuzzer changed."""
    snapshot = {ticket: api(url, "GET", f"/api/v1/staff/evaluation/rectifications/{ticket}", staff)
                for ticket in tickets}
    snapshot.update({message: api(url, "GET", f"/api/v1/staff/evaluation/messages/{message}", staff)
                     for message in messages})
    return snapshot


@pytest.mark.skipif(SCHEMATHESIS is None, reason="schemathesis is not installed (pip install -r Tests/e2e/requirements.txt)")
@pytest.mark.parametrize("role", ["respond", "supervise"])
def test_evaluation_api_survives_fuzzing_as_staff(tmp_path, role):
    from harness.staff_login import staff_session

    server = started_server()
    try:
        url = server.url
        citizen = f"zt_session={citizen_session(url)}"
        clerk = f"zt_staff={staff_session(url, *INTAKE_CLERK)}"
        approver = f"zt_staff={staff_session(url, *APPROVER)}"
        admin = f"zt_staff={staff_session(url, *EVALUATION_ADMIN)}"
        cases = conclude_food_permits(url, 3, clerk, approver)
        tickets = [rate_badly(url, citizen, rating["id"]) for rating in open_ratings(url, citizen, cases)]
        # Tickets at every stage: the first awaits its call-back; the second was found not true and
        # awaits its explanation; the third was rectified, answered and appealed.
        assert call_back(url, admin, tickets[1], verified=False)["state"] == "explaining"
        assert call_back(url, admin, tickets[2], verified=True)["state"] == "rectifying"
        answer_ticket(url, admin, tickets[2])
        appealed = api(url, "POST", f"/api/v1/me/rectifications/{tickets[2]}/appeal", citizen,
                       {"reason": "整改后窗口仍然要求提交重复材料。"})
        assert appealed["state"] == "appealed", appealed
        # Messages: one answered and published as an FAQ, one answered, one open; and a demand.
        asked = [ask(url, citizen) for _ in range(3)]
        messages = [message["id"] for message in asked]
        for message in messages[:2]:
            answer_message(url, admin, message)
        faq = api(url, "POST", f"/api/v1/staff/evaluation/messages/{messages[0]}/faq", admin,
                  {"question": "经营场所面积如何计算？", "answer": "按实际用于食品经营的区域计算，含仓库。"})
        demand = make_demand(url, citizen)
        # Two counter visits, so the window's device (/api/v1/evaluation/counter/{code}) is fuzzed on
        # real one-time codes, and the item's public FAQ on the real item.
        codes = [api(url, "POST", f"/api/v1/staff/cases/{case_id}/counter-rating", clerk, {"window": "3号窗口"})["code"]
                 for case_id in cases[:2]]
        cookie = admin if role == "respond" else f"zt_staff={staff_session(url, *SUPERVISOR)}"
        before = evaluation_snapshot(url, cookie, tickets, messages)
        config = ids_config(tmp_path, {"path.id": tickets + messages + [faq["id"], demand["id"]] + cases,
                                       "path.code": codes + [FOOD_PERMIT],
                                       **evaluation_bodies(asked[0]["departmentId"])})
        command = session_fuzz_command(url, EVALUATION_STAFF_PATHS, cookie, config)
        result = subprocess.run(command, capture_output=True, text=True, timeout=400, cwd=tmp_path)
        alive = server.process is not None and server.process.poll() is None
        # Fuzzing only unknown ids would prove little: some real ticket or message must have changed.
        after = evaluation_snapshot(url, cookie, tickets, messages) if alive else before
        touched = [key for key in before if after[key] != before[key]]
    finally:
        server.stop()
    failed = [line for line in server.log_path.read_text(errors="replace").splitlines() if '"request failed"' in line]
    assert alive, f"the server died; log: {server.log_path}"
    assert not failed, (f"server logged {len(failed)} failed requests (5xx); first: {failed[0][:400]}\n"
                        f"schemathesis:\n{result.stdout[-8000:]}")
    assert result.returncode == 0, f"schemathesis found problems:\n{result.stdout[-15000:]}\n{result.stderr[-3000:]}"
    assert touched, "the fuzzer changed none of the real tickets and messages; it never reached a real id"
    shutil.rmtree(server.data_dir, ignore_errors=True)


def test_evaluation_texts_refuse_control_characters():
    """Every free text of the evaluation API is refused (422, a problem in Chinese) when it holds a
    control character: never stored (a NUL cannot even be stored in PostgreSQL's text, so it would
    be a 500 there), as the cases API refuses them. Each request is otherwise valid, on a record in
    the state it needs; the lists read afterwards hold no such character."""
    from harness.staff_login import staff_session

    server = started_server()
    try:
        url = server.url
        citizen = f"zt_session={citizen_session(url)}"
        clerk = f"zt_staff={staff_session(url, *INTAKE_CLERK)}"
        approver = f"zt_staff={staff_session(url, *APPROVER)}"
        admin = f"zt_staff={staff_session(url, *EVALUATION_ADMIN)}"
        supervisor = f"zt_staff={staff_session(url, *SUPERVISOR)}"
        cases = conclude_food_permits(url, 2, clerk, approver)
        ratings = open_ratings(url, citizen, cases)
        ticket = rate_badly(url, citizen, ratings[0]["id"])
        message = ask(url, citizen)
        demand = make_demand(url, citizen)
        code = api(url, "POST", f"/api/v1/staff/cases/{cases[0]}/counter-rating", clerk, {"window": "3号窗口"})["code"]
        ok = "窗口服务态度较差，等候时间长"
        sent = {"kind": "complaint", "itemCode": FOOD_PERMIT, "title": "服务态度", "content": ok, "contactPhone": DEMO_PHONE}
        # (session, path, body with the text under test put in place of TEXT)
        cases_of_text = [
            (citizen, f"/api/v1/me/ratings/{ratings[1]['id']}", {"level": 2, "comment": "TEXT"}),
            ("", f"/api/v1/evaluation/counter/{code}", {"level": 2, "comment": "TEXT"}),
            (citizen, "/api/v1/me/messages", {**sent, "title": "TEXT"}),
            (citizen, "/api/v1/me/messages", {**sent, "content": "TEXT"}),
            (citizen, f"/api/v1/me/messages/{message['id']}/feedback", {"level": 4, "comment": "TEXT"}),
            (citizen, "/api/v1/me/demands", {"theme": "other", "content": "TEXT"}),
            (citizen, f"/api/v1/me/rectifications/{ticket}/appeal", {"reason": "TEXT"}),
            (clerk, f"/api/v1/staff/cases/{cases[1]}/counter-rating", {"window": "TEXT"}),
            (admin, f"/api/v1/staff/evaluation/rectifications/{ticket}/callback",
             {"verified": True, "note": "TEXT", "plan": ok}),
            (admin, f"/api/v1/staff/evaluation/rectifications/{ticket}/callback",
             {"verified": True, "note": ok, "plan": "TEXT"}),
            (admin, f"/api/v1/staff/evaluation/rectifications/{ticket}/answer", {"feedback": "TEXT"}),
            (supervisor, f"/api/v1/staff/evaluation/rectifications/{ticket}/appeal-decision",
             {"upheld": False, "note": "TEXT"}),
            (supervisor, "/api/v1/staff/evaluation/messages", {**sent, "contactName": "TEXT"}),
            (admin, f"/api/v1/staff/evaluation/messages/{message['id']}/answer", {"answer": "TEXT"}),
            (admin, f"/api/v1/staff/evaluation/messages/{message['id']}/faq", {"question": "TEXT", "answer": ok}),
            (admin, f"/api/v1/staff/evaluation/demands/{demand['id']}/response", {"state": "planned", "response": "TEXT"}),
        ]
        answers = []
        for control in ("\u0000", "\u001b"):
            text = f"窗口服务{control}态度较差"
            for cookie, path, body in cases_of_text:
                body = {key: text if value == "TEXT" else value for key, value in body.items()}
                headers = {"Content-Type": "application/json", **({"Cookie": cookie} if cookie else {})}
                status, kind, answer = post_raw(url, path, json.dumps(body).encode(), headers)
                answers.append((repr(control), path, next(k for k, v in body.items() if v == text), status,
                                kind.split(";")[0], answer[:160].decode("utf-8", "replace")))
        lists = [(citizen, "/api/v1/me/ratings"), (citizen, "/api/v1/me/messages"), (citizen, "/api/v1/me/demands"),
                 (admin, "/api/v1/staff/evaluation/rectifications"), (admin, "/api/v1/staff/evaluation/messages")]
        stored = [path for cookie, path in lists
                  if re.search(r"\\u00(00|1[bB])", json.dumps(api(url, "GET", path, cookie)))]
        alive = server.process is not None and server.process.poll() is None
    finally:
        server.stop()
    failed = [line for line in server.log_path.read_text(errors="replace").splitlines() if '"request failed"' in line]
    wrong = [answer for answer in answers if answer[3:5] != (422, "application/problem+json")]
    assert alive and not wrong and not failed and not stored, (
        f"{len(wrong)} of {len(answers)} texts with a control character were not refused with 422:\n"
        + "\n".join(map(str, wrong)) + f"\nstored in {stored}; server logged {len(failed)} failed requests (5xx)")
    shutil.rmtree(server.data_dir, ignore_errors=True)
