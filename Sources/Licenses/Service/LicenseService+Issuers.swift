public import Foundation
public import Identity
import Kernel
package import SQLKit
import Storage

extension LicenseService {
    /// Registers `departmentID` as an issuer under `creditCode`, or changes its name; the code is fixed
    /// once licenses carry it. Needs `licenses.keys` for the department.
    public func registerIssuer(departmentID: UUID, creditCode: String, name: String, by staff: StaffActor)
        async throws -> LicenseIssuer
    {
        let code = try UnifiedSocialCreditCode(creditCode).rawValue
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(name.count) else { throw Self.invalid("issuer-name", "发证机关名称应为1至100字。") }
        return try await database.transaction { tx in
            try await organisation.authorize(staff, .licensesKeys, department: departmentID, sql: tx.sql)
            let issuer = LicenseIssuer(departmentID: departmentID, creditCode: code, name: name)
            try await upsertIssuer(issuer, sql: tx.sql)
            try await audit.append(
                staff.auditActor.entry(
                    action: "licenses.issuer-registered", objectType: "department", objectID: departmentID.uuidString,
                    changeDigest: code), in: tx)
            return issuer
        }
    }

    /// The issuer registered for `departmentID`, if any.
    public func issuer(departmentID: UUID) async throws -> LicenseIssuer? {
        try await database.read { sql in try await Self.issuer(departmentID, sql: sql) }
    }

    package static func issuer(_ departmentID: UUID, sql: any SQLDatabase) async throws -> LicenseIssuer? {
        try await sql.raw(
            "SELECT department_id, credit_code, name FROM lic_issuers WHERE department_id = \(bind: departmentID)"
        ).first().map(issuer(from:))
    }

    /// An issuer from a row with `department_id`, `credit_code` and `name`.
    package static func issuer(from row: any SQLRow) throws -> LicenseIssuer {
        LicenseIssuer(
            departmentID: try row.decode(column: "department_id", as: UUID.self),
            creditCode: try row.decode(column: "credit_code", as: String.self),
            name: try row.decode(column: "name", as: String.self))
    }

    package func upsertIssuer(_ issuer: LicenseIssuer, sql: any SQLDatabase) async throws {
        if let existing = try await Self.issuer(issuer.departmentID, sql: sql) {
            guard existing.creditCode == issuer.creditCode else {
                throw Self.conflict("issuer-code-fixed", "发证机关的统一社会信用代码已用于证照标识，不能更改。")
            }
            try await sql.raw(
                "UPDATE lic_issuers SET name = \(bind: issuer.name) WHERE department_id = \(bind: issuer.departmentID)"
            ).run()
        } else {
            let taken = try await sql.raw(
                "SELECT department_id FROM lic_issuers WHERE credit_code = \(bind: issuer.creditCode)"
            ).first()
            guard taken == nil else {
                throw Self.conflict("issuer-code-taken", "这个统一社会信用代码已登记给另一个部门。")
            }
            try await sql.raw(
                """
                INSERT INTO lic_issuers (department_id, credit_code, name, created_at)
                VALUES (\(bind: issuer.departmentID), \(bind: issuer.creditCode), \(bind: issuer.name), \(bind: clock.now()))
                """
            ).run()
        }
    }

    /// The issuer of `type` here, or a clear refusal when its department is not registered.
    package func issuer(of type: LicenseType, sql: any SQLDatabase) async throws -> LicenseIssuer {
        guard let departmentID = try await organisation.departmentID(code: type.issuerDepartment, sql: sql),
            let issuer = try await Self.issuer(departmentID, sql: sql)
        else {
            throw DomainError(
                .conflict, code: "licenses.no-issuer", title: "发证机关未登记",
                detail: "\(type.name)的发证部门（\(type.issuerDepartment)）尚未登记统一社会信用代码，暂不能签发。")
        }
        return issuer
    }
}
