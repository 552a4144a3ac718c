import Foundation
public import Kernel
import SQLKit

/// The append-only, hash-chained log of every command.
///
/// Each entry's hash covers the previous entry's hash and its own fields, so an edited,
/// deleted or reordered row breaks the chain at that row.
public struct AuditLog: Sendable {
    /// The hash new entries are chained with.
    public let algorithm: HashAlgorithm
    private let clock: any Clock

    /// The previous hash of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// Creates the log writer.
    public init(algorithm: HashAlgorithm, clock: any Clock) {
        self.algorithm = algorithm
        self.clock = clock
    }

    /// Appends `entry` inside `tx`, so the command and its record commit together.
    @discardableResult
    public func append(_ entry: AuditEntry, in tx: Transaction) async throws -> AuditRecord {
        if tx.dialect == .postgres {
            // Serialises appenders across instances; released when the transaction ends.
            try await tx.sql.raw("SELECT pg_advisory_xact_lock(7283002)").run()
        }
        let last = try await tx.sql.raw("SELECT seq, hash FROM zt_audit_log ORDER BY seq DESC LIMIT 1").first()
        let seq = (try last?.decode(column: "seq", as: Int64.self) ?? 0) + 1
        let previous = try last?.decode(column: "hash", as: String.self) ?? Self.genesis
        // Milliseconds survive both databases' timestamp types exactly, so the hash can be recomputed.
        let millis = Int64((clock.now().timeIntervalSince1970 * 1000).rounded(.down))
        var record = AuditRecord(
            seq: seq, id: UUID(), occurredAtMillis: millis, entry: entry, algorithm: algorithm.rawValue,
            previousHash: previous, hash: "")
        record.hash = algorithm.hexDigest(record.chainedText)
        try await tx.sql.raw(
            """
            INSERT INTO zt_audit_log (seq, id, occurred_at, actor, action, object_type, object_id, channel,
                client_address, change_digest, algorithm, previous_hash, hash)
            VALUES (\(bind: record.seq), \(bind: record.id), \(bind: record.occurredAt), \(bind: entry.actor),
                \(bind: entry.action), \(bind: entry.objectType), \(bind: entry.objectID), \(bind: entry.channel),
                \(bind: entry.clientAddress), \(bind: entry.changeDigest), \(bind: record.algorithm),
                \(bind: record.previousHash), \(bind: record.hash))
            """
        ).run()
        return record
    }

    /// The digest of a change value, for `AuditEntry.changeDigest`.
    public func digest(of change: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return algorithm.digest(Array(try encoder.encode(change))).hexString
    }
}
