import Foundation
import Hummingbird
import HummingbirdTesting
import Identity
import Kernel
import Server
import Testing

/// The citizen's 好差评 pages over HTTP against the real application with the demo catalog:
/// 我的评价, the rating form with its indicators and refusals, and the rectification's progress.
/// The clock is pinned to Tuesday 2026-04-28 10:00 in Beijing; the shared helpers of the
/// evaluation page suites live here.
@Suite("Evaluation pages: citizen")
struct EvaluationPageCitizenTests {
    typealias API = CaseAPITests

    /// A rating id in a page's links.
    static let ratingLink = #"/me/ratings/([0-9A-Fa-f-]{36})""#

    /// A staff page.
    static func staffGet(_ client: any TestClientProtocol, _ path: String, as cookie: String) async throws
        -> TestResponse
    {
        try await client.execute(uri: path, method: .get, headers: StaffLogin.headers(cookie))
    }

    /// A staff form post that passes the CSRF check.
    static func staffPost(
        _ client: any TestClientProtocol, _ path: String, _ fields: [String: String], as cookie: String
    ) async throws -> TestResponse {
        try await client.execute(
            uri: path, method: .post, headers: StaffLogin.headers(cookie, form: true),
            body: IdentityPagesTests.form(fields))
    }

    /// The demo citizen's food-permit case approved to its conclusion by 市市场监督管理局 (intake
    /// scj-sl01, approvers scj-sp01 and scj-sp02), and the online rating the outbox opens for it.
    /// Returns the citizen's session, the case id, the rating id and the intake clerk's cookie.
    static func concluded(_ client: any TestClientProtocol, _ platform: Platform) async throws
        -> (session: String, caseID: String, ratingID: String, clerk: String)
    {
        let (session, caseID, _) = try await API.submitted(client)
        let clerk = try await StaffLogin.signIn(client, platform, as: "scj-sl01")
        let accepted = try await API.call(client, .post, "/api/v1/staff/cases/\(caseID)/accept", as: .staff(clerk))
        #expect(accepted.status == .ok, "\(accepted.text.prefix(300))")
        let first = try await StaffLogin.signIn(client, platform, as: "scj-sp01")
        let second = try await StaffLogin.signIn(client, platform, as: "scj-sp02")
        for staff in [first, second, first] {
            let task = try #require(try await CaseAPIStaffTests.openTasks(client, caseID, staff: staff).first)
            let decided = try await API.call(
                client, .post, "/api/v1/staff/tasks/\(try #require(task["id"] as? String))/decide", as: .staff(staff),
                json: #"{"decision":"approve","comment":"同意"}"#)
            #expect(decided.status == .ok, "\(decided.text.prefix(300))")
        }
        // The rating is opened by the outbox subscriber, in the background.
        let ratingID = try await Polling.until {
            let page = try await IdentityPagesTests.get(client, "/me/ratings", session: session)
            return PaymentPageCitizenTests.match(page.text, ratingLink)
        }
        return (session, caseID, try #require(ratingID, "no rating opened for case \(caseID)"), clerk)
    }

    /// Rates `ratingID` 不满意 with a reason through the form, as the citizen does.
    static func badReview(_ client: any TestClientProtocol, session: String, ratingID: String) async throws {
        let rated = try await IdentityPagesTests.post(
            client, "/me/ratings/\(ratingID)", ["level": "2", "score-efficiency": "1", "comment": "窗口让我跑了三趟才办完"],
            session: session)
        #expect(rated.status == .seeOther && rated.headers[.location] == "/me/ratings/\(ratingID)?done=rated")
    }

    @Test("the rating form shows the online indicators; refusals keep what was typed; a bad review shows its progress")
    func rateOnline() async throws {
        try await API.run { client, platform in
            // Setup
            let (session, _, ratingID, _) = try await Self.concluded(client, platform)
            let path = "/me/ratings/\(ratingID)"

            // Act
            let list = try await IdentityPagesTests.get(client, "/me/ratings", session: session)
            let form = try await IdentityPagesTests.get(client, path, session: session)
            let noLevel = try await IdentityPagesTests.post(
                client, path, ["comment": "还<b>可以</b>"], session: session)
            let noReason = try await IdentityPagesTests.post(
                client, path, ["level": "1", "score-convenience": "2"], session: session)
            try await Self.badReview(client, session: session, ratingID: ratingID)
            let after = try await IdentityPagesTests.get(client, path + "?done=rated", session: session)
            let again = try await IdentityPagesTests.post(client, path, ["level": "5"], session: session)
            let listAfter = try await IdentityPagesTests.get(client, "/me/ratings", session: session)

            // Verify: 我的评价 lists it as open, with the time left (15 days from the conclusion).
            #expect(list.status == .ok && list.text.contains("待评价") && list.text.contains("食品经营许可"))
            #expect(list.text.contains("还剩15天"), "the clock is pinned at the conclusion")
            // Verify: the online set of GB/T 39735, five levels each, the overall level required.
            #expect(form.status == .ok && form.text.contains(#"id="rating-form""#))
            for label in ["总体评价", "办事效率", "办事指南准确性", "办理便捷程度", "系统易用性"] {
                #expect(form.text.contains(label), "indicator \(label)")
            }
            #expect(form.text.contains(#"id="level-5" name="level" value="5" required"#))
            #expect(form.text.contains(#"name="score-ease-of-use" value="1""#))
            #expect(!form.text.contains("业务水平"), "the counter set is not offered online")
            // Verify: refusals are shown on the form in Chinese, with what was typed.
            #expect(noLevel.status == .unprocessableContent && noLevel.text.contains("请选择总体评价"))
            #expect(noLevel.text.contains("还&lt;b&gt;可以&lt;/b&gt;") && !noLevel.text.contains("还<b>"))
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("请填写不满意的原因"))
            #expect(noReason.text.contains(#"id="level-1" name="level" value="1" checked"#))
            #expect(noReason.text.contains(#"id="score-convenience-2" name="score-convenience" value="2" checked"#))
            // Verify: after rating, what was given and the ticket waiting for the call-back.
            #expect(after.text.contains("感谢您的评价！") && after.text.contains(#"id="rating-given-level">不满意<"#))
            #expect(after.text.contains("<dt>办事效率</dt><dd>非常不满意</dd>"))
            #expect(after.text.contains("<dt>系统易用性</dt><dd>不满意</dd>"), "left out, it takes the overall level")
            #expect(after.text.contains(#"data-state="awaiting-callback">待回访核实<"#))
            #expect(after.text.contains("回访期限：2026-05-06"), "3 working days after 04-28, across 劳动节")
            #expect(!after.text.contains(#"id="rating-form""#) && !after.text.contains("rectification-accept-form"))
            // Verify: a second rating is refused on the page (409), not a 500.
            #expect(again.status == .conflict && again.text.contains("只能评价一次"))
            #expect(listAfter.text.contains("查看整改进度") && listAfter.text.contains("没有待评价的服务"))
        }
    }

    @Test("my ratings need a session; someone else's rating and a malformed id read as not found")
    func privacy() async throws {
        try await API.run { client, platform in
            // Setup
            let (_, _, ratingID, _) = try await Self.concluded(client, platform)
            let other = try IdentityPagesTests.token(
                try await IdentityPagesTests.post(client, "/register", IdentityPagesTests.li))

            // Act
            let anonymous = try await IdentityPagesTests.get(client, "/me/ratings/\(ratingID)")
            let anonymousPost = try await IdentityPagesTests.post(client, "/me/ratings/\(ratingID)", ["level": "5"])
            let othersView = try await IdentityPagesTests.get(client, "/me/ratings/\(ratingID)", session: other)
            let othersRate = try await IdentityPagesTests.post(
                client, "/me/ratings/\(ratingID)", ["level": "1", "comment": "不是我的办件"], session: other)
            let othersList = try await IdentityPagesTests.get(client, "/me/ratings", session: other)
            let malformed = try await IdentityPagesTests.get(client, "/me/ratings/not-a-uuid", session: other)
            let noCSRF = try await IdentityPagesTests.post(
                client, "/me/ratings/\(ratingID)", ["level": "5"], session: other, csrf: false)

            // Verify
            #expect(anonymous.status == .seeOther && anonymous.headers[.location]?.hasPrefix("/login?next=") == true)
            #expect(anonymousPost.status == .seeOther)
            #expect(othersView.status == .notFound && othersView.text.contains("评价不存在"))
            #expect(othersRate.status == .notFound)
            #expect(!othersList.text.contains(ratingID) && othersList.text.contains("还没有评价记录"))
            #expect(malformed.status == .notFound && malformed.text.contains("不存在"))
            #expect(noCSRF.status == .forbidden)
        }
    }
}
