import Foundation
import Kernel
import SQLKit
import Storage
import StorageTesting
import Testing

@Suite("Audit chain")
struct AuditLogTests {
    static func entry(_ n: Int) -> AuditEntry {
        AuditEntry(
            actor: "operator", action: "test.act", objectType: "thing", objectID: "t-\(n)", channel: "api",
            clientAddress: "127.0.0.1", changeDigest: String(repeating: "a", count: 64))
    }

    /// Appends five entries, alternating algorithms to show each entry is checked with its own.
    static func appendFive(_ database: any Database) async throws {
        let clock = FixedClock(Date(timeIntervalSince1970: 1_790_000_000.1234))
        for n in 1...5 {
            let log = AuditLog(algorithm: n.isMultiple(of: 2) ? .sha256 : .sm3, clock: clock)
            try await database.transaction { tx in _ = try await log.append(entry(n), in: tx) }
            clock.advance(by: 1.5)
        }
    }

    /// The sequence number the verifier reports as broken, or nil when the chain holds.
    static func brokenAt(_ database: any Database) async throws -> Int64? {
        if case .broken(let seq, _) = try await AuditVerifier(database: database).verify() { return seq }
        return nil
    }

    @Test("an untouched chain verifies", arguments: TestDatabase.available)
    func intact(kind: TestDatabase) async throws {
        try await kind.withDatabase { database in
            try await Self.appendFive(database)
            let result = try await AuditVerifier(database: database).verify(pageSize: 2)
            guard case .intact(let entries, let head) = result else {
                Issue.record("expected intact, got \(result)")
                return
            }
            #expect(entries == 5)
            #expect(head.count == 64)
        }
    }

    @Test("an edited field is found at its entry", arguments: TestDatabase.available)
    func edited(kind: TestDatabase) async throws {
        try await kind.withDatabase { database in
            try await Self.appendFive(database)
            try await database.transaction { tx in
                try await tx.sql.raw("UPDATE zt_audit_log SET object_id = 'forged' WHERE seq = 3").run()
            }
            #expect(try await AuditVerifier(database: database).verify() == .broken(seq: 3, reason: "内容与哈希不符（条目被修改）"))
        }
    }

    @Test("a deleted entry is found where the gap starts", arguments: TestDatabase.available)
    func deleted(kind: TestDatabase) async throws {
        try await kind.withDatabase { database in
            try await Self.appendFive(database)
            try await database.transaction { tx in
                try await tx.sql.raw("DELETE FROM zt_audit_log WHERE seq = 2").run()
            }
            #expect(try await Self.brokenAt(database) == 3)
        }
    }

    @Test("two swapped entries are found", arguments: TestDatabase.available)
    func reordered(kind: TestDatabase) async throws {
        try await kind.withDatabase { database in
            try await Self.appendFive(database)
            try await database.transaction { tx in
                try await tx.sql.raw("UPDATE zt_audit_log SET seq = 100 WHERE seq = 2").run()
                try await tx.sql.raw("UPDATE zt_audit_log SET seq = 2 WHERE seq = 4").run()
                try await tx.sql.raw("UPDATE zt_audit_log SET seq = 4 WHERE seq = 100").run()
            }
            #expect(try await Self.brokenAt(database) == 2)
        }
    }

    @Test("a rehashed forgery still breaks the link to the next entry", arguments: TestDatabase.available)
    func forgedHash(kind: TestDatabase) async throws {
        try await kind.withDatabase { database in
            try await Self.appendFive(database)
            try await database.transaction { tx in
                try await tx.sql.raw(
                    "UPDATE zt_audit_log SET hash = \(bind: String(repeating: "f", count: 64)) WHERE seq = 4"
                ).run()
            }
            #expect(try await Self.brokenAt(database) == 4)
        }
    }

    @Test("an entry rolled back with its command leaves no trace", arguments: TestDatabase.available)
    func rolledBack(kind: TestDatabase) async throws {
        struct Abort: Error {}
        try await kind.withDatabase { database in
            let log = AuditLog(algorithm: .sm3, clock: SystemClock())
            try? await database.transaction { tx in
                _ = try await log.append(Self.entry(1), in: tx)
                throw Abort()
            }
            let result = try await AuditVerifier(database: database).verify()
            #expect(result == .intact(entries: 0, headHash: AuditLog.genesis))
        }
    }

    @Test("the SM3 and SHA-256 digests match the standards' examples")
    func digests() {
        #expect(
            HashAlgorithm.sm3.hexDigest("abc") == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
        #expect(
            HashAlgorithm.sha256.hexDigest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
