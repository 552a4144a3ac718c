"""Browser journeys of 好差评 and 政民互动 (docs/evaluation.md), against the real server.

(a) A bad review followed to its end: the demo citizen's food permit is concluded by 市市场监督管理局
    through the staff pages; at /me/ratings the citizen rates it 非常不满意, and the form refuses it
    without a reason (the browser first, then the server, in Chinese); the bureau's admin (scj-admin)
    finds the ticket on /staff/evaluation, reveals the contact (the phone in clear), records the
    call-back as verified with a plan and a deadline, and answers; the citizen sees the answer and
    appeals; the supervisor (zwj-jd01) upholds the appeal; scj-admin answers again; the citizen
    accepts and the ticket is 已办结 on both sides. The public scoreboard's JSON counts the bad review
    for the bureau as called back, rectified on time and answered (figures compared with those read
    before the journey: a demo installation seeds sixty days of synthetic ratings), the page's table
    shows the same figures, and the page draws its SVG charts.
(b) A consultation answered and published: the citizen asks about the food permit from its guide's
    link; scj-admin answers it and turns it into a question and answer of the guide; the citizen
    reads the answer and rates it; the guide shows the question under 常见问题.
(c) The counter device: the clerk records a counter visit on the staff case page and gets a one-time
    code whose QR (read by zbar) is the device's address; a second browser, never signed in, rates
    there; the code cannot be used again; the window's line appears on the scoreboard.

Every page is checked with `assert_accessible`. On SQLite, and on a fresh PostgreSQL database when
$ZT_TEST_POSTGRES_URL is set.
"""

from __future__ import annotations

import datetime
import os
import re

import pytest
from playwright.sync_api import Page, expect

from a11y import check as accessibility_problems
from harness.evaluation_journey import (
    DEMO_NAME,
    DEMO_PHONE,
    DEPARTMENT,
    FOOD_PERMIT,
    ITEM_NAME,
    StaffSessions,
    case_id,
    checked,
    citizen,
    concluded_food_permit,
    fact,
    id_in,
    open_rating,
    scoreboard,
    scoreboard_line,
    submit,
    watch,
)
from harness.license_journey import start_food_permit, upload_and_submit
from harness.qr import decode_svg

pytestmark = pytest.mark.browser

BAD_COMMENT = "窗口告知的材料要求与网上办事指南不一致，来回跑了两趟。"
PLAN = "统一窗口与网上办事指南的材料口径，对窗口人员开展专项培训。"
FEEDBACK = "已统一材料口径并完成窗口培训，办事指南已同步更新，感谢您的监督。"
APPEAL = "整改后窗口仍要求提交网上指南没有列出的材料。"
REVIEW = "经核查，窗口仍在使用旧版材料清单，申诉成立，责成部门重新整改。"
SECOND_FEEDBACK = "已收回旧版材料清单，窗口与网上指南一致，并向您致歉。"
QUESTION_TITLE = "经营场所面积怎么算"
QUESTION = "食品经营许可申请表里的经营场所面积，是否包括仓库和员工休息区？"
ANSWER = "经营场所面积按实际用于食品经营的区域计算，包括仓库，不包括员工生活区。"
FAQ_QUESTION = "经营场所面积是否包括仓库和员工休息区？"
WINDOW = "6号窗口"  # a window the demo history never names, so its scoreboard line is this visit's alone


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def server(request):
    """A server of this module's own, on SQLite and on a fresh PostgreSQL database when configured."""
    from harness.server import fresh_postgres_database, running_server

    database = ""
    if request.param == "postgres":
        if not os.environ.get("ZT_TEST_POSTGRES_URL"):
            pytest.skip("ZT_TEST_POSTGRES_URL is not set")
        database = fresh_postgres_database(os.environ["ZT_TEST_POSTGRES_URL"])
    yield from running_server(database_url=database)


@pytest.fixture(scope="module")
def staff(server):
    return StaffSessions(server.url)


def ticket_state(page: Page, label: str, selector: str = "#ticket-state") -> None:
    expect(page.locator(selector)).to_have_text(label)


def choose(scope, level: str) -> None:
    """Taps the tile of `level` in a five-level group, as a person does (the radio itself is
    visually hidden under its tile), and checks that its radio is now chosen."""
    scope.get_by_text(level, exact=True).click()
    expect(scope.get_by_label(level, exact=True)).to_be_checked()


