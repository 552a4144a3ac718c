import Foundation
import Storage

/// The view model of the operators' jobs page.
struct JobsPage {
    struct Filter {
        var value: String
        var label: String
        var count: Int
        var current: Bool
    }
    struct Row {
        var id: String
        var kind: String
        var stateLabel: String
        var attempts: Int
        var maxAttempts: Int
        var runAt: String
        var lastError: String
        var canRetry: Bool
    }

    var layout: Layout
    var filters: [Filter]
    var jobs: [Row]
    var hasJobs: Bool
    var caption: String

    init(layout: Layout, state: JobState?, items: [JobRecord], counts: [JobState: Int]) {
        self.layout = layout
        filters = JobState.allCases.map { candidate in
            Filter(
                value: candidate.rawValue, label: Self.label(candidate), count: counts[candidate] ?? 0,
                current: candidate == state)
        }
        jobs = items.map { job in
            Row(
                id: job.id.uuidString.lowercased(), kind: job.kind, stateLabel: Self.label(job.state),
                attempts: job.attempts, maxAttempts: job.maxAttempts, runAt: BeijingTime.format(job.runAt),
                lastError: job.lastError ?? "", canRetry: job.state == .dead)
        }
        hasJobs = !items.isEmpty
        caption = state.map { "\(Self.label($0))的任务（最近 100 条）" } ?? "全部任务（最近 100 条）"
    }

    static func label(_ state: JobState) -> String {
        switch state {
        case .ready: "待执行"
        case .running: "执行中"
        case .succeeded: "已完成"
        case .dead: "死信"
        }
    }
}
