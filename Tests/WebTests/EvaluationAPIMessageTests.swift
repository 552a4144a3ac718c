import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import StorageTesting
import Testing

/// 政民互动 over the API: a consultation asked, answered, rated and published as an FAQ; a phone
/// message recorded by the supervisor; a demand and the public summary of demands.
@Suite("Evaluation API: messages and demands")
struct EvaluationAPIMessageTests {
    typealias API = CaseAPITests
    typealias Fixture = EvaluationAPITests

    static var consultation: String {
        #"{"kind":"consultation","itemCode":"\#(Fixture.foodPermit)","title":"食品经营许可要带什么材料","#
            + #""content":"请问办理食品经营许可需要准备哪些材料？","contactPhone":"13800000000"}"#
    }

    @Test(
        "a consultation is answered by scj-admin, rated once, and published as the item's FAQ",
        arguments: TestDatabase.available)
    func consultationToFAQ(kind: TestDatabase) async throws {
        try await Fixture.run(on: kind) { client, platform in
            // Setup
            let session = try await IdentityPagesTests.signIn(client)
            let admin = try await StaffLogin.signIn(client, platform, as: "scj-admin")
            let other = try IdentityPagesTests.token(
                try await IdentityPagesTests.post(client, "/register", IdentityPagesTests.li))

            // Act
            let asked = try await API.call(
                client, .post, "/api/v1/me/messages", as: .person(session), json: Self.consultation)
            let id = try #require(try asked.object()["id"] as? String)
            let othersView = try await API.call(client, .get, "/api/v1/me/messages/\(id)", as: .person(other))
            let earlyFeedback = try await API.call(
                client, .post, "/api/v1/me/messages/\(id)/feedback", as: .person(session), json: #"{"level":5}"#)
            let queue = try await API.call(
                client, .get, "/api/v1/staff/evaluation/messages?state=open", as: .staff(admin))
            let answered = try await API.call(
                client, .post, "/api/v1/staff/evaluation/messages/\(id)/answer", as: .staff(admin),
                json: #"{"answer":"需要营业执照、场所平面图和食品安全管理制度。"}"#)
            let published = try await API.call(
                client, .post, "/api/v1/staff/evaluation/messages/\(id)/faq", as: .staff(admin),
                json: #"{"question":"办理食品经营许可需要哪些材料？","answer":"营业执照、场所平面图和食品安全管理制度。"}"#)
            let publishedAgain = try await API.call(
                client, .post, "/api/v1/staff/evaluation/messages/\(id)/faq", as: .staff(admin),
                json: #"{"question":"办理食品经营许可需要哪些材料？","answer":"营业执照、场所平面图和食品安全管理制度。"}"#)
            let faq = try await API.call(
                client, .get, "/api/v1/evaluation/items/\(Fixture.foodPermit)/faq", as: .nobody)
            let feedback = try await API.call(
                client, .post, "/api/v1/me/messages/\(id)/feedback", as: .person(session),
                json: #"{"level":4,"comment":"答复清楚"}"#)
            let feedbackAgain = try await API.call(
                client, .post, "/api/v1/me/messages/\(id)/feedback", as: .person(session), json: #"{"level":1}"#)
            let mine = try await API.call(client, .get, "/api/v1/me/messages", as: .person(session))

            // Verify: received for the item's department, the contact masked.
            #expect(asked.status == .created, "\(asked.text.prefix(300))")
            #expect(asked.headers[.location] == "/api/v1/me/messages/\(id)")
            let message = try asked.object()
            #expect(message["state"] as? String == "open" && message["kind"] as? String == "consultation")
            #expect(message["source"] as? String == "online" && message["departmentName"] as? String == "市市场监督管理局")
            #expect(
                message["contactNameMasked"] as? String == "张*"
                    && message["contactPhoneMasked"] as? String == "138****0000")
            #expect((message["number"] as? String)?.hasPrefix("ZX20260428") == true)
            try API.expectProblem(othersView, 404, "evaluation.not-found")
            try API.expectProblem(earlyFeedback, 409, "evaluation.message-state")
            #expect(try Fixture.items(queue).map { $0["id"] as? String } == [id])
            #expect(try answered.object()["state"] as? String == "answered")
            #expect(try answered.object()["answeredOnTime"] as? Bool == true)
            // Verify: the FAQ, public without its source.
            #expect(published.status == .created, "\(published.text.prefix(300))")
            let entry = try published.object()
            #expect(entry["sourceMessageId"] as? String == id)
            try API.expectProblem(publishedAgain, 409, "evaluation.faq-exists")
            let listed = try Fixture.items(faq)
            #expect(listed.map { $0["question"] as? String } == ["办理食品经营许可需要哪些材料？"])
            #expect(listed.first?["sourceMessageId"] == nil && listed.first?["id"] as? String == entry["id"] as? String)
            // Verify: rated once.
            #expect(try feedback.object()["state"] as? String == "closed")
            #expect(try feedback.object()["feedbackLevel"] as? Int == 4)
            try API.expectProblem(feedbackAgain, 409, "evaluation.message-state")
            let first = try #require(try Fixture.items(mine).first)
            #expect(first["faqId"] as? String == entry["id"] as? String)
        }
    }

    @Test("a withdrawn FAQ leaves the guide; withdrawing twice is a conflict; other bureaus may not")
    func withdrawFAQ() async throws {
        try await Fixture.run { client, platform in
            // Setup: an answered consultation published as an FAQ.
            let session = try await IdentityPagesTests.signIn(client)
            let admin = try await StaffLogin.signIn(client, platform, as: "scj-admin")
            let foreign = try await StaffLogin.signIn(client, platform, as: "rsj-admin")
            let id = try #require(
                try await API.call(client, .post, "/api/v1/me/messages", as: .person(session), json: Self.consultation)
                    .object()["id"] as? String)
            _ = try await API.call(
                client, .post, "/api/v1/staff/evaluation/messages/\(id)/answer", as: .staff(admin),
                json: #"{"answer":"营业执照、场所平面图。"}"#)
            let faqID = try #require(
                try await API.call(
                    client, .post, "/api/v1/staff/evaluation/messages/\(id)/faq", as: .staff(admin),
                    json: #"{"question":"需要哪些材料呢？","answer":"营业执照、场所平面图。"}"#
                ).object()["id"] as? String)

            // Act
            let foreignView = try await API.call(
                client, .get, "/api/v1/staff/evaluation/messages/\(id)", as: .staff(foreign))
            let byForeign = try await API.call(
                client, .delete, "/api/v1/staff/evaluation/faq/\(faqID)", as: .staff(foreign))
            let withdrawn = try await API.call(
                client, .delete, "/api/v1/staff/evaluation/faq/\(faqID)", as: .staff(admin))
            let again = try await API.call(client, .delete, "/api/v1/staff/evaluation/faq/\(faqID)", as: .staff(admin))
            let faq = try await API.call(
                client, .get, "/api/v1/evaluation/items/\(Fixture.foodPermit)/faq", as: .nobody)

            // Verify
            try API.expectProblem(foreignView, 404, "evaluation.not-found")
            try API.expectProblem(byForeign, 403, "identity.forbidden")
            #expect(withdrawn.status == .noContent && withdrawn.body.readableBytes == 0)
            try API.expectProblem(again, 409, "evaluation.faq-withdrawn")
            #expect(try Fixture.items(faq).isEmpty)
        }
    }

    @Test("the supervisor records a phone message for the bureau; a department admin may not")
    func phoneMessage() async throws {
        try await Fixture.run { client, platform in
            // Setup
            let admin = try await StaffLogin.signIn(client, platform, as: "scj-admin")
            let supervisor = try await StaffLogin.signIn(client, platform, as: "zwj-jd01")
            let call =
                #"{"kind":"complaint","itemCode":"\#(Fixture.foodPermit)","title":"窗口排队太久","#
                + #""content":"上午在窗口排队两个小时","contactName":"王五","contactPhone":"13700000000"}"#

            // Act
            let byAdmin = try await API.call(
                client, .post, "/api/v1/staff/evaluation/messages", as: .staff(admin), json: call)
            let noName = try await API.call(
                client, .post, "/api/v1/staff/evaluation/messages", as: .staff(supervisor),
                json: call.replacingOccurrences(of: #""contactName":"王五","#, with: ""))
            let recorded = try await API.call(
                client, .post, "/api/v1/staff/evaluation/messages", as: .staff(supervisor), json: call)
            let badPhone = try await API.call(
                client, .post, "/api/v1/staff/evaluation/messages", as: .staff(supervisor),
                json: call.replacingOccurrences(of: "13700000000", with: "12345"))
            let queue = try await API.call(client, .get, "/api/v1/staff/evaluation/messages", as: .staff(admin))
            let badState = try await API.call(
                client, .get, "/api/v1/staff/evaluation/messages?state=done", as: .staff(admin))

            // Verify
            try API.expectProblem(byAdmin, 403, "identity.forbidden")
            try API.expectProblem(noName, 400, "request.invalid-json")
            #expect(recorded.status == .created, "\(recorded.text.prefix(300))")
            let message = try recorded.object()
            #expect(message["source"] as? String == "phone" && message["kind"] as? String == "complaint")
            #expect(
                message["contactNameMasked"] as? String == "王*"
                    && message["contactPhoneMasked"] as? String == "137****0000")
            #expect((message["number"] as? String)?.hasPrefix("TS") == true)
            #expect(message["answerDue"] as? String == "2026-05-08", "a complaint is due in five working days")
            try API.expectProblem(badPhone, 422, "evaluation.contact-phone")
            #expect(try Fixture.items(queue).map { $0["id"] as? String } == [message["id"] as? String])
            try API.expectProblem(badState, 400, "request.bad-state")
        }
    }

    @Test(
        "a demand is asked, planned by the bureau and counted in the public summary", arguments: TestDatabase.available)
    func demand(kind: TestDatabase) async throws {
        try await Fixture.run(on: kind) { client, platform in
            // Setup
            let session = try await IdentityPagesTests.signIn(client)
            let admin = try await StaffLogin.signIn(client, platform, as: "scj-admin")

            // Act
            let badTheme = try await API.call(
                client, .post, "/api/v1/me/demands", as: .person(session),
                json: #"{"theme":"cheaper","content":"希望可以网上办理"}"#)
            let asked = try await API.call(
                client, .post, "/api/v1/me/demands", as: .person(session),
                json: #"{"theme":"not-online","itemCode":"\#(Fixture.foodPermit)","content":"希望变更登记也能网上办理"}"#)
            let id = try #require(try asked.object()["id"] as? String)
            let before = try await API.call(client, .get, "/api/v1/evaluation/demands/summary", as: .nobody)
            let reopen = try await API.call(
                client, .post, "/api/v1/staff/evaluation/demands/\(id)/response", as: .staff(admin),
                json: #"{"state":"open","response":"再研究"}"#)
            let planned = try await API.call(
                client, .post, "/api/v1/staff/evaluation/demands/\(id)/response", as: .staff(admin),
                json: #"{"state":"planned","response":"已纳入下半年网上办事改造计划"}"#)
            let staffList = try await API.call(client, .get, "/api/v1/staff/evaluation/demands", as: .staff(admin))
            let mine = try await API.call(client, .get, "/api/v1/me/demands", as: .person(session))
            let after = try await API.call(client, .get, "/api/v1/evaluation/demands/summary", as: .nobody)

            // Verify
            try API.expectProblem(badTheme, 400, "request.invalid-json")
            #expect(asked.status == .created, "\(asked.text.prefix(300))")
            #expect(try asked.object()["departmentName"] as? String == "市市场监督管理局")
            #expect(try asked.object()["themeLabel"] as? String == "希望网上可办")
            let group = try #require(try Fixture.items(before).first)
            #expect(group["itemCode"] as? String == Fixture.foodPermit && group["theme"] as? String == "not-online")
            #expect(group["asked"] as? Int == 1 && group["planned"] as? Int == 0)
            try API.expectProblem(reopen, 422, "evaluation.demand-state")
            #expect(try planned.object()["state"] as? String == "planned")
            #expect(try Fixture.items(staffList).map { $0["id"] as? String } == [id])
            #expect(try Fixture.items(mine).first?["response"] as? String == "已纳入下半年网上办事改造计划")
            let counted = try #require(try Fixture.items(after).first)
            #expect(counted["asked"] as? Int == 1 && counted["planned"] as? Int == 1 && counted["done"] as? Int == 0)
        }
    }
}