def test_a_bad_review_is_called_back_rectified_appealed_and_closed(new_context, staff, tmp_path):
    visitor = new_context(viewport={"width": 1280, "height": 800}).new_page()
    before = scoreboard_line(visitor)
    person = citizen(new_context)
    problems = watch(person)
    case_url = concluded_food_permit(person, staff, new_context, tmp_path)

    # 我的评价 lists the case's online rating as open a moment after it concludes.
    rating = open_rating(person, case_id(case_url))
    assert (rating["channel"], rating["itemName"], rating["departmentName"]) == ("online", ITEM_NAME, DEPARTMENT)
    person.goto("/me/ratings")
    checked(person, "我的评价")
    row = person.locator(f"#ratings-open li#rating-{rating['id']}")
    expect(row).to_contain_text(ITEM_NAME)
    row.get_by_role("link", name="去评价").click()
    checked(person, f"评价：{ITEM_NAME}")
    rating_url = person.url.split("?")[0]
    assert id_in(rating_url).upper() == rating["id"].upper()

    # 非常不满意 without a reason: the browser asks for it (the script makes the comment required)...
    form = person.locator("#rating-form")
    choose(form.locator("#field-level"), "非常不满意")
    choose(form.locator("#field-score-efficiency"), "不满意")
    comment = person.get_by_label("评价意见", exact=False)
    expect(comment).to_have_attribute("aria-required", "true")
    posts: list[str] = []
    person.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    person.get_by_role("button", name="提交评价").click()
    assert comment.evaluate("field => field.validity.valueMissing") is True
    assert posts == []
    # ...and without the script's check the server refuses it in Chinese, keeping what was chosen.
    comment.evaluate("field => { field.required = false; }")
    assert submit(person, "提交评价", rating_url).status == 422
    expect(person.locator("h1")).to_have_text(f"评价：{ITEM_NAME}")
    # Checked now, asserted at the end, so that a problem here does not hide the rest of the journey.
    refused_form_problems = accessibility_problems(person)
    expect(person.locator("#form-error")).to_contain_text("请填写不满意的原因")
    expect(person.locator("#form-error")).to_contain_text("请写明原因")
    expect(person.locator("#field-level").get_by_label("非常不满意", exact=True)).to_be_checked()
    expect(person.locator("#field-score-efficiency").get_by_label("不满意", exact=True)).to_be_checked()
    person.get_by_label("评价意见", exact=False).fill(BAD_COMMENT)
    assert submit(person, "提交评价", rating_url).status == 303
    checked(person, f"评价：{ITEM_NAME}")
    expect(person.locator("#form-notice")).to_have_text("感谢您的评价！")
    expect(person.locator("#rating-given-level")).to_have_text("非常不满意")
    expect(fact(person.locator("dl.facts"), "办事效率")).to_have_text("不满意")
    expect(fact(person.locator("dl.facts"), "系统易用性")).to_have_text("非常不满意")  # left out: the overall level
    ticket_state(person, "待回访核实", "#rectification-state")
    expect(person.locator("#rating-form")).to_have_count(0)
    given = person.request.get(f"/api/v1/me/ratings/{rating['id']}/rectification").json()
    assert (given["level"], given["comment"], given["state"]) == (1, BAD_COMMENT, "awaiting-callback"), given
    ticket = given["id"]
    scores = [r for r in person.request.get("/api/v1/me/ratings").json()["items"] if r["id"] == rating["id"]][0]
    assert scores["scores"] == {"overall": 1, "efficiency": 2, "guide-accuracy": 1, "convenience": 1,
                                "ease-of-use": 1}, scores

    # The bureau's admin finds the ticket in the overview's queue, with the reason but not the person.
    admin = staff.page(new_context, "scj-admin", "/staff/evaluation", "好差评工作台")
    admin_problems = watch(admin)
    item = admin.locator("li", has_text=BAD_COMMENT)
    expect(item).to_have_count(1)
    expect(item).to_have_attribute("id", f"ticket-{ticket}")
    expect(item.locator(".eva-level")).to_have_text("非常不满意")
    item.get_by_role("link", name=ITEM_NAME).click()
    checked(admin, f"差评整改：{ITEM_NAME}")
    ticket_url = admin.url.split("?")[0]
    assert ticket_url.endswith(f"/staff/evaluation/rectifications/{ticket}"), ticket_url
    facts = admin.locator("dl.facts")
    ticket_state(admin, "待回访核实")
    expect(fact(facts, "责任部门")).to_have_text(DEPARTMENT)
    expect(fact(facts, "评价等级")).to_have_text("非常不满意")
    expect(admin.locator("#ticket-comment")).to_have_text(BAD_COMMENT)
    expect(fact(facts, "联系电话")).to_have_text(DEMO_PHONE[:3] + "****" + DEMO_PHONE[-4:])
    expect(admin.locator("main")).not_to_contain_text(DEMO_PHONE)

    # 查看联系方式: the phone in clear, on this response only.
    assert submit(admin, "查看联系方式", f"/rectifications/{ticket}/contact").status == 200
    checked(admin, f"差评整改：{ITEM_NAME}")
    expect(admin.locator("#ticket-contact-phone")).to_have_text(DEMO_PHONE)
    expect(admin.locator("#ticket-contact-name")).to_have_text(DEMO_NAME)

    # 回访核实: verified, with a plan and a deadline a week ahead (within the 15 working days).
    admin.get_by_label("属实（需整改）").check()
    admin.get_by_label("回访情况（2至1000字）").fill("已电话联系申请人，窗口材料口径确与网上指南不一致，情况属实。")
    admin.get_by_label("整改措施（属实时必填）").fill(PLAN)
    today = datetime.date.fromisoformat(admin.get_by_label("整改期限").get_attribute("min"))
    deadline = (today + datetime.timedelta(days=7)).isoformat()
    admin.get_by_label("整改期限").fill(deadline)
    assert submit(admin, "记录回访", f"/rectifications/{ticket}/callback").status == 303
    checked(admin, f"差评整改：{ITEM_NAME}")
    expect(admin.locator("#form-notice")).to_have_text("回访情况已记录。")
    ticket_state(admin, "整改中")
    expect(fact(admin.locator("dl.facts"), "整改期限")).to_have_text(deadline)
    expect(admin.locator("#ticket-contact-phone")).to_have_count(0)  # not shown again

    # 反馈群众.
    admin.get_by_label("反馈内容（5至1000字）").fill(FEEDBACK)
    assert submit(admin, "反馈群众", f"/rectifications/{ticket}/answer").status == 303
    checked(admin, f"差评整改：{ITEM_NAME}")
    expect(admin.locator("#form-notice")).to_have_text("已反馈群众。")
    ticket_state(admin, "已反馈待确认")

    # The citizen reads the result and appeals.
    person.goto(rating_url)
    checked(person, f"评价：{ITEM_NAME}")
    ticket_state(person, "已反馈待确认", "#rectification-state")
    expect(person.locator("#rectification-progress")).to_contain_text(FEEDBACK)
    expect(person.locator("#rectification-progress")).to_contain_text(PLAN)
    person.get_by_label("申诉理由（5至1000字）").fill(APPEAL)
    assert submit(person, "提交申诉", f"/me/ratings/{rating['id']}/appeal").status == 303
    checked(person, f"评价：{ITEM_NAME}")
    expect(person.locator("#form-notice")).to_have_text("申诉已提交，监督员将进行复核。")
    ticket_state(person, "申诉复核中", "#rectification-state")
    expect(person.locator("#rectification-accept-form")).to_have_count(0)

    # The department cannot decide its own appeal; the supervisor upholds it.
    admin.goto(ticket_url)
    checked(admin, f"差评整改：{ITEM_NAME}")
    ticket_state(admin, "申诉复核中")
    expect(admin.locator("#ticket-decision-form")).to_have_count(0)
    supervisor = staff.page(new_context, "zwj-jd01", ticket_url, f"差评整改：{ITEM_NAME}")
    supervisor_problems = watch(supervisor)
    expect(supervisor.locator("main")).to_contain_text(APPEAL)
    supervisor.get_by_label("申诉成立（部门重新整改）").check()
    supervisor.get_by_label("复核意见（5至1000字）").fill(REVIEW)
    assert submit(supervisor, "提交复核意见", f"/rectifications/{ticket}/appeal-decision").status == 303
    checked(supervisor, f"差评整改：{ITEM_NAME}")
    expect(supervisor.locator("#form-notice")).to_have_text("复核意见已记录。")
    ticket_state(supervisor, "整改中")

    # The bureau answers again; the citizen accepts; the ticket is closed on both sides.
    admin.goto(ticket_url)
    checked(admin, f"差评整改：{ITEM_NAME}")
    ticket_state(admin, "整改中")
    admin.get_by_label("反馈内容（5至1000字）").fill(SECOND_FEEDBACK)
    assert submit(admin, "反馈群众", f"/rectifications/{ticket}/answer").status == 303
    ticket_state(admin, "已反馈待确认")
    person.goto(rating_url)
    checked(person, f"评价：{ITEM_NAME}")
    expect(person.locator("#rectification-progress")).to_contain_text(SECOND_FEEDBACK)
    expect(person.locator("#rectification-state")).to_contain_text("已反馈待确认")
    expect(person.locator("#rectification-progress")).to_contain_text("申诉成立")
    assert submit(person, "确认整改结果", f"/me/ratings/{rating['id']}/accept").status == 303
    checked(person, f"评价：{ITEM_NAME}")
    expect(person.locator("#form-notice")).to_have_text("您已确认整改结果，整改单已办结。")
    ticket_state(person, "已办结", "#rectification-state")
    expect(person.locator("#rectification-appeal-form")).to_have_count(0)
    admin.goto(ticket_url)
    checked(admin, f"差评整改：{ITEM_NAME}")
    ticket_state(admin, "已办结")
    expect(admin.locator(".case-actions form")).to_have_count(0)
    closed = admin.request.get(f"/api/v1/staff/evaluation/rectifications/{ticket}").json()
    assert (closed["state"], closed["verified"], closed["appealUpheld"], closed["feedback"]) == (
        "closed", True, True, SECOND_FEEDBACK), closed

    # The scoreboard counts the bad review as called back on time, rectified on time and answered.
    after = scoreboard_line(visitor)
    delta = {key: after[key] - before[key] for key in (
        "total", "bad", "calledBack", "calledBackOnTime", "rectificationDue", "rectifiedOnTime", "answered")}
    assert delta == {"total": 1, "bad": 1, "calledBack": 1, "calledBackOnTime": 1, "rectificationDue": 1,
                     "rectifiedOnTime": 1, "answered": 1}, (before, after)
    assert [a - b for a, b in zip(after["byLevel"], before["byLevel"])] == [1, 0, 0, 0, 0]

    # The page shows the same figures for the same period, and draws its charts.
    board = scoreboard(visitor)
    visitor.goto(f"/evaluation?dimension=department&from={board['from']}&to={board['to']}")
    checked(visitor, "政务服务好差评")
    line = visitor.locator("#scoreboard-table tbody tr", has=visitor.locator("th", has_text=DEPARTMENT))
    expect(line).to_have_count(1)
    cells = line.locator("td")
    expect(cells.nth(0)).to_have_text(str(after["byLevel"][4]))  # 非常满意 first, as people read a scale
    expect(cells.nth(4)).to_have_text(str(after["byLevel"][0]))
    expect(cells.nth(5)).to_have_text(str(after["total"]))
    expect(cells.nth(8)).to_have_text(per_mille_text(after.get("callbackPerMille")))
    expect(cells.nth(9)).to_have_text(per_mille_text(after.get("rectificationPerMille")))
    for chart in ("#chart-levels", "#chart-satisfaction"):
        svg = visitor.locator(f"{chart} svg")
        expect(svg).to_have_count(1)
        expect(svg).to_be_visible()
        expect(svg).to_contain_text(DEPARTMENT)
    assert problems == [] and admin_problems == [] and supervisor_problems == []
    assert refused_form_problems == [], "accessibility problems on the refused rating form:\n" + "\n".join(
        refused_form_problems)


