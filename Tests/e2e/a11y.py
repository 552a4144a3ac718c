"""Accessibility checks that every browser journey runs on every page it visits.

`assert_accessible(page)` runs all checks in the page's own browser and fails with one readable list
of every problem found. The checks (WCAG 2.1 AA where a rule has a number):

- `<html lang>` is set (3.1.1);
- exactly one `<h1>`;
- every form control (input that is not hidden, select, textarea, button) has an accessible name:
  aria-labelledby, aria-label, `<label for>`, a wrapping `<label>`, or (buttons) its text or value
  (4.1.2, 1.3.1);
- every `<img>` has an `alt` attribute (1.1.1);
- every visible text node has contrast >= 4.5:1 against its effective background, >= 3:1 for large
  text (>= 24px, or >= 18.66px and bold) (1.4.3); colours come from getComputedStyle, the background
  is found by walking up the ancestors to the first opaque background (semi-transparent layers are
  composited on the way), and luminance is WCAG's relative luminance;
- keyboard focus is visible (2.4.7, 1.4.11): the page is walked with the Tab key; the first stop
  must be a skip link to the main content, and every focused element must lie inside the viewport
  and show an indicator: an outline (style not none, width > 0, colour not transparent) or a
  box-shadow that differs from the unfocused one; an outline must also contrast >= 3:1 with the
  background it is drawn on.

Limits: the background walk follows the DOM, not the painted layers, so text over a background image
is reported as unverifiable rather than guessed; element opacity is not taken into account.
"""

from __future__ import annotations

from playwright.sync_api import Page

# Runs in the page; returns a list of problem descriptions (strings).
_STATIC_CHECKS = r"""
() => {
  const problems = [];
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (el.classList && el.classList.length) s += '.' + [...el.classList].join('.');
    const text = (el.innerText || el.value || '').trim().replace(/\s+/g, ' ');
    if (text) s += ' "' + text.slice(0, 40) + '"';
    return s;
  };

  // lang
  const lang = document.documentElement.getAttribute('lang');
  if (!lang || !lang.trim()) problems.push('<html> has no lang attribute');

  // exactly one h1
  const h1s = document.querySelectorAll('h1');
  if (h1s.length !== 1) problems.push(`expected exactly one <h1>, found ${h1s.length}`);

  // accessible names of form controls
  const textOf = (el) => (el ? (el.textContent || '').replace(/\s+/g, ' ').trim() : '');
  const controls = document.querySelectorAll('input:not([type=hidden]), select, textarea, button');
  for (const el of controls) {
    let name = '';
    const labelledby = el.getAttribute('aria-labelledby');
    if (labelledby) {
      name = labelledby.split(/\s+/).map((id) => textOf(document.getElementById(id))).join(' ').trim();
    }
    if (!name) name = (el.getAttribute('aria-label') || '').trim();
    if (!name && el.id) {
      for (const label of document.querySelectorAll('label[for]')) {
        if (label.htmlFor === el.id) name = textOf(label);
        if (name) break;
      }
    }
    if (!name) name = textOf(el.closest('label'));
    if (!name && el.tagName === 'BUTTON') name = textOf(el);
    if (!name && el.tagName === 'INPUT' && ['submit', 'reset', 'button'].includes(el.type)) {
      name = (el.value || '').trim();
    }
    if (!name && el.tagName === 'INPUT' && el.type === 'image') name = (el.alt || '').trim();
    if (!name) problems.push(`form control without an accessible name: ${el.outerHTML.slice(0, 120)}`);
  }

  // images
  for (const img of document.querySelectorAll('img')) {
    if (!img.hasAttribute('alt')) problems.push(`<img> without alt: ${img.outerHTML.slice(0, 120)}`);
  }

  // contrast
  const parse = (value) => {
    const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(value);
    if (!m) return null;
    let a = m[4] === undefined ? 1 : parseFloat(m[4]);
    if (m[5] === '%') a /= 100;
    return [parseFloat(m[1]), parseFloat(m[2]), parseFloat(m[3]), a];
  };
  const over = (top, bottom) => {  // composite `top` (with alpha) over opaque `bottom`
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  };
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (l1 + 0.05) / (l2 + 0.05);
  };
  // The effective background of an element: its own and its ancestors' backgrounds, composited,
  // down to the first opaque one (the canvas is white if none is). null if an image is in the way.
  const background = (el) => {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage && style.backgroundImage !== 'none') return { image: node };
      const color = parse(style.backgroundColor);
      if (color === null) return { unparsed: style.backgroundColor };
      if (color[3] > 0) layers.push(color);
      if (color[3] >= 1) break;
    }
    let result = [255, 255, 255, 1];
    for (const layer of layers.reverse()) result = over(layer, result);
    return { color: result };
  };
  window.__ztA11y = { parse, over, ratio, background, describe };

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  const vw = document.documentElement.scrollWidth, vh = document.documentElement.scrollHeight;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (!el || seen.has(el)) continue;
    seen.add(el);
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || style.display === 'none') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    // Text that is not painted anywhere on the page (display none, or moved off-page like an
    // unfocused skip link) cannot be read; the focus walk checks the skip link once it shows.
    const onPage = rects.some((r) => r.right + scrollX > 0 && r.bottom + scrollY > 0 &&
                                     r.left + scrollX < vw && r.top + scrollY < vh);
    if (!onPage) continue;
    const fg = parse(style.color);
    const bg = background(el);
    const what = describe(el);
    if (!fg) { problems.push(`cannot read text colour "${style.color}" of ${what}`); continue; }
    if (bg.image) { problems.push(`contrast of ${what} unverifiable: background image on ${describe(bg.image)}`); continue; }
    if (!bg.color) { problems.push(`cannot read background colour "${bg.unparsed}" of ${what}`); continue; }
    const size = parseFloat(style.fontSize);
    const bold = parseInt(style.fontWeight, 10) >= 700;
    const large = size >= 24 || (size >= 18.66 && bold);
    const needed = large ? 3 : 4.5;
    const got = ratio(over(fg, bg.color), bg.color);
    if (got < needed) {
      problems.push(`low contrast ${got.toFixed(2)}:1 (needs ${needed}:1) for ${what}: ` +
                    `text ${style.color} on ${'rgb(' + bg.color.slice(0, 3).map(Math.round).join(', ') + ')'}, ` +
                    `${size}px${bold ? ' bold' : ''}`);
    }
  }
  return problems;
}
"""

