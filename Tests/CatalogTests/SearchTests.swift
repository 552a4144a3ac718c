import Catalog
import CatalogModel
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Searching the catalog")
struct SearchTests {
    @Test("营业执照 finds 营业执照设立登记 first, then the item needing a business license", arguments: TestDatabase.available)
    func fullName(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            try await fixture.publishSearchBasics()

            let results = try await fixture.service.search("营业执照")

            #expect(results.hits.map(\.summary.name) == ["营业执照设立登记", "食品经营许可（新办）"])
            #expect(results.total == 2)
            #expect(results.nextOffset == nil)
            #expect(results.expandedTerms.isEmpty)
            let first = try #require(results.hits.first)
            #expect(first.summary.departmentName == "市市场监督管理局")
            #expect(first.summary.businessCode == CatalogFixture.code(sequence: 1).rawValue)
            #expect(
                first.highlightedName == [
                    HighlightSegment(text: "营业执照", matched: true), HighlightSegment(text: "设立登记", matched: false),
                ])
            #expect(results.hits[1].matchedIn == ["申请材料"])
            #expect(results.hits[1].highlightedName == [HighlightSegment(text: "食品经营许可（新办）", matched: false)])
            #expect(first.score > results.hits[1].score)
        }
    }

    @Test(
        "开饭店 finds the food permit by its keyword and by synonyms, and says how it expanded",
        arguments: TestDatabase.available)
    func synonyms(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            try await fixture.publishSearchBasics()
            // No keyword at all: only the synonyms 餐饮 and 食品经营 can find it.
            try await fixture.published("食品经营许可（延续）", sequence: 4)

            let results = try await fixture.service.search("我想开饭店")

            #expect(results.expandedTerms == ["餐饮", "食品经营"])
            #expect(results.hits.prefix(2).map(\.summary.name) == ["食品经营许可（新办）", "食品经营许可（延续）"])
            // The others share only 经营 with the synonyms, through their life event 经营许可.
            #expect(results.hits.dropFirst(2).allSatisfy { $0.matchedIn == ["主题"] && $0.score < results.hits[1].score })
            #expect(results.hits[0].matchedIn.contains("关键词"))
            #expect(
                results.hits[1].highlightedName == [
                    HighlightSegment(text: "食品经营", matched: true), HighlightSegment(text: "许可（延续）", matched: false),
                ])
        }
    }

    @Test("a misspelt or partial query still finds the item", arguments: TestDatabase.available)
    func misspeltAndPartial(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            try await fixture.publishSearchBasics()

            let misspelt = try await fixture.service.search("营业执造")
            let partial = try await fixture.service.search("执照")
            let single = try await fixture.service.search("注")

            #expect(misspelt.hits.first?.summary.name == "营业执照设立登记")
            #expect(
                misspelt.hits.first?.highlightedName == [
                    HighlightSegment(text: "营业执", matched: true), HighlightSegment(text: "照设立登记", matched: false),
                ])
            #expect(partial.hits.map(\.summary.name) == ["营业执照设立登记", "食品经营许可（新办）"])
            // A lone character matches the pairs it starts: 注销.
            #expect(single.hits.map(\.summary.name) == ["个体工商户注销登记"])
        }
    }

    @Test("a department's name finds its items, a material's name finds its item", arguments: TestDatabase.available)
    func departmentAndMaterial(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            try await fixture.publishSearchBasics()
            try await fixture.publishedForRSJ("失业保险金申领", sequence: 5)

            let bureau = try await fixture.service.search("市场监督")
            let labour = try await fixture.service.search("人力资源")
            let material = try await fixture.service.search("餐饮服务场所平面图")
            let theme = try await fixture.service.search("社会保障")

            #expect(bureau.total == 3)
            #expect(bureau.hits.allSatisfy { $0.summary.departmentName == "市市场监督管理局" && $0.matchedIn.contains("实施部门") })
            #expect(labour.hits.map(\.summary.name) == ["失业保险金申领"])
            #expect(material.hits.first?.summary.name == "食品经营许可（新办）")
            #expect(material.hits.first?.matchedIn.contains("申请材料") == true)
            #expect(theme.hits.map(\.summary.name) == ["失业保险金申领"])
            #expect(theme.hits.first?.matchedIn.contains("主题") == true)
        }
    }

    @Test("the service hall's filters narrow a search as they narrow browsing", arguments: TestDatabase.available)
    func filters(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            try await fixture.published("食品经营许可（新办）", sequence: 1)
            try await fixture.publishedForRSJ("就业登记", sequence: 2)

            let all = try await fixture.service.search("登记 许可")
            let labour = try await fixture.service.search(
                "登记 许可", filter: CatalogFilter(departmentID: fixture.department("SJZ-RSJ").id))
            let employment = try await fixture.service.search("登记 许可", filter: CatalogFilter(lifeEvent: .employment))
            let persons = try await fixture.service.search("登记 许可", filter: CatalogFilter(audience: .person))

            #expect(all.total == 2)
            #expect(labour.hits.map(\.summary.name) == ["就业登记"])
            #expect(employment.hits.map(\.summary.name) == ["就业登记"])
            #expect(persons.total == 0)
        }
    }

    @Test("results come a page at a time with the total and the next offset", arguments: TestDatabase.available)
    func paging(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            let names = ["设立登记", "变更登记", "注销登记", "备案登记", "抵押登记"]
            for (index, name) in names.enumerated() {
                try await fixture.published("企业\(name)", sequence: index + 1)
            }

            let first = try await fixture.service.search("登记", page: try PageRequest(limit: 2))
            let second = try await fixture.service.search("登记", page: try PageRequest(limit: 2, position: .offset(2)))
            let third = try await fixture.service.search("登记", page: try PageRequest(limit: 2, position: .offset(4)))
            let beyond = try await fixture.service.search("登记", page: try PageRequest(limit: 2, position: .offset(10)))

            let totals = [first.total, second.total, third.total, beyond.total]
            #expect(totals == [5, 5, 5, 5])
            #expect(first.nextOffset == 2)
            #expect(second.nextOffset == 4)
            #expect(third.nextOffset == nil)
            #expect(third.hits.count == 1)
            #expect(beyond.hits.isEmpty)
            let seen = (first.hits + second.hits + third.hits).map(\.summary.name)
            #expect(Set(seen) == Set(names.map { "企业\($0)" }))
            #expect(seen.count == 5)
            // Equal scores fall back on the business code, so pages never overlap or reorder.
            let codes = (first.hits + second.hits + third.hits).map(\.summary.businessCode)
            #expect(codes == codes.sorted())
        }
    }

    @Test("full matches rank above partial ones, the name above other fields", arguments: TestDatabase.available)
    func ranking(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            try await fixture.published("建设工程施工许可", sequence: 1)
            try await fixture.published("工程竣工验收备案", sequence: 2, keywords: ["建设工程施工"])
            try await fixture.published("施工许可变更", sequence: 3)

            let results = try await fixture.service.search("建设工程施工许可")

            #expect(results.hits.map(\.summary.name) == ["建设工程施工许可", "工程竣工验收备案", "施工许可变更"])
            #expect(results.hits.map(\.score) == results.hits.map(\.score).sorted(by: >))
            #expect(results.hits[0].score > 0.99)
        }
    }
}
