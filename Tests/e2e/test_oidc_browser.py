"""The single sign-on pages as a person meets them in Chromium: 登录 from an application, 授权确认,
the authorisation listed and withdrawn in 个人中心, and RP-initiated logout. Every page is checked
with `assert_accessible`. The protocol itself is proven with authlib in test_oidc.py.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
import requests
from playwright.sync_api import expect

from a11y import assert_accessible
from test_identity import DEMO_PASSWORD, DEMO_PHONE, checked, log_in, submit, watch

pytestmark = pytest.mark.browser
APP = "http://127.0.0.1:9"


def test_sign_in_to_an_application_consent_withdraw_and_log_out(server, new_context):
    created = requests.post(
        server.url + "/api/v1/admin/oidc/clients", timeout=10,
        headers={"Authorization": "Bearer " + server.operator_token},
        json={"name": "演示市公积金小程序", "kind": "public", "redirectURIs": [APP + "/callback"],
              "postLogoutRedirectURIs": [APP + "/bye"], "scopes": ["openid", "profile", "realname"],
              "grantTypes": ["authorization_code", "refresh_token"]}).json()
    client_id = created["client"]["id"]
    context = new_context(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    # The application's own pages are not part of this server: answer them here.
    context.route(APP + "/**", lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8",
        body="<!doctype html><html lang='zh-CN'><title>应用</title><h1>应用回调</h1></html>"))
    page = context.new_page()
    problems = watch(page)
    query = {"response_type": "code", "client_id": client_id, "redirect_uri": APP + "/callback",
             "scope": "openid profile realname", "state": "st-9", "code_challenge": "7w_YNF9DSfIdPf_pRjSq646_kPr-2-o9NAl16JGghdM",
             "code_challenge_method": "S256"}

    page.goto("/oidc/authorize?" + urlencode(query))
    checked(page, "登录")
    assert log_in(page, DEMO_PHONE, DEMO_PASSWORD).status == 303
    checked(page, "授权确认")
    expect(page.locator(".scope-list")).to_contain_text("您的姓名")
    expect(page.get_by_text("演示市公积金小程序")).to_be_visible()
    with page.expect_request(lambda r: r.url.startswith(APP + "/callback")) as callback:
        page.get_by_role("button", name="同意并继续").click()
    answer = parse_qs(urlparse(callback.value.url).query)
    assert answer["state"] == ["st-9"] and len(answer["code"][0]) == 43
    # The browser really arrives: the consent page's policy lets the form lead back to the application.
    expect(page.locator("h1")).to_have_text("应用回调")

    page.goto("/me")
    checked(page, "个人中心")
    expect(page.locator("#authorisations")).to_contain_text("演示市公积金小程序")
    submit(page, "取消对 演示市公积金小程序 的授权", "/me/authorisations/revoke")
    expect(page.locator(".form-notice")).to_contain_text("已取消授权")
    expect(page.locator("#authorisations")).not_to_contain_text("演示市公积金小程序")
    assert_accessible(page)

    page.goto("/oidc/logout?" + urlencode({"client_id": client_id, "post_logout_redirect_uri": APP + "/bye",
                                            "state": "bye"}))
    checked(page, "退出登录")
    with page.expect_request(lambda r: r.url.startswith(APP + "/bye")) as bye:
        page.get_by_role("button", name="确认退出").click()
    assert bye.value.url == APP + "/bye?state=bye"
    expect(page.locator("h1")).to_have_text("应用回调")
    page.goto("/me")
    expect(page).to_have_url(re.compile(r"/login\?next=/me$"))
    assert problems == []
