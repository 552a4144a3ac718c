public import CatalogModel
import Foundation
public import Identity
public import Kernel
import SQLKit
import Storage

extension CatalogService {
    /// Adds a location or updates the one with the same code.
    ///
    /// A location run by a department needs `catalog.manage` there; a shared hall (no department)
    /// needs it everywhere the staff member's scope reaches, checked without a department.
    public func saveLocation(_ location: ServiceLocation, by staff: StaffActor) async throws -> ServiceLocation {
        try location.validate()
        try await organisation.authorize(staff, .catalogManage, department: location.departmentID)
        return try await database.transaction { tx in
            var saved = location
            if let existing = try await tx.sql.raw(
                "SELECT id FROM cat_locations WHERE code = \(bind: location.code)"
            ).first() {
                saved.id = try existing.decode(column: "id", as: UUID.self)
            }
            try await LocationRow.upsert(saved, sql: tx.sql)
            try await audit.append(
                staff.auditActor.entry(
                    action: "catalog.location-save", objectType: "catalog-location", objectID: saved.id.uuidString,
                    changeDigest: try audit.digest(of: saved)), in: tx)
            return saved
        }
    }

    /// Every location, or those in `division` and the divisions under it.
    public func locations(in division: DivisionCode? = nil) async throws -> [ServiceLocation] {
        let all = try await database.read { sql in
            try await sql.raw(
                "SELECT \(unsafeRaw: LocationRow.columns) FROM cat_locations ORDER BY division_code, code"
            )
            .all().map(LocationRow.decode)
        }
        guard let division else { return all }
        return all.filter { Self.division($0.divisionCode, isWithin: division) }
    }

    /// The locations nearest to a point, nearest first; with `itemCode`, only those that handle
    /// that item.
    public func nearby(
        latitude: Double, longitude: Double, itemCode: String? = nil, limit: Int = 10
    ) async throws -> [NearbyLocation] {
        guard (-90...90).contains(latitude), (-180...180).contains(longitude) else {
            throw DomainError(
                .invalid, code: "catalog.invalid-point", title: "位置有误", detail: "纬度应在-90到90之间，经度在-180到180之间。")
        }
        var candidates = try await locations()
        if let itemCode {
            let codes = Set(try await publishedItem(code: itemCode).guide.locationCodes)
            candidates = candidates.filter { codes.contains($0.code) }
        }
        return candidates.map {
            NearbyLocation(location: $0, metres: $0.distance(toLatitude: latitude, longitude: longitude))
        }
        .sorted { $0.metres < $1.metres }
        .prefix(max(1, min(limit, 100)))
        .map { $0 }
    }

    /// Whether `code` is `ancestor` or lies under it: 130102 lies under 130100 and 130000.
    static func division(_ code: DivisionCode, isWithin ancestor: DivisionCode) -> Bool {
        let a = ancestor.rawValue
        if a.hasSuffix("0000") { return code.rawValue.hasPrefix(String(a.prefix(2))) }
        if a.hasSuffix("00") { return code.rawValue.hasPrefix(String(a.prefix(4))) }
        return code == ancestor
    }
}
