import Evaluation
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Counter visits: a one-time code for the window's evaluation device")
struct CounterRatingTests {
    @Test("staff who can read the case get a code that rates the visit once", arguments: TestDatabase.available)
    func codeRatesOnce(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let record = try await fixture.concludedCase()

            // Act
            let (opened, code) = try await fixture.service.openCounterRating(
                caseID: record.id, window: " 3号窗口 ", by: fixture.staff("scj-sl01"))
            let shown = try await fixture.service.counterRating(code: code)
            let rated = try await fixture.service.rate(
                counterCode: code, .init(level: .verySatisfied), clientAddress: "10.1.0.3")

            // Verify: a counter row beside the online one, the window trimmed, rated once.
            #expect(opened.channel == .counter)
            #expect(opened.caseID == record.id)
            #expect(opened.serviceWindow == "3号窗口")
            #expect(opened.level == nil)
            #expect(shown.id == opened.id)
            #expect(shown.raterAccount == nil)
            #expect(rated.id == opened.id)
            #expect(rated.level == .verySatisfied)
            #expect(try await fixture.count("eva_ratings") == 2)
            #expect(try await fixture.count("eva_ratings", where: "channel = 'counter' AND level = 5") == 1)
            await expectDomainError("evaluation.counter-code", kind: .notFound) {
                try await fixture.service.rate(counterCode: code, .init(level: .fair), clientAddress: "10.1.0.3")
            }
            await expectDomainError("evaluation.already-rated", kind: .conflict) {
                try await fixture.service.openCounterRating(
                    caseID: record.id, window: "3号窗口", by: fixture.staff("scj-sl01"))
            }
            let device = try #require(try await fixture.auditEntries(prefix: "evaluation.rated").first)
            #expect(device.actor == "counter-device")
            #expect(device.objectID == opened.id.uuidString)
        }
    }

    @Test("a second code for the same visit voids the first", arguments: TestDatabase.available)
    func newCodeVoidsOld(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let record = try await fixture.concludedCase()
            let clerk = fixture.staff("scj-sl01")
            let (first, oldCode) = try await fixture.service.openCounterRating(
                caseID: record.id, window: "3号窗口", by: clerk)

            // Act
            let (second, newCode) = try await fixture.service.openCounterRating(
                caseID: record.id, window: "5号窗口", by: clerk)

            // Verify: same rating, new window, the old code dead, the new one alive.
            #expect(second.id == first.id)
            #expect(second.serviceWindow == "5号窗口")
            #expect(newCode != oldCode)
            await expectDomainError("evaluation.counter-code", kind: .notFound) {
                try await fixture.service.counterRating(code: oldCode)
            }
            await expectDomainError("evaluation.counter-code", kind: .notFound) {
                try await fixture.service.rate(counterCode: oldCode, .init(level: .fair), clientAddress: "10.1.0.3")
            }
            let rated = try await fixture.service.rate(
                counterCode: newCode, .init(level: .fair), clientAddress: "10.1.0.3")
            #expect(rated.id == first.id)
            #expect(rated.serviceWindow == "5号窗口")
            #expect(try await fixture.count("eva_ratings", where: "channel = 'counter'") == 1)
        }
    }

    @Test("staff who cannot read the case get not-found and no rating is opened", arguments: TestDatabase.available)
    func otherDepartmentCannotOpen(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let record = try await fixture.concludedCase()

            // Act / verify: 市公安局's clerk and an unknown case both read as not found.
            await expectDomainError("evaluation.not-found", kind: .notFound) {
                try await fixture.service.openCounterRating(
                    caseID: record.id, window: "3号窗口", by: fixture.staff("gaj-sl01"))
            }
            await expectDomainError("evaluation.not-found", kind: .notFound) {
                try await fixture.service.openCounterRating(
                    caseID: UUID(), window: "3号窗口", by: fixture.staff("scj-sl01"))
            }
            #expect(try await fixture.count("eva_ratings", where: "channel = 'counter'") == 0)
        }
    }

    @Test("a counter bad review opens a ticket like an online one", arguments: TestDatabase.available)
    func counterBadReview(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let record = try await fixture.concludedCase()
            let (opened, code) = try await fixture.service.openCounterRating(
                caseID: record.id, window: "3号窗口", by: fixture.staff("scj-sl01"))

            // Act
            _ = try await fixture.service.rate(
                counterCode: code, .init(level: .veryDissatisfied, comment: "工作人员态度生硬"), clientAddress: "10.1.0.3")

            // Verify: the applicant can follow the ticket of the counter rating.
            let ticket = try #require(
                try await fixture.service.rectification(ofRating: opened.id, by: fixture.applicant))
            #expect(ticket.state == .awaitingCallback)
            #expect(ticket.level == .veryDissatisfied)
            #expect(ticket.comment == "工作人员态度生硬")
        }
    }
}
