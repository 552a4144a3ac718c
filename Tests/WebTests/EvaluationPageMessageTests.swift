import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Server
import Testing

/// 政民互动 pages over HTTP: a citizen's consultation about an item, the department's answer, the
/// citizen's feedback, the answer turned into a question on the item's guide, the supervisor's
/// phone record; and demands from the citizen's form to the department's response and the
/// re-engineering report.
@Suite("Evaluation pages: messages and demands")
struct EvaluationPageMessageTests {
    typealias API = CaseAPITests
    typealias Pages = EvaluationPageCitizenTests

    static let question = "食品经营许可一般多久能办好？需要到现场几次？"

    /// The value of the department option labelled `name` in a page's select.
    static func departmentID(_ html: String, _ name: String) -> String? {
        PaymentPageCitizenTests.match(html, #"<option value="([0-9A-Fa-f-]{36})">　*"# + name + "</option>")
    }

    @Test("a consultation is asked, answered, rated and published on the item's guide; phone records are supervisors'")
    func consultation() async throws {
        try await API.run { client, platform in
            // Setup
            let session = try await IdentityPagesTests.signIn(client)
            let admin = try await StaffLogin.signIn(client, platform, as: "scj-admin")
            let supervisor = try await StaffLogin.signIn(client, platform, as: "zwj-jd01")
            var fields = [
                "kind": "consultation", "itemCode": API.foodPermit, "title": "办理时限", "content": Self.question,
                "phone": "1234",
            ]

            // Act: the citizen's form, refused twice, then sent.
            let form = try await IdentityPagesTests.get(
                client, "/me/messages/new?item=\(API.foodPermit)", session: session)
            let badPhone = try await IdentityPagesTests.post(client, "/me/messages/new", fields, session: session)
            let noSubject = try await IdentityPagesTests.post(
                client, "/me/messages/new",
                ["kind": "complaint", "title": "态度问题", "content": "窗口人员态度不好。", "phone": "13800000000"],
                session: session)
            fields["phone"] = "13800000000"
            let sent = try await IdentityPagesTests.post(client, "/me/messages/new", fields, session: session)
            let path = try #require(sent.headers[.location]?.split(separator: "?").first.map(String.init))
            let id = String(path.dropFirst("/me/messages/".count))
            let mine = try await IdentityPagesTests.get(client, "/me/messages", session: session)
            // Act: the department answers, refused once.
            let overview = try await Pages.staffGet(client, "/staff/evaluation", as: admin)
            let staffOpen = try await Pages.staffGet(client, "/staff/evaluation/messages/\(id)", as: admin)
            let shortAnswer = try await Pages.staffPost(
                client, "/staff/evaluation/messages/\(id)/answer", ["answer": "三天"], as: admin)
            let answered = try await Pages.staffPost(
                client, "/staff/evaluation/messages/\(id)/answer",
                ["answer": "承诺时限为10个工作日，材料齐全的最多跑一次。"], as: admin)
            // Act: the citizen rates the answer.
            let citizenAnswered = try await IdentityPagesTests.get(client, path, session: session)
            let noLevel = try await IdentityPagesTests.post(
                client, path + "/feedback", ["comment": "清楚"], session: session)
            let rated = try await IdentityPagesTests.post(
                client, path + "/feedback", ["level": "4", "comment": "清楚"], session: session)
            let citizenRated = try await IdentityPagesTests.get(client, path, session: session)
            // Act: 转为常见问题, refused once, then published on the guide.
            let staffAnswered = try await Pages.staffGet(client, "/staff/evaluation/messages/\(id)", as: admin)
            let shortQuestion = try await Pages.staffPost(
                client, "/staff/evaluation/messages/\(id)/faq", ["question": "多久", "faqAnswer": "十个工作日。"], as: admin)
            let published = try await Pages.staffPost(
                client, "/staff/evaluation/messages/\(id)/faq",
                ["question": "食品经营许可多久能办好？", "faqAnswer": "承诺时限为10个工作日，材料齐全的最多跑一次。"], as: admin)
            let guide = try await IdentityPagesTests.get(client, "/services/items/\(API.foodPermit)")
            let staffPublished = try await Pages.staffGet(client, "/staff/evaluation/messages/\(id)", as: admin)
            // Act: the phone record, supervisors only.
            let adminList = try await Pages.staffGet(client, "/staff/evaluation/messages", as: admin)
            let supervisorList = try await Pages.staffGet(
                client, "/staff/evaluation/messages?state=open", as: supervisor)
            let department = try #require(Self.departmentID(supervisorList.text, "市市场监督管理局"))
            var record = [
                "kind": "suggestion", "department": department, "title": "延长周六办公", "content": "希望周六也能办理食品经营许可。",
                "phone": "13900001111",
            ]
            let noName = try await Pages.staffPost(client, "/staff/evaluation/messages", record, as: supervisor)
            let byAdmin = try await Pages.staffPost(
                client, "/staff/evaluation/messages", record.merging(["contactName": "王五"]) { $1 }, as: admin)
            record["contactName"] = "王五"
            let recorded = try await Pages.staffPost(client, "/staff/evaluation/messages", record, as: supervisor)
            let recordedPage = try await Pages.staffGet(
                client, try #require(recorded.headers[.location]), as: supervisor)

            // Verify: the form names the item; refusals keep what was typed.
            #expect(form.text.contains(#"id="message-item-name">关于事项：食品经营许可"#))
            #expect(form.text.contains(#"name="itemCode" maxlength="64" value="\#(API.foodPermit)""#))
            #expect(badPhone.status == .unprocessableContent && badPhone.text.contains("联系电话有误"))
            #expect(badPhone.text.contains(#"value="办理时限""#) && badPhone.text.contains(">\(Self.question)</textarea>"))
            #expect(noSubject.status == .unprocessableContent && noSubject.text.contains("请选择事项或部门"))
            #expect(noSubject.text.contains(#"id="message-kind-complaint" value="complaint" checked"#))
            #expect(sent.status == .seeOther && sent.headers[.location] == "/me/messages/\(id)?done=sent")
            #expect(mine.text.contains("办理时限") && mine.text.contains(#"data-state="open">待答复<"#))
            #expect(PaymentPageCitizenTests.match(mine.text, #">(ZX20260428[0-9]{8})<"#) != nil)
            // Verify: the department's queue: due in 3 working days (2026-05-06), the answer form only.
            #expect(overview.text.contains("办理时限") && overview.text.contains("答复期限 2026-05-06"))
            #expect(
                staffOpen.text.contains(#"id="message-answer-form""#) && !staffOpen.text.contains("message-faq-form"))
            #expect(staffOpen.text.contains("138****0000") && !staffOpen.text.contains("13800000000"))
            #expect(shortAnswer.status == .unprocessableContent && shortAnswer.text.contains(">三天</textarea>"))
            #expect(answered.status == .seeOther)
            // Verify: the citizen reads the answer and rates it once.
            #expect(citizenAnswered.text.contains("承诺时限为10个工作日，材料齐全的最多跑一次。"))
            #expect(
                citizenAnswered.text.contains("按期答复") && citizenAnswered.text.contains(#"id="message-feedback-form""#))
            #expect(noLevel.status == .unprocessableContent && noLevel.text.contains("请选择评价等级"))
            #expect(rated.status == .seeOther)
            #expect(citizenRated.text.contains(#"id="message-feedback-level">满意<"#))
            #expect(!citizenRated.text.contains("message-feedback-form"))
            // Verify: the FAQ form starts from the citizen's words and the answer, and is published once.
            #expect(staffAnswered.text.contains(">\(Self.question)</textarea>"))
            #expect(shortQuestion.status == .unprocessableContent && shortQuestion.text.contains(">多久</textarea>"))
            #expect(published.status == .seeOther)
            #expect(guide.text.contains(#"id="faq-consultations""#))
            #expect(guide.text.contains("<dt>食品经营许可多久能办好？</dt>") && !guide.text.contains(Self.question))
            #expect(guide.text.contains(#"href="/me/messages/new?item=\#(API.foodPermit)""#))
            #expect(staffPublished.text.contains(#"id="message-faq-published""#))
            #expect(!staffPublished.text.contains(#"id="message-faq-form""#))
            // Verify: only supervisors record phone messages; the contact name is required.
            #expect(!adminList.text.contains(#"id="phone-record-form""#) && adminList.text.contains("办理时限"))
            #expect(supervisorList.text.contains(#"id="phone-record-form""#))
            #expect(noName.status == .unprocessableContent && noName.text.contains("来电人姓名"))
            #expect(noName.text.contains(#"value="延长周六办公""#))
            #expect(byAdmin.status == .forbidden)
            #expect(recorded.status == .seeOther)
            #expect(recordedPage.text.contains("<dt>来源</dt><dd>电话</dd>") && recordedPage.text.contains("139****1111"))
            #expect(
                recordedPage.text.contains(#"id="message-answer-form""#), "a supervisor may answer for any department")
        }
    }

    @Test("a demand goes from the citizen's form to the department's response and the re-engineering report")
    func demand() async throws {
        try await API.run { client, platform in
            // Setup
            let session = try await IdentityPagesTests.signIn(client)
            let admin = try await StaffLogin.signIn(client, platform, as: "scj-admin")
            let content = "希望食品经营许可减少现场核查需要的材料。"

            // Act: the citizen's form, refused twice, then sent.
            let form = try await IdentityPagesTests.get(client, "/me/demands?item=\(API.foodPermit)", session: session)
            let badTheme = try await IdentityPagesTests.post(
                client, "/me/demands", ["theme": "faster", "content": content], session: session)
            let shortContent = try await IdentityPagesTests.post(
                client, "/me/demands", ["theme": "fewer-materials", "itemCode": API.foodPermit, "content": "少"],
                session: session)
            let sent = try await IdentityPagesTests.post(
                client, "/me/demands", ["theme": "fewer-materials", "itemCode": API.foodPermit, "content": content],
                session: session)
            let mine = try await IdentityPagesTests.get(client, "/me/demands", session: session)
            // Act: the department responds, refused once.
            let staffPage = try await Pages.staffGet(client, "/staff/evaluation/demands", as: admin)
            let id = try #require(
                PaymentPageCitizenTests.match(staffPage.text, #"id="demand-response-form-([0-9A-Fa-f-]{36})""#))
            let noState = try await Pages.staffPost(
                client, "/staff/evaluation/demands/\(id)/response", ["response": "研究中"], as: admin)
            let responded = try await Pages.staffPost(
                client, "/staff/evaluation/demands/\(id)/response",
                ["state": "planned", "response": "已纳入下一版办事指南的修订计划。"], as: admin)
            let staffAfter = try await Pages.staffGet(client, "/staff/evaluation/demands", as: admin)
            let mineAfter = try await IdentityPagesTests.get(client, "/me/demands", session: session)
            let report = try await IdentityPagesTests.get(client, "/services/report?from=2026-04-01&to=2026-04-28")

            // Verify: the form, refusals with what was typed, then the demand listed.
            #expect(form.text.contains(#"id="demand-item" name="itemCode" maxlength="64" value="\#(API.foodPermit)""#))
            #expect(badTheme.status == .unprocessableContent && badTheme.text.contains("请选择诉求类型"))
            #expect(badTheme.text.contains(">\(content)</textarea>"))
            #expect(shortContent.status == .unprocessableContent && shortContent.text.contains("诉求内容"))
            #expect(shortContent.text.contains(#"<option value="fewer-materials" selected>"#))
            #expect(sent.status == .seeOther && sent.headers[.location] == "/me/demands?done=demand")
            #expect(mine.text.contains(content) && mine.text.contains(#"data-state="open">待研究<"#))
            // Verify: the department's counts, its form, the refusal beside the demand.
            let group = try #require(
                PaymentPageCitizenTests.match(staffPage.text, #"<tr><th scope="row">食品经营许可[^<]*</th>(.*?)</tr>"#))
            #expect(
                group == #"<td>希望减少材料</td><td class="eva-num">1</td><td class="eva-num">1</td>"#
                    + #"<td class="eva-num">0</td><td class="eva-num">0</td><td class="eva-num">0</td>"#)
            #expect(noState.status == .unprocessableContent && noState.text.contains("请选择处理结果"))
            #expect(noState.text.contains(">研究中</textarea>"))
            #expect(responded.status == .seeOther)
            #expect(responded.headers[.location] == "/staff/evaluation/demands?done=responded#demand-\(id)")
            #expect(staffAfter.text.contains(#"data-state="planned">已纳入计划<"#))
            #expect(mineAfter.text.contains("部门答复：已纳入下一版办事指南的修订计划。"))
            // Verify: the report's 群众诉求 section counts what was asked and what was done.
            #expect(report.status == .ok && report.text.contains("群众诉求（所提与所办）"))
            #expect(report.text.contains("群众提出办事诉求 <strong>1</strong> 条，部门已处理 <strong>1</strong> 条（100.0%）"))
            let line = try #require(
                PaymentPageCitizenTests.match(report.text, #"<tr><th scope="row">食品经营许可[^<]*</th>(.*?)</tr>"#))
            #expect(line == "<td>市市场监督管理局</td><td>希望减少材料</td><td>1</td><td>1</td><td>0</td><td>0</td>")
        }
    }
}
