import Catalog
import CatalogInterchange
import CatalogModel
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("The demo catalog of 石家庄市 and the synthetic catalog")
struct DemoCatalogTests {
    @Test(
        "seeding gives 60 or more published items of 10 or more departments, three bundles and resolvable locations",
        arguments: TestDatabase.available)
    func seed(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            // Act
            let report = try await fixture.service.seedDemoCatalog()

            // Verify
            let document = try await fixture.service.exportPublished()
            #expect(report.itemsCreated == document.items.count)
            #expect(document.items.count >= 60)
            #expect(Set(document.items.map(\.departmentCode)).count >= 10)
            let locationCodes = Set(try await fixture.service.locations().map(\.code))
            for entry in document.items {
                let published = try await fixture.service.publishedItem(code: entry.businessCode)
                #expect(published.version.effectiveFrom?.description == "2026-01-01")
                #expect(Set(published.guide.locationCodes).isSubset(of: locationCodes), "\(published.guide.name)")
                #expect(!published.guide.locationCodes.isEmpty, "\(published.guide.name)")
            }
            let bundles = try await fixture.service.bundles()
            #expect(Set(bundles.map(\.code)) == ["newborn", "business-start", "retirement"])
            for bundle in bundles {
                let guide = try await fixture.service.bundleGuide(code: bundle.code)
                let separate = guide.items.reduce(0) { $0 + $1.guide.materials.count }
                #expect(guide.materials.count < separate, "\(bundle.name) does not share a material")
            }
        }
    }

    @Test("the demo catalog is loaded only into an empty catalog", arguments: TestDatabase.available)
    func seedOnce(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            _ = try await fixture.service.seedDemoCatalog()
            let before = try await fixture.catalogCounts()

            let error = await #expect(throws: DomainError.self) { try await fixture.service.seedDemoCatalog() }

            #expect(error?.kind == .conflict)
            #expect(try await fixture.catalogCounts() == before)
        }
    }

    @Test("the demo holds the items the service hall and its bundles are shown with")
    func content() throws {
        let guides = try DemoCatalog.document().items.flatMap { $0.versions.map(\.guide) }
        func guide(_ name: String) -> ItemGuide? { guides.first { $0.name.hasPrefix(name) } }
        for name in [
            "营业执照设立登记", "食品经营许可", "出生医学证明办理", "出生登记（新生儿落户）", "城乡居民医保参保登记", "社会保障卡申领", "预防接种证办理",
            "职工基本养老保险待遇申领（退休）", "职工医保退休人员待遇核定", "住房公积金提取（退休）", "住房公积金缴存登记", "印章刻制备案", "发票申领",
            "社会保险登记（单位）", "结婚登记", "离婚登记", "不动产转移登记", "居民身份证换领", "机动车驾驶证换证", "道路货物运输经营许可", "排污许可",
            "义务教育入学登记", "医疗机构执业登记", "最低生活保障",
        ] {
            #expect(guide(name) != nil, "missing \(name)")
        }
        #expect(guide("营业执照设立登记")?.keywords.contains("开公司") == true)
        #expect(guide("食品经营许可")?.keywords.contains("开饭店") == true)
        #expect(guide("居民身份证换领")?.totalFeeFen == 2000)
        #expect(guides.contains { $0.isImmediate })
        #expect(guides.allSatisfy { (1...2).contains($0.faq.count) })
        #expect(
            guides.allSatisfy { guide in guide.legalTimeLimit.map { guide.promisedTimeLimit.days <= $0.days } ?? true })
        for guide in guides { #expect(throws: Never.self) { try guide.validate() } }
    }

    @Test("the synthetic catalog has the count asked for, distinct codes, and is the same every time")
    func synthetic() throws {
        let demo = try DemoCatalog.document()

        let document = SyntheticCatalog.document(count: 1_000, from: demo)

        #expect(document.items.count == 1_000)
        #expect(Set(document.items.map(\.businessCode)).count == 1_000)
        #expect(Set(document.items.map(\.businessCode)).isDisjoint(with: demo.items.map(\.businessCode)))
        #expect(SyntheticCatalog.document(count: 1_000, from: demo) == document)
        for code in document.items.map(\.businessCode) { #expect(throws: Never.self) { try BusinessItemCode(code) } }
    }

    @Test("a synthetic catalog imports cleanly", arguments: TestDatabase.available)
    func syntheticImports(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            let document = SyntheticCatalog.document(count: 300, from: try DemoCatalog.document())

            let report = try await fixture.service.importCatalog(document, by: fixture.actor("review01"))

            #expect(report.itemsCreated == 300)
            #expect(try await fixture.catalogCounts()["cat_versions"] == 300)
        }
    }
}
