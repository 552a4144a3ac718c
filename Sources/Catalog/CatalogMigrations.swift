import CatalogModel
import Storage

/// The catalog tables (prefix `cat_`).
///
/// Versions 1–2 are the items, versions, locations and bundles; 3–4 the search index, whose
/// statements differ by dialect (FTS5 on SQLite, `tsvector` on PostgreSQL).
enum CatalogMigrations {
    static let all: [Migration] = [items, locationsAndBundles, searchIndex, searchByItem]

    static let items = Migration(
        domain: "catalog", version: 1, name: "service items and their versions",
        statements: [
            """
            CREATE TABLE cat_items (
                id {uuid} PRIMARY KEY,
                business_code TEXT NOT NULL UNIQUE,
                implementation_code TEXT NOT NULL,
                base_code TEXT NOT NULL,
                department_id {uuid} NOT NULL,
                division_code TEXT NOT NULL,
                created_at {timestamp} NOT NULL
            )
            """,
            "CREATE INDEX cat_items_department ON cat_items (department_id)",
            "CREATE INDEX cat_items_base ON cat_items (base_code)",
            """
            CREATE TABLE cat_versions (
                id {uuid} PRIMARY KEY,
                item_id {uuid} NOT NULL REFERENCES cat_items (id),
                number INTEGER NOT NULL,
                status TEXT NOT NULL,
                effective_from INTEGER,
                effective_until INTEGER,
                guide TEXT NOT NULL,
                name TEXT NOT NULL,
                item_type TEXT NOT NULL,
                audiences TEXT NOT NULL,
                life_events TEXT NOT NULL,
                themes TEXT NOT NULL,
                online_depth INTEGER NOT NULL,
                visits_required INTEGER NOT NULL,
                material_count INTEGER NOT NULL,
                step_count INTEGER NOT NULL,
                legal_days DOUBLE PRECISION,
                promised_days DOUBLE PRECISION NOT NULL,
                edited_by TEXT NOT NULL,
                edited_at {timestamp} NOT NULL,
                published_by TEXT,
                published_at {timestamp},
                UNIQUE (item_id, number)
            )
            """,
            "CREATE UNIQUE INDEX cat_versions_one_draft ON cat_versions (item_id) WHERE status = 'draft'",
            "CREATE INDEX cat_versions_in_force ON cat_versions (status, effective_from, effective_until)",
        ])

    static let locationsAndBundles = Migration(
        domain: "catalog", version: 2, name: "service locations and bundles",
        statements: [
            """
            CREATE TABLE cat_locations (
                id {uuid} PRIMARY KEY,
                code TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                division_code TEXT NOT NULL,
                department_id {uuid},
                address TEXT NOT NULL,
                hours TEXT NOT NULL,
                phone TEXT NOT NULL,
                windows INTEGER NOT NULL,
                latitude DOUBLE PRECISION NOT NULL,
                longitude DOUBLE PRECISION NOT NULL
            )
            """,
            "CREATE INDEX cat_locations_division ON cat_locations (division_code)",
            """
            CREATE TABLE cat_bundles (
                id {uuid} PRIMARY KEY,
                code TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                audience TEXT NOT NULL,
                life_event TEXT NOT NULL,
                summary TEXT NOT NULL,
                item_codes TEXT NOT NULL,
                published INTEGER NOT NULL,
                updated_at {timestamp} NOT NULL
            )
            """,
        ])
}
