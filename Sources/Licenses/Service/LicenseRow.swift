import Foundation
import Kernel
import SQLKit
import Storage

/// Reads and writes `lic_licenses` rows.
enum LicenseRow {
    static let fieldsContext = "lic_licenses.fields"
    static let columns = """
        id, identifier, type_key, department_id, holder_kind, holder_name_masked, fields_sealed, status, status_reason,
        issued_on, valid_until, case_id, code
        """

    static func insert(
        _ license: License, type: LicenseType, issuer: LicenseIssuer, serial: String, version: Int,
        holderIndex: String, representativeIndex: String?, fieldsSealed: [UInt8], applicantAccount: UUID?, kid: String,
        supersedes: UUID?,
        now: Date, sql: any SQLDatabase
    ) async throws {
        try await sql.raw(
            """
            INSERT INTO lic_licenses (id, identifier, type_key, issuer_code, serial, version, department_id,
                holder_kind, holder_index, representative_index, holder_name_masked, fields_sealed, status, issued_on, valid_until,
                case_id, applicant_account, code, kid, supersedes, created_at, updated_at)
            VALUES (\(bind: license.id), \(bind: license.identifier.description), \(bind: type.key),
                \(bind: issuer.creditCode), \(bind: serial), \(bind: version), \(bind: issuer.departmentID),
                \(bind: type.holder.rawValue), \(bind: holderIndex), \(bind: representativeIndex),
                \(bind: license.holderNameMasked),
                \(bind: Data(fieldsSealed)), \(bind: license.status.rawValue), \(bind: license.issuedOn.description),
                \(bind: license.validUntil?.description), \(bind: license.caseID), \(bind: applicantAccount),
                \(bind: license.code), \(bind: kid), \(bind: supersedes), \(bind: now), \(bind: now))
            """
        ).run()
    }

    /// A license from a row selected with `columns`.
    static func decode(
        _ row: any SQLRow, catalogue: LicenseTypeCatalogue, issuers: [UUID: String], sealer: FieldSealer
    ) throws -> License {
        let typeKey = try row.decode(column: "type_key", as: String.self)
        let departmentID = try row.decode(column: "department_id", as: UUID.self)
        let sealed = try row.decode(column: "fields_sealed", as: Data.self)
        let fields = try JSONDecoder().decode(
            [String: String].self, from: Data(try sealer.open(Array(sealed), context: fieldsContext).utf8))
        guard let holderKind = LicenseHolderKind(rawValue: try row.decode(column: "holder_kind", as: String.self)),
            let status = LicenseStatus(rawValue: try row.decode(column: "status", as: String.self))
        else { throw DomainError(.unavailable, code: "licenses.bad-row", title: "证照数据有误", detail: "证照记录无法读取。") }
        return License(
            id: try row.decode(column: "id", as: UUID.self),
            identifier: try LicenseIdentifier(try row.decode(column: "identifier", as: String.self)),
            typeKey: typeKey, typeName: catalogue.type(typeKey)?.name ?? typeKey,
            issuerName: issuers[departmentID] ?? "", holderKind: holderKind,
            holderNameMasked: try row.decode(column: "holder_name_masked", as: String.self), fields: fields,
            status: status, statusReason: try row.decode(column: "status_reason", as: String?.self),
            issuedOn: try CalendarDay(parsing: try row.decode(column: "issued_on", as: String.self)),
            validUntil: try (try row.decode(column: "valid_until", as: String?.self)).map {
                text throws(DomainError) in try CalendarDay(parsing: text)
            },
            caseID: try row.decode(column: "case_id", as: UUID?.self),
            code: try row.decode(column: "code", as: String.self))
    }

    /// Issuer names by department, for decoding rows.
    static func issuerNames(sql: any SQLDatabase) async throws -> [UUID: String] {
        var names: [UUID: String] = [:]
        for row in try await sql.raw("SELECT department_id, name FROM lic_issuers").all() {
            names[try row.decode(column: "department_id", as: UUID.self)] = try row.decode(
                column: "name", as: String.self)
        }
        return names
    }
}
