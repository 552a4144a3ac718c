import Evaluation
import Foundation
import Hummingbird
import Kernel

/// 好差评 and 政民互动 as pages: the public scoreboard and the counter's evaluation device, the
/// citizen's ratings, messages and demands, and the staff's queues and forms.
///
/// `EvaluationService` checks every permission; these routes only name the caller. A form the
/// service refuses is shown again with its Chinese message and what was typed, never as a 500.
enum EvaluationPageRoutes {
    /// The notices a redirect after a successful command may ask for; never text from the query.
    static let notices = [
        "rated": "感谢您的评价！", "accepted": "您已确认整改结果，整改单已办结。", "appealed": "申诉已提交，监督员将进行复核。",
        "sent": "留言已提交，部门将在答复期限内答复您。", "feedback": "感谢您对答复的评价。", "demand": "诉求已提交，感谢您的建议。",
        "called-back": "回访情况已记录。", "answered": "已反馈群众。", "decided": "复核意见已记录。",
        "message-answered": "答复已发送。", "faq": "已转为该事项的常见问题，办事指南页已显示。", "recorded": "电话留言已登记。",
        "responded": "处理意见已记录。",
    ]

    /// Who the staff pages are for, in the refusal shown to anyone else.
    static let staffAudience = "好差评与政民互动的处理只供部门工作人员和监督员使用"

    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        addPublic(to: router, dependencies: dependencies)
        addCounter(to: router, dependencies: dependencies)
        addRatings(to: router, dependencies: dependencies)
        addMessages(to: router, dependencies: dependencies)
        addDemands(to: router, dependencies: dependencies)
        addStaffOverview(to: router, dependencies: dependencies)
        addStaffTickets(to: router, dependencies: dependencies)
        addStaffMessages(to: router, dependencies: dependencies)
        addStaffDemands(to: router, dependencies: dependencies)
        addCounterCode(to: router, dependencies: dependencies)
    }

    /// The `{id}` path parameter; a malformed one is simply not found, like a record the caller
    /// may not see.
    static func id(_ context: AppRequestContext, _ what: String = "记录") throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else {
            throw DomainError(
                .notFound, code: "evaluation.not-found", title: "\(what)不存在", detail: "没有找到这条\(what)，或您无权查看。")
        }
        return id
    }

    /// The notice a `done` query asks for.
    static func notice(_ request: Request) -> String? {
        request.uri.queryParameters["done"].flatMap { notices[String($0)] }
    }

    /// An optional query or form value, trimmed, nil when empty.
    static func value(_ text: String?) -> String? {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A department id from a form or query; an empty value is none, a malformed one is refused.
    static func departmentID(_ text: String?) throws -> UUID? {
        guard let text = value(text) else { return nil }
        guard let id = UUID(uuidString: text) else {
            throw DomainError(
                .invalid, code: "evaluation.bad-department", title: "部门参数有误", detail: "请从部门列表中选择部门，或留空表示全部部门。")
        }
        return id
    }

    /// The period of a request: `from` and `to` as typed, from 1 January of this year to today
    /// unless the query says otherwise.
    static func period(_ request: Request, today: CalendarDay) -> (from: String, to: String) {
        let query = request.uri.queryParameters
        let from = value(query["from"].map(String.init)).map { String($0.prefix(10)) }
        let to = value(query["to"].map(String.init)).map { String($0.prefix(10)) }
        let start = (try? CalendarDay(year: today.year, month: 1, day: 1)) ?? today
        return (from ?? start.description, to ?? today.description)
    }
}
