"""Browser journeys through the portal, in Debian's Chromium against the real server binary.

Every page a journey visits goes through `visit`, which checks the HTTP status, runs the
accessibility checks of a11y.py in the same browser, and fails on script errors, CSP violations or
broken stylesheets and scripts.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, Response, expect

from a11y import assert_accessible

pytestmark = pytest.mark.browser

CJK = re.compile(r"[\u3400-\u9fff]")
PAGES_OF_A_VISIT = ["/", "/dev/messages", "/admin/jobs?state=succeeded", "/no/such/page"]

_problems: dict[Page, list[str]] = {}


def _watch(page: Page) -> list[str]:
    """Records script errors, console errors (CSP violations among them) and failed static files."""
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))

    def console(message) -> None:
        # The browser logs every 4xx/5xx document as "Failed to load resource"; statuses are asserted
        # by `visit` and sub-resources by `response` below.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.append(f"console error: {message.text}")

    def response(response: Response) -> None:
        if response.request.resource_type in ("stylesheet", "script", "image", "font") and response.status >= 400:
            problems.append(f"{response.request.resource_type} {response.url} answered {response.status}")

    page.on("console", console)
    page.on("response", response)
    return problems


def visit(page: Page, path: str, status: int = 200) -> Response:
    """Opens `path`, checks its status, its accessibility and that nothing broke while loading."""
    problems = _problems.setdefault(page, _watch(page))
    response = page.goto(path)
    assert response is not None, path
    assert response.status == status, f"{path}: HTTP {response.status}, expected {status}"
    check_page(page)
    assert not problems, f"{path}: " + "; ".join(problems)
    return response


def check_page(page: Page) -> None:
    """The checks for a page as it is now (also after it changed in place)."""
    page.wait_for_load_state("load")
    assert_accessible(page)


def font_size(page: Page, selector: str) -> float:
    return page.eval_on_selector(selector, "el => parseFloat(getComputedStyle(el).fontSize)")


def is_elderly(page: Page) -> bool:
    return page.evaluate("document.documentElement.classList.contains('elderly')")


def elderly_cookie(page: Page) -> str | None:
    values = [cookie["value"] for cookie in page.context.cookies() if cookie["name"] == "zt_elderly"]
    return values[-1] if values else None


# Draws characters with the font stack of an element on a canvas: a real CJK glyph has ink, is about
# one em wide, and differs from another character's glyph; missing glyphs all draw the same box.
GLYPHS = r"""
([selector, chars]) => {
  const family = getComputedStyle(document.querySelector(selector)).fontFamily;
  const size = 48;
  const draw = (ch) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 64;
    const g = canvas.getContext('2d');
    g.font = `${size}px ${family}`;
    g.textBaseline = 'top';
    g.fillStyle = '#000';
    g.fillText(ch, 4, 4);
    const data = g.getImageData(0, 0, 64, 64).data;
    let ink = 0, bits = '';
    for (let i = 3; i < data.length; i += 4) { if (data[i] > 127) ink++; bits += data[i] > 127 ? '1' : '0'; }
    return { ch, width: g.measureText(ch).width / size, ink, bits };
  };
  return { family, glyphs: chars.map(draw) };
}
"""


def test_home_page_is_in_chinese_and_renders_cjk_glyphs(page: Page):
    visit(page, "/")
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    title = page.title()
    site_name = title.rsplit(" - ", 1)[-1]
    assert title.startswith("首页 - ") and CJK.search(site_name), title
    expect(page.locator("h1")).to_have_text(site_name)
    expect(page.locator("#parts-title")).to_have_text("服务板块")
    cards = page.locator(".cards .card h3")
    expect(cards).to_have_text(["政务服务", "公共服务", "社会治理", "宏观决策"])
    visible = re.sub(r"\s+", "", page.locator("body").inner_text())
    cjk_share = len(CJK.findall(visible)) / len(visible)
    assert cjk_share > 0.6, f"only {cjk_share:.0%} of the visible text is Chinese"

    fonts = page.evaluate(GLYPHS, ["h1", ["政", "通", "办", "\U0010fffd"]])
    zheng, tong, ban, missing = fonts["glyphs"]
    for glyph in (zheng, tong, ban):
        assert glyph["ink"] > 50, f"{glyph['ch']} draws nothing with {fonts['family']}"
        assert glyph["width"] >= 0.9, f"{glyph['ch']} is {glyph['width']:.2f}em wide, not a full-width glyph"
        assert glyph["bits"] != missing["bits"], f"{glyph['ch']} draws the missing-glyph box ({fonts['family']})"
    assert len({zheng["bits"], tong["bits"], ban["bits"]}) == 3, f"CJK glyphs all look alike: no CJK font for {fonts['family']}"


def test_skip_link_moves_keyboard_focus_to_the_main_content(page: Page):
    visit(page, "/")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    assert page.url.endswith("#main")


def test_elderly_mode_switches_in_place_with_javascript_and_survives_reload(page: Page):
    visit(page, "/")
    toggle = page.locator("#elderly-toggle")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(toggle).to_have_text("长辈模式")
    assert not is_elderly(page)
    body_before, h1_before = font_size(page, "body"), font_size(page, "h1")

    page.evaluate("window.__sameDocument = true")
    toggle.click()
    expect(page.locator("html")).to_have_class(re.compile(r"\belderly\b"))
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(toggle).to_have_text("退出长辈模式")
    assert page.evaluate("window.__sameDocument === true"), "the switch reloaded the page instead of toggling in place"
    assert elderly_cookie(page) == "1"
    assert font_size(page, "body") > body_before * 1.2
    assert font_size(page, "h1") > h1_before * 1.2
    check_page(page)

    page.reload()
    assert is_elderly(page), "elderly mode lost on reload"
    expect(page.locator("#elderly-toggle")).to_have_attribute("aria-pressed", "true")
    assert font_size(page, "body") > body_before * 1.2
    check_page(page)

    visit(page, "/dev/messages")
    assert is_elderly(page), "elderly mode does not follow to the next page"

    page.locator("#elderly-toggle").click()
    expect(page.locator("html")).not_to_have_class(re.compile(r"\belderly\b"))
    expect(page.locator("#elderly-toggle")).to_have_attribute("aria-pressed", "false")
    assert elderly_cookie(page) == "0"
    page.reload()
    assert not is_elderly(page)
    assert font_size(page, "body") == body_before


def test_elderly_mode_works_without_javascript(new_context):
    page = new_context(java_script_enabled=False).new_page()
    visit(page, "/dev/messages")
    body_before = font_size(page, "body")

    def switch() -> None:
        with page.expect_request(lambda r: r.method == "GET" and r.redirected_from is not None) as followed:
            page.locator("#elderly-toggle").click()
        post = followed.value.redirected_from
        assert post.method == "POST" and post.url.endswith("/preferences/elderly")
        answer = post.response()
        assert answer.status == 303
        assert answer.headers["location"] == "/dev/messages", "the switch does not return to the page it was on"
        page.wait_for_url("**/dev/messages")
        page.wait_for_load_state("load")

    switch()
    assert is_elderly(page)
    expect(page.locator("#elderly-toggle")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#elderly-toggle")).to_have_text("退出长辈模式")
    assert elderly_cookie(page) == "1"
    assert font_size(page, "body") > body_before * 1.2
    check_page(page)

    switch()
    assert not is_elderly(page)
    expect(page.locator("#elderly-toggle")).to_have_attribute("aria-pressed", "false")
    assert elderly_cookie(page) == "0"


@pytest.mark.parametrize("elderly", [False, True], ids=["standard", "elderly"])
def test_phone_viewport_never_scrolls_sideways(new_context, server, elderly: bool):
    context = new_context(
        viewport={"width": 375, "height": 667}, device_scale_factor=2, is_mobile=True, has_touch=True,
        http_credentials={"username": "operator", "password": server.operator_token})
    if elderly:
        context.add_cookies([{"name": "zt_elderly", "value": "1", "url": server.url}])
    page = context.new_page()
    for path in PAGES_OF_A_VISIT:
        visit(page, path, status=404 if path.startswith("/no/") else 200)
        assert is_elderly(page) == elderly
        width = page.evaluate("""() => {
          const root = document.documentElement;
          const wide = [...document.body.querySelectorAll('*')]
            .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
            .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
          return { scroll: root.scrollWidth, client: root.clientWidth, wide: wide.slice(0, 8) };
        }""")
        assert width["client"] == 375
        assert width["scroll"] <= width["client"], f"{path} scrolls sideways on a phone: {width}"


def test_unknown_page_shows_the_chinese_not_found_page(page: Page):
    visit(page, "/no/such/page", status=404)
    expect(page.locator("h1")).to_have_text("页面不存在")
    assert "页面不存在" in page.title()
    home = page.get_by_role("link", name="返回首页")
    expect(home).to_have_attribute("href", "/")
    expect(page.locator("main")).to_contain_text("12345")
    home.click()
    page.wait_for_url(re.compile(r"/$"))
    expect(page.locator("#parts-title")).to_have_text("服务板块")


def test_development_inbox_lists_demo_messages_with_masked_phone(page: Page):
    visit(page, "/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="开发收件箱").click()
    page.wait_for_url("**/dev/messages")
    check_page(page)
    expect(page.locator("h1")).to_have_text("开发收件箱")
    messages = page.locator("ol.messages > li.message")
    expect(messages).to_have_count(2)
    sms = messages.filter(has_text="验证码")
    expect(sms).to_contain_text("短信")
    expect(sms).to_contain_text("收件人 138****0000")
    expect(sms.locator("strong")).to_have_text("紧急")
    expect(messages.filter(has_text="欢迎使用政通")).to_contain_text("站内信")
    assert "13800000000" not in page.content(), "the full phone number is on the page"


def test_operator_jobs_page_needs_credentials_and_lists_jobs(new_context, server):
    # Without (or with wrong) credentials the browser would show its own login prompt; ask directly.
    anonymous = new_context().request.get("/admin/jobs")
    assert anonymous.status == 401
    assert anonymous.headers["www-authenticate"].startswith("Basic ")
    assert "运维令牌" in anonymous.text()
    wrong = new_context().request.get("/admin/jobs", headers={"Authorization": "Basic b3BlcmF0b3I6bm90LWl0"})
    assert wrong.status == 401

    page = new_context(http_credentials={"username": "operator", "password": server.operator_token}).new_page()
    visit(page, "/admin/jobs")
    expect(page.locator("h1")).to_have_text("后台任务")
    filters = page.get_by_role("navigation", name="任务状态筛选").get_by_role("link")
    expect(filters).to_have_count(4)
    expect(page.locator(".filters a[aria-current=page]")).to_have_text(re.compile(r"^死信（\d+）$"))

    # The demo seed sends two messages; their delivery jobs finish moments after start.
    page.locator(".filters a", has_text="已完成").click()
    page.wait_for_url("**/admin/jobs?state=succeeded")
    for _ in range(50):
        if page.locator("tbody tr").count() >= 2:
            break
        page.wait_for_timeout(200)
        page.reload()
    check_page(page)
    expect(page.locator("table caption")).to_have_text("已完成的任务（最近 100 条）")
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first.locator("td").nth(1)).to_have_text("已完成")
    expect(page.locator(".filters a[aria-current=page]")).to_have_text("已完成（2）")
