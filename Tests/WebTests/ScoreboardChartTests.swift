import Foundation
import Testing

@testable import Web

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The scoreboard's server-drawn charts: segment geometry, escaping, the text alternatives, and
/// lines without ratings.
///
/// The expected coordinates were computed apart in Python for a 280-unit bar (360 wide less the
/// 80-unit value column), each edge placed from the running count and rounded to a tenth:
/// `round(280 * cumulative / total, 1)`.
@Suite("Scoreboard charts")
struct ScoreboardChartTests {
    /// The `<rect>` elements of one level, as (x, width).
    static func segments(_ svg: String, level: Int) -> [(String, String)] {
        let pattern = #"<rect class="lvl lvl-\#(level)" x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)""#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).compactMap { match in
            guard let x = Range(match.range(at: 1), in: svg), let width = Range(match.range(at: 2), in: svg) else {
                return nil
            }
            return (String(svg[x]), String(svg[width]))
        }
    }

    /// Whether `svg` parses as XML (an unescaped name would break it).
    static func isWellFormed(_ svg: String) -> Bool {
        XMLParser(data: Data(svg.utf8)).parse()
    }

    @Test("each level's segment spans its share of the bar, 非常满意 first, and the edges meet")
    func stackedGeometry() {
        // Setup: 非常不满意 1, 满意 1, 非常满意 2 (index 0 is 非常不满意); and 1,1,1,1,2 of six.
        let bars = [
            ScoreboardChart.Bar(name: "市公安局", byLevel: [1, 0, 0, 1, 2]),
            ScoreboardChart.Bar(name: "市民政局", byLevel: [1, 1, 1, 1, 2]),
        ]

        // Act
        let svg = ScoreboardChart.levels(title: "各部门评价等级分布", bars: bars)

        // Verify: the first bar (the legend's swatches carry no x/y pair with width 12 at these x).
        let verySatisfied = Self.segments(svg, level: 5).filter { $0.1 != "12" }
        #expect(verySatisfied.map(\.0) == ["0", "0"])
        #expect(verySatisfied.map(\.1) == ["140", "93.3"])
        #expect(
            Self.segments(svg, level: 4).filter { $0.1 != "12" }.map { [$0.0, $0.1] } == [
                ["140", "70"], ["93.3", "46.7"],
            ])
        #expect(Self.segments(svg, level: 3).filter { $0.1 != "12" }.map { [$0.0, $0.1] } == [["140", "46.7"]])
        #expect(Self.segments(svg, level: 2).filter { $0.1 != "12" }.map { [$0.0, $0.1] } == [["186.7", "46.6"]])
        #expect(
            Self.segments(svg, level: 1).filter { $0.1 != "12" }.map { [$0.0, $0.1] } == [
                ["210", "70"], ["233.3", "46.7"],
            ])
        // Verify: each segment names its count and share; the totals follow the bars.
        #expect(svg.contains("<title>市公安局：非常满意 2条（50.0%）</title>"))
        #expect(svg.contains("<title>市公安局：非常不满意 1条（25.0%）</title>"))
        #expect(svg.contains(">共4条</text>") && svg.contains(">共6条</text>"))
        #expect(Self.isWellFormed(svg))
    }

    @Test("the chart has a title, an aria-label and a description listing every figure")
    func textAlternatives() {
        // Setup
        let bars = [ScoreboardChart.Bar(name: "3号窗口", byLevel: [0, 1, 0, 0, 4])]

        // Act
        let levels = ScoreboardChart.levels(title: "各服务窗口评价等级分布", bars: bars)
        let satisfaction = ScoreboardChart.satisfaction(title: "各服务窗口满意率", bars: bars)

        // Verify
        #expect(levels.hasPrefix(#"<svg class="eva-chart" role="img" aria-label="各服务窗口评价等级分布""#))
        #expect(levels.contains("<title>各服务窗口评价等级分布</title>"))
        #expect(
            levels.contains(
                "<desc>3号窗口：非常满意 4条，满意 0条，基本满意 0条，不满意 1条，非常不满意 0条，共5条</desc>"))
        // 4 of 5 satisfied is 800 per mille; the bar is 0.8 of 280.
        #expect(satisfaction.contains("<desc>3号窗口：满意率 80.0%</desc>"))
        #expect(satisfaction.contains(#"<rect class="chart-bar" x="0" y="26" width="224""#))
        #expect(satisfaction.contains("<title>3号窗口：满意率 80.0%（共5条评价）</title>"))
        #expect(Self.isWellFormed(levels) && Self.isWellFormed(satisfaction))
    }

    @Test("a line without ratings draws an empty track that says so, never NaN or infinity")
    func emptyLine() {
        // Setup
        let bars = [
            ScoreboardChart.Bar(name: "市医保局", byLevel: [0, 0, 0, 0, 0]),
            ScoreboardChart.Bar(name: "短数组", byLevel: []),
        ]

        // Act
        let levels = ScoreboardChart.levels(title: "分布", bars: bars)
        let satisfaction = ScoreboardChart.satisfaction(title: "满意率", bars: bars)
        let nothing = ScoreboardChart.levels(title: "分布", bars: [])

        // Verify
        for svg in [levels, satisfaction, nothing] {
            #expect(!svg.lowercased().contains("nan") && !svg.lowercased().contains("inf"))
            #expect(Self.isWellFormed(svg))
        }
        #expect(levels.contains("<title>市医保局：暂无评价</title>"))
        #expect(levels.contains(">暂无评价</text>"))
        #expect(Self.segments(levels, level: 5).allSatisfy { $0.1 == "12" }, "only the legend swatch")
        #expect(satisfaction.contains("市医保局：满意率 暂无评价"))
        #expect(!satisfaction.contains(#"class="chart-bar""#))
        #expect(nothing.contains("<desc>暂无数据</desc>"))
    }

    @Test("names are escaped everywhere and long ones are cut on the chart only")
    func escapingAndCutting() {
        // Setup
        let hostile = #"<script>alert("x")</script>&'"#
        let long = String(repeating: "很长的事项名称", count: 6)
        let bars = [
            ScoreboardChart.Bar(name: hostile, byLevel: [0, 0, 0, 0, 1]),
            ScoreboardChart.Bar(name: long, byLevel: [0, 0, 1, 0, 0]),
        ]

        // Act
        let levels = ScoreboardChart.levels(title: "标题<b>", bars: bars)
        let satisfaction = ScoreboardChart.satisfaction(title: "标题<b>", bars: bars)

        // Verify
        for svg in [levels, satisfaction] {
            #expect(!svg.contains("<script>") && !svg.contains("<b>"))
            #expect(svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;"))
            #expect(svg.contains(#"aria-label="标题&lt;b&gt;""#))
            #expect(Self.isWellFormed(svg))
        }
        let cut = String(long.prefix(ScoreboardChart.nameLimit - 1)) + "…"
        #expect(levels.contains(#"<text class="chart-label" x="0" y="#) && levels.contains(">\(cut)</text>"))
        #expect(levels.contains("<title>\(long)：基本满意 1条（100.0%）</title>"), "the title keeps the whole name")
    }

    @Test("the same lines give the same SVG, and the order of lines is kept")
    func deterministic() throws {
        // Setup
        let bars = [
            ScoreboardChart.Bar(name: "甲", byLevel: [2, 0, 1, 3, 4]),
            ScoreboardChart.Bar(name: "乙", byLevel: [0, 1, 0, 0, 0]),
        ]

        // Act
        let first = ScoreboardChart.levels(title: "t", bars: bars)
        let second = ScoreboardChart.levels(title: "t", bars: bars)
        let swapped = ScoreboardChart.levels(title: "t", bars: bars.reversed())

        // Verify
        #expect(first == second)
        #expect(first != swapped)
        let a = try #require(first.range(of: ">甲</text>"))
        let b = try #require(first.range(of: ">乙</text>"))
        #expect(a.lowerBound < b.lowerBound)
    }
}
