public import Foundation
public import Identity
import Kernel
import SQLKit
import Storage

extension LicenseService {
    /// The person's wallet (证照夹): licenses they hold; those of the enterprises they represent or are
    /// a current agent of (我的企业); those naming them as legal representative; and those issued on
    /// cases they filed for an organisation. Newest first; superseded versions are left out.
    public func wallet(personID: UUID) async throws -> [License] {
        let person = try await identity.applicantInClear(personID)
        let memberships = try await enterprises.myEnterprises(
            by: Actor(id: personID.uuidString, channel: "web", clientAddress: "-", roles: ["person"]))
        let index = holderIndex(person.idNumber)
        let holders = [index] + memberships.map { holderIndex($0.enterprise.creditCode) }
        return try await database.read { sql in
            let names = try await LicenseRow.issuerNames(sql: sql)
            return try await sql.raw(
                """
                SELECT \(unsafeRaw: LicenseRow.columns) FROM lic_licenses
                WHERE (holder_index IN (\(binds: holders)) OR representative_index = \(bind: index)
                    OR applicant_account = \(bind: personID)) AND status <> 'superseded'
                ORDER BY created_at DESC, id
                """
            ).all().map { try LicenseRow.decode($0, catalogue: catalogue, issuers: names, sealer: sealer) }
        }
    }

    /// One license of the person's wallet; another's license is "not found".
    public func license(_ licenseID: UUID, personID: UUID) async throws -> License {
        guard let license = try await wallet(personID: personID).first(where: { $0.id == licenseID }) else {
            throw Self.notFound()
        }
        return license
    }

    /// One license for staff of its issuing department.
    public func license(_ licenseID: UUID, by staff: StaffActor) async throws -> License {
        try await database.read { sql in try await staffLoad(licenseID, by: staff, sql: sql) }
    }

    /// The licenses of the departments `staff` issues for, newest first, optionally of one type.
    public func issued(by staff: StaffActor, typeKey: String? = nil, limit: Int = 100) async throws -> [License] {
        try await database.read { sql in
            let reach = try await organisation.departments(reachableBy: staff, with: .licensesIssue, sql: sql)
            if reach?.isEmpty == true { return [] }
            var query = sql.select().column(SQLRaw(LicenseRow.columns)).from("lic_licenses")
            if let reach { query = query.where("department_id", .in, SQLBind.group(Array(reach))) }
            if let typeKey { query = query.where("type_key", .equal, typeKey) }
            let rows = try await query.orderBy("created_at", .descending).orderBy("id")
                .limit(max(1, min(limit, 500))).all()
            let names = try await LicenseRow.issuerNames(sql: sql)
            return try rows.map { try LicenseRow.decode($0, catalogue: catalogue, issuers: names, sealer: sealer) }
        }
    }

    /// The approved cases of `staff`'s departments still waiting for a license issued by hand.
    public func pending(by staff: StaffActor) async throws -> [PendingIssue] {
        try await database.read { sql in
            let reach = try await organisation.departments(reachableBy: staff, with: .licensesIssue, sql: sql)
            if reach?.isEmpty == true { return [] }
            var query = sql.select().columns("case_id", "case_number", "type_key", "reason", "created_at")
                .from("lic_pending").where("resolved_at", .is, SQLLiteral.null)
            if let reach { query = query.where("department_id", .in, SQLBind.group(Array(reach))) }
            return try await query.orderBy("created_at").limit(500).all().map { row in
                PendingIssue(
                    caseID: try row.decode(column: "case_id", as: UUID.self),
                    caseNumber: try row.decode(column: "case_number", as: String?.self),
                    typeKey: try row.decode(column: "type_key", as: String.self),
                    reason: try row.decode(column: "reason", as: String.self),
                    createdAt: try row.decode(column: "created_at", as: Date.self))
            }
        }
    }

    /// The history of a license, for staff of its department.
    public func history(_ licenseID: UUID, by staff: StaffActor) async throws -> [LicenseHistoryEntry] {
        try await database.read { sql in
            _ = try await staffLoad(licenseID, by: staff, sql: sql)
            return try await sql.raw(
                "SELECT action, actor, reason, at FROM lic_history WHERE license_id = \(bind: licenseID) ORDER BY seq"
            ).all().map { row in
                LicenseHistoryEntry(
                    action: try row.decode(column: "action", as: String.self),
                    actor: try row.decode(column: "actor", as: String.self),
                    reason: try row.decode(column: "reason", as: String?.self),
                    at: try row.decode(column: "at", as: Date.self))
            }
        }
    }
}
