public import CatalogModel
public import Foundation
public import Identity
import Kernel
import SQLKit
import Storage

extension CatalogService {
    /// One line of the staff's list of items: the latest version and where the item stands.
    public struct StaffListEntry: Sendable, Hashable {
        /// The item's id.
        public var itemID: UUID
        /// 业务办理项编码.
        public var businessCode: String
        /// The implementing department.
        public var departmentID: UUID
        /// Its name.
        public var departmentName: String
        /// The name in the latest version.
        public var name: String
        /// The latest version's number.
        public var latestVersion: Int
        /// Whether a draft is open.
        public var hasDraft: Bool
        /// Whether a version is published (in force now or from a later day).
        public var isPublished: Bool

        /// Published when a version is public, else draft when one is open, else withdrawn.
        public var status: VersionStatus {
            isPublished ? .published : (hasDraft ? .draft : .retired)
        }
    }

    /// The most items the staff list shows; departments with more are searched by code.
    static let staffListLimit = 2000

    /// The items of the departments `staff` drafts (`catalog.manage`) or reviews (`catalog.publish`)
    /// for, by code; staff with neither permission see none.
    public func staffItems(by staff: StaffActor) async throws -> [StaffListEntry] {
        let names = try await departmentNames()
        var reachable: [UUID] = []
        let departments = try await database.read { sql in
            try await sql.raw("SELECT DISTINCT department_id FROM cat_items").all().map {
                try $0.decode(column: "department_id", as: UUID.self)
            }
        }
        for department in departments where try await canRead(department, staff) {
            reachable.append(department)
        }
        guard !reachable.isEmpty else { return [] }
        var query = SQLQueryString(
            """
            SELECT i.id, i.business_code, i.department_id, v.name, v.number,
                (SELECT COUNT(*) FROM cat_versions d WHERE d.item_id = i.id AND d.status = 'draft') AS drafts,
                (SELECT COUNT(*) FROM cat_versions p WHERE p.item_id = i.id AND p.status = 'published') AS published
            FROM cat_items i JOIN cat_versions v ON v.item_id = i.id
            WHERE v.number = (SELECT MAX(m.number) FROM cat_versions m WHERE m.item_id = i.id)
                AND i.department_id IN (
            """)
        for (index, department) in reachable.enumerated() {
            if index > 0 { query.appendInterpolation(unsafeRaw: ", ") }
            query.appendInterpolation(bind: department)
        }
        query.appendInterpolation(unsafeRaw: ") ORDER BY i.business_code LIMIT \(Self.staffListLimit)")
        let finished = query
        let rows = try await database.read { try await $0.raw(finished).all() }
        return try rows.map { row in
            let department = try row.decode(column: "department_id", as: UUID.self)
            return StaffListEntry(
                itemID: try row.decode(column: "id", as: UUID.self),
                businessCode: try row.decode(column: "business_code", as: String.self), departmentID: department,
                departmentName: names[department] ?? "", name: try row.decode(column: "name", as: String.self),
                latestVersion: try row.decode(column: "number", as: Int.self),
                hasDraft: try row.decode(column: "drafts", as: Int.self) > 0,
                isPublished: try row.decode(column: "published", as: Int.self) > 0)
        }
    }

    /// The departments `staff` may add items to (`catalog.manage` reaches them), parents first.
    public func editableDepartments(by staff: StaffActor) async throws -> [Department] {
        var editable: [Department] = []
        for department in try await organisation.publicDepartments() {
            do {
                try await organisation.authorize(staff, .catalogManage, department: department.id)
                editable.append(department)
            } catch let error as DomainError where error.kind == .forbidden {
                continue
            }
        }
        return editable
    }

    private func canRead(_ department: UUID, _ staff: StaffActor) async throws -> Bool {
        for permission in [Permission.catalogManage, .catalogPublish] {
            do {
                try await organisation.authorize(staff, permission, department: department)
                return true
            } catch let error as DomainError where error.kind == .forbidden {
                continue
            }
        }
        return false
    }
}
