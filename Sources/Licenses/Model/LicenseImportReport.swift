/// What a bulk import of legacy licenses did: what it issued and which rows it refused, and why.
public struct LicenseImportReport: Sendable, Equatable, Codable {
    /// A refused row.
    public struct Rejection: Sendable, Equatable, Codable {
        /// The data row's number, 1 for the first row after the header.
        public var row: Int
        /// Why, in Chinese.
        public var reason: String
    }

    /// The identifiers issued, in row order.
    public var imported: [String]
    /// The rows refused.
    public var rejected: [Rejection]
}
