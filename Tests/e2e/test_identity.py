"""Browser journeys through 注册, 登录, 个人中心 and logging out, in Debian's Chromium.

Every browser request comes from 127.0.0.1, so five wrong passwords lock that address for every
account: this module gets its own server (overriding the session-wide `server` fixture), and the
lockout journey gets yet another, so no lock leaks into other tests or other modules.
Every page a journey visits is checked with `assert_accessible`.
"""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import BrowserContext, Page, Response, expect

from a11y import assert_accessible

pytestmark = pytest.mark.browser

DEMO_PHONE = "13800000000"
DEMO_ID = "130102199003071233"
DEMO_PASSWORD = "政通演示2026"
# 李四: a valid 身份证号 ending in X, typed lower-case as people do.
LI = {"name": "李四", "idNumber": "13010219900307125x", "phone": "13912345678", "password": "桥西区办事2026"}
PHONE = {"viewport": {"width": 375, "height": 667}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def _fresh_server():
    from harness.server import make_server

    instance = make_server()
    instance.start()
    return instance


@pytest.fixture(scope="module")
def server():
    """A server of this module's own: registrations and throttling state stay here."""
    instance = _fresh_server()
    yield instance
    instance.stop()
    shutil.rmtree(instance.data_dir, ignore_errors=True)


@pytest.fixture
def lockable(browser):
    """A throw-away server and a context on it, for the journey that locks 127.0.0.1 out."""
    instance = _fresh_server()
    context = browser.new_context(base_url=instance.url, locale="zh-CN", viewport={"width": 1280, "height": 800})
    context.set_default_timeout(10_000)
    yield context
    context.close()
    instance.stop()
    shutil.rmtree(instance.data_dir, ignore_errors=True)


def watch(page: Page) -> list[str]:
    """Collects script errors and console errors (CSP violations among them) of `page`."""
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    # Chromium logs every 4xx document as "Failed to load resource"; statuses are asserted instead.
    page.on(
        "console",
        lambda m: problems.append(f"console: {m.text}")
        if m.type == "error" and not m.text.startswith("Failed to load resource")
        else None,
    )
    return problems


def checked(page: Page, heading: str) -> None:
    """The page shows `heading` as its one <h1> and passes the accessibility checks."""
    page.wait_for_load_state("load")
    expect(page.locator("h1")).to_have_text(heading)
    assert_accessible(page)


def visit(page: Page, path: str, heading: str) -> None:
    response = page.goto(path)
    assert response is not None and response.status == 200, f"{path}: {response and response.status}"
    checked(page, heading)


def submit(page: Page, button: str, path: str) -> Response:
    """Clicks the submit button named `button` and returns the response to the form's POST to `path`."""
    with page.expect_response(lambda r: r.request.method == "POST" and r.url.endswith(path)) as posted:
        page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state("load")
    return posted.value


def log_in(page: Page, identifier: str, password: str) -> Response:
    page.get_by_label("手机号或身份证号").fill(identifier)
    page.get_by_label("密码", exact=True).fill(password)
    return submit(page, "登录", "/login")


def register(page: Page, person: dict[str, str]) -> Response:
    visit(page, "/register", "注册个人账号")
    page.get_by_label("姓名").fill(person["name"])
    page.get_by_label("身份证号").fill(person["idNumber"])
    page.get_by_label("手机号").fill(person["phone"])
    page.get_by_label("密码", exact=True).fill(person["password"])
    return submit(page, "注册并登录", "/register")


def session_cookie(context: BrowserContext) -> dict | None:
    return next((c for c in context.cookies() if c["name"] == "zt_session"), None)


def test_register_log_out_log_in_and_log_out_everywhere(new_context):
    context = new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    problems = watch(page)

    assert register(page, LI).status == 303
    expect(page).to_have_url(re.compile(r"/me$"))
    checked(page, "个人中心")
    expect(page.locator(".facts")).to_contain_text("139****5678")
    expect(page.locator(".facts")).to_contain_text("130***********125X")
    assert LI["phone"] not in page.content()
    cookie = session_cookie(context)
    assert cookie and cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Lax"

    submit(page, "退出登录", "/logout")
    expect(page).to_have_url(re.compile(r"/$"))
    assert_accessible(page)
    assert session_cookie(context) is None
    expect(page.get_by_role("link", name="登录", exact=True)).to_be_visible()

    page.get_by_role("link", name="登录", exact=True).click()
    checked(page, "登录")
    assert log_in(page, LI["phone"], LI["password"]).status == 303
    checked(page, "个人中心")

    # A second device signs in; both are listed, this one marked as current.
    other = new_context(viewport={"width": 1280, "height": 800}, user_agent="Mozilla/5.0 (iPhone) Safari/604.1")
    phone = other.new_page()
    visit(phone, "/login?next=/me", "登录")
    log_in(phone, LI["idNumber"], LI["password"])
    expect(phone).to_have_url(re.compile(r"/me$"))
    page.reload()
    checked(page, "个人中心")
    expect(page.locator(".sessions li")).to_have_count(2)
    expect(page.locator(".sessions li", has_text="当前设备")).to_have_count(1)
    expect(page.locator(".sessions")).to_contain_text("iPhone")

    submit(page, "退出所有设备", "/me/logout-everywhere")
    expect(page).to_have_url(re.compile(r"/login$"))
    checked(page, "登录")
    phone.goto("/me")
    expect(phone).to_have_url(re.compile(r"/login\?next=/me$"))
    checked(phone, "登录")
    assert not problems, problems


def test_demo_citizen_logs_in_with_the_id_number(new_context):
    page = new_context(viewport={"width": 1280, "height": 800}).new_page()
    problems = watch(page)
    page.goto("/me")
    expect(page).to_have_url(re.compile(r"/login\?next=/me$"))
    checked(page, "登录")

    assert log_in(page, DEMO_ID, DEMO_PASSWORD).status == 303

    expect(page).to_have_url(re.compile(r"/me$"))
    checked(page, "个人中心")
    facts = page.locator(".facts")
    expect(facts).to_contain_text("张*")
    expect(facts).to_contain_text("138****0000")
    expect(facts).to_contain_text("L1 自主声明")
    assert DEMO_PHONE not in page.content() and DEMO_ID not in page.content()

    # 实名认证: the demo citizen is in the demo population registry, so L1 rises to L2.
    assert submit(page, "通过人口库比对提升到 L2", "/me/real-name/registry").status == 303
    expect(page).to_have_url(re.compile(r"/me\?raised=2$"))
    checked(page, "个人中心")
    expect(page.get_by_role("status")).to_contain_text("实名等级已提升到 L2")
    expect(page.locator(".facts")).to_contain_text("L2 人口库比对")
    expect(page.locator(".history")).to_contain_text("人口库比对")
    expect(page.get_by_role("button", name="通过人口库比对提升到 L2")).to_have_count(0)
    assert not problems, problems


def test_repeated_wrong_passwords_lock_with_a_chinese_message(lockable):
    page = lockable.new_page()
    problems = watch(page)
    visit(page, "/login", "登录")
    for attempt in range(1, 6):
        response = log_in(page, DEMO_PHONE, f"wrong-password-{attempt}")
        assert response.status == 401, f"attempt {attempt}"
        expect(page.get_by_role("alert")).to_contain_text("账号或密码错误")
        if attempt == 1:
            checked(page, "登录")
        expect(page.get_by_label("手机号或身份证号")).to_have_value(DEMO_PHONE)

    response = log_in(page, DEMO_PHONE, DEMO_PASSWORD)

    assert response.status == 429
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("登录尝试过多")
    expect(alert).to_contain_text(re.compile(r"请 \d+ 分钟后再试"))
    checked(page, "登录")
    assert session_cookie(lockable) is None
    assert not problems, problems


@pytest.mark.parametrize("elderly", [False, True], ids=["standard", "elderly"])
def test_identity_pages_fit_a_phone(new_context, server, elderly: bool):
    context = new_context(**PHONE)
    if elderly:
        context.add_cookies([{"name": "zt_elderly", "value": "1", "url": server.url}])
    page = context.new_page()
    problems = watch(page)
    visit(page, "/login", "登录")
    log_in(page, DEMO_PHONE, DEMO_PASSWORD)
    expect(page).to_have_url(re.compile(r"/me$"))
    # /register with the error box shown too: the longest text the form can show.
    for path, heading in [("/login", "登录"), ("/register", "注册个人账号"), ("/me", "个人中心")]:
        visit(page, path, heading)
        if path == "/register":
            page.get_by_label("姓名").fill("张三")
            page.get_by_label("身份证号").fill(DEMO_ID)
            page.get_by_label("手机号").fill(DEMO_PHONE)
            page.get_by_label("密码", exact=True).fill("another-Pass-2026")
            assert submit(page, "注册并登录", "/register").status == 409
            checked(page, heading)
        assert page.evaluate("document.documentElement.classList.contains('elderly')") == elderly
        width = page.evaluate(
            """() => {
              const root = document.documentElement;
              const wide = [...document.body.querySelectorAll('*')]
                .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
                .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
              return { scroll: root.scrollWidth, client: root.clientWidth, wide: wide.slice(0, 8) };
            }"""
        )
        assert width["client"] == 375
        assert width["scroll"] <= width["client"], f"{path} scrolls sideways on a phone: {width}"
    assert not problems, problems


def test_sms_code_login_reads_the_code_from_the_development_inbox(new_context):
    page = new_context(viewport={"width": 1280, "height": 800}).new_page()
    problems = watch(page)
    visit(page, "/login", "登录")
    page.get_by_label("手机号", exact=True).fill(DEMO_PHONE)
    assert submit(page, "获取验证码", "/login/code").status == 200
    checked(page, "短信验证码登录")
    expect(page.get_by_role("status")).to_contain_text("验证码已发送")

    # The demo's SMS channel sends nothing; the development inbox shows the message instead.
    inbox = page.context.new_page()
    inbox.goto("/dev/messages")
    newest = inbox.locator(".message").first
    expect(newest).to_contain_text("您的验证码是")
    code = re.search(r"验证码是(\d{6})", newest.inner_text()).group(1)
    inbox.close()

    page.get_by_label("6 位验证码").fill(code)
    assert submit(page, "登录", "/login/code/verify").status == 303
    expect(page).to_have_url(re.compile(r"/me$"))
    checked(page, "个人中心")
    assert not problems, problems
