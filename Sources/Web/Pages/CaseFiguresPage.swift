import Foundation

/// The view model of 办件统计: a table and SVG charts per department and per item.
struct CaseFiguresPage {
    /// One line of a table.
    struct Row {
        var name: String
        var isOverall: Bool
        var submitted: Int
        var concluded: Int
        var onTimePromised: String
        var onTimePromisedBar: String
        var onTimeLegal: String
        var averageDays: String
        var correctionRate: String
        var returnRate: String
        var rejectionRate: String
    }

    /// One chart with its caption.
    struct Chart {
        var svg: String
        var caption: String
    }

    /// Items beyond this many are in the table but not in the charts, which would grow unreadable.
    static let chartedItems = 12

    var layout: Layout
    var from: String
    var to: String
    var departments: [Row]
    var items: [Row]
    var departmentCharts: [Chart]
    var itemCharts: [Chart]
    var hasCases: Bool
    var apiLink: String

    init(layout: Layout, figures: CaseAPIModels.Figures) {
        self.layout = layout
        from = figures.from
        to = figures.to
        departments = (figures.departments + [figures.overall]).map { Self.row($0, overall: $0.key == "all") }
        items = figures.items.map { Self.row($0, overall: false) }
        departmentCharts = CaseFiguresCharts.charts(figures.departments, subject: "各部门")
        itemCharts = CaseFiguresCharts.charts(Array(figures.items.prefix(Self.chartedItems)), subject: "各事项")
        hasCases = figures.overall.submitted > 0
        apiLink = "/api/v1/cases/figures?" + URLEncodedForm.encode([("from", from), ("to", to)])
    }

    static func row(_ row: CaseAPIModels.FigureRow, overall: Bool) -> Row {
        let percent = { (share: Double?) in share.map(CatalogReportFormat.percent) ?? "—" }
        return Row(
            name: row.name, isOverall: overall, submitted: row.submitted, concluded: row.concluded,
            onTimePromised: percent(row.onTimePromisedRate),
            onTimePromisedBar: row.onTimePromisedRate.map { SVGPercentBar(label: "承诺时限内办结", share: $0).svg } ?? "",
            onTimeLegal: percent(row.onTimeLegalRate),
            averageDays: row.averageDays.map(CatalogReportFormat.decimal) ?? "—",
            correctionRate: percent(row.correctionRate), returnRate: percent(row.returnRate),
            rejectionRate: percent(row.rejectionRate))
    }
}
