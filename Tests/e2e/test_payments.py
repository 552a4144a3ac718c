"""Browser journeys of non-tax payments (非税支付), against the real server.

(a) The demo citizen applies online for 居民身份证换领 through the pages; 市公安局's clerk (gaj-sl01)
    accepts it on the staff case page; the case page then shows the order with 去缴费; the citizen
    chooses 演示支付; zbar reads the QR on the scan page and gets the sandbox payer URL; a second
    browser (the "phone") opens that URL and presses 确认支付; the first page turns to 缴费成功 by
    itself (its script polls the order); zbar reads the e-receipt's QR, which is exactly the
    receipt's ZTR1: code; pasted into 电子票据核验 it is valid, with one character changed it is
    rejected, and with its signed content changed the signature fails; the case now waits at 审核制证
    (the pay step done); the finance officer (gaj-cw01) sees the order paid at /staff/payments.
(b) /pay with a code whose check digit is wrong shows the Chinese error on the form.

Every page is checked with `assert_accessible`. On SQLite, and on a fresh PostgreSQL database when
$ZT_TEST_POSTGRES_URL is set.
"""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import Page, expect

from harness.license_journey import checked, submit, watch
from harness.payment_journey import (
    ID_CARD_RENEWAL,
    ITEM_NAME,
    StaffSessions,
    accept,
    apply_for_id_card,
    case_id,
    check_digit,
    citizen,
    fact,
    grouped,
    payments_section,
    signed_content,
    svg_of,
    verify_receipt,
    with_character_changed,
    with_content_changed,
    wrong_check_digit,
)
from harness.qr import decode_svg

pytestmark = pytest.mark.browser


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


