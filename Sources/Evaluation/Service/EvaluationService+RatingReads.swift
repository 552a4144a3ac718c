public import Foundation
public import Identity
import Kernel
import SQLKit
import Storage

extension EvaluationService {
    /// The citizen's ratings, open and given, newest first.
    public func myRatings(_ citizen: Citizen, limit: Int = 50) async throws -> [Rating] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT * FROM eva_ratings WHERE rater_account = \(bind: citizen.accountID)
                ORDER BY opened_at DESC, id LIMIT \(bind: min(max(limit, 1), 200))
                """
            ).all().map { try RatingRow.rating($0, showRater: true) }
        }
    }

    /// One of the citizen's ratings; someone else's reads as not found.
    public func rating(_ id: UUID, by citizen: Citizen) async throws -> Rating {
        try await database.read { sql in
            guard let row = try await RatingRow.load(id, sql: sql),
                try row.decode(column: "rater_account", as: UUID?.self) == citizen.accountID
            else { throw Self.notFound("评价") }
            return try RatingRow.rating(row, showRater: true)
        }
    }

    /// The given ratings of the departments `staff` answers for (evaluation.respond) or
    /// supervises, newest first; `badOnly` keeps 差评. The rater is named only to holders of
    /// `person.read-clear`.
    public func ratings(badOnly: Bool = false, limit: Int = 100, by staff: StaffActor) async throws -> [Rating] {
        let permissions = try await organisation.permissions(of: staff)
        let showRater = permissions.contains(.personReadClear)
        return try await database.read { sql in
            let scope = try await reachable(staff, sql: sql)
            var query = SQLQueryString("SELECT * FROM eva_ratings WHERE level IS NOT NULL")
            if badOnly { query.appendInterpolation(unsafeRaw: " AND level <= 2") }
            if let scope {
                guard !scope.isEmpty else { return [] }
                Self.restrict(&query, "AND", column: "department_id", to: scope)
            }
            query.appendInterpolation(unsafeRaw: " ORDER BY rated_at DESC, id LIMIT ")
            query.appendInterpolation(bind: min(max(limit, 1), 500))
            return try await sql.raw(query).all().map { try RatingRow.rating($0, showRater: showRater) }
        }
    }

    /// Appends `<joiner> <column> IN (…)` for the departments of `scope` to a staff list's query.
    static func restrict(_ query: inout SQLQueryString, _ joiner: String, column: String, to scope: Set<UUID>) {
        query.appendInterpolation(unsafeRaw: " \(joiner) \(column) IN (")
        query.appendInterpolation(binds: scope.sorted { $0.uuidString < $1.uuidString })
        query.appendInterpolation(unsafeRaw: ")")
    }

    /// The departments `staff` reaches with evaluation.respond or evaluation.supervise; nil for all.
    func reachable(_ staff: StaffActor, sql: any SQLDatabase) async throws -> Set<UUID>? {
        let respond = try await organisation.departments(reachableBy: staff, with: .evaluationRespond, sql: sql)
        let supervise = try await organisation.departments(reachableBy: staff, with: .evaluationSupervise, sql: sql)
        guard let respond, let supervise else { return nil }
        return respond.union(supervise)
    }

    /// Throws unless `staff` may act on `department`'s evaluation work with `permission` (or
    /// supervises it), on the command's transaction.
    func authorize(_ staff: StaffActor, _ permission: Permission, department: UUID, tx: Transaction) async throws {
        if permission == .evaluationRespond,
            try await organisation.holdsAny(staff, of: [.evaluationSupervise], department: department, sql: tx.sql)
        {
            return
        }
        try await organisation.authorize(staff, permission, department: department, sql: tx.sql)
    }
}
