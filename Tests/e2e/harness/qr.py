"""Read QR codes the way a person's scanner would: Chromium draws the SVG, zbar reads the picture.

`decode_svg(svg, browser)` is the whole trip (SVG text in, the payload of every code found out, as
bytes). Chromium renders the SVG and screenshots it as PNG; Chromium also turns that PNG back into
grey pixels (no imaging package needed), and pyzbar (Debian's libzbar0) decodes them. zbar hands
text back in UTF-8, so a payload with non-ASCII text compares with `text.encode()`.
"""

from __future__ import annotations

import base64
import os
import re

from pyzbar.pyzbar import ZBarSymbol
from pyzbar.pyzbar import decode as zbar_decode

CHROMIUM = os.environ.get("ZT_CHROMIUM", "/usr/bin/chromium")

# Decodes a PNG (Base64) in the page and returns its pixels as grey levels on white, Base64 again.
_PNG_TO_GREY = """
async (png) => {
  const blob = await (await fetch("data:image/png;base64," + png)).blob();
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext("2d");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, bitmap.width, bitmap.height);
  context.drawImage(bitmap, 0, 0);
  const rgba = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
  let grey = "";
  for (let i = 0; i < rgba.length; i += 4) {
    grey += String.fromCharCode((rgba[i] * 299 + rgba[i + 1] * 587 + rgba[i + 2] * 114) / 1000 | 0);
  }
  return { width: bitmap.width, height: bitmap.height, grey: btoa(grey) };
}
"""


def svg_side(svg: str) -> int:
    """The width of the SVG's viewBox (for our codes: modules plus the quiet zone)."""
    match = re.search(r'viewBox="\s*[-\d.]+\s+[-\d.]+\s+([\d.]+)\s+([\d.]+)"', svg)
    if not match:
        raise ValueError("the SVG has no viewBox")
    return int(float(match.group(1)))


def render_png(svg: str, page, pixels_per_unit: int = 4) -> bytes:
    """Chromium's picture of the SVG, each viewBox unit `pixels_per_unit` device pixels square."""
    side = svg_side(svg) * pixels_per_unit
    page.set_viewport_size({"width": side + 16, "height": side + 16})
    page.set_content(
        "<!doctype html><html><body style='margin:8px;background:#fff'>"
        f"<div id='zt-qr' style='width:{side}px;height:{side}px;line-height:0'>{svg}</div>"
        "<style>#zt-qr svg{display:block;width:100%;height:100%}</style></body></html>"
    )
    return page.locator("#zt-qr").screenshot(type="png")


def decode_png(png: bytes, page) -> list[bytes]:
    """The payloads of the QR codes zbar finds in a PNG; `page` is any open Chromium page."""
    picture = page.evaluate(_PNG_TO_GREY, base64.b64encode(png).decode("ascii"))
    grey = base64.b64decode(picture["grey"])
    found = zbar_decode((grey, picture["width"], picture["height"]), symbols=[ZBarSymbol.QRCODE])
    return [symbol.data for symbol in found]


def decode_svg(svg: str, browser=None, pixels_per_unit: int = 4) -> list[bytes]:
    """The payloads of the QR codes in an SVG, as zbar reads them from Chromium's rendering.

    `browser` is a Playwright Chromium (the `browser` fixture); without one, Debian's Chromium is
    started for this call only.
    """
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            own = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            try:
                return decode_svg(svg, own, pixels_per_unit)
            finally:
                own.close()
    context = browser.new_context(device_scale_factor=1)
    try:
        page = context.new_page()
        return decode_png(render_png(svg, page, pixels_per_unit), page)
    finally:
        context.close()
