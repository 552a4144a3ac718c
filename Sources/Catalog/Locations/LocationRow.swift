package import CatalogModel
import Foundation
import Kernel
package import SQLKit

/// How a location is written to and read from `cat_locations`.
package enum LocationRow {
    package static let columns =
        "id, code, name, division_code, department_id, address, hours, phone, windows, latitude, longitude"

    package static func decode(_ row: any SQLRow) throws -> ServiceLocation {
        ServiceLocation(
            id: try row.decode(column: "id", as: UUID.self), code: try row.decode(column: "code", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            divisionCode: try DivisionCode(try row.decode(column: "division_code", as: String.self)),
            departmentID: try row.decode(column: "department_id", as: UUID?.self),
            address: try row.decode(column: "address", as: String.self),
            hours: try row.decode(column: "hours", as: String.self),
            phone: try row.decode(column: "phone", as: String.self),
            windows: try row.decode(column: "windows", as: Int.self),
            latitude: try row.decode(column: "latitude", as: Double.self),
            longitude: try row.decode(column: "longitude", as: Double.self))
    }

    /// Inserts the location, or replaces the one with the same code (keeping its id).
    package static func upsert(_ location: ServiceLocation, sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO cat_locations (\(unsafeRaw: columns))
            VALUES (\(bind: location.id), \(bind: location.code), \(bind: location.name),
                \(bind: location.divisionCode.rawValue), \(bind: location.departmentID), \(bind: location.address),
                \(bind: location.hours), \(bind: location.phone), \(bind: location.windows), \(bind: location.latitude),
                \(bind: location.longitude))
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, division_code = excluded.division_code,
                department_id = excluded.department_id, address = excluded.address, hours = excluded.hours,
                phone = excluded.phone, windows = excluded.windows, latitude = excluded.latitude,
                longitude = excluded.longitude
            """
        ).run()
    }
}
