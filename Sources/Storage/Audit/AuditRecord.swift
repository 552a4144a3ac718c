public import Foundation

/// One stored, chained audit entry.
public struct AuditRecord: Sendable, Equatable {
    /// Position in the chain, from 1 with no gaps.
    public var seq: Int64
    /// The entry's id.
    public var id: UUID
    /// When it was written, in whole milliseconds since 1970.
    public var occurredAtMillis: Int64
    /// What was done.
    public var entry: AuditEntry
    /// The name of the hash that chained it.
    public var algorithm: String
    /// The hash of the entry before it.
    public var previousHash: String
    /// This entry's hash.
    public var hash: String

    /// When it was written.
    public var occurredAt: Date { Date(timeIntervalSince1970: Double(occurredAtMillis) / 1000) }

    /// The exact text the hash covers: the previous hash, then every field, one per line.
    var chainedText: String {
        [
            previousHash, String(seq), id.uuidString.lowercased(), String(occurredAtMillis), entry.actor,
            entry.action, entry.objectType, entry.objectID, entry.channel, entry.clientAddress, entry.changeDigest,
            algorithm,
        ].map { $0.replacingOccurrences(of: "\n", with: "\\n") }.joined(separator: "\n")
    }
}
