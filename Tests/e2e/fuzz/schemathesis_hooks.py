"""Schemathesis hooks for scripts/fuzz-api: sign SMS delivery receipts like the real gateway does.

Without a valid HMAC signature every generated receipt stops at 401 and the fuzzer never reaches
the code behind the signature check. When $ZT_FUZZ_SMS_SECRET is set (scripts/fuzz-api starts the
server with the same ZT_SMS_SECRET), two out of three receipts that carry all four X-ZT-* headers
are signed on the wire — over the exact body bytes sent, with a fresh timestamp and the server's
key id — so both the
signature check (unsigned third) and the body handling behind it (signed two thirds) are fuzzed.
See docs/messaging.md for the signature.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import os
import secrets
import time
from urllib.parse import urlsplit

import requests.adapters
import schemathesis

SECRET = os.environ.get("ZT_FUZZ_SMS_SECRET", "")
KEY_ID = os.environ.get("ZT_FUZZ_SMS_KEY_ID", "zhengtong")
RECEIPTS = "/api/v1/messaging/sms-receipts"
SENTINEL = "zt-fuzz-sign-me"
HEADERS = ("X-ZT-Key-Id", "X-ZT-Timestamp", "X-ZT-Nonce", "X-ZT-Signature")
_counter = itertools.count()


@schemathesis.hook
def before_call(context, case, kwargs):
    if not SECRET or case.operation.path != RECEIPTS or case.method.upper() != "POST":
        return
    headers = case.headers or {}
    if not all(name in headers for name in HEADERS):
        return  # a case about a missing header: leave it to be refused
    if next(_counter) % 3 == 2:
        return  # leave some signed wrongly, as generated
    headers["X-ZT-Signature"] = SENTINEL


_send = requests.adapters.HTTPAdapter.send


def _signing_send(self, request, *args, **kwargs):
    if request.headers.get("X-ZT-Signature") == SENTINEL:
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode("utf-8")
        nonce = request.headers.get("X-ZT-Nonce", "")
        if not nonce.isascii() or not nonce.isprintable():
            nonce = secrets.token_hex(8)
        timestamp = str(int(time.time()))
        text = "\n".join(["POST", urlsplit(request.url).path, timestamp, nonce, hashlib.sha256(body).hexdigest()])
        request.headers["X-ZT-Key-Id"] = KEY_ID
        request.headers["X-ZT-Nonce"] = nonce
        request.headers["X-ZT-Timestamp"] = timestamp
        request.headers["X-ZT-Signature"] = hmac.new(SECRET.encode(), text.encode(), hashlib.sha256).hexdigest()
    return _send(self, request, *args, **kwargs)


requests.adapters.HTTPAdapter.send = _signing_send
