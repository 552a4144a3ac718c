import Catalog
import CatalogModel
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Searching only what is in force")
struct SearchLifecycleTests {
    @Test("a draft and a retired item are not found", arguments: TestDatabase.available)
    func draftsAndRetired(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            _ = try await fixture.service.createItem(
                CreateItem(
                    businessCode: CatalogFixture.code(sequence: 1), departmentID: fixture.department("SJZ-SCJGJ").id,
                    divisionCode: try DivisionCode("130100"), guide: CatalogFixture.searchGuide("营业执照设立登记")),
                by: fixture.actor("scj-admin"))
            let retired = try await fixture.published("营业执照注销登记", sequence: 2)
            try await fixture.published("营业执照变更登记", sequence: 3)
            #expect(try await fixture.service.search("营业执照").total == 2)

            try await fixture.service.retire(itemID: retired.itemID, reason: "事项取消", by: fixture.actor("review01"))

            let results = try await fixture.service.search("营业执照")
            #expect(results.hits.map(\.summary.name) == ["营业执照变更登记"])
            #expect(results.total == 1)
        }
    }

    @Test(
        "a version published for next week is found from that day, the old one until then",
        arguments: TestDatabase.available)
    func futureVersion(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            let first = try await fixture.published("食品经营许可（新办）", sequence: 1)
            _ = try await fixture.service.saveDraft(
                itemID: first.itemID, guide: CatalogFixture.searchGuide("食品经营许可（告知承诺）"),
                by: fixture.actor("scj-admin"))
            let nextWeek = CalendarDay(dayNumber: fixture.today.dayNumber + 7)
            _ = try await fixture.service.publish(
                itemID: first.itemID, effectiveFrom: nextWeek, by: fixture.actor("review01"))

            let todayNew = try await fixture.service.search("告知承诺")
            let todayOld = try await fixture.service.search("食品经营许可")
            fixture.clock.advance(by: 7 * 86_400)
            let laterNew = try await fixture.service.search("告知承诺")
            let laterOld = try await fixture.service.search("食品经营许可")

            #expect(todayNew.total == 0)
            #expect(todayOld.hits.map(\.summary.name) == ["食品经营许可（新办）"])
            #expect(todayOld.hits.first?.summary.version == 1)
            #expect(laterNew.hits.map(\.summary.name) == ["食品经营许可（告知承诺）"])
            // One item, one hit: the retired first version no longer shows.
            #expect(laterOld.hits.map(\.summary.version) == [2])
        }
    }

    @Test("rebuilding the index finds the same items", arguments: TestDatabase.available)
    func rebuild(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            try await fixture.publishSearchBasics()
            let before = try await fixture.service.search("登记 执照")

            let indexed = try await fixture.service.rebuildSearchIndex(actor: .system)
            let staff = fixture.actor("review01").auditActor

            #expect(indexed == 3)
            await #expect(throws: DomainError.self) { try await fixture.service.rebuildSearchIndex(actor: staff) }
            #expect(try await fixture.service.search("登记 执照") == before)
        }
    }
}
