/// The re-engineering indicators (流程再造指标) of a set of items in force on one day.
///
/// Shares are fractions from 0 to 1 and averages are per item; every figure is 0 when there are
/// no items, except the time-limit ratio, which is nil when no item has a legal limit to compare.
public struct ReengineeringIndicators: Codable, Sendable, Hashable {
    /// Items in force.
    public var itemCount: Int
    /// Share that accept applications online (网上可办, depth 三级 or above).
    public var onlineShare: Double
    /// Share handled wholly online (全程网办, depth 四级).
    public var fullyOnlineShare: Double
    /// Materials per item.
    public var averageMaterials: Double
    /// Process steps per item.
    public var averageSteps: Double
    /// Promised limit as a share of the legal one, averaged over items whose legal limit is longer
    /// than zero days.
    public var promisedToLegalRatio: Double?
    /// Share needing at most one visit in person (最多跑一次).
    public var atMostOneVisitShare: Double
    /// Share needing no visit at all (零跑动).
    public var zeroVisitShare: Double

    /// Creates the indicators.
    public init(
        itemCount: Int, onlineShare: Double, fullyOnlineShare: Double, averageMaterials: Double,
        averageSteps: Double, promisedToLegalRatio: Double?, atMostOneVisitShare: Double, zeroVisitShare: Double
    ) {
        self.itemCount = itemCount
        self.onlineShare = onlineShare
        self.fullyOnlineShare = fullyOnlineShare
        self.averageMaterials = averageMaterials
        self.averageSteps = averageSteps
        self.promisedToLegalRatio = promisedToLegalRatio
        self.atMostOneVisitShare = atMostOneVisitShare
        self.zeroVisitShare = zeroVisitShare
    }

    /// The figures of no items at all.
    public static let empty = ReengineeringIndicators(
        itemCount: 0, onlineShare: 0, fullyOnlineShare: 0, averageMaterials: 0, averageSteps: 0,
        promisedToLegalRatio: nil, atMostOneVisitShare: 0, zeroVisitShare: 0)
}
