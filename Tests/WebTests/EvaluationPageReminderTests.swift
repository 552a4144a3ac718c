import Evaluation
import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Server
import Storage
import Testing

/// The 督办记录 of a rectification ticket: once the overdue reminder of its call-back has run,
/// the staff page lists it with its deadline and how many staff were texted.
@Suite("Evaluation pages: reminders")
struct EvaluationPageReminderTests {
    typealias API = CaseAPITests
    typealias Pages = EvaluationPageCitizenTests

    @Test("the ticket page lists an overdue reminder once its job has run, and not before")
    func overdueReminderOnTicket() async throws {
        try await API.run { client, platform in
            // Setup: a bad review, whose call-back is due 2026-05-06 (3 working days after 2026-04-28).
            let (_, _, admin, ticket) = try await EvaluationPageStaffTests.badReviewTicket(client, platform)
            let ticketID = String(ticket.split(separator: "/").last ?? "")
            let due = try CalendarDay(year: 2026, month: 5, day: 6)
            let before = try await Pages.staffGet(client, ticket, as: admin)

            // Act: the overdue reminder job runs, as the worker would on 2026-05-07.
            let handlers = platform.evaluation.reminderHandlers(jobs: platform.jobs, messaging: platform.messaging)
            let remind = try #require(handlers.first { $0.kind == "evaluation.remind" })
            let payload =
                #"{"dueDay":\#(due.dayNumber),"stage":"overdue","step":"callback","subjectID":"\#(ticketID)"}"#
            try await remind.run(
                Job(
                    id: UUID(), kind: remind.kind, payload: payload, attempt: 1, maxAttempts: 8,
                    now: platform.clock.now()))
            let after = try await Pages.staffGet(client, ticket, as: admin)
            let json = try await API.call(
                client, .get, "/api/v1/staff/evaluation/rectifications/\(ticketID)/reminders", as: .staff(admin))
            let other = try await StaffLogin.signIn(client, platform, as: "rsj-admin")
            let elsewhere = try await API.call(
                client, .get, "/api/v1/staff/evaluation/rectifications/\(ticketID)/reminders", as: .staff(other))

            // Verify: the bureau's administrator and the supervisor were texted.
            #expect(before.status == .ok && !before.text.contains("督办记录"))
            #expect(after.status == .ok && after.text.contains(#"<h2 id="reminders-title">督办记录</h2>"#))
            #expect(after.text.contains(#"<span class="deadline deadline-overdue">逾期督办</span>"#))
            #expect(after.text.contains("回访核实期限 2026-05-06，已短信通知 2 人"))
            // The same record as JSON; another department's administrator is told it does not exist.
            let items = try #require(try json.object()["items"] as? [[String: Any]], "\(json.text)")
            #expect(items.count == 1)
            #expect(items.first?["stage"] as? String == "overdue" && items.first?["step"] as? String == "callback")
            #expect(items.first?["dueDay"] as? String == "2026-05-06" && items.first?["recipients"] as? Int == 2)
            #expect(elsewhere.status == .notFound)
        }
    }
}
