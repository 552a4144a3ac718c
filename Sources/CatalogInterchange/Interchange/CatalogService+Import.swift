public import Catalog
import CatalogModel
import Foundation
public import Identity
import Kernel
import SQLKit
public import Storage

extension CatalogService {
    /// Loads a whole catalog file: validates all of it first, then writes every item, version,
    /// location and bundle in one transaction with one audit entry — or changes nothing.
    ///
    /// The staff member needs `catalog.publish` for every department the document names, since
    /// the versions arrive already published. Items whose business codes exist are refused with
    /// `conflict` unless `replace` is set; then their versions are deleted and rewritten.
    public func importCatalog(_ document: CatalogDocument, replace: Bool = false, by staff: StaffActor) async throws
        -> ImportReport
    {
        try await organisation.authorize(staff, .catalogPublish)
        let departments = try await departmentsByCode()
        let named = Set(document.items.map(\.departmentCode) + document.locations.compactMap(\.departmentCode))
        for code in named.sorted() {
            guard let department = departments[code] else { continue }  // reported by validation
            try await organisation.authorize(staff, .catalogPublish, department: department.id)
        }
        return try await write(document, replace: replace, departments: departments, actor: staff.auditActor)
    }

    /// Loads a whole catalog file as the platform operator (`zhengtong catalog import`) or the
    /// platform itself; `actor` must hold the `operator` or `system` role.
    public func importCatalog(_ document: CatalogDocument, replace: Bool = false, actor: Actor) async throws
        -> ImportReport
    {
        try Self.requireOperator(actor)
        return try await write(document, replace: replace, departments: try await departmentsByCode(), actor: actor)
    }

    /// Departments by their code, for resolving the codes a document names.
    func departmentsByCode() async throws -> [String: Department] {
        Dictionary(
            try await organisation.publicDepartments().map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func requireOperator(_ actor: Actor) throws(DomainError) {
        guard actor.holdsAny(of: ["operator", "system"]) else {
            throw DomainError(
                .forbidden, code: "catalog.operator-only", title: "无权操作", detail: "只有平台运维人员（命令行）或系统本身可以这样导入导出目录。")
        }
    }

    private func write(
        _ document: CatalogDocument, replace: Bool, departments: [String: Department], actor: Actor
    ) async throws -> ImportReport {
        let now = clock.now()
        let digest = try audit.digest(of: document)
        return try await database.transaction { tx in
            let storedItems = try await Self.storedItems(sql: tx.sql)
            let storedLocations = Set(
                try await tx.sql.raw("SELECT code FROM cat_locations").all().map {
                    try $0.decode(column: "code", as: String.self)
                })
            let plan = try self.plan(
                document,
                context: ImportContext(
                    departments: departments, storedLocations: storedLocations, storedItems: Set(storedItems.keys)))
            let existing = plan.items.map(\.code.rawValue).filter { storedItems[$0] != nil }
            if !existing.isEmpty, !replace {
                let shown = existing.prefix(20).joined(separator: "、")
                throw DomainError(
                    .conflict, code: "catalog.import-existing", title: "事项已存在",
                    detail:
                        "目录中已有 \(existing.count) 个同编码的事项：\(shown)\(existing.count > 20 ? "…" : "")。如要用文件内容替换它们，请选择“替换已有事项”（命令行加 --replace）后重新导入。"
                )
            }
            var versions = 0
            for planned in plan.items {
                let item = ServiceItem(
                    id: storedItems[planned.code.rawValue] ?? UUID(), businessCode: planned.code,
                    departmentID: planned.departmentID, divisionCode: planned.divisionCode)
                if storedItems[planned.code.rawValue] != nil {
                    try await Self.clearForReplace(item, sql: tx.sql)
                } else {
                    try await ItemRow.insert(item, at: now, sql: tx.sql)
                }
                for entry in planned.versions {
                    let version = ItemVersion(
                        id: UUID(), itemID: item.id, number: entry.number, status: entry.status,
                        effectiveFrom: entry.effectiveFrom, effectiveUntil: entry.effectiveUntil, guide: entry.guide,
                        editedBy: actor.id, editedAt: now, publishedBy: entry.status == .draft ? nil : actor.id,
                        publishedAt: entry.status == .draft ? nil : now)
                    try await VersionRow.insert(version, sql: tx.sql)
                    if entry.status != .draft {
                        try await SearchIndex.index(
                            version: version, item: item, departmentName: planned.departmentName, sql: tx.sql)
                    }
                    versions += 1
                }
            }
            for var location in plan.locations {
                if let row = try await tx.sql.raw("SELECT id FROM cat_locations WHERE code = \(bind: location.code)")
                    .first()
                {
                    location.id = try row.decode(column: "id", as: UUID.self)
                }
                try await LocationRow.upsert(location, sql: tx.sql)
            }
            for var bundle in plan.bundles {
                if let row = try await tx.sql.raw("SELECT id FROM cat_bundles WHERE code = \(bind: bundle.code)")
                    .first()
                {
                    bundle.id = try row.decode(column: "id", as: UUID.self)
                }
                try await BundleRow.upsert(bundle, at: now, sql: tx.sql)
            }
            try await audit.append(
                actor.entry(action: "catalog.import", objectType: "catalog", objectID: "catalog", changeDigest: digest),
                in: tx)
            return ImportReport(
                itemsCreated: plan.items.count - existing.count, itemsReplaced: existing.count, versions: versions,
                locations: plan.locations.count, bundles: plan.bundles.count, digest: digest)
        }
    }

    /// Business codes of every stored item with its id.
    private static func storedItems(sql: any SQLDatabase) async throws -> [String: UUID] {
        var ids: [String: UUID] = [:]
        for row in try await sql.raw("SELECT id, business_code FROM cat_items").all() {
            ids[try row.decode(column: "business_code", as: String.self)] = try row.decode(column: "id", as: UUID.self)
        }
        return ids
    }

    /// Removes an item's versions (and their search entries) and moves the item to the department
    /// and division the document names, keeping its id so cases opened against it still find it.
    private static func clearForReplace(_ item: ServiceItem, sql: any SQLDatabase) async throws {
        // The search rows refer to the versions, so they go first. TODO(search): move into a
        // `SearchIndex.remove(itemID:sql:)` when the search helper offers one.
        if SearchIndex.isPostgres(sql) {
            try await sql.raw("DELETE FROM cat_search WHERE item_id = \(bind: item.id)").run()
        } else {
            try await sql.raw(
                "DELETE FROM cat_search WHERE rowid IN (SELECT doc FROM cat_search_docs WHERE item_id = \(bind: item.id))"
            ).run()
            try await sql.raw("DELETE FROM cat_search_docs WHERE item_id = \(bind: item.id)").run()
        }
        try await sql.raw("DELETE FROM cat_versions WHERE item_id = \(bind: item.id)").run()
        try await sql.raw(
            """
            UPDATE cat_items SET department_id = \(bind: item.departmentID), division_code = \(bind: item.divisionCode.rawValue)
            WHERE id = \(bind: item.id)
            """
        ).run()
    }
}
