public import Foundation
public import Identity
import Kernel
import SQLKit
public import Signing
public import Storage

extension LicenseService {
    /// Retires the department's live key for `algorithm` and makes a new one; licenses signed with the old
    /// key keep verifying. Needs `licenses.keys` for the department; audited.
    public func rotateKey(departmentID: UUID, algorithm: SigningAlgorithm, by staff: StaffActor) async throws
        -> PublishedIssuerKey
    {
        try await database.transaction { tx in
            try await organisation.authorize(staff, .licensesKeys, department: departmentID, sql: tx.sql)
            guard let issuer = try await Self.issuer(departmentID, sql: tx.sql) else {
                throw DomainError(.conflict, code: "licenses.no-issuer", title: "发证机关未登记", detail: "该部门尚未登记为发证机关。")
            }
            let key = try await keys.rotate(issuer: issuer.creditCode, algorithm: algorithm, in: tx)
            try await audit.append(
                staff.auditActor.entry(
                    action: "licenses.key-rotated", objectType: "department", objectID: departmentID.uuidString,
                    changeDigest: key.kid), in: tx)
            return PublishedIssuerKey(jwk: key.jwk, issuer: issuer.creditCode, createdAt: clock.now(), retiredAt: nil)
        }
    }

    /// Every registered issuer, by name.
    public func issuers() async throws -> [LicenseIssuer] {
        try await database.read { sql in
            try await sql.raw("SELECT department_id, credit_code, name FROM lic_issuers ORDER BY name").all()
                .map(Self.issuer(from:))
        }
    }

    /// The type catalogue the service issues from.
    public var types: [LicenseType] { catalogue.types }
}
