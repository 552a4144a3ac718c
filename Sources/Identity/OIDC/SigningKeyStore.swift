import Foundation
import Kernel
import SQLKit
import Signing
import Storage

/// The provider's signing keys: created on first use, kept sealed in the database, cached here.
///
/// Every instance of the server reads the same keys, so a token signed by one verifies at another.
actor SigningKeyStore {
    private let database: any Database
    private let sealer: FieldSealer
    private let clock: any Clock
    private var cached: [SigningAlgorithm: SigningKey] = [:]
    private static let context = "idn_oidc_keys.private"

    init(database: any Database, sealer: FieldSealer, clock: any Clock) {
        self.database = database
        self.sealer = sealer
        self.clock = clock
    }

    /// The newest live key for `algorithm`, created if there is none.
    func current(_ algorithm: SigningAlgorithm) async throws -> SigningKey {
        if let key = cached[algorithm] { return key }
        var key = try await load(algorithm)
        if key == nil { key = try await create(algorithm) }
        guard let key else { preconditionFailure("created above") }
        cached[algorithm] = key
        return key
    }

    /// Every key not retired, for the JWKS document; both algorithms exist after this call.
    func publicKeys() async throws -> [JSONWebKey] {
        for algorithm in SigningAlgorithm.allCases { _ = try await current(algorithm) }
        let sealer = self.sealer
        return try await database.read { sql in
            try await sql.raw(
                "SELECT algorithm, private_sealed FROM idn_oidc_keys WHERE retired_at IS NULL ORDER BY created_at DESC"
            ).all()
        }.map { row in
            try Self.key(row, sealer: sealer).jwk
        }
    }

    private func load(_ algorithm: SigningAlgorithm) async throws -> SigningKey? {
        let sealer = self.sealer
        return try await database.read { sql in
            try await sql.raw(
                """
                SELECT algorithm, private_sealed FROM idn_oidc_keys
                WHERE algorithm = \(bind: algorithm.rawValue) AND retired_at IS NULL ORDER BY created_at DESC
                """
            ).first()
        }.map { try Self.key($0, sealer: sealer) }
    }

    private func create(_ algorithm: SigningAlgorithm) async throws -> SigningKey {
        let key = try SigningKey.generate(algorithm)
        let sealed = try sealer.seal(Base64URL.encode(key.privateBytes), context: Self.context)
        let now = clock.now()
        try await database.transaction { tx in
            try await tx.sql.raw(
                """
                INSERT INTO idn_oidc_keys (kid, algorithm, private_sealed, created_at)
                VALUES (\(bind: key.kid), \(bind: algorithm.rawValue), \(bind: Data(sealed)), \(bind: now))
                """
            ).run()
        }
        return key
    }

    private static func key(_ row: any SQLRow, sealer: FieldSealer) throws -> SigningKey {
        let algorithm = try row.decode(column: "algorithm", as: String.self)
        let sealed = try row.decode(column: "private_sealed", as: Data.self)
        guard let parsed = SigningAlgorithm(rawValue: algorithm),
            let raw = Base64URL.decode(try sealer.open(Array(sealed), context: context))
        else {
            throw DomainError(.unavailable, code: "oidc.bad-key", title: "签名密钥不可用", detail: "签名密钥无法读取，请联系运维人员。")
        }
        return try SigningKey(algorithm: parsed, privateBytes: Array(raw))
    }
}