def per_mille_text(value: int | None) -> str:
    """A per-mille rate as the pages print it: 953 → 95.3%, none → —."""
    return "—" if value is None else f"{value // 10}.{value % 10}%"


def test_b_a_consultation_is_answered_rated_and_published_on_the_guide(new_context, staff):
    person = citizen(new_context, "/me/messages", "我的留言")
    problems = watch(person)
    # From the item's guide: 我要咨询 names the item.
    person.goto(f"/services/items/{FOOD_PERMIT}")
    checked(person, ITEM_NAME)
    person.get_by_role("link", name="我要咨询").click()
    checked(person, "我要留言")
    expect(person.locator("#message-item-name")).to_have_text(f"关于事项：{ITEM_NAME}")
    expect(person.get_by_label("事项编码（针对具体事项时填写，部门自动确定）")).to_have_value(FOOD_PERMIT)
    person.get_by_label("咨询", exact=True).check()
    person.get_by_label("标题（2至50字）").fill(QUESTION_TITLE)
    person.get_by_label("内容（5至2000字）").fill(QUESTION)
    person.get_by_label("联系电话（11位手机号，部门答复时联系您）").fill(DEMO_PHONE)
    assert submit(person, "提交留言", "/me/messages/new").status == 303
    heading = f"咨询：{QUESTION_TITLE}"
    checked(person, heading)
    message_url = person.url.split("?")[0]
    message = id_in(message_url)
    expect(person.locator("#form-notice")).to_have_text("留言已提交，部门将在答复期限内答复您。")
    expect(person.locator("#message-state")).to_have_text("待答复")
    expect(person.locator("#message-number")).to_have_text(re.compile(r"^ZX\d{16}$"))  # 咨询, the day, 8 digits
    facts = person.locator("dl.facts")
    expect(fact(facts, "留言对象")).to_contain_text(ITEM_NAME)
    expect(fact(facts, "留言对象")).to_contain_text(DEPARTMENT)
    expect(person.locator("#message-feedback-form")).to_have_count(0)  # nothing to rate before the answer

    # The bureau's admin answers it from the overview's queue and publishes it as an FAQ.
    admin = staff.page(new_context, "scj-admin", "/staff/evaluation", "好差评工作台")
    admin_problems = watch(admin)
    admin.locator("#overview-messages").get_by_role("link", name=QUESTION_TITLE).click()
    checked(admin, heading)
    assert admin.url.split("?")[0].endswith(f"/staff/evaluation/messages/{message}"), admin.url
    expect(admin.locator("#message-state")).to_have_text("待答复")
    expect(fact(admin.locator("dl.facts"), "联系电话")).to_have_text(DEMO_PHONE[:3] + "****" + DEMO_PHONE[-4:])
    expect(admin.locator("#message-faq-form")).to_have_count(0)  # an FAQ needs an answer first
    admin.get_by_label("答复内容（5至2000字）").fill(ANSWER)
    assert submit(admin, "发送答复", f"/messages/{message}/answer").status == 303
    checked(admin, heading)
    expect(admin.locator("#form-notice")).to_have_text("答复已发送。")
    expect(admin.locator("#message-state")).to_have_text("已答复")
    expect(admin.locator("#message-answer")).to_have_text(ANSWER)
    admin.get_by_label("问题（5至200字）").fill(FAQ_QUESTION)
    admin.get_by_label("解答（5至2000字）").fill(ANSWER)
    assert submit(admin, "发布为常见问题", f"/messages/{message}/faq").status == 303
    checked(admin, heading)
    expect(admin.locator("#form-notice")).to_have_text("已转为该事项的常见问题，办事指南页已显示。")
    expect(admin.locator("#message-faq-published")).to_be_visible()
    expect(admin.locator("#message-faq-form")).to_have_count(0)  # once per consultation

    # The citizen reads the answer and rates it.
    person.goto(message_url)
    checked(person, heading)
    expect(person.locator("#message-state")).to_have_text("已答复")
    expect(person.locator("#message-answer")).to_have_text(ANSWER)
    choose(person.locator("#message-feedback-form"), "满意")
    person.get_by_label("评价意见（选填，最多500字）").fill("答复清楚，谢谢。")
    assert submit(person, "提交评价", f"/me/messages/{message}/feedback").status == 303
    checked(person, heading)
    expect(person.locator("#form-notice")).to_have_text("感谢您对答复的评价。")
    expect(person.locator("#message-state")).to_have_text("已评价")
    expect(person.locator("#message-feedback-level")).to_have_text("满意")
    expect(person.locator("#message-feedback-form")).to_have_count(0)  # once
    record = person.request.get(f"/api/v1/me/messages/{message}").json()
    assert (record["kind"], record["state"], record["feedbackLevel"], record["itemCode"]) == (
        "consultation", "closed", 4, FOOD_PERMIT), record

    # Anyone sees the question under 常见问题 on the item's guide, and in the public JSON.
    visitor = new_context(viewport={"width": 1280, "height": 800}).new_page()
    visitor_problems = watch(visitor)
    visitor.goto(f"/services/items/{FOOD_PERMIT}")
    checked(visitor, ITEM_NAME)
    faq = visitor.locator("section[aria-labelledby=faq-title]")
    expect(faq.locator("h2")).to_have_text("常见问题")
    entry = faq.locator("#faq-consultations dt", has_text=FAQ_QUESTION)
    expect(entry).to_have_count(1)
    expect(faq.locator(f"#faq-consultations dt:text-is('{FAQ_QUESTION}') + dd")).to_contain_text(ANSWER)
    published = visitor.request.get(f"/api/v1/evaluation/items/{FOOD_PERMIT}/faq").json()["items"]
    assert [(e["question"], e["answer"]) for e in published] == [(FAQ_QUESTION, ANSWER)], published
    assert problems == [] and admin_problems == [] and visitor_problems == []


