import Evaluation
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Consultations, complaints and suggestions: routed, due in working days, answered, rated, made FAQ")
struct InteractionTests {
    /// A consultation about the food permit, as the applicant writes it online.
    static let question = NewInteraction(
        kind: .consultation, itemCode: EvaluationFixture.foodPermit, title: "经营面积怎么填",
        content: "请问食品经营许可申请表中的经营面积是否包含仓库？", contactPhone: "13800000000")

    @Test(
        "an item's message goes to its department, with a due day counted in working days",
        arguments: TestDatabase.available)
    func routedAndDue(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup: Tue Apr 28, before 劳动节 (May 1–5). Three working days: Apr 29, Apr 30, May 6.
            let market = try #require(fixture.world.demo.departments.first { $0.code == "SJZ-SCJGJ" })

            // Act
            let asked = try await fixture.service.submit(Self.question, by: fixture.applicant)
            var complaint = Self.question
            complaint.kind = .complaint
            let complained = try await fixture.service.submit(complaint, by: fixture.applicant)

            // Verify
            #expect(asked.departmentID == market.id)
            #expect(asked.itemName != nil)
            #expect(asked.number.hasPrefix("ZX20260428"))
            #expect(asked.answerDue == (try CalendarDay(year: 2026, month: 5, day: 6)))
            #expect(complained.number.hasPrefix("TS20260428"))
            // Five working days: Apr 29, Apr 30, May 6, May 7, May 8.
            #expect(complained.answerDue == (try CalendarDay(year: 2026, month: 5, day: 8)))
            #expect(asked.contactPhoneMasked == Masking.phone("13800000000"))
            #expect(asked.contactNameMasked == Masking.name("张三"))
            #expect(asked.state == .open)
        }
    }

    @Test("bad input is refused in Chinese and nothing is written", arguments: TestDatabase.available)
    func refusals(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            var noSubject = Self.question
            noSubject.itemCode = nil
            await expectDomainError("evaluation.subject", kind: .invalid) {
                try await fixture.service.submit(noSubject, by: fixture.applicant)
            }
            var badPhone = Self.question
            badPhone.contactPhone = "12345"
            await expectDomainError("evaluation.contact-phone", kind: .invalid) {
                try await fixture.service.submit(badPhone, by: fixture.applicant)
            }
            var short = Self.question
            short.content = "请问"
            await expectDomainError("evaluation.content", kind: .invalid) {
                try await fixture.service.submit(short, by: fixture.applicant)
            }
            let written = try await fixture.count("eva_interactions")
            #expect(written == 0)
        }
    }

    @Test("answered late counts as late; feedback once; only the writer sees it", arguments: TestDatabase.available)
    func answerAndFeedback(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let asked = try await fixture.service.submit(Self.question, by: fixture.applicant)
            let stranger = try await fixture.registerCitizen(
                name: "李四", idNumber: "130102199205061236", phone: "13800000001")
            await expectDomainError("evaluation.not-found", kind: .notFound) {
                try await fixture.service.message(asked.id, by: stranger)
            }
            await expectDomainError("evaluation.message-state", kind: .conflict) {
                try await fixture.service.feedback(
                    message: asked.id, level: .satisfied, comment: nil, by: fixture.applicant)
            }
            await expectDomainError("identity.forbidden", kind: .forbidden) {
                try await fixture.service.answer(message: asked.id, "经营面积含仓库面积。", by: fixture.staff("rsj-admin"))
            }

            // Act: answered on May 7, a day after its due day (May 6).
            fixture.moveTo(try CalendarDay(year: 2026, month: 5, day: 7))
            let answered = try await fixture.service.answer(
                message: asked.id, "经营面积包含仓库等与经营有关的场所面积。", by: fixture.staff("scj-admin"))
            let rated = try await fixture.service.feedback(
                message: asked.id, level: .satisfied, comment: "解答清楚", by: fixture.applicant)

            // Verify
            #expect(answered.state == .answered)
            #expect(answered.answeredOnTime == false)
            #expect(rated.state == .closed)
            #expect(rated.feedbackLevel == .satisfied)
            await expectDomainError("evaluation.message-state", kind: .conflict) {
                try await fixture.service.feedback(message: asked.id, level: .fair, comment: nil, by: fixture.applicant)
            }
            await expectDomainError("evaluation.message-answered", kind: .conflict) {
                try await fixture.service.answer(message: asked.id, "再次答复内容", by: fixture.staff("scj-admin"))
            }
            let actions = try await fixture.auditEntries().map(\.action)
            #expect(
                actions == [
                    "evaluation.message-received", "evaluation.message-answered", "evaluation.message-feedback",
                ])
            // The answer is announced to the writer's inbox through the outbox.
            #expect(try await fixture.count("zt_outbox", where: "event_type = 'evaluation.citizen-notice'") == 1)
        }
    }

    @Test("phone messages are recorded by supervisors only, with the caller's name", arguments: TestDatabase.available)
    func phoneMessages(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            var call = Self.question
            call.kind = .suggestion
            call.contactName = "王五"
            call.contactPhone = "13900000002"
            await expectDomainError("identity.forbidden", kind: .forbidden) {
                try await fixture.service.record(call, by: fixture.staff("scj-admin"))
            }

            let recorded = try await fixture.service.record(call, by: fixture.staff("zwj-jd01"))

            #expect(recorded.source == .phone)
            #expect(recorded.number.hasPrefix("JY"))
            // Ten working days for a suggestion: Apr 29–30, May 6–9 (May 9 is the 调休 Saturday), May 11–14.
            #expect(recorded.answerDue == (try CalendarDay(year: 2026, month: 5, day: 14)))
            #expect(recorded.contactNameMasked == Masking.name("王五"))
            let queue = try await fixture.service.messages(state: .open, by: fixture.staff("scj-admin"))
            #expect(queue.map(\.id) == [recorded.id])
            #expect(try await fixture.service.messages(by: fixture.staff("gaj-cw01")).isEmpty)
            // The contact is sealed: the phone's digits are not in the stored row.
            let raw = try await fixture.database.read { sql in
                try await sql.raw("SELECT contact_sealed FROM eva_interactions").first()?
                    .decode(column: "contact_sealed", as: Data.self)
            }
            let sealed = try #require(raw)
            #expect(!String(decoding: sealed, as: UTF8.self).contains("13900000002"))
        }
    }
}
