import CatalogModel
import SQLKit

/// The SQL of one search, for either dialect: which in-force versions match, scored by coverage
/// (the weighted share of the query's tokens a version holds) and then by the engine's rank.
///
/// `ranked` finds the rows holding any token (the tokens OR-ed, served by the FTS5 or GIN index)
/// with the engine's rank. Coverage is summed per row: on SQLite from one FTS5 `MATCH` per token
/// (`hits`, `coverage`), on PostgreSQL by testing each token against the row's `tsvector`. Every
/// token is bound, never spliced into the SQL.
struct SearchStatement {
    /// The query.
    let query: SearchQuery
    /// The filter the service hall narrows by.
    let filter: CatalogFilter
    /// Today's day number: the day versions must be in force on.
    let day: Int
    /// Whether to write PostgreSQL rather than SQLite.
    let postgres: Bool

    /// SQLite's per-column weights for bm25: name, keywords, department, themes, materials.
    static let fts5Weights = "10.0, 6.0, 3.0, 2.0, 1.0"
    /// PostgreSQL's weights for D, C, B, A: materials, department and themes, keywords, name.
    static let tsWeights = "{0.1, 0.3, 0.6, 1.0}"

    /// One page of hits, best first, each with the count of all hits.
    func page(limit: Int, offset: Int) -> SQLQueryString {
        var sql = matching(
            columns: """
                r.rid, i.id, i.business_code, i.department_id, v.name, v.item_type, v.online_depth,
                    v.visits_required, v.number, \(covered) AS covered, r.relevance, COUNT(*) OVER () AS total
                """)
        sql.appendInterpolation(
            unsafeRaw: " ORDER BY \(covered) DESC, r.relevance DESC, i.business_code LIMIT \(limit) OFFSET \(offset)")
        return sql
    }

    /// Where the coverage is read: its own CTE on SQLite, the ranked row on PostgreSQL.
    private var covered: String { postgres ? "r.covered" : "c.covered" }

    /// The number of hits, for a page past the last.
    func count() -> SQLQueryString {
        matching(columns: "COUNT(*) AS total")
    }

    private func matching(columns: String) -> SQLQueryString {
        postgres ? postgresMatching(columns: columns) : sqliteMatching(columns: columns)
    }

    /// PostgreSQL tests each token against the row's `tsvector` in memory: one index scan in all.
    private func postgresMatching(columns: String) -> SQLQueryString {
        let any = query.terms.map(SearchQuery.tsquery).joined(separator: " | ")
        var sql: SQLQueryString = "WITH ranked AS MATERIALIZED (SELECT version_id AS rid, "
        for (index, term) in query.terms.enumerated() {
            if index > 0 { sql.appendInterpolation(unsafeRaw: " + ") }
            sql.appendInterpolation(unsafeRaw: "CAST(document @@ to_tsquery('simple', ")
            sql.appendInterpolation(bind: SearchQuery.tsquery(term))
            sql.appendInterpolation(unsafeRaw: ") AS INTEGER) * \(term.weight)")
        }
        sql.appendInterpolation(
            unsafeRaw: """
                 AS covered,
                    CAST(ts_rank(CAST('\(Self.tsWeights)' AS float4[]), document, to_tsquery('simple',
                """)
        sql.appendInterpolation(bind: any)
        sql.appendInterpolation(
            unsafeRaw: ")) AS float8) AS relevance FROM cat_search WHERE document @@ to_tsquery('simple', ")
        sql.appendInterpolation(bind: any)
        sql.appendInterpolation(
            unsafeRaw: """
                ))
                SELECT \(columns) FROM ranked r
                JOIN cat_versions v ON v.id = r.rid JOIN cat_items i ON i.id = v.item_id
                """)
        return withFilters(sql)
    }

    /// SQLite matches each token on its own through FTS5 and sums the weights per row.
    private func sqliteMatching(columns: String) -> SQLQueryString {
        var sql: SQLQueryString = "WITH hits AS ("
        for (index, term) in query.terms.enumerated() {
            if index > 0 { sql.appendInterpolation(unsafeRaw: " UNION ALL ") }
            sql.appendInterpolation(
                unsafeRaw: "SELECT rowid AS rid, \(term.weight) AS w FROM cat_search WHERE cat_search MATCH ")
            sql.appendInterpolation(bind: SearchQuery.fts5(term))
        }
        // MATERIALIZED: otherwise SQLite may re-run the ranked FTS query once per coverage row.
        sql.appendInterpolation(
            unsafeRaw: "), coverage AS MATERIALIZED (SELECT rid, SUM(w) AS covered FROM hits GROUP BY rid), ")
        sql.appendInterpolation(
            unsafeRaw: """
                ranked AS MATERIALIZED (SELECT rowid AS rid, -bm25(cat_search, \(Self.fts5Weights)) AS relevance
                FROM cat_search WHERE cat_search MATCH\u{20}
                """)
        sql.appendInterpolation(bind: query.terms.map(SearchQuery.fts5).joined(separator: " OR "))
        sql.appendInterpolation(
            unsafeRaw: """
                )
                SELECT \(columns) FROM ranked r JOIN coverage c ON c.rid = r.rid
                JOIN cat_search_docs d ON d.doc = r.rid JOIN cat_versions v ON v.id = d.version_id
                JOIN cat_items i ON i.id = v.item_id
                """)
        return withFilters(sql)
    }

    /// The in-force rule and the service hall's filter.
    private func withFilters(_ base: SQLQueryString) -> SQLQueryString {
        var sql = base
        sql.appendInterpolation(unsafeRaw: " WHERE v.status <> 'draft' AND v.effective_from <= ")
        sql.appendInterpolation(bind: day)
        sql.appendInterpolation(unsafeRaw: " AND (v.effective_until IS NULL OR v.effective_until > ")
        sql.appendInterpolation(bind: day)
        sql.appendInterpolation(unsafeRaw: ")")
        func and(_ clause: String, _ value: any Encodable & Sendable) {
            sql.appendInterpolation(unsafeRaw: " AND \(clause) ")
            sql.appendInterpolation(bind: value)
        }
        if let department = filter.departmentID { and("i.department_id =", department) }
        if let theme = filter.theme { and("v.themes LIKE", "%|\(CatalogService.escapedLike(theme))|%") }
        if let event = filter.lifeEvent { and("v.life_events LIKE", "%|\(event.rawValue)|%") }
        if let audience = filter.audience { and("v.audiences LIKE", "%|\(audience.rawValue)|%") }
        if let type = filter.itemType { and("v.item_type =", type.rawValue) }
        return sql
    }
}
