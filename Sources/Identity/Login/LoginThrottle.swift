import Foundation
import Kernel
import SQLKit
import Storage

/// Slows down password guessing per account and per client address.
///
/// After `freeAttempts` failures the key is locked for `baseDelay`, doubling with every further
/// failure up to `maximumDelay`; a success clears the account's key only. An address's failures
/// are forgotten after `forgetAfter` without one, not by a success: otherwise whoever sprays
/// passwords from one address could reset its count with a login to an account of their own.
struct LoginThrottle: Sendable {
    var freeAttempts = 5
    var baseDelay: TimeInterval = 30
    var maximumDelay: TimeInterval = 3600
    var forgetAfter: TimeInterval = 3600

    /// When `key` may try again, or nil if it may now.
    func lockedUntil(_ key: String, now: Date, sql: any SQLDatabase) async throws -> Date? {
        let row = try await sql.raw(
            "SELECT locked_until FROM idn_login_failures WHERE throttle_key = \(bind: key)"
        ).first()
        guard let until = try row?.decode(column: "locked_until", as: Date?.self), until > now else { return nil }
        return until
    }

    /// Counts a failure and returns the new lock end, if any.
    ///
    /// One upsert counts, so concurrent failures for a new key neither collide on its primary key
    /// nor overwrite each other's count; on PostgreSQL the row stays locked until the transaction
    /// ends, so the lock end written below belongs to the count just returned.
    @discardableResult
    func recordFailure(_ key: String, now: Date, tx: Transaction) async throws -> Date? {
        let row = try await tx.sql.raw(
            """
            INSERT INTO idn_login_failures (throttle_key, failures, updated_at) VALUES (\(bind: key), 1, \(bind: now))
            ON CONFLICT (throttle_key) DO UPDATE
                SET failures = CASE WHEN idn_login_failures.updated_at < \(bind: now.addingTimeInterval(-forgetAfter))
                    THEN 1 ELSE idn_login_failures.failures + 1 END,
                    updated_at = excluded.updated_at
            RETURNING failures
            """
        ).first()
        let failures = try row?.decode(column: "failures", as: Int.self) ?? 1
        let lockedUntil = lockEnd(afterFailures: failures, now: now)
        if let lockedUntil {
            try await tx.sql.raw(
                "UPDATE idn_login_failures SET locked_until = \(bind: lockedUntil) WHERE throttle_key = \(bind: key)"
            ).run()
        }
        return lockedUntil
    }

    /// Forgets the failures of `key`.
    func clear(_ key: String, tx: Transaction) async throws {
        try await tx.sql.raw("DELETE FROM idn_login_failures WHERE throttle_key = \(bind: key)").run()
    }

    /// The lock after the `failures`-th failure: none while attempts are free, then doubling.
    func lockEnd(afterFailures failures: Int, now: Date) -> Date? {
        guard failures >= freeAttempts else { return nil }
        let exponent = min(failures - freeAttempts, 20)
        return now.addingTimeInterval(min(baseDelay * pow(2, Double(exponent)), maximumDelay))
    }
}
