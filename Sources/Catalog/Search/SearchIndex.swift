package import CatalogModel
package import Foundation
import Kernel
package import SQLKit

/// The search index: one row per published version, written when a version is published and read
/// by `CatalogService.search`.
///
/// Which version is in force is decided when searching, by joining `cat_versions`, so retiring or
/// superseding a version needs no change here. SQLite keeps the tokens in the FTS5 table
/// `cat_search` with `cat_search_docs` mapping its rowids to versions; PostgreSQL keeps them in
/// `cat_search` with a weighted `tsvector` under a GIN index.
package enum SearchIndex {
    /// Indexes `version` of `item`, replacing any row it already has.
    package static func index(version: ItemVersion, item: ServiceItem, departmentName: String, sql: any SQLDatabase)
        async throws
    {
        let document = SearchDocument(guide: version.guide, departmentName: departmentName)
        if isPostgres(sql) {
            try await sql.raw(
                """
                INSERT INTO cat_search (version_id, item_id, name, keywords, department, themes, materials, document)
                VALUES (\(bind: version.id), \(bind: item.id), \(bind: document.name), \(bind: document.keywords),
                    \(bind: document.department), \(bind: document.themes), \(bind: document.materials),
                    setweight(to_tsvector('simple', \(bind: document.name)), 'A')
                    || setweight(to_tsvector('simple', \(bind: document.keywords)), 'B')
                    || setweight(to_tsvector('simple', \(bind: document.department)), 'C')
                    || setweight(to_tsvector('simple', \(bind: document.themes)), 'C')
                    || setweight(to_tsvector('simple', \(bind: document.materials)), 'D'))
                ON CONFLICT (version_id) DO UPDATE SET item_id = EXCLUDED.item_id, name = EXCLUDED.name,
                    keywords = EXCLUDED.keywords, department = EXCLUDED.department, themes = EXCLUDED.themes,
                    materials = EXCLUDED.materials, document = EXCLUDED.document
                """
            ).run()
            return
        }
        try await sql.raw(
            """
            DELETE FROM cat_search WHERE rowid IN (SELECT doc FROM cat_search_docs WHERE version_id = \(bind: version.id))
            """
        ).run()
        try await sql.raw("DELETE FROM cat_search_docs WHERE version_id = \(bind: version.id)").run()
        guard
            let row = try await sql.raw(
                """
                INSERT INTO cat_search_docs (version_id, item_id) VALUES (\(bind: version.id), \(bind: item.id))
                RETURNING doc
                """
            ).first()
        else { return }
        let doc = try row.decode(column: "doc", as: Int.self)
        try await sql.raw(
            """
            INSERT INTO cat_search (rowid, name, keywords, department, themes, materials)
            VALUES (\(bind: doc), \(bind: document.name), \(bind: document.keywords), \(bind: document.department),
                \(bind: document.themes), \(bind: document.materials))
            """
        ).run()
    }

    /// Indexes every published or retired version again, after a migration or a change of the
    /// tokenizer; `departmentNames` names the implementing departments. Returns how many it indexed.
    @discardableResult
    package static func rebuild(departmentNames: [UUID: String], sql: any SQLDatabase) async throws -> Int {
        if isPostgres(sql) {
            try await sql.raw("DELETE FROM cat_search").run()
        } else {
            try await sql.raw("DELETE FROM cat_search").run()
            try await sql.raw("DELETE FROM cat_search_docs").run()
        }
        let items = Dictionary(
            uniqueKeysWithValues: try await sql.raw("SELECT \(unsafeRaw: ItemRow.columns) FROM cat_items").all().map {
                let item = try ItemRow.decode($0)
                return (item.id, item)
            })
        let versions = try await sql.raw(
            "SELECT \(unsafeRaw: VersionRow.columns) FROM cat_versions WHERE status <> 'draft' ORDER BY item_id, number"
        ).all().map(VersionRow.decode)
        var count = 0
        for version in versions {
            guard let item = items[version.itemID] else { continue }
            try await index(
                version: version, item: item, departmentName: departmentNames[item.departmentID] ?? "", sql: sql)
            count += 1
        }
        return count
    }

    /// The stored documents of the given rows (SQLite rowids or PostgreSQL version ids, as the
    /// page query returned them), by row.
    static func documents(rows: [SearchRowID], sql: any SQLDatabase) async throws -> [SearchRowID: SearchDocument] {
        guard !rows.isEmpty else { return [:] }
        var query: SQLQueryString
        if isPostgres(sql) {
            query =
                "SELECT version_id AS rid, name, keywords, department, themes, materials FROM cat_search WHERE version_id IN ("
        } else {
            query =
                "SELECT rowid AS rid, name, keywords, department, themes, materials FROM cat_search WHERE rowid IN ("
        }
        for (index, row) in rows.enumerated() {
            if index > 0 { query.appendInterpolation(unsafeRaw: ", ") }
            switch row {
            case .rowid(let value): query.appendInterpolation(bind: value)
            case .version(let value): query.appendInterpolation(bind: value)
            }
        }
        query.appendInterpolation(unsafeRaw: ")")
        var documents: [SearchRowID: SearchDocument] = [:]
        for row in try await sql.raw(query).all() {
            let id = try SearchRowID.decode(row, postgres: isPostgres(sql))
            documents[id] = SearchDocument(
                name: try row.decode(column: "name", as: String.self),
                keywords: try row.decode(column: "keywords", as: String.self),
                department: try row.decode(column: "department", as: String.self),
                themes: try row.decode(column: "themes", as: String.self),
                materials: try row.decode(column: "materials", as: String.self))
        }
        return documents
    }

    /// Whether `sql` speaks PostgreSQL; the signature other helpers call takes no `Dialect`.
    package static func isPostgres(_ sql: any SQLDatabase) -> Bool {
        sql.dialect.name == "postgresql"
    }
}
