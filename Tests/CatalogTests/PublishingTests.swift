import Catalog
import CatalogModel
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Drafting and publishing items")
struct PublishingTests {
    @Test(
        "a department drafts, a reviewer publishes, and the public sees the version in force",
        arguments: TestDatabase.available)
    func draftThenPublish(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            // Setup
            let code = CatalogFixture.code()
            let draft = try await fixture.service.createItem(
                CreateItem(
                    businessCode: code, departmentID: fixture.department("SJZ-SCJGJ").id,
                    divisionCode: try DivisionCode("130100"), guide: CatalogFixture.guide()),
                by: fixture.actor("scj-admin"))
            // A draft is not public.
            await #expect(throws: DomainError.self) { try await fixture.service.publishedItem(code: code.rawValue) }

            // Act
            let published = try await fixture.service.publish(itemID: draft.itemID, by: fixture.actor("review01"))

            // Verify
            let item = try await fixture.service.publishedItem(code: code.rawValue)
            #expect(published.status == .published)
            #expect(item.version.number == 1)
            #expect(item.guide.name == "食品经营许可（新办）")
            #expect(item.departmentName == "市市场监督管理局")
        }
    }

    @Test(
        "the editor of a draft cannot publish it, and a clerk without the permission cannot either",
        arguments: TestDatabase.available)
    func fourEyes(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            let draft = try await fixture.service.createItem(
                CreateItem(
                    businessCode: CatalogFixture.code(), departmentID: fixture.department("SJZ-SCJGJ").id,
                    divisionCode: try DivisionCode("130100"), guide: CatalogFixture.guide()),
                by: fixture.actor("scj-admin"))

            let forbidden = await #expect(throws: DomainError.self) {
                try await fixture.service.publish(itemID: draft.itemID, by: fixture.actor("scj-admin"))
            }
            #expect(forbidden?.kind == .forbidden)
            let outsider = await #expect(throws: DomainError.self) {
                try await fixture.service.saveDraft(
                    itemID: draft.itemID, guide: CatalogFixture.guide("改名"), by: fixture.actor("rsj-admin"))
            }
            #expect(outsider?.kind == .forbidden)
        }
    }

    @Test(
        "a new version published for a later day leaves the old one in force until then",
        arguments: TestDatabase.available)
    func futureVersion(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            let first = try await fixture.publishedItem()
            var changed = CatalogFixture.guide("食品经营许可（新办）")
            changed.promisedTimeLimit = TimeLimit(days: 3)
            _ = try await fixture.service.saveDraft(
                itemID: first.itemID, guide: changed, by: fixture.actor("scj-admin"))
            let nextWeek = CalendarDay(dayNumber: fixture.today.dayNumber + 7)

            _ = try await fixture.service.publish(
                itemID: first.itemID, effectiveFrom: nextWeek, by: fixture.actor("review01"))

            let code = CatalogFixture.code().rawValue
            #expect(try await fixture.service.publishedItem(code: code).version.number == 1)
            #expect(try await fixture.service.publishedItem(code: code, on: nextWeek).version.number == 2)
            let changes = try await fixture.service.diff(
                itemID: first.itemID, from: 1, to: 2, by: fixture.actor("review01"))
            #expect(changes == [GuideChange(field: "承诺时限", kind: .changed, before: "5个工作日", after: "3个工作日")])
        }
    }

    @Test("a retired item is no longer public and says so", arguments: TestDatabase.available)
    func retire(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            let version = try await fixture.publishedItem()
            try await fixture.service.retire(itemID: version.itemID, reason: "事项取消", by: fixture.actor("review01"))
            let error = await #expect(throws: DomainError.self) {
                try await fixture.service.publishedItem(code: CatalogFixture.code().rawValue)
            }
            #expect(error?.code == "catalog.not-published")
        }
    }

    @Test("codes are checked: length, type, authority check character, sequence")
    func codes() throws {
        #expect(throws: DomainError.self) { try BaseItemCode("00011100800") }
        #expect(throws: DomainError.self) { try BaseItemCode("010111008000") }  // 行政处罚 is not applied for
        let good = CatalogFixture.code().rawValue
        #expect(try BusinessItemCode(good).implementation.base.itemType == .licensing)
        var broken = Array(good)
        broken[17] = broken[17] == "8" ? "9" : "8"
        #expect(throws: DomainError.self) { try BusinessItemCode(String(broken)) }
        #expect(throws: DomainError.self) { try BusinessItemCode(String(good.dropLast(2)) + "00") }
    }
}
