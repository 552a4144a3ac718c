import Catalog
import CatalogModel
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("一件事 bundles")
struct BundleGuideTests {
    @Test(
        "the combined guide hands shared materials in once, totals fees and takes the longest limit",
        arguments: TestDatabase.available)
    func combined(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            // Setup: two items asking for the same 居民身份证 in different wording.
            var first = CatalogFixture.guide("出生医学证明办理")
            first.materials = [
                RequiredMaterial(code: "M01", name: "居民身份证（原件）"), RequiredMaterial(code: "M02", name: "住院分娩记录"),
            ]
            first.fees = [Fee(name: "工本费", amountFen: 1000, standard: "每证10元", basis: "冀价行费〔2004〕1号")]
            first.promisedTimeLimit = TimeLimit(days: 3)
            var second = CatalogFixture.guide("出生登记")
            second.materials = [
                RequiredMaterial(code: "M01", name: "居民身份证"), RequiredMaterial(code: "M02", name: "户口簿"),
            ]
            second.fees = [Fee(name: "证件费", amountFen: 2050, standard: "每证20.5元", basis: "测试")]
            second.promisedTimeLimit = TimeLimit(days: 14, unit: .naturalDays)  // 10 working-day equivalents
            second.visitsRequired = 1
            try await fixture.publishedItem(first, code: CatalogFixture.code(sequence: 1))
            try await fixture.publishedItem(second, code: CatalogFixture.code(sequence: 2))
            _ = try await fixture.service.saveBundle(
                ServiceBundle(
                    code: "newborn", name: "新生儿出生一件事", audience: .person, lifeEvent: .birth, summary: "一次办好",
                    itemCodes: [CatalogFixture.code(sequence: 1), CatalogFixture.code(sequence: 2)]),
                by: fixture.actor("review01"))

            // Act
            let guide = try await fixture.service.bundleGuide(code: "newborn")

            // Verify
            #expect(guide.materials.map(\.material.name) == ["居民身份证（原件）", "住院分娩记录", "户口簿"])
            #expect(guide.materials[0].usedBy == ["出生医学证明办理", "出生登记"])
            #expect(guide.totalFeeFen == 3050)
            #expect(guide.overallTimeLimit == TimeLimit(days: 14, unit: .naturalDays))
            #expect(guide.visitsRequired == 1)
            #expect(try await fixture.service.bundles().map(\.code) == ["newborn"])
        }
    }

    @Test(
        "a bundle naming an unknown item, or only one item, is refused; a department editor may not keep bundles",
        arguments: TestDatabase.available)
    func refused(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            try await fixture.publishedItem()
            let unknown = ServiceBundle(
                code: "b", name: "测试", audience: .person, lifeEvent: .birth, summary: "",
                itemCodes: [CatalogFixture.code(sequence: 1), CatalogFixture.code(sequence: 9)])
            let missing = await #expect(throws: DomainError.self) {
                try await fixture.service.saveBundle(unknown, by: fixture.actor("review01"))
            }
            #expect(missing?.kind == .notFound)
            var single = unknown
            single.itemCodes = [CatalogFixture.code(sequence: 1)]
            let tooSmall = await #expect(throws: DomainError.self) {
                try await fixture.service.saveBundle(single, by: fixture.actor("review01"))
            }
            #expect(tooSmall?.kind == .invalid)
            let forbidden = await #expect(throws: DomainError.self) {
                try await fixture.service.saveBundle(unknown, by: fixture.actor("scj-admin"))
            }
            #expect(forbidden?.kind == .forbidden)
            #expect(try await fixture.service.bundles().isEmpty)
        }
    }
}
