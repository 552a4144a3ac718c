"""Steps of the non-tax payment journeys (非税支付), shared by the browser tests.

The demo item 居民身份证换领 (市公安局, 20 元 工本费) runs process id-card-renewal: receive, accept, pay,
review, decide, conclude. Accepting the case opens the pay step, whose event makes the payments
domain issue the order a moment later (through the outbox); paying it completes the step.

A person's part runs in a browser signed in through /login; staff log in once per account and
server through the real two-step form (password, then a TOTP code computed from the demo secret),
and every browser context of theirs gets that session cookie, as in license_journey.

Receipt codes are "ZTR1:" + Base45 (RFC 9285) of zlib of a COSE_Sign1, the layers of license codes
(docs/signed-codes.md), so the tamper helpers here take one apart the way the verifier does.
"""

from __future__ import annotations

import time
import zlib
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, expect

from harness.license_journey import BASE45, base45_decode, base45_encode, checked, pdf, submit
from harness.staff_login import staff_session

ID_CARD_RENEWAL = "1113010000001358X0306111000200001"
ITEM_NAME = "居民身份证换领"
DEMO_PHONE = "13800000000"
DEMO_PASSWORD = "政通演示2026"
# Demo staff of 市公安局 and their TOTP secrets (Identity's demo organisation).
STAFF_SECRETS = {
    "gaj-sl01": "GAJSLZTDEMO23456",  # 窗口人员 and 审批人员: accepts, then reviews
    "gaj-cw01": "GAJCWZTDEMO23456",  # 财务人员: the department's payments, refunds, reconciliation
}
# The materials the case page asks to upload, by code and name (demo catalog). M01 居民身份证 comes
# from the license library (用证授权), so the page offers no upload for it.
MATERIALS = (("M02", "户口簿"), ("M03", "近期免冠照片"))
RECEIPT_PREFIX = "ZTR1:"


def citizen(new_context) -> Page:
    """The demo citizen 张三, signed in through the login form, on 我的缴费."""
    page = new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.goto("/login?next=/me/payments")
    page.get_by_label("手机号或身份证号").fill(DEMO_PHONE)
    page.get_by_label("密码", exact=True).fill(DEMO_PASSWORD)
    assert submit(page, "登录", "/login").status == 303
    checked(page, "我的缴费")
    return page


class StaffSessions:
    """One real login per demo staff account of 市公安局 and server (a code counts once per account
    and 30-second step); each browser context gets the session cookie."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._tokens: dict[str, str] = {}

    def token(self, username: str) -> str:
        if username not in self._tokens:
            for attempt in range(2):
                try:
                    self._tokens[username] = staff_session(self.url, username, STAFF_SECRETS[username])
                    break
                except AssertionError:  # this step's code was already used: wait for the next step
                    if attempt:
                        raise
                    time.sleep(31 - time.time() % 30)
        return self._tokens[username]

    def page(self, new_context, username: str, path: str, heading: str) -> Page:
        """A fresh browser context signed in as `username`, on `path` whose <h1> is `heading`."""
        context: BrowserContext = new_context(viewport={"width": 1280, "height": 800})
        context.add_cookies([{"name": "zt_staff", "value": self.token(username), "url": self.url}])
        page = context.new_page()
        page.goto(path)
        checked(page, heading)
        return page


def apply_for_id_card(page: Page, folder: Path) -> str:
    """Applies online for 居民身份证换领 through the pages: the form, the uploads, 提交申请.
    Returns the case page's URL (/me/cases/{id})."""
    page.goto(f"/cases/apply/{ID_CARD_RENEWAL}")
    checked(page, f"网上申请：{ITEM_NAME}")
    page.get_by_label("申请人姓名").fill("张三")
    page.get_by_label("联系电话").fill(DEMO_PHONE)
    assert submit(page, "保存草稿，下一步上传材料", f"/cases/apply/{ID_CARD_RENEWAL}").status == 303
    checked(page, ITEM_NAME)
    case_url = page.url.split("?")[0]
    for code, name in MATERIALS:
        page.get_by_label(f"选择文件：{name}").set_input_files(str(pdf(folder, code)))
        page.locator(f"form:has(input[value='{code}'])").get_by_role("button", name="上传").click()
        page.wait_for_load_state("load")
        expect(page.locator(".form-notice")).to_have_text("材料已上传。")
    assert submit(page, "提交申请", "/submit").status == 303
    checked(page, "申请回执")
    return case_url


