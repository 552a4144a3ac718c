import Foundation
import Licenses
import Storage

extension LicenseAPIModels {
    /// `POST /api/v1/licenses/verify`: the scanned or pasted text.
    struct VerifyRequest: Decodable {
        var code: String
    }

    /// A label and its value as the code carries them.
    struct FieldValue: Codable {
        var label: String
        var value: String
    }

    /// What a license code asserts, once its signature checked out.
    struct Claims: Codable {
        var identifier: String
        var type: String
        var typeName: String
        var issuer: String
        var holderNameMasked: String
        var fields: [FieldValue]
        var issuedAt: Date
        var expiresAt: Date?

        init(_ claims: LicenseClaims) {
            identifier = claims.identifier.description
            type = claims.typeKey
            typeName = claims.typeName
            issuer = claims.issuer
            holderNameMasked = claims.holderNameMasked
            fields = claims.fields.compactMap { $0.count == 2 ? FieldValue(label: $0[0], value: $0[1]) : nil }
            issuedAt = claims.issuedAt
            expiresAt = claims.expiresAt
        }
    }

    /// The answer of a verification: the verdict always, the claims when the signature checked out.
    struct Verification: Codable {
        var verdict: String
        var valid: Bool
        var reason: String
        var claims: Claims?
        var issuerName: String?
        var kid: String?
        var algorithm: String?
        var statusChecked: Bool

        init(_ verification: LicenseVerification) {
            verdict = verification.verdict.rawValue
            valid = verification.isValid
            reason = verification.reason
            claims = verification.claims.map(Claims.init)
            issuerName = verification.issuerName
            kid = verification.kid
            algorithm = verification.algorithm
            statusChecked = verification.statusChecked
        }
    }

    /// One published issuer key: the JWK with the issuer and its active period.
    struct PublishedKey: Codable {
        var kty: String
        var crv: String
        var x: String
        var y: String
        var kid: String
        var alg: String
        var use: String
        var issuer: String
        var issuerName: String?
        var createdAt: Date
        var retiredAt: Date?

        init(_ key: PublishedIssuerKey, issuerName: String?) {
            kty = key.jwk.kty
            crv = key.jwk.crv
            x = key.jwk.x
            y = key.jwk.y
            kid = key.jwk.kid
            alg = key.jwk.alg
            use = key.jwk.use
            issuer = key.issuer
            self.issuerName = issuerName
            createdAt = key.createdAt
            retiredAt = key.retiredAt
        }
    }

    /// `/.well-known/zhengtong/license-keys.json`.
    struct KeySet: Codable {
        var keys: [PublishedKey]
    }

    /// `/api/v1/licenses/status-list`: every license that no longer verifies.
    struct StatusList: Codable {
        var generatedAt: Date
        var items: [LicenseStatusEntry]
    }
}
