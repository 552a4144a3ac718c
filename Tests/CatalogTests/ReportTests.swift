import Catalog
import CatalogModel
import Foundation
import Kernel
import StorageTesting
import Testing

/// 流程再造报告 over items whose figures are known, so each indicator can be computed by hand.
@Suite("Re-engineering report")
struct ReportTests {
    /// Item B of the market-regulation bureau: 2 materials, 1 step, legal 10 and promised 10 working
    /// days, 2 visits, 二级 depth.
    static func guideB() -> ItemGuide {
        ItemGuide(
            name: "广告发布登记", itemType: .licensing, audiences: [.enterprise],
            materials: [
                RequiredMaterial(code: "M01", name: "广告发布登记申请表"), RequiredMaterial(code: "M02", name: "营业执照复印件"),
            ],
            legalTimeLimit: TimeLimit(days: 10), promisedTimeLimit: TimeLimit(days: 10), visitsRequired: 2,
            onlineDepth: .forms, channels: [.window], steps: [ProcessStep(name: "受理", description: "窗口受理")],
            result: ItemResult(kind: .approval, name: "广告发布登记证明"))
    }

    /// Item C of the human-resources bureau: 1 material, 2 steps, no legal limit, 即办, 1 visit,
    /// 三级 depth.
    static func guideC() -> ItemGuide {
        ItemGuide(
            name: "就业登记", itemType: .publicService, audiences: [.person],
            materials: [RequiredMaterial(code: "M01", name: "居民身份证")], legalTimeLimit: nil,
            promisedTimeLimit: TimeLimit(days: 0), visitsRequired: 1, onlineDepth: .submission,
            channels: [.online, .window],
            steps: [ProcessStep(name: "申请", description: "提交"), ProcessStep(name: "办结", description: "当场办结")],
            result: ItemResult(kind: .other, name: "就业登记记录"))
    }

    /// Publishes A (the fixture's guide: 3 materials, 3 steps, 20/5 working days, 0 visits, 四级)
    /// and B in 市场监管局 and C in 人社局 on 2026-03-02; returns B's item id.
    static func publishThree(_ fixture: CatalogFixture) async throws -> UUID {
        try await fixture.publishedItem()
        let b = try await fixture.publishedItem(guideB(), code: CatalogFixture.code(sequence: 2))
        let c = try await fixture.service.createItem(
            CreateItem(
                businessCode: CatalogFixture.code(base: "200111009000"), departmentID: fixture.department("SJZ-RSJ").id,
                divisionCode: try DivisionCode("130100"), guide: guideC()), by: fixture.actor("rsj-admin"))
        _ = try await fixture.service.publish(itemID: c.itemID, by: fixture.actor("review01"))
        return b.itemID
    }

