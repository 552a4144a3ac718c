import Evaluation
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Demands: asked by citizens, grouped with counts, answered by departments")
struct DemandTests {
    @Test("grouped by item and theme, with what was planned, done and declined", arguments: TestDatabase.available)
    func groups(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup: three demands on the food permit (two themes), one about a department only.
            let market = try #require(fixture.world.demo.departments.first { $0.code == "SJZ-SCJGJ" })
            let other = try await fixture.registerCitizen(
                name: "李四", idNumber: "130102199205061236", phone: "13800000001")
            let first = try await fixture.service.submitDemand(
                theme: .fewerMaterials, itemCode: EvaluationFixture.foodPermit, departmentID: nil,
                content: "希望取消场所使用证明，改为部门核验。", by: fixture.applicant)
            _ = try await fixture.service.submitDemand(
                theme: .fewerMaterials, itemCode: EvaluationFixture.foodPermit, departmentID: nil,
                content: "房产证明可以通过电子证照调取吗？", by: other)
            _ = try await fixture.service.submitDemand(
                theme: .notOnline, itemCode: EvaluationFixture.foodPermit, departmentID: nil,
                content: "希望现场核查预约也能网上办理。", by: other)
            _ = try await fixture.service.submitDemand(
                theme: .newService, itemCode: nil, departmentID: market.id, content: "希望开通夜间窗口。", by: other)

            // Act
            _ = try await fixture.service.respond(
                toDemand: first.id, state: .done, response: "已取消该材料，改为电子证照核验。", by: fixture.staff("scj-admin"))
            let day = try CalendarDay(year: 2026, month: 4, day: 28)
            let groups = try await fixture.service.demandGroups(from: day, to: day)

            // Verify: the largest group first, counts per state.
            #expect(groups.count == 3)
            let materials = try #require(groups.first)
            #expect(materials.itemCode == EvaluationFixture.foodPermit)
            #expect(materials.theme == .fewerMaterials)
            #expect(materials.departmentID == market.id)
            #expect((materials.asked, materials.planned, materials.done, materials.declined) == (2, 0, 1, 0))
            let night = try #require(groups.first { $0.theme == .newService })
            #expect(night.itemCode == nil)
            #expect(night.departmentName == market.name)
            #expect(night.asked == 1)
            // Another period counts nothing; a reversed period is refused.
            #expect(try await fixture.service.demandGroups(from: day.adding(days: 1), to: day.adding(days: 3)).isEmpty)
            await expectDomainError("evaluation.period", kind: .invalid) {
                try await fixture.service.demandGroups(from: day, to: day.adding(days: -1))
            }
        }
    }

    @Test(
        "departments answer their own demands; a demand naming none is for supervisors",
        arguments: TestDatabase.available)
    func responding(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            let loose = try await fixture.service.submitDemand(
                theme: .other, itemCode: nil, departmentID: nil, content: "希望政务服务中心周六也开放。", by: fixture.applicant)
            let item = try await fixture.service.submitDemand(
                theme: .fasterHandling, itemCode: EvaluationFixture.foodPermit, departmentID: nil,
                content: "希望承诺时限再缩短一些。", by: fixture.applicant)

            await expectDomainError("identity.forbidden", kind: .forbidden) {
                try await fixture.service.respond(
                    toDemand: loose.id, state: .planned, response: "研究中", by: fixture.staff("scj-admin"))
            }
            await expectDomainError("identity.forbidden", kind: .forbidden) {
                try await fixture.service.respond(
                    toDemand: item.id, state: .planned, response: "研究中", by: fixture.staff("rsj-admin"))
            }
            await expectDomainError("evaluation.demand-state", kind: .invalid) {
                try await fixture.service.respond(
                    toDemand: item.id, state: .open, response: "研究中", by: fixture.staff("scj-admin"))
            }
            let planned = try await fixture.service.respond(
                toDemand: loose.id, state: .planned, response: "拟于下季度试行周六开放。", by: fixture.staff("zwj-jd01"))

            #expect(planned.state == .planned)
            #expect(planned.response == "拟于下季度试行周六开放。")
            #expect(
                try await fixture.service.myDemands(fixture.applicant).map(\.state).sorted { $0.rawValue < $1.rawValue }
                    == [.open, .planned])
            #expect(try await fixture.service.demands(by: fixture.staff("scj-admin")).map(\.id) == [item.id])
        }
    }
}
