"""工作人员登录 with a real TOTP code, then 工作台, 接入应用管理 and 组织机构, in Chromium.

Codes are computed from the demo secret by harness/staff_login.py (RFC 6238 with Python's hmac),
as an authenticator app would; every page is checked with `assert_accessible`.
"""

from __future__ import annotations

import base64

import pytest
from playwright.sync_api import expect

from a11y import assert_accessible
from harness.staff_login import DEMO_STAFF_PASSWORD, totp
from test_identity import checked, submit, watch

pytestmark = pytest.mark.browser


def test_rfc6238_vector():
    # RFC 6238 appendix B, SHA-1, T = 59 s, last six digits of 94287082.
    assert totp(base64.b32encode(b"12345678901234567890").decode(), at=59) == "287082"


def test_staff_sign_in_with_totp_and_use_the_admin_pages(new_context):
    context = new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    problems = watch(page)

    page.goto("/staff/login?next=/admin/oidc/clients")
    checked(page, "工作人员登录")
    page.get_by_label("工号").fill("admin")
    page.get_by_label("密码", exact=True).fill(DEMO_STAFF_PASSWORD)
    submit(page, "下一步", "/staff/login")
    checked(page, "动态口令验证")
    page.get_by_label("6 位动态口令").fill(totp("ADMINZTDEMO23456"))
    assert submit(page, "登录", "/staff/login/code").status == 303
    checked(page, "接入应用管理")
    expect(page.locator("table")).to_contain_text("政通演示小程序")
    cookie = next(c for c in context.cookies() if c["name"] == "zt_staff")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"

    page.goto("/admin")
    checked(page, "工作台")
    expect(page.get_by_role("link", name="组织机构与工作人员")).to_be_visible()
    page.get_by_role("link", name="组织机构与工作人员").click()
    checked(page, "组织机构与工作人员")
    expect(page.locator("table")).to_contain_text("就业促进科")

    page.goto("/admin/roles")
    checked(page, "角色管理")
    expect(page.locator("table")).to_contain_text("系统管理员")

    page.goto("/admin")
    submit(page, "退出工作人员登录", "/staff/logout")
    checked(page, "工作人员登录")
    assert page.request.get("/admin").status == 401
    assert problems == []
