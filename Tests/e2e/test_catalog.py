"""Browser journeys through the service hall (网上办事大厅) over the demo catalog.

Search a license and open its guide; open the 新生儿出生一件事 bundle and check the merged
materials and the single fee total; on a phone, find the nearest service location with the
browser's geolocation. Every page goes through test_portal.visit: status, accessibility, no script
errors or CSP violations.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from test_portal import check_page, visit

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def assert_fits(page: Page) -> None:
    """Nothing sticks out sideways on a phone."""
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url}: the page is {overflow}px wider than the screen"


def test_search_a_license_and_open_its_guide(page: Page):
    visit(page, "/services")
    page.get_by_label("搜索办事事项").fill("营业执照")
    page.get_by_role("button", name="搜索").click()
    page.wait_for_url(re.compile(r"/services/search\?"))
    check_page(page)
    expect(page.locator(".hall-total")).not_to_have_text("0")
    link = page.locator(".hall-item h3 a", has_text="营业执照设立登记").first
    expect(link.locator("mark").first).to_be_visible()
    link.click()
    page.wait_for_url(re.compile(r"/services/items/[0-9A-Z]{33}$"))
    check_page(page)
    expect(page.locator("h1")).to_have_text(re.compile(r"^营业执照设立登记"))
    for heading in ["基本信息", "申请材料", "收费标准", "办理流程", "办理结果", "办理地点"]:
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    # The print button only appears with the script that prints.
    expect(page.get_by_role("button", name="打印办事指南")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-nav")).to_be_hidden()
    page.emulate_media(media="screen")


def test_guide_situation_narrows_materials_without_reload(page: Page):
    visit(page, "/services/browse")
    page.locator(".hall-item a").first.click()
    check_page(page)
    selects = page.locator("select[data-situation]")
    if selects.count() == 0:
        pytest.skip("the first demo item has no situations")
    rows = page.locator(".hall-materials tbody tr:visible")
    before = rows.count()
    option = selects.first.locator("option").nth(1).get_attribute("value")
    selects.first.select_option(option)
    after = page.locator(".hall-materials tbody tr:visible").count()
    assert after <= before
    for row in page.locator(".hall-materials tbody tr:visible").all():
        codes = (row.get_attribute("data-situations") or "").split()
        assert not codes or option in codes


def test_newborn_bundle_merges_materials_and_totals_fees(page: Page):
    visit(page, "/services/bundles")
    page.get_by_role("link", name="新生儿出生一件事").click()
    check_page(page)
    expect(page.locator("h1")).to_have_text("新生儿出生一件事")
    names = [cell.inner_text().replace("免提交", "").strip()
             for cell in page.locator("tr.hall-material td:first-child").all()]
    assert names, "the bundle lists its materials"
    assert len(names) == len(set(names)), f"materials repeat: {names}"
    used_by = page.locator("tr.hall-material td:last-child").all_inner_texts()
    assert all(text.startswith("用于：") for text in used_by)
    assert any("、" in text for text in used_by), "at least one material serves several items"
    expect(page.locator(".hall-fee-total")).to_have_count(1)
    expect(page.locator(".hall-fee-total")).to_have_text(re.compile(r"^(不收费|[\d,]+\.\d\d元)$"))
    items = page.locator("#items-title + ol a")
    assert items.count() >= 2
    items.first.click()
    check_page(page)
    assert "/services/items/" in page.url


def test_nearest_location_first_on_a_phone(new_context):
    context = new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, geolocation={"latitude": 38.0425, "longitude": 114.5143},
        permissions=["geolocation"])
    page = context.new_page()
    visit(page, "/services/nearby")
    assert_fits(page)
    page.get_by_role("button", name="使用我的位置").click()
    page.wait_for_url(re.compile(r"lat=38\.04"))
    check_page(page)
    assert_fits(page)
    places = page.locator("li.hall-place")
    assert places.count() >= 2
    distances = [int(value) for value in
                 page.locator("li.hall-place").evaluate_all("els => els.map(e => e.dataset.metres)")]
    assert distances == sorted(distances), f"not nearest first: {distances}"
    expect(places.first.locator(".hall-distance")).to_have_text(re.compile(r"^\d+(\.\d)?(米|公里)$"))


def test_hall_pages_fit_a_phone_without_javascript(new_context, server):
    context = new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    paths = ["/services", "/services/bundles", "/services/bundles/newborn", "/services/browse", "/services/nearby",
             "/services/search?q=%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7"]
    for path in paths:
        visit(page, path)
        assert_fits(page)
    # Elderly mode (larger type) must fit too.
    context.add_cookies([{"name": "zt_elderly", "value": "1", "url": server.url}])
    for path in paths:
        visit(page, path)
        assert page.evaluate("document.documentElement.classList.contains('elderly')")
        assert_fits(page)
    visit(page, "/services/nearby")
    # Without a script the district select still works.
    page.get_by_label("或按区县查看").select_option(index=1)
    page.get_by_role("button", name="查看").click()
    check_page(page)
    assert page.locator("li.hall-place").count() >= 1
