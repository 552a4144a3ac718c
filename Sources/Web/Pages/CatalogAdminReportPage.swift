import Catalog
import CatalogModel
import Foundation
import Identity

/// The view model of 流程再造报告: the table, the charts and the list of changes.
struct CatalogReportPage {
    /// One line of the table: a department or the overall line.
    struct Row {
        var name: String
        var isOverall: Bool
        var items: String
        var online: String
        var onlineBar: String
        var fullyOnline: String
        var materials: String
        var steps: String
        var ratio: String
        var oneVisit: String
        var oneVisitBar: String
        var zeroVisit: String
    }

    /// The change of one department's indicators.
    struct ChangeRow {
        var name: String
        var items: String
        var online: String
        var fullyOnline: String
        var materials: String
        var steps: String
        var ratio: String
        var oneVisit: String
        var zeroVisit: String
    }

    /// One version that took effect in the period.
    struct VersionRow {
        var itemName: String
        var businessCode: String
        var department: String
        var version: Int
        var day: String
        var summary: String
    }

    /// A department to choose.
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    var layout: Layout
    var from: String
    var to: String
    var departments: [Option]
    var before: [Row]
    var after: [Row]
    var changes: [ChangeRow]
    var versions: [VersionRow]
    var truncated: Bool
    var onlineChart: String
    var ratioChart: String
    var comparisonChart: String
    var apiLink: String
    /// What citizens asked for in the period and what the departments did (群众诉求).
    var demands: EvaluationPageSections.Demands?

    init(layout: Layout, report: ReengineeringReport, departments: [Department], selected: UUID?) {
        self.layout = layout
        from = report.from.description
        to = report.to.description
        self.departments = departments.map {
            Option(
                value: $0.id.uuidString, label: String(repeating: "　", count: $0.depth) + $0.name,
                selected: $0.id == selected)
        }
        let lines = report.departments + [report.overall]
        before = lines.map { Self.row($0, $0.before) }
        after = lines.map { Self.row($0, $0.after) }
        changes = lines.map(Self.changeRow)
        versions = report.changes.map(Self.versionRow)
        truncated = report.changesTruncated
        let series = [
            SVGBarChart.Series(name: "期初 \(report.from)", cssClass: "bar-before"),
            SVGBarChart.Series(name: "期末 \(report.to)", cssClass: "bar-after"),
        ]
        onlineChart =
            SVGBarChart(
                title: "各部门网上可办比例（期初与期末）", series: series,
                groups: lines.map {
                    .init(label: $0.departmentName, values: [$0.before.onlineShare, $0.after.onlineShare])
                },
                maximum: 1, format: CatalogReportFormat.percent
            ).svg
        ratioChart =
            SVGBarChart(
                title: "各部门承诺时限占法定时限比例（越低越快）", series: series,
                groups: lines.map {
                    .init(
                        label: $0.departmentName,
                        values: [$0.before.promisedToLegalRatio, $0.after.promisedToLegalRatio])
                }, maximum: 1, format: CatalogReportFormat.percent
            ).svg
        let overall = report.overall
        comparisonChart =
            SVGBarChart(
                title: "\(overall.departmentName)主要指标期初与期末对比", series: series,
                groups: [
                    .init(label: "网上可办", values: [overall.before.onlineShare, overall.after.onlineShare]),
                    .init(label: "全程网办", values: [overall.before.fullyOnlineShare, overall.after.fullyOnlineShare]),
                    .init(
                        label: "最多跑一次", values: [overall.before.atMostOneVisitShare, overall.after.atMostOneVisitShare]),
                    .init(label: "零跑动", values: [overall.before.zeroVisitShare, overall.after.zeroVisitShare]),
                    .init(
                        label: "承诺/法定时限",
                        values: [overall.before.promisedToLegalRatio, overall.after.promisedToLegalRatio]),
                ], maximum: 1, format: CatalogReportFormat.percent
            ).svg
        var query = [("from", from), ("to", to)]
        if let selected { query.append(("department", selected.uuidString)) }
        apiLink = "/api/v1/catalog/report?" + URLEncodedForm.encode(query)
    }

    static func row(_ line: ReengineeringComparison, _ figures: ReengineeringIndicators) -> Row {
        Row(
            name: line.departmentName, isOverall: line.departmentID == nil, items: String(figures.itemCount),
            online: CatalogReportFormat.percent(figures.onlineShare),
            onlineBar: SVGPercentBar(label: "网上可办", share: figures.onlineShare).svg,
            fullyOnline: CatalogReportFormat.percent(figures.fullyOnlineShare),
            materials: CatalogReportFormat.decimal(figures.averageMaterials),
            steps: CatalogReportFormat.decimal(figures.averageSteps),
            ratio: figures.promisedToLegalRatio.map(CatalogReportFormat.percent) ?? "—",
            oneVisit: CatalogReportFormat.percent(figures.atMostOneVisitShare),
            oneVisitBar: SVGPercentBar(label: "最多跑一次", share: figures.atMostOneVisitShare).svg,
            zeroVisit: CatalogReportFormat.percent(figures.zeroVisitShare))
    }

    static func changeRow(_ line: ReengineeringComparison) -> ChangeRow {
        let change = line.change
        return ChangeRow(
            name: line.departmentName, items: (change.itemCount > 0 ? "+" : "") + String(change.itemCount),
            online: CatalogReportFormat.points(change.onlineShare),
            fullyOnline: CatalogReportFormat.points(change.fullyOnlineShare),
            materials: CatalogReportFormat.delta(change.averageMaterials),
            steps: CatalogReportFormat.delta(change.averageSteps),
            ratio: change.promisedToLegalRatio.map(CatalogReportFormat.points) ?? "—",
            oneVisit: CatalogReportFormat.points(change.atMostOneVisitShare),
            zeroVisit: CatalogReportFormat.points(change.zeroVisitShare))
    }

    static func versionRow(_ change: VersionChangeSummary) -> VersionRow {
        var parts: [String] = []
        if change.isNewItem {
            parts.append(
                "新增事项：承诺时限\(change.promisedLimitAfter)，到现场\(change.visitsAfter)次，网上办理深度\(change.onlineDepthAfter)级")
        } else {
            if change.materialsAdded + change.materialsRemoved + change.materialsChanged > 0 {
                parts.append("材料增\(change.materialsAdded)减\(change.materialsRemoved)改\(change.materialsChanged)")
            }
            if let before = change.legalLimitBefore, before != change.legalLimitAfter {
                parts.append("法定时限 \(before)→\(change.legalLimitAfter)")
            }
            if let before = change.promisedLimitBefore, before != change.promisedLimitAfter {
                parts.append("承诺时限 \(before)→\(change.promisedLimitAfter)")
            }
            if let before = change.visitsBefore, before != change.visitsAfter {
                parts.append("到现场次数 \(before)→\(change.visitsAfter)")
            }
            if let before = change.onlineDepthBefore, before != change.onlineDepthAfter {
                parts.append("网上办理深度 \(before)级→\(change.onlineDepthAfter)级")
            }
            if parts.isEmpty {
                parts.append(change.changeCount == 0 ? "内容未变" : "其他修改：\(change.changedFields.joined(separator: "、"))")
            }
        }
        return VersionRow(
            itemName: change.itemName, businessCode: change.businessCode, department: change.departmentName,
            version: change.version, day: change.effectiveFrom.description, summary: parts.joined(separator: "；"))
    }
}
