import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import StorageTesting
import Testing

/// Rating a concluded case over the API, and the bad-review loop: the ticket it opens, the
/// department's call-back and answer, the citizen's appeal and the supervisor's decision.
@Suite("Evaluation API: ratings and rectification")
struct EvaluationAPIRatingTests {
    typealias API = CaseAPITests
    typealias Fixture = EvaluationAPITests

    @Test("the citizen rates their concluded case once; the scoreboard counts it", arguments: TestDatabase.available)
    func rateOnce(kind: TestDatabase) async throws {
        try await Fixture.run(on: kind) { client, platform in
            // Setup
            let (session, caseID, ratingID) = try await Fixture.ratableCase(client, platform)
            let other = try IdentityPagesTests.token(
                try await IdentityPagesTests.post(client, "/register", IdentityPagesTests.li))

            // Act
            let before = try Fixture.items(try await API.call(client, .get, "/api/v1/me/ratings", as: .person(session)))
            let unknownIndicator = try await API.call(
                client, .post, "/api/v1/me/ratings/\(ratingID)", as: .person(session),
                json: #"{"level":5,"scores":{"attitude":5}}"#)
            let byOther = try await API.call(
                client, .post, "/api/v1/me/ratings/\(ratingID)", as: .person(other), json: #"{"level":1,"comment":"差"}"#
            )
            let rated = try await API.call(
                client, .post, "/api/v1/me/ratings/\(ratingID)", as: .person(session),
                json: #"{"level":5,"scores":{"efficiency":4},"comment":"  办得很快  "}"#)
            let again = try await API.call(
                client, .post, "/api/v1/me/ratings/\(ratingID)", as: .person(session), json: #"{"level":4}"#)
            let ticket = try await API.call(
                client, .get, "/api/v1/me/ratings/\(ratingID)/rectification", as: .person(session))
            let othersList = try await API.call(client, .get, "/api/v1/me/ratings", as: .person(other))
            let board = try await API.call(client, .get, "/api/v1/evaluation/scoreboard", as: .nobody)
            let byItem = try await API.call(client, .get, "/api/v1/evaluation/scoreboard?dimension=item", as: .nobody)

            // Verify: the open rating before.
            let open = try #require(before.first)
            #expect((open["caseId"] as? String)?.lowercased() == caseID.lowercased())
            #expect(open["open"] as? Bool == true && open["level"] == nil && open["channel"] as? String == "online")
            #expect(open["indicatorSet"] as? String == "online-v1" && open["departmentName"] as? String == "市市场监督管理局")
            #expect(open["raterAccount"] is String, "the rater sees their own account")
            // Verify: the rules.
            try API.expectProblem(unknownIndicator, 422, "evaluation.indicator")
            try API.expectProblem(byOther, 404, "evaluation.not-found")
            #expect(rated.status == .ok, "\(rated.text.prefix(300))")
            let body = try rated.object()
            #expect(body["level"] as? Int == 5 && body["levelLabel"] as? String == "非常满意")
            #expect(body["open"] as? Bool == false && body["comment"] as? String == "办得很快")
            let scores = try #require(body["scores"] as? [String: Int])
            #expect(scores == ["overall": 5, "efficiency": 4, "guide-accuracy": 5, "convenience": 5, "ease-of-use": 5])
            #expect(rated.headers[.cacheControl] == "no-store")
            try API.expectProblem(again, 409, "evaluation.already-rated")
            try API.expectProblem(ticket, 404, "evaluation.not-found", "a good rating opens no ticket")
            #expect(try Fixture.items(othersList).isEmpty)
            // Verify: one 非常满意 for the bureau: 满意率 100.0%, average 5.00.
            let lines = try #require(try board.object()["lines"] as? [[String: Any]])
            #expect(lines.count == 1 && lines.first?["name"] as? String == "市市场监督管理局")
            let tally = try #require(lines.first?["tally"] as? [String: Any])
            #expect(tally["byLevel"] as? [Int] == [0, 0, 0, 0, 1] && tally["total"] as? Int == 1)
            #expect(tally["satisfactionPerMille"] as? Int == 1000 && tally["averageLevelHundredths"] as? Int == 500)
            #expect(tally["badPerMille"] as? Int == 0 && tally["callbackPerMille"] == nil)
            let itemLine = try #require((try byItem.object()["lines"] as? [[String: Any]])?.first)
            #expect(itemLine["key"] as? String == Fixture.foodPermit)
            #expect(itemLine["departmentName"] as? String == "市市场监督管理局")
        }
    }

    @Test(
        "a bad rating opens a ticket: scj-admin calls back and answers, the citizen appeals, zwj-jd01 decides",
        arguments: TestDatabase.available)
    func badReviewLoop(kind: TestDatabase) async throws {
        try await Fixture.run(on: kind) { client, platform in
            // Setup
            let (session, _, ratingID) = try await Fixture.ratableCase(client, platform)
            let admin = try await StaffLogin.signIn(client, platform, as: "scj-admin")
            let supervisor = try await StaffLogin.signIn(client, platform, as: "zwj-jd01")
            let other = try IdentityPagesTests.token(
                try await IdentityPagesTests.post(client, "/register", IdentityPagesTests.li))

            // Act: the bad review, without and with its reason.
            let noReason = try await API.call(
                client, .post, "/api/v1/me/ratings/\(ratingID)", as: .person(session), json: #"{"level":2}"#)
            let rated = try await API.call(
                client, .post, "/api/v1/me/ratings/\(ratingID)", as: .person(session),
                json: #"{"level":2,"comment":"窗口让我跑了三趟才办完"}"#)
            let mine = try await API.call(
                client, .get, "/api/v1/me/ratings/\(ratingID)/rectification", as: .person(session))
            let ticketID = try #require(try mine.object()["id"] as? String)
            let othersView = try await API.call(
                client, .get, "/api/v1/me/ratings/\(ratingID)/rectification", as: .person(other))
            let badList = try await API.call(
                client, .get, "/api/v1/staff/evaluation/ratings?bad=true", as: .staff(admin))
            let queue = try await API.call(
                client, .get, "/api/v1/staff/evaluation/rectifications?state=awaiting-callback", as: .staff(admin))
            let early = try await API.call(
                client, .post, "/api/v1/me/rectifications/\(ticketID)/accept", as: .person(session))
            let contact = try await API.call(
                client, .post, "/api/v1/staff/evaluation/rectifications/\(ticketID)/contact", as: .staff(admin))
            let badDeadline = try await API.call(
                client, .post, "/api/v1/staff/evaluation/rectifications/\(ticketID)/callback", as: .staff(admin),
                json: #"{"verified":true,"note":"已电话回访","plan":"优化窗口流程","deadline":"2026-02-30"}"#)
            let lateDeadline = try await API.call(
                client, .post, "/api/v1/staff/evaluation/rectifications/\(ticketID)/callback", as: .staff(admin),
                json: #"{"verified":true,"note":"已电话回访","plan":"优化窗口流程","deadline":"2027-01-01"}"#)
            let calledBack = try await API.call(
                client, .post, "/api/v1/staff/evaluation/rectifications/\(ticketID)/callback", as: .staff(admin),
                json: #"{"verified":true,"note":"已电话回访，情况属实","plan":"一次性告知全部材料","deadline":"2026-05-12"}"#)
            let answered = try await API.call(
                client, .post, "/api/v1/staff/evaluation/rectifications/\(ticketID)/answer", as: .staff(admin),
                json: #"{"feedback":"已在窗口张贴一次性告知单"}"#)
            let appealed = try await API.call(
                client, .post, "/api/v1/me/rectifications/\(ticketID)/appeal", as: .person(session),
                json: #"{"reason":"告知单仍缺少两项材料"}"#)
            let byAdmin = try await API.call(
                client, .post, "/api/v1/staff/evaluation/rectifications/\(ticketID)/appeal-decision", as: .staff(admin),
                json: #"{"upheld":true,"note":"申诉理由成立"}"#)
            let decided = try await API.call(
                client, .post, "/api/v1/staff/evaluation/rectifications/\(ticketID)/appeal-decision",
                as: .staff(supervisor), json: #"{"upheld":true,"note":"申诉成立，请补全告知单"}"#)
            let board = try await API.call(client, .get, "/api/v1/evaluation/scoreboard", as: .nobody)

            // Verify: the ticket opened with the reason required first.
            try API.expectProblem(noReason, 422, "evaluation.comment-required")
            #expect(rated.status == .ok)
            #expect(try rated.object()["level"] as? Int == 2)
            let opened = try mine.object()
            #expect(opened["state"] as? String == "awaiting-callback" && opened["level"] as? Int == 2)
            // Three working days from Tue 04-28: 04-29, 04-30 and, after 劳动节 (May 1–5), Wed 05-06.
            #expect(opened["callbackDue"] as? String == "2026-05-06")
            #expect(opened["contactPhoneMasked"] as? String == "138****0000")
            try API.expectProblem(othersView, 404, "evaluation.not-found")
            #expect(try Fixture.items(badList).map { $0["id"] as? String } == [ratingID])
            #expect(try Fixture.items(queue).map { $0["id"] as? String } == [ticketID])
            try API.expectProblem(early, 409, "evaluation.rectification-state")
            #expect(try contact.object()["name"] as? String == "张三")
            #expect(try contact.object()["phone"] as? String == "13800000000")
            // Verify: the call-back's deadline is a day and within the limit.
            try API.expectProblem(badDeadline, 400, "calendar.invalid-day")
            try API.expectProblem(lateDeadline, 422, "evaluation.deadline")
            let verified = try calledBack.object()
            #expect(verified["state"] as? String == "rectifying" && verified["verified"] as? Bool == true)
            #expect(verified["rectifyDue"] as? String == "2026-05-12")
            let answer = try answered.object()
            #expect(answer["state"] as? String == "answered" && answer["rectifiedOnTime"] as? Bool == true)
            #expect(answer["appealDue"] as? String == "2026-05-08", "five working days: 04-29, 04-30, 05-06 to 05-08")
            #expect(try appealed.object()["state"] as? String == "appealed")
            try API.expectProblem(byAdmin, 403, "identity.forbidden", "deciding appeals needs evaluation.supervise")
            let review = try decided.object()
            #expect(review["state"] as? String == "rectifying" && review["appealUpheld"] as? Bool == true)
            #expect(review["reviewNote"] as? String == "申诉成立，请补全告知单")
            // Verify: one bad review, called back on time; its answer was withdrawn by the upheld appeal.
            let tally = try #require(
                (try board.object()["lines"] as? [[String: Any]])?.first?["tally"] as? [String: Any])
            #expect(tally["bad"] as? Int == 1 && tally["calledBack"] as? Int == 1)
            #expect(tally["callbackPerMille"] as? Int == 1000 && tally["badPerMille"] as? Int == 1000)
            #expect(tally["answered"] as? Int == 0)
        }
    }

    @Test("the citizen accepts the answer and the ticket closes; a dismissed appeal closes it too")
    func acceptAndDismiss() async throws {
        try await Fixture.run { client, platform in
            // Setup: a bad review that the department explains (not verified) and answers.
            let (session, _, ratingID) = try await Fixture.ratableCase(client, platform)
            let admin = try await StaffLogin.signIn(client, platform, as: "scj-admin")
            _ = try await API.call(
                client, .post, "/api/v1/me/ratings/\(ratingID)", as: .person(session),
                json: #"{"level":1,"comment":"态度不好"}"#)
            let ticketID = try #require(
                try await API.call(client, .get, "/api/v1/me/ratings/\(ratingID)/rectification", as: .person(session))
                    .object()["id"] as? String)

            // Act
            let explained = try await API.call(
                client, .post, "/api/v1/staff/evaluation/rectifications/\(ticketID)/callback", as: .staff(admin),
                json: #"{"verified":false,"note":"经核实窗口人员按规定办理"}"#)
            let answered = try await API.call(
                client, .post, "/api/v1/staff/evaluation/rectifications/\(ticketID)/answer", as: .staff(admin),
                json: #"{"feedback":"经调取录像，窗口人员按规定办理"}"#)
            let accepted = try await API.call(
                client, .post, "/api/v1/me/rectifications/\(ticketID)/accept", as: .person(session))
            let appealAfter = try await API.call(
                client, .post, "/api/v1/me/rectifications/\(ticketID)/appeal", as: .person(session),
                json: #"{"reason":"我还是不满意这个结果"}"#)
            let detail = try await API.call(
                client, .get, "/api/v1/staff/evaluation/rectifications/\(ticketID)", as: .staff(admin))

            // Verify
            #expect(try explained.object()["state"] as? String == "explaining")
            #expect(try explained.object()["verified"] as? Bool == false)
            #expect(try answered.object()["rectifiedAt"] == nil, "an explanation is no rectification")
            #expect(try accepted.object()["state"] as? String == "closed")
            try API.expectProblem(appealAfter, 409, "evaluation.rectification-state")
            #expect(try detail.object()["closedAt"] is String)
        }
    }
}
