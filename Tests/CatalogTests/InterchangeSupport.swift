import Catalog
import CatalogInterchange
import CatalogModel
import Foundation
import Kernel
import SQLKit
import Storage

/// Helpers the interchange tests share: row counts and a small catalog with a draft.
extension CatalogFixture {
    /// The rows of the four catalog tables, to prove that a refused import changed nothing.
    func catalogCounts() async throws -> [String: Int] {
        try await database.read { sql in
            var counts: [String: Int] = [:]
            for table in ["cat_items", "cat_versions", "cat_locations", "cat_bundles"] {
                counts[table] = try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?
                    .decode(column: "n", as: Int.self)
            }
            return counts
        }
    }

    /// The demo catalog plus an open draft (version 2) on the market-regulation bureau's first item,
    /// so exports hold drafts; returns that item's code.
    @discardableResult
    func seedWithDraft() async throws -> String {
        _ = try await service.seedDemoCatalog()
        let document = try DemoCatalog.document()
        guard let entry = document.items.first(where: { $0.departmentCode == "SJZ-SCJGJ" }) else { return "" }
        let item = try await service.item(code: entry.businessCode, by: actor("scj-admin"))
        var guide = entry.versions[0].guide
        guide.name += "（修订稿）"
        guide.promisedTimeLimit = TimeLimit(days: 0)
        _ = try await service.saveDraft(itemID: item.id, guide: guide, by: actor("scj-admin"))
        return entry.businessCode
    }
}
