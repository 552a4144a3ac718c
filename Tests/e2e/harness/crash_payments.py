"""The payments part of scripts/crash-test: orders are paid through the sandbox while the server is killed.

Setup (before the first round): the demo citizen applies for 居民身份证换领 (materials M01–M03) and
submits, gaj-sl01 accepts (which opens the pay step), and the payments subscriber issues each case's
order; the harness keeps the 20-digit codes. During a round's load, payment threads take unpaid
codes, open a sandbox trade (POST …/orders/{code}/checkout) and pay it (POST …/sandbox/{code}/pay,
which pays at the sandbox and hands the signed notification to the real notification path). Every
third code a thread takes, starting with its first, is paid twice at once from two connections;
once a round's share of the codes is used up the threads pay already-paid codes again. Every
request is recorded: acked (2xx with an outcome), refused (any other answer) or lost (no answer: the kill).

After each restart, on the database directly and in one snapshot:

  * every order whose pay was answered paid (or duplicate) is paid and has exactly one receipt;
  * no order has more than one receipt, more than one `payments.payment-succeeded` outbox event,
    more than one `paid` notification or more than one paid trade beyond its automatic refunds; the
    paid trades minus the automatic refunds add up to the order's paid_fen;
  * a paid order has paid_fen = amount_fen, its receipt, its event, its `payments.paid` audit entry
    and its `paid` notification; an unpaid one has none of them (all-or-nothing, so a pay the kill
    interrupted is wholly there or wholly absent), and a refunded state needs a refund by staff;
  * every pay answered paid or duplicate left its notification row (the answer came after commit);
  * a case is moved on by its payment at most once (one `paid` case event).

Then every code whose pay was lost is paid again (after a new checkout if that was lost too) and
some paid codes are paid once more after the restart: each must answer paid or duplicate; the
snapshot checks run again, the orders read back as paid through the public API, and each paid
order's case gets its `paid` event (the outbox delivers it; waited for 30 s, after which a case may
only still wait on a delivery job that is ready or running: one the killed server had claimed is
retried when its 300 s lease ends).
"""

from __future__ import annotations

import http.client
import json
import os
import random
import sqlite3
import subprocess
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from harness.crash_cases import DEMO_PHONE
from harness.staff_login import staff_session

ITEM = "1113010000001358X0306111000200001"  # 居民身份证换领 (process id-card-renewal, with a pay step)
MATERIALS = ("M01", "M02", "M03")
PDF = b"%PDF-1.4\n%zhengtong crash-test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
CLERK, CLERK_SECRET = "gaj-sl01", "GAJSLZTDEMO23456"  # 市公安局 窗口人员 (docs/organisation.md)
PAID_STATES = {"paid", "partially-refunded", "refunded"}
GOOD_ANSWERS = {"paid", "duplicate"}
PER_ROUND, MAX_ORDERS = 12, 72
MAX_REQUESTS_PER_THREAD = 5000  # bounds each load loop in count; the script's --load-seconds in time
REPLAYS_AFTER_RESTART = 6
CASE_SUBSCRIBER = "payments.case-on-paid"  # completes the case's pay step on payment-succeeded


@dataclass
class PayAttempt:
    round: int
    code: str
    kind: str  # first | concurrent | replay (during the load) | resend | replay-after-restart
    request: str  # checkout | pay
    outcome: str = "pending"  # acked | refused | lost (no answer: the kill)
    answer: str = ""  # the pay's outcome when acked: paid | duplicate | refunding | refused | ignored
    error: str = ""


