import Foundation
import SQLKit

extension OrganisationService {
    /// Every department, parents before children, for public pages such as the service hall's
    /// list of departments.
    ///
    /// A department's name, code and place in the tree are public information (政府信息公开), so
    /// this read names no actor; the staff directory stays behind `organisation.read`.
    public func publicDepartments() async throws -> [Department] {
        try await database.read { sql in
            try await sql.raw(
                "SELECT \(unsafeRaw: Self.departmentColumns) FROM idn_departments ORDER BY depth, code"
            ).all().map(Self.decodeDepartment)
        }
    }
}
