public import Foundation
import Kernel
import SQLKit
import Storage

extension EvaluationService {
    /// The citizen rates their own case's open rating, once, within the window.
    public func rate(_ ratingID: UUID, _ submission: RatingSubmission, by citizen: Citizen) async throws -> Rating {
        try await database.transaction { tx in
            guard let row = try await RatingRow.load(ratingID, sql: tx.sql, lock: tx.forUpdate),
                try row.decode(column: "rater_account", as: UUID?.self) == citizen.accountID
            else { throw Self.notFound("评价") }
            return try await record(row, submission, by: citizen.auditActor, tx: tx)
        }
    }

    /// The counter's evaluation device rates with the one-time code of a counter visit.
    public func rate(counterCode: String, _ submission: RatingSubmission, clientAddress: String) async throws
        -> Rating
    {
        let hash = HashAlgorithm.sm3.hexDigest(counterCode)
        return try await database.transaction { tx in
            guard
                let row = try await tx.sql.raw(
                    "SELECT * FROM eva_ratings WHERE counter_token_hash = \(bind: hash)\(unsafeRaw: tx.forUpdate)"
                ).first()
            else { throw Self.counterCodeUnknown() }
            let actor = Actor(id: "counter-device", channel: "counter", clientAddress: clientAddress, roles: ["device"])
            return try await record(row, submission, by: actor, tx: tx)
        }
    }

    /// The rating a counter code opens, for the device page (no personal data).
    public func counterRating(code: String) async throws -> Rating {
        let hash = HashAlgorithm.sm3.hexDigest(code)
        return try await database.read { sql in
            guard
                let row = try await sql.raw("SELECT * FROM eva_ratings WHERE counter_token_hash = \(bind: hash)")
                    .first()
            else { throw Self.counterCodeUnknown() }
            return try RatingRow.rating(row, showRater: false)
        }
    }

    static func counterCodeUnknown() -> DomainError {
        DomainError(
            .notFound, code: "evaluation.counter-code", title: "评价码无效", detail: "评价码不存在或已被新的评价码取代，请窗口工作人员重新生成。")
    }

    /// Checks the submission against the rating's indicator set and records it; a bad review
    /// opens its rectification ticket in the same transaction.
    func record(_ row: any SQLRow, _ submission: RatingSubmission, by actor: Actor, tx: Transaction) async throws
        -> Rating
    {
        let rating = try RatingRow.rating(row, showRater: false)
        let now = clock.now()
        guard rating.level == nil else {
            throw Self.conflict("already-rated", "该办件在\(rating.channel.label)渠道已评价，每个办件每个渠道只能评价一次。")
        }
        guard now < rating.closesAt else {
            throw Self.conflict("window-closed", "评价期已于 \(CalendarDay(rating.closesAt)) 结束，不能再评价。")
        }
        guard let set = IndicatorSet.named(rating.indicatorSet) else { throw Self.notFound("评价指标") }
        let scores = try Self.scores(submission, set: set)
        let comment = try Self.optionalText(submission.comment, "评价意见", max: 500, code: "comment")
        if submission.level.isBad && comment == nil {
            throw Self.invalid("comment-required", "请填写不满意的原因", "选择“不满意”或“非常不满意”时，请写明原因，以便部门核实整改。")
        }
        let scoresJSON = String(
            decoding: try JSONEncoder.sorted.encode(scores.mapValues(\.rawValue)), as: UTF8.self)
        try await tx.sql.raw(
            """
            UPDATE eva_ratings SET level = \(bind: submission.level.rawValue), scores = \(bind: scoresJSON),
                comment = \(bind: comment), rated_at = \(bind: now), rated_day = \(bind: today.dayNumber),
                counter_token_hash = NULL
            WHERE id = \(bind: rating.id) AND level IS NULL
            """
        ).run()
        try await audit.append(
            actor.entry(
                action: "evaluation.rated", objectType: "rating", objectID: rating.id.uuidString,
                changeDigest: "\(submission.level.rawValue)"), in: tx)
        try await tx.publish(
            try DomainEvent(
                type: "evaluation.rating-given", aggregateType: "rating", aggregateID: rating.id.uuidString,
                value: RatingEventPayload(
                    ratingID: rating.id, caseID: rating.caseID, departmentID: rating.departmentID,
                    channel: rating.channel, level: submission.level),
                occurredAt: now))
        if submission.level.isBad {
            try await openRectification(for: rating, at: now, tx: tx)
        }
        var rated = rating
        rated.level = submission.level
        rated.scores = scores
        rated.comment = comment
        rated.ratedAt = now
        return rated
    }

    /// Every indicator of the set with a level: the overall level for `overall` and for any the
    /// citizen left out. Keys outside the set are refused, not dropped.
    static func scores(_ submission: RatingSubmission, set: IndicatorSet) throws -> [String: RatingLevel] {
        let keys = Set(set.indicators.map(\.key))
        if let unknown = submission.scores.keys.sorted().first(where: { !keys.contains($0) }) {
            throw invalid(
                "indicator", "评价指标有误",
                "“\(unknown)”不是\(set.channel.label)评价的指标；可评价的指标为：\(set.indicators.map(\.key).joined(separator: "、"))。")
        }
        var scores: [String: RatingLevel] = [:]
        for indicator in set.indicators {
            scores[indicator.key] =
                indicator.key == "overall" ? submission.level : submission.scores[indicator.key] ?? submission.level
        }
        return scores
    }
}

extension JSONEncoder {
    /// An encoder with sorted keys, so stored JSON is stable.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
