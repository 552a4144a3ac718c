package import CatalogModel
package import Foundation
import Kernel
package import SQLKit

/// How an item is read from `cat_items`.
package enum ItemRow {
    package static let columns = "id, business_code, department_id, division_code"

    package static func decode(_ row: any SQLRow) throws -> ServiceItem {
        ServiceItem(
            id: try row.decode(column: "id", as: UUID.self),
            businessCode: try BusinessItemCode(try row.decode(column: "business_code", as: String.self)),
            departmentID: try row.decode(column: "department_id", as: UUID.self),
            divisionCode: try DivisionCode(try row.decode(column: "division_code", as: String.self)))
    }

    package static func insert(_ item: ServiceItem, at now: Date, sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO cat_items (id, business_code, implementation_code, base_code, department_id,
                division_code, created_at)
            VALUES (\(bind: item.id), \(bind: item.businessCode.rawValue), \(bind: item.implementationCode.rawValue),
                \(bind: item.baseCode.rawValue), \(bind: item.departmentID), \(bind: item.divisionCode.rawValue),
                \(bind: now))
            """
        ).run()
    }
}