# Before the Tab walk: remember every element's unfocused box-shadow.
_MARK_FOCUSABLES = r"""
() => {
  const all = document.querySelectorAll('a[href], button, input, select, textarea, [tabindex], summary, [contenteditable]');
  let i = 0;
  for (const el of all) {
    el.setAttribute('data-zt-a11y-shadow', getComputedStyle(el).boxShadow);
    i += 1;
  }
  return i;
}
"""

# Describes the focused element and whether its focus indicator is visible.
_FOCUS_STATE = r"""
() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const { parse, over, ratio, background, describe } = window.__ztA11y;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const problems = [];
  const inViewport = rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0 &&
                     rect.left < innerWidth && rect.top < innerHeight;
  if (!inViewport) problems.push(`not visible in the viewport when focused (at ${Math.round(rect.left)},${Math.round(rect.top)})`);
  const outlineColor = parse(style.outlineColor);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 &&
                  outlineColor !== null && outlineColor[3] > 0;
  const before = el.getAttribute('data-zt-a11y-shadow');
  const shadow = style.boxShadow !== 'none' && before !== null && style.boxShadow !== before;
  if (!outline && !shadow) {
    problems.push(`no visible focus indicator (outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow})`);
  } else if (outline && !shadow && inViewport) {
    // The outline is painted just outside the element: compare it with what is painted there.
    const gap = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) / 2;
    const points = [[rect.left - gap, rect.top + rect.height / 2], [rect.right + gap, rect.top + rect.height / 2],
                    [rect.left + rect.width / 2, rect.top - gap], [rect.left + rect.width / 2, rect.bottom + gap]];
    let worst = null;
    for (const [x, y] of points) {
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      const under = document.elementsFromPoint(x, y).find((n) => n !== el && !el.contains(n));
      if (!under) continue;
      const bg = background(under);
      if (!bg.color) continue;
      const r = ratio(over(outlineColor, bg.color), bg.color);
      if (worst === null || r < worst.r) worst = { r, bg: bg.color };
    }
    if (worst && worst.r < 3) {
      problems.push(`focus outline ${style.outlineColor} has contrast ${worst.r.toFixed(2)}:1 (needs 3:1) with ` +
                    `the background rgb(${worst.bg.slice(0, 3).map(Math.round).join(', ')}) it is drawn on`);
    }
  }
  // Key: the element itself, so the walk knows when it has come round again.
  if (!el.hasAttribute('data-zt-a11y-key')) el.setAttribute('data-zt-a11y-key', String(Math.random()));
  return { key: el.getAttribute('data-zt-a11y-key'), what: describe(el), href: el.getAttribute('href'), problems };
}
"""

_CLEANUP = r"""
() => {
  for (const el of document.querySelectorAll('[data-zt-a11y-shadow], [data-zt-a11y-key]')) {
    el.removeAttribute('data-zt-a11y-shadow');
    el.removeAttribute('data-zt-a11y-key');
  }
  document.getElementById('zt-a11y-start')?.remove();
  if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
  delete window.__ztA11y;
}
"""


def _focus_walk(page: Page) -> list[str]:
    problems: list[str] = []
    count = page.evaluate(_MARK_FOCUSABLES)
    # Start from the top of the document, as a keyboard user arriving on the page does: focus a
    # temporary unfocusable-by-Tab marker at the start of <body>, so the next Tab goes to the first stop
    # whatever was clicked or focused before.
    page.evaluate("""() => {
      const start = document.createElement('span');
      start.tabIndex = -1;
      start.id = 'zt-a11y-start';
      document.body.prepend(start);
      start.focus();
      window.scrollTo(0, 0);
    }""")
    seen: set[str] = set()
    first = True
    for _ in range(count + 2):
        page.keyboard.press("Tab")
        if first:
            page.evaluate("() => document.getElementById('zt-a11y-start')?.remove()")
        state = page.evaluate(_FOCUS_STATE)
        if state is None or state["key"] in seen:
            break  # left the document or came round again
        seen.add(state["key"])
        if first:
            if state["href"] != "#main":
                problems.append(f"the first Tab stop is {state['what']}, not a skip link to #main")
            first = False
        problems += [f"focus on {state['what']}: {p}" for p in state["problems"]]
    if first and count:
        problems.append("Tab never focused anything on the page")
    return problems


def check(page: Page) -> list[str]:
    """Every accessibility problem found on the page as it is now."""
    try:
        problems = page.evaluate(_STATIC_CHECKS)
        problems += _focus_walk(page)
    finally:
        page.evaluate(_CLEANUP)
    return problems


def assert_accessible(page: Page) -> None:
    """Fails with the list of every accessibility problem on the page."""
    problems = check(page)
    if problems:
        listing = "\n".join(f"  - {p}" for p in problems)
        raise AssertionError(f"{len(problems)} accessibility problem(s) on {page.url}:\n{listing}")
