import Evaluation
import Foundation
import Kernel

/// The view model of 诉求办理 for staff (`/staff/evaluation/demands`): the demands of their
/// departments counted by item (or department) and theme, and each demand with its response form.
struct EvaluationPageStaffDemands {
    /// The demands about one subject and theme.
    struct Group {
        var subject: String
        var theme: String
        var asked: Int
        var open: Int
        var planned: Int
        var done: Int
        var declined: Int
    }

    /// One demand and its form.
    struct Row {
        var id: String
        var anchor: String
        var theme: String
        var subject: String
        var content: String
        var state: String
        var stateKey: String
        var response: String?
        var createdAt: String
        var respondedAt: String?
        var choices: [EvaluationPageFormat.Option]
        var typedResponse: String
        /// Named apart from the page's `error`, which a template would otherwise reach from a row.
        var rowError: DomainError?
    }

    var layout: Layout
    var groups: [Group]
    var rows: [Row]
    var notice: String?
    /// The error of a refused form whose demand is not on the list (another department's).
    var error: DomainError?

    /// The page of `demands`; `refused` is the demand whose form was refused, with its error and
    /// what the form held.
    init(layout: Layout, demands: [Demand], refused: (UUID, DomainError, [String: String])? = nil) {
        self.layout = layout
        var groups: [String: Group] = [:]
        var order: [String] = []
        for demand in demands {
            let subject = EvaluationPageDemands.subject(demand)
            let key = subject + "\u{1F}" + demand.theme.rawValue
            if groups[key] == nil {
                order.append(key)
                groups[key] = Group(
                    subject: subject, theme: demand.theme.label, asked: 0, open: 0, planned: 0, done: 0, declined: 0)
            }
            groups[key]?.asked += 1
            switch demand.state {
            case .open: groups[key]?.open += 1
            case .planned: groups[key]?.planned += 1
            case .done: groups[key]?.done += 1
            case .declined: groups[key]?.declined += 1
            }
        }
        // Most asked first; ties in the order first seen (newest demand first), so the page is stable.
        self.groups = order.enumerated().compactMap { index, key in groups[key].map { (index, $0) } }
            .sorted { ($1.1.asked, $0.0) < ($0.1.asked, $1.0) }.map(\.1)
        rows = demands.map { demand in
            let failed = refused.flatMap { $0.0 == demand.id ? $0 : nil }
            let chosen = failed?.2["state"] ?? (demand.state == .open ? "" : demand.state.rawValue)
            let base = EvaluationPageDemands.row(demand)
            return Row(
                id: base.id, anchor: "demand-\(base.id)", theme: base.theme, subject: base.subject,
                content: base.content, state: base.state, stateKey: base.stateKey, response: base.response,
                createdAt: base.createdAt, respondedAt: base.respondedAt,
                choices: DemandState.allCases.filter { $0 != .open }.map {
                    EvaluationPageFormat.Option(value: $0.rawValue, label: $0.label, selected: $0.rawValue == chosen)
                },
                typedResponse: failed.map { EvaluationPageFormat.kept($0.2["response"], 1000) }
                    ?? (demand.response ?? ""),
                rowError: failed?.1)
        }
        if let refused, !demands.contains(where: { $0.id == refused.0 }) { error = refused.1 }
    }
}
