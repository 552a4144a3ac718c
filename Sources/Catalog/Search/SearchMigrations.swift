import CatalogModel
import Storage

/// The search index tables, which differ by dialect: an FTS5 table on SQLite, a weighted
/// `tsvector` under a GIN index on PostgreSQL. Both hold tokens cut by `SearchTokenizer`.
extension CatalogMigrations {
    static let searchIndex = Migration(
        domain: "catalog", version: 3, name: "search index",
        statements: [
            """
            CREATE TABLE cat_search_docs (
                doc INTEGER PRIMARY KEY,
                version_id {uuid} NOT NULL UNIQUE REFERENCES cat_versions (id),
                item_id {uuid} NOT NULL
            )
            """,
            """
            CREATE VIRTUAL TABLE cat_search USING fts5(
                name, keywords, department, themes, materials, tokenize = 'unicode61'
            )
            """,
        ],
        postgresStatements: [
            """
            CREATE TABLE cat_search (
                version_id {uuid} PRIMARY KEY REFERENCES cat_versions (id),
                item_id {uuid} NOT NULL,
                name TEXT NOT NULL,
                keywords TEXT NOT NULL,
                department TEXT NOT NULL,
                themes TEXT NOT NULL,
                materials TEXT NOT NULL,
                document TSVECTOR NOT NULL
            )
            """,
            "CREATE INDEX cat_search_document ON cat_search USING GIN (document)",
        ])

    /// Rows by item, for the import helper and for reindexing one item's versions.
    static let searchByItem = Migration(
        domain: "catalog", version: 4, name: "search index by item",
        statements: ["CREATE INDEX cat_search_docs_item ON cat_search_docs (item_id)"],
        postgresStatements: ["CREATE INDEX cat_search_item ON cat_search (item_id)"])
}
