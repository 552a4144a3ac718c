import Catalog
import CatalogInterchange
import CatalogModel
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Exporting and importing the whole catalog")
struct InterchangeRoundTripTests {
    @Test(
        "export, import into a fresh database and export again gives the same JSON", arguments: TestDatabase.available)
    func jsonRoundTrip(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { source in
            // Setup
            let drafted = try await source.seedWithDraft()
            let first = try CatalogJSON.encode(try await source.service.exportCatalog(by: source.actor("review01")))

            try await CatalogFixture.with(kind) { target in
                // Act
                let report = try await target.service.importCatalog(
                    try CatalogJSON.decode(first), by: target.actor("review01"))
                let second = try CatalogJSON.encode(
                    try await target.service.exportCatalog(by: target.actor("review01")))

                // Verify
                #expect(second == first)
                let document = try CatalogJSON.decode(first)
                #expect(report.itemsCreated == document.items.count)
                #expect(report.versions == document.versionCount)
                let item = document.items.first { $0.businessCode == drafted }
                #expect(item?.versions.map(\.status) == [.published, .draft])
            }
        }
    }

    @Test("the same round trip through CSV gives the same file and the same catalog", arguments: TestDatabase.available)
    func csvRoundTrip(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { source in
            try await source.seedWithDraft()
            let exported = try await source.service.exportCatalog(by: source.actor("review01"))
            let csv = try CatalogCSV.encode(exported)

            try await CatalogFixture.with(kind) { target in
                _ = try await target.service.importCatalog(try CatalogCSV.decode(csv), by: target.actor("review01"))
                let again = try await target.service.exportCatalog(by: target.actor("review01"))

                #expect(try CatalogCSV.encode(again) == csv)
                #expect(again == exported)
            }
        }
    }

    @Test("the public export leaves drafts out and needs no actor", arguments: TestDatabase.available)
    func publicExport(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            let drafted = try await fixture.seedWithDraft()

            let published = try await fixture.service.exportPublished()

            #expect(published.items.allSatisfy { $0.versions.allSatisfy { $0.status != .draft } })
            #expect(published.items.first { $0.businessCode == drafted }?.versions.count == 1)
            #expect(published.items.count == (try DemoCatalog.document()).items.count)
        }
    }

    @Test("an existing code is refused without replace, and replaced with it", arguments: TestDatabase.available)
    func replace(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            // Setup
            _ = try await fixture.service.seedDemoCatalog()
            var document = try await fixture.service.exportPublished()
            let code = document.items[3].businessCode
            document.items[3].versions[0].guide.name = "改写后的事项名称"
            let before = try await fixture.catalogCounts()

            // Act and verify: refused, nothing changed
            let refused = await #expect(throws: DomainError.self) {
                try await fixture.service.importCatalog(document, by: fixture.actor("review01"))
            }
            #expect(refused?.kind == .conflict)
            #expect(refused?.detail.contains(code) == true)
            #expect(try await fixture.catalogCounts() == before)

            // Act and verify: replaced in place
            let report = try await fixture.service.importCatalog(document, replace: true, by: fixture.actor("review01"))
            #expect(report.itemsReplaced == document.items.count)
            #expect(report.itemsCreated == 0)
            #expect(try await fixture.service.publishedItem(code: code).guide.name == "改写后的事项名称")
            #expect(try await fixture.catalogCounts() == before)
        }
    }

    @Test("a clerk without catalog.publish may neither import nor export everything", arguments: TestDatabase.available)
    func forbidden(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            let document = try DemoCatalog.document()

            let importing = await #expect(throws: DomainError.self) {
                try await fixture.service.importCatalog(document, by: fixture.actor("scj-admin"))
            }
            let exporting = await #expect(throws: DomainError.self) {
                try await fixture.service.exportCatalog(by: fixture.actor("scj-admin"))
            }

            #expect(importing?.kind == .forbidden)
            #expect(exporting?.kind == .forbidden)
            #expect(try await fixture.catalogCounts()["cat_items"] == 0)
        }
    }
}
