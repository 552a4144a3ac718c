package import CatalogModel
package import Foundation
import Kernel
package import SQLKit
import Storage

/// How a version is written to and read from `cat_versions`: the guide as JSON plus the columns
/// that lists, filters and the report read without decoding it.
package enum VersionRow {
    package static let columns = """
        id, item_id, number, status, effective_from, effective_until, guide, edited_by, edited_at,
        published_by, published_at
        """

    package static func encode(_ guide: ItemGuide) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(guide), as: UTF8.self)
    }

    package static func decode(_ row: any SQLRow) throws -> ItemVersion {
        let json = try row.decode(column: "guide", as: String.self)
        return ItemVersion(
            id: try row.decode(column: "id", as: UUID.self),
            itemID: try row.decode(column: "item_id", as: UUID.self),
            number: try row.decode(column: "number", as: Int.self),
            status: VersionStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .retired,
            effectiveFrom: try row.decode(column: "effective_from", as: Int?.self).map(CalendarDay.init(dayNumber:)),
            effectiveUntil: try row.decode(column: "effective_until", as: Int?.self).map(CalendarDay.init(dayNumber:)),
            guide: try GuideDecoding.guide(from: json),
            editedBy: try row.decode(column: "edited_by", as: String.self),
            editedAt: try row.decode(column: "edited_at", as: Date.self),
            publishedBy: try row.decode(column: "published_by", as: String?.self),
            publishedAt: try row.decode(column: "published_at", as: Date?.self))
    }

    /// Writes a new version row.
    package static func insert(_ version: ItemVersion, sql: any SQLDatabase) async throws {
        let guide = version.guide
        try await sql.raw(
            """
            INSERT INTO cat_versions (id, item_id, number, status, effective_from, effective_until, guide, name,
                item_type, audiences, life_events, themes, online_depth, visits_required, material_count,
                step_count, legal_days, promised_days, edited_by, edited_at, published_by, published_at)
            VALUES (\(bind: version.id), \(bind: version.itemID), \(bind: version.number),
                \(bind: version.status.rawValue), \(bind: version.effectiveFrom?.dayNumber),
                \(bind: version.effectiveUntil?.dayNumber), \(bind: try encode(guide)), \(bind: guide.name),
                \(bind: guide.itemType.rawValue), \(bind: tags(guide.audiences.map(\.rawValue))),
                \(bind: tags(guide.lifeEvents.map(\.rawValue))), \(bind: tags(guide.themes)),
                \(bind: guide.onlineDepth.rawValue), \(bind: guide.visitsRequired), \(bind: guide.materials.count),
                \(bind: guide.steps.count), \(bind: guide.legalTimeLimit?.approximateWorkingDays),
                \(bind: guide.promisedTimeLimit.approximateWorkingDays), \(bind: version.editedBy),
                \(bind: version.editedAt), \(bind: version.publishedBy), \(bind: version.publishedAt))
            """
        ).run()
    }

    /// Replaces a draft's content.
    package static func updateDraft(_ id: UUID, guide: ItemGuide, by editor: String, at now: Date, sql: any SQLDatabase)
        async throws
    {
        try await sql.raw(
            """
            UPDATE cat_versions SET guide = \(bind: try encode(guide)), name = \(bind: guide.name),
                item_type = \(bind: guide.itemType.rawValue), audiences = \(bind: tags(guide.audiences.map(\.rawValue))),
                life_events = \(bind: tags(guide.lifeEvents.map(\.rawValue))), themes = \(bind: tags(guide.themes)),
                online_depth = \(bind: guide.onlineDepth.rawValue), visits_required = \(bind: guide.visitsRequired),
                material_count = \(bind: guide.materials.count), step_count = \(bind: guide.steps.count),
                legal_days = \(bind: guide.legalTimeLimit?.approximateWorkingDays),
                promised_days = \(bind: guide.promisedTimeLimit.approximateWorkingDays),
                edited_by = \(bind: editor), edited_at = \(bind: now)
            WHERE id = \(bind: id) AND status = 'draft'
            """
        ).run()
    }

    /// Stores a list as `|a|b|`, so `LIKE '%|a|%'` finds one member on both dialects without JSON
    /// functions that differ between them.
    package static func tags(_ values: [String]) -> String {
        "|" + values.joined(separator: "|") + "|"
    }
}
