"""Browser journeys of case handling (办件) over the demo organisation and catalog.

(a) A citizen applies online for 食品经营许可（新办）, uploads the materials and gets a receipt; the
department accepts, reviews, decides and concludes; the citizen sees 已办结 / 准予许可.
(b) A window clerk takes a walk-in's application with paper materials and prints the receipt.
(c) A correction round trip: a one-time notice for M03, a new upload, 提交补正, acceptance.
Plus the apply page on a phone-sized screen. Every page is checked with `assert_accessible`.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from a11y import assert_accessible
from harness.staff_login import DEMO_STAFF_PASSWORD, totp
from test_catalog import assert_fits
from test_identity import log_in, submit, watch

pytestmark = pytest.mark.browser

FOOD_PERMIT = "111301000000135718300011100800001"
DEMO_PHONE = "13800000000"
DEMO_PASSWORD = "政通演示2026"
SECRETS = {
    "scj-sl01": "SCJSLZTDEMO23456",
    "scj-sp01": "SCJSPAZTDEMO2345",
    "scj-sp02": "SCJSPBZTDEMO2345",
    "window01": "WINDOWZTDEMO2345",
}
PHONE = {"width": 390, "height": 844}
NUMBER = re.compile(r"\d{6} \d{8} \d{7} \d")


@pytest.fixture(scope="module")
def server():
    """A server of its own: the journeys send notices and queue jobs that other modules count."""
    from harness.server import running_server

    yield from running_server()


def checked(page: Page, heading: str) -> None:
    page.wait_for_load_state("load")
    expect(page.locator("h1")).to_have_text(heading)
    assert_accessible(page)


def pdf(tmp_path: Path, name: str) -> Path:
    """A small, valid-looking PDF file."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    return path


def citizen(new_context, viewport=None) -> Page:
    """The demo citizen, signed in, on 我的办件."""
    page = new_context(viewport=viewport or {"width": 1280, "height": 800}).new_page()
    page.goto("/login?next=/me/cases")
    assert log_in(page, DEMO_PHONE, DEMO_PASSWORD).status == 303
    checked(page, "我的办件")
    return page


def staff(new_context, username: str) -> Page:
    """Demo staff member `username`, signed in with password and TOTP, on the workbench.

    A code is good once: a second login within the same 30-second step waits for the next one."""
    page = new_context(viewport={"width": 1280, "height": 800}).new_page()
    for attempt in range(2):
        page.goto("/staff/login")
        page.get_by_label("工号").fill(username)
        page.get_by_label("密码", exact=True).fill(DEMO_STAFF_PASSWORD)
        submit(page, "下一步", "/staff/login")
        page.get_by_label("6 位动态口令").fill(totp(SECRETS[username]))
        if submit(page, "登录", "/staff/login/code").status == 303:
            break
        time.sleep(31 - time.time() % 30)
    else:
        pytest.fail(f"{username} could not log in")
    page.goto("/staff/cases")
    checked(page, "办件工作台")
    return page


def apply_online(page: Page, tmp_path: Path) -> str:
    """Fills the food-permit form, uploads M03 and M04, submits; returns the case page URL."""
    page.goto(f"/cases/apply/{FOOD_PERMIT}")
    checked(page, "网上申请：食品经营许可（新办）")
    page.locator("select[name=situation]").select_option("S01")
    page.get_by_label("经营者名称").fill("石家庄市长安区张三小吃店")
    page.get_by_label("统一社会信用代码").fill("91130102MA0G8XKQ5Q")
    page.get_by_label("经营场所面积（平方米）").fill("120")
    page.locator("#field-businessType").select_option("热食类食品制售")
    page.get_by_label("联系电话").fill("13800000000")
    assert submit(page, "保存草稿，下一步上传材料", f"/cases/apply/{FOOD_PERMIT}").status == 303
    checked(page, "食品经营许可（新办）")
    case_url = page.url.split("?")[0]
    for code, name in (("M03", "食品安全管理制度文本"), ("M04", "经营场所平面布局图和设备布局图")):
        page.get_by_label(f"选择文件：{name}").set_input_files(str(pdf(tmp_path, code)))
        page.locator(f"form:has(input[value='{code}'])").get_by_role("button", name="上传").click()
        page.wait_for_load_state("load")
        expect(page.locator(".form-notice")).to_have_text("材料已上传。")
    assert submit(page, "提交申请", "/submit").status == 303
    checked(page, "申请回执")
    expect(page.locator(".case-number")).to_have_text(NUMBER)
    expect(page.locator(".case-receipt")).to_contain_text("食品安全管理制度文本（电子）")
    return case_url


def open_case(page: Page, case_url: str) -> None:
    """Opens the staff page of the case the citizen sees at `case_url`."""
    page.goto(case_url.replace("/me/cases/", "/staff/cases/"))
    page.wait_for_load_state("load")
    assert_accessible(page)


