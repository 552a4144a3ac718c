import Foundation
import Kernel
import SQLKit

/// Reads `eva_ratings` rows.
enum RatingRow {
    static func rating(_ row: any SQLRow, showRater: Bool) throws -> Rating {
        let level = try row.decode(column: "level", as: Int?.self).flatMap(RatingLevel.init(rawValue:))
        let scoresText = try row.decode(column: "scores", as: String?.self)
        let raw = try scoresText.map { try JSONDecoder().decode([String: Int].self, from: Data($0.utf8)) } ?? [:]
        return Rating(
            id: try row.decode(column: "id", as: UUID.self),
            caseID: try row.decode(column: "case_id", as: UUID.self),
            caseNumber: try row.decode(column: "case_number", as: String?.self),
            channel: RatingChannel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .online,
            itemCode: try row.decode(column: "item_code", as: String.self),
            itemName: try row.decode(column: "item_name", as: String.self),
            departmentID: try row.decode(column: "department_id", as: UUID.self),
            departmentName: try row.decode(column: "department_name", as: String.self),
            serviceWindow: try row.decode(column: "service_window", as: String?.self),
            openedAt: try row.decode(column: "opened_at", as: Date.self),
            closesAt: try row.decode(column: "closes_at", as: Date.self),
            level: level,
            indicatorSet: try row.decode(column: "indicator_set", as: String.self),
            scores: raw.compactMapValues(RatingLevel.init(rawValue:)),
            comment: try row.decode(column: "comment", as: String?.self),
            ratedAt: try row.decode(column: "rated_at", as: Date?.self),
            raterAccount: showRater ? try row.decode(column: "rater_account", as: UUID?.self) : nil)
    }

    static func load(_ id: UUID, sql: any SQLDatabase, lock: String = "") async throws -> (any SQLRow)? {
        try await sql.raw("SELECT * FROM eva_ratings WHERE id = \(bind: id)\(unsafeRaw: lock)").first()
    }
}
