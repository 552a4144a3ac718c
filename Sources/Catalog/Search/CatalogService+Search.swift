public import CatalogModel
public import Kernel
import SQLKit
public import Storage

extension CatalogService {
    /// Searches the items in force today by name, keywords, department, themes and materials,
    /// best match first, one page at a time.
    ///
    /// A partial or misspelt query still finds the item, because names are matched by overlapping
    /// character pairs; everyday words are expanded with official ones (开饭店 → 餐饮, 食品经营).
    /// Throws `invalid` for an empty query or one longer than 100 characters; anything else,
    /// whatever characters it holds, gives hits or none. A cursor position is read as an offset.
    public func search(_ query: String, filter: CatalogFilter = CatalogFilter(), page: PageRequest = .first)
        async throws -> SearchResults
    {
        let parsed = try SearchQuery(query)
        let offset = try Self.searchOffset(page)
        guard !parsed.isEmpty else {
            return SearchResults(query: query, expandedTerms: parsed.expandedTerms, total: 0, hits: [], nextOffset: nil)
        }
        let statement = SearchStatement(
            query: parsed, filter: filter, day: today.dayNumber, postgres: database.dialect == .postgres)
        let names = try await departmentNames()
        let (rows, total, documents) = try await database.read { sql in
            let rows = try await sql.raw(statement.page(limit: page.limit, offset: offset)).all().map {
                try SearchRow(row: $0, postgres: statement.postgres)
            }
            var total = rows.first?.total ?? 0
            if rows.isEmpty, offset > 0 {
                total = try await sql.raw(statement.count()).first()?.decode(column: "total", as: Int.self) ?? 0
            }
            return (rows, total, try await SearchIndex.documents(rows: rows.map(\.rid), sql: sql))
        }
        let full = Double(max(parsed.fullCoverage, 1))
        let hits = rows.map { row in
            var summary = row.summary
            summary.departmentName = names[summary.departmentID] ?? ""
            return SearchHit(
                summary: summary, highlightedName: SearchHighlighter.segments(of: summary.name, for: parsed),
                matchedIn: documents[row.rid]?.matchedFields(parsed) ?? [],
                // Coverage decides; the engine's rank, squeezed below one coverage step, breaks ties.
                score: Double(row.covered) / full + 0.001 * max(row.relevance, 0) / (1 + max(row.relevance, 0)))
        }
        let next = offset + hits.count
        return SearchResults(
            query: query, expandedTerms: parsed.expandedTerms, total: total, hits: hits,
            nextOffset: next < total && !hits.isEmpty ? next : nil)
    }

    /// Indexes every published version again, for an installation upgraded to search or a changed
    /// tokenizer; returns how many versions it indexed. Only the operator or the platform itself
    /// runs it (`zhengtong catalog reindex`), and it is audited like any command.
    @discardableResult
    public func rebuildSearchIndex(actor: Actor) async throws -> Int {
        guard actor.holdsAny(of: ["operator", "system"]) else {
            throw DomainError(
                .forbidden, code: "catalog.operator-only", title: "无权操作", detail: "只有平台运维人员或系统本身可以重建搜索索引。")
        }
        let names = try await departmentNames()
        return try await database.transaction { tx in
            let count = try await SearchIndex.rebuild(departmentNames: names, sql: tx.sql)
            try await audit.append(
                actor.entry(
                    action: "catalog.reindex", objectType: "catalog", objectID: "search-index",
                    changeDigest: try audit.digest(of: ["versions": count])), in: tx)
            return count
        }
    }

    /// The offset a page starts at; search pages by offset, and a cursor carries one.
    static func searchOffset(_ page: PageRequest) throws -> Int {
        switch page.position {
        case .offset(let value): return value
        case .after(let cursor):
            guard let value = Int(cursor.key), value >= 0 else {
                throw DomainError(
                    .invalid, code: "paging.invalid-cursor", title: "分页位置无效", detail: "搜索结果请用 offset 翻页，或从第一页重新开始。")
            }
            return value
        }
    }
}
