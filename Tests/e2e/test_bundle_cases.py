"""A 一件事 application in Chromium: 企业开办一件事 from the one form to the last department's 办结.

The demo citizen fills the bundle's one form, uploads each material once and submits all five
items together; the bundle page then lists five cases, each with its own number. 营业执照 is asked
for by four of the items: it is uploaded once and must reach exactly those four, as the same
stored file. The demo organisation has case staff only in 市市场监督管理局, so the system
administrator first opens an account in each other department (窗口人员 + 审批人员, own department)
on /admin/staff, and each new clerk enrols TOTP at the first login, as a real one would. Every
department then accepts and decides its own part on the workbench pages. The bundle stays 办理中
while any part is open and shows 已办结 only once the last part has concluded. Every page is
checked with `assert_accessible`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from harness.staff_login import DEMO_STAFF_PASSWORD, totp
from test_cases import DEMO_PHONE, NUMBER, SECRETS, checked, citizen, decide
from test_identity import submit, watch

pytestmark = pytest.mark.browser

BUNDLE = "business-start"
BUNDLE_NAME = "企业开办一件事"
LICENCE_ITEM = "营业执照设立登记（企业设立登记）"
ADMIN_SECRET = "ADMINZTDEMO23456"
# The accounts the administrator opens: username, name, phone, department, the item it handles.
NEW_STAFF = [
    ("gaj-ba01", "郭建华", "13900002001", "市公安局", "印章刻制备案"),
    ("swj-fp01", "孙海燕", "13900002002", "国家税务总局石家庄市税务局", "发票申领"),
    ("rsj-sb01", "何振国", "13900002003", "市人力资源和社会保障局", "社会保险登记（单位）"),
    ("gjj-jc01", "罗晓梅", "13900002004", "石家庄住房公积金管理中心", "住房公积金缴存登记（单位）"),
]
STEPS = ("初审", "审批决定", "办结")  # the default process after 受理 (Sources/Cases/Resources/processes)


@pytest.fixture(scope="module")
def server():
    """A server of its own: the staff accounts opened here must not show up in other modules."""
    from harness.server import running_server

    yield from running_server()


def material(tmp_path: Path, name: str) -> Path:
    """A small PDF whose bytes differ per material, so each upload is its own stored file."""
    path = tmp_path / f"{hashlib.sha1(name.encode()).hexdigest()[:8]}.pdf"
    path.write_bytes(b"%PDF-1.4\n% " + name.encode() + b"\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    return path


def sign_in(new_context, username: str, secret: str | None = None) -> Page:
    """Staff member `username` signed in with password and TOTP, on the workbench. Without a
    secret the account is new: it enrols with the secret the code page shows this once."""
    page = new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.goto("/staff/login")
    checked(page, "工作人员登录")
    page.get_by_label("工号").fill(username)
    page.get_by_label("密码", exact=True).fill(DEMO_STAFF_PASSWORD)
    submit(page, "下一步", "/staff/login")
    checked(page, "动态口令验证")
    if secret is None:
        secret = page.locator(".notice code").first.inner_text()
    page.get_by_label("6 位动态口令").fill(totp(secret))
    assert submit(page, "登录", "/staff/login/code").status == 303, f"{username} could not log in"
    page.goto("/staff/cases")
    checked(page, "办件工作台")
    return page


def choose(page: Page, select: str, text: str) -> None:
    """Selects the one option of `select` whose label contains `text`: department labels are
    indented and staff labels carry a masked name before the username."""
    option = page.locator(f"{select} option").filter(has_text=text)
    expect(option).to_have_count(1)
    page.locator(select).select_option(option.get_attribute("value"))


def open_accounts(admin: Page) -> None:
    """The system administrator opens NEW_STAFF with intake and approval in their own department."""
    admin.goto("/admin/staff")
    checked(admin, "组织机构与工作人员")
    for username, name, phone, department, _ in NEW_STAFF:
        admin.get_by_label("工号").fill(username)
        admin.get_by_label("姓名").fill(name)
        admin.get_by_label("手机号").fill(phone)
        choose(admin, "#new-department", department)
        admin.get_by_label("初始密码").fill(DEMO_STAFF_PASSWORD)
        assert submit(admin, "创建", "/admin/staff").status == 200
        expect(admin.locator(".form-notice")).to_contain_text(f"已创建工作人员 {username}")
        for role in ("counter-clerk", "approver"):
            choose(admin, "#assign-staff", f"（{username}）")
            admin.locator("#assign-role").select_option(role)
            admin.locator("#assign-scope").select_option("department")
            assert submit(admin, "分配", "/admin/staff/roles").status == 200
            expect(admin.locator(".form-notice")).to_have_text("已分配角色。")
    checked(admin, "组织机构与工作人员")


def apply(person: Page, tmp_path: Path) -> tuple[str, dict[str, list[str]], dict[str, Path]]:
    """Fills the one form, uploads every material the bundle page offers once, submits all parts.

    Returns the bundle page's URL, the items each material is used by, and the file of each."""
    person.goto(f"/cases/bundles/{BUNDLE}/apply")
    checked(person, f"网上申请：{BUNDLE_NAME}")
    expect(person.locator(".facts li")).to_have_count(5)
    person.get_by_label("申请人姓名").fill("张三")
    person.get_by_label("联系电话").fill(DEMO_PHONE)
    assert submit(person, "保存，下一步上传材料", f"/cases/bundles/{BUNDLE}/apply").status == 303
    checked(person, BUNDLE_NAME)
    bundle_url = person.url.split("?")[0]
    expect(person.locator(".bundle-state")).to_have_text("草稿")
    expect(person.locator(".bundle-part")).to_have_count(5)

    slots = person.locator(".case-slots > li")
    names = [slot.locator("strong").first.inner_text() for slot in slots.all()]
    assert len(names) == len(set(names)), f"a material is offered twice: {names}"
    used_by = {name: slots.nth(index).locator(".hint").first.inner_text().removeprefix("用于：").split("、")
               for index, name in enumerate(names)}
    files = {}
    for index, name in enumerate(names):
        files[name] = material(tmp_path, name)
        slot = slots.nth(index)
        expect(slot.locator("strong").first).to_have_text(name)
        slot.get_by_label(f"选择文件：{name}", exact=True).set_input_files(str(files[name]))
        with person.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/materials")) as posted:
            slot.get_by_role("button", name="上传").click()
        person.wait_for_load_state("load")
        assert posted.value.status == 303
        expect(person.locator(".form-notice")).to_have_text("材料已上传，并已提供给需要它的各个事项。")
        expect(slots.nth(index).locator(".hall-badge", has_text="已上传")).to_have_count(1)

    assert submit(person, "一并提交全部事项", "/submit").status == 303
    checked(person, BUNDLE_NAME)
    return bundle_url, used_by, files


