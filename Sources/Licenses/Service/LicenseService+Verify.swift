import Foundation
import Kernel
import SQLKit
public import Storage

extension LicenseService {
    /// Checks a license QR text with the published keys, then its status here: a suspended, revoked or
    /// superseded license fails with its reason, and a correctly signed code for a license this platform
    /// never stored (a stolen key) fails too.
    public func verify(_ text: String) async throws -> LicenseVerification {
        var result = try await verifier().verify(text, now: clock.now())
        guard let claims = result.claims, result.verdict == .valid || result.verdict == .expired else { return result }
        let row = try await database.read { sql in
            try await sql.raw(
                "SELECT status, status_reason, code FROM lic_licenses WHERE identifier = \(bind: claims.identifier.description)"
            ).first()
        }
        result.statusChecked = true
        guard let row, let status = LicenseStatus(rawValue: try row.decode(column: "status", as: String.self)) else {
            result.verdict = .unknownLicense
            result.reason = "签名有效，但平台上没有这个证照的签发记录，请勿采信。"
            return result
        }
        let reason = try row.decode(column: "status_reason", as: String?.self).map { "：\($0)" } ?? ""
        switch status {
        case .valid: break
        case .suspended:
            result.verdict = .suspended
            result.reason = "证照已被发证机关暂停使用\(reason)。"
        case .revoked:
            result.verdict = .revoked
            result.reason = "证照已被发证机关注销\(reason)。"
        case .superseded:
            result.verdict = .superseded
            result.reason = "证照已换发新版本，此版本不再有效\(reason)。"
        }
        return result
    }

    /// An offline verifier over the keys and issuer names published now.
    public func verifier() async throws -> LicenseVerifier {
        let keys = try await keys.publishedKeys()
        let names = try await issuers().map { ($0.creditCode, $0.name) }
        return LicenseVerifier(
            keys: keys, issuerNames: Dictionary(names, uniquingKeysWith: { first, _ in first }), prefix: Self.codePrefix
        )
    }

    /// The issuers' public keys, for `/.well-known/` publication.
    public func publishedKeys() async throws -> [PublishedIssuerKey] {
        try await keys.publishedKeys()
    }

    /// Every license that is not valid, for the published status list (verifiers cache it offline).
    public func statusList() async throws -> [LicenseStatusEntry] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT identifier, status, updated_at FROM lic_licenses WHERE status <> 'valid' ORDER BY identifier
                """
            ).all().map { row in
                LicenseStatusEntry(
                    identifier: try row.decode(column: "identifier", as: String.self),
                    status: LicenseStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .revoked,
                    since: try row.decode(column: "updated_at", as: Date.self))
            }
        }
    }
}
