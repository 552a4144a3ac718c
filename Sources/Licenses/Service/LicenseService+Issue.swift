package import Foundation
public import Identity
package import Kernel
import SQLKit
import Signing
package import Storage

extension LicenseService {
    /// Issues a license by hand; needs `licenses.issue` for the type's issuing department.
    public func issue(_ command: IssueLicense, by staff: StaffActor) async throws -> License {
        guard let type = catalogue.type(command.typeKey) else {
            throw Self.invalid("unknown-type", "没有“\(command.typeKey)”这种证照类型。")
        }
        let fields = try LicenseFieldRules.checked(command.fields, type: type, clock: clock)
        let issuedOn = try command.issuedOn.map { text throws(DomainError) in try CalendarDay(parsing: text) }
        return try await database.transaction { tx in
            let issuer = try await issuer(of: type, sql: tx.sql)
            try await organisation.authorize(staff, .licensesIssue, department: issuer.departmentID, sql: tx.sql)
            return try await insert(
                type: type, fields: fields, issuer: issuer, issuedOn: issuedOn ?? CalendarDay.today(clock),
                origin: .init(action: "issued", actor: staff.auditActor), in: tx)
        }
    }

    /// Where a new license came from, for its history, the audit log and its event.
    package struct Origin: Sendable {
        var action: String
        var actor: Actor
        var caseID: UUID? = nil
        var applicantAccount: UUID? = nil
        var serial: String? = nil
        var version = 1
        var supersedes: UUID? = nil
    }

    /// Signs and stores a license whose fields are already checked, within `tx`.
    package func insert(
        type: LicenseType, fields: [String: String], issuer: LicenseIssuer, issuedOn: CalendarDay, origin: Origin,
        in tx: Transaction
    ) async throws -> License {
        let now = clock.now()
        let serial = origin.serial ?? Self.newSerial(year: CalendarDay(now).year)
        let identifier = try LicenseIdentifier(
            typeCode: type.code, issuerCode: issuer.creditCode, serial: serial, version: origin.version)
        // Valid for whole years: the day before the anniversary (29 February falls back to the 28th).
        let validUntil = type.validYears.map { years in
            let year = issuedOn.year + years
            let anniversary =
                (try? CalendarDay(year: year, month: issuedOn.month, day: issuedOn.day))
                ?? (try? CalendarDay(year: year, month: issuedOn.month, day: 28))
            return anniversary?.adding(days: -1) ?? issuedOn
        }
        let holderName = fields[type.holderNameField] ?? ""
        let holderNameMasked =
            type.field(type.holderNameField)?.isPersonal == true ? Masking.name(holderName) : holderName
        let claims = LicenseClaims(
            issuer: issuer.creditCode, issuedAt: now, expiresAt: validUntil?.adding(days: 1).startDate,
            identifier: identifier, typeKey: type.key, typeName: type.name, holderNameMasked: holderNameMasked,
            fields: Self.codeFields(fields, type: type))
        let key = try await keys.liveKey(issuer: issuer.creditCode, algorithm: algorithm, in: tx)
        let code = try LicenseCodec.seal(claims, with: key, prefix: Self.codePrefix)
        let license = License(
            id: UUID(), identifier: identifier, typeKey: type.key, typeName: type.name, issuerName: issuer.name,
            holderKind: type.holder, holderNameMasked: holderNameMasked, fields: fields, status: .valid,
            statusReason: nil, issuedOn: issuedOn, validUntil: validUntil, caseID: origin.caseID, code: code)
        try await LicenseRow.insert(
            license, type: type, issuer: issuer, serial: serial, version: origin.version,
            holderIndex: holderIndex(fields[type.holderIDField] ?? ""),
            representativeIndex: type.representativeIDField.flatMap { fields[$0] }.map(holderIndex),
            fieldsSealed: try sealer.seal(Self.json(fields), context: LicenseRow.fieldsContext),
            applicantAccount: origin.applicantAccount, kid: key.kid, supersedes: origin.supersedes, now: now,
            sql: tx.sql)
        try await record(license.id, action: origin.action, actor: origin.actor, reason: nil, in: tx)
        try await tx.publish(
            DomainEvent(
                type: "licenses.license-issued", aggregateType: "license", aggregateID: license.id.uuidString,
                value: LicenseEventPayload(license, departmentID: issuer.departmentID), occurredAt: now))
        return license
    }

    /// Writes the history line and the audit entry of a command on `licenseID`.
    package func record(_ licenseID: UUID, action: String, actor: Actor, reason: String?, in tx: Transaction)
        async throws
    {
        try await tx.sql.raw(
            """
            INSERT INTO lic_history (id, license_id, seq, action, actor, reason, at)
            SELECT \(bind: UUID()), \(bind: licenseID), COALESCE(MAX(seq), 0) + 1, \(bind: action), \(bind: actor.id),
                \(bind: reason), \(bind: clock.now())
            FROM lic_history WHERE license_id = \(bind: licenseID)
            """
        ).run()
        try await audit.append(
            actor.entry(
                action: "licenses.\(action)", objectType: "license", objectID: licenseID.uuidString,
                changeDigest: try audit.digest(of: reason ?? "")), in: tx)
    }

    /// The `[label, value]` pairs the QR code carries: the type's code fields, personal values masked.
    static func codeFields(_ fields: [String: String], type: LicenseType) -> [[String]] {
        type.fields.filter(\.inCode).compactMap { field in
            guard let value = fields[field.key] else { return nil }
            switch field.kind {
            case .personName: return [field.label, Masking.name(value)]
            case .idNumber: return [field.label, Masking.idNumber(value)]
            default: return [field.label, value]
            }
        }
    }

    /// A serial: the year and ten random capitals or digits, unique with overwhelming odds.
    static func newSerial(year: Int) -> String {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var generator = SystemRandomNumberGenerator()
        return String(year) + String((0..<10).map { _ in alphabet.randomElement(using: &generator)! })
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
