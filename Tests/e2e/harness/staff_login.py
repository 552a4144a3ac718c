"""Staff login for the harnesses: TOTP codes from a secret, and a staff session over plain HTTP.

Codes are computed from the secret (RFC 6238, HMAC-SHA1, 30-second steps) as an authenticator app
would; the browser journeys type them into /staff/login, and `staff_session` walks the same two
forms (password, then code) without a browser, for tools such as the API fuzzer.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.cookiejar
import re
import struct
import time
import urllib.error
import urllib.parse
import urllib.request

# The password of every demo staff account (docs/organisation.md).
DEMO_STAFF_PASSWORD = "政通工作人员2026"


def totp(secret: str, at: float | None = None) -> str:
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = struct.pack(">Q", int((at or time.time()) // 30))
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _csrf(page: str) -> str:
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


def staff_session(url: str, username: str, secret: str, password: str = DEMO_STAFF_PASSWORD) -> str:
    """Logs `username` in through /staff/login and /staff/login/code, as a browser does (CSRF cookie
    and field, the challenge from the code page); returns the zt_staff session token.

    A code counts once per account: a second login of the same account within one 30-second step
    is refused, so callers log each account in once."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
    page = opener.open(url + "/staff/login", timeout=10).read().decode("utf-8")
    form = urllib.parse.urlencode({"username": username, "password": password, "_csrf": _csrf(page)}).encode()
    page = opener.open(urllib.request.Request(url + "/staff/login", data=form, method="POST"), timeout=10)
    page = page.read().decode("utf-8")
    challenge = re.search(r'name="challenge" value="([^"]+)"', page)
    assert challenge, f"{username}: the password step did not lead to the code page"
    form = urllib.parse.urlencode(
        {"challenge": challenge.group(1), "code": totp(secret), "next": "/admin", "_csrf": _csrf(page)}).encode()
    try:
        opener.open(urllib.request.Request(url + "/staff/login/code", data=form, method="POST"), timeout=10)
    except urllib.error.HTTPError as error:  # the 303 to /admin, not followed
        assert error.code == 303, f"{username}: the code step answered {error.code}"
    session = next((cookie.value for cookie in jar if cookie.name == "zt_staff"), None)
    assert session, f"{username} could not log in"
    return session
