import CasesModel
import Foundation
import Kernel
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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = String(decoding: try encoder.encode(detail), as: UTF8.self)
        // The number is taken in the insert itself: one statement instead of a read and a write.
        let row = try await tx.sql.raw(
            """
            INSERT INTO case_events (id, case_id, seq, kind, step_id, actor, channel, at, data)
            VALUES (\(bind: UUID()), \(bind: caseID),
                    (SELECT COALESCE(MAX(seq), 0) + 1 FROM case_events WHERE case_id = \(bind: caseID)),
                    \(bind: kind.rawValue), \(bind: step), \(bind: actor), \(bind: channel), \(bind: at), \(bind: data))
            RETURNING seq
            """
        ).first()
        guard let seq = try row?.decode(column: "seq", as: Int.self) else {
            throw DomainError(.conflict, code: "cases.event-not-written", title: "办件记录未保存", detail: "办件记录未能写入，请重试。")
        }
        return seq
    }
}
