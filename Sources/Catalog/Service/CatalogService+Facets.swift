public import CatalogModel
public import Foundation
import Kernel
import SQLKit
import Storage

extension CatalogService {
    /// How many published items each way of browsing leads to, for the service hall's menus.
    public struct Facets: Sendable, Hashable {
        /// Items in force in all.
        public var total: Int
        /// Items per implementing department id.
        public var departments: [UUID: Int]
        /// Items per theme.
        public var themes: [String: Int]
        /// Items per life event.
        public var lifeEvents: [LifeEvent: Int]
        /// Items per audience.
        public var audiences: [Audience: Int]
    }

    /// Counts the items in force today by department, theme, life event and audience.
    ///
    /// The tag columns hold `|a|b|` lists, so counting happens here rather than in SQL: the same
    /// code on both databases, and one pass over a narrow projection.
    public func facets() async throws -> Facets {
        let day = today.dayNumber
        let rows = try await database.read { sql in
            try await sql.raw(
                """
                SELECT i.department_id, v.themes, v.life_events, v.audiences
                FROM cat_items i JOIN cat_versions v ON v.item_id = i.id
                WHERE v.status <> 'draft' AND v.effective_from <= \(bind: day)
                    AND (v.effective_until IS NULL OR v.effective_until > \(bind: day))
                """
            ).all()
        }
        var facets = Facets(total: 0, departments: [:], themes: [:], lifeEvents: [:], audiences: [:])
        func tags(_ text: String) -> [String] { text.split(separator: "|").map(String.init) }
        for row in rows {
            facets.total += 1
            facets.departments[try row.decode(column: "department_id", as: UUID.self), default: 0] += 1
            for theme in tags(try row.decode(column: "themes", as: String.self)) {
                facets.themes[theme, default: 0] += 1
            }
            for event in tags(try row.decode(column: "life_events", as: String.self)).compactMap(LifeEvent.init) {
                facets.lifeEvents[event, default: 0] += 1
            }
            for audience in tags(try row.decode(column: "audiences", as: String.self)).compactMap(Audience.init) {
                facets.audiences[audience, default: 0] += 1
            }
        }
        return facets
    }
}
