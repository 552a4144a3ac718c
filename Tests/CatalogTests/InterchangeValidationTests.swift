import Catalog
import CatalogInterchange
import CatalogModel
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Refusing bad catalog files")
struct InterchangeValidationTests {
    /// Reads `data` as `format` and imports it with replace on (so only validation can stop it);
    /// returns the error.
    static func attempt(_ fixture: CatalogFixture, _ data: Data, csv: Bool = false) async -> DomainError? {
        do {
            let document = csv ? try CatalogCSV.decode(data) : try CatalogJSON.decode(data)
            _ = try await fixture.service.importCatalog(document, replace: true, by: fixture.actor("review01"))
            return nil
        } catch let error as DomainError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    /// The published demo catalog with `change` applied, as JSON.
    static func demo(_ fixture: CatalogFixture, _ change: (inout CatalogDocument) -> Void) async throws -> Data {
        var document = try await fixture.service.exportPublished()
        change(&document)
        return try CatalogJSON.encode(document)
    }

    @Test(
        "malformed files and documents are refused with a useful detail and change nothing",
        arguments: TestDatabase.available)
    func malformed(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            // Setup
            _ = try await fixture.service.seedDemoCatalog()
            let before = try await fixture.catalogCounts()
            let csv = try CatalogCSV.encode(try await fixture.service.exportPublished())
            let csvText = String(decoding: csv, as: UTF8.self)
            var situationIndex = (0, 0)
            let cases: [(String, Data, Bool, [String])] = [
                ("not JSON", Data("这不是 JSON".utf8), false, ["JSON"]),
                ("wrong format", Data(#"{"format":"other","version":1,"items":[]}"#.utf8), false, ["format", "other"]),
                ("wrong version", Data(#"{"format":"zhengtong-catalog","version":9,"items":[]}"#.utf8), false, ["9"]),
                (
                    "bad business code",
                    try await Self.demo(fixture) { $0.items[2].businessCode = "12345" }, false,
                    ["items[2].businessCode", "12345"]
                ),
                (
                    "unknown department",
                    try await Self.demo(fixture) { $0.items[1].departmentCode = "SJZ-NOPE" }, false,
                    ["items[1].departmentCode", "SJZ-NOPE"]
                ),
                (
                    "unbalanced quote",
                    Data(
                        csvText.replacingOccurrences(
                            of: "\r\nversion,", with: "\r\nversion,\"", options: [], range: nil
                        ).utf8),
                    true, ["第", "引号"]
                ),
                (
                    "wrong header",
                    Data(csvText.replacingOccurrences(of: "business_code", with: "code_of_item").utf8), true,
                    ["表头", "business_code"]
                ),
                (
                    "unknown situation",
                    try await Self.demo(fixture) { document in
                        guard
                            let i = document.items.firstIndex(where: { !$0.versions[0].guide.materials.isEmpty })
                        else { return }
                        let last = document.items[i].versions[0].guide.materials.count - 1
                        document.items[i].versions[0].guide.materials[last].situations = ["S99"]
                        situationIndex = (i, last)
                    }, false, ["S99"]
                ),
            ]

            for (name, data, isCSV, expected) in cases {
                // Act
                let error = await Self.attempt(fixture, data, csv: isCSV)

                // Verify
                #expect(error?.kind == .invalid, "\(name)")
                #expect(error?.code == "catalog.invalid-import", "\(name)")
                for fragment in expected {
                    #expect(
                        error?.detail.contains(fragment) == true,
                        "\(name): \(error?.detail ?? "no error") lacks \(fragment)")
                }
                #expect(try await fixture.catalogCounts() == before, "\(name)")
            }
            let (i, k) = situationIndex
            let error = await Self.attempt(
                fixture,
                try await Self.demo(fixture) { $0.items[i].versions[0].guide.materials[k].situations = ["S99"] })
            #expect(error?.detail.contains("items[\(i)].versions[0].guide.materials[\(k)]") == true)
        }
    }

    @Test("every problem is listed, not only the first", arguments: TestDatabase.available)
    func collects(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            var document = try DemoCatalog.document()
            document.items[0].versions.append(document.items[0].versions[0])  // number 1 twice, overlapping
            document.items[5].divisionCode = "999999"
            document.locations[0].latitude = 123
            document.bundles[0].itemCodes.append("not-a-code")

            let error = await #expect(throws: DomainError.self) {
                try await fixture.service.importCatalog(document, by: fixture.actor("review01"))
            }

            let detail = error?.detail ?? ""
            #expect(detail.contains("items[0].versions[1].number"))
            #expect(detail.contains("重叠"))
            #expect(detail.contains("items[5].divisionCode"))
            #expect(detail.contains("locations[0]"))
            #expect(detail.contains("bundles[0].itemCodes["))
            #expect(try await fixture.catalogCounts()["cat_items"] == 0)
        }
    }
}
