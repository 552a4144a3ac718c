import Catalog
import CatalogModel
import Foundation
import Kernel

/// The demo catalog of 石家庄市 bundled with the platform (Resources/demo-catalog.json): published
/// items of the city's departments, their service locations and three 一件事 bundles.
public enum DemoCatalog {
    /// The day the demo versions are in force from.
    public static let effectiveFrom = "2026-01-01"

    /// The bundled document.
    public static func document() throws -> CatalogDocument {
        guard let url = Bundle.module.url(forResource: "demo-catalog", withExtension: "json") else {
            throw DomainError(
                .unavailable, code: "catalog.demo-missing", title: "演示目录缺失", detail: "安装包中缺少演示事项目录 demo-catalog.json。")
        }
        return try CatalogJSON.decode(try Data(contentsOf: url))
    }
}
