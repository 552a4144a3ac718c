import Evaluation
import Foundation
import Kernel
import Messaging
import StorageTesting
import Testing

/// 临期提醒 and 逾期督办: the reminders before and after a call-back, rectification or answer falls
/// due, counted on the national calendar around 劳动节 2026 (May 1–5 off, Saturday May 9 a 调休
/// working day), as read by hand from cn-calendar.csv.
@Suite("Deadline reminders: due soon to the department, overdue also to the supervisors")
struct ReminderTests {
    static func day(_ month: Int, _ day: Int) throws -> CalendarDay {
        try CalendarDay(year: 2026, month: month, day: day)
    }

    @Test(
        "a call-back due May 6 is reminded on Apr 30 (the last working day before) and made overdue on May 7",
        arguments: TestDatabase.available)
    func callbackReminders(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup: a bad review on Tue Apr 28; its call-back is due May 6.
            let messaging = fixture.messaging()
            var handled = Set<UUID>()
            let (_, ticket) = try await fixture.badReview()
            #expect(ticket.callbackDue == (try Self.day(5, 6)))

            // Act 1: the event queues the two reminder jobs.
            try await fixture.deliverDeadlines(&handled)
            let queued = try await fixture.waitingJobs("evaluation.remind")

            // Verify 1: 09:00 on Apr 30 (May 1–5 are off), and 09:00 on May 7.
            #expect(
                queued.map(\.runAt) == [
                    EvaluationFixture.nineOClock(try Self.day(4, 30)), EvaluationFixture.nineOClock(try Self.day(5, 7)),
                ])

            // Act 2: the due-soon job runs on time, and again (a redelivery).
            fixture.clock.set(queued[0].runAt)
            try await fixture.run(queued[0], messaging: messaging)
            try await fixture.run(queued[0], messaging: messaging)
            let dueSoonTexts = try await fixture.sendTexts(messaging)

