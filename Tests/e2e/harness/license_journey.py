"""Steps of the e-license journeys (docs/licenses.md), shared by the browser tests.

A person's part runs in a browser signed in through /login; a staff member's part runs in a browser
whose `zt_staff` session came from the real two-step login (`staff_login.staff_session`, password then
a TOTP code), made once per account and server because a code counts once per 30-second step.

The tamper helpers take a license code apart the way a verifier does: "ZT1:" + Base45 (RFC 9285) of
zlib of a COSE_Sign1 (docs/signed-codes.md), so a test can change the signed content itself, not only
the transport.
"""

from __future__ import annotations

import re
import time
import zlib
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, expect

from a11y import assert_accessible
from harness.staff_login import staff_session

FOOD_PERMIT = "111301000000135718300011100800001"
DEMO_PHONE = "13800000000"
DEMO_PASSWORD = "政通演示2026"
SHOP = "石家庄市长安区张三小吃店"
SHOP_CREDIT_CODE = "91130102MA0G8XKQ5Q"
# Demo staff of 市市场监督管理局 and their TOTP secrets (docs/organisation.md).
STAFF_SECRETS = {
    "scj-sl01": "SCJSLZTDEMO23456",  # 窗口人员: accepts
    "scj-sp01": "SCJSPAZTDEMO2345",  # 审批人员: reviews, concludes, and manages the bureau's licenses
    "scj-sp02": "SCJSPBZTDEMO2345",  # 审批人员: decides
}
BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
PREFIX = "ZT1:"


def checked(page: Page, heading: str | None = None) -> None:
    """The page has loaded, shows `heading` as its <h1> when given, and passes the accessibility checks."""
    page.wait_for_load_state("load")
    if heading is not None:
        expect(page.locator("h1")).to_have_text(heading)
    assert_accessible(page)


def submit(page: Page, button: str, path: str):
    """Clicks the submit button named `button`; returns the response to the form's POST to `path`."""
    with page.expect_response(lambda r: r.request.method == "POST" and r.url.split("?")[0].endswith(path)) as posted:
        page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state("load")
    return posted.value


