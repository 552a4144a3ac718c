"""A real decoder reads our QR codes: `zhengtong qr` draws the SVG, Chromium renders it, zbar reads it.

The payloads are the kinds the platform puts in codes: a scan-to-login URL, a signed e-licence
payload (Base45 behind "ZT1:", alphanumeric mode, a large version), Chinese text (byte mode with
the UTF-8 ECI), and Latin text whose few non-ASCII letters zbar misreads unless the ECI says UTF-8.
"""

from __future__ import annotations

import hashlib
import re
import subprocess

import pytest

from harness.qr import decode_svg
from harness.server import binary

pytestmark = pytest.mark.browser

BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"


def base45(data: bytes) -> str:
    """RFC 9285: two bytes become three characters, a last odd byte two."""
    out = []
    for index in range(0, len(data) - 1, 2):
        high, low = divmod(data[index] * 256 + data[index + 1], 45 * 45)
        out += [BASE45[low % 45], BASE45[low // 45], BASE45[high]]
    if len(data) % 2:
        out += [BASE45[data[-1] % 45], BASE45[data[-1] // 45]]
    return "".join(out)


def licence_payload(characters: int) -> str:
    """A "ZT1:" payload of about `characters` Base45 characters over SHA-256-derived bytes."""
    raw = b"".join(hashlib.sha256(b"zt-licence-%d" % n).digest() for n in range(characters // 48 + 1))
    return "ZT1:" + base45(raw[: (characters - 4) * 2 // 3])


LICENCE = licence_payload(1200)
PAYLOADS = {
    "url": "https://zt.example/login/scan/3f9c2a7e-5b1d-4c8e-9a0f-6d2b7c1e4a58",
    "licence": LICENCE,
    "chinese": "电子证照：营业执照，统一社会信用代码 91130100MA0CXXXX0X，发证机关 石家庄市行政审批局。",
    "latin": "Café Zürich — licence Nº 12",
}


def qr_svg(text: str | None, level: str | None = None, stdin: str | None = None) -> str:
    """What `zhengtong qr` prints for `text` (or for `stdin` when `text` is None)."""
    args = [str(binary()), "qr"] + ([text] if text is not None else []) + (["--level", level] if level else [])
    result = subprocess.run(args, input=stdin, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def modules(svg: str) -> int:
    return int(re.search(r'viewBox="0 0 (\d+) ', svg).group(1)) - 8


def test_the_licence_payload_is_base45_of_about_1200_characters():
    assert len(LICENCE) == 1200
    assert set(LICENCE[4:]) <= set(BASE45)


@pytest.mark.parametrize("name", PAYLOADS)
def test_zbar_reads_back_exactly_what_was_encoded(browser, name):
    text = PAYLOADS[name]

    svg = qr_svg(text)

    assert decode_svg(svg, browser) == [text.encode("utf-8")]


@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_every_level_reads_back_and_higher_levels_need_larger_symbols(browser, level):
    svg = qr_svg(LICENCE, level)

    assert decode_svg(svg, browser) == [LICENCE.encode("ascii")]
    # The smallest versions segno (an independent encoder) picks for these 1200 characters in
    # alphanumeric mode; in byte mode they would need versions 25, 29, 34 and 39.
    expected_version = {"L": 20, "M": 23, "Q": 28, "H": 32}[level]
    assert modules(svg) == 17 + 4 * expected_version


def test_text_from_standard_input_loses_only_its_trailing_line_break(browser):
    text = PAYLOADS["chinese"]

    svg = qr_svg(None, "q", stdin=text + "\n")

    assert decode_svg(svg, browser) == [text.encode("utf-8")]


def test_text_no_code_holds_is_refused_with_a_reason():
    result = subprocess.run([str(binary()), "qr", "--level", "H", licence_payload(1900)],
                            capture_output=True, text=True, timeout=60)

    assert result.returncode != 0
    assert "内容过长" in result.stderr
    assert result.stdout == ""
