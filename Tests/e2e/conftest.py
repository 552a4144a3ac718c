"""Fixtures of the browser tests: one real zhengtong server and one Chromium per session.

On a failing test, every page still open in the browser is saved (screenshot and HTML) under
$ZT_E2E_ARTIFACTS (default Tests/e2e/artifacts/), in a folder named after the test; the folder is
printed in the failure report and in the session summary, so CI logs show where to look.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

E2E_DIR = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("ZT_CHROMIUM", "/usr/bin/chromium")
_saved_folders: list[Path] = []


def artifacts_root() -> Path:
    return Path(os.environ.get("ZT_E2E_ARTIFACTS") or E2E_DIR / "artifacts").resolve()


@pytest.fixture(scope="session")
def server():
    """The real server binary on a free port, with a fresh data folder and SQLite database."""
    from harness.server import running_server

    yield from running_server()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium (never a downloaded one), without the sandbox because CI runs as root."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield instance
        instance.close()


@pytest.fixture
def new_context(browser, server):
    """Makes browser contexts (fresh cookies each) aimed at the server; closes them after the test."""
    made = []

    def make(**options):
        options.setdefault("base_url", server.url)
        options.setdefault("locale", "zh-CN")
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture
def page(new_context):
    """A page in a fresh desktop-sized context."""
    return new_context(viewport={"width": 1280, "height": 800}).new_page()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not report.failed or report.when not in ("setup", "call"):
        return
    browser = item.funcargs.get("browser") if hasattr(item, "funcargs") else None
    if browser is None:
        return
    folder = artifacts_root() / re.sub(r"[^\w.-]+", "_", item.nodeid).strip("_")
    shutil.rmtree(folder, ignore_errors=True)  # no stale files from an earlier run
    saved = []
    pages = [page for context in browser.contexts for page in context.pages]
    for number, page in enumerate(pages, start=1):
        folder.mkdir(parents=True, exist_ok=True)
        stem = folder / f"page{number}"
        try:
            page.screenshot(path=str(stem.with_suffix(".png")), full_page=True)
            stem.with_suffix(".html").write_text(page.content(), encoding="utf-8")
            (folder / f"page{number}.url").write_text(page.url + "\n", encoding="utf-8")
            saved.append(page.url)
        except Exception as error:  # a crashed or closed page: keep what we have
            (folder / f"page{number}.error.txt").write_text(repr(error), encoding="utf-8")
    server = item.funcargs.get("server")
    if server is not None and server.log_path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(server.log_path, folder / "server.log")
    if folder.exists():
        _saved_folders.append(folder)
        lines = [f"saved to {folder}"] + [f"  page{n}: {url}" for n, url in enumerate(saved, start=1)]
        report.sections.append(("e2e failure artifacts", "\n".join(lines)))


def pytest_terminal_summary(terminalreporter):
    if _saved_folders:
        terminalreporter.section("e2e failure artifacts")
        for folder in _saved_folders:
            terminalreporter.write_line(f"E2E ARTIFACTS: {folder}")
