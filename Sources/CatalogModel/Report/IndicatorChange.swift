/// How the indicators moved from the first day of a report to the last (after minus before).
public struct IndicatorChange: Codable, Sendable, Hashable {
    /// Change in the number of items.
    public var itemCount: Int
    /// Change in the online share.
    public var onlineShare: Double
    /// Change in the fully-online share.
    public var fullyOnlineShare: Double
    /// Change in materials per item.
    public var averageMaterials: Double
    /// Change in steps per item.
    public var averageSteps: Double
    /// Change in the time-limit ratio; nil when either day has no ratio.
    public var promisedToLegalRatio: Double?
    /// Change in the share needing at most one visit.
    public var atMostOneVisitShare: Double
    /// Change in the share needing no visit.
    public var zeroVisitShare: Double

    /// The change from `before` to `after`.
    public init(from before: ReengineeringIndicators, to after: ReengineeringIndicators) {
        itemCount = after.itemCount - before.itemCount
        onlineShare = after.onlineShare - before.onlineShare
        fullyOnlineShare = after.fullyOnlineShare - before.fullyOnlineShare
        averageMaterials = after.averageMaterials - before.averageMaterials
        averageSteps = after.averageSteps - before.averageSteps
        promisedToLegalRatio = after.promisedToLegalRatio.flatMap { new in
            before.promisedToLegalRatio.map { new - $0 }
        }
        atMostOneVisitShare = after.atMostOneVisitShare - before.atMostOneVisitShare
        zeroVisitShare = after.zeroVisitShare - before.zeroVisitShare
    }
}
