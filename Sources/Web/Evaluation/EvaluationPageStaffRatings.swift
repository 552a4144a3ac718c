import Evaluation
import Foundation
import Kernel

/// The view model of 评价记录 for staff (`/staff/evaluation/ratings`): the ratings given to their
/// departments, all or bad reviews only, each bad review linked to its rectification ticket.
/// Who rated is shown only when the service named the rater (holders of person.read-clear).
struct EvaluationPageStaffRatings {
    /// One rating.
    struct Row {
        var itemName: String
        var department: String
        var channel: String
        var window: String?
        var caseNumber: String?
        var level: String
        var levelCSS: String
        var isBad: Bool
        var scores: String
        var comment: String?
        var ratedAt: String
        var rater: String?
        var ticketHref: String?
    }

    var layout: Layout
    var badOnly: Bool
    var rows: [Row]

    /// The list of `ratings`; `tickets` gives the ticket of each bad review by rating id.
    init(layout: Layout, ratings: [Rating], tickets: [UUID: UUID], badOnly: Bool) {
        self.layout = layout
        self.badOnly = badOnly
        rows = ratings.compactMap { rating in
            guard let level = rating.level else { return nil }
            let set = IndicatorSet.named(rating.indicatorSet)
            let scores = (set?.indicators ?? []).filter { $0.key != "overall" }.compactMap { indicator in
                rating.scores[indicator.key].map { "\(indicator.label)：\($0.label)" }
            }
            return Row(
                itemName: rating.itemName, department: rating.departmentName, channel: rating.channel.label,
                window: rating.serviceWindow, caseNumber: rating.caseNumber.map(CasePageFormat.grouped),
                level: level.label, levelCSS: "eva-level lvl-\(level.rawValue)", isBad: level.isBad,
                scores: scores.joined(separator: "；"), comment: CasePageFormat.nonEmpty(rating.comment),
                ratedAt: CasePageFormat.time(rating.ratedAt) ?? "",
                rater: rating.raterAccount.map { "账号 \($0.uuidString.prefix(8))…" },
                ticketHref: tickets[rating.id].map { "/staff/evaluation/rectifications/\($0.uuidString)" })
        }
    }
}
