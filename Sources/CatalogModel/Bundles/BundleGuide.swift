/// The combined guide of a bundle: every item's guide, the materials once each, one fee total and
/// the overall time limit.
public struct BundleGuide: Sendable {
    /// One material of the combined list and the items that ask for it.
    public struct SharedMaterial: Sendable, Hashable {
        /// The material as the first item that asks for it describes it.
        public var material: RequiredMaterial
        /// The names of the items that ask for it.
        public var usedBy: [String]
    }

    /// The bundle.
    public var bundle: ServiceBundle
    /// The items with their guides in force, in the bundle's order.
    public var items: [PublishedItem]
    /// The materials, de-duplicated by name (the same document asked for by two departments is
    /// handed in once).
    public var materials: [SharedMaterial]
    /// The sum of every item's standard charges in fen.
    public var totalFeeFen: Int
    /// The overall limit: the items run in parallel, so it is the longest promised limit.
    public var overallTimeLimit: TimeLimit
    /// The most visits any one item needs; a bundle is handed in once.
    public var visitsRequired: Int

    /// Combines the guides of `items`.
    public init(bundle: ServiceBundle, items: [PublishedItem]) {
        self.bundle = bundle
        self.items = items
        var order: [String] = []
        var byName: [String: SharedMaterial] = [:]
        for item in items {
            for material in item.guide.materials {
                let key = Self.normalised(material.name)
                if byName[key] == nil {
                    order.append(key)
                    byName[key] = SharedMaterial(material: material, usedBy: [])
                }
                if !(byName[key]!.usedBy.contains(item.guide.name)) { byName[key]!.usedBy.append(item.guide.name) }
            }
        }
        materials = order.map { byName[$0]! }
        totalFeeFen = items.reduce(0) { $0 + $1.guide.totalFeeFen }
        overallTimeLimit =
            items.map(\.guide.promisedTimeLimit).max(by: { $0.approximateWorkingDays < $1.approximateWorkingDays })
            ?? TimeLimit(days: 0)
        visitsRequired = items.map(\.guide.visitsRequired).max() ?? 0
    }

    /// Names differ in brackets and spaces between departments (居民身份证（原件） vs 居民身份证);
    /// the part before a bracket decides whether two are the same document.
    public static func normalised(_ name: String) -> String {
        let cut = name.split(whereSeparator: { "（(".contains($0) }).first.map(String.init) ?? name
        return cut.filter { !$0.isWhitespace }
    }
}