def test_c_a_counter_visit_is_rated_once_on_the_device_without_login(new_context, browser, server, staff, tmp_path):
    window_before = scoreboard_line(new_context().new_page(), WINDOW, "window")
    assert window_before["total"] == 0, window_before
    person = citizen(new_context, "/me/ratings", "我的评价")
    case_url = start_food_permit(person, shop="石家庄市长安区张三凉菜坊")
    upload_and_submit(person, case_url, tmp_path)

    # The clerk records the visit on the staff case page and gets the device's code and QR.
    clerk = staff.page(new_context, "scj-sl01")
    clerk_problems = watch(clerk)
    clerk.goto(case_url.replace("/me/cases/", "/staff/cases/"))
    checked(clerk, ITEM_NAME)
    clerk.get_by_label("服务窗口名称").fill(WINDOW)
    assert submit(clerk, "生成评价码", f"/staff/cases/{case_id(case_url)}/counter-rating").status == 200
    checked(clerk, "窗口评价")
    expect(clerk.locator("#counter-code-window")).to_have_text(WINDOW)
    code = clerk.locator("#counter-code").text_content().strip()
    device_url = f"{server.url}/evaluation/counter/{code}"
    expect(clerk.locator("#counter-device-link")).to_have_attribute("href", device_url)
    svg = clerk.locator("#counter-code-qr svg").evaluate("svg => svg.outerHTML")
    assert decode_svg(svg, browser) == [device_url.encode("ascii")]

    # The device: a browser that never signed in opens the scanned address and rates.
    device = new_context(viewport={"width": 800, "height": 1280}, has_touch=True).new_page()
    device_problems = watch(device)
    assert device.goto(device_url).status == 200
    checked(device, "请为本次窗口服务评价")
    expect(device.locator("#counter-item")).to_have_text(ITEM_NAME)
    expect(device.locator("#counter-window")).to_have_text(WINDOW)
    expect(device.locator("main")).not_to_contain_text("张三")  # nothing about the person
    choose(device.locator("#field-level"), "非常满意")
    device.locator("summary").click()
    choose(device.locator("#field-score-attitude"), "满意")
    assert submit(device, "提交评价", f"/evaluation/counter/{code}").status == 200
    checked(device, "感谢您的评价！")
    expect(device.locator("#counter-thanks .eva-given")).to_have_text("非常满意")

    # Used once: the same code now says so, on the page and in the API.
    assert device.goto(device_url).status == 404
    checked(device, "请为本次窗口服务评价")
    expect(device.locator("#counter-unusable")).to_contain_text("评价码无效")
    expect(device.locator("#counter-rating-form")).to_have_count(0)
    again = device.request.post(f"/api/v1/evaluation/counter/{code}", data={"level": 1, "comment": "重复评价"})
    assert again.status == 404, again.text()

    # The citizen's 我的评价 shows it given, and the window's line counts it.
    person.goto("/me/ratings")
    checked(person, "我的评价")
    given = person.locator("#ratings-given li", has_text=WINDOW)
    expect(given).to_have_count(1)
    expect(given).to_contain_text("非常满意")
    window_after = scoreboard_line(device, WINDOW, "window")
    assert (window_after["total"], window_after["byLevel"]) == (1, [0, 0, 0, 0, 1]), window_after
    ratings = person.request.get("/api/v1/me/ratings").json()["items"]
    counter = [r for r in ratings if r["channel"] == "counter" and r["caseId"].lower() == case_id(case_url).lower()]
    assert [(r["level"], r["serviceWindow"], r["scores"]["attitude"], r["scores"]["competence"]) for r in counter] == [
        (5, WINDOW, 4, 5)], counter
    assert clerk_problems == [] and device_problems == []
