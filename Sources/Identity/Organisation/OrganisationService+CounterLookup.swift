import Foundation
import Kernel
import SQLKit
import Storage

extension OrganisationService {
    /// Finds the account of the person standing at the counter by their 身份证号, masked.
    ///
    /// Needs `cases.intake`; every lookup is audited, found or not, because it tells whether
    /// someone has an account.
    public func counterLookup(idNumber text: String, by staff: StaffActor) async throws -> PersonProfile? {
        let number = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard number.count == 18 else {
            throw DomainError(.invalid, code: "identity.bad-id-number", title: "身份证号不正确", detail: "请输入 18 位居民身份证号码。")
        }
        let index = sealer.blindIndex(number, context: "idn_people.id_number")
        return try await database.transaction { tx in
            try await authorized(staff, .casesIntake, department: nil, sql: tx.sql)
            let row = try await tx.sql.raw(
                """
                SELECT id, name_masked, id_number_masked, phone_masked, real_name_level, created_at
                FROM idn_people WHERE id_number_index = \(bind: index)
                """
            ).first()
            try await audit.append(
                staff.auditActor.entry(
                    action: "identity.counter-lookup", objectType: "person",
                    objectID: try row?.decode(column: "id", as: UUID.self).uuidString ?? "-",
                    changeDigest: row == nil ? "not-found" : "found"), in: tx)
            return try row.map(IdentityService.profile)
        }
    }
}
