public import Foundation
import Kernel
import SQLKit
import Storage

extension OrganisationService {
    /// A person's name, 身份证号 and phone in clear, for a stated reason.
    ///
    /// Needs `person.read-clear`. The reveal, with a digest of the reason, is written to the audit
    /// log in the same transaction that reads the data, so no clear read goes unrecorded.
    public func revealPerson(_ personID: UUID, reason: String, by staff: StaffActor) async throws -> PersonInClear {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...200).contains(reason.count) else {
            throw DomainError(
                .invalid, code: "identity.reveal-reason", title: "请填写查看事由", detail: "查看个人信息明文须填写事由（2 至 200 字），例如办件编号。")
        }
        let row = try await database.transaction { tx in
            try await authorized(staff, .personReadClear, department: nil, sql: tx.sql)
            guard
                let row = try await tx.sql.raw(
                    "SELECT name_sealed, id_number_sealed, phone_sealed FROM idn_people WHERE id = \(bind: personID)"
                ).first()
            else {
                throw DomainError(.notFound, code: "identity.no-account", title: "账号不存在", detail: "没有找到这个账号。")
            }
            try await audit.append(
                staff.auditActor.entry(
                    action: "identity.person-reveal", objectType: "person", objectID: personID.uuidString,
                    changeDigest: try audit.digest(of: ["reason": reason])), in: tx)
            return [
                try row.decode(column: "name_sealed", as: Data.self),
                try row.decode(column: "id_number_sealed", as: Data.self),
                try row.decode(column: "phone_sealed", as: Data.self),
            ]
        }
        return PersonInClear(
            id: personID, name: try sealer.open(Array(row[0]), context: "idn_people.name"),
            idNumber: try sealer.open(Array(row[1]), context: "idn_people.id_number"),
            phone: try sealer.open(Array(row[2]), context: "idn_people.phone"))
    }
}
