public import Catalog
import CatalogModel
import Foundation
public import Identity
import Kernel
import SQLKit
public import Storage

extension CatalogService {
    /// The whole catalog with every version, drafts included, for moving it to another
    /// installation or editing it in bulk. Needs `catalog.publish`; audited.
    public func exportCatalog(by staff: StaffActor) async throws -> CatalogDocument {
        try await organisation.authorize(staff, .catalogPublish)
        return try await auditedExport(actor: staff.auditActor)
    }

    /// The whole catalog with every version, as the platform operator (`zhengtong catalog export`)
    /// or the platform itself; `actor` must hold the `operator` or `system` role. Audited.
    public func exportCatalog(actor: Actor) async throws -> CatalogDocument {
        try Self.requireOperator(actor)
        return try await auditedExport(actor: actor)
    }

    /// The published catalog: published and retired versions, no drafts. Published guides are
    /// public information, so this names no actor; items with nothing published are left out.
    public func exportPublished() async throws -> CatalogDocument {
        try await document(includeDrafts: false)
    }

    private func auditedExport(actor: Actor) async throws -> CatalogDocument {
        let exported = try await document(includeDrafts: true)
        let digest = try audit.digest(of: exported)
        try await database.transaction { tx in
            _ = try await audit.append(
                actor.entry(action: "catalog.export", objectType: "catalog", objectID: "catalog", changeDigest: digest),
                in: tx)
        }
        return exported
    }

    /// Reads the catalog into a document, in a stable order: items by business code, versions by
    /// number, locations and bundles by code.
    func document(includeDrafts: Bool) async throws -> CatalogDocument {
        let departments = try await organisation.publicDepartments()
        let codes = Dictionary(departments.map { ($0.id, $0.code) }, uniquingKeysWith: { first, _ in first })
        let (items, versions, locations, bundles) = try await database.read { sql in
            let items = try await sql.raw(
                "SELECT \(unsafeRaw: ItemRow.columns) FROM cat_items"
            ).all().map(ItemRow.decode)
            let versions = try await sql.raw(
                "SELECT \(unsafeRaw: VersionRow.columns) FROM cat_versions"
            ).all().map(VersionRow.decode)
            let locations = try await sql.raw(
                "SELECT \(unsafeRaw: LocationRow.columns) FROM cat_locations"
            ).all().map(LocationRow.decode)
            let bundles = try await sql.raw(
                "SELECT \(unsafeRaw: BundleRow.columns) FROM cat_bundles"
            ).all().map(BundleRow.decode)
            return (items, versions, locations, bundles)
        }
        let byItem = Dictionary(grouping: versions.filter { includeDrafts || $0.status != .draft }, by: \.itemID)
        // Sorted here rather than in SQL: PostgreSQL's collation may order hyphens and letters
        // differently from SQLite's bytes, and an export must read the same from either.
        let itemEntries = items.sorted { $0.businessCode < $1.businessCode }.compactMap {
            item -> CatalogDocument.ItemEntry? in
            guard let own = byItem[item.id], !own.isEmpty else { return nil }
            return CatalogDocument.ItemEntry(
                businessCode: item.businessCode.rawValue, departmentCode: codes[item.departmentID] ?? "",
                divisionCode: item.divisionCode.rawValue,
                versions: own.sorted { $0.number < $1.number }.map {
                    CatalogDocument.VersionEntry(
                        number: $0.number, status: $0.status, effectiveFrom: $0.effectiveFrom?.description,
                        effectiveUntil: $0.effectiveUntil?.description, guide: $0.guide)
                })
        }
        let locationEntries = locations.sorted { $0.code < $1.code }.map {
            CatalogDocument.LocationEntry(
                code: $0.code, name: $0.name, divisionCode: $0.divisionCode.rawValue,
                departmentCode: $0.departmentID.flatMap { codes[$0] }, address: $0.address, hours: $0.hours,
                phone: $0.phone, windows: $0.windows, latitude: $0.latitude, longitude: $0.longitude)
        }
        let bundleEntries = bundles.sorted { $0.code < $1.code }.filter { includeDrafts || $0.isPublished }.map {
            CatalogDocument.BundleEntry(
                code: $0.code, name: $0.name, audience: $0.audience, lifeEvent: $0.lifeEvent, summary: $0.summary,
                itemCodes: $0.itemCodes.map(\.rawValue), published: $0.isPublished)
        }
        return CatalogDocument(items: itemEntries, locations: locationEntries, bundles: bundleEntries)
    }
}