    /// Moves to 2026-03-12 and publishes B's second version: a material added, promised 5 working
    /// days, 1 visit, 三级 depth.
    static func publishSecondB(_ fixture: CatalogFixture, itemID: UUID) async throws {
        fixture.clock.advance(by: 10 * 86_400)
        var changed = guideB()
        changed.materials.append(RequiredMaterial(code: "M03", name: "广告样件"))
        changed.promisedTimeLimit = TimeLimit(days: 5)
        changed.visitsRequired = 1
        changed.onlineDepth = .submission
        changed.channels = [.online, .window]
        _ = try await fixture.service.saveDraft(itemID: itemID, guide: changed, by: fixture.actor("scj-admin"))
        _ = try await fixture.service.publish(itemID: itemID, by: fixture.actor("review01"))
    }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) < 1e-9
    }

    @Test(
        "every indicator per department and overall, before and after a second version",
        arguments: TestDatabase.available)
    func indicators(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            // Setup
            let start = fixture.today
            let b = try await Self.publishThree(fixture)
            try await Self.publishSecondB(fixture, itemID: b)
            // An open draft is not in force and must not count.
            var draft = CatalogFixture.guide()
            draft.materials = []
            _ = try await fixture.service.saveDraft(
                itemID: try await fixture.service.item(
                    code: CatalogFixture.code().rawValue, by: fixture.actor("scj-admin")
                ).id,
                guide: draft, by: fixture.actor("scj-admin"))

            // Act
            let report = try await fixture.service.reengineeringReport(from: start, to: fixture.today)

            // Verify
            #expect(report.from == start && report.to.dayNumber == start.dayNumber + 10)
            #expect(report.departments.map(\.departmentName) == ["市人力资源和社会保障局", "市市场监督管理局"])
            let scj = try #require(report.departments.first { $0.departmentName == "市市场监督管理局" })
            #expect(scj.before.itemCount == 2 && scj.after.itemCount == 2)
            #expect(Self.close(scj.before.onlineShare, 0.5) && Self.close(scj.after.onlineShare, 1))
            #expect(Self.close(scj.before.fullyOnlineShare, 0.5) && Self.close(scj.after.fullyOnlineShare, 0.5))
            #expect(Self.close(scj.before.averageMaterials, 2.5) && Self.close(scj.after.averageMaterials, 3))
            #expect(Self.close(scj.before.averageSteps, 2) && Self.close(scj.after.averageSteps, 2))
            #expect(
                Self.close(scj.before.promisedToLegalRatio, 0.625) && Self.close(scj.after.promisedToLegalRatio, 0.375))
            #expect(Self.close(scj.before.atMostOneVisitShare, 0.5) && Self.close(scj.after.atMostOneVisitShare, 1))
            #expect(Self.close(scj.before.zeroVisitShare, 0.5) && Self.close(scj.after.zeroVisitShare, 0.5))
            #expect(Self.close(scj.change.onlineShare, 0.5) && Self.close(scj.change.promisedToLegalRatio, -0.25))
            #expect(scj.change.itemCount == 0 && Self.close(scj.change.averageMaterials, 0.5))

            let rsj = try #require(report.departments.first { $0.departmentName == "市人力资源和社会保障局" })
            #expect(rsj.before == rsj.after)
            #expect(rsj.after.itemCount == 1 && rsj.after.promisedToLegalRatio == nil)
            #expect(Self.close(rsj.after.onlineShare, 1) && Self.close(rsj.after.fullyOnlineShare, 0))
            #expect(Self.close(rsj.after.atMostOneVisitShare, 1) && Self.close(rsj.after.zeroVisitShare, 0))
            #expect(rsj.change.promisedToLegalRatio == nil)

            let all = report.overall
            #expect(all.departmentID == nil && all.departmentName == "全部部门")
            #expect(all.before.itemCount == 3 && all.after.itemCount == 3)
            #expect(Self.close(all.before.onlineShare, 2.0 / 3) && Self.close(all.after.onlineShare, 1))
            #expect(Self.close(all.before.fullyOnlineShare, 1.0 / 3) && Self.close(all.after.fullyOnlineShare, 1.0 / 3))
            #expect(Self.close(all.before.averageMaterials, 2) && Self.close(all.after.averageMaterials, 7.0 / 3))
            #expect(Self.close(all.before.averageSteps, 2) && Self.close(all.after.averageSteps, 2))
            // C has no legal limit, so the ratio averages A and B only.
            #expect(
                Self.close(all.before.promisedToLegalRatio, 0.625) && Self.close(all.after.promisedToLegalRatio, 0.375))
            #expect(Self.close(all.before.atMostOneVisitShare, 2.0 / 3) && Self.close(all.after.atMostOneVisitShare, 1))
            #expect(Self.close(all.before.zeroVisitShare, 1.0 / 3) && Self.close(all.after.zeroVisitShare, 1.0 / 3))
        }
    }

    @Test("the change list summarises each version against the one before it", arguments: TestDatabase.available)
    func changeList(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            // Setup
            let start = fixture.today
            let b = try await Self.publishThree(fixture)
            try await Self.publishSecondB(fixture, itemID: b)

            // Act
            let period = try await fixture.service.reengineeringReport(from: start, to: fixture.today)
            let launch = try await fixture.service.reengineeringReport(from: start.adding(days: -1), to: start)

            // Verify
            #expect(period.changes.count == 1 && !period.changesTruncated)
            let change = try #require(period.changes.first)
            #expect(change.itemID == b && change.version == 2 && change.itemName == "广告发布登记")
            #expect(change.businessCode == CatalogFixture.code(sequence: 2).rawValue)
            #expect(change.departmentName == "市市场监督管理局" && change.effectiveFrom == fixture.today)
            #expect(!change.isNewItem)
            #expect(change.materialsAdded == 1 && change.materialsRemoved == 0 && change.materialsChanged == 0)
            #expect(change.promisedLimitBefore == "10个工作日" && change.promisedLimitAfter == "5个工作日")
            #expect(change.legalLimitBefore == "10个工作日" && change.legalLimitAfter == "10个工作日")
            #expect(change.visitsBefore == 2 && change.visitsAfter == 1)
            #expect(change.onlineDepthBefore == 2 && change.onlineDepthAfter == 3)
            #expect(change.changedFields == ["申请材料", "承诺时限", "到现场次数", "网上办理深度", "办理渠道"])
            #expect(change.changeCount == 5)

            #expect(launch.changes.count == 3 && launch.changes.allSatisfy { $0.isNewItem && $0.version == 1 })
            #expect(launch.changes.first?.visitsBefore == nil)
            #expect(launch.overall.before.itemCount == 0 && launch.overall.after.itemCount == 3)
            #expect(launch.overall.before.promisedToLegalRatio == nil)
            #expect(launch.overall.change.promisedToLegalRatio == nil)
        }
    }

    @Test("one department's report holds only its items and changes", arguments: TestDatabase.available)
    func oneDepartment(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            let start = fixture.today
            let b = try await Self.publishThree(fixture)
            try await Self.publishSecondB(fixture, itemID: b)

            let rsj = try await fixture.service.reengineeringReport(
                from: start, to: fixture.today, departmentID: fixture.department("SJZ-RSJ").id)
            let scj = try await fixture.service.reengineeringReport(
                from: start, to: fixture.today, departmentID: fixture.department("SJZ-SCJGJ").id)

            #expect(rsj.departments.map(\.departmentName) == ["市人力资源和社会保障局"])
            #expect(rsj.overall.departmentName == "市人力资源和社会保障局" && rsj.overall.after.itemCount == 1)
            #expect(rsj.changes.isEmpty)
            #expect(scj.overall.after.itemCount == 2 && scj.changes.map(\.version) == [2])
        }
    }

    @Test("a reversed or overlong period and an unknown department are refused", arguments: TestDatabase.available)
    func refusals(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            let today = fixture.today
            let reversed = await #expect(throws: DomainError.self) {
                try await fixture.service.reengineeringReport(from: today, to: today.adding(days: -1))
            }
            let long = await #expect(throws: DomainError.self) {
                try await fixture.service.reengineeringReport(from: today.adding(days: -3654), to: today)
            }
            let unknown = await #expect(throws: DomainError.self) {
                try await fixture.service.reengineeringReport(from: today, to: today, departmentID: UUID())
            }
            // Ten years exactly is allowed.
            let decade = try await fixture.service.reengineeringReport(from: today.adding(days: -3653), to: today)

            #expect(reversed?.kind == .invalid && reversed?.code == "catalog.report-period")
            #expect(long?.kind == .invalid)
            #expect(unknown?.kind == .notFound)
            #expect(decade.overall.after.itemCount == 0 && decade.departments.isEmpty)
        }
    }
}
