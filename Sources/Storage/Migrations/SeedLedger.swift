import Foundation
public import Kernel
import SQLKit

/// Runs demo seeds once per database, recording each in `zt_seeds`.
public struct SeedLedger: Sendable {
    private let database: any Database
    private let clock: any Clock

    /// Creates the ledger.
    public init(database: any Database, clock: any Clock) {
        self.database = database
        self.clock = clock
    }

    /// Runs every seed not yet recorded; returns the names it ran.
    @discardableResult
    public func run(_ seeds: [Seed]) async throws -> [String] {
        var ran: [String] = []
        for seed in seeds where try await !hasRun(seed.name) {
            try await seed.run(database)
            let now = clock.now()
            try await database.transaction { tx in
                try await tx.sql.raw(
                    "INSERT INTO zt_seeds (name, applied_at) VALUES (\(bind: seed.name), \(bind: now)) ON CONFLICT DO NOTHING"
                ).run()
            }
            ran.append(seed.name)
        }
        return ran
    }

    private func hasRun(_ name: String) async throws -> Bool {
        try await database.read { sql in
            try await sql.raw("SELECT name FROM zt_seeds WHERE name = \(bind: name)").first() != nil
        }
    }
}
