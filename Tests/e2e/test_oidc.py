"""The OIDC provider as a real relying party meets it: authlib (pip) against a running server.

The relying party is authlib's requests client; the person's browser is a requests session that
logs in and answers the consent page through the real forms (CSRF token and all). The ID token is
validated with authlib.jose against the published JWKS, never with our own code.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import secrets
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
import requests
from authlib.integrations.requests_client import OAuth2Session
from authlib.integrations.base_client.errors import OAuthError
from authlib.jose import JsonWebKey, JsonWebToken
from authlib.oauth2.rfc7636 import create_s256_code_challenge

DEMO_PHONE = "13800000000"
DEMO_ID = "130102199003071233"
DEMO_PASSWORD = "政通演示2026"
REDIRECT = "http://127.0.0.1:9/callback"
LOGGED_OUT = "http://127.0.0.1:9/bye"


@pytest.fixture(scope="module")
def server():
    from harness.server import running_server

    # Plain HTTP on 127.0.0.1: requests, unlike Chromium, keeps Secure cookies to itself over http.
    yield from running_server(extra_env={"ZT_COOKIE_SECURE": "false"})


@pytest.fixture(scope="module")
def metadata(server):
    document = requests.get(server.url + "/.well-known/openid-configuration", timeout=10).json()
    assert document["issuer"] == server.url
    assert document["code_challenge_methods_supported"] == ["S256"]
    return document


def register(server, **fields) -> dict:
    body = {"name": "authlib 测试应用", "kind": "confidential", "redirectURIs": [REDIRECT],
            "postLogoutRedirectURIs": [LOGGED_OUT], "scopes": ["openid", "profile", "phone", "idcard", "realname"],
            "grantTypes": ["authorization_code", "refresh_token"]}
    body.update(fields)
    response = requests.post(server.url + "/api/v1/admin/oidc/clients", json=body, timeout=10,
                             headers={"Authorization": "Bearer " + server.operator_token})
    assert response.status_code == 201, response.text
    return response.json()


def hidden_fields(page: str) -> dict[str, str]:
    return {html.unescape(name): html.unescape(value)
            for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page)}


def browser_login(server) -> requests.Session:
    """A browser that has logged in as the demo citizen through the real login form."""
    browser = requests.Session()
    page = browser.get(server.url + "/login", timeout=10).text
    fields = hidden_fields(page)
    response = browser.post(server.url + "/login", timeout=30, allow_redirects=False,
                            data={**fields, "identifier": DEMO_PHONE, "password": DEMO_PASSWORD})
    assert response.status_code == 303, response.text
    return browser


def consent(server, browser: requests.Session, authorization_url: str, expect_page: bool = True) -> str:
    """Follows the authorization URL in the browser, agrees on the consent page, returns the redirect."""
    response = browser.get(authorization_url, allow_redirects=False, timeout=10)
    if response.status_code == 200:
        assert "授权确认" in response.text
        response = browser.post(server.url + "/oidc/authorize", allow_redirects=False, timeout=10,
                                data={**hidden_fields(response.text), "decision": "allow"})
    else:
        assert not expect_page, response.text
    assert response.status_code in (302, 303), response.text
    location = response.headers["Location"]
    assert location.startswith(REDIRECT), location
    return location


def test_code_flow_with_pkce_refresh_and_reuse_detection(server, metadata):
    client = register(server)
    rp = OAuth2Session(client["client"]["id"], client["secret"], scope="openid profile idcard realname",
                       redirect_uri=REDIRECT, code_challenge_method="S256")
    verifier = secrets.token_urlsafe(48)
    nonce = secrets.token_urlsafe(16)
    url, state = rp.create_authorization_url(metadata["authorization_endpoint"], code_verifier=verifier, nonce=nonce)

    # Not logged in: the provider sends the browser to 登录 and back.
    browser = requests.Session()
    first = browser.get(url, allow_redirects=False, timeout=10)
    assert first.status_code == 303 and first.headers["Location"].startswith("/login?next=")
    browser = browser_login(server)
    location = consent(server, browser, url)
    assert parse_qs(urlparse(location).query)["iss"] == [server.url]

    token = rp.fetch_token(metadata["token_endpoint"], authorization_response=location, code_verifier=verifier)
    jwks = JsonWebKey.import_key_set(requests.get(metadata["jwks_uri"], timeout=10).json())
    claims = JsonWebToken(["ES256"]).decode(
        token["id_token"], jwks,
        claims_options={"iss": {"essential": True, "value": server.url},
                        "aud": {"essential": True, "value": client["client"]["id"]},
                        "nonce": {"essential": True, "value": nonce}})
    claims.validate()
    assert claims["acr"] == "L1" and claims["amr"] == ["pwd"]
    at_hash = base64.urlsafe_b64encode(hashlib.sha256(token["access_token"].encode()).digest()[:16]).rstrip(b"=")
    assert claims["at_hash"] == at_hash.decode()

    info = rp.get(metadata["userinfo_endpoint"]).json()
    assert info["sub"] == claims["sub"]
    assert info["name"] == "张三" and info["id_card_number"] == DEMO_ID and info["real_name_level"] == 1
    assert "phone_number" not in info  # phone was not asked for
    me = rp.get(server.url + "/api/v1/me").json()
    assert me["sub"] == claims["sub"] and me["idNumberMasked"].endswith("1233") and "*" in me["idNumberMasked"]
    assert DEMO_ID not in json.dumps(me, ensure_ascii=False)
    enterprises = rp.get(server.url + "/api/v1/me/enterprises").json()["items"]
    assert [item["role"] for item in enterprises] == ["representative"]
    assert requests.get(server.url + "/api/v1/me", timeout=10).status_code == 401

    first_refresh = token["refresh_token"]
    renewed = rp.refresh_token(metadata["token_endpoint"], refresh_token=first_refresh)
    assert renewed["refresh_token"] != first_refresh and renewed["access_token"] != token["access_token"]

    # The spent refresh token comes back: refused, and the family it belonged to ends with it.
    with pytest.raises(OAuthError) as reused:
        rp.refresh_token(metadata["token_endpoint"], refresh_token=first_refresh)
    assert reused.value.error == "invalid_grant"
    with pytest.raises(OAuthError) as successor:
        rp.refresh_token(metadata["token_endpoint"], refresh_token=renewed["refresh_token"])
    assert successor.value.error == "invalid_grant"
    gone = requests.get(metadata["userinfo_endpoint"], timeout=10,
                        headers={"Authorization": "Bearer " + renewed["access_token"]})
    assert gone.status_code == 401 and 'error="invalid_token"' in gone.headers["WWW-Authenticate"]


def test_code_cannot_be_used_twice_nor_without_the_verifier(server, metadata):
    client = register(server)
    rp = OAuth2Session(client["client"]["id"], client["secret"], scope="openid", redirect_uri=REDIRECT,
                       code_challenge_method="S256")
    verifier = secrets.token_urlsafe(48)
    url, _ = rp.create_authorization_url(metadata["authorization_endpoint"], code_verifier=verifier)
    location = consent(server, browser_login(server), url)
    with pytest.raises(OAuthError) as wrong:
        rp.fetch_token(metadata["token_endpoint"], authorization_response=location,
                       code_verifier=secrets.token_urlsafe(48))
    assert wrong.value.error == "invalid_grant"
    # The failed attempt used the code up.
    with pytest.raises(OAuthError) as again:
        rp.fetch_token(metadata["token_endpoint"], authorization_response=location, code_verifier=verifier)
    assert again.value.error == "invalid_grant"


def test_public_client_must_use_pkce_and_unknown_redirects_never_leave(server, metadata):
    client = register(server, kind="public", name="演示小程序")
    browser = browser_login(server)
    query = {"response_type": "code", "client_id": client["client"]["id"], "redirect_uri": REDIRECT, "scope": "openid",
             "state": "s1"}
    refused = browser.get(metadata["authorization_endpoint"] + "?" + urlencode(query), allow_redirects=False,
                          timeout=10)
    assert refused.status_code == 302
    answer = parse_qs(urlparse(refused.headers["Location"]).query)
    assert answer["error"] == ["invalid_request"] and answer["state"] == ["s1"]

    query["redirect_uri"] = "https://evil.example/callback"
    page = browser.get(metadata["authorization_endpoint"] + "?" + urlencode(query), allow_redirects=False,
                       timeout=10)
    assert page.status_code == 400 and "回调地址不匹配" in page.text and "Location" not in page.headers

    # With PKCE a public client gets its tokens without any secret.
    rp = OAuth2Session(client["client"]["id"], scope="openid profile", redirect_uri=REDIRECT,
                       code_challenge_method="S256", token_endpoint_auth_method="none")
    verifier = secrets.token_urlsafe(48)
    url, _ = rp.create_authorization_url(metadata["authorization_endpoint"], code_verifier=verifier)
    token = rp.fetch_token(metadata["token_endpoint"], authorization_response=consent(server, browser, url),
                           code_verifier=verifier)
    assert token["token_type"] == "Bearer" and "id_token" in token


def test_prompt_none_without_login_and_acr_step_up(server, metadata):
    client = register(server)
    rp = OAuth2Session(client["client"]["id"], client["secret"], scope="openid realname", redirect_uri=REDIRECT,
                       code_challenge_method="S256")
    verifier = secrets.token_urlsafe(48)
    url, _ = rp.create_authorization_url(metadata["authorization_endpoint"], code_verifier=verifier, prompt="none")
    silent = requests.get(url, allow_redirects=False, timeout=10)
    assert parse_qs(urlparse(silent.headers["Location"]).query)["error"] == ["login_required"]

    browser = browser_login(server)
    url, _ = rp.create_authorization_url(metadata["authorization_endpoint"], code_verifier=verifier,
                                         acr_values="L2")
    step_up = browser.get(url, allow_redirects=False, timeout=10)
    assert step_up.status_code == 403 and "需要提升实名等级" in step_up.text
    forms = re.findall(r'<form method="post" action="/me/real-name/registry".*?</form>', step_up.text, re.S)
    raised = browser.post(server.url + "/me/real-name/registry", data=hidden_fields(forms[0]),
                          allow_redirects=False, timeout=10)
    assert raised.status_code == 303 and raised.headers["Location"].startswith("/oidc/authorize?")
    location = consent(server, browser, server.url + raised.headers["Location"])
    token = rp.fetch_token(metadata["token_endpoint"], authorization_response=location, code_verifier=verifier)
    jwks = JsonWebKey.import_key_set(requests.get(metadata["jwks_uri"], timeout=10).json())
    claims = JsonWebToken(["ES256"]).decode(token["id_token"], jwks)
    assert claims["acr"] == "L2"


def test_client_credentials_and_introspection(server, metadata):
    client = register(server, scopes=["openid", "catalog.read"],
                      grantTypes=["authorization_code", "client_credentials"])
    machine = OAuth2Session(client["client"]["id"], client["secret"], scope="catalog.read")
    token = machine.fetch_token(metadata["token_endpoint"], grant_type="client_credentials")
    assert token["scope"] == "catalog.read" and "id_token" not in token and "refresh_token" not in token
    answer = requests.post(metadata["introspection_endpoint"], data={"token": token["access_token"]},
                           auth=(client["client"]["id"], client["secret"]), timeout=10).json()
    assert answer["active"] is True and answer["client_id"] == client["client"]["id"] and "sub" not in answer
    refused = requests.post(metadata["token_endpoint"], data={"grant_type": "client_credentials"},
                            auth=(client["client"]["id"], "wrong"), timeout=10)
    assert refused.status_code == 401 and refused.json()["error"] == "invalid_client"
    assert refused.headers["Cache-Control"] == "no-store"


def test_rp_initiated_logout_returns_to_the_registered_address(server, metadata):
    client = register(server)
    rp = OAuth2Session(client["client"]["id"], client["secret"], scope="openid", redirect_uri=REDIRECT,
                       code_challenge_method="S256")
    verifier = secrets.token_urlsafe(48)
    url, _ = rp.create_authorization_url(metadata["authorization_endpoint"], code_verifier=verifier)
    browser = browser_login(server)
    token = rp.fetch_token(metadata["token_endpoint"], authorization_response=consent(server, browser, url),
                           code_verifier=verifier)
    logout = metadata["end_session_endpoint"] + "?" + urlencode(
        {"id_token_hint": token["id_token"], "post_logout_redirect_uri": LOGGED_OUT, "state": "bye-1"})
    page = browser.get(logout, timeout=10)
    assert page.status_code == 200 and "authlib 测试应用" in page.text
    done = browser.post(server.url + "/oidc/logout", data=hidden_fields(page.text), allow_redirects=False,
                        timeout=10)
    assert done.status_code == 303 and done.headers["Location"] == LOGGED_OUT + "?state=bye-1"
    assert browser.get(server.url + "/me", allow_redirects=False, timeout=10).status_code == 303
    elsewhere = requests.get(metadata["end_session_endpoint"] + "?" + urlencode(
        {"id_token_hint": token["id_token"], "post_logout_redirect_uri": "https://evil.example/"}), timeout=10)
    # Refused with the Chinese error page (a domain rule, so 422), never a redirect.
    assert elsewhere.status_code == 422 and "Location" not in elsewhere.headers
    assert "退出请求无效" in elsewhere.text
