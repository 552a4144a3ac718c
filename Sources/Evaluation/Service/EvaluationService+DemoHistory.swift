import CatalogModel
import Foundation
import Kernel
import SQLKit
import Storage

extension EvaluationService {
    /// Loads a demo history of ratings over the last `days` days for the demo catalog's items, so
    /// that the scoreboards of a fresh demo have something to show: mostly good, some bad reviews
    /// with tickets at every stage. The cases they rate are not in the database (their numbers
    /// start with `DEMO`); nothing here runs outside `zhengtong seed` in demo mode.
    public func seedDemoHistory(count: Int = 160, days: Int = 60) async throws {
        let items = try await catalog.browse(CatalogFilter(), page: try PageRequest(limit: 50)).items
        guard !items.isEmpty else { return }
        let windows = ["1号窗口", "2号窗口", "3号窗口", "5号窗口", "8号窗口"]
        let end = today
        let contact = try ContactCard(name: "演示群众", phone: "13900000000").json()
        try await database.transaction { tx in
            var random = DemoRandom(seed: 20_261_201)
            for index in 0..<count {
                let item = items[random.next(items.count)]
                let day = end.adding(days: -random.next(days))
                let channel: RatingChannel = random.next(3) == 0 ? .counter : .online
                let level = Self.demoLevel(random.next(100), department: item.departmentName)
                let ratedAt = day.startDate.addingTimeInterval(Double(9 * 3600 + random.next(8 * 3600)))
                let set = IndicatorSet.current(for: channel)
                let scores = Dictionary(
                    uniqueKeysWithValues: set.indicators.map {
                        ($0.key, $0.key == "overall" ? level : max(1, min(5, level + random.next(3) - 1)))
                    })
                let id = UUID()
                try await tx.sql.raw(
                    """
                    INSERT INTO eva_ratings (id, case_id, case_number, channel, item_code, item_name, department_id,
                        department_name, service_window, opened_by, opened_at, closes_at, level, indicator_set, scores,
                        comment, rated_at, rated_day)
                    VALUES (\(bind: id), \(bind: UUID()), \(bind: String(format: "DEMO%06d", index)),
                        \(bind: channel.rawValue), \(bind: item.businessCode), \(bind: item.name),
                        \(bind: item.departmentID), \(bind: item.departmentName),
                        \(bind: channel == .counter ? windows[random.next(windows.count)] : nil), 'demo-seed',
                        \(bind: ratedAt.addingTimeInterval(-3600)), \(bind: ratedAt.addingTimeInterval(15 * 86_400)),
                        \(bind: level), \(bind: set.key),
                        \(bind: String(decoding: try JSONEncoder.sorted.encode(scores), as: UTF8.self)),
                        \(bind: level <= 2 ? "演示差评：等候时间较长，材料要求说明不清。" : nil), \(bind: ratedAt),
                        \(bind: day.dayNumber))
                    """
                ).run()
                guard level <= 2 else { continue }
                try await seedDemoTicket(
                    ratingID: id, departmentID: item.departmentID, day: day, at: ratedAt, stage: random.next(4),
                    contact: contact, tx: tx)
            }
        }
    }

    /// A ticket for a demo bad review: 0 awaiting call-back, 1 rectifying, 2 answered, 3 closed.
    func seedDemoTicket(
        ratingID: UUID, departmentID: UUID, day: CalendarDay, at ratedAt: Date, stage: Int, contact: String,
        tx: Transaction
    ) async throws {
        let id = UUID()
        let callbackDue = try calendar.addingWorkdays(settings.callbackWorkdays, to: day)
        let calledBack = stage >= 1 ? try calendar.addingWorkdays(1, to: day) : nil
        let rectifyDue = try calledBack.map { try calendar.addingWorkdays(5, to: $0) }
        let rectified =
            stage >= 2 ? try calledBack.map { try calendar.addingWorkdays(stage == 2 ? 6 : 3, to: $0) } : nil
        let state = ["awaiting-callback", "rectifying", "answered", "closed"][stage]
        let when: (CalendarDay?) -> Date? = { $0.map { $0.startDate.addingTimeInterval(10 * 3600) } }
        try await tx.sql.raw(
            """
            INSERT INTO eva_rectifications (id, rating_id, department_id, state, contact_sealed, contact_phone_masked,
                callback_due, called_back_at, called_back_day, verified, callback_note, plan, rectify_due, rectified_at,
                rectified_day, feedback, answered_at, appeal_due, closed_at, opened_at, revision)
            VALUES (\(bind: id), \(bind: ratingID), \(bind: departmentID), \(bind: state),
                \(bind: Data(try sealer.seal(contact, context: Self.contactContext(id)))), '139****0000',
                \(bind: callbackDue.dayNumber), \(bind: when(calledBack)), \(bind: calledBack?.dayNumber),
                \(bind: stage >= 1 ? 1 : nil), \(bind: stage >= 1 ? "演示：已电话回访，情况属实。" : nil),
                \(bind: stage >= 1 ? "演示：在窗口增设引导，更新办事指南。" : nil), \(bind: rectifyDue?.dayNumber),
                \(bind: when(rectified)), \(bind: rectified?.dayNumber),
                \(bind: stage >= 2 ? "演示：已完成整改，感谢您的监督。" : nil), \(bind: when(rectified)),
                \(bind: try rectified.map { try calendar.addingWorkdays(settings.appealWorkdays, to: $0).dayNumber }),
                \(bind: stage == 3 ? when(rectified) : nil), \(bind: ratedAt), 1)
            """
        ).run()
    }

    /// A level from a percentile; one department fares worse, so the ranking has a shape.
    static func demoLevel(_ percentile: Int, department: String) -> Int {
        let shift = department.contains("住房") ? 12 : 0
        switch percentile + shift {
        case ..<58: return 5
        case ..<82: return 4
        case ..<91: return 3
        case ..<96: return 2
        default: return 1
        }
    }
}

/// A small deterministic generator (SplitMix64), so every demo database holds the same history.
struct DemoRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(max(bound, 1)))
    }
}