def watch(page: Page) -> list[str]:
    """Collects the page's script errors and console errors (CSP violations among them)."""
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("console", lambda m: problems.append(f"console: {m.text}")
            if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    return problems


def citizen(new_context) -> Page:
    """The demo citizen 张三, signed in through the login form, on 我的证照."""
    page = new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.goto("/login?next=/me/licenses")
    page.get_by_label("手机号或身份证号").fill(DEMO_PHONE)
    page.get_by_label("密码", exact=True).fill(DEMO_PASSWORD)
    assert submit(page, "登录", "/login").status == 303
    checked(page, "我的证照（证照夹）")
    return page


class StaffSessions:
    """One real login per demo staff account and server; each browser context gets the session cookie."""

    def __init__(self, url: str, secrets: dict[str, str] | None = None) -> None:
        self.url = url
        self.secrets = secrets or STAFF_SECRETS
        self._tokens: dict[str, str] = {}

    def token(self, username: str) -> str:
        if username not in self._tokens:
            for attempt in range(2):
                try:
                    self._tokens[username] = staff_session(self.url, username, self.secrets[username])
                    break
                except AssertionError:  # this step's code was already used: wait for the next step
                    if attempt:
                        raise
                    time.sleep(31 - time.time() % 30)
        return self._tokens[username]

    def page(self, new_context, username: str) -> Page:
        """A fresh browser context signed in as `username`, on the workbench."""
        context: BrowserContext = new_context(viewport={"width": 1280, "height": 800})
        context.add_cookies([{"name": "zt_staff", "value": self.token(username), "url": self.url}])
        page = context.new_page()
        page.goto("/staff/cases")
        checked(page, "办件工作台")
        return page


def pdf(folder: Path, name: str) -> Path:
    path = folder / f"{name}.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    return path


def start_food_permit(page: Page, shop: str = SHOP, area: str = "120") -> str:
    """Fills the food-permit form for `shop` and saves the draft; returns the case page's URL."""
    page.goto(f"/cases/apply/{FOOD_PERMIT}")
    checked(page, "网上申请：食品经营许可（新办）")
    page.locator("select[name=situation]").select_option("S01")
    page.get_by_label("经营者名称").fill(shop)
    page.get_by_label("统一社会信用代码").fill(SHOP_CREDIT_CODE)
    page.get_by_label("经营场所面积（平方米）").fill(area)
    page.locator("#field-businessType").select_option("热食类食品制售")
    page.get_by_label("联系电话").fill(DEMO_PHONE)
    assert submit(page, "保存草稿，下一步上传材料", f"/cases/apply/{FOOD_PERMIT}").status == 303
    checked(page, "食品经营许可（新办）")
    return page.url.split("?")[0]


def upload_and_submit(page: Page, case_url: str, folder: Path) -> None:
    """Uploads M03 and M04 on the case page and submits; the receipt follows."""
    page.goto(case_url)
    for code, name in (("M03", "食品安全管理制度文本"), ("M04", "经营场所平面布局图和设备布局图")):
        page.get_by_label(f"选择文件：{name}").set_input_files(str(pdf(folder, code)))
        page.locator(f"form:has(input[value='{code}'])").get_by_role("button", name="上传").click()
        page.wait_for_load_state("load")
        expect(page.locator(".form-notice")).to_have_text("材料已上传。")
    assert submit(page, "提交申请", "/submit").status == 303
    checked(page, "申请回执")


def staff_case(page: Page, case_url: str) -> None:
    """Opens the staff page of the case the citizen sees at `case_url`."""
    page.goto(case_url.replace("/me/cases/", "/staff/cases/"))
    checked(page)


def decide(page: Page, case_url: str, step: str) -> None:
    """Records 通过 at `step` of the case."""
    staff_case(page, case_url)
    expect(page.get_by_role("heading", name=f"当前环节：{step}")).to_be_visible()
    page.get_by_label("通过", exact=True).check()
    assert submit(page, "提交办理意见", "/decide").status == 303
    expect(page.locator(".form-notice")).to_have_text("办理意见已提交。")


def approve(clerk: Page, reviewer: Page, approver: Page, case_url: str) -> None:
    """受理 by the clerk, 初审 and 制证办结 by the reviewer, 审批决定 by the approver: the case concludes approved."""
    staff_case(clerk, case_url)
    assert submit(clerk, "受理", "/accept").status == 303
    expect(clerk.locator(".case-state")).to_have_text("办理中")
    decide(reviewer, case_url, "初审")
    decide(approver, case_url, "审批决定")
    decide(reviewer, case_url, "制证办结")
    expect(reviewer.locator(".case-state")).to_have_text("已办结")


def wait_for_wallet_row(page: Page, type_name: str, seconds: float = 10.0):
    """Reloads 我的证照 until a row of `type_name` appears (the license is issued by an event
    subscriber, a moment after the case concludes); returns that row."""
    deadline = time.monotonic() + seconds
    while True:
        page.goto("/me/licenses")
        page.wait_for_load_state("load")
        row = page.locator("table.license-table tbody tr", has=page.get_by_role("link", name=type_name, exact=True))
        if row.count() or time.monotonic() > deadline:
            return row
        time.sleep(0.3)


def license_id(url: str) -> str:
    """The license id at the end of a /me/licenses/{id} or /staff/licenses/{id} address."""
    return re.search(r"/licenses/([0-9A-Fa-f-]{36})", url).group(1)


# Base45 (RFC 9285) both ways, for taking a code apart and putting it back together.
def base45_decode(text: str) -> bytes:
    values = [BASE45.index(c) for c in text]
    out = bytearray()
    for index in range(0, len(values), 3):
        chunk = values[index:index + 3]
        number = sum(v * 45 ** i for i, v in enumerate(chunk))
        if len(chunk) == 3:
            if number > 0xFFFF:
                raise ValueError("Base45 triple above 65535")
            out += number.to_bytes(2, "big")
        else:
            if number > 0xFF:
                raise ValueError("Base45 pair above 255")
            out.append(number)
    return bytes(out)


def base45_encode(data: bytes) -> str:
    out = []
    for index in range(0, len(data) - 1, 2):
        high, low = divmod(data[index] * 256 + data[index + 1], 45 * 45)
        out += [BASE45[low % 45], BASE45[low // 45], BASE45[high]]
    if len(data) % 2:
        out += [BASE45[data[-1] % 45], BASE45[data[-1] // 45]]
    return "".join(out)


def signed_content(code: str) -> bytes:
    """The COSE_Sign1 bytes inside a license code."""
    assert code.startswith(PREFIX), code[:10]
    return zlib.decompress(base45_decode(code[len(PREFIX):]))


def with_content_changed(code: str, old: str, new: str) -> str:
    """The code re-packed with the UTF-8 text `old` in the signed content replaced by `new` of the same
    byte length (so the CBOR stays well-formed); the signature is left as it was."""
    content = signed_content(code)
    before, after = old.encode(), new.encode()
    assert len(before) == len(after) and content.count(before) == 1, (old, new)
    return PREFIX + base45_encode(zlib.compress(content.replace(before, after), 9))


def with_character_changed(code: str, position: int) -> str:
    """The code with the Base45 character at `position` (after the prefix) replaced by the next one
    of the alphabet that still decodes as Base45, so the change reaches the compressed bytes."""
    body = code[len(PREFIX):]
    start = BASE45.index(body[position])
    for step in range(1, len(BASE45)):
        candidate = body[:position] + BASE45[(start + step) % 45] + body[position + 1:]
        try:
            base45_decode(candidate)
        except ValueError:
            continue
        return PREFIX + candidate
    raise AssertionError("no Base45 character fits there")
