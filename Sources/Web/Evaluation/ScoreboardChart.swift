import Evaluation

/// The two charts of the public scoreboard, drawn by the server as SVG: one stacked bar per line
/// showing the share of each of the five levels, and a bar per line of its 满意率.
///
/// Pure and deterministic: the same lines give the same text, every name is escaped, and a line
/// without ratings draws an empty track that says so instead of dividing by zero. Each chart
/// carries a `<title>`, an `aria-label` and a `<desc>` listing every figure, so it reads without
/// sight or colour; each bar has its own `<title>` as well.
enum ScoreboardChart {
    /// One line of a chart.
    struct Bar: Equatable {
        /// The department, item or window.
        var name: String
        /// Ratings at each level, index 0 for 非常不满意 … 4 for 非常满意.
        var byLevel: [Int]

        /// All ratings.
        var total: Int { byLevel.reduce(0) { $0 + max(0, $1) } }
    }

    /// About a phone's width, so the text keeps its size there; wider screens scale it up.
    static let width = 360.0
    static let valueWidth = 80.0
    static let rowHeight = 40.0
    static let barTop = 18.0
    static let barHeight = 14.0
    static let legendHeight = 28.0
    /// Longer names are cut with an ellipsis on the chart (the table and the titles keep them whole).
    static let nameLimit = 26
    /// The colour of each level, 非常不满意 first, each at least 3:1 against white (WCAG 1.4.11);
    /// the classes let the stylesheet adjust them.
    static let fills = ["#b42318", "#b35c00", "#6b737c", "#2e8f7f", "#1a7f37"]
    /// The empty track behind a bar, and the 满意率 bar.
    static let (trackFill, barFill) = ("#eef0f2", "#0b4f9c")
    /// The thin line between two levels of a stacked bar, so neighbours stay apart.
    static let separator = "#ffffff"

    /// The bars of `lines`, in their order.
    static func bars(_ lines: [ScoreboardLine]) -> [Bar] {
        lines.map { Bar(name: $0.name, byLevel: $0.tally.byLevel) }
    }

