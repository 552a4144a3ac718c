import Cases
import CasesModel
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("The statutory clock of stored cases")
struct ClockTests {
    @Test("accepted Tue 04-28 with 5 working days: due Fri 05-08 over Labour Day", arguments: TestDatabase.available)
    func labourDay(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup + act
            let accepted = try await fixture.acceptedFoodCase()
            let clocks = try await fixture.service.clockReadings(accepted.id, by: fixture.applicant)
            let detail = try await fixture.service.detail(accepted.id, by: fixture.applicant)

            // verify: promised 5 and legal 10 working days, 05-01..05 off, Sat 05-09 worked
            #expect(accepted.deadline == (try .y2026(5, 8)))
            #expect(clocks.promised.deadline == (try .y2026(5, 8)))
            #expect(clocks.promised.limitDays == 5)
            #expect(clocks.promised.usedDays == 0)
            #expect(clocks.promised.remainingDays == 5)
            #expect(clocks.promised.running)
            #expect(clocks.promised.colour == .green)
            #expect(clocks.legal?.deadline == (try .y2026(5, 14)))
            #expect(detail.clocks == clocks)
        }
    }

    @Test("accepted Fri 05-08: the 调休 Saturday 05-09 counts", arguments: TestDatabase.available)
    func adjustedSaturday(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let submitted = try await fixture.submittedFoodCase()
            fixture.moveTo(try .y2026(5, 8))

            // act
            let accepted = try await fixture.service.accept(submitted.id, by: fixture.staff("scj-sl01"))
            fixture.moveTo(try .y2026(5, 11))
            let clocks = try await fixture.service.clockReadings(accepted.id, by: .system)

            // verify: 05-09, 11, 12, 13, 14 are the five working days
            #expect(accepted.deadline == (try .y2026(5, 14)))
            #expect(clocks.promised.usedDays == 2)
            #expect(clocks.promised.remainingDays == 3)
        }
    }

    @Test(
        "a special procedure pauses the clock and moves the deadline by the paused days",
        arguments: TestDatabase.available)
    func pauseAndResume(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let accepted = try await fixture.acceptedFoodCase()
            let handler = fixture.staff("scj-sp01")
            await expectDomainError("cases.pause-reason") {
                try await fixture.service.pause(accepted.id, reason: .correction, comment: "补正", by: handler)
            }

            // act: paused Wed 04-29 for an inspection, resumed Fri 05-08
            fixture.moveTo(try .y2026(4, 29))
            let paused = try await fixture.service.pause(
                accepted.id, reason: .specialProcedure, comment: "委托检验检测", by: handler)
            let during = try await fixture.service.clockReadings(accepted.id, by: .system)
            fixture.moveTo(try .y2026(5, 8))
            let resumed = try await fixture.service.resume(accepted.id, by: handler)
            let after = try await fixture.service.clockReadings(accepted.id, by: .system)

            // verify: 04-30, 05-06, 05-07, 05-08 not counted; 4 left from 05-08 → 05-09, 11, 12, 13
            #expect(paused.state == .paused)
            #expect(during.promised.paused)
            #expect(during.promised.pauseReason == .specialProcedure)
            #expect(resumed.state == .inProgress)
            #expect(after.promised.pausedDays == 4)
            #expect(after.promised.usedDays == 1)
            #expect(after.promised.deadline == (try .y2026(5, 13)))
            #expect(resumed.deadline == (try .y2026(5, 13)))
            await expectDomainError("cases.clock-state") {
                try await fixture.service.resume(accepted.id, by: handler)
            }
        }
    }

    @Test(
        "an extension needs an approver and a reason, adds its days and is allowed once",
        arguments: TestDatabase.available)
    func extend(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let accepted = try await fixture.acceptedFoodCase()
            let approver = fixture.staff("scj-sp01")

            // act + verify: refusals change nothing
            await expectDomainError("identity.forbidden") {
                try await fixture.service.extend(accepted.id, days: 3, reason: "需专家论证", by: fixture.staff("scj-sl01"))
            }
            await expectDomainError("cases.text-required") {
                try await fixture.service.extend(accepted.id, days: 3, reason: " ", by: approver)
            }
            await expectDomainError("cases.extension-days") {
                try await fixture.service.extend(accepted.id, days: 0, reason: "需专家论证", by: approver)
            }
            #expect(try await fixture.service.clockReadings(accepted.id, by: .system).promised.extensionDays == 0)

            // act
            let extended = try await fixture.service.extend(accepted.id, days: 3, reason: "需专家论证", by: approver)
            let clocks = try await fixture.service.clockReadings(accepted.id, by: .system)

            // verify: 05-08 + 3 working days = 05-09 (调休), 05-11, 05-12
            #expect(extended.deadline == (try .y2026(5, 12)))
            #expect(clocks.promised.extensionDays == 3)
            #expect(clocks.promised.limitDays == 8)
            #expect(try await fixture.outboxTypes().contains(CaseEventType.extended.rawValue))
            await expectDomainError("cases.extended-once") {
                try await fixture.service.extend(accepted.id, days: 2, reason: "再次延期", by: approver)
            }
            #expect(try await fixture.service.clockReadings(accepted.id, by: .system).promised.extensionDays == 3)
        }
    }

    @Test("a deadline warning is recorded once, and an overdue case is listed", arguments: TestDatabase.available)
    func warningsAndOverdue(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup: yellow with 2 of 5 days left (from 05-06), red with 1 (from 05-07)
            let accepted = try await fixture.acceptedFoodCase()
            let jobs = try await fixture.queuedJobs("cases.deadline-warning").sorted { $0.runAt < $1.runAt }
            #expect(jobs.map { CalendarDay($0.runAt) } == [try .y2026(5, 6), try .y2026(5, 7)])
            let yellow = try #require(jobs.first)

            // act
            fixture.moveTo(try .y2026(5, 6))
            try await fixture.run(yellow)
            try await fixture.run(yellow)
            try await fixture.run(jobs[1])
            let warned = try await fixture.eventKinds(accepted.id).filter { $0 == .warned }
            fixture.moveTo(try .y2026(5, 11))
            let overdue = try await fixture.service.overdue(by: fixture.staff("scj-sp01"))
            let elsewhere = try await fixture.service.overdue(by: fixture.staff("rsj-jy01"))

            // verify: yellow once; red not yet on 05-06
            #expect(warned.count == 1)
            let event = try #require(
                try await fixture.service.detail(accepted.id, by: .system).events.last { $0.kind == .warned })
            #expect(event.detail.colour == "yellow")
            #expect(event.detail.dueDay == "2026-05-08")
            #expect(overdue.map(\.id) == [accepted.id])
            #expect(elsewhere.isEmpty)
            #expect(try await fixture.service.queue(by: fixture.staff("scj-sp01")).first?.colour == .overdue)
        }
    }
}
