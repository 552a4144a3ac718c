import CatalogModel
import SQLKit

/// The sums behind the indicators, as SQL returns them per department, so the overall line adds
/// sums instead of averaging averages.
struct IndicatorTally: Sendable {
    var items = 0
    var online = 0
    var fullyOnline = 0
    var materials = 0
    var steps = 0
    var withLegalLimit = 0
    var ratioSum = 0.0
    var atMostOneVisit = 0
    var zeroVisit = 0

    /// The select list that fills a tally, over `cat_versions v`.
    static let selectList = """
        COUNT(*) AS items,
        SUM(CASE WHEN v.online_depth >= 3 THEN 1 ELSE 0 END) AS online,
        SUM(CASE WHEN v.online_depth >= 4 THEN 1 ELSE 0 END) AS fully_online,
        SUM(v.material_count) AS materials,
        SUM(v.step_count) AS steps,
        SUM(CASE WHEN v.legal_days > 0 THEN 1 ELSE 0 END) AS with_legal,
        SUM(CASE WHEN v.legal_days > 0 THEN v.promised_days / v.legal_days ELSE 0.0 END) AS ratio_sum,
        SUM(CASE WHEN v.visits_required <= 1 THEN 1 ELSE 0 END) AS one_visit,
        SUM(CASE WHEN v.visits_required = 0 THEN 1 ELSE 0 END) AS zero_visit
        """

    init() {}

    init(row: any SQLRow) throws {
        items = try row.decode(column: "items", as: Int.self)
        online = try row.decode(column: "online", as: Int.self)
        fullyOnline = try row.decode(column: "fully_online", as: Int.self)
        materials = try row.decode(column: "materials", as: Int.self)
        steps = try row.decode(column: "steps", as: Int.self)
        withLegalLimit = try row.decode(column: "with_legal", as: Int.self)
        ratioSum = try row.decode(column: "ratio_sum", as: Double.self)
        atMostOneVisit = try row.decode(column: "one_visit", as: Int.self)
        zeroVisit = try row.decode(column: "zero_visit", as: Int.self)
    }

    static func + (lhs: IndicatorTally, rhs: IndicatorTally) -> IndicatorTally {
        var sum = lhs
        sum.items += rhs.items
        sum.online += rhs.online
        sum.fullyOnline += rhs.fullyOnline
        sum.materials += rhs.materials
        sum.steps += rhs.steps
        sum.withLegalLimit += rhs.withLegalLimit
        sum.ratioSum += rhs.ratioSum
        sum.atMostOneVisit += rhs.atMostOneVisit
        sum.zeroVisit += rhs.zeroVisit
        return sum
    }

    /// The shares and averages of the sums.
    var indicators: ReengineeringIndicators {
        guard items > 0 else { return .empty }
        let count = Double(items)
        return ReengineeringIndicators(
            itemCount: items, onlineShare: Double(online) / count, fullyOnlineShare: Double(fullyOnline) / count,
            averageMaterials: Double(materials) / count, averageSteps: Double(steps) / count,
            promisedToLegalRatio: withLegalLimit > 0 ? ratioSum / Double(withLegalLimit) : nil,
            atMostOneVisitShare: Double(atMostOneVisit) / count, zeroVisitShare: Double(zeroVisit) / count)
    }
}
