public import Foundation
public import Identity
public import Kernel
import SQLKit
import Storage

extension EvaluationService {
    /// A citizen asks for a service to go online or become simpler, about an item (which names
    /// the department) or a department, or about nothing yet in the catalog.
    public func submitDemand(
        theme: DemandTheme, itemCode: String?, departmentID: UUID?, content: String, by citizen: Citizen
    ) async throws -> Demand {
        let content = try Self.text(content, "诉求内容", 5...1000, code: "demand-content")
        let subject = try await subject(itemCode: itemCode, departmentID: departmentID)
        if subject == nil, departmentID != nil {
            throw Self.invalid("department", "部门不存在", "没有找到所选的部门，请从部门列表中选择。")
        }
        let now = clock.now()
        let id = UUID()
        let (itemCode, itemName, departmentID, departmentName) = (
            subject?.itemCode, subject?.itemName, subject?.departmentID, subject?.departmentName
        )
        try await database.transaction { tx in
            try await tx.sql.raw(
                """
                INSERT INTO eva_demands (id, theme, item_code, item_name, department_id, department_name, content,
                    account_id, state, created_at, created_day)
                VALUES (\(bind: id), \(bind: theme.rawValue), \(bind: itemCode), \(bind: itemName),
                    \(bind: departmentID), \(bind: departmentName), \(bind: content), \(bind: citizen.accountID),
                    'open', \(bind: now), \(bind: today.dayNumber))
                """
            ).run()
            try await audit.append(
                citizen.auditActor.entry(
                    action: "evaluation.demand-submitted", objectType: "demand", objectID: id.uuidString,
                    changeDigest: theme.rawValue), in: tx)
        }
        return Demand(
            id: id, theme: theme, itemCode: itemCode, itemName: itemName, departmentID: departmentID,
            departmentName: departmentName, content: content, state: .open, response: nil, createdAt: now,
            respondedAt: nil)
    }

    /// The department records what it did with a demand: planned, done or declined, and why.
    /// Demands naming no department are for supervisors to take.
    public func respond(toDemand id: UUID, state: DemandState, response: String, by staff: StaffActor) async throws
        -> Demand
    {
        let response = try Self.text(response, "处理意见", 2...1000, code: "demand-response")
        guard state != .open else { throw Self.invalid("demand-state", "处理结果有误", "请选择“已纳入计划”“已实现”或“暂不采纳”。") }
        let now = clock.now()
        return try await database.transaction { tx in
            guard
                let row = try await tx.sql.raw(
                    "SELECT * FROM eva_demands WHERE id = \(bind: id)\(unsafeRaw: tx.forUpdate)"
                ).first()
            else { throw Self.notFound("诉求") }
            if let department = try row.decode(column: "department_id", as: UUID?.self) {
                try await authorize(staff, .evaluationRespond, department: department, tx: tx)
            } else {
                try await organisation.authorize(staff, .evaluationSupervise, department: nil, sql: tx.sql)
            }
            try await tx.sql.raw(
                """
                UPDATE eva_demands SET state = \(bind: state.rawValue), response = \(bind: response),
                    responded_by = \(bind: staff.auditActor.id), responded_at = \(bind: now)
                WHERE id = \(bind: id)
                """
            ).run()
            try await audit.append(
                staff.auditActor.entry(
                    action: "evaluation.demand-responded", objectType: "demand", objectID: id.uuidString,
                    changeDigest: state.rawValue), in: tx)
            guard let updated = try await tx.sql.raw("SELECT * FROM eva_demands WHERE id = \(bind: id)").first() else {
                throw Self.notFound("诉求")
            }
            return try Self.demand(updated)
        }
    }

    /// The demands of the departments `staff` answers for (supervisors: all, and those naming
    /// no department), newest first.
    public func demands(limit: Int = 100, by staff: StaffActor) async throws -> [Demand] {
        try await database.read { sql in
            let scope = try await reachable(staff, sql: sql)
            var query = SQLQueryString("SELECT * FROM eva_demands")
            if let scope {
                guard !scope.isEmpty else { return [] }
                Self.restrict(&query, "WHERE", column: "department_id", to: scope)
            }
            query.appendInterpolation(unsafeRaw: " ORDER BY created_at DESC, id LIMIT ")
            query.appendInterpolation(bind: min(max(limit, 1), 500))
            return try await sql.raw(query).all().map(Self.demand)
        }
    }

    /// The citizen's own demands, newest first.
    public func myDemands(_ citizen: Citizen, limit: Int = 50) async throws -> [Demand] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT * FROM eva_demands WHERE account_id = \(bind: citizen.accountID)
                ORDER BY created_at DESC, id LIMIT \(bind: min(max(limit, 1), 200))
                """
            ).all().map(Self.demand)
        }
    }

    /// Demands asked between `from` and `to` (inclusive), grouped by item (or department) and
    /// theme with how many were planned, done and declined: public, for the re-engineering report.
    public func demandGroups(from: CalendarDay, to: CalendarDay, departmentID: UUID? = nil) async throws
        -> [DemandGroup]
    {
        guard from <= to else { throw Self.invalid("period", "统计期间有误", "开始日期（\(from)）不能晚于结束日期（\(to)）。") }
        return try await database.read { sql in
            var query = SQLQueryString(
                """
                SELECT item_code, item_name, department_id, department_name, theme, COUNT(*) AS asked,
                    SUM(CASE WHEN state = 'planned' THEN 1 ELSE 0 END) AS planned,
                    SUM(CASE WHEN state = 'done' THEN 1 ELSE 0 END) AS done,
                    SUM(CASE WHEN state = 'declined' THEN 1 ELSE 0 END) AS declined
                FROM eva_demands WHERE created_day BETWEEN \(bind: from.dayNumber) AND \(bind: to.dayNumber)
                """)
            if let departmentID {
                query.appendInterpolation(unsafeRaw: " AND department_id = ")
                query.appendInterpolation(bind: departmentID)
            }
            query.appendInterpolation(
                unsafeRaw: """
                     GROUP BY item_code, item_name, department_id, department_name, theme
                    ORDER BY asked DESC, item_code, theme
                    """)
            return try await sql.raw(query).all().map { row in
                DemandGroup(
                    itemCode: try row.decode(column: "item_code", as: String?.self),
                    itemName: try row.decode(column: "item_name", as: String?.self),
                    departmentID: try row.decode(column: "department_id", as: UUID?.self),
                    departmentName: try row.decode(column: "department_name", as: String?.self),
                    theme: DemandTheme(rawValue: try row.decode(column: "theme", as: String.self)) ?? .other,
                    asked: try row.decode(column: "asked", as: Int.self),
                    planned: try row.decode(column: "planned", as: Int.self),
                    done: try row.decode(column: "done", as: Int.self),
                    declined: try row.decode(column: "declined", as: Int.self))
            }
        }
    }

    static func demand(_ row: any SQLRow) throws -> Demand {
        Demand(
            id: try row.decode(column: "id", as: UUID.self),
            theme: DemandTheme(rawValue: try row.decode(column: "theme", as: String.self)) ?? .other,
            itemCode: try row.decode(column: "item_code", as: String?.self),
            itemName: try row.decode(column: "item_name", as: String?.self),
            departmentID: try row.decode(column: "department_id", as: UUID?.self),
            departmentName: try row.decode(column: "department_name", as: String?.self),
            content: try row.decode(column: "content", as: String.self),
            state: DemandState(rawValue: try row.decode(column: "state", as: String.self)) ?? .open,
            response: try row.decode(column: "response", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            respondedAt: try row.decode(column: "responded_at", as: Date?.self))
    }
}
