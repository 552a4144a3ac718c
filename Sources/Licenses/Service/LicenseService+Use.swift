import Cases
public import Foundation
public import Identity
import Kernel
import SQLKit
import Storage

extension LicenseService {
    /// The case's materials a license can satisfy, each with the applicant's valid licenses of that type.
    public func authorisableLicenses(caseID: UUID, personID: UUID) async throws
        -> [AuthorisableMaterial]
    {
        let (_, materials) = try await cases.licenseMaterials(caseID, by: Self.applicant(personID))
        let wallet = try await wallet(personID: personID).filter { $0.status == .valid }
        let granted = try await authorisations(caseID: caseID)
        return materials.map { material in
            AuthorisableMaterial(
                code: material.code, name: material.name,
                candidates: wallet.filter { $0.typeKey == material.licenseType },
                authorised: granted.first { $0.materialCode == material.code }?.licenseID)
        }
    }

    /// The applicant lets the case's department use one of their licenses for a material; audited.
    public func authoriseUse(
        _ licenseID: UUID, caseID: UUID, materialCode: String, personID: UUID
    ) async throws -> LicenseAuthorisation {
        let (_, materials) = try await cases.licenseMaterials(caseID, by: Self.applicant(personID))
        guard let material = materials.first(where: { $0.code == materialCode }) else {
            throw Self.invalid("use-material", "这个办件没有可用电子证照代替的材料“\(materialCode)”。")
        }
        let license = try await license(licenseID, personID: personID)
        guard license.typeKey == material.licenseType else {
            throw Self.invalid("use-type", "\(material.name)需要“\(material.licenseType)”类证照，所选证照是\(license.typeName)。")
        }
        guard license.status == .valid, !license.isExpired(on: CalendarDay.today(clock)) else {
            throw Self.conflict(
                "use-status", "证照当前为“\(license.effectiveStatusLabel(on: CalendarDay.today(clock)))”，不能授权使用。")
        }
        let authorisation = LicenseAuthorisation(
            id: UUID(), licenseID: licenseID, caseID: caseID, materialCode: materialCode, grantedAt: clock.now())
        try await database.transaction { tx in
            try await tx.sql.raw(
                """
                UPDATE lic_authorisations SET withdrawn_at = \(bind: clock.now())
                WHERE case_id = \(bind: caseID) AND material_code = \(bind: materialCode) AND withdrawn_at IS NULL
                """
            ).run()
            try await tx.sql.raw(
                """
                INSERT INTO lic_authorisations (id, license_id, case_id, material_code, person_id, granted_at)
                VALUES (\(bind: authorisation.id), \(bind: licenseID), \(bind: caseID), \(bind: materialCode),
                    \(bind: personID), \(bind: authorisation.grantedAt))
                ON CONFLICT (case_id, material_code, license_id) DO UPDATE SET withdrawn_at = NULL,
                    granted_at = excluded.granted_at
                """
            ).run()
            try await audit.append(
                Self.applicant(personID).auditActor.entry(
                    action: "licenses.use-authorised", objectType: "case", objectID: caseID.uuidString,
                    changeDigest: license.identifier.description), in: tx)
        }
        return authorisation
    }

    /// The licenses authorised for a case, for staff who may read the case; each look is logged as a use
    /// the holder can see, and audited.
    public func licensesInCase(_ caseID: UUID, by staff: StaffActor) async throws -> [LicenseInCase] {
        let (record, materials) = try await cases.licenseMaterials(caseID, by: .staff(staff))
        let granted = try await authorisations(caseID: caseID)
        guard !granted.isEmpty else { return [] }
        let department = try await organisation.publicDepartments().first { $0.id == record.departmentID }?.name ?? ""
        return try await database.transaction { tx in
            let names = try await LicenseRow.issuerNames(sql: tx.sql)
            var found: [LicenseInCase] = []
            for authorisation in granted {
                guard
                    let row = try await tx.sql.raw(
                        "SELECT \(unsafeRaw: LicenseRow.columns) FROM lic_licenses WHERE id = \(bind: authorisation.licenseID)"
                    ).first()
                else { continue }
                let license = try LicenseRow.decode(row, catalogue: catalogue, issuers: names, sealer: sealer)
                try await tx.sql.raw(
                    """
                    INSERT INTO lic_uses (id, license_id, case_id, case_number, department_name, actor, used_at)
                    VALUES (\(bind: UUID()), \(bind: license.id), \(bind: caseID), \(bind: record.number),
                        \(bind: department), \(bind: staff.auditActor.id), \(bind: clock.now()))
                    """
                ).run()
                try await audit.append(
                    staff.auditActor.entry(
                        action: "licenses.used", objectType: "license", objectID: license.id.uuidString,
                        changeDigest: caseID.uuidString), in: tx)
                let name = materials.first { $0.code == authorisation.materialCode }?.name ?? authorisation.materialCode
                found.append(LicenseInCase(authorisation: authorisation, materialName: name, license: license))
            }
            return found
        }
    }

    /// Who used one of the person's licenses, newest first (谁用了我的证照).
    public func uses(_ licenseID: UUID, personID: UUID) async throws -> [LicenseUse] {
        _ = try await license(licenseID, personID: personID)
        return try await database.read { sql in
            try await sql.raw(
                """
                SELECT case_id, case_number, department_name, actor, used_at FROM lic_uses
                WHERE license_id = \(bind: licenseID) ORDER BY used_at DESC, id
                """
            ).all().map { row in
                LicenseUse(
                    caseID: try row.decode(column: "case_id", as: UUID.self),
                    caseNumber: try row.decode(column: "case_number", as: String?.self),
                    departmentName: try row.decode(column: "department_name", as: String.self),
                    actor: try row.decode(column: "actor", as: String.self),
                    usedAt: try row.decode(column: "used_at", as: Date.self))
            }
        }
    }

    private func authorisations(caseID: UUID) async throws -> [LicenseAuthorisation] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT id, license_id, material_code, granted_at FROM lic_authorisations
                WHERE case_id = \(bind: caseID) AND withdrawn_at IS NULL ORDER BY material_code
                """
            ).all().map { row in
                LicenseAuthorisation(
                    id: try row.decode(column: "id", as: UUID.self),
                    licenseID: try row.decode(column: "license_id", as: UUID.self), caseID: caseID,
                    materialCode: try row.decode(column: "material_code", as: String.self),
                    grantedAt: try row.decode(column: "granted_at", as: Date.self))
            }
        }
    }

    private static func applicant(_ personID: UUID) -> CaseActor {
        .applicant(accountID: personID, channel: .pc, clientAddress: "-")
    }
}
