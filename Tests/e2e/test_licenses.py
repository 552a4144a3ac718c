"""Browser journeys of the e-license library (电子证照, docs/licenses.md), against the real server.

(a) The demo citizen applies online for 食品经营许可（新办）; 市市场监督管理局 accepts, reviews, decides and
    concludes it; the license appears in the citizen's 证照夹 a moment later; zbar reads the QR code on
    its page and gets exactly the license's code; the public verifier (not signed in) says 有效 with the
    经办人 masked; a changed code fails with a clear reason; the bureau revokes the license and the
    verifier shows the revocation and its reason.
(b) The citizen shares the business license from the wallet (the link's QR read by zbar, opened in a
    fresh browser), authorises it for material M02 of a new food-permit application (用证授权), the
    intake clerk reads it inside the case, and the citizen sees that use under 谁用了我的证照.

Every page is checked with `assert_accessible`. On SQLite, and on a fresh PostgreSQL database when
$ZT_TEST_POSTGRES_URL is set.
"""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import Page, expect

from harness.license_journey import (
    SHOP,
    StaffSessions,
    approve,
    checked,
    citizen,
    license_id,
    signed_content,
    start_food_permit,
    submit,
    upload_and_submit,
    wait_for_wallet_row,
    watch,
    with_character_changed,
    with_content_changed,
)
from harness.qr import decode_svg

pytestmark = pytest.mark.browser

REVOCATION = "经营场所已灭失，依法注销"
SECOND_SHOP = "石家庄市长安区张三面馆"
DEMO_ID_NUMBER = "130102199003071233"


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def server(request):
    """A server of this module's own, on SQLite and on a fresh PostgreSQL database when configured."""
    from harness.server import fresh_postgres_database, running_server

    database = ""
    if request.param == "postgres":
        if not os.environ.get("ZT_TEST_POSTGRES_URL"):
            pytest.skip("ZT_TEST_POSTGRES_URL is not set")
        database = fresh_postgres_database(os.environ["ZT_TEST_POSTGRES_URL"])
    yield from running_server(database_url=database)


@pytest.fixture(scope="module")
def staff(server):
    return StaffSessions(server.url)


def fact(scope, label: str):
    """The <dd> that follows the <dt> named `label` inside `scope`."""
    return scope.locator(f"dt:text-is('{label}') + dd").first


def verify(page: Page, code: str):
    """Pastes `code` into 电子证照核验 and returns the verdict's section."""
    page.goto("/licenses/verify")
    checked(page, "电子证照核验")
    page.get_by_label("二维码内容").fill(code)
    assert submit(page, "核验", "/licenses/verify").status == 200
    checked(page, "电子证照核验")
    return page.locator("section.license-result")


