import Evaluation
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Indicator sets: known keys only, missing ones take the overall level, stored as given")
struct IndicatorTests {
    @Test("an unknown indicator, or one of another channel's set, is refused", arguments: TestDatabase.available)
    func unknownIndicator(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let record = try await fixture.concludedCase()
            let open = try await fixture.onlineRating(of: record.id)

            // Act / verify: `speed` is in no set; `attitude` belongs to the counter set only.
            await expectDomainError("evaluation.indicator", kind: .invalid) {
                try await fixture.service.rate(
                    open.id, .init(level: .satisfied, scores: ["speed": .fair]), by: fixture.applicant)
            }
            await expectDomainError("evaluation.indicator", kind: .invalid) {
                try await fixture.service.rate(
                    open.id, .init(level: .satisfied, scores: ["attitude": .fair]), by: fixture.applicant)
            }
            #expect(try await fixture.onlineRating(of: record.id).level == nil)
        }
    }

    @Test(
        "given levels are stored, missing ones take the overall level, and they read back",
        arguments: TestDatabase.available)
    func scoresRoundTrip(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let record = try await fixture.concludedCase()
            let open = try await fixture.onlineRating(of: record.id)
            let submission = RatingSubmission(
                level: .satisfied, scores: ["efficiency": .fair, "ease-of-use": .verySatisfied], comment: "  指南清楚  ")

            // Act
            let rated = try await fixture.service.rate(open.id, submission, by: fixture.applicant)

            // Verify: every key of online-v1 has a level; the comment is trimmed.
            let expected: [String: RatingLevel] = [
                "overall": .satisfied, "efficiency": .fair, "guide-accuracy": .satisfied, "convenience": .satisfied,
                "ease-of-use": .verySatisfied,
            ]
            #expect(rated.scores == expected)
            #expect(rated.comment == "指南清楚")
            let stored = try await fixture.onlineRating(of: record.id)
            #expect(stored.scores == expected)
            #expect(stored.comment == "指南清楚")
            let staffView = try #require(try await fixture.service.ratings(by: fixture.staff("scj-admin")).first)
            #expect(staffView.scores == expected)
            #expect(staffView.level == .satisfied)
        }
    }

    @Test("the overall score is always the overall level, whatever the scores say", arguments: TestDatabase.available)
    func overallFollowsLevel(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let record = try await fixture.concludedCase()
            let open = try await fixture.onlineRating(of: record.id)

            // Act
            let rated = try await fixture.service.rate(
                open.id, .init(level: .verySatisfied, scores: ["overall": .veryDissatisfied]), by: fixture.applicant)

            // Verify: no contradictory overall, and no bad-review ticket from a stray score.
            #expect(try await fixture.onlineRating(of: record.id).scores["overall"] == .verySatisfied)
            #expect(rated.level == .verySatisfied)
            #expect(try await fixture.count("eva_rectifications") == 0)
        }
    }

    @Test("counter ratings are scored under counter-v1", arguments: TestDatabase.available)
    func counterSet(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let record = try await fixture.concludedCase()
            let (opened, code) = try await fixture.service.openCounterRating(
                caseID: record.id, window: "3号窗口", by: fixture.staff("scj-sl01"))
            #expect(opened.indicatorSet == "counter-v1")

            // Act / verify: an online indicator is refused at the counter; counter ones are kept.
            await expectDomainError("evaluation.indicator", kind: .invalid) {
                try await fixture.service.rate(
                    counterCode: code, .init(level: .satisfied, scores: ["ease-of-use": .fair]),
                    clientAddress: "10.1.0.3")
            }
            let rated = try await fixture.service.rate(
                counterCode: code, .init(level: .satisfied, scores: ["attitude": .verySatisfied]),
                clientAddress: "10.1.0.3")
            #expect(
                rated.scores == [
                    "overall": .satisfied, "efficiency": .satisfied, "competence": .satisfied,
                    "attitude": .verySatisfied,
                ])
            #expect(rated.indicatorSet == "counter-v1")
        }
    }
}
