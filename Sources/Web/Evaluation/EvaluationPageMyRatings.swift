import Evaluation
import Foundation
import Kernel

/// The view model of 我的评价 (`/me/ratings`): the ratings still open with the time left, and
/// those given, newest first.
struct EvaluationPageMyRatings {
    /// One rating of the lists.
    struct Row {
        var id: String
        var href: String
        var itemName: String
        var department: String
        var channel: String
        var caseNumber: String?
        var window: String?
        var timeLeft: String?
        var level: String?
        var levelCSS: String?
        var isBad: Bool
        var ratedAt: String?
        var closedAt: String?
    }

    var layout: Layout
    var open: [Row]
    var given: [Row]
    /// Ratings whose window passed unrated.
    var lapsed: [Row]
    var hasLapsed: Bool
    var notice: String?

    /// The lists of `ratings` at `now`.
    init(layout: Layout, ratings: [Rating], now: Date) {
        self.layout = layout
        let rows = ratings.map { Self.row($0, now: now) }
        open = zip(ratings, rows).filter { $0.0.isOpen(at: now) }.map(\.1)
        given = zip(ratings, rows).filter { $0.0.level != nil }.map(\.1)
        lapsed = zip(ratings, rows).filter { $0.0.level == nil && !$0.0.isOpen(at: now) }.map(\.1)
        hasLapsed = !lapsed.isEmpty
    }

    /// A row of `rating`.
    static func row(_ rating: Rating, now: Date) -> Row {
        Row(
            id: rating.id.uuidString, href: "/me/ratings/\(rating.id.uuidString)", itemName: rating.itemName,
            department: rating.departmentName, channel: rating.channel.label,
            caseNumber: rating.caseNumber.map(CasePageFormat.grouped), window: rating.serviceWindow,
            timeLeft: rating.isOpen(at: now) ? EvaluationPageFormat.timeLeft(until: rating.closesAt, now: now) : nil,
            level: rating.level?.label, levelCSS: rating.level.map { "eva-level lvl-\($0.rawValue)" },
            isBad: rating.level?.isBad ?? false, ratedAt: CasePageFormat.time(rating.ratedAt),
            closedAt: CasePageFormat.time(rating.closesAt))
    }
}
