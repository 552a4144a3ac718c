public import Catalog
import CatalogModel
import Foundation
import Kernel
import SQLKit
import Storage

extension CatalogService {
    /// Loads the demo catalog of 石家庄市 as the platform itself, its versions published in force
    /// from 2026-01-01. Refused with `conflict` once the catalog holds any item, so a real catalog
    /// is never mixed with demo data.
    public func seedDemoCatalog() async throws -> ImportReport {
        let count = try await database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM cat_items").first()?.decode(column: "n", as: Int.self) ?? 0
        }
        guard count == 0 else {
            throw Self.conflict("not-empty", "事项目录中已有 \(count) 个事项，演示目录只能载入到空目录中。")
        }
        var document = try DemoCatalog.document()
        for i in document.items.indices {
            for j in document.items[i].versions.indices {
                document.items[i].versions[j].status = .published
                document.items[i].versions[j].effectiveFrom = DemoCatalog.effectiveFrom
                document.items[i].versions[j].effectiveUntil = nil
            }
        }
        return try await importCatalog(document, actor: .system)
    }
}
