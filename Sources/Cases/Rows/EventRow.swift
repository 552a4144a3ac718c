import CasesModel
import Foundation
import SQLKit
import Storage

/// Reads and appends `case_events` rows.
enum EventRow {
    static func events(of caseID: UUID, sql: any SQLDatabase) async throws -> [CaseEventRecord] {
        try await sql.raw(
            "SELECT seq, kind, step_id, actor, channel, at, data FROM case_events WHERE case_id = \(bind: caseID) ORDER BY seq"
        ).all().map { row in
            CaseEventRecord(
                seq: try row.decode(column: "seq", as: Int.self),
                kind: CaseEventKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .drafted,
                stepID: try row.decode(column: "step_id", as: String?.self),
                actor: try row.decode(column: "actor", as: String.self),
                channel: try row.decode(column: "channel", as: String.self),
                at: try row.decode(column: "at", as: Date.self),
                detail: try JSONDecoder().decode(
                    CaseEventDetail.self, from: Data(try row.decode(column: "data", as: String.self).utf8)))
        }
    }

    /// Appends an event with the next sequence number; the unique (case, seq) key refuses a
    /// concurrent second writer rather than letting the history fork.
    @discardableResult
    static func append(
        _ kind: CaseEventKind, caseID: UUID, step: String? = nil, detail: CaseEventDetail = CaseEventDetail(),
        actor: String, channel: String, at: Date, tx: Transaction
    ) async throws -> Int {
        let next =
            try await tx.sql.raw("SELECT COALESCE(MAX(seq), 0) AS top FROM case_events WHERE case_id = \(bind: caseID)")
            .first()?.decode(column: "top", as: Int.self) ?? 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = String(decoding: try encoder.encode(detail), as: UTF8.self)
        try await tx.sql.raw(
            """
            INSERT INTO case_events (id, case_id, seq, kind, step_id, actor, channel, at, data)
            VALUES (\(bind: UUID()), \(bind: caseID), \(bind: next + 1), \(bind: kind.rawValue), \(bind: step),
                    \(bind: actor), \(bind: channel), \(bind: at), \(bind: data))
            """
        ).run()
        return next + 1
    }
}
