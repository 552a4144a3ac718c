import Foundation
import SQLKit

/// Walks the audit chain and names the first entry that does not hold.
public struct AuditVerifier: Sendable {
    private let database: any Database

    /// Creates a verifier over `database`.
    public init(database: any Database) {
        self.database = database
    }

    /// Checks every entry in order.
    public func verify(pageSize: Int = 1000) async throws -> AuditVerification {
        var expectedSeq: Int64 = 1
        var previous = AuditLog.genesis
        while true {
            let after = expectedSeq - 1
            let records = try await database.read { sql in
                try await sql.raw(
                    """
                    SELECT seq, id, occurred_at, actor, action, object_type, object_id, channel, client_address,
                        change_digest, algorithm, previous_hash, hash
                    FROM zt_audit_log WHERE seq > \(bind: after) ORDER BY seq LIMIT \(bind: pageSize)
                    """
                ).all().map(Self.record)
            }
            if records.isEmpty { return .intact(entries: expectedSeq - 1, headHash: previous) }
            for record in records {
                if let problem = check(record, expectedSeq: expectedSeq, previous: previous) {
                    return .broken(seq: record.seq, reason: problem)
                }
                previous = record.hash
                expectedSeq += 1
            }
        }
    }

    private func check(_ record: AuditRecord, expectedSeq: Int64, previous: String) -> String? {
        if record.seq != expectedSeq {
            return "序号不连续：应为 \(expectedSeq)，实为 \(record.seq)（有条目被删除）"
        }
        if record.previousHash != previous {
            return "前一条哈希不符（条目被删除、插入或调换了顺序）"
        }
        guard let algorithm = HashAlgorithm(rawValue: record.algorithm) else {
            return "未知的哈希算法 \(record.algorithm)"
        }
        if algorithm.hexDigest(record.chainedText) != record.hash {
            return "内容与哈希不符（条目被修改）"
        }
        return nil
    }

    private static func record(_ row: any SQLRow) throws -> AuditRecord {
        let occurred = try row.decode(column: "occurred_at", as: Date.self)
        return AuditRecord(
            seq: try row.decode(column: "seq", as: Int64.self),
            id: try row.decode(column: "id", as: UUID.self),
            occurredAtMillis: Int64((occurred.timeIntervalSince1970 * 1000).rounded()),
            entry: AuditEntry(
                actor: try row.decode(column: "actor", as: String.self),
                action: try row.decode(column: "action", as: String.self),
                objectType: try row.decode(column: "object_type", as: String.self),
                objectID: try row.decode(column: "object_id", as: String.self),
                channel: try row.decode(column: "channel", as: String.self),
                clientAddress: try row.decode(column: "client_address", as: String.self),
                changeDigest: try row.decode(column: "change_digest", as: String.self)),
            algorithm: try row.decode(column: "algorithm", as: String.self),
            previousHash: try row.decode(column: "previous_hash", as: String.self),
            hash: try row.decode(column: "hash", as: String.self))
    }
}

/// The outcome of walking the chain.
public enum AuditVerification: Sendable, Equatable {
    /// Every entry holds; the head hash lets operators anchor the chain elsewhere.
    case intact(entries: Int64, headHash: String)
    /// The first entry that does not hold, and why.
    case broken(seq: Int64, reason: String)
}

extension AuditVerification {
    /// The number of entries of an intact chain; nil when broken.
    public var entryCount: Int64? {
        if case .intact(let entries, _) = self { return entries }
        return nil
    }
}
