import Catalog
import CatalogModel

extension CatalogDocument {
    /// One item of the implementation list with its versions.
    public struct ItemEntry: Codable, Sendable, Hashable {
        /// 业务办理项编码, 33 characters.
        public var businessCode: String
        /// The implementing department's code, such as `SJZ-SCJGJ`.
        public var departmentCode: String
        /// The division it is implemented in, six digits.
        public var divisionCode: String
        /// Its versions, by number.
        public var versions: [VersionEntry]

        /// Creates an entry.
        public init(businessCode: String, departmentCode: String, divisionCode: String, versions: [VersionEntry]) {
            self.businessCode = businessCode
            self.departmentCode = departmentCode
            self.divisionCode = divisionCode
            self.versions = versions
        }
    }
}
