import Evaluation
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Ratings: one per case and channel, by the applicant, within the window")
struct RatingRuleTests {
    @Test(
        "a conclusion opens one online rating for the applicant, even when delivered twice",
        arguments: TestDatabase.available)
    func oneRatingOnConclusion(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup / act: conclude (which delivers once) and deliver the same events again.
            let record = try await fixture.concludedCase()
            try await fixture.deliverConcluded()

            // Verify: one open online row of the case, under the online set, owned by the applicant.
            #expect(try await fixture.count("eva_ratings") == 1)
            let mine = try await fixture.service.myRatings(fixture.applicant)
            let rating = try #require(mine.first)
            #expect(mine.count == 1)
            #expect(rating.caseID == record.id)
            #expect(rating.caseNumber == record.number)
            #expect(rating.channel == .online)
            #expect(rating.indicatorSet == "online-v1")
            #expect(rating.level == nil)
            #expect(rating.itemCode == EvaluationFixture.foodPermit)
            #expect(rating.departmentID == record.departmentID)
            #expect(rating.departmentName == "市市场监督管理局")
            #expect(rating.raterAccount == fixture.world.applicantID)
            #expect(rating.openedAt == EvaluationFixture.start)
        }
    }

    @Test(
        "the applicant rates once; a second rating is a conflict and changes nothing", arguments: TestDatabase.available
    )
    func ratesOnce(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let record = try await fixture.concludedCase()
            let open = try await fixture.onlineRating(of: record.id)

            // Act
            let rated = try await fixture.service.rate(open.id, .init(level: .verySatisfied), by: fixture.applicant)

            // Verify: the first counts; the second is refused and the stored level stays.
            #expect(rated.level == .verySatisfied)
            #expect(rated.ratedAt == EvaluationFixture.start)
            await expectDomainError("evaluation.already-rated", kind: .conflict) {
                try await fixture.service.rate(open.id, .init(level: .fair), by: fixture.applicant)
            }
            let stored = try await fixture.onlineRating(of: record.id)
            #expect(stored.level == .verySatisfied)
            #expect(stored.isOpen(at: fixture.clock.now()) == false)
            #expect(try await fixture.count("eva_ratings", where: "level IS NOT NULL") == 1)
        }
    }

    @Test("another citizen can neither see nor rate the applicant's rating", arguments: TestDatabase.available)
    func strangerCannotRate(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let record = try await fixture.concludedCase()
            let open = try await fixture.onlineRating(of: record.id)
            let stranger = try await fixture.registerCitizen(
                name: "李四", idNumber: "130102198506124523", phone: "13800000001")

            // Act / verify
            await expectDomainError("evaluation.not-found", kind: .notFound) {
                try await fixture.service.rate(open.id, .init(level: .veryDissatisfied, comment: "乱评"), by: stranger)
            }
            #expect(try await fixture.service.myRatings(stranger).isEmpty)
            #expect(try await fixture.onlineRating(of: record.id).level == nil)
            #expect(try await fixture.count("eva_rectifications") == 0)
        }
    }

    @Test("the default window is 15 natural days, holidays included", arguments: TestDatabase.available)
    func defaultWindow(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup: 15 natural days from Tue 2026-04-28 10:00 is Wed 2026-05-13 10:00; counted in
            // working days over 劳动节 it would be Thu 2026-05-21.
            let record = try await fixture.concludedCase()
            let open = try await fixture.onlineRating(of: record.id)
            let closes = try CalendarDay(year: 2026, month: 5, day: 13).startDate.addingTimeInterval(10 * 3600)
            #expect(open.closesAt == closes)

            // Act / verify: at the closing instant it is refused and stays open…
            fixture.clock.set(closes)
            await expectDomainError("evaluation.window-closed", kind: .conflict) {
                try await fixture.service.rate(open.id, .init(level: .satisfied), by: fixture.applicant)
            }
            #expect(try await fixture.onlineRating(of: open.caseID).level == nil)

            // …and a second before it, it is accepted.
            fixture.clock.set(closes.addingTimeInterval(-1))
            let rated = try await fixture.service.rate(open.id, .init(level: .satisfied), by: fixture.applicant)
            #expect(rated.level == .satisfied)
        }
    }

    @Test("a deployment's own window length is honoured", arguments: TestDatabase.available)
    func customWindow(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database, settings: EvaluationSettings(ratingWindowDays: 3)) { fixture in
            // Setup: 3 natural days from the conclusion end on Fri 2026-05-01 10:00, a holiday.
            let record = try await fixture.concludedCase()
            let open = try await fixture.onlineRating(of: record.id)
            let closes = try CalendarDay(year: 2026, month: 5, day: 1).startDate.addingTimeInterval(10 * 3600)
            #expect(open.closesAt == closes)

            // Act / verify: a day late is refused, the last minute is not.
            fixture.clock.set(closes.addingTimeInterval(86_400))
            await expectDomainError("evaluation.window-closed", kind: .conflict) {
                try await fixture.service.rate(open.id, .init(level: .fair), by: fixture.applicant)
            }
            fixture.clock.set(closes.addingTimeInterval(-60))
            #expect(try await fixture.service.rate(open.id, .init(level: .fair), by: fixture.applicant).level == .fair)
        }
    }
}
