import Foundation
import Kernel
import PaymentChannels
import SQLKit
import Storage

extension PaymentService {
    /// Makes sure the daily reconciliation is scheduled: one job, at the next 10:00 Asia/Shanghai
    /// (WeChat Pay and Alipay publish the previous day's statement by then). Called at start-up.
    public func scheduleDailyReconciliation() async throws {
        try await database.transaction { tx in
            let pending = try await tx.sql.raw(
                "SELECT id FROM zt_jobs WHERE kind = \(bind: JobKind.reconcile) AND state IN ('ready', 'running') LIMIT 1"
            ).first()
            guard pending == nil else { return }
            try await jobs.enqueue(kind: JobKind.reconcile, payload: ReconcileJob(), runAt: nextRun(), in: tx)
        }
    }

    /// Imports yesterday's statement of every scan channel; a day already imported is skipped, and a
    /// channel that fails makes the job retry after the others were done.
    func reconcileYesterday() async throws {
        try await jobs.enqueue(kind: JobKind.reconcile, payload: ReconcileJob(), runAt: nextRun())
        let yesterday = CalendarDay.today(clock).adding(days: -1)
        var failure: (any Error)?
        for channel in scanChannels {
            do {
                _ = try await importStatement(channel: channel, day: yesterday, file: nil, actor: .system)
            } catch let error as DomainError where error.code == "payments.statement-imported" {
                continue
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
    }

    private func nextRun() -> Date {
        let today = CalendarDay.today(clock)
        let tenToday = today.startDate.addingTimeInterval(10 * 3600)
        return clock.now() < tenToday ? tenToday : today.adding(days: 1).startDate.addingTimeInterval(10 * 3600)
    }
}

/// The daily reconciliation job's (empty) payload.
struct ReconcileJob: Codable, Sendable {}
