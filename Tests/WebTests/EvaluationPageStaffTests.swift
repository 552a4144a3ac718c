import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Server
import Testing

/// The staff's 好差评 pages over HTTP against the real application: the overview with its queues
/// and overdue marks, the rectification ticket's forms step by step (call-back, contact, feedback,
/// the supervisor's review), the citizen's accept and appeal in between, and who sees what.
///
/// scj-admin answers for 市市场监督管理局 (evaluation.respond); zwj-jd01 is the service supervisor.
@Suite("Evaluation pages: staff")
struct EvaluationPageStaffTests {
    typealias API = CaseAPITests
    typealias Pages = EvaluationPageCitizenTests

    /// The ticket link of the rating whose comment is `comment`, on the staff ratings page.
    static func ticketPath(_ html: String, comment: String) -> String? {
        PaymentPageCitizenTests.match(
            html, "评价意见：\(comment)</p>\\s*<p><a href=\"(/staff/evaluation/rectifications/[0-9A-Fa-f-]{36})\">")
    }

    /// A case rated 不满意 through the form, and its ticket's staff page as scj-admin finds it in
    /// the bad ratings: (citizen session, rating id, scj-admin's cookie, ticket path).
    static func badReviewTicket(_ client: any TestClientProtocol, _ platform: Platform) async throws
        -> (session: String, ratingID: String, admin: String, ticket: String)
    {
        let (session, _, ratingID, _) = try await Pages.concluded(client, platform)
        try await Pages.badReview(client, session: session, ratingID: ratingID)
        let admin = try await StaffLogin.signIn(client, platform, as: "scj-admin")
        let ratings = try await Pages.staffGet(client, "/staff/evaluation/ratings?bad=true", as: admin)
        let ticket = try #require(ticketPath(ratings.text, comment: "窗口让我跑了三趟才办完"), "\(ratings.text)")
        return (session, ratingID, admin, ticket)
    }

