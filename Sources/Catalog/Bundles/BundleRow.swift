package import CatalogModel
package import Foundation
package import SQLKit

/// How a bundle is written to and read from `cat_bundles`.
package enum BundleRow {
    package static let columns = "id, code, name, audience, life_event, summary, item_codes, published"

    package static func decode(_ row: any SQLRow) throws -> ServiceBundle {
        let codes = try JSONDecoder().decode(
            [BusinessItemCode].self, from: Data(try row.decode(column: "item_codes", as: String.self).utf8))
        return ServiceBundle(
            id: try row.decode(column: "id", as: UUID.self), code: try row.decode(column: "code", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            audience: Audience(rawValue: try row.decode(column: "audience", as: String.self)) ?? .person,
            lifeEvent: LifeEvent(rawValue: try row.decode(column: "life_event", as: String.self)) ?? .birth,
            summary: try row.decode(column: "summary", as: String.self), itemCodes: codes,
            isPublished: try row.decode(column: "published", as: Int.self) != 0)
    }

    /// Inserts the bundle, or replaces the one with the same code.
    package static func upsert(_ bundle: ServiceBundle, at now: Date, sql: any SQLDatabase) async throws {
        let codes = String(decoding: try JSONEncoder().encode(bundle.itemCodes), as: UTF8.self)
        try await sql.raw(
            """
            INSERT INTO cat_bundles (id, code, name, audience, life_event, summary, item_codes, published, updated_at)
            VALUES (\(bind: bundle.id), \(bind: bundle.code), \(bind: bundle.name), \(bind: bundle.audience.rawValue),
                \(bind: bundle.lifeEvent.rawValue), \(bind: bundle.summary), \(bind: codes),
                \(bind: bundle.isPublished ? 1 : 0), \(bind: now))
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, audience = excluded.audience,
                life_event = excluded.life_event, summary = excluded.summary, item_codes = excluded.item_codes,
                published = excluded.published, updated_at = excluded.updated_at
            """
        ).run()
    }
}
