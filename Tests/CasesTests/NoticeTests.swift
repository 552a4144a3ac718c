import Cases
import CasesModel
import Foundation
import Kernel
import Messaging
import Storage
import StorageTesting
import Testing

@Suite("Notices to applicants")
struct NoticeTests {
    /// A messaging service on the fixture's database and clock, sending SMS nowhere.
    static func messaging(_ fixture: CasesFixture) throws -> MessagingService {
        MessagingService(
            database: fixture.database, queue: JobQueue(database: fixture.database, clock: fixture.clock),
            audit: AuditLog(algorithm: .sm3, clock: fixture.clock),
            templates: MessageTemplates(MessageTemplates.builtIn),
            sealer: try FieldSealer(masterKey: Array(repeating: 7, count: 32)), sms: DevelopmentSMSGateway(),
            clock: fixture.clock)
    }

    /// Runs every waiting case notice, then every message delivery that is due.
    static func deliver(_ fixture: CasesFixture, with messaging: MessagingService) async throws {
        for job in try await fixture.queuedJobs("cases.notify") {
            try await fixture.run(job, with: fixture.service.noticeHandler(messaging: messaging))
        }
        for job in try await fixture.queuedJobs(MessagingService.deliveryJobKind) where job.runAt <= fixture.clock.now()
        {
            try await fixture.run(job, with: messaging.deliveryHandler)
        }
    }

    @Test("every state change queues one notice and a refused command none", arguments: TestDatabase.available)
    func oneNoticePerChange(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let handler = fixture.staff("scj-sp01")
            var counts: [Int] = []
            func count() async throws { counts.append(try await fixture.queuedJobs("cases.notify").count) }

            // act
            let submitted = try await fixture.submittedFoodCase()
            try await count()
            _ = try await fixture.service.requestCorrection(
                submitted.id, items: [CorrectionItem(materialCode: "M03", materialName: "", problem: "缺少签字")],
                by: fixture.staff("scj-sl01"))
            try await count()
            try await fixture.service.attachMaterial(
                submitted.id, materialCode: "M03", fileName: "M03.pdf", mediaType: "application/pdf",
                content: CasesFixture.pdf, by: fixture.applicant)
            _ = try await fixture.service.answerCorrection(submitted.id, by: fixture.applicant)
            try await count()
            _ = try await fixture.service.accept(submitted.id, by: fixture.staff("scj-sl01"))
            try await count()
            _ = try await fixture.service.pause(submitted.id, reason: .suspension, comment: "涉及诉讼", by: handler)
            try await count()
            await expectDomainError("cases.clock-state") {
                try await fixture.service.pause(submitted.id, reason: .suspension, comment: "再次中止", by: handler)
            }
            try await count()
            _ = try await fixture.service.resume(submitted.id, by: handler)
            try await count()
            try await fixture.decide(submitted.id, step: "review", as: "scj-sp01")
            try await fixture.decide(submitted.id, step: "decide", as: "scj-sp02")
            try await fixture.decide(submitted.id, step: "conclude", as: "scj-sp01")
            try await count()

            // verify: submitted, correction, corrected, accepted, paused, (refused), resumed, concluded
            #expect(counts == [1, 2, 3, 4, 5, 5, 6, 7])
        }
    }

    @Test("a notice reaches the applicant's inbox in Chinese", arguments: TestDatabase.available)
    func inbox(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let messaging = try Self.messaging(fixture)
            let accepted = try await fixture.acceptedFoodCase()
            let number = try #require(accepted.number)

            // act
            try await Self.deliver(fixture, with: messaging)
            let account = fixture.applicantID.uuidString
            let inbox = try await messaging.inbox(
                accountID: account,
                by: Actor(id: account, channel: "web", clientAddress: "192.0.2.10", roles: ["person"]))

            // verify
            #expect(inbox.count == 2)
            #expect(inbox.allSatisfy { $0.title == "办件通知：食品经营许可（新办）" })
            let bodies = inbox.map(\.body)
            #expect(bodies.contains { $0.contains("已提交，等待受理") && $0.contains(number) })
            #expect(bodies.contains { $0.contains("已受理，承诺于 2026-05-08 前办结") })
        }
    }

    @Test("a walk-in applicant without an account is told by SMS", arguments: TestDatabase.available)
    func sms(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let messaging = try Self.messaging(fixture)
            let window = fixture.staff("window01", channel: "counter")
            let draft = try await fixture.service.saveDraft(
                CaseApplication(itemCode: CasesFixture.foodPermit, form: CasesFixture.foodForm(), situations: ["S01"]),
                applicant: WindowTests.walkIn, by: .staff(window))
            for code in ["M03", "M04"] {
                try await fixture.service.recordPaperMaterial(draft.id, materialCode: code, by: window)
            }
            _ = try await fixture.service.submit(draft.id, by: .staff(window))

            // act
            try await Self.deliver(fixture, with: messaging)
            let sent = try await messaging.recent()

            // verify
            #expect(sent.count == 1)
            #expect(sent.first?.channel == .sms)
            #expect(sent.first?.recipientMasked.hasSuffix("0002") == true)
            #expect(sent.first?.body.contains("等待受理") == true)
        }
    }
}
