import Evaluation
import Foundation
import Identity
import Kernel

/// The view model of 好差评排行 (`/evaluation`): a tab per dimension, the period and department
/// filters, a table of every line with its counts and rates, the two charts and the JSON link.
struct EvaluationPageScoreboard {
    /// One tab: a dimension, linked with the other filters kept.
    struct Tab {
        var id: String
        var label: String
        var href: String
        var current: Bool
    }

    /// One line of the table (also the overall line).
    struct Row {
        var name: String
        var department: String?
        /// The counts from 非常满意 down to 非常不满意.
        var counts: [Int]
        var total: Int
        var satisfaction: String
        var bad: String
        var callback: String
        var rectification: String
        var onTime: String
        var average: String
    }

    /// The level names of the table's heading, 非常满意 first.
    static let levelNames = EvaluationPageFormat.levelsHighFirst.map(\.label)
    /// How many lines the charts draw; the table lists them all.
    static let chartLimit = 30

    var layout: Layout
    var tabs: [Tab]
    var dimension: String
    var dimensionLabel: String
    var showsDepartment: Bool
    var from: String
    var to: String
    var departments: [EvaluationPageFormat.Option]
    var levelNames: [String] = Self.levelNames
    var rows: [Row] = []
    var overall: Row?
    var hasRows = false
    var levelsChart: String?
    var satisfactionChart: String?
    var chartNote: String?
    var apiLink: String
    var error: DomainError?

    /// The page for the filters chosen; `scoreboard` is nil when they were refused.
    init(
        layout: Layout, dimension: ScoreboardDimension, from: String, to: String, departmentID: UUID?,
        departments: [Department], scoreboard: Scoreboard?
    ) {
        self.layout = layout
        self.dimension = dimension.rawValue
        dimensionLabel = dimension.label
        showsDepartment = dimension != .department
        self.from = from
        self.to = to
        self.departments = EvaluationPageFormat.departments(departments, selected: departmentID)
        var filters = [("from", from), ("to", to)]
        if let departmentID { filters.append(("department", departmentID.uuidString)) }
        tabs = ScoreboardDimension.allCases.map { tab in
            Tab(
                id: "tab-\(tab.rawValue)", label: "按\(tab.label)",
                href: "/evaluation?" + URLEncodedForm.encode([("dimension", tab.rawValue)] + filters),
                current: tab == dimension)
        }
        apiLink =
            "/api/v1/evaluation/scoreboard?" + URLEncodedForm.encode([("dimension", dimension.rawValue)] + filters)
        guard let scoreboard else { return }
        rows = scoreboard.lines.map { Self.row($0.name, department: $0.departmentName, $0.tally) }
        overall = Self.row("合计", department: nil, scoreboard.overall)
        hasRows = !rows.isEmpty
        guard hasRows else { return }
        let drawn = Array(scoreboard.lines.prefix(Self.chartLimit))
        let bars = ScoreboardChart.bars(drawn)
        let period = "\(scoreboard.from) 至 \(scoreboard.to)"
        levelsChart = ScoreboardChart.levels(title: "各\(dimension.label)评价等级分布（\(period)）", bars: bars)
        satisfactionChart = ScoreboardChart.satisfaction(title: "各\(dimension.label)满意率（\(period)）", bars: bars)
        if scoreboard.lines.count > drawn.count {
            chartNote = "图表显示满意率最高的前\(drawn.count)项，全部\(scoreboard.lines.count)项见上表和 JSON 数据。"
        }
    }

    /// A table line of `tally`.
    static func row(_ name: String, department: String?, _ tally: ScoreTally) -> Row {
        Row(
            name: name, department: department,
            counts: EvaluationPageFormat.levelsHighFirst.map {
                tally.byLevel.indices.contains($0.rawValue - 1) ? tally.byLevel[$0.rawValue - 1] : 0
            },
            total: tally.total, satisfaction: EvaluationPageFormat.percent(tally.satisfactionPerMille),
            bad: EvaluationPageFormat.percent(tally.badPerMille),
            callback: EvaluationPageFormat.percent(tally.callbackPerMille),
            rectification: EvaluationPageFormat.percent(tally.rectificationPerMille),
            onTime: EvaluationPageFormat.percent(tally.onTimeRectificationPerMille),
            average: EvaluationPageFormat.average(tally.averageLevelHundredths))
    }
}