class _Http:
    """One keep-alive connection to 127.0.0.1, optionally with a session cookie."""

    def __init__(self, url: str, cookie: str = "", timeout: float = 5.0) -> None:
        parts = urlsplit(url)
        assert parts.hostname == "127.0.0.1", "only 127.0.0.1 is ever targeted"
        self.host, self.port, self.cookie, self.timeout = parts.hostname, parts.port, cookie, timeout
        self.connection: http.client.HTTPConnection | None = None

    def call(self, method: str, path: str, body: dict | None = None, raw: bytes | None = None,
             media_type: str = "") -> tuple[int, dict | None]:
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        headers = {"Accept": "application/json"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        data = raw
        if body is not None:
            data, headers["Content-Type"] = json.dumps(body, ensure_ascii=False).encode(), "application/json"
        elif raw is not None:
            headers["Content-Type"] = media_type
        try:
            self.connection.request(method, path, body=data, headers=headers)
            response = self.connection.getresponse()
            content = response.read()
        except Exception:
            self.close()
            raise
        try:
            return response.status, json.loads(content) if content else None
        except ValueError:
            return response.status, {"raw": content[:300].decode("utf-8", "replace")}

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def _uuid(value) -> str:
    if isinstance(value, (bytes, bytearray)) and len(value) == 16:
        return str(uuid.UUID(bytes=bytes(value)))
    return str(uuid.UUID(str(value)))


def _uuid_or_empty(value) -> str:
    return "" if value in (None, "") else _uuid(value)


SNAPSHOT = {
    "orders": "SELECT id, code, state, amount_fen, paid_fen, refunded_fen, case_id FROM pay_orders",
    "trades": "SELECT order_id, state, amount_fen FROM pay_trades",
    "receipts": "SELECT order_id FROM pay_receipts",
    "refunds": "SELECT order_id, amount_fen, automatic FROM pay_refunds",
    "events": "SELECT aggregate_id, id, dispatched_at FROM zt_outbox WHERE event_type = 'payments.payment-succeeded'",
    "audit": "SELECT object_id FROM zt_audit_log WHERE action = 'payments.paid'",
    "notes": "SELECT t.order_id, n.outcome FROM pay_notifications n JOIN pay_trades t "
             "ON t.channel = n.channel AND t.out_trade_no = n.out_trade_no",
    "sandbox": "SELECT out_trade_no, state FROM pay_sandbox_trades",
    "case_paid": "SELECT case_id FROM case_events WHERE kind = 'paid'",
    "deliveries": "SELECT payload, state FROM zt_jobs WHERE kind = 'storage.deliver-event'",
}


def snapshot(data_dir, database_url: str) -> dict[str, list[tuple]]:
    """All payment tables read in one transaction: the server keeps writing (the query job, the
    outbox) while we read, and separate reads could pair a receipt with an order read before it."""
    if not database_url:
        path = data_dir / "zhengtong.sqlite"
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30, isolation_level=None)
        try:
            connection.execute("BEGIN")
            result = {name: connection.execute(sql).fetchall() for name, sql in SNAPSHOT.items()}
            connection.execute("COMMIT")
            return result
        finally:
            connection.close()
    command = ["psql", database_url, "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1",
               "-c", "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"]
    for name, sql in SNAPSHOT.items():
        command += ["-c", f"\\echo @@{name}", "-c", sql]
    command += ["-c", "COMMIT"]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--"] + command
    output = subprocess.run(command, check=True, capture_output=True, text=True, timeout=120).stdout
    result: dict[str, list[tuple]] = {name: [] for name in SNAPSHOT}
    current = None
    for line in output.splitlines():
        if line.startswith("@@") and line[2:] in result:
            current = line[2:]
        elif line and current:
            result[current].append(tuple(line.split("\t")))
    return result


@dataclass
class _Order:
    id: str
    code: str
    state: str
    amount: int
    paid: int
    refunded: int
    case_id: str
    receipts: int = 0
    events: int = 0
    audits: int = 0
    paid_notes: int = 0
    good_notes: int = 0  # notifications logged paid or duplicate
    paid_trades: list[int] = field(default_factory=list)
    automatic_refunds: list[int] = field(default_factory=list)
    staff_refunds: int = 0


