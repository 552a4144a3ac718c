import Foundation
public import Kernel
import SQLKit
public import Signing

/// The signing keys of issuing organisations (licenses, receipts): sealed at rest, rotated, published.
///
/// Each issuer has at most one live key per algorithm. Rotation retires it: a retired key signs
/// nothing new but stays published, so documents it signed still verify. A revoked key (one that
/// leaked) is withdrawn from publication, and everything it signed stops verifying.
public actor IssuerKeyRing {
    private let database: any Database
    private let sealer: FieldSealer
    private let clock: any Clock
    private var live: [String: (key: SigningKey, readAt: Date)] = [:]
    private static let context = "zt_issuer_keys.private_sealed"
    /// Another instance may rotate a key; a cached live key is read again after this long.
    private static let freshness: TimeInterval = 60

    /// A key ring over the platform database; `sealer` encrypts the private keys.
    public init(database: any Database, sealer: FieldSealer, clock: any Clock) {
        self.database = database
        self.sealer = sealer
        self.clock = clock
    }

    /// The live key `issuer` signs with, made on first use.
    public func signingKey(issuer: String, algorithm: SigningAlgorithm) async throws -> SigningKey {
        let slot = issuer + "/" + algorithm.rawValue
        if let cached = live[slot], clock.now().timeIntervalSince(cached.readAt) < Self.freshness {
            return cached.key
        }
        let key = try await database.transaction { tx in
            try await self.liveKey(issuer: issuer, algorithm: algorithm, in: tx)
        }
        live[slot] = (key, clock.now())
        return key
    }

    /// The live key within `tx`, made if there is none (the caller audits the creation if it cares).
    public func liveKey(issuer: String, algorithm: SigningAlgorithm, in tx: Transaction) async throws -> SigningKey {
        if tx.dialect == .postgres {
            // Two instances making an issuer's first key at once would otherwise both insert one.
            try await tx.sql.raw("SELECT pg_advisory_xact_lock(7283003)").run()
        }
        let row = try await tx.sql.raw(
            """
            SELECT algorithm, private_sealed FROM zt_issuer_keys
            WHERE issuer = \(bind: issuer) AND algorithm = \(bind: algorithm.rawValue) AND retired_at IS NULL
            """
        ).first()
        if let row { return try key(from: row) }
        return try await insert(issuer: issuer, algorithm: algorithm, in: tx)
    }

    /// Retires the live key of `issuer` for `algorithm` and makes a new one, within `tx`.
    public func rotate(issuer: String, algorithm: SigningAlgorithm, in tx: Transaction) async throws -> SigningKey {
        try await tx.sql.raw(
            """
            UPDATE zt_issuer_keys SET retired_at = \(bind: clock.now())
            WHERE issuer = \(bind: issuer) AND algorithm = \(bind: algorithm.rawValue) AND retired_at IS NULL
            """
        ).run()
        live[issuer + "/" + algorithm.rawValue] = nil
        return try await insert(issuer: issuer, algorithm: algorithm, in: tx)
    }

    /// Withdraws a leaked key: it is retired, unpublished, and what it signed no longer verifies.
    public func revoke(kid: String, reason: String, in tx: Transaction) async throws {
        let now = clock.now()
        let found = try await tx.sql.raw(
            """
            UPDATE zt_issuer_keys SET revoked_at = \(bind: now), revoke_reason = \(bind: reason),
                retired_at = COALESCE(retired_at, \(bind: now))
            WHERE kid = \(bind: kid) AND revoked_at IS NULL RETURNING issuer, algorithm
            """
        ).first()
        guard let found else {
            throw DomainError(.notFound, code: "signing.key-not-found", title: "签名密钥不存在", detail: "没有这个未吊销的签名密钥。")
        }
        let slot =
            try found.decode(column: "issuer", as: String.self) + "/"
            + found.decode(column: "algorithm", as: String.self)
        live[slot] = nil
    }

    /// Every key not revoked, newest first: the document published for offline verifiers.
    public func publishedKeys() async throws -> [PublishedIssuerKey] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT issuer, public_jwk, created_at, retired_at FROM zt_issuer_keys
                WHERE revoked_at IS NULL ORDER BY created_at DESC, kid
                """
            ).all()
        }.map(Self.published)
    }

    /// The kids withdrawn as leaked, so a verifier holding an older key list can refuse them.
    public func revokedKids() async throws -> [String] {
        try await database.read { sql in
            try await sql.raw("SELECT kid FROM zt_issuer_keys WHERE revoked_at IS NOT NULL ORDER BY kid").all()
        }.map { try $0.decode(column: "kid", as: String.self) }
    }

    private func insert(issuer: String, algorithm: SigningAlgorithm, in tx: Transaction) async throws -> SigningKey {
        let key = try SigningKey.generate(algorithm)
        let sealed = try sealer.seal(Base64URL.encode(key.privateBytes), context: Self.context)
        let jwk = String(decoding: try JSONEncoder().encode(key.jwk), as: UTF8.self)
        try await tx.sql.raw(
            """
            INSERT INTO zt_issuer_keys (kid, issuer, algorithm, public_jwk, private_sealed, created_at)
            VALUES (\(bind: key.kid), \(bind: issuer), \(bind: algorithm.rawValue), \(bind: jwk),
                \(bind: Data(sealed)), \(bind: clock.now()))
            """
        ).run()
        return key
    }

    private func key(from row: any SQLRow) throws -> SigningKey {
        let sealed = try row.decode(column: "private_sealed", as: Data.self)
        guard let algorithm = SigningAlgorithm(rawValue: try row.decode(column: "algorithm", as: String.self)),
            let raw = Base64URL.decode(try sealer.open(Array(sealed), context: Self.context))
        else {
            throw DomainError(.unavailable, code: "signing.bad-key", title: "签名密钥不可用", detail: "签名密钥无法读取，请联系运维人员。")
        }
        return try SigningKey(algorithm: algorithm, privateBytes: Array(raw))
    }

    private static func published(_ row: any SQLRow) throws -> PublishedIssuerKey {
        let jwk = try JSONDecoder().decode(
            JSONWebKey.self, from: Data(try row.decode(column: "public_jwk", as: String.self).utf8))
        return PublishedIssuerKey(
            jwk: jwk, issuer: try row.decode(column: "issuer", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            retiredAt: try row.decode(column: "retired_at", as: Date?.self))
    }
}