def test_a_citizen_pays_the_fee_by_scanning_and_the_receipt_verifies(
        new_context, browser, server, staff, tmp_path):
    person = citizen(new_context)
    problems = watch(person)
    case_url = apply_for_id_card(person, tmp_path)
    clerk = staff.page(new_context, "gaj-sl01", "/staff/cases", "办件工作台")
    accept(clerk, case_url)

    # The case page shows the order a moment later: 20 元, 待缴费, with 去缴费.
    section = payments_section(person, case_url)
    expect(section).to_have_count(1)
    checked(person, ITEM_NAME)
    orders = person.request.get(f"/api/v1/cases/{case_id(case_url)}/payments").json()["items"]
    assert [(o["itemCode"], o["amountFen"], o["state"]) for o in orders] == [
        (ID_CARD_RENEWAL, 2000, "created")], orders
    code = orders[0]["code"]
    assert len(code) == 20 and code.isdigit(), code
    row = section.locator("tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator(".pay-code")).to_have_text(grouped(code))
    expect(row.locator("td").nth(1)).to_have_text("20.00元")
    expect(row.locator("td").nth(2)).to_have_text("待缴费")
    row.get_by_role("link", name="去缴费").click()

    # The order page: the fee line, and the channel buttons.
    checked(person, ITEM_NAME)
    assert person.url.endswith(f"/pay/{code}"), person.url
    facts = person.locator("dl.facts")
    expect(fact(facts, "缴款码")).to_have_text(grouped(code))
    expect(fact(facts, "执收单位")).to_have_text("市公安局")
    expect(fact(facts, "缴款人")).to_have_text("张*")
    expect(fact(facts, "应缴金额")).to_have_text("20.00元")
    expect(person.locator("table.pay-lines tbody th")).to_have_text("居民身份证工本费")
    assert submit(person, "演示支付", f"/pay/{code}/checkout").status == 303
    checked(person, "演示支付扫码缴费")
    assert person.url.endswith(f"/pay/{code}/scan?channel=sandbox"), person.url
    status = person.locator("p.pay-status")
    expect(status).to_have_text("等待付款…付款成功后本页会自动更新。")

    # zbar reads the QR as a phone would: the sandbox payer page of this order, on this server.
    payer_url = f"{server.url}/payments/sandbox/{code}"
    assert decode_svg(svg_of(person.locator("figure.pay-qr")), browser) == [payer_url.encode("ascii")]

    # The "phone": another browser opens the scanned URL and pays.
    phone = new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True).new_page()
    phone_problems = watch(phone)
    assert phone.goto(payer_url).status == 200
    checked(phone, "确认付款")
    expect(fact(phone.locator("dl.facts"), "交易号")).to_have_text(code)
    expect(fact(phone.locator("dl.facts"), "金额")).to_have_text("20.00元")
    expect(fact(phone.locator("dl.facts"), "交易状态")).to_have_text("待支付")
    phone.get_by_role("button", name="确认支付 20.00元").click()
    expect(phone.locator(".pay-sandbox-result")).to_have_text("支付成功")
    checked(phone, "确认付款")

    # The first page learns it by itself (no reload): 缴费成功 and the receipt link.
    expect(status).to_have_text("缴费成功", timeout=15_000)
    expect(person.locator("figure.pay-qr")).to_be_hidden()
    receipt_link = person.locator(".pay-done").get_by_role("link", name="查看电子票据")
    expect(receipt_link).to_be_visible()
    checked(person, "演示支付扫码缴费")
    receipt_link.click()
    checked(person, "非税收入电子票据")
    assert person.url.endswith(f"/pay/{code}/receipt"), person.url

    # The receipt's QR, read by zbar, is exactly its signed code (page text and API agree).
    receipt = person.locator("article.pay-receipt")
    expect(fact(receipt, "缴款码")).to_have_text(grouped(code))
    expect(fact(receipt, "缴费渠道")).to_have_text("演示支付")
    decoded = decode_svg(svg_of(receipt.locator("figure.pay-qr")), browser)
    assert len(decoded) == 1 and decoded[0].startswith(b"ZTR1:"), decoded
    receipt_code = decoded[0].decode("ascii")
    assert receipt.locator(".pay-receipt-code code").text_content().strip() == receipt_code
    record = person.request.get(f"/api/v1/payments/orders/{code}/receipt").json()
    assert record["signedCode"] == receipt_code
    signed_content(receipt_code)  # it unpacks: Base45, then zlib

    # 电子票据核验, in a browser that never signed in.
    visitor = new_context(viewport={"width": 1280, "height": 800}).new_page()
    visitor_problems = watch(visitor)
    result = verify_receipt(visitor, receipt_code)
    expect(result.locator("h2")).to_have_text("✔ 票据有效")
    expect(result.locator("p strong").first).to_have_text("签名有效，票据由本平台开具。")
    expect(fact(result, "票据号码")).to_have_text(record["receiptNumber"])
    expect(fact(result, "缴款码")).to_have_text(grouped(code))
    expect(fact(result, "缴款人")).to_have_text("张*")
    expect(fact(result, "执收单位")).to_have_text("市公安局")
    expect(fact(result, "缴费事项")).to_have_text(ITEM_NAME)
    expect(fact(result, "金额")).to_have_text("20.00元")
    expect(result.locator("p.hint code")).to_have_text("valid")
    expect(result.locator("p.hint")).to_contain_text("已核对平台开票记录。")

    # One character changed: the compressed bytes no longer unpack (checked here with zlib).
    broken = with_character_changed(receipt_code, len(receipt_code) // 2)
    assert broken != receipt_code and len(broken) == len(receipt_code)
    with pytest.raises(Exception):
        signed_content(broken)
    result = verify_receipt(visitor, broken)
    expect(result.locator("h2")).to_have_text("✘ 核验未通过")
    expect(result.locator("p strong").first).to_contain_text("二维码内容不完整或已损坏")
    expect(result.locator("p.hint code")).to_have_text("malformed")
    expect(fact(result, "缴款人")).to_have_count(0)
    # The signed content changed and packed again (换领 → 补领, same length): the signature fails.
    forged = with_content_changed(receipt_code, ITEM_NAME, "居民身份证补领")
    result = verify_receipt(visitor, forged)
    expect(result.locator("h2")).to_have_text("✘ 核验未通过")
    expect(result.locator("p strong").first).to_have_text("签名验证失败：票据二维码内容被篡改，或不是本平台开具的。")
    expect(result.locator("p.hint code")).to_have_text("bad-signature")
    expect(fact(result, "缴费事项")).to_have_count(0)  # nothing of a forged code is shown as fact

    # The pay step is done and the case waits at 审核制证.
    clerk.goto(case_url.replace("/me/cases/", "/staff/cases/"))
    checked(clerk, ITEM_NAME)
    expect(clerk.get_by_role("heading", name="当前环节：审核制证")).to_be_visible()
    expect(clerk.locator(".case-timeline")).to_contain_text("缴费成功")
    tasks = clerk.request.get(f"/api/v1/staff/cases/{case_id(case_url)}").json()["tasks"]
    assert {(t["stepId"], t["state"]) for t in tasks} >= {("pay", "done"), ("review", "open")}, tasks
    assert [t["stepId"] for t in tasks if t["state"] in ("open", "claimed")] == ["review"], tasks
    section = payments_section(person, case_url)
    expect(section.locator("tbody tr td").nth(2)).to_have_text("已缴费")
    expect(section.get_by_role("link", name="去缴费")).to_have_count(0)
    checked(person, ITEM_NAME)

    # The finance officer sees it paid, by 演示支付, with the sandbox's trade.
    finance = staff.page(new_context, "gaj-cw01", "/staff/payments?state=paid", "非税收入：缴款单")
    row = finance.locator("tbody tr", has=finance.locator(".pay-code", has_text=grouped(code)))
    expect(row).to_have_count(1)
    expect(row.locator("td").nth(4)).to_have_text("20.00元")
    expect(row.locator("td").nth(5)).to_have_text("已缴费")
    row.get_by_role("link", name=ITEM_NAME).click()
    checked(finance, f"缴款单：{ITEM_NAME}")
    facts = finance.locator("dl.facts")
    expect(fact(facts, "状态")).to_contain_text("已缴费")
    expect(fact(facts, "缴费渠道")).to_have_text("演示支付")
    expect(fact(facts, "实缴金额")).to_have_text("20.00元")
    trade = finance.locator("section[aria-labelledby=trades-title] tbody tr")
    expect(trade).to_have_count(1)
    expect(trade.locator("td").nth(1)).to_have_text(code)
    expect(trade.locator("td").nth(4)).to_have_text(f"SBX{code}")
    assert problems == [] and phone_problems == [] and visitor_problems == []


def test_a_wrong_check_digit_is_refused_in_chinese(page: Page):
    problems = watch(page)
    # A code of the server's layout (石家庄 130100, year 26, kind 1, ten digits): the right check digit
    # makes it well formed (merely unknown), one wrong digit makes it a typing error.
    body = "130100" + "26" + "1" + "0123456789"
    well_formed = body + check_digit(body)
    page.goto("/pay")
    checked(page, "缴费")
    page.get_by_label("缴款码").fill(grouped(wrong_check_digit(well_formed)))
    page.get_by_role("button", name="查询缴款单").click()
    page.wait_for_load_state("load")
    checked(page, "缴费")
    expect(page.locator("#form-error")).to_have_text(
        "缴款码有误：缴款码为20位数字，请核对后重新输入（最后一位是校验位）。")
    field = page.get_by_label("缴款码")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_value(wrong_check_digit(well_formed))

    # The same code with its right check digit passes the check and is simply not found.
    field.fill(grouped(well_formed))
    page.get_by_role("button", name="查询缴款单").click()
    page.wait_for_load_state("load")
    checked(page, "缴费")
    expect(page.locator("#form-error")).to_have_text("缴款单不存在：没有找到这个缴款单，或您无权查看。请核对缴款码。")
    assert problems == []
