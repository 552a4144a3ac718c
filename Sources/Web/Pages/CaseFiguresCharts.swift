import Foundation

/// The SVG charts of 办件统计 for one set of rows (departments or items).
enum CaseFiguresCharts {
    /// On-time rates, average days, correction and return rates, rejection rate.
    static func charts(_ rows: [CaseAPIModels.FigureRow], subject: String) -> [CaseFiguresPage.Chart] {
        guard !rows.isEmpty else { return [] }
        let percent = CatalogReportFormat.percent
        let onTime = SVGBarChart(
            title: "\(subject)按时办结率", series: [series("承诺时限", "bar-after"), series("法定时限", "bar-before")],
            groups: rows.map { .init(label: $0.name, values: [$0.onTimePromisedRate, $0.onTimeLegalRate]) },
            maximum: 1, format: percent)
        let days = rows.compactMap(\.averageDays).max() ?? 0
        let average = SVGBarChart(
            title: "\(subject)平均办理天数", series: [series("平均用时（计时天数）", "bar-after")],
            groups: rows.map { .init(label: $0.name, values: [$0.averageDays]) },
            maximum: max(days, 1), format: CatalogReportFormat.decimal)
        let corrections = SVGBarChart(
            title: "\(subject)补正率与退回率", series: [series("补正率", "bar-after"), series("退回率", "bar-before")],
            groups: rows.map { .init(label: $0.name, values: [$0.correctionRate, $0.returnRate]) },
            maximum: 1, format: percent)
        let rejections = SVGBarChart(
            title: "\(subject)不予受理率", series: [series("不予受理率", "bar-after")],
            groups: rows.map { .init(label: $0.name, values: [$0.rejectionRate]) },
            maximum: 1, format: percent)
        return [
            .init(svg: onTime.svg, caption: "\(subject)在承诺时限和法定时限内办结的比例；“无”表示期间没有办结的办件或没有法定时限"),
            .init(svg: average.svg, caption: "\(subject)办结办件的平均用时，按事项的计时方式（工作日或自然日）计，不含补正、特别程序和中止"),
            .init(svg: corrections.svg, caption: "\(subject)收到一次性告知的办件占提交办件的比例，以及受理后被退回过的办件占受理办件的比例"),
            .init(svg: rejections.svg, caption: "\(subject)不予受理的办件占作出受理决定的办件的比例"),
        ]
    }

    private static func series(_ name: String, _ cssClass: String) -> SVGBarChart.Series {
        SVGBarChart.Series(name: name, cssClass: cssClass)
    }
}
