public import Foundation
import Kernel
import SQLKit
import Storage

extension LicenseService {
    /// A share link for one of the person's own licenses, valid 5 minutes to 7 days; audited.
    public func share(_ licenseID: UUID, personID: UUID, validForMinutes: Int) async throws -> LicenseShare {
        guard (5...10_080).contains(validForMinutes) else {
            throw Self.invalid("share-duration", "分享有效期应在5分钟至7天之间。")
        }
        let license = try await license(licenseID, personID: personID)
        guard license.status == .valid else {
            throw Self.conflict("share-status", "证照当前为“\(license.status.label)”，不能分享。")
        }
        let token = RandomToken.make(byteCount: 24)
        let share = LicenseShare(
            token: token, licenseID: licenseID, expiresAt: clock.now().addingTimeInterval(Double(validForMinutes) * 60))
        try await database.transaction { tx in
            try await tx.sql.raw(
                """
                INSERT INTO lic_shares (token_hash, license_id, person_id, expires_at, created_at)
                VALUES (\(bind: Self.tokenHash(token)), \(bind: licenseID), \(bind: personID),
                    \(bind: share.expiresAt), \(bind: clock.now()))
                """
            ).run()
            try await audit.append(
                Actor(id: personID.uuidString, channel: "web", clientAddress: "-", roles: ["person"]).entry(
                    action: "licenses.shared", objectType: "license", objectID: licenseID.uuidString,
                    changeDigest: String(validForMinutes)), in: tx)
        }
        return share
    }

    /// What a share link shows: the license's verification; an unknown or expired link is "not found".
    public func openShare(_ token: String) async throws -> LicenseVerification {
        guard token.count <= 100 else { throw Self.shareGone() }
        let code = try await database.read { sql in
            try await sql.raw(
                """
                SELECT l.code FROM lic_shares s JOIN lic_licenses l ON l.id = s.license_id
                WHERE s.token_hash = \(bind: Self.tokenHash(token)) AND s.expires_at > \(bind: clock.now())
                """
            ).first()?.decode(column: "code", as: String.self)
        }
        guard let code else { throw Self.shareGone() }
        return try await verify(code)
    }

    static func tokenHash(_ token: String) -> String {
        HashAlgorithm.sha256.hexDigest(token)
    }

    private static func shareGone() -> DomainError {
        DomainError(.notFound, code: "licenses.share-gone", title: "分享链接无效", detail: "分享链接不存在或已过期，请向持证人重新索取。")
    }
}