def parts(person: Page, bundle_url: str) -> dict[str, dict[str, str]]:
    """The bundle page's parts by item: the citizen's case page, department, number and state."""
    person.goto(bundle_url)
    checked(person, BUNDLE_NAME)
    found = {}
    for row in person.locator(".bundle-part").all():
        link = row.get_by_role("link")
        found[link.inner_text()] = {
            "url": link.get_attribute("href"), "department": row.locator("td").nth(1).inner_text(),
            "number": row.locator(".case-number").inner_text(), "state": row.locator("td").nth(3).inner_text()}
    return found


def handle(intake: Page, handler: Page, item: str, part: dict[str, str]) -> None:
    """The department takes the part from its queue, accepts it and decides every step."""
    intake.goto("/staff/cases")
    checked(intake, "办件工作台")
    intake.locator("section[aria-labelledby=queue-title]").get_by_role("link", name=item, exact=True).click()
    checked(intake, item)
    expect(intake.locator(".case-number")).to_have_text(part["number"])
    assert submit(intake, "受理", "/accept").status == 303
    expect(intake.locator(".case-state")).to_have_text("办理中")
    for step in STEPS:
        decide(handler, part["url"], step)
    expect(handler.locator(".case-state")).to_have_text("已办结")


def test_bundle_is_applied_once_and_concludes_with_its_last_part(new_context, tmp_path):
    person = citizen(new_context)
    problems = watch(person)
    bundle_url, used_by, files = apply(person, tmp_path)

    expect(person.locator(".bundle-state")).to_have_text("办理中")
    submitted = parts(person, bundle_url)
    assert len(submitted) == 5
    numbers = [part["number"] for part in submitted.values()]
    assert all(NUMBER.fullmatch(number) for number in numbers), numbers
    assert len(set(numbers)) == 5, f"parts share a case number: {numbers}"
    assert all(part["state"] == "待受理" for part in submitted.values()), submitted
    assert submitted[LICENCE_ITEM]["department"] == "市市场监督管理局"
    assert all(submitted[item]["department"] == department for _, _, _, department, item in NEW_STAFF), submitted

    # 营业执照 was uploaded once; every item that asks for it holds that very file, the licence
    # item itself (which issues it) does not.
    assert sorted(used_by["营业执照"]) == sorted(item for _, _, _, _, item in NEW_STAFF)
    for name, items in used_by.items():
        digest = hashlib.sha256(files[name].read_bytes()).hexdigest()
        for item in items:
            person.goto(submitted[item]["url"])
            checked(person, item)
            received = person.locator("section[aria-labelledby=received-title] li").filter(has_text=f"{name}：")
            expect(received).to_have_count(1)
            assert received.get_by_role("link").get_attribute("href").endswith(f"/materials/{digest}"), (name, item)
    person.goto(submitted[LICENCE_ITEM]["url"])
    expect(person.locator("section[aria-labelledby=received-title]")).not_to_contain_text("营业执照：")

    admin = sign_in(new_context, "admin", ADMIN_SECRET)
    open_accounts(admin)
    departments = [(LICENCE_ITEM, sign_in(new_context, "scj-sl01", SECRETS["scj-sl01"]),
                    sign_in(new_context, "scj-sp01", SECRETS["scj-sp01"]))]
    for username, _, _, _, item in NEW_STAFF:
        clerk = sign_in(new_context, username)
        departments.append((item, clerk, clerk))

    for done, (item, intake, handler) in enumerate(departments, start=1):
        handle(intake, handler, item, submitted[item])
        now = parts(person, bundle_url)
        assert {i for i, part in now.items() if part["state"] == "已办结"} == {i for i, _, _ in departments[:done]}
        if done < len(departments):
            expect(person.locator(".bundle-state")).to_have_text("办理中")
            expect(person.locator(".facts")).not_to_contain_text("办结时间")
    expect(person.locator(".bundle-state")).to_have_text("已办结")
    expect(person.locator(".facts")).to_contain_text("办结时间")
    assert problems == []