            // Verify 2: one reminder, one text, to the bureau's administrator only (the platform
            // administrator and the supervisor are not told yet).
            #expect(try await fixture.count("eva_reminders") == 1)
            #expect(dueSoonTexts.map(\.recipient) == [Masking.phone("13900001008")])
            #expect(
                dueSoonTexts.first?.body
                    == "【临期提醒】“\(ticket.itemName)”的差评整改单的回访核实将于2026-05-06到期，请及时办理。")

            // Act 3: nobody calls back; the overdue job runs on May 7.
            fixture.clock.set(queued[1].runAt)
            try await fixture.run(queued[1], messaging: messaging)
            let allTexts = try await fixture.sendTexts(messaging)

            // Verify 3: 逾期督办 to the bureau and to the service supervisor.
            let overdue = allTexts.dropFirst().map(\.recipient).sorted()
            #expect(overdue == [Masking.phone("13900001008"), Masking.phone("13900001014")].sorted())
            #expect(allTexts.last?.body.hasPrefix("【逾期督办】“\(ticket.itemName)”的差评整改单的回访核实已于2026-05-06到期仍未办理") == true)
            let reminders = try await fixture.service.reminders(of: ticket.id, by: fixture.staff("scj-admin"))
            #expect(reminders.map(\.stage) == [.dueSoon, .overdue])
            #expect(reminders.map(\.recipients) == [1, 2])
            #expect(reminders.allSatisfy { $0.step == .callback && $0.dueDay == (try? Self.day(5, 6)) })
            let seenBySupervisor = try await fixture.service.reminders(of: ticket.id, by: fixture.staff("zwj-jd01"))
            #expect(seenBySupervisor.count == 2)
            await expectDomainError("evaluation.not-found", kind: .notFound) {
                try await fixture.service.reminders(of: ticket.id, by: fixture.staff("rsj-admin"))
            }
            let audited = try await fixture.auditEntries(prefix: "evaluation.reminded")
            #expect(
                audited
                    == Array(
                        repeating: AuditLine(
                            action: "evaluation.reminded", objectID: ticket.id.uuidString, actor: "system"), count: 2))
        }
    }

    @Test(
        "a step done in time sends nothing; the rectification deadline gets its own reminders, over the 调休 Saturday",
        arguments: TestDatabase.available)
    func doneInTime(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let messaging = fixture.messaging()
            var handled = Set<UUID>()
            let (_, ticket) = try await fixture.badReview()
            try await fixture.deliverDeadlines(&handled)
            let callbackJobs = try await fixture.waitingJobs("evaluation.remind")

            // Act: called back on Apr 29 with a deadline of Mon May 11; then the call-back's
            // reminder jobs run at their times.
            fixture.moveTo(try Self.day(4, 29))
            _ = try await fixture.service.callBack(
                ticket.id, verified: true, note: "已电话联系，情况属实", plan: "增设导办员，一次告知所需材料",
                deadline: try Self.day(5, 11), by: fixture.staff("scj-admin"))
            try await fixture.deliverDeadlines(&handled)
            for job in callbackJobs {
                fixture.clock.set(job.runAt)
                try await fixture.run(job, messaging: messaging)
            }
            let rectifyJobs = try await fixture.waitingJobs("evaluation.remind")

            // Verify: nothing was sent for the call-back done in time.
            #expect(try await fixture.count("eva_reminders") == 0)
            #expect(try await fixture.waitingJobs("evaluation.remind-staff").isEmpty)
            // The last working day before Mon May 11 is the 调休 Saturday May 9; the first after is May 12.
            #expect(
                rectifyJobs.map(\.runAt) == [
                    EvaluationFixture.nineOClock(try Self.day(5, 9)), EvaluationFixture.nineOClock(try Self.day(5, 12)),
                ])
            #expect(rectifyJobs.allSatisfy { $0.payload.contains(#""step":"rectify""#) })
        }
    }

    @Test(
        "an unanswered complaint due Fri May 8 is overdue on the 调休 Saturday May 9; an answered consultation is not",
        arguments: TestDatabase.available)
    func messageReminders(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup: on Apr 28 a consultation (due May 6) and a complaint (due May 8).
            let messaging = fixture.messaging()
            var handled = Set<UUID>()
            let consultation = try await fixture.service.submit(InteractionTests.question, by: fixture.applicant)
            var complaint = InteractionTests.question
            complaint.kind = .complaint
            let complained = try await fixture.service.submit(complaint, by: fixture.applicant)
            try await fixture.deliverDeadlines(&handled)

            // Act: every reminder job runs at its time; the consultation is answered on May 6.
            let jobs = try await fixture.waitingJobs("evaluation.remind")
            let answerTime = try Self.day(5, 6).startDate.addingTimeInterval(10 * 3600)
            for job in jobs where job.runAt < answerTime {
                fixture.clock.set(job.runAt)
                try await fixture.run(job, messaging: messaging)
            }
            fixture.clock.set(answerTime)
            _ = try await fixture.service.answer(
                message: consultation.id, "经营面积包含仓库面积。", by: fixture.staff("scj-admin"))
            for job in jobs where job.runAt >= answerTime {
                fixture.clock.set(job.runAt)
                try await fixture.run(job, messaging: messaging)
            }
            let texts = try await fixture.sendTexts(messaging)

            // Verify: four jobs (Apr 30 and May 7 for the consultation; May 7 and May 9 for the
            // complaint). The consultation was reminded once, before its answer; the complaint twice.
            #expect(
                jobs.map(\.runAt) == [
                    EvaluationFixture.nineOClock(try Self.day(4, 30)), EvaluationFixture.nineOClock(try Self.day(5, 7)),
                    EvaluationFixture.nineOClock(try Self.day(5, 7)), EvaluationFixture.nineOClock(try Self.day(5, 9)),
                ])
            let consultationReminders = try await fixture.service.reminders(
                of: consultation.id, by: fixture.staff("scj-admin"))
            #expect(consultationReminders.map(\.stage) == [.dueSoon])
            let complaintReminders = try await fixture.service.reminders(
                of: complained.id, by: fixture.staff("scj-admin"))
            #expect(complaintReminders.map(\.stage) == [.dueSoon, .overdue])
            #expect(
                complaintReminders.map(\.sentAt) == [
                    EvaluationFixture.nineOClock(try Self.day(5, 7)), EvaluationFixture.nineOClock(try Self.day(5, 9)),
                ])
            #expect(texts.filter { $0.body.contains(complained.number) }.count == 3)
            #expect(texts.contains { $0.body == "【临期提醒】投诉留言\(complained.number)的答复将于2026-05-08到期，请及时办理。" })
            #expect(texts.allSatisfy { !$0.body.contains("张三") && !$0.body.contains("13800000000") })
        }
    }

    @Test("a deadline too close for a warning gets only the overdue reminder", arguments: TestDatabase.available)
    func tooCloseForWarning(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup: Tue Apr 28, 10:00.
            let now = fixture.clock.now()

            // Act
            let dueTomorrow = try fixture.service.reminderTimes(due: try Self.day(4, 29), now: now)
            let dueToday = try fixture.service.reminderTimes(due: try Self.day(4, 28), now: now)
            let afterHoliday = try fixture.service.reminderTimes(due: try Self.day(5, 6), now: now)

            // Verify: the warning for Apr 29 would have gone at 09:00 today, already past.
            #expect(dueTomorrow.map(\.stage) == [.overdue])
            #expect(dueTomorrow.map(\.at) == [EvaluationFixture.nineOClock(try Self.day(4, 30))])
            #expect(dueToday.map(\.at) == [EvaluationFixture.nineOClock(try Self.day(4, 29))])
            #expect(afterHoliday.map(\.stage) == [.dueSoon, .overdue])
        }
    }

    @Test("a responder disabled before the text goes out is not texted", arguments: TestDatabase.available)
    func disabledResponder(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup: the overdue reminder of a call-back is recorded, its texts queued.
            let messaging = fixture.messaging()
            var handled = Set<UUID>()
            let (_, ticket) = try await fixture.badReview()
            try await fixture.deliverDeadlines(&handled)
            let overdue = try #require(try await fixture.waitingJobs("evaluation.remind").last)
            fixture.clock.set(overdue.runAt)
            try await fixture.run(overdue, messaging: messaging)
            let scjAdmin = try #require(fixture.world.demo.staff.first { $0.member.username == "scj-admin" })

            // Act: the administrator disables scj-admin before the texts are sent.
            _ = try await fixture.world.organisation.setStaffStatus(
                scjAdmin.member.id, .disabled, by: fixture.staff("admin"))
            let texts = try await fixture.sendTexts(messaging)

            // Verify: two were queued, only the supervisor's went out.
            #expect(
                try await fixture.service.reminders(
                    of: ticket.id, by: fixture.staff("zwj-jd01")
                ).map(\.recipients) == [2])
            #expect(texts.map(\.recipient) == [Masking.phone("13900001014")])
        }
    }
}
