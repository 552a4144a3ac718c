import Catalog
public import CatalogModel

extension CatalogDocument {
    /// One 一件事 bundle.
    public struct BundleEntry: Codable, Sendable, Hashable {
        /// The stable public code, such as `newborn`.
        public var code: String
        /// The name.
        public var name: String
        /// Whom it serves.
        public var audience: Audience
        /// The life event it belongs to.
        public var lifeEvent: LifeEvent
        /// What it is for.
        public var summary: String
        /// The business codes of its items, in order.
        public var itemCodes: [String]
        /// Whether the public sees it.
        public var published: Bool

        /// Creates an entry.
        public init(
            code: String, name: String, audience: Audience, lifeEvent: LifeEvent, summary: String,
            itemCodes: [String], published: Bool = true
        ) {
            self.code = code
            self.name = name
            self.audience = audience
            self.lifeEvent = lifeEvent
            self.summary = summary
            self.itemCodes = itemCodes
            self.published = published
        }
    }
}
