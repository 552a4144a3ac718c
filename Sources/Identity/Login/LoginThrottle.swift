import Foundation
import Kernel
import SQLKit
import Storage

/// Slows down password guessing per account and per client address.
///
/// After `freeAttempts` failures the key is locked for `baseDelay`, doubling with every further
/// failure up to `maximumDelay`; a success clears the account's key.
struct LoginThrottle: Sendable {
    var freeAttempts = 5
    var baseDelay: TimeInterval = 30
    var maximumDelay: TimeInterval = 3600

    /// When `key` may try again, or nil if it may now.
    func lockedUntil(_ key: String, now: Date, sql: any SQLDatabase) async throws -> Date? {
        let row = try await sql.raw(
            "SELECT locked_until FROM idn_login_failures WHERE throttle_key = \(bind: key)"
        ).first()
        guard let until = try row?.decode(column: "locked_until", as: Date?.self), until > now else { return nil }
        return until
    }

    /// Counts a failure and returns the new lock end, if any.
    @discardableResult
    func recordFailure(_ key: String, now: Date, tx: Transaction) async throws -> Date? {
        let row = try await tx.sql.raw("SELECT failures FROM idn_login_failures WHERE throttle_key = \(bind: key)")
            .first()
        let failures = (try row?.decode(column: "failures", as: Int.self) ?? 0) + 1
        let lockedUntil = lockEnd(afterFailures: failures, now: now)
        if row == nil {
            try await tx.sql.raw(
                """
                INSERT INTO idn_login_failures (throttle_key, failures, locked_until, updated_at)
                VALUES (\(bind: key), \(bind: failures), \(bind: lockedUntil), \(bind: now))
                """
            ).run()
        } else {
            try await tx.sql.raw(
                """
                UPDATE idn_login_failures SET failures = \(bind: failures), locked_until = \(bind: lockedUntil),
                    updated_at = \(bind: now)
                WHERE throttle_key = \(bind: key)
                """
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
