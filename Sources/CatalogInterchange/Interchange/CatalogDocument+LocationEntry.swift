import Catalog
import CatalogModel

extension CatalogDocument {
    /// One service location.
    public struct LocationEntry: Codable, Sendable, Hashable {
        /// The stable public code guides refer to.
        public var code: String
        /// The name.
        public var name: String
        /// The division it lies in, six digits.
        public var divisionCode: String
        /// The code of the department that runs it, if one does.
        public var departmentCode: String?
        /// The street address.
        public var address: String
        /// Opening hours.
        public var hours: String
        /// The telephone.
        public var phone: String
        /// How many counters it has.
        public var windows: Int
        /// WGS-84 latitude.
        public var latitude: Double
        /// WGS-84 longitude.
        public var longitude: Double

        /// Creates an entry.
        public init(
            code: String, name: String, divisionCode: String, departmentCode: String? = nil, address: String,
            hours: String, phone: String, windows: Int, latitude: Double, longitude: Double
        ) {
            self.code = code
            self.name = name
            self.divisionCode = divisionCode
            self.departmentCode = departmentCode
            self.address = address
            self.hours = hours
            self.phone = phone
            self.windows = windows
            self.latitude = latitude
            self.longitude = longitude
        }
    }
}
