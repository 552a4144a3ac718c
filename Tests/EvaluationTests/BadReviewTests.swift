import Evaluation
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Bad reviews: a reason is required, and each opens one rectification ticket")
struct BadReviewTests {
    @Test("不满意 and 非常不满意 need a comment; a refused rating stays open", arguments: TestDatabase.available)
    func commentRequired(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let record = try await fixture.concludedCase()
            let open = try await fixture.onlineRating(of: record.id)

            // Act / verify
            for submission in [
                RatingSubmission(level: .dissatisfied), RatingSubmission(level: .dissatisfied, comment: " \n "),
                RatingSubmission(level: .veryDissatisfied, comment: ""),
            ] {
                await expectDomainError("evaluation.comment-required", kind: .invalid) {
                    try await fixture.service.rate(open.id, submission, by: fixture.applicant)
                }
            }
            #expect(try await fixture.onlineRating(of: record.id).level == nil)
            #expect(try await fixture.count("eva_rectifications") == 0)
        }
    }

    @Test("a bad review opens one ticket, due for call-back in 3 working days", arguments: TestDatabase.available)
    func opensTicket(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup / act: rated on Tue 2026-04-28.
            let (rating, ticket) = try await fixture.badReview(comment: "材料要求前后不一致")

            // Verify: Apr 29 and 30 are working days, May 1–5 are 劳动节, so the third working
            // day is Wed 2026-05-06 (three natural days would end on the holiday of May 1).
            #expect(ticket.callbackDue == (try CalendarDay(year: 2026, month: 5, day: 6)))
            #expect(ticket.state == .awaitingCallback)
            #expect(ticket.ratingID == rating.id)
            #expect(ticket.level == .dissatisfied)
            #expect(ticket.comment == "材料要求前后不一致")
            #expect(ticket.departmentID == rating.departmentID)
            #expect(ticket.departmentName == "市市场监督管理局")
            #expect(ticket.caseNumber == rating.caseNumber)
            #expect(ticket.contactPhoneMasked == "138****0000")
            #expect(ticket.openedAt == EvaluationFixture.start)
            #expect(ticket.verified == nil)
            #expect(ticket.rectifyDue == nil)
            #expect(try await fixture.count("eva_rectifications") == 1)
            let queue = try await fixture.service.rectifications(
                state: .awaitingCallback, by: fixture.staff("scj-admin"))
            #expect(queue.map(\.id) == [ticket.id])
        }
    }

    @Test("a bad review given on a holiday is due 3 working days after it", arguments: TestDatabase.available)
    func ratedOnHoliday(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup: concluded on Apr 28, rated on Sat 2026-05-02, inside 劳动节.
            let record = try await fixture.concludedCase()
            let open = try await fixture.onlineRating(of: record.id)
            fixture.moveTo(try CalendarDay(year: 2026, month: 5, day: 2), hour: 20)

            // Act
            let rated = try await fixture.service.rate(
                open.id, .init(level: .veryDissatisfied, comment: "办结了但证照迟迟未发"), by: fixture.applicant)

            // Verify: May 6, 7 and 8 are the next three working days.
            let ticket = try #require(
                try await fixture.service.rectification(ofRating: rated.id, by: fixture.applicant))
            #expect(ticket.callbackDue == (try CalendarDay(year: 2026, month: 5, day: 8)))
        }
    }

    @Test("基本满意 and better open no ticket", arguments: TestDatabase.available)
    func goodRatingsOpenNone(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let first = try await fixture.concludedCase()
            let second = try await fixture.concludedCase()

            // Act: 基本满意 is the lowest level that is not a bad review.
            _ = try await fixture.service.rate(
                try await fixture.onlineRating(of: first.id).id, .init(level: .fair), by: fixture.applicant)
            _ = try await fixture.service.rate(
                try await fixture.onlineRating(of: second.id).id, .init(level: .verySatisfied), by: fixture.applicant)

            // Verify
            #expect(try await fixture.count("eva_ratings", where: "level IS NOT NULL") == 2)
            #expect(try await fixture.count("eva_rectifications") == 0)
            #expect(try await fixture.service.rectifications(by: fixture.staff("scj-admin")).isEmpty)
        }
    }
}