    @Test("a bad review goes through call-back, feedback, appeal and review on the pages, one form at a time")
    func rectificationLoop() async throws {
        try await API.run { client, platform in
            // Setup: the citizen rates 不满意 through the form.
            let (session, ratingID, admin, ticket) = try await Self.badReviewTicket(client, platform)
            let supervisor = try await StaffLogin.signIn(client, platform, as: "zwj-jd01")
            let citizenPage = "/me/ratings/\(ratingID)"

            // Act: the overview and the ticket as it opens.
            let overview = try await Pages.staffGet(client, "/staff/evaluation", as: admin)
            let opened = try await Pages.staffGet(client, ticket, as: admin)
            // Act: the call-back, refused twice, then recorded.
            let noVerdict = try await Pages.staffPost(
                client, ticket + "/callback", ["note": "已电话联系申请人"], as: admin)
            let lateDeadline = try await Pages.staffPost(
                client, ticket + "/callback",
                ["verified": "yes", "note": "已电话联系申请人", "plan": "增加一名窗口人员", "deadline": "2026-12-31"], as: admin)
            let calledBack = try await Pages.staffPost(
                client, ticket + "/callback", ["verified": "yes", "note": "已电话联系申请人，情况属实", "plan": "增加一名窗口人员"],
                as: admin)
            let rectifying = try await Pages.staffGet(client, ticket, as: admin)
            // Act: 查看联系方式, then the page again.
            let revealed = try await Pages.staffPost(client, ticket + "/contact", [:], as: admin)
            let afterReveal = try await Pages.staffGet(client, ticket, as: admin)
            // Act: the feedback, refused once, then given.
            let shortFeedback = try await Pages.staffPost(client, ticket + "/answer", ["feedback": "好"], as: admin)
            let answered = try await Pages.staffPost(
                client, ticket + "/answer", ["feedback": "已增加窗口人员，现场等候时间缩短到十分钟以内。"], as: admin)
            // Act: the citizen appeals.
            let citizenAnswered = try await IdentityPagesTests.get(client, citizenPage, session: session)
            let shortAppeal = try await IdentityPagesTests.post(
                client, citizenPage + "/appeal", ["reason": "不"], session: session)
            let appealed = try await IdentityPagesTests.post(
                client, citizenPage + "/appeal", ["reason": "上周再去办事仍然排了很久的队。"], session: session)
            // Act: the review, refused to the department, decided by the supervisor.
            let adminAppealed = try await Pages.staffGet(client, ticket, as: admin)
            let supervisorAppealed = try await Pages.staffGet(client, ticket, as: supervisor)
            let adminDecides = try await Pages.staffPost(
                client, ticket + "/appeal-decision", ["upheld": "no", "reviewNote": "部门已按期整改完毕"], as: admin)
            let decided = try await Pages.staffPost(
                client, ticket + "/appeal-decision", ["upheld": "no", "reviewNote": "经复核，部门已按期整改完毕"], as: supervisor)
            let closed = try await Pages.staffGet(client, ticket, as: supervisor)
            let citizenClosed = try await IdentityPagesTests.get(client, citizenPage, session: session)

            // Verify: the overview counts the department's figures and queues the ticket with its due day
            // (3 working days after 2026-04-28 is 2026-05-06, across 劳动节: 8 days away).
            #expect(overview.status == .ok && overview.text.contains(#"id="overview-kpi""#))
            #expect(overview.text.contains("<th scope=\"row\">市市场监督管理局</th>"))
            #expect(overview.text.contains(#"<h3 id="queue-awaiting-callback">待回访核实（"#))
            #expect(overview.text.contains("回访期限 2026-05-06 <span class=\"deadline deadline-green\">剩8天</span>"))
            // Verify: the opened ticket offers the call-back only, the phone masked.
            #expect(opened.text.contains(#"data-state="awaiting-callback">待回访核实<"#))
            #expect(opened.text.contains("138****0000") && !opened.text.contains("13800000000"))
            #expect(
                opened.text.contains(#"id="ticket-callback-form""#)
                    && opened.text.contains(#"id="ticket-contact-form""#))
            #expect(
                !opened.text.contains(#"id="ticket-answer-form""#)
                    && !opened.text.contains(#"id="ticket-decision-form""#))
            // Verify: refusals stay on the page with what was typed.
            #expect(noVerdict.status == .unprocessableContent && noVerdict.text.contains("请选择核实结果"))
            #expect(noVerdict.text.contains(">已电话联系申请人</textarea>"))
            #expect(lateDeadline.status == .unprocessableContent && lateDeadline.text.contains("整改期限有误"))
            #expect(lateDeadline.text.contains(#"id="callback-verified-yes" checked"#))
            #expect(lateDeadline.text.contains(">增加一名窗口人员</textarea>"))
            #expect(calledBack.status == .seeOther && calledBack.headers[.location] == ticket + "?done=called-back")
            // Verify: rectifying, due 15 working days later, the feedback form only.
            #expect(rectifying.text.contains(#"data-state="rectifying">整改中<"#))
            #expect(rectifying.text.contains("<dt>整改期限</dt><dd>2026-05-21</dd>"))
            #expect(
                rectifying.text.contains(#"id="ticket-answer-form""#)
                    && !rectifying.text.contains("ticket-callback-form"))
            // Verify: the contact in clear once, on the answer to the post only.
            #expect(revealed.status == .ok && revealed.text.contains(#"id="ticket-contact-name">张三<"#))
            #expect(revealed.text.contains(#"id="ticket-contact-phone">13800000000<"#))
            #expect(!afterReveal.text.contains("13800000000") && !afterReveal.text.contains("张三"))
            #expect(shortFeedback.status == .unprocessableContent && shortFeedback.text.contains("反馈内容"))
            #expect(answered.status == .seeOther)
            // Verify: the citizen sees the feedback and may accept or appeal until the appeal deadline.
            #expect(citizenAnswered.text.contains("反馈内容：已增加窗口人员，现场等候时间缩短到十分钟以内。"))
            #expect(citizenAnswered.text.contains(#"id="rectification-accept-form""#))
            #expect(citizenAnswered.text.contains(#"id="rectification-appeal-form""#))
            #expect(!citizenAnswered.text.contains("已电话联系申请人"), "the call-back note is the department's own")
            #expect(shortAppeal.status == .unprocessableContent && shortAppeal.text.contains("申诉理由"))
            #expect(appealed.status == .seeOther && appealed.headers[.location] == citizenPage + "?done=appealed")
            // Verify: only the supervisor gets the review form; the department is refused on the page.
            #expect(!adminAppealed.text.contains(#"id="ticket-decision-form""#))
            #expect(supervisorAppealed.text.contains(#"id="ticket-decision-form""#))
            #expect(adminDecides.status == .forbidden && adminDecides.text.contains(#"id="form-error""#))
            #expect(decided.status == .seeOther)
            #expect(closed.text.contains(#"data-state="closed">已办结<"#) && !closed.text.contains("ticket-contact-form"))
            #expect(citizenClosed.text.contains("复核结论：申诉不成立"))
            #expect(citizenClosed.text.contains("复核意见：经复核，部门已按期整改完毕"))
        }
    }

    @Test("the workbench needs a staff session; staff without evaluation work see empty queues; the menu links it")
    func access() async throws {
        try await API.run { client, platform in
            // Setup
            let (session, _, ratingID, clerk) = try await Pages.concluded(client, platform)
            try await Pages.badReview(client, session: session, ratingID: ratingID)
            let admin = try await StaffLogin.signIn(client, platform, as: "scj-admin")

            // Act
            let anonymous = try await IdentityPagesTests.get(client, "/staff/evaluation")
            let citizen = try await IdentityPagesTests.get(client, "/staff/evaluation/ratings", session: session)
            let clerkOverview = try await Pages.staffGet(client, "/staff/evaluation", as: clerk)
            let clerkRatings = try await Pages.staffGet(client, "/staff/evaluation/ratings", as: clerk)
            let adminHome = try await Pages.staffGet(client, "/admin", as: admin)
            let clerkHome = try await Pages.staffGet(client, "/admin", as: clerk)
            let unknownTicket = try await Pages.staffGet(
                client, "/staff/evaluation/rectifications/\(UUID().uuidString)", as: admin)
            let malformedTicket = try await Pages.staffGet(client, "/staff/evaluation/rectifications/x", as: admin)
            // Act: nine days later (2026-05-07), the call-back due on 2026-05-06 is one day late.
            let clock = try #require(platform.clock as? FixedClock)
            clock.advance(by: 9 * 86_400)
            let later = try await StaffLogin.signIn(client, platform, as: "scj-admin")
            let overdue = try await Pages.staffGet(client, "/staff/evaluation", as: later)

            // Verify
            #expect(anonymous.status == .forbidden && anonymous.text.contains("请以工作人员身份登录"))
            #expect(citizen.status == .forbidden)
            #expect(clerkOverview.status == .ok && clerkOverview.text.contains("没有待办的差评整改"))
            #expect(clerkOverview.text.contains(#"id="overview-kpi-empty""#))
            #expect(!clerkRatings.text.contains("窗口让我跑了三趟才办完"))
            #expect(adminHome.text.components(separatedBy: #"href="/staff/evaluation""#).count == 2)
            #expect(adminHome.text.contains("好差评与政民互动"))
            #expect(!clerkHome.text.contains(#"href="/staff/evaluation""#))
            #expect(unknownTicket.status == .notFound && unknownTicket.text.contains("整改单不存在"))
            #expect(malformedTicket.status == .notFound)
            #expect(overdue.text.contains(#"id="tickets-overdue">超期 1<"#))
            #expect(overdue.text.contains("回访期限 2026-05-06 <span class=\"deadline deadline-overdue\">已超期1天</span>"))
        }
    }
}
