import Foundation
import Hummingbird
import HummingbirdTesting
import StorageTesting
import Testing

/// The service hall's pages (网上办事大厅) over a small published catalog.
@Suite("Service hall pages")
struct CatalogPagesTests {
    static func get(_ client: any TestClientProtocol, _ path: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .get, headers: [.accept: "text/html"])
    }

    @Test(
        "the home page offers search and browsing by audience, life event, department, theme and bundle",
        arguments: TestDatabase.available)
    func home(kind: TestDatabase) async throws {
        try await TestServer.run(on: kind) { client, platform in
            let fixture = try await CatalogWebFixture.seed(platform)
            let page = try await Self.get(client, "/services")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"action="/services/search""#))
            #expect(page.text.contains("个人办事") && page.text.contains("法人办事"))
            #expect(page.text.contains("企业开办") && page.text.contains("生育收养"))
            // Two published items; the draft is not counted.
            #expect(page.text.contains("目前共有 2 项事项"))
            #expect(page.text.contains("/services/browse?department=\(fixture.department.uuidString)"))
            #expect(page.text.contains("市市场监督管理局</a> <span class=\"hall-count\">2项</span>"))
            #expect(page.text.contains("/services/browse?theme=%E5%B8%82%E5%9C%BA%E7%9B%91%E7%AE%A1"))
            #expect(page.text.contains(#"href="/services/bundles/test-startup""#))
            #expect(page.text.contains(#"href="/services/nearby""#))
            let portal = try await Self.get(client, "/")
            #expect(portal.text.contains(#"action="/services/search""#) && portal.text.contains("进入网上办事大厅"))
        }
    }

    @Test("browsing narrows by filter, pages with a cursor, and explains a bad filter")
    func browse() async throws {
        try await TestServer.run { client, platform in
            let fixture = try await CatalogWebFixture.seed(platform)
            let all = try await Self.get(client, "/services/browse?audience=enterprise&event=startUp")
            let services = try await Self.get(client, "/services/browse?type=publicService")
            let person = try await Self.get(client, "/services/browse?audience=person")
            let first = try await client.execute(uri: "/services/browse?limit=1", method: .get)
            let bad = try await Self.get(client, "/services/browse?event=party")
            #expect(all.status == .ok)
            #expect(all.text.contains("营业执照设立登记") && all.text.contains("公章刻制备案"))
            #expect(!all.text.contains("营业执照变更登记"), "a draft is not public")
            #expect(all.text.contains("/services/items/\(fixture.license)"))
            #expect(services.text.contains("公章刻制备案") && !services.text.contains("营业执照设立登记"))
            #expect(person.text.contains("没有符合条件的事项"))
            // The page size is fixed for people; a second page only appears with more than 20 items.
            #expect(first.status == .ok && !first.text.contains(#"rel="next""#))
            #expect(bad.status == .badRequest && bad.text.contains("form-error") && bad.text.contains("party"))
        }
    }

    @Test(
        "the guide shows every field, narrows materials by situation, and lists the locations",
        arguments: TestDatabase.available)
    func guide(kind: TestDatabase) async throws {
        try await TestServer.run(on: kind) { client, platform in
            let fixture = try await CatalogWebFixture.seed(platform)
            let page = try await Self.get(client, "/services/items/\(fixture.license)")
            let narrowed = try await Self.get(client, "/services/items/\(fixture.license)?situation=S02")
            let seal = try await Self.get(client, "/services/items/\(fixture.seal)")
            #expect(page.status == .ok)
            let text = page.text
            for expected in [
                "<h1 id=\"guide-title\">营业执照设立登记</h1>", "行政许可", "市市场监督管理局", "法人",
                "《中华人民共和国市场主体登记管理条例》第三条", "申请人具有完全民事行为能力", "有限责任公司", "个人独资企业",
                "公司章程", "投资人身份证明", "免提交", "部门共享获取", "不收费", "15个工作日", "1个工作日",
                "0次（全程网办，无需到现场）", "四级（全程网办）", "网上办、掌上办、窗口办", "每个工作日40个号",
                "登记机关审核", "可以全程网办吗？", "营业执照（证照）", "0311-12345", "0311-12315",
                "测试市政务服务中心", "长安区中山东路1号", "周一至周五 9:00-17:00", "0311-11111",
                "data-print", "/static/js/catalog.js",
            ] {
                #expect(text.contains(expected), "guide page lacks \(expected)")
            }
            #expect(!text.contains("测试便民服务站"), "only the guide's own locations are listed")
            // 个人独资企业: the ID card and the shared proof apply always, 投资人身份证明 only here, 公司章程 not.
            #expect(narrowed.text.contains("投资人身份证明") && narrowed.text.contains("居民身份证"))
            #expect(!narrowed.text.contains("公司章程"))
            #expect(narrowed.text.contains(#"<option value="S02" selected>"#))
            #expect(narrowed.text.contains("共需 3 项材料"))
            #expect(seal.text.contains("刻章费") && seal.text.contains("120.00元") && seal.text.contains("测试便民服务站"))
        }
    }

    @Test("a malformed code is a 400 page, an unknown or unpublished item a 404 page with the reason")
    func guideErrors() async throws {
        try await TestServer.run { client, platform in
            let fixture = try await CatalogWebFixture.seed(platform)
            let malformed = try await Self.get(client, "/services/items/12345")
            let unknown = try await Self.get(
                client, "/services/items/\(try CatalogWebFixture.code(base: "000111009000").rawValue)")
            let draft = try await Self.get(client, "/services/items/\(fixture.draft)")
            #expect(malformed.status == .badRequest && malformed.text.contains("业务办理项编码格式有误"))
            #expect(unknown.status == .notFound && unknown.text.contains("事项不存在"))
            #expect(draft.status == .notFound && draft.text.contains("事项未发布") && draft.text.contains("没有生效的办事指南"))
            #expect(malformed.contentType.hasPrefix("text/html") && draft.contentType.hasPrefix("text/html"))
        }
    }

    @Test("a bundle shows its items, the ID card once for both, one fee total and the longest limit")
    func bundle() async throws {
        try await TestServer.run { client, platform in
            let fixture = try await CatalogWebFixture.seed(platform)
            let list = try await Self.get(client, "/services/bundles")
            let page = try await Self.get(client, "/services/bundles/test-startup")
            let unknown = try await Self.get(client, "/services/bundles/no-such-bundle")
            let malformed = try await Self.get(client, "/services/bundles/%E4%B8%80")
            #expect(list.status == .ok && list.text.contains("企业开办一件事"))
            #expect(page.status == .ok)
            #expect(
                page.text.contains("/services/items/\(fixture.license)")
                    && page.text.contains("/services/items/\(fixture.seal)"))
            #expect(page.text.components(separatedBy: "<tr class=\"hall-material\">").count - 1 == 5)
            #expect(page.text.contains("用于：营业执照设立登记、公章刻制备案"))
            #expect(page.text.contains("120.00元") && page.text.contains("2个工作日（各事项并联办理）"))
            #expect(page.text.contains("各事项合计要求6项"))
            #expect(unknown.status == .notFound && unknown.text.contains("一件事不存在"))
            #expect(malformed.status == .badRequest)
        }
    }

    @Test("就近办 sorts by distance from a point, lists by division without one, and refuses half a point")
    func nearby() async throws {
        try await TestServer.run { client, platform in
            let fixture = try await CatalogWebFixture.seed(platform)
            let near = try await Self.get(client, "/services/nearby?lat=38.0012&lng=114.4603")
            let byDivision = try await Self.get(client, "/services/nearby?division=130102")
            let forItem = try await Self.get(
                client, "/services/nearby?item=\(fixture.license)&lat=38.0012&lng=114.4603")
            let half = try await Self.get(client, "/services/nearby?lat=38")
            let plain = try await Self.get(client, "/services/nearby")
            #expect(near.status == .ok)
            let station = try #require(near.text.range(of: "测试便民服务站"))
            let hall = try #require(near.text.range(of: "测试市政务服务中心"))
            #expect(station.lowerBound < hall.lowerBound, "the nearer location comes first")
            #expect(near.text.contains("米</span>") && near.text.contains("公里</span>"))
            #expect(byDivision.text.contains("测试市政务服务中心") && !byDivision.text.contains("测试便民服务站"))
            #expect(forItem.text.contains("办理“营业执照设立登记”的地点") && !forItem.text.contains("测试便民服务站"))
            #expect(half.status == .badRequest && half.text.contains("请同时提供纬度 lat 和经度 lng"))
            #expect(plain.text.contains("data-locate") && plain.text.contains(#"<option value="130104">"#))
        }
    }

    @Test("search marks the matched words, shows synonyms, explains a bad query and agrees with the API")
    func search() async throws {
        try await TestServer.run { client, platform in
            let fixture = try await CatalogWebFixture.seed(platform)
            let blank = try await Self.get(client, "/services/search")
            let spaces = try await Self.get(client, "/services/search?q=%20%20")
            let long = try await Self.get(client, "/services/search?q=" + String(repeating: "a", count: 101))
            let query = CatalogWebFixture.encoded("营业执照")
            let page = try await Self.get(client, "/services/search?q=\(query)")
            let api = try await client.execute(uri: "/api/v1/catalog/search?q=\(query)", method: .get)
            #expect(blank.status == .ok && blank.text.contains(#"name="q""#) && !blank.text.contains("form-error"))
            #expect(spaces.status == .badRequest && spaces.text.contains("请输入要查找的事项名称或关键词"))
            #expect(long.status == .badRequest && long.text.contains("不能超过100个字"))
            let total = try #require(try api.object()["total"] as? Int)
            #expect(page.status == .ok && page.text.contains("共找到 <span class=\"hall-total\">\(total)</span> 个事项"))
            #expect(page.text.contains(#"value="营业执照""#))
            let synonym = try await Self.get(client, "/services/search?q=\(CatalogWebFixture.encoded("注册公司"))")
            #expect(page.text.contains("<mark>营业执照</mark>设立登记"))
            #expect(synonym.text.contains("已为您同时搜索：") && synonym.text.contains("设立登记"))
            #expect(synonym.text.contains("/services/items/\(fixture.license)"))
            let hits = try #require(try api.object()["hits"] as? [[String: Any]])
            for hit in hits {
                let summary = try #require(hit["summary"] as? [String: Any])
                let code = try #require(summary["businessCode"] as? String)
                #expect(page.text.contains("/services/items/\(code)"))
            }
        }
    }
}
