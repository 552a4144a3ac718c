import Evaluation
import Foundation
import Kernel

/// The JSON bodies of the evaluation API (好差评 and 政民互动): camelCase with ids named `…Id`,
/// levels as the integers 1 (非常不满意) to 5 (非常满意), instants in ISO 8601, days as `yyyy-MM-dd`,
/// and every code beside its Chinese label (`state` and `stateLabel`).
enum EvaluationAPIModels {
    /// One indicator of a set: its key and Chinese name.
    struct Indicator: Codable {
        var key: String
        var label: String
    }

    /// A versioned set of indicators a rating scores (评价指标体系).
    struct IndicatorSet: Codable {
        var key: String
        var channel: String
        var channelLabel: String
        var indicators: [Indicator]

        init(_ set: Evaluation.IndicatorSet) {
            key = set.key
            channel = set.channel.rawValue
            channelLabel = set.channel.label
            indicators = set.indicators.map { Indicator(key: $0.key, label: $0.label) }
        }
    }

    /// The indicator sets ratings are given under.
    struct IndicatorSetList: Codable {
        var items: [IndicatorSet]
    }

    /// One rating of one case on one channel, as its rater and the rated department's staff see it.
    /// `raterAccount` is present only where the service names the rater (the rater themselves, and
    /// staff allowed to read personal data in clear).
    struct Rating: Codable {
        var id: UUID
        var caseId: UUID
        var caseNumber: String?
        var channel: String
        var channelLabel: String
        var itemCode: String
        var itemName: String
        var departmentId: UUID
        var departmentName: String
        var serviceWindow: String?
        var openedAt: Date
        var closesAt: Date
        /// Whether it can still be rated now.
        var open: Bool
        var level: Int?
        var levelLabel: String?
        var indicatorSet: String
        var scores: [String: Int]
        var comment: String?
        var ratedAt: Date?
        var raterAccount: UUID?

        init(_ rating: Evaluation.Rating, now: Date) {
            id = rating.id
            caseId = rating.caseID
            caseNumber = rating.caseNumber
            channel = rating.channel.rawValue
            channelLabel = rating.channel.label
            itemCode = rating.itemCode
            itemName = rating.itemName
            departmentId = rating.departmentID
            departmentName = rating.departmentName
            serviceWindow = rating.serviceWindow
            openedAt = rating.openedAt
            closesAt = rating.closesAt
            open = rating.isOpen(at: now)
            level = rating.level?.rawValue
            levelLabel = rating.level?.label
            indicatorSet = rating.indicatorSet
            scores = rating.scores.mapValues(\.rawValue)
            comment = rating.comment
            ratedAt = rating.ratedAt
            raterAccount = rating.raterAccount
        }
    }

    /// A list of ratings.
    struct RatingList: Codable {
        var items: [Rating]
    }

    /// What the window's evaluation device shows for a counter code: the service and the indicators
    /// to score, nothing about the case or the person.
    struct CounterRating: Codable {
        var itemName: String
        var departmentName: String
        var serviceWindow: String?
        var open: Bool
        var closesAt: Date
        var indicatorSet: String
        var indicators: [Indicator]
        var level: Int?
        var levelLabel: String?
        var ratedAt: Date?

        init(_ rating: Evaluation.Rating, now: Date) {
            itemName = rating.itemName
            departmentName = rating.departmentName
            serviceWindow = rating.serviceWindow
            open = rating.isOpen(at: now)
            closesAt = rating.closesAt
            indicatorSet = rating.indicatorSet
            indicators = (Evaluation.IndicatorSet.named(rating.indicatorSet)?.indicators ?? []).map {
                Indicator(key: $0.key, label: $0.label)
            }
            level = rating.level?.rawValue
            levelLabel = rating.level?.label
            ratedAt = rating.ratedAt
        }
    }

    /// A counter visit recorded by the window clerk: the rating it opened and the one-time code the
    /// evaluation device takes (shown once; asking again voids it).
    struct CounterVisit: Codable {
        var rating: Rating
        var code: String
    }
}
