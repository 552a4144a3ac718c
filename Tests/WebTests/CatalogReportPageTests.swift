import Catalog
import CatalogModel
import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Server
import StorageTesting
import Testing

@testable import Web

/// 流程再造报告 as a page and as JSON, over versions published for days after any demo data, so
/// the changes are known whatever else the catalog holds.
@Suite("Re-engineering report page and API")
struct CatalogReportPageTests {
    /// Publishes an item of 市场监管局 effective in 30 days and its second version (one more
    /// material, promised 3 instead of 5 working days) effective in 40; returns the department.
    static func publishFuture(_ platform: Platform) async throws -> (department: UUID, today: CalendarDay) {
        let editor = try await CatalogWebFixture.actor(platform, "scj-admin")
        let reviewer = try await CatalogWebFixture.actor(platform, "review01")
        let today = CalendarDay(platform.clock.now())
        let department = try #require(
            try await platform.organisation.publicDepartments().first { $0.code == "SJZ-SCJGJ" }
        ).id
        var guide = ItemGuide(
            name: "报告测试事项<b>", itemType: .licensing, audiences: [.enterprise],
            materials: [RequiredMaterial(code: "M01", name: "申请书")], legalTimeLimit: TimeLimit(days: 20),
            promisedTimeLimit: TimeLimit(days: 5), visitsRequired: 1, onlineDepth: .submission,
            channels: [.online, .window], result: ItemResult(kind: .license, name: "许可证"))
        let draft = try await platform.catalog.createItem(
            CreateItem(
                businessCode: try CatalogWebFixture.code(base: "000111008000", sequence: 77), departmentID: department,
                divisionCode: try DivisionCode("130100"), guide: guide), by: editor)
        _ = try await platform.catalog.publish(
            itemID: draft.itemID, effectiveFrom: today.adding(days: 30), by: reviewer)
        guide.materials.append(RequiredMaterial(code: "M02", name: "场所证明"))
        guide.promisedTimeLimit = TimeLimit(days: 3)
        _ = try await platform.catalog.saveDraft(itemID: draft.itemID, guide: guide, by: editor)
        _ = try await platform.catalog.publish(
            itemID: draft.itemID, effectiveFrom: today.adding(days: 40), by: reviewer)
        return (department, today)
    }

    @Test("the JSON report counts the new item and summarises its second version", arguments: TestDatabase.available)
    func json(kind: TestDatabase) async throws {
        try await TestServer.run(on: kind) { client, platform in
            // Setup
            let (department, today) = try await Self.publishFuture(platform)
            let query = "from=\(today.adding(days: 29))&to=\(today.adding(days: 40))&department=\(department)"

            // Act
            let response = try await client.execute(uri: "/api/v1/catalog/report?\(query)", method: .get)

            // Verify
            #expect(response.status == .ok)
            let report = try response.json(ReengineeringReport.self)
            #expect(report.from == today.adding(days: 29) && report.to == today.adding(days: 40))
            #expect(report.overall.departmentName == "市市场监督管理局" && report.overall.change.itemCount == 1)
            #expect(report.changes.map(\.version) == [1, 2] && report.changes.map(\.isNewItem) == [true, false])
            let second = try #require(report.changes.last)
            #expect(
                second.materialsAdded == 1 && second.promisedLimitBefore == "5个工作日"
                    && second.promisedLimitAfter == "3个工作日")
            #expect(second.effectiveFrom == today.adding(days: 40))
        }
    }

    @Test("the page shows the table, accessible SVG charts and the changes, escaped")
    func page() async throws {
        try await TestServer.run { client, platform in
            let (department, today) = try await Self.publishFuture(platform)
            let query = "from=\(today.adding(days: 29))&to=\(today.adding(days: 40))&department=\(department)"
            let report = try await platform.catalog.reengineeringReport(
                from: today.adding(days: 29), to: today.adding(days: 40), departmentID: department)

            let response = try await client.execute(uri: "/services/report?\(query)", method: .get)

            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<h1>流程再造报告</h1>"))
            #expect(html.components(separatedBy: #"<svg class="chart" role="img""#).count - 1 == 3)
            #expect(html.contains("<title>各部门网上可办比例（期初与期末）</title>"))
            #expect(html.contains(CatalogReportFormat.percent(report.overall.after.onlineShare)))
            #expect(html.contains("<td>+1</td>"), "the item count went up by one")
            #expect(html.contains("报告测试事项&lt;b&gt;") && !html.contains("报告测试事项<b>"))
            #expect(html.contains("第2版，\(today.adding(days: 40)) 生效：材料增1减0改0；承诺时限 5个工作日→3个工作日"))
            #expect(html.contains(#"<option value="\#(department.uuidString)" selected>"#))
        }
    }

    @Test("defaults run from 1 January to today; bad dates are 400, an unknown department 404")
    func parameters() async throws {
        try await TestServer.run { client, platform in
            let today = CalendarDay(platform.clock.now())

            let defaults = try await client.execute(uri: "/api/v1/catalog/report", method: .get)
            let badDay = try await client.execute(uri: "/api/v1/catalog/report?from=2025-02-30", method: .get)
            let reversed = try await client.execute(
                uri: "/api/v1/catalog/report?from=2025-03-04&to=2025-03-01", method: .get)
            let long = try await client.execute(
                uri: "/api/v1/catalog/report?from=2000-01-01&to=2025-01-01", method: .get)
            let badDepartment = try await client.execute(uri: "/api/v1/catalog/report?department=x", method: .get)
            let unknown = try await client.execute(
                uri: "/api/v1/catalog/report?department=\(UUID().uuidString)", method: .get)
            let page = try await client.execute(uri: "/services/report?to=20250101", method: .get)

            let body = try defaults.object()
            #expect(defaults.status == .ok)
            #expect(body["from"] as? String == "\(today.year)-01-01" && body["to"] as? String == today.description)
            for response in [badDay, reversed, long, badDepartment] {
                #expect(response.status == .badRequest && response.contentType.hasPrefix("application/problem+json"))
                #expect(try response.problem().detail.containsChinese)
            }
            #expect(unknown.status == .notFound)
            #expect(page.status == .badRequest && page.text.contains("日期格式错误"))
        }
    }

    @Test("chart text is escaped and the chart is an image with a title")
    func svgEscaping() {
        let chart = SVGBarChart(
            title: "a<script>&", series: [.init(name: "期初\"", cssClass: "bar-before")],
            groups: [.init(label: "<部门>", values: [0.5]), .init(label: "无值", values: [nil])], maximum: 1,
            format: CatalogReportFormat.percent
        ).svg
        #expect(chart.hasPrefix(#"<svg class="chart" role="img""#))
        #expect(chart.contains("<title>a&lt;script&gt;&amp;</title>"))
        #expect(chart.contains("&lt;部门&gt;") && !chart.contains("<部门>") && chart.contains("期初&quot;"))
        #expect(chart.contains(">50.0%</text>") && chart.contains(">无</text>"))
        #expect(SVGPercentBar(label: "网上可办", share: 2).svg.contains(#"width="100" height="8"/></svg>"#))
    }
}
