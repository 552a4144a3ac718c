public import CatalogModel
public import Foundation
public import Identity
public import Kernel
package import SQLKit
import Storage

extension CatalogService {
    /// The item with the version of its guide in force on `day` (today when nil).
    ///
    /// Throws `invalid` for a malformed code, `notFound` for an unknown one, and `notFound` with
    /// `catalog.not-published` when the item exists but nothing of it is in force.
    public func publishedItem(code: String, on day: CalendarDay? = nil) async throws -> PublishedItem {
        let code = try BusinessItemCode(code)
        let day = day ?? today
        let (item, versions) = try await database.read { sql in
            guard let item = try await Self.item(code: code, sql: sql) else {
                throw Self.notFound("没有编码为 \(code) 的事项，请检查编码或从事项目录中查找。")
            }
            return (item, try await Self.versions(of: item.id, sql: sql))
        }
        guard let version = versions.first(where: { $0.isInForce(on: day) }) else {
            throw DomainError(
                .notFound, code: "catalog.not-published", title: "事项未发布",
                detail: "事项 \(code) 目前没有生效的办事指南，可能尚未发布或已撤销。")
        }
        return PublishedItem(item: item, version: version, departmentName: try await departmentName(item.departmentID))
    }

    /// The published items matching `filter`, by department and code, one page at a time.
    public func browse(_ filter: CatalogFilter, page: PageRequest = .first) async throws -> Page<ItemSummary> {
        let day = today.dayNumber
        let names = try await departmentNames()
        let rows = try await database.read { sql in
            var query = SQLQueryString(
                """
                SELECT i.id, i.business_code, i.department_id, v.name, v.item_type, v.online_depth,
                    v.visits_required, v.number
                FROM cat_items i JOIN cat_versions v ON v.item_id = i.id
                WHERE v.status <> 'draft' AND v.effective_from <= \(bind: day)
                    AND (v.effective_until IS NULL OR v.effective_until > \(bind: day))
                """)
            func and(_ clause: String, _ value: any Encodable & Sendable) {
                query.appendInterpolation(unsafeRaw: " AND \(clause) ")
                query.appendInterpolation(bind: value)
            }
            if let department = filter.departmentID { and("i.department_id =", department) }
            if let theme = filter.theme { and("v.themes LIKE", "%|\(Self.escapedLike(theme))|%") }
            if let event = filter.lifeEvent { and("v.life_events LIKE", "%|\(event.rawValue)|%") }
            if let audience = filter.audience { and("v.audiences LIKE", "%|\(audience.rawValue)|%") }
            if let type = filter.itemType { and("v.item_type =", type.rawValue) }
            var offset = 0
            switch page.position {
            case .offset(let value): offset = value
            case .after(let cursor): and("i.business_code >", cursor.key)
            }
            query.appendInterpolation(unsafeRaw: " ORDER BY i.business_code LIMIT \(page.fetchLimit) OFFSET \(offset)")
            return try await sql.raw(query).all()
        }
        let summaries = try rows.map { row in
            let department = try row.decode(column: "department_id", as: UUID.self)
            return ItemSummary(
                itemID: try row.decode(column: "id", as: UUID.self),
                businessCode: try row.decode(column: "business_code", as: String.self),
                name: try row.decode(column: "name", as: String.self), departmentID: department,
                departmentName: names[department] ?? "",
                itemType: ItemType(rawValue: try row.decode(column: "item_type", as: String.self)) ?? .publicService,
                onlineDepth: OnlineDepth(rawValue: try row.decode(column: "online_depth", as: Int.self))
                    ?? .information,
                visitsRequired: try row.decode(column: "visits_required", as: Int.self),
                version: try row.decode(column: "number", as: Int.self))
        }
        return Page(fetched: summaries, for: page) { PageCursor(key: $0.businessCode) }
    }

    /// Every version of an item, for the staff who draft or review it.
    public func versions(itemID: UUID, by staff: StaffActor) async throws -> [ItemVersion] {
        let item = try await item(id: itemID)
        try await authorizeReading(item, staff)
        return try await database.read { try await Self.versions(of: itemID, sql: $0) }
    }

    /// The item with the given id, published or not.
    public func item(id: UUID) async throws -> ServiceItem {
        let found = try await database.read { sql in
            try await sql.raw("SELECT \(unsafeRaw: ItemRow.columns) FROM cat_items WHERE id = \(bind: id)").first()
                .map(ItemRow.decode)
        }
        guard let found else { throw Self.notFound("没有找到这个事项，可能编号有误。") }
        return found
    }

    /// The item with the given code, published or not, for the staff who draft or review it.
    public func item(code: String, by staff: StaffActor) async throws -> ServiceItem {
        let code = try BusinessItemCode(code)
        guard let item = try await database.read({ try await Self.item(code: code, sql: $0) }) else {
            throw Self.notFound("没有编码为 \(code) 的事项。")
        }
        try await authorizeReading(item, staff)
        return item
    }

    /// Drafting and reviewing staff both read an item's versions.
    func authorizeReading(_ item: ServiceItem, _ staff: StaffActor) async throws {
        do {
            try await organisation.authorize(staff, .catalogManage, department: item.departmentID)
        } catch let error as DomainError where error.kind == .forbidden {
            try await organisation.authorize(staff, .catalogPublish, department: item.departmentID)
        }
    }

    /// Department names by id; department names are public.
    public func departmentNames() async throws -> [UUID: String] {
        Dictionary(uniqueKeysWithValues: try await organisation.publicDepartments().map { ($0.id, $0.name) })
    }

    package func departmentName(_ id: UUID) async throws -> String {
        try await departmentNames()[id] ?? ""
    }

    package static func item(code: BusinessItemCode, sql: any SQLDatabase) async throws -> ServiceItem? {
        try await sql.raw(
            "SELECT \(unsafeRaw: ItemRow.columns) FROM cat_items WHERE business_code = \(bind: code.rawValue)"
        ).first().map(ItemRow.decode)
    }

    package static func versions(of itemID: UUID, sql: any SQLDatabase) async throws -> [ItemVersion] {
        try await sql.raw(
            "SELECT \(unsafeRaw: VersionRow.columns) FROM cat_versions WHERE item_id = \(bind: itemID) ORDER BY number"
        ).all().map(VersionRow.decode)
    }

    /// Escapes `LIKE` wildcards in user text, so a theme named 50% matches only itself.
    static func escapedLike(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "").replacingOccurrences(
            of: "|", with: "")
    }
}
