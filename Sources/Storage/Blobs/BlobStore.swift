import Crypto
public import Foundation
public import SQLKit

/// Uploaded files (申请材料 and the like), kept in the database and addressed by their SHA-256.
///
/// Content addressing makes a second upload of the same file free and lets anyone check a stored
/// file against the hash a case recorded. Keeping blobs in the database keeps one backup and one
/// transaction; a city with terabytes of scans can move them to an object store behind this type.
public struct BlobStore: Sendable {
    /// Stores the file inside `tx` (so it exists only if the caller's change commits) and returns
    /// its reference; storing the same content again changes nothing.
    public static func put(_ content: Data, mediaType: String, at now: Date, in tx: Transaction) async throws
        -> BlobReference
    {
        let reference = BlobReference(sha256: hash(content), mediaType: mediaType, size: content.count)
        // Two uploads of the same file may race; the second finds the first's row and changes nothing.
        try await tx.sql.raw(
            """
            INSERT INTO zt_blobs (sha256, media_type, size, content, created_at)
            VALUES (\(bind: reference.sha256), \(bind: mediaType), \(bind: content.count), \(bind: content), \(bind: now))
            ON CONFLICT (sha256) DO NOTHING
            """
        ).run()
        return reference
    }

    /// The stored file with `sha256`, or nil.
    public static func get(_ sha256: String, sql: any SQLDatabase) async throws -> (
        reference: BlobReference, content: Data
    )? {
        guard
            let row = try await sql.raw(
                "SELECT media_type, size, content FROM zt_blobs WHERE sha256 = \(bind: sha256)"
            ).first()
        else { return nil }
        let reference = BlobReference(
            sha256: sha256, mediaType: try row.decode(column: "media_type", as: String.self),
            size: try row.decode(column: "size", as: Int.self))
        return (reference, try row.decode(column: "content", as: Data.self))
    }

    /// The lowercase hex SHA-256 of `content`.
    public static func hash(_ content: Data) -> String {
        SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
    }
}