def decide(page: Page, case_url: str, step: str) -> None:
    open_case(page, case_url)
    expect(page.get_by_role("heading", name=f"当前环节：{step}")).to_be_visible()
    page.get_by_label("通过", exact=True).check()
    assert submit(page, "提交办理意见", "/decide").status == 303
    expect(page.locator(".form-notice")).to_have_text("办理意见已提交。")


def test_citizen_applies_online_and_the_department_approves(new_context, tmp_path):
    person = citizen(new_context)
    problems = watch(person)
    case_url = apply_online(person, tmp_path)

    clerk = staff(new_context, "scj-sl01")
    expect(clerk.locator("main")).to_contain_text("食品经营许可（新办）")
    open_case(clerk, case_url)
    assert submit(clerk, "受理", "/accept").status == 303
    expect(clerk.locator(".case-state")).to_have_text("办理中")

    reviewer = staff(new_context, "scj-sp01")
    decide(reviewer, case_url, "初审")
    approver = staff(new_context, "scj-sp02")
    decide(approver, case_url, "审批决定")
    decide(reviewer, case_url, "制证办结")

    person.goto("/me/cases")
    checked(person, "我的办件")
    expect(person.locator(".case-list li").first).to_contain_text("已办结")
    expect(person.locator(".case-list li").first).to_contain_text("准予许可")
    person.goto(case_url)
    expect(person.locator(".case-outcome")).to_have_text("准予许可")
    expect(person.locator(".case-timeline")).to_contain_text("办结")
    assert problems == []


def test_window_takes_a_walk_in_application_with_paper_materials(new_context):
    page = staff(new_context, "window01")
    page.goto("/counter/cases")
    checked(page, "一窗受理")
    page.get_by_label("事项名称、关键词或33位业务办理项编码").fill(FOOD_PERMIT)
    page.get_by_role("button", name="查找事项").click()
    page.wait_for_load_state("load")
    page.get_by_role("link", name="食品经营许可（新办）").click()
    checked(page, "窗口受理：食品经营许可（新办）")
    page.get_by_label("姓名").fill("王五")
    page.get_by_label("身份证号").fill("13010219900307125X")
    page.get_by_label("联系电话").first.fill("13912340000")
    page.locator("select[name=situation]").select_option("S01")
    page.get_by_label("经营者名称").fill("石家庄市桥西区王五面馆")
    page.get_by_label("统一社会信用代码").fill("91130102MA0G8XKQ5Q")
    page.get_by_label("经营场所面积（平方米）").fill("80")
    page.locator("#field-businessType").select_option("热食类食品制售")
    page.locator("#field-contactPhone").fill("13912340000")
    page.get_by_label("收到纸质件：食品安全管理制度文本").check()
    page.get_by_label("收到纸质件：经营场所平面布局图和设备布局图").check()
    assert submit(page, "提交并打印回执", f"/counter/cases/apply/{FOOD_PERMIT}").status == 303
    checked(page, "收件回执")
    expect(page.locator(".case-number")).to_have_text(NUMBER)
    expect(page.locator(".case-receipt")).to_contain_text("窗口")
    expect(page.locator(".case-receipt")).to_contain_text("食品安全管理制度文本（纸质）")
    page.goto("/counter/cases")
    expect(page.get_by_role("link", name="打印回执").first).to_be_visible()


def test_correction_round_trip(new_context, tmp_path):
    person = citizen(new_context)
    case_url = apply_online(person, tmp_path)

    clerk = staff(new_context, "scj-sl01")
    open_case(clerk, case_url)
    clerk.locator("#problem-M03").fill("缺少负责人签字，请签字后重新上传")
    assert submit(clerk, "发出一次性告知", "/correction").status == 303
    expect(clerk.locator(".case-state")).to_have_text("待补正")

    person.goto(case_url)
    checked(person, "食品经营许可（新办）")
    expect(person.locator("main")).to_contain_text("补正要求：缺少负责人签字")
    person.get_by_label("选择文件：食品安全管理制度文本").set_input_files(str(pdf(tmp_path, "M03-signed")))
    person.get_by_role("button", name="上传").click()
    person.wait_for_load_state("load")
    assert submit(person, "提交补正", "/correction").status == 303
    expect(person.locator(".form-notice")).to_have_text("补正材料已提交，办件继续办理。")

    open_case(clerk, case_url)
    assert submit(clerk, "受理", "/accept").status == 303
    expect(clerk.locator(".case-state")).to_have_text("办理中")
    person.goto(case_url)
    expect(person.locator(".case-timeline")).to_contain_text("提交补正材料")


def test_apply_page_fits_a_phone(new_context):
    page = citizen(new_context, viewport=PHONE)
    page.goto(f"/cases/apply/{FOOD_PERMIT}")
    checked(page, "网上申请：食品经营许可（新办）")
    assert_fits(page)
    expect(page.get_by_role("button", name="保存草稿，下一步上传材料")).to_be_visible()
