/// A horizontal bar chart drawn by the server: one row per group (a department), one bar per
/// series (before and after), each labelled with its value, so it reads without colour.
struct SVGBarChart {
    /// One named set of values, such as 期初.
    struct Series {
        var name: String
        /// A CSS class for the bars' colour (`bar-before`, `bar-after`).
        var cssClass: String
    }

    /// One row of bars.
    struct Group {
        var label: String
        /// One value per series; nil draws no bar and says 无.
        var values: [Double?]
    }

    var title: String
    var series: [Series]
    var groups: [Group]
    /// The value a full-width bar stands for.
    var maximum: Double
    /// How a value is written next to its bar.
    var format: (Double) -> String

    static let width = 640.0
    static let labelWidth = 190.0
    static let valueWidth = 70.0
    static let barHeight = 14.0
    static let gap = 10.0

    /// The chart as an accessible `<svg>` element (`role="img"` with a title and a description
    /// that lists every value).
    var svg: String {
        let legendHeight = 24.0
        let groupHeight = Double(max(series.count, 1)) * (Self.barHeight + 2) + Self.gap
        let height = legendHeight + Double(groups.count) * groupHeight + 4
        let span = Self.width - Self.labelWidth - Self.valueWidth
        let scale = maximum > 0 ? span / maximum : 0
        let description = groups.map { group in
            group.label + "："
                + zip(series, group.values).map { "\($0.name) \($1.map(format) ?? "无")" }.joined(separator: "，")
        }.joined(separator: "；")
        var parts = [
            #"<svg class="chart" role="img" viewBox="0 0 \#(SVGText.number(Self.width)) \#(SVGText.number(height))" "#
                + #"xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">"#,
            "<title>\(SVGText.escape(title))</title>",
            "<desc>\(SVGText.escape(description))</desc>",
        ]
        for (index, item) in series.enumerated() {
            let x = Self.labelWidth + Double(index) * 110
            parts.append(
                #"<rect class="\#(SVGText.escape(item.cssClass))" x="\#(SVGText.number(x))" y="4" width="12" height="12"/>"#
                    + #"<text x="\#(SVGText.number(x + 16))" y="15">\#(SVGText.escape(item.name))</text>"#)
        }
        for (row, group) in groups.enumerated() {
            let top = legendHeight + Double(row) * groupHeight
            parts.append(
                #"<text class="chart-label" x="\#(SVGText.number(Self.labelWidth - 6))" y="\#(SVGText.number(top + Self.barHeight))" text-anchor="end">\#(SVGText.escape(group.label))</text>"#
            )
            for (index, value) in group.values.enumerated() where index < series.count {
                let y = top + Double(index) * (Self.barHeight + 2)
                let length = max(0, min(span, (value ?? 0) * scale))
                parts.append(
                    #"<rect class="\#(SVGText.escape(series[index].cssClass))" x="\#(SVGText.number(Self.labelWidth))" y="\#(SVGText.number(y))" width="\#(SVGText.number(length))" height="\#(SVGText.number(Self.barHeight))"/>"#
                        + #"<text class="chart-value" x="\#(SVGText.number(Self.labelWidth + length + 4))" y="\#(SVGText.number(y + Self.barHeight - 3))">\#(SVGText.escape(value.map(format) ?? "无"))</text>"#
                )
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
