import Cases
import CasesModel
public import Foundation
public import Identity
import Kernel
import SQLKit
import Storage

extension EvaluationService {
    /// Opens the rating of `caseID` on `channel` unless it exists, and returns its id; the window
    /// runs `ratingWindowDays` natural days from now.
    @discardableResult
    func openRating(
        caseID: UUID, channel: RatingChannel, window: String?, counterTokenHash: String? = nil, by actor: Actor,
        tx: Transaction
    ) async throws -> UUID {
        if let existing = try await tx.sql.raw(
            "SELECT id FROM eva_ratings WHERE case_id = \(bind: caseID) AND channel = \(bind: channel.rawValue)"
        ).first() {
            return try existing.decode(column: "id", as: UUID.self)
        }
        let (record, _) = try await cases.ratingSource(caseID, in: tx)
        let departmentName = try await organisation.departmentName(record.departmentID, sql: tx.sql) ?? ""
        let now = clock.now()
        let id = UUID()
        try await tx.sql.raw(
            """
            INSERT INTO eva_ratings (id, case_id, case_number, channel, item_code, item_name, department_id,
                department_name, service_window, opened_by, rater_account, counter_token_hash, opened_at, closes_at,
                indicator_set)
            VALUES (\(bind: id), \(bind: caseID), \(bind: record.number), \(bind: channel.rawValue),
                \(bind: record.itemCode), \(bind: record.itemName), \(bind: record.departmentID),
                \(bind: departmentName), \(bind: window), \(bind: actor.id), \(bind: record.applicantAccount),
                \(bind: counterTokenHash), \(bind: now),
                \(bind: now.addingTimeInterval(Double(settings.ratingWindowDays) * 86_400)),
                \(bind: IndicatorSet.current(for: channel).key))
            """
        ).run()
        try await audit.append(
            actor.entry(
                action: "evaluation.rating-opened", objectType: "rating", objectID: id.uuidString,
                changeDigest: "\(caseID.uuidString)/\(channel.rawValue)"), in: tx)
        return id
    }

    /// Records a counter visit for `caseID` at `window` and opens its counter rating; returns the
    /// rating and a one-time code for the window's evaluation device (评价器), which the citizen
    /// uses without logging in. Asking again before it is rated gives a new code and voids the old.
    public func openCounterRating(caseID: UUID, window: String, by staff: StaffActor) async throws -> (
        Rating, String
    ) {
        let window = try Self.text(window, "服务窗口名称", 1...30, code: "window")
        guard try await cases.mayRead(caseID, by: .staff(staff)) else { throw Self.notFound("办件") }
        let token = RandomToken.make(byteCount: 24)
        let hash = HashAlgorithm.sm3.hexDigest(token)
        let now = clock.now()
        let rating = try await database.transaction { tx in
            let id = try await openRating(
                caseID: caseID, channel: .counter, window: window, counterTokenHash: hash, by: staff.auditActor, tx: tx)
            guard let row = try await RatingRow.load(id, sql: tx.sql, lock: tx.forUpdate) else {
                throw Self.notFound("评价")
            }
            let rating = try RatingRow.rating(row, showRater: false)
            guard rating.level == nil else { throw Self.conflict("already-rated", "该办件的窗口服务已评价，每个办件每个渠道只能评价一次。") }
            guard now < rating.closesAt else { throw Self.conflict("window-closed", "该办件的窗口评价期已过。") }
            try await tx.sql.raw(
                """
                UPDATE eva_ratings SET counter_token_hash = \(bind: hash), service_window = \(bind: window)
                WHERE id = \(bind: id)
                """
            ).run()
            try await audit.append(
                staff.auditActor.entry(
                    action: "evaluation.counter-visit", objectType: "rating", objectID: id.uuidString,
                    changeDigest: window), in: tx)
            var updated = rating
            updated.serviceWindow = window
            return updated
        }
        return (rating, token)
    }
}