def _orders(rows: dict[str, list[tuple]], report) -> dict[str, _Order]:
    """The snapshot by order id; rows pointing at no order are half-written and reported."""
    orders = {}
    for id_, code, state, amount, paid, refunded, case_id in rows["orders"]:
        orders[_uuid(id_)] = _Order(_uuid(id_), str(code), str(state), int(amount), int(paid), int(refunded),
                                    _uuid_or_empty(case_id))

    def each(name: str, column: int = 0):
        for row in rows[name]:
            order = orders.get(_uuid(row[column]))
            if order is None:
                report.fail(f"payments: a {name} row names order {row[column]}, which does not exist")
                continue
            yield order, row

    for order, _ in each("receipts"):
        order.receipts += 1
    for order, _ in each("events"):
        order.events += 1
    for order, _ in each("audit"):
        order.audits += 1
    for order, (_, outcome) in each("notes"):
        order.paid_notes += outcome == "paid"
        order.good_notes += outcome in GOOD_ANSWERS
    for order, (_, state, amount) in each("trades"):
        if state == "paid":
            order.paid_trades.append(int(amount))
    for order, (_, amount, automatic) in each("refunds"):
        if int(automatic):
            order.automatic_refunds.append(int(amount))
        else:
            order.staff_refunds += 1
    return orders


