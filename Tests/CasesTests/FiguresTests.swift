import Cases
import CasesModel
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Case figures")
struct FiguresTests {
    static let businessLicence = "111301000000135718300011100100001"

    /// A business-licence case (default process) granted on the day it was filed.
    static func grantedLicence(_ fixture: CasesFixture) async throws -> CaseRecord {
        let draft = try await fixture.service.saveDraft(
            CaseApplication(
                itemCode: businessLicence, form: ["applicantName": "张三", "contactPhone": "13800000000"]),
            by: fixture.applicant)
        try await fixture.service.attachMaterial(
            draft.id, materialCode: "M02", fileName: "章程.pdf", mediaType: "application/pdf",
            content: CasesFixture.pdf, by: fixture.applicant)
        _ = try await fixture.service.submit(draft.id, by: fixture.applicant)
        _ = try await fixture.service.accept(draft.id, by: fixture.staff("scj-sl01"))
        try await fixture.decide(draft.id, step: "review", as: "scj-sp01")
        try await fixture.decide(draft.id, step: "decide", as: "scj-sp02")
        return try await fixture.decide(draft.id, step: "conclude", as: "scj-sp01")
    }

    @Test("counts and rates per department and item", arguments: TestDatabase.available)
    func figures(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup on 04-28: food permits granted later, rejected, corrected, returned; a licence
            let granted = try await fixture.acceptedFoodCase()
            let rejected = try await fixture.submittedFoodCase()
            _ = try await fixture.service.reject(rejected.id, reason: "不属于本部门管辖", by: fixture.staff("scj-sl01"))
            let corrected = try await fixture.submittedFoodCase()
            _ = try await fixture.service.requestCorrection(
                corrected.id, items: [CorrectionItem(materialCode: "M03", materialName: "", problem: "缺少签字")],
                by: fixture.staff("scj-sl01"))
            try await fixture.service.attachMaterial(
                corrected.id, materialCode: "M03", fileName: "M03.pdf", mediaType: "application/pdf",
                content: CasesFixture.pdf, by: fixture.applicant)
            _ = try await fixture.service.answerCorrection(corrected.id, by: fixture.applicant)
            _ = try await fixture.service.accept(corrected.id, by: fixture.staff("scj-sl01"))
            let returned = try await fixture.acceptedFoodCase()
            try await fixture.decide(returned.id, step: "review", as: "scj-sp01")
            try await fixture.decide(
                returned.id, step: "decide", .sendBack(to: "review"), comment: "补充核查", as: "scj-sp02")
            let licence = try await Self.grantedLicence(fixture)
            // outside the period
            fixture.moveTo(try .y2026(4, 29))
            _ = try await fixture.submittedFoodCase()
            // the first permit concludes on Thu 05-07, 4 working days after acceptance
            fixture.moveTo(try .y2026(5, 7))
            try await fixture.decide(granted.id, step: "review", as: "scj-sp01")
            try await fixture.decide(granted.id, step: "decide", as: "scj-sp02")
            try await fixture.decide(granted.id, step: "conclude", as: "scj-sp01")

            // act
            let day = try CalendarDay.y2026(4, 28)
            let figures = try await fixture.service.figures(from: day, to: day)

            // verify: the food-permit row
            #expect(licence.state == .concluded)
            #expect(figures.items.map(\.key) == [CasesFixture.foodPermit, Self.businessLicence])
            let food = try #require(figures.items.first)
            #expect(food.name == "食品经营许可（新办）")
            let counts = [food.submitted, food.accepted, food.rejected, food.concluded, food.approved]
            #expect(counts == [4, 3, 1, 1, 1])
            let marks = [food.corrected, food.returned, food.onTimePromised, food.onTimeLegal]
            #expect(marks == [1, 1, 1, 1])
            #expect(food.daysUsed == 4)
            #expect(food.correctionRate == 0.25)
            #expect(food.rejectionRate == 0.25)
            #expect(food.returnRate == 1.0 / 3.0)
            #expect(food.onTimePromisedRate == 1.0)
            #expect(food.averageDays == 4.0)

            // verify: the department row adds the licence, concluded the same day
            let department = try #require(figures.departments.first)
            #expect(figures.departments.count == 1)
            #expect(department.departmentID == granted.departmentID)
            let totals = [department.submitted, department.accepted, department.concluded]
            #expect(totals == [5, 4, 2])
            #expect(department.averageDays == 2.0)
            #expect(department.rejectionRate == 0.2)
            #expect(figures.overall.submitted == 5)
            await expectDomainError("cases.period") {
                try await fixture.service.figures(from: day, to: day.adding(days: -1))
            }
        }
    }
}