def test_an_approved_case_issues_a_license_whose_qr_verifies_until_revoked(new_context, browser, staff, tmp_path):
    person = citizen(new_context)
    problems = watch(person)
    case_url = start_food_permit(person)
    upload_and_submit(person, case_url, tmp_path)
    clerk = staff.page(new_context, "scj-sl01")
    reviewer = staff.page(new_context, "scj-sp01")
    approver = staff.page(new_context, "scj-sp02")

    approve(clerk, reviewer, approver, case_url)

    # 证照夹: the food permit appears a moment after 办结, issued by the case's subscriber.
    row = wait_for_wallet_row(person, "食品经营许可证")
    expect(row).to_have_count(1)
    checked(person, "我的证照（证照夹）")
    expect(row.locator("td").nth(0)).to_have_text(SHOP)
    expect(row.locator(".license-status")).to_have_text("有效")
    row.get_by_role("link", name="食品经营许可证").click()
    checked(person, "食品经营许可证")
    certificate = person.locator("article.license-certificate")
    expect(fact(certificate, "经营者名称")).to_have_text(SHOP)
    expect(fact(certificate, "经办人")).to_have_text("张三")  # the owner sees personal data in clear
    expect(fact(certificate, "证照状态")).to_contain_text("有效")
    expect(fact(certificate, "发证机关")).to_have_text("市市场监督管理局")

    # The QR code on the page, read by a real decoder, is exactly the license's code.
    record = person.request.get(f"/api/v1/me/licenses/{license_id(person.url)}").json()
    assert record["caseID"].lower() == case_url.rsplit("/", 1)[1].lower()
    assert record["code"].startswith("ZT1:")
    expect(person.locator("p.license-identifier")).to_contain_text(record["identifier"])
    svg = certificate.locator(".license-qr svg").evaluate("svg => svg.outerHTML")
    decoded = decode_svg(svg, browser)
    assert decoded == [record["code"].encode("ascii")]
    code = decoded[0].decode("ascii")
    assert person.locator("details code").text_content() == code

    # The public verifier, in a browser that never signed in.
    visitor = new_context(viewport={"width": 1280, "height": 800}).new_page()
    visitor_problems = watch(visitor)
    result = verify(visitor, code)
    expect(result.locator("h2")).to_have_text("✔ 核验通过")
    expect(result.locator(".license-reason")).to_have_text("签名有效，证照在有效期内。")
    expect(fact(result, "证照类型")).to_have_text("食品经营许可证")
    expect(fact(result, "证照标识")).to_have_text(record["identifier"])
    expect(fact(result, "发证机关")).to_have_text("市市场监督管理局")
    expect(fact(result, "持证主体")).to_have_text(SHOP)
    expect(fact(result, "经办人")).to_have_text("张*")  # masked when the code was made
    expect(fact(result, "状态查询")).to_have_text("已在平台查询当前状态")
    expect(result.locator("p.hint code")).to_have_text("valid")

    # One Base45 character changed: the compressed bytes no longer make a code (checked here with zlib).
    broken = with_character_changed(code, len(code) // 2)
    with pytest.raises(Exception):
        signed_content(broken)
    result = verify(visitor, broken)
    expect(result.locator("h2")).to_have_text("✘ 核验未通过")
    expect(result.locator(".license-reason")).to_contain_text("二维码内容不完整或已损坏")
    expect(result.locator("p.hint code")).to_have_text("malformed")
    # The signed content changed and packed again (热食 → 冷食, same length): the signature fails.
    forged = with_content_changed(code, "热食类食品制售", "冷食类食品制售")
    result = verify(visitor, forged)
    expect(result.locator("h2")).to_have_text("✘ 核验未通过")
    expect(result.locator(".license-reason")).to_have_text("签名验证失败：二维码内容被篡改，或不是发证机关签发的。")
    expect(result.locator("p.hint code")).to_have_text("bad-signature")
    expect(fact(result, "证照类型")).to_have_count(0)  # nothing of a forged code is shown as fact

    # The bureau revokes the license; the same QR code now fails with the reason.
    reviewer.goto(f"/staff/licenses/{record['id']}")
    checked(reviewer, "食品经营许可证")
    reviewer.locator("#revoke-reason").fill(REVOCATION)
    assert submit(reviewer, "注销证照", "/revoke").status == 303
    expect(reviewer.locator(".form-notice")).to_have_text("证照已注销。")
    expect(fact(reviewer.locator("article.license-certificate"), "证照状态")).to_contain_text("已注销")
    expect(reviewer.locator(".case-timeline")).to_contain_text(REVOCATION)
    checked(reviewer, "食品经营许可证")

    result = verify(visitor, code)
    expect(result.locator("h2")).to_have_text("✘ 核验未通过")
    expect(result.locator(".license-reason")).to_have_text(f"证照已被发证机关注销：{REVOCATION}。")
    expect(result.locator("p.hint code")).to_have_text("revoked")
    status_list = visitor.request.get("/api/v1/licenses/status-list").json()["items"]
    assert {"identifier": record["identifier"], "status": "revoked"} in [
        {"identifier": item["identifier"], "status": item["status"]} for item in status_list]
    person.goto("/me/licenses")
    expect(wait_for_wallet_row(person, "食品经营许可证").locator(".license-status")).to_have_text("已注销")
    assert problems == [] and visitor_problems == []


def test_the_holder_shares_a_license_and_authorises_its_use_in_an_application(new_context, browser, staff, tmp_path):
    person = citizen(new_context)
    problems = watch(person)
    row = wait_for_wallet_row(person, "营业执照")
    expect(row).to_have_count(1)
    row.get_by_role("link", name="营业执照").click()
    checked(person, "营业执照")
    business_license = license_id(person.url)
    identifier = person.request.get(f"/api/v1/me/licenses/{business_license}").json()["identifier"]

    # A share link for one day, shown once as text and as a QR code.
    person.get_by_label("分享给他人核验，链接有效期").select_option(label="1天")
    assert submit(person, "生成分享链接", "/share").status == 200
    checked(person, "营业执照")
    share = person.locator(".license-share")
    url = share.locator("code").text_content().strip()
    assert re.fullmatch(r"https?://\S+/licenses/shared/[A-Za-z0-9_-]{20,}", url), url
    assert decode_svg(share.locator("svg").evaluate("svg => svg.outerHTML"), browser) == [url.encode("ascii")]

    # Whoever has the link sees the license verified now, masked, without signing in.
    visitor = new_context(viewport={"width": 1280, "height": 800}).new_page()
    shared_path = "/licenses/shared/" + url.rsplit("/", 1)[1]
    assert visitor.goto(shared_path).status == 200
    checked(visitor, "电子证照分享核验")
    result = visitor.locator("section.license-result")
    expect(result.locator("h2")).to_have_text("✔ 核验通过")
    expect(fact(result, "证照类型")).to_have_text("营业执照")
    expect(fact(result, "证照标识")).to_have_text(identifier)
    expect(fact(result, "法定代表人")).to_have_text("张*")
    assert DEMO_ID_NUMBER not in visitor.content()
    assert visitor.goto(shared_path[:-3] + "xyz").status == 404

    # 用证授权: a new application's M02 (营业执照) is satisfied from the wallet instead of an upload.
    case_url = start_food_permit(person, shop=SECOND_SHOP, area="60")
    person.goto(case_url + "/licenses")
    checked(person, "用电子证照代替材料")
    m02 = person.locator("section:has(h2#material-M02)")
    expect(m02.locator("h2")).to_have_text("营业执照")
    m02.get_by_label(re.compile("营业执照")).check()
    assert submit(person, "授权使用", "/licenses").status == 303
    checked(person, "用电子证照代替材料")
    expect(person.locator(".form-notice")).to_have_text("已授权部门调用您的电子证照，此项材料无需再上传。")
    expect(m02.locator(".license-status")).to_contain_text("已授权")
    expect(person.locator("section:has(h2#material-M05)")).to_contain_text("没有可用于此项材料的有效证照")
    upload_and_submit(person, case_url, tmp_path)
    number = person.locator(".case-number").text_content().strip()

    # The intake clerk reads the license inside the case, in clear; that read is a logged use.
    clerk = staff.page(new_context, "scj-sl01")
    clerk.goto(case_url.replace("/me/cases/", "/staff/cases/") + "/licenses")
    checked(clerk, "办件中的电子证照")
    section = clerk.locator("section", has=clerk.get_by_role("heading", name="营业执照", exact=True)).first
    expect(section.locator("p.license-identifier")).to_contain_text(identifier)
    expect(fact(section, "法定代表人")).to_have_text("张三")

    # 谁用了我的证照: the holder sees the bureau, the case number and the time.
    person.goto(f"/me/licenses/{business_license}")
    checked(person, "营业执照")
    uses = person.locator("section[aria-labelledby=license-uses-title] li")
    expect(uses).to_have_count(1)
    expect(uses.first).to_contain_text("市市场监督管理局")
    expect(uses.first).to_contain_text(number)
    logged = person.request.get(f"/api/v1/me/licenses/{business_license}/uses").json()["items"]
    assert [(use["caseID"].lower(), use["departmentName"]) for use in logged] == [
        (case_url.rsplit("/", 1)[1].lower(), "市市场监督管理局")]
    assert problems == []
