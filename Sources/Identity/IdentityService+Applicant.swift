package import Foundation
import Kernel
import SQLKit
import Storage

extension IdentityService {
    /// The person's own name, 身份证号 and phone in clear, to stand as the applicant of a case they
    /// file themselves; the case seals them again under its own context.
    ///
    /// Package-only: no page or API can reach it, only a domain acting on the person's own command.
    package func applicantInClear(_ personID: UUID) async throws -> PersonInClear {
        guard
            let row = try await database.read({ sql in
                try await sql.raw(
                    "SELECT name_sealed, id_number_sealed, phone_sealed FROM idn_people WHERE id = \(bind: personID)"
                ).first()
            })
        else {
            throw DomainError(.notFound, code: "identity.no-account", title: "账号不存在", detail: "没有找到这个账号。")
        }
        return PersonInClear(
            id: personID,
            name: try sealer.open(
                Array(try row.decode(column: "name_sealed", as: Data.self)), context: "idn_people.name"),
            idNumber: try sealer.open(
                Array(try row.decode(column: "id_number_sealed", as: Data.self)), context: "idn_people.id_number"),
            phone: try sealer.open(
                Array(try row.decode(column: "phone_sealed", as: Data.self)), context: "idn_people.phone"))
    }
}
