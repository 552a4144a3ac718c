import CasesModel
import Foundation
import Kernel
import SQLKit

/// Reads `case_tasks` rows.
enum TaskRow {
    static let columns = """
        id, case_id, step_id, step_kind, step_name, branch_id, department_id, permission, state, assignee,
        decision, comment, created_at, decided_at, revision, round
        """

    static func decode(_ row: any SQLRow) throws -> CaseTask {
        CaseTask(
            id: try row.decode(column: "id", as: UUID.self),
            caseID: try row.decode(column: "case_id", as: UUID.self),
            stepID: try row.decode(column: "step_id", as: String.self),
            stepKind: StepKind(rawValue: try row.decode(column: "step_kind", as: String.self)) ?? .review,
            stepName: try row.decode(column: "step_name", as: String.self),
            branchID: try row.decode(column: "branch_id", as: String?.self),
            departmentID: try row.decode(column: "department_id", as: UUID.self),
            permission: try row.decode(column: "permission", as: String.self),
            state: TaskState(rawValue: try row.decode(column: "state", as: String.self)) ?? .cancelled,
            assignee: try row.decode(column: "assignee", as: UUID?.self),
            decision: try row.decode(column: "decision", as: String?.self),
            comment: try row.decode(column: "comment", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            decidedAt: try row.decode(column: "decided_at", as: Date?.self),
            revision: try row.decode(column: "revision", as: Int.self),
            round: try row.decode(column: "round", as: Int.self))
    }

    static func tasks(of caseID: UUID, sql: any SQLDatabase) async throws -> [CaseTask] {
        try await sql.raw(
            "SELECT \(unsafeRaw: columns) FROM case_tasks WHERE case_id = \(bind: caseID) ORDER BY created_at, id"
        ).all().map(decode)
    }
}

extension TaskRow {
    static func load(_ id: UUID, sql: any SQLDatabase) async throws -> CaseTask? {
        try await sql.raw("SELECT \(unsafeRaw: columns) FROM case_tasks WHERE id = \(bind: id)").first().map(decode)
    }
}
