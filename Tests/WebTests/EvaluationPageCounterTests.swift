import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Server
import Testing

/// The counter's evaluation device and the public scoreboard over HTTP: a clerk records a visit
/// on the staff case page and gets a one-time code and its QR; the citizen rates on the device
/// without logging in; the rating shows on 我的评价 and on the scoreboard by window.
@Suite("Evaluation pages: counter device and scoreboard")
struct EvaluationPageCounterTests {
    typealias API = CaseAPITests
    typealias Pages = EvaluationPageCitizenTests

    @Test("窗口评价 gives a code and its QR; the device rates once without login; the scoreboard shows the window")
    func counterDevice() async throws {
        try await API.run { client, platform in
            // Setup: a submitted case at 市市场监督管理局's counter.
            let (session, caseID, _) = try await API.submitted(client)
            let clerk = try await StaffLogin.signIn(client, platform, as: "scj-sl01")

            // Act: the case page, a refused window name, the visit recorded.
            let casePage = try await Pages.staffGet(client, "/staff/cases/\(caseID)", as: clerk)
            let noWindow = try await Pages.staffPost(
                client, "/staff/cases/\(caseID)/counter-rating", ["window": "  "], as: clerk)
            let opened = try await Pages.staffPost(
                client, "/staff/cases/\(caseID)/counter-rating", ["window": "3号窗口"], as: clerk)
            let code = try #require(
                PaymentPageCitizenTests.match(opened.text, #"<code id="counter-code">([A-Za-z0-9_-]+)</code>"#))
            let link = try #require(
                PaymentPageCitizenTests.match(opened.text, #"id="counter-device-link" href="([^"]+)""#))
            let device = "/evaluation/counter/\(code)"
            // Act: the device, anonymous: refused without a level, then rated.
            let form = try await IdentityPagesTests.get(client, device)
            let noLevel = try await IdentityPagesTests.post(client, device, ["comment": "服务很好"])
            let rated = try await IdentityPagesTests.post(
                client, device, ["level": "5", "score-attitude": "4", "comment": "服务很好"])
            let reused = try await IdentityPagesTests.get(client, device)
            let reusedPost = try await IdentityPagesTests.post(client, device, ["level": "1", "comment": "再评一次"])
            let malformed = try await IdentityPagesTests.get(client, "/evaluation/counter/%3Cscript%3E")
            // Act: what the citizen and the public see afterwards.
            let mine = try await IdentityPagesTests.get(client, "/me/ratings", session: session)
            let board = try await IdentityPagesTests.get(
                client, "/evaluation?dimension=window&from=2026-04-01&to=2026-04-28")

            // Verify: the case page offers 窗口评价; an empty window name is refused there.
            #expect(casePage.text.contains(#"id="counter-rating-open-form""#))
            #expect(casePage.text.contains(#"action="/staff/cases/\#(caseID)/counter-rating""#))
            #expect(noWindow.status == .unprocessableContent && noWindow.text.contains("服务窗口名称"))
            #expect(noWindow.text.contains(#"id="counter-rating-open-form""#), "the case page again")
            // Verify: the code, the device address and a QR that holds exactly that address.
            #expect(opened.status == .ok && opened.text.contains(#"id="counter-code-window">3号窗口<"#))
            #expect(link.hasPrefix("http") && link.hasSuffix(device))
            let drawn = try #require(PaymentPageCitizenTests.qrModules(opened.text))
            #expect(drawn == (try PaymentPageCitizenTests.expectedModules(link)))
            // Verify: the device shows the visit without personal data, the counter set, big buttons.
            #expect(form.status == .ok && form.text.contains(#"id="counter-window">3号窗口<"#))
            #expect(form.text.contains("食品经营许可") && !form.text.contains("张三") && !form.text.contains("138"))
            #expect(form.text.contains("业务水平") && form.text.contains("服务态度") && !form.text.contains("系统易用性"))
            #expect(form.text.contains(#"class="eva-levels eva-big""#))
            #expect(noLevel.status == .unprocessableContent && noLevel.text.contains("请选择总体评价"))
            #expect(noLevel.text.contains(">服务很好</textarea>"))
            #expect(rated.status == .ok && rated.text.contains(#"id="counter-thanks""#))
            #expect(rated.text.contains(#"<strong class="eva-given">非常满意</strong>"#))
            // Verify: a used code and a malformed one are said in Chinese, never a 500.
            #expect(reused.status == .notFound && reused.text.contains("评价码无效"))
            #expect(reusedPost.status == .notFound && reusedPost.text.contains("评价码无效"))
            #expect(malformed.status == .notFound && malformed.text.contains("评价码无效"))
            #expect(!malformed.text.contains("<script>"))
            // Verify: the applicant finds the counter rating among those given.
            #expect(mine.text.contains("窗口办理 · 3号窗口 · <span class=\"eva-level lvl-5\">非常满意</span>"))
            // Verify: the window's line: one 非常满意, 满意率 100%, no bad reviews, average 5.00.
            #expect(board.status == .ok && board.text.contains(#"aria-current="page">按服务窗口<"#))
            let row = try #require(
                PaymentPageCitizenTests.match(board.text, #"<tr><th scope="row">3号窗口</th><td>[^<]*</td>(.*?)</tr>"#))
            // The department cell is left out: the domain does not name it on window lines yet.
            #expect(
                row == #"<td class="eva-num">1</td><td class="eva-num">0</td>"#
                    + #"<td class="eva-num">0</td><td class="eva-num">0</td><td class="eva-num">0</td>"#
                    + #"<td class="eva-num">1</td><td class="eva-num">100.0%</td><td class="eva-num">0.0%</td>"#
                    + #"<td class="eva-num">—</td><td class="eva-num">—</td><td class="eva-num">—</td>"#
                    + #"<td class="eva-num">5.00</td>"#)
            #expect(
                board.text.contains(
                    #"<svg class="eva-chart" role="img" aria-label="各服务窗口评价等级分布（2026-04-01 至 2026-04-28）""#))
            #expect(board.text.contains("<title>3号窗口：满意率 100.0%（共1条评价）</title>"))
            #expect(
                board.text.contains(
                    #"href="/api/v1/evaluation/scoreboard?dimension=window&amp;from=2026-04-01&amp;to=2026-04-28""#))
        }
    }

    @Test(
        "scoreboard filters that do not parse are answered on the page (400) with the filters kept",
        arguments: [
            ("/evaluation?dimension=city", "统计维度有误", #"name="dimension" value="department""#),
            ("/evaluation?from=2026-02-30", "2026年2月30日不是有效的日期", "value=\"2026-02-30\""),
            ("/evaluation?from=%3Cscript%3E", "日期格式错误", "&lt;script&gt;"),
            ("/evaluation?department=not-a-uuid", "部门参数有误", #"id="scoreboard-department""#),
            (
                "/evaluation?from=2026-04-28&to=2026-04-01", "统计期间有误",
                #"id="scoreboard-to" name="to" type="date" value="2026-04-01""#
            ),
        ])
    func badFilters(path: String, message: String, kept: String) async throws {
        try await API.run { client, _ in
            // Act
            let page = try await IdentityPagesTests.get(client, path)

            // Verify
            #expect(page.status == .badRequest, "\(path)")
            #expect(page.text.contains(#"id="form-error""#) && page.text.contains(message), "\(path)")
            #expect(page.text.contains(kept), "\(path)")
            #expect(!page.text.contains("<script>") && !page.text.contains(#"id="scoreboard-table""#))
            #expect(page.text.contains(#"id="scoreboard-filter""#), "the filters stay usable")
        }
    }

    @Test("the scoreboard by default: this year by department, the three tabs and the JSON link of the same figures")
    func defaults() async throws {
        try await API.run { client, _ in
            // Act
            let page = try await IdentityPagesTests.get(client, "/evaluation")

            // Verify
            #expect(page.status == .ok)
            #expect(
                page.text.contains(
                    #"id="tab-department" href="/evaluation?dimension=department&amp;from=2026-01-01&amp;to=2026-04-28" aria-current="page">按部门<"#
                ))
            #expect(
                page.text.contains(
                    #"id="tab-item" href="/evaluation?dimension=item&amp;from=2026-01-01&amp;to=2026-04-28">按事项<"#))
            #expect(page.text.contains(#"id="tab-window""#))
            #expect(
                page.text.contains(
                    #"id="scoreboard-json" href="/api/v1/evaluation/scoreboard?dimension=department&amp;from=2026-01-01&amp;to=2026-04-28""#
                ))
            #expect(page.text.contains(#"name="from" type="date" value="2026-01-01""#))
            #expect(page.text.contains("差评回访率") && page.text.contains("按期整改率"))
            #expect(!page.text.contains("style=") && !page.text.contains("<script>"), "nothing inline under the CSP")
        }
    }
}
