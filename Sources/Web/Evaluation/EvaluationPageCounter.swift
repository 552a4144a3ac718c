import Evaluation
import Foundation
import Kernel

/// The view model of the service window's evaluation device (评价器, `/evaluation/counter/{code}`):
/// the visit being rated without any personal data, big buttons for the five levels, the counter
/// indicators and a comment; or why the code cannot be used; or the thanks after rating.
struct EvaluationPageCounter {
    var layout: Layout
    var code: String
    var itemName: String?
    var department: String?
    var window: String?
    var closesAt: String?
    /// The overall level: the big buttons.
    var overall: EvaluationPageFormat.IndicatorField?
    /// The other indicators of the counter set.
    var indicators: [EvaluationPageFormat.IndicatorField] = []
    var comment = ""
    /// Why the page shows no form: an unknown, replaced or used code, or a closed window.
    var unusable: DomainError?
    /// The error of a refused rating, shown above the form.
    var error: DomainError?
    /// Set after rating: the level given, and whether it was a bad review (which is followed up).
    var thanksLevel: String?
    var thanksBad = false

    /// The form for `rating`, holding `typed` when a rating was refused.
    init(layout: Layout, code: String, rating: Rating, now: Date, typed: [String: String] = [:]) {
        self.layout = layout
        self.code = code
        itemName = rating.itemName
        department = rating.departmentName
        window = rating.serviceWindow
        closesAt = CasePageFormat.time(rating.closesAt)
        guard rating.isOpen(at: now) else {
            unusable =
                rating.level == nil
                ? DomainError(
                    .conflict, code: "evaluation.window-closed", title: "评价期已过", detail: "该次窗口服务的评价期已结束，感谢您的关注。")
                : DomainError(.conflict, code: "evaluation.already-rated", title: "已评价", detail: "该次窗口服务已经评价过了，感谢您的评价。")
            return
        }
        let set = IndicatorSet.named(rating.indicatorSet) ?? .counterV1
        let fields = EvaluationPageFormat.fields(set, typed: typed)
        overall = fields.first { $0.key == "overall" }
        indicators = fields.filter { $0.key != "overall" }
        comment = EvaluationPageFormat.kept(typed["comment"], 500)
    }

    /// The page of a code that cannot be used.
    init(layout: Layout, code: String, unusable: DomainError) {
        self.layout = layout
        self.code = code
        self.unusable = unusable
    }

    /// The thanks after `rating` was given.
    init(layout: Layout, thanks rating: Rating) {
        self.layout = layout
        code = ""
        itemName = rating.itemName
        department = rating.departmentName
        window = rating.serviceWindow
        thanksLevel = rating.level?.label
        thanksBad = rating.level?.isBad ?? false
    }
}