def accept(clerk: Page, case_url: str) -> None:
    """受理 on the staff page of the case the citizen sees at `case_url`."""
    clerk.goto(case_url.replace("/me/cases/", "/staff/cases/"))
    checked(clerk, ITEM_NAME)
    assert submit(clerk, "受理", "/accept").status == 303
    expect(clerk.locator(".case-state")).to_have_text("办理中")


def payments_section(page: Page, case_url: str, seconds: float = 10.0):
    """Reloads the case page until its 缴费 section appears (the order is issued by a subscriber a
    moment after the pay step opens); returns the section."""
    deadline = time.monotonic() + seconds
    while True:
        page.goto(case_url)
        page.wait_for_load_state("load")
        section = page.locator("section[aria-labelledby=payments-title]")
        if section.count() or time.monotonic() > deadline:
            return section
        time.sleep(0.3)


def case_id(case_url: str) -> str:
    """The case id at the end of a /me/cases/{id} address."""
    return case_url.rstrip("/").rsplit("/", 1)[1]


def fact(scope, label: str):
    """The <dd> that follows the <dt> named `label` inside `scope`."""
    return scope.locator(f"dt:text-is('{label}') + dd").first


def svg_of(scope) -> str:
    """The outer HTML of the one <svg> inside `scope`."""
    return scope.locator("svg").evaluate("svg => svg.outerHTML")


def grouped(code: str) -> str:
    """A payment code in groups of four, as the pages print it."""
    return " ".join(code[index:index + 4] for index in range(0, len(code), 4))


def check_digit(body: str) -> str:
    """The ISO 7064 MOD 11,10 check digit of a string of digits (ISO 7064 § 7.2, written here from the
    standard's recursion, independently of the server's Kernel.ISO7064)."""
    product = 10
    for digit in body:
        total = (product + int(digit)) % 10 or 10
        product = total * 2 % 11
    return str((11 - product) % 10)


def wrong_check_digit(code: str) -> str:
    """`code` with its last digit (the check digit) replaced by another; a single changed digit is
    always caught by MOD 11,10."""
    return code[:-1] + str((int(code[-1]) + 1) % 10)


def signed_content(code: str) -> bytes:
    """The COSE_Sign1 bytes inside a receipt code."""
    assert code.startswith(RECEIPT_PREFIX), code[:10]
    return zlib.decompress(base45_decode(code[len(RECEIPT_PREFIX):]))


def with_character_changed(code: str, position: int) -> str:
    """The receipt code with the Base45 character at `position` (after the prefix) replaced by the
    next one of the alphabet that still decodes as Base45, so the change reaches the compressed bytes."""
    body = code[len(RECEIPT_PREFIX):]
    start = BASE45.index(body[position])
    for step in range(1, len(BASE45)):
        candidate = body[:position] + BASE45[(start + step) % 45] + body[position + 1:]
        try:
            base45_decode(candidate)
        except ValueError:
            continue
        return RECEIPT_PREFIX + candidate
    raise AssertionError("no Base45 character fits there")


def with_content_changed(code: str, old: str, new: str) -> str:
    """The receipt code re-packed with the UTF-8 text `old` in the signed content replaced by `new` of
    the same byte length (the CBOR stays well-formed); the signature is left as it was."""
    content = signed_content(code)
    before, after = old.encode(), new.encode()
    assert len(before) == len(after) and content.count(before) == 1, (old, new)
    return RECEIPT_PREFIX + base45_encode(zlib.compress(content.replace(before, after), 9))


def verify_receipt(page: Page, code: str):
    """Pastes `code` into 电子票据核验 and returns the verdict's section."""
    page.goto("/payments/receipts/verify")
    checked(page, "电子票据核验")
    page.get_by_label("二维码内容").fill(code)
    assert submit(page, "核验", "/payments/receipts/verify").status == 200
    checked(page, "电子票据核验")
    return page.locator("section.license-result")
