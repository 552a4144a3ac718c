public import CatalogModel
public import Foundation
public import Kernel
import SQLKit
import Storage

extension CatalogService {
    /// The longest period a report compares: ten years, leap days included.
    static let longestReportDays = 3653
    /// The most versions a report lists; the indicators always cover every item.
    static let reportChangeLimit = 500

    /// 流程再造报告 between `from` and `to`, for one department or all of them.
    ///
    /// The indicators are aggregated in SQL from the summary columns of `cat_versions`; only the
    /// versions that took effect in the period are decoded, to summarise their diffs. Published
    /// guides are public, so the report names no actor.
    public func reengineeringReport(from: CalendarDay, to: CalendarDay, departmentID: UUID? = nil) async throws
        -> ReengineeringReport
    {
        guard from <= to else {
            throw DomainError(
                .invalid, code: "catalog.report-period", title: "统计期间有误", detail: "开始日期（\(from)）不能晚于结束日期（\(to)）。")
        }
        guard from.days(to: to) <= Self.longestReportDays else {
            throw DomainError(
                .invalid, code: "catalog.report-period", title: "统计期间过长", detail: "统计期间不能超过10年，请缩短日期范围。")
        }
        let names = try await departmentNames()
        if let departmentID, names[departmentID] == nil {
            throw DomainError(
                .notFound, code: "catalog.unknown-department", title: "部门不存在", detail: "没有找到所选的部门，请从部门列表中选择。")
        }
        let (before, after, changes) = try await database.read { sql in
            (
                try await Self.tallies(on: from, departmentID: departmentID, sql: sql),
                try await Self.tallies(on: to, departmentID: departmentID, sql: sql),
                try await Self.changeSummaries(
                    after: from, upTo: to, departmentID: departmentID, names: names, sql: sql)
            )
        }
        let departments = Set(before.keys).union(after.keys).map { id in
            ReengineeringComparison(
                departmentID: id, departmentName: names[id] ?? "", before: (before[id] ?? IndicatorTally()).indicators,
                after: (after[id] ?? IndicatorTally()).indicators)
        }.sorted {
            ($0.departmentName, $0.departmentID?.uuidString ?? "") < (
                $1.departmentName, $1.departmentID?.uuidString ?? ""
            )
        }
        let overall = ReengineeringComparison(
            departmentID: nil, departmentName: departmentID.flatMap { names[$0] } ?? "全部部门",
            before: before.values.reduce(IndicatorTally(), +).indicators,
            after: after.values.reduce(IndicatorTally(), +).indicators)
        return ReengineeringReport(
            from: from, to: to, departments: departments, overall: overall,
            changes: Array(changes.prefix(Self.reportChangeLimit)),
            changesTruncated: changes.count > Self.reportChangeLimit)
    }

    /// The sums of the items in force on `day`, by department.
    static func tallies(on day: CalendarDay, departmentID: UUID?, sql: any SQLDatabase) async throws
        -> [UUID: IndicatorTally]
    {
        var query = SQLQueryString(
            """
            SELECT i.department_id, \(unsafeRaw: IndicatorTally.selectList)
            FROM cat_items i JOIN cat_versions v ON v.item_id = i.id
            WHERE v.status <> 'draft' AND v.effective_from <= \(bind: day.dayNumber)
                AND (v.effective_until IS NULL OR v.effective_until > \(bind: day.dayNumber))
            """)
        if let departmentID {
            query.appendInterpolation(unsafeRaw: " AND i.department_id = ")
            query.appendInterpolation(bind: departmentID)
        }
        query.appendInterpolation(unsafeRaw: " GROUP BY i.department_id")
        var tallies: [UUID: IndicatorTally] = [:]
        for row in try await sql.raw(query).all() {
            tallies[try row.decode(column: "department_id", as: UUID.self)] = try IndicatorTally(row: row)
        }
        return tallies
    }

    /// The versions that took effect in (`start`, `end`], each against the public version before
    /// it; one more than the limit is read, to tell whether the list is cut short.
    static func changeSummaries(
        after start: CalendarDay, upTo end: CalendarDay, departmentID: UUID?, names: [UUID: String],
        sql: any SQLDatabase
    ) async throws -> [VersionChangeSummary] {
        var query = SQLQueryString(
            """
            SELECT v.item_id, v.number, v.effective_from, v.guide, i.department_id, i.business_code
            FROM cat_versions v JOIN cat_items i ON i.id = v.item_id
            WHERE v.status <> 'draft' AND v.effective_from > \(bind: start.dayNumber)
                AND v.effective_from <= \(bind: end.dayNumber)
            """)
        if let departmentID {
            query.appendInterpolation(unsafeRaw: " AND i.department_id = ")
            query.appendInterpolation(bind: departmentID)
        }
        query.appendInterpolation(
            unsafeRaw: " ORDER BY v.effective_from, i.business_code, v.number LIMIT \(reportChangeLimit + 1)")
        var summaries: [VersionChangeSummary] = []
        for row in try await sql.raw(query).all() {
            let itemID = try row.decode(column: "item_id", as: UUID.self)
            let number = try row.decode(column: "number", as: Int.self)
            let department = try row.decode(column: "department_id", as: UUID.self)
            let guide = try decodeGuide(try row.decode(column: "guide", as: String.self))
            let previous = try await sql.raw(
                """
                SELECT guide FROM cat_versions WHERE item_id = \(bind: itemID) AND number < \(bind: number)
                    AND status <> 'draft' ORDER BY number DESC LIMIT 1
                """
            ).first().map { try decodeGuide(try $0.decode(column: "guide", as: String.self)) }
            summaries.append(
                VersionChangeSummary(
                    itemID: itemID, businessCode: try row.decode(column: "business_code", as: String.self),
                    department: department, departmentName: names[department] ?? "", version: number,
                    effectiveFrom: CalendarDay(dayNumber: try row.decode(column: "effective_from", as: Int.self)),
                    previous: previous, current: guide))
        }
        return summaries
    }

    static func decodeGuide(_ json: String) throws -> ItemGuide {
        try JSONDecoder().decode(ItemGuide.self, from: Data(json.utf8))
    }
}
