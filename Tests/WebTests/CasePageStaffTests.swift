import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// 办件工作台, the staff case page with intake and decisions, and the 一窗受理 console.
@Suite("Case pages for staff")
struct CasePageStaffTests {
    @Test("the intake clerk sees the case in the queue with a labelled deadline badge, claims it and accepts")
    func queueClaimAccept() async throws {
        try await CasePageSupport.run { client, platform in
            // setup
            let (_, id) = try await CasePageSupport.submittedCase(client)
            let clerk = try await CasePageSupport.staff(client, platform, "scj-sl01")
            // act
            let queue = try await CasePageSupport.staffGet(client, "/staff/cases", staff: clerk)
            let task = try #require(
                queue.text.range(of: #"/staff/tasks/[0-9A-F-]{36}/claim"#, options: .regularExpression).map {
                    String(queue.text[$0])
                })
            let claimed = try await CasePageSupport.staffPost(client, task, [:], staff: clerk)
            let again = try await CasePageSupport.staffPost(client, task, [:], staff: clerk)
            let page = try await CasePageSupport.staffGet(client, "/staff/cases/\(id)", staff: clerk)
            let accepted = try await CasePageSupport.staffPost(
                client, "/staff/cases/\(id)/accept", ["comment": "材料齐全"], staff: clerk)
            let after = try await CasePageSupport.staffGet(client, "/staff/cases/\(id)", staff: clerk)
            // verify
            #expect(queue.status == .ok && queue.text.contains("食品经营许可（新办）") && queue.text.contains("受理"))
            #expect(queue.text.contains(#"<span class="deadline deadline-green">正常</span>"#))
            #expect(claimed.headers[.location] == "/staff/cases?done=claimed")
            #expect(again.status == .conflict && again.text.contains("请刷新队列"))
            #expect(page.text.contains(#"action="/staff/cases/\#(id)/accept""#) && page.text.contains("一次性告知补正"))
            #expect(accepted.headers[.location] == "/staff/cases/\(id)?done=accepted")
            #expect(after.text.contains("办理中") && after.text.contains("材料齐全") && after.text.contains("承诺办结日期"))
        }
    }

    @Test("approve review, a stale second decision gets the conflict message, approval and conclusion finish the case")
    func decideToConclusion() async throws {
        try await CasePageSupport.run { client, platform in
            // setup
            let (session, id) = try await CasePageSupport.submittedCase(client)
            let clerk = try await CasePageSupport.staff(client, platform, "scj-sl01")
            _ = try await CasePageSupport.staffPost(client, "/staff/cases/\(id)/accept", [:], staff: clerk)
            let reviewer = try await CasePageSupport.staff(client, platform, "scj-sp01")
            let approver = try await CasePageSupport.staff(client, platform, "scj-sp02")
            let review = try await CasePageSupport.staffGet(client, "/staff/cases/\(id)", staff: reviewer)
            let form = try #require(CasePageSupport.decisionForm(review.text))
            // act
            let fields = ["decision": "approve", "revision": form.revision, "comment": "符合条件"]
            let first = try await CasePageSupport.staffPost(
                client, "/staff/tasks/\(form.task)/decide", fields, staff: reviewer)
            let second = try await CasePageSupport.staffPost(
                client, "/staff/tasks/\(form.task)/decide", fields, staff: approver)
            for (staff, step) in [(approver, "审批决定"), (reviewer, "制证办结")] {
                let page = try await CasePageSupport.staffGet(client, "/staff/cases/\(id)", staff: staff)
                #expect(page.text.contains("当前环节：\(step)"))
                let next = try #require(CasePageSupport.decisionForm(page.text))
                let done = try await CasePageSupport.staffPost(
                    client, "/staff/tasks/\(next.task)/decide", ["decision": "approve", "revision": next.revision],
                    staff: staff)
                #expect(done.status == .seeOther)
            }
            let mine = try await IdentityPagesTests.get(client, "/me/cases", session: session)
            let detail = try await IdentityPagesTests.get(client, "/me/cases/\(id)", session: session)
            // verify
            #expect(review.text.contains("当前环节：初审") && !review.text.contains(#"value="deny""#))
            #expect(first.headers[.location] == "/staff/cases/\(id)?done=decided")
            #expect(second.status == .conflict && second.text.contains("任务已被他人处理"))
            #expect(mine.text.contains("已办结") && mine.text.contains("准予许可"))
            #expect(detail.text.contains("已按时办结") && detail.text.contains("办结"))
            #expect(!detail.text.contains("符合条件"), "the applicant's timeline leaves out internal comments")
        }
    }

    @Test("a correction round trip: one-time notice for M03, a new upload, the correction, then acceptance")
    func correctionRoundTrip() async throws {
        try await CasePageSupport.run { client, platform in
            let (session, id) = try await CasePageSupport.submittedCase(client)
            let clerk = try await CasePageSupport.staff(client, platform, "scj-sl01")

            let notice = try await CasePageSupport.staffPost(
                client, "/staff/cases/\(id)/correction", ["problem-M03": "缺少负责人签字", "problem-M04": " "],
                staff: clerk)
            let asked = try await IdentityPagesTests.get(client, "/me/cases/\(id)", session: session)
            let tooEarly = try await IdentityPagesTests.post(
                client, "/me/cases/\(id)/correction", [:], session: session)
            _ = try await CasePageSupport.upload(client, case: id, code: "M03", session: session)
            let corrected = try await IdentityPagesTests.post(
                client, "/me/cases/\(id)/correction", [:], session: session)
            let accepted = try await CasePageSupport.staffPost(client, "/staff/cases/\(id)/accept", [:], staff: clerk)
            let page = try await IdentityPagesTests.get(client, "/me/cases/\(id)", session: session)

            #expect(notice.headers[.location] == "/staff/cases/\(id)?done=correction")
            #expect(asked.text.contains("待补正") && asked.text.contains("补正要求：缺少负责人签字"))
            #expect(!asked.text.contains("补正要求： "), "a blank line is not part of the notice")
            #expect(tooEarly.status == .unprocessableContent && tooEarly.text.contains("补正材料不齐全"))
            #expect(corrected.headers[.location] == "/me/cases/\(id)?done=corrected")
            #expect(accepted.headers[.location] == "/staff/cases/\(id)?done=accepted")
            #expect(page.text.contains("办理中") && page.text.contains("一次性告知补正") && page.text.contains("提交补正材料"))
        }
    }

    @Test("a rejected case shows the 不予受理 notice with the reason and the legal basis")
    func rejection() async throws {
        try await CasePageSupport.run { client, platform in
            let (session, id) = try await CasePageSupport.submittedCase(client)
            let clerk = try await CasePageSupport.staff(client, platform, "scj-sl01")

            let empty = try await CasePageSupport.staffPost(client, "/staff/cases/\(id)/reject", [:], staff: clerk)
            _ = try await CasePageSupport.staffPost(
                client, "/staff/cases/\(id)/reject", ["reason": "经营场所不在本市"], staff: clerk)
            let page = try await IdentityPagesTests.get(client, "/me/cases/\(id)", session: session)

            #expect(empty.status == .unprocessableContent && empty.text.contains("form-error"))
            #expect(page.text.contains("不予受理通知书") && page.text.contains("理由：经营场所不在本市"))
            #expect(page.text.contains("《中华人民共和国行政许可法》第三十二条") && page.text.contains("2026-04-28"))
        }
    }

    @Test("the window takes a walk-in's application with paper materials and prints the receipt")
    func windowIntake() async throws {
        try await CasePageSupport.run { client, platform in
            // setup
            let window = try await CasePageSupport.staff(client, platform, "window01")
            let path = "/counter/cases/apply/\(CasePageSupport.foodPermit)"
            var fields = CasePageSupport.foodForm
            fields["applicantName"] = "王五"
            fields["applicantID"] = "13010219900307125X"
            fields["applicantPhone"] = "13912340000"
            // act
            let search = try await CasePageSupport.staffGet(
                client, "/counter/cases?q=食品经营许可".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!,
                staff: window)
            let missing = try await CasePageSupport.staffPost(client, path, fields, staff: window)
            let form = try await client.execute(
                uri: path, method: .post, headers: StaffLogin.headers(window, form: true),
                body: ByteBuffer(string: "paper=M03&paper=M04&" + String(buffer: IdentityPagesTests.form(fields))))
            let receiptPath = try #require(form.headers[.location])
            let receipt = try await CasePageSupport.staffGet(client, receiptPath, staff: window)
            let console = try await CasePageSupport.staffGet(client, "/counter/cases", staff: window)
            // verify
            #expect(search.text.contains("/counter/cases/apply/\(CasePageSupport.foodPermit)"))
            #expect(missing.status == .unprocessableContent && missing.text.contains("申请材料不齐全"))
            #expect(receiptPath.hasPrefix("/counter/cases/") && receiptPath.hasSuffix("/receipt"))
            #expect(receipt.text.contains("王*") && receipt.text.contains("窗口"))
            #expect(receipt.text.contains("食品安全管理制度文本（纸质）") && CasePageSupport.number(receipt.text) != nil)
            #expect(console.text.contains("待受理") && console.text.contains("打印回执"))
        }
    }
}
