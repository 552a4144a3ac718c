public import Foundation

/// The handling figures of one department, one item, or all cases, over a period.
public struct CaseFigureRow: Codable, Sendable, Equatable {
    /// The department's id or the item's code; `all` for the total.
    public var key: String
    /// The item's name, or empty for a department (the page names it).
    public var name: String
    /// The department, for a department or item row.
    public var departmentID: UUID?
    /// Cases submitted in the period.
    public var submitted = 0
    /// Of those, accepted (by hand, 容缺 or automatically).
    public var accepted = 0
    /// Refused at intake.
    public var rejected = 0
    /// Concluded.
    public var concluded = 0
    /// Concluded approved.
    public var approved = 0
    /// Cases that received a correction notice.
    public var corrected = 0
    /// Accepted cases sent back at least once.
    public var returned = 0
    /// Concluded within the promised limit.
    public var onTimePromised = 0
    /// Concluded cases whose item has a legal limit.
    public var withLegalLimit = 0
    /// Of those, concluded within the legal limit.
    public var onTimeLegal = 0
    /// Counted days used by the concluded cases, summed.
    public var daysUsed = 0

    /// Creates an empty row.
    public init(key: String, name: String, departmentID: UUID?) {
        self.key = key
        self.name = name
        self.departmentID = departmentID
    }

    /// Share concluded within the promised limit, 0–1; nil without concluded cases.
    public var onTimePromisedRate: Double? { ratio(onTimePromised, concluded) }
    /// Share concluded within the legal limit.
    public var onTimeLegalRate: Double? { ratio(onTimeLegal, withLegalLimit) }
    /// Average counted days per concluded case.
    public var averageDays: Double? { ratio(daysUsed, concluded) }
    /// Share of submitted cases that needed correction.
    public var correctionRate: Double? { ratio(corrected, submitted) }
    /// Share of accepted cases sent back at least once.
    public var returnRate: Double? { ratio(returned, accepted) }
    /// Share of decided intakes that were refused.
    public var rejectionRate: Double? { ratio(rejected, accepted + rejected) }

    private func ratio(_ part: Int, _ whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole)
    }
}