    /// The stacked bars: each line's ratings split by level, each line as wide as the chart.
    static func levels(title: String, bars: [Bar]) -> String {
        let span = width - valueWidth
        let labels = RatingLevel.allCases
        let description = bars.map { bar in
            let parts = labels.reversed().map { "\($0.label) \(count(bar, $0))条" }
            return "\(bar.name)：" + parts.joined(separator: "，") + "，共\(bar.total)条"
        }
        var parts = open(title: title, description: description, height: legendHeight + Double(bars.count) * rowHeight)
        for (index, level) in labels.reversed().enumerated() {
            let x = Double(index) * 70
            parts.append(
                #"<rect class="lvl lvl-\#(level.rawValue)" x="\#(SVGText.number(x))" y="6" width="12" height="12" fill="\#(fills[level.rawValue - 1])"/>"#
                    + #"<text class="chart-legend" x="\#(SVGText.number(x + 16))" y="17">\#(level.label)</text>"#)
        }
        for (row, bar) in bars.enumerated() {
            let top = legendHeight + Double(row) * rowHeight
            parts.append(label(bar.name, top: top))
            let total = bar.total
            let y = SVGText.number(top + barTop)
            guard total > 0 else {
                parts.append(
                    #"<rect class="chart-track" x="0" y="\#(y)" width="\#(SVGText.number(span))" height="\#(SVGText.number(barHeight))" fill="\#(trackFill)"><title>\#(SVGText.escape(bar.name))：暂无评价</title></rect>"#
                )
                parts.append(value("暂无评价", top: top))
                continue
            }
            // Levels from 非常满意 on the left; each edge is placed from the running count, so the
            // rounded segments always meet and end at the full width.
            var before = 0
            for level in labels.reversed() {
                let n = count(bar, level)
                let start = tenth(span * Double(before) / Double(total))
                before += n
                let end = tenth(span * Double(before) / Double(total))
                guard n > 0 else { continue }
                let share = EvaluationPageFormat.percent(EvaluationPageFormat.perMille(n, of: total))
                parts.append(
                    #"<rect class="lvl lvl-\#(level.rawValue)" x="\#(SVGText.number(start))" y="\#(y)" width="\#(SVGText.number(end - start))" height="\#(SVGText.number(barHeight))" fill="\#(fills[level.rawValue - 1])" stroke="\#(separator)">"#
                        + "<title>\(SVGText.escape(bar.name))：\(level.label) \(n)条（\(share)）</title></rect>")
            }
            parts.append(value("共\(total)条", top: top))
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// One bar per line, as long as its 满意率 (满意 and 非常满意 over all ratings).
    static func satisfaction(title: String, bars: [Bar]) -> String {
        let span = width - valueWidth
        let rates = bars.map {
            EvaluationPageFormat.perMille(count($0, .satisfied) + count($0, .verySatisfied), of: $0.total)
        }
        let description = zip(bars, rates).map { bar, rate in
            "\(bar.name)：满意率 \(rate == nil ? "暂无评价" : EvaluationPageFormat.percent(rate))"
        }
        var parts = open(title: title, description: description, height: 8 + Double(bars.count) * rowHeight)
        for (row, (bar, rate)) in zip(bars, rates).enumerated() {
            let top = 8 + Double(row) * rowHeight
            parts.append(label(bar.name, top: top))
            let y = SVGText.number(top + barTop)
            parts.append(
                #"<rect class="chart-track" x="0" y="\#(y)" width="\#(SVGText.number(span))" height="\#(SVGText.number(barHeight))" fill="\#(trackFill)"/>"#
            )
            guard let rate else {
                parts.append(value("暂无评价", top: top))
                continue
            }
            let length = tenth(span * Double(min(max(rate, 0), 1000)) / 1000)
            let text = EvaluationPageFormat.percent(rate)
            parts.append(
                #"<rect class="chart-bar" x="0" y="\#(y)" width="\#(SVGText.number(length))" height="\#(SVGText.number(barHeight))" fill="\#(barFill)">"#
                    + "<title>\(SVGText.escape(bar.name))：满意率 \(text)（共\(bar.total)条评价）</title></rect>")
            parts.append(value(text, top: top))
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The opening of a chart: its element, title and description.
    static func open(title: String, description: [String], height: Double) -> [String] {
        let title = SVGText.escape(title)
        return [
            #"<svg class="eva-chart" role="img" aria-label="\#(title)" viewBox="0 0 \#(SVGText.number(width)) \#(SVGText.number(height))" "#
                + #"xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">"#,
            "<title>\(title)</title>",
            "<desc>\(SVGText.escape(description.isEmpty ? "暂无数据" : description.joined(separator: "；")))</desc>",
        ]
    }

    /// A line's name above its bar, cut to `nameLimit` characters.
    static func label(_ name: String, top: Double) -> String {
        let shown = name.count > nameLimit ? String(name.prefix(nameLimit - 1)) + "…" : name
        return #"<text class="chart-label" x="0" y="\#(SVGText.number(top + 13))">\#(SVGText.escape(shown))</text>"#
    }

    /// The figure written after a bar.
    static func value(_ text: String, top: Double) -> String {
        #"<text class="chart-value" x="\#(SVGText.number(width - valueWidth + 6))" y="\#(SVGText.number(top + barTop + barHeight - 3))">\#(SVGText.escape(text))</text>"#
    }

    /// The ratings of `bar` at `level`; a short or negative count is none.
    static func count(_ bar: Bar, _ level: RatingLevel) -> Int {
        let index = level.rawValue - 1
        return index < bar.byLevel.count ? max(0, bar.byLevel[index]) : 0
    }

    /// `value` rounded to a tenth, as coordinates are written.
    static func tenth(_ value: Double) -> Double {
        value.isFinite ? (value * 10).rounded() / 10 : 0
    }
}
