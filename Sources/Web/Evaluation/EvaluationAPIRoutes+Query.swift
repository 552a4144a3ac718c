import Evaluation
import Foundation
import Hummingbird
import Kernel

extension EvaluationAPIRoutes {
    /// How many days a period covers when the request names no `from`: the last 30 days.
    static let defaultPeriodDays = 30

    /// The `from` and `to` query days (`yyyy-MM-dd`, inclusive): `to` defaults to today in
    /// Shanghai, `from` to 30 days ending on `to`, but never before 0001-01-01, the first day a
    /// request may name. The service checks their order and span.
    static func period(_ request: Request, today: CalendarDay) throws -> (from: CalendarDay, to: CalendarDay) {
        let to = try CaseAPIRequest.day(request, "to") ?? today
        let firstDay = try CalendarDay(year: 1, month: 1, day: 1)
        let from = try CaseAPIRequest.day(request, "from") ?? max(firstDay, to.adding(days: 1 - defaultPeriodDays))
        return (from, to)
    }

    /// The `dimension` query parameter; `department` when absent.
    static func dimension(_ request: Request) throws -> ScoreboardDimension {
        let text = CaseAPIRequest.query(request, "dimension")
        guard !text.isEmpty else { return .department }
        guard let dimension = ScoreboardDimension(rawValue: text) else {
            throw DomainError(
                .invalid, code: "request.bad-dimension", title: "dimension 参数不正确",
                detail: "dimension 应为 \(ScoreboardDimension.allCases.map(\.rawValue).joined(separator: "、")) 之一。")
        }
        return dimension
    }

    /// The `department` query parameter: a department id (UUID), or nil for all departments.
    static func department(_ request: Request) throws -> UUID? {
        let text = CaseAPIRequest.query(request, "department")
        guard !text.isEmpty else { return nil }
        guard let id = UUID(uuidString: text) else {
            throw DomainError(
                .invalid, code: "request.bad-department", title: "department 参数不正确",
                detail: "department 应为部门的编号（UUID），如 0b7e6c1a-9d2f-4c53-8a61-3f2d9e4b7c10。")
        }
        return id
    }

    /// The `state` query parameter as one of `State`'s codes, or nil when absent.
    static func state<State: RawRepresentable & CaseIterable>(_ request: Request, as type: State.Type) throws
        -> State? where State.RawValue == String
    {
        let text = CaseAPIRequest.query(request, "state")
        guard !text.isEmpty else { return nil }
        guard let state = State(rawValue: text) else {
            throw DomainError(
                .invalid, code: "request.bad-state", title: "state 参数不正确",
                detail: "state 应为 \(State.allCases.map(\.rawValue).joined(separator: "、")) 之一。")
        }
        return state
    }
}
