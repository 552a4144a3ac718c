import CatalogModel
import Foundation
import SQLKit

/// One row of a search page as the database returns it.
struct SearchRow: Sendable {
    /// The index row it came from.
    var rid: SearchRowID
    /// The item, department name still blank.
    var summary: ItemSummary
    /// The weighted number of query tokens it holds.
    var covered: Int
    /// The engine's rank, higher is better.
    var relevance: Double
    /// How many rows match in all.
    var total: Int

    /// Reads a row of `SearchStatement.page`.
    init(row: any SQLRow, postgres: Bool) throws {
        rid = try SearchRowID.decode(row, postgres: postgres)
        summary = ItemSummary(
            itemID: try row.decode(column: "id", as: UUID.self),
            businessCode: try row.decode(column: "business_code", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            departmentID: try row.decode(column: "department_id", as: UUID.self), departmentName: "",
            itemType: ItemType(rawValue: try row.decode(column: "item_type", as: String.self)) ?? .publicService,
            onlineDepth: OnlineDepth(rawValue: try row.decode(column: "online_depth", as: Int.self)) ?? .information,
            visitsRequired: try row.decode(column: "visits_required", as: Int.self),
            version: try row.decode(column: "number", as: Int.self))
        covered = try row.decode(column: "covered", as: Int.self)
        relevance = try row.decode(column: "relevance", as: Double.self)
        total = try row.decode(column: "total", as: Int.self)
    }
}
