import Catalog
public import CatalogModel

extension CatalogDocument {
    /// One version of an item's guide.
    public struct VersionEntry: Codable, Sendable, Hashable {
        /// 1, 2, 3… within the item.
        public var number: Int
        /// Draft, published or retired.
        public var status: VersionStatus
        /// The first day in force, `YYYY-MM-DD`; required unless a draft.
        public var effectiveFrom: String?
        /// The first day no longer in force, `YYYY-MM-DD`; required when retired.
        public var effectiveUntil: String?
        /// The content.
        public var guide: ItemGuide

        /// Creates an entry.
        public init(
            number: Int, status: VersionStatus, effectiveFrom: String? = nil, effectiveUntil: String? = nil,
            guide: ItemGuide
        ) {
            self.number = number
            self.status = status
            self.effectiveFrom = effectiveFrom
            self.effectiveUntil = effectiveUntil
            self.guide = guide
        }
    }
}