class PaymentLoad:
    """The orders, the payment threads' attempts, and the checks after every restart."""

    def __init__(self, rounds: int, seed: int) -> None:
        self.rounds = rounds
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.codes: list[str] = []
        self.fresh: list[str] = []
        self.taken: Counter[int] = Counter()
        self.attempts: list[PayAttempt] = []
        self.checked_out: set[str] = set()
        self.session = ""

    # -----------------------------------------------------------------------------------------
    # Setup

    def setup(self, url: str, session: str, report) -> None:
        """Cases applied for, submitted and accepted; waits until each has its order."""
        self.session = session
        count = min(PER_ROUND * self.rounds, MAX_ORDERS)
        citizen = _Http(url, f"zt_session={session}", timeout=30)
        case_ids = []
        for n in range(count):
            status, draft = citizen.call("POST", "/api/v1/cases", {
                "itemCode": ITEM, "form": {"applicantName": "张三", "contactPhone": DEMO_PHONE,
                                           "remarks": f"crash-test payment {n}"}})
            if status != 201:
                raise RuntimeError(f"payments setup: draft answered {status} {draft}")
            for code in MATERIALS:
                status, body = citizen.call("POST", f"/api/v1/cases/{draft['id']}/materials?materialCode={code}"
                                            f"&fileName={code}.pdf", raw=PDF, media_type="application/pdf")
                if status != 201:
                    raise RuntimeError(f"payments setup: upload {code} answered {status} {body}")
            status, body = citizen.call("POST", f"/api/v1/cases/{draft['id']}/submit")
            if status != 200:
                raise RuntimeError(f"payments setup: submit answered {status} {body}")
            case_ids.append(draft["id"])
        clerk = _Http(url, f"zt_staff={self._clerk_session(url)}", timeout=30)
        for case_id in case_ids:
            status, body = clerk.call("POST", f"/api/v1/staff/cases/{case_id}/accept", {"comment": "材料齐全"})
            if status != 200:
                raise RuntimeError(f"payments setup: accept answered {status} {body}")
        waiting, deadline = list(case_ids), time.monotonic() + 90
        while waiting and time.monotonic() < deadline:
            for case_id in list(waiting):
                status, body = citizen.call("GET", f"/api/v1/cases/{case_id}/payments")
                owed = [o for o in (body or {}).get("items", []) if o.get("state") == "created"]
                if status == 200 and owed:
                    if owed[0].get("amountFen", 0) <= 0:
                        raise RuntimeError(f"payments setup: order of case {case_id} owes nothing: {owed[0]}")
                    self.codes.append(owed[0]["code"])
                    waiting.remove(case_id)
            time.sleep(0.3)
        if waiting:
            raise RuntimeError(f"payments setup: no order issued within 90 s for {len(waiting)} cases")
        citizen.close()
        clerk.close()
        self.fresh = list(reversed(self.codes))
        report.note(f"payments: {len(self.codes)} cases accepted by {CLERK}, each with its order (codes kept)")

    @staticmethod
    def _clerk_session(url: str) -> str:
        for attempt in range(2):
            try:
                return staff_session(url, CLERK, CLERK_SECRET)
            except AssertionError:  # this 30-second step's code was already used: take the next one
                if attempt:
                    raise
                time.sleep(31 - time.time() % 30)
        raise AssertionError("unreachable")

    # -----------------------------------------------------------------------------------------
    # The load

    def _record(self, round_number: int, code: str, kind: str, request: str) -> PayAttempt:
        attempt = PayAttempt(round=round_number, code=code, kind=kind, request=request)
        with self.lock:
            self.attempts.append(attempt)
        return attempt

    def _checkout(self, http: _Http, attempt: PayAttempt) -> bool:
        """Opens the sandbox trade; False when the answer was lost."""
        try:
            status, body = http.call("POST", f"/api/v1/payments/orders/{attempt.code}/checkout",
                                     {"channel": "sandbox"})
        except Exception as error:
            attempt.outcome, attempt.error = "lost", type(error).__name__
            return False
        if status == 200 and body and body.get("outTradeNo") == attempt.code and body.get("tradeId"):
            attempt.outcome = "acked"
            with self.lock:
                self.checked_out.add(attempt.code)
        else:
            attempt.outcome, attempt.error = "refused", f"checkout {status} {body}"[:300]
        return True

    @staticmethod
    def _pay(http: _Http, attempt: PayAttempt) -> bool:
        """Pays at the sandbox (the outTradeNo is the code); False when the answer was lost."""
        try:
            status, body = http.call("POST", f"/api/v1/payments/sandbox/{attempt.code}/pay")
        except Exception as error:
            attempt.outcome, attempt.error = "lost", type(error).__name__
            return False
        if 200 <= status < 300 and body and body.get("outcome"):
            attempt.outcome, attempt.answer = "acked", body["outcome"]
        else:
            attempt.outcome, attempt.error = "refused", f"pay {status} {body}"[:300]
        return True

    def _pay_twice_at_once(self, url: str, round_number: int, code: str) -> bool:
        """The same code paid from two connections released together."""
        barrier = threading.Barrier(2, timeout=5)
        attempts = [self._record(round_number, code, "concurrent", "pay") for _ in range(2)]

        def run(attempt: PayAttempt) -> None:
            http = _Http(url)
            try:
                barrier.wait()
            except threading.BrokenBarrierError:
                pass
            self._pay(http, attempt)
            http.close()

        threads = [threading.Thread(target=run, args=(a,), daemon=True) for a in attempts]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=15)
        return all(a.outcome != "lost" for a in attempts)

    def _quota(self, round_number: int) -> int:
        share = len(self.codes) // self.rounds
        return share if round_number < self.rounds else len(self.codes) - share * (self.rounds - 1)

    def _paid_codes(self) -> list[str]:
        with self.lock:
            return sorted({a.code for a in self.attempts if a.request == "pay" and a.answer in GOOD_ANSWERS})

    def worker(self, url: str, round_number: int, stop: threading.Event) -> None:
        """One payment thread of a round's load: fresh codes first (every third paid twice at once),
        then payments of already-paid codes, until the kill takes an answer or `stop` is set."""
        http = _Http(url)
        rng = random.Random(self.rng.random())
        for n in range(MAX_REQUESTS_PER_THREAD):
            if stop.is_set():
                break
            with self.lock:
                code = None
                if self.fresh and self.taken[round_number] < self._quota(round_number):
                    code = self.fresh.pop()
                    self.taken[round_number] += 1
            if code is None:
                paid = self._paid_codes()
                if not paid:
                    break
                alive = self._pay(http, self._record(round_number, rng.choice(paid), "replay", "pay"))
            else:
                alive = self._checkout(http, self._record(round_number, code, "first", "checkout"))
                if alive and code in self.checked_out:
                    if n % 3 == 0:
                        alive = self._pay_twice_at_once(url, round_number, code)
                    else:
                        alive = self._pay(http, self._record(round_number, code, "first", "pay"))
            if not alive:
                break
            stop.wait(rng.uniform(0.05, 0.3))  # spreads a round's codes over the 1–3 s before the kill
        http.close()

    # -----------------------------------------------------------------------------------------
    # The checks

    def check_after_restart(self, server, database_url: str, round_number: int, report) -> None:
        with self.lock:
            for attempt in self.attempts:
                if attempt.outcome == "pending":
                    attempt.outcome = "lost"
            round_attempts = [a for a in self.attempts if a.round == round_number]
        self._round_summary(round_attempts, report)

        rows = snapshot(server.data_dir, database_url)
        orders = self._check_snapshot(rows, report, "right after the restart")
        self._classify_lost(rows, orders, report)

        self._resend_lost(server.url, round_number, report)
        self._replay_after_restart(server.url, round_number, report)

        self._check_snapshot(snapshot(server.data_dir, database_url), report, "after the re-sent and replayed payments")
        unpaid = [c for c in self.codes if c in self._tried() and c not in self._paid_codes()]
        if unpaid:
            report.fail(f"payments: {len(unpaid)} codes were tried but never answered paid, e.g. {unpaid[:3]}")
        self._check_api(server.url, report)
        self._wait_for_cases(server.data_dir, database_url, report)

    def _tried(self) -> set[str]:
        with self.lock:
            return {a.code for a in self.attempts}

    def _round_summary(self, attempts: list[PayAttempt], report) -> None:
        counts = Counter((a.kind, a.request, a.outcome) for a in attempts)
        lost = sum(n for (_, _, outcome), n in counts.items() if outcome == "lost")
        first = sum(1 for a in attempts if a.kind in ("first", "concurrent") and a.answer == "paid")
        pairs = Counter(a.code for a in attempts if a.kind == "concurrent" and a.outcome == "acked")
        both = sum(1 for n in pairs.values() if n == 2)
        replays = sum(1 for a in attempts if a.kind == "replay" and a.outcome == "acked")
        report.note(f"payments this round: {counts['first', 'checkout', 'acked']} checkouts, {first} payments "
                    f"answered paid, {both} codes paid twice at once (both answered), {replays} paid-again "
                    f"answered, {lost} requests lost in the kill")
        for attempt in [a for a in attempts if a.outcome == "refused"][:5]:
            report.fail(f"payments: a {attempt.request} of {attempt.code} ({attempt.kind}) was refused before the "
                        f"kill: {attempt.error}")
        for attempt in [a for a in attempts if a.outcome == "acked" and a.request == "pay"
                        and a.answer not in GOOD_ANSWERS][:5]:
            report.fail(f"payments: the pay of {attempt.code} ({attempt.kind}) answered {attempt.answer!r}")

    def check_at_end(self, report) -> None:
        """The run proves something only if payments were answered paid, and some code got both answers
        of a concurrent pair, before a kill. Counted over all rounds: a kill drawn early on a loaded machine
        can leave one round without either, and that round's writes are still checked."""
        with self.lock:
            first = sum(1 for a in self.attempts if a.kind in ("first", "concurrent") and a.answer == "paid")
            pairs = Counter((a.round, a.code) for a in self.attempts
                            if a.kind == "concurrent" and a.outcome == "acked")
        if first == 0:
            report.fail("payments: no payment was answered paid before any kill; the run proves nothing")
        if not any(n == 2 for n in pairs.values()):
            report.fail("payments: no code paid twice at once got both answers before any kill")

    def _check_snapshot(self, rows: dict[str, list[tuple]], report, when: str) -> dict[str, _Order]:
        """Exactly-once and all-or-nothing over every order; every acknowledged payment is there."""
        orders = _orders(rows, report)
        problems: list[str] = []
        for order in orders.values():
            was_paid = order.state in PAID_STATES
            name = f"order {order.code} ({order.state})"
            if order.receipts > 1:
                problems.append(f"{name} has {order.receipts} receipts")
            if order.events > 1:
                problems.append(f"{name} has {order.events} payment-succeeded outbox events")
            if order.paid_notes > 1:
                problems.append(f"{name} has {order.paid_notes} notifications logged 'paid'")
            if len(order.paid_trades) > 1 + len(order.automatic_refunds):
                problems.append(f"{name} has {len(order.paid_trades)} paid trades but "
                                f"{len(order.automatic_refunds)} automatic refunds")
            if sum(order.paid_trades) - sum(order.automatic_refunds) != order.paid:
                problems.append(f"{name}: paid trades {order.paid_trades} minus automatic refunds "
                                f"{order.automatic_refunds} ≠ paid_fen {order.paid}")
            expected = 1 if was_paid else 0
            parts = {"receipt": order.receipts, "outbox event": order.events, "'payments.paid' audit entry":
                     order.audits, "'paid' notification": order.paid_notes}
            wrong = [f"{count} × {part}" for part, count in parts.items() if count != expected]
            if wrong:
                problems.append(f"{name} is half-written: expected {expected} of each, found " + ", ".join(wrong))
            if was_paid and order.paid != order.amount:
                problems.append(f"{name}: paid_fen {order.paid} ≠ amount_fen {order.amount}")
            if not was_paid and order.paid != 0:
                problems.append(f"{name}: not paid but paid_fen {order.paid}")
            if order.state in ("refunded", "partially-refunded") and not order.staff_refunds:
                problems.append(f"{name} without any refund by staff")
        case_paid = Counter(_uuid(r[0]) for r in rows["case_paid"])
        for case_id, count in case_paid.items():
            if count > 1:
                problems.append(f"case {case_id} was moved on by a payment {count} times")
        paid_cases = {o.case_id for o in orders.values() if o.state in PAID_STATES}
        for case_id in set(case_paid) - paid_cases:
            problems.append(f"case {case_id} has a 'paid' event but no paid order")

        by_code = {o.code: o for o in orders.values()}
        with self.lock:
            good = Counter(a.code for a in self.attempts if a.request == "pay" and a.answer in GOOD_ANSWERS)
        for code, answers in good.items():
            order = by_code.get(code)
            if order is None or order.state != "paid" or order.receipts != 1:
                problems.append(f"order {code} was answered paid but reads {order.state if order else 'missing'} "
                                f"with {order.receipts if order else 0} receipts")
            elif order.good_notes < answers:
                problems.append(f"order {code}: {answers} pays answered paid/duplicate but only "
                                f"{order.good_notes} notifications logged")
        for problem in problems[:20]:
            report.fail(f"payments {when}: {problem}")
        if len(problems) > 20:
            report.fail(f"payments {when}: … and {len(problems) - 20} more")
        paid = sum(1 for o in orders.values() if o.state in PAID_STATES)
        notes = sum(o.good_notes for o in orders.values())
        report.note(f"payments {when}: {len(orders)} orders, {paid} paid, each whole (receipt, event, audit, "
                    f"notification, paid_fen = amount) and once; {len(good)} codes answered paid all read paid; "
                    f"{notes} paid/duplicate notifications logged for {sum(good.values())} such answers")
        return orders

    def _lost_codes(self) -> dict[str, bool]:
        """Codes tried without a paid answer → whether their checkout was ever answered."""
        paid = set(self._paid_codes())
        with self.lock:
            return {a.code: a.code in self.checked_out for a in self.attempts if a.code not in paid}

    def _classify_lost(self, rows: dict[str, list[tuple]], orders: dict[str, _Order], report) -> None:
        by_code = {o.code: o for o in orders.values()}
        sandbox = {str(code): str(state) for code, state in rows["sandbox"]}
        kinds = Counter()
        for code in self._lost_codes():
            order = by_code.get(code)
            if order is None:
                report.fail(f"payments: the order {code} is gone")
            elif order.state in PAID_STATES:
                kinds["committed in flight (wholly there)"] += 1
            elif order.state in ("created", "pending"):
                kinds[f"absent, sandbox trade {sandbox.get(code, 'never opened')}"] += 1
            else:
                report.fail(f"payments: the order {code} whose pay was lost is {order.state}")
        if kinds:
            report.note("payments lost in the kill: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))

    def _resend_lost(self, url: str, round_number: int, report) -> None:
        """A payer whose answer was lost tries again: each must now answer paid or duplicate."""
        http = _Http(url, timeout=30)
        for code, checked_out in self._lost_codes().items():
            if not checked_out:
                attempt = self._record(round_number, code, "resend", "checkout")
                self._checkout(http, attempt)
                if attempt.outcome != "acked":
                    report.fail(f"payments: checkout of {code} after the restart: {attempt.outcome} {attempt.error}")
                    continue
            attempt = self._record(round_number, code, "resend", "pay")
            self._pay(http, attempt)
            if attempt.answer not in GOOD_ANSWERS:
                report.fail(f"payments: re-sent pay of {code} after the restart: {attempt.outcome} "
                            f"{attempt.answer or attempt.error}")
        http.close()

    def _replay_after_restart(self, url: str, round_number: int, report) -> None:
        paid = self._paid_codes()
        if not paid:
            report.fail("payments: nothing paid to replay after the restart")
            return
        http = _Http(url, timeout=30)
        chosen = self.rng.sample(paid, min(REPLAYS_AFTER_RESTART, len(paid)))
        answers = Counter()
        for code in chosen:
            attempt = self._record(round_number, code, "replay-after-restart", "pay")
            self._pay(http, attempt)
            answers[attempt.answer or attempt.outcome] += 1
            if attempt.answer not in GOOD_ANSWERS:
                report.fail(f"payments: replayed pay of paid {code} after the restart: {attempt.outcome} "
                            f"{attempt.answer or attempt.error}")
        http.close()
        report.note(f"payments: {len(chosen)} paid codes paid again after the restart: {dict(answers)}")

    def _check_api(self, url: str, report) -> None:
        http = _Http(url, timeout=30)
        wrong = []
        for code in self._paid_codes():
            status, body = http.call("GET", f"/api/v1/payments/orders/{code}")
            if status != 200 or (body or {}).get("state") != "paid" or (body or {}).get("payable") is not False:
                wrong.append(f"{code}: {status} {(body or {}).get('state')}")
        http.close()
        for problem in wrong[:10]:
            report.fail(f"payments: GET /api/v1/payments/orders/{problem} (expected paid, not payable)")
        if not wrong:
            report.note(f"payments: the {len(self._paid_codes())} paid codes read back paid through the public API")

    def _wait_for_cases(self, data_dir, database_url: str, report, seconds: float = 30.0) -> None:
        """The outbox delivers payment-succeeded after the commit and each paid case moves on once.

        A delivery job the killed server had claimed stays leased to it (300 s) before another claim
        retries it, so a case may still wait after `seconds`: then its event must be undispatched or
        its delivery job still ready or running, never dead, finished or missing."""
        deadline = time.monotonic() + seconds
        while True:
            rows = snapshot(data_dir, database_url)
            moved = {_uuid(r[0]) for r in rows["case_paid"]}
            waiting = [r for r in rows["orders"]
                       if str(r[2]) in PAID_STATES and _uuid_or_empty(r[6]) and _uuid(r[6]) not in moved]
            if not waiting or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        events = {_uuid(r[0]): (_uuid(r[1]), r[2] not in (None, "")) for r in rows["events"]}
        jobs = {}
        for payload, state in rows["deliveries"]:
            delivery = json.loads(payload)
            if delivery.get("subscriber") == CASE_SUBSCRIBER:
                jobs[_uuid(delivery["eventID"])] = str(state)
        pending = Counter()
        for order in waiting:
            event_id, dispatched = events.get(_uuid(order[0]), ("", False))
            state = jobs.get(event_id) if dispatched else "undispatched"
            if event_id and state in ("ready", "running", "undispatched"):
                pending[state] += 1
            else:
                report.fail(f"payments: the case {_uuid(order[6])} of paid order {order[1]} has not moved on and "
                            f"its payment-succeeded delivery job is {state or 'missing'}")
        report.note(f"payments: {len(moved)} cases moved on by their payment, once each"
                    + (f"; after {seconds:.0f} s {sum(pending.values())} still wait for their delivery "
                       f"({dict(pending)}: a job the killed server had claimed is retried when its lease ends)"
                       if pending else ""))
