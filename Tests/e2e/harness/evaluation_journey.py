"""Steps of the evaluation journeys (好差评 / 政民互动, docs/evaluation.md), shared by the browser tests.

A case to rate comes from the e-license journey's food-permit flow (license_journey: apply, upload,
submit; 市市场监督管理局 accepts, reviews, decides, concludes); its conclusion event opens the online
rating a moment later, through the outbox, so the citizen's 我的评价 is polled until it shows.

Staff log in once per account and server through the real two-step form (password, then a TOTP
code from the demo secret): the bureau's clerks and approvers, its department admin scj-admin
(evaluation.respond: answers bad reviews and messages) and the service supervisor zwj-jd01
(evaluation.supervise: decides appeals). Every browser context of theirs gets that session cookie.

Scoreboard figures are read from the public JSON (/api/v1/evaluation/scoreboard), because a demo
installation seeds sixty days of synthetic ratings: the journeys compare figures before and after.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from playwright.sync_api import BrowserContext, Page

from harness.license_journey import (  # noqa: F401 (checked, submit, watch: re-exported for the tests)
    FOOD_PERMIT,
    approve,
    checked,
    start_food_permit,
    submit,
    upload_and_submit,
    watch,
)
from harness import license_journey

DEPARTMENT = "市市场监督管理局"
ITEM_NAME = "食品经营许可（新办）"
DEMO_PHONE = "13800000000"
DEMO_PASSWORD = "政通演示2026"
DEMO_NAME = "张三"
# Demo staff and their TOTP secrets (docs/organisation.md).
STAFF_SECRETS = {
    "scj-sl01": "SCJSLZTDEMO23456",  # 窗口人员 of 市市场监督管理局: accepts, records counter visits
    "scj-sp01": "SCJSPAZTDEMO2345",  # 审批人员: reviews and concludes
    "scj-sp02": "SCJSPBZTDEMO2345",  # 审批人员: decides
    "scj-admin": "SCJADMINZTDEMO23",  # 部门管理员: evaluation.respond for the bureau
    "zwj-jd01": "ZWJJDZTDEMO23456",  # 好差评监督员: evaluation.supervise, every department
}
UUID_PATTERN = r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"


def citizen(new_context, path: str = "/me/ratings", heading: str = "我的评价") -> Page:
    """The demo citizen 张三, signed in through the login form, on `path` (whose <h1> is `heading`)."""
    page = new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.goto("/login?next=" + path)
    page.get_by_label("手机号或身份证号").fill(DEMO_PHONE)
    page.get_by_label("密码", exact=True).fill(DEMO_PASSWORD)
    assert submit(page, "登录", "/login").status == 303
    checked(page, heading)
    return page


class StaffSessions(license_journey.StaffSessions):
    """The license journey's staff logins, with the bureau's administrator and the supervisor, and
    pages opened on any path."""

    def __init__(self, url: str) -> None:
        super().__init__(url, STAFF_SECRETS)

    def page(self, new_context, username: str, path: str = "/staff/cases", heading: str | None = "办件工作台",
             **options) -> Page:
        """A fresh browser context signed in as `username`, on `path` whose <h1> is `heading`."""
        options.setdefault("viewport", {"width": 1280, "height": 800})
        context: BrowserContext = new_context(**options)
        context.add_cookies([{"name": "zt_staff", "value": self.token(username), "url": self.url}])
        page = context.new_page()
        page.goto(path)
        checked(page, heading)
        return page


def concluded_food_permit(person: Page, staff: StaffSessions, new_context, folder: Path) -> str:
    """The citizen applies for the food permit through the pages; the bureau's clerk accepts it and its
    approvers review, decide and conclude it on the staff case page. Returns the case page's URL."""
    case_url = start_food_permit(person)
    upload_and_submit(person, case_url, folder)
    approve(staff.page(new_context, "scj-sl01"), staff.page(new_context, "scj-sp01"),
            staff.page(new_context, "scj-sp02"), case_url)
    return case_url


def case_id(case_url: str) -> str:
    """The case id at the end of a /me/cases/{id} address."""
    return case_url.rstrip("/").rsplit("/", 1)[1]


def id_in(url: str) -> str:
    """The last UUID in a page address, such as a rating's or a ticket's."""
    found = re.findall(UUID_PATTERN, url)
    assert found, url
    return found[-1]


def fact(scope, label: str):
    """The <dd> that follows the <dt> named `label` inside `scope`."""
    return scope.locator(f"dt:text-is('{label}') + dd").first


def scoreboard(page: Page, dimension: str = "department") -> dict:
    """The public scoreboard's JSON for the default period (the last 30 days, today included)."""
    response = page.request.get(f"/api/v1/evaluation/scoreboard?dimension={dimension}")
    assert response.status == 200, response.text()[:400]
    return response.json()


def scoreboard_line(page: Page, name: str = DEPARTMENT, dimension: str = "department") -> dict:
    """The tally of the scoreboard line named `name` (zeros when there is none)."""
    lines = [line for line in scoreboard(page, dimension)["lines"] if line["name"] == name]
    assert len(lines) <= 1, lines
    if not lines:
        return {"byLevel": [0] * 5, "total": 0, "bad": 0, "calledBack": 0, "calledBackOnTime": 0,
                "rectificationDue": 0, "rectifiedOnTime": 0, "answered": 0}
    return lines[0]["tally"]


def open_rating(page: Page, case: str, seconds: float = 10.0) -> dict:
    """The citizen's online rating of `case`, from 我的评价's API: a subscriber opens it a moment
    after the case concludes (through the outbox), so this asks until it is there."""
    deadline = time.monotonic() + seconds
    while True:
        ratings = page.request.get("/api/v1/me/ratings").json()["items"]
        found = [r for r in ratings if r["caseId"].lower() == case.lower() and r["channel"] == "online"]
        if found or time.monotonic() > deadline:
            assert len(found) == 1, f"no online rating was opened for case {case}: {ratings}"
            assert found[0]["open"] and found[0].get("level") is None, found[0]
            return found[0]
        time.sleep(0.3)
