import Foundation
import Hummingbird
import HummingbirdTesting
import StorageTesting
import Testing

/// The public catalog API: JSON for programs, 400 problems for malformed parameters, 404 for
/// unknown or unpublished items.
@Suite("Catalog API")
struct CatalogAPITests {
    static func get(_ client: any TestClientProtocol, _ path: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .get)
    }

    @Test("items are listed by filter and paged by cursor until the last page", arguments: TestDatabase.available)
    func items(kind: TestDatabase) async throws {
        try await TestServer.run(on: kind) { client, platform in
            let fixture = try await CatalogWebFixture.seed(platform)
            let first = try await Self.get(client, "/api/v1/catalog/items?limit=1")
            let cursor = try #require(try first.object()["nextCursor"] as? String)
            let second = try await Self.get(client, "/api/v1/catalog/items?limit=1&cursor=\(cursor)")
            let byOffset = try await Self.get(client, "/api/v1/catalog/items?limit=1&offset=1")
            let filtered = try await Self.get(
                client, "/api/v1/catalog/items?type=publicService&department=\(fixture.department.uuidString)")
            func codes(_ response: TestResponse) throws -> [String] {
                try #require(try response.object()["items"] as? [[String: Any]]).compactMap {
                    $0["businessCode"] as? String
                }
            }
            #expect(first.status == .ok && first.contentType.hasPrefix("application/json"))
            #expect(try codes(first) == [fixture.license])
            #expect(try codes(second) == [fixture.seal])
            #expect(try second.object()["nextCursor"] == nil, "the last page has no next cursor")
            #expect(try codes(byOffset) == [fixture.seal])
            #expect(try codes(filtered) == [fixture.seal])
            let item = try #require(try first.object()["items"] as? [[String: Any]]).first
            #expect(item?["name"] as? String == "营业执照设立登记" && item?["itemType"] as? String == "licensing")
            #expect(item?["departmentName"] as? String == "市市场监督管理局" && item?["onlineDepth"] as? Int == 4)
        }
    }

    @Test("a bad filter or paging parameter is a 400 problem naming it")
    func itemsBadRequests() async throws {
        try await TestServer.run { client, _ in
            for (query, words) in [
                ("audience=citizen", "audience"), ("event=party", "party"), ("department=scj", "department"),
                ("type=tax", "tax"), ("limit=0", "limit"), ("limit=101", "limit"), ("offset=-1", "offset"),
                ("offset=10001", "offset"), ("cursor=%21%21", "cursor"), ("cursor=YQ&offset=1", "cursor"),
                ("theme=" + String(repeating: "x", count: 41), "theme"),
            ] {
                let response = try await Self.get(client, "/api/v1/catalog/items?" + query)
                #expect(response.status == .badRequest, "\(query)")
                #expect(response.contentType.hasPrefix("application/problem+json"), "\(query)")
                let problem = try response.problem()
                #expect(
                    problem.status == 400 && problem.detail.containsChinese && problem.detail.contains(words),
                    "\(query)")
            }
        }
    }

    @Test(
        "the guide in force is returned whole; another day, an unknown, a malformed or a draft code are refused",
        arguments: TestDatabase.available)
    func item(kind: TestDatabase) async throws {
        try await TestServer.run(on: kind) { client, platform in
            let fixture = try await CatalogWebFixture.seed(platform)
            let found = try await Self.get(client, "/api/v1/catalog/items/\(fixture.license)")
            let today = try await Self.get(client, "/api/v1/catalog/items/\(fixture.license)?on=2025-03-04")
            let before = try await Self.get(client, "/api/v1/catalog/items/\(fixture.license)?on=2020-01-01")
            let badDay = try await Self.get(client, "/api/v1/catalog/items/\(fixture.license)?on=2025-02-30")
            let malformed = try await Self.get(client, "/api/v1/catalog/items/ABC")
            let draft = try await Self.get(client, "/api/v1/catalog/items/\(fixture.draft)")
            #expect(found.status == .ok)
            let body = try found.object()
            let guide = try #require(body["guide"] as? [String: Any])
            #expect(body["businessCode"] as? String == fixture.license && body["version"] as? Int == 1)
            #expect(body["effectiveFrom"] as? String == "2025-03-04" && body["divisionCode"] as? String == "130100")
            #expect(guide["name"] as? String == "营业执照设立登记")
            #expect((guide["materials"] as? [[String: Any]])?.count == 4)
            #expect((guide["situations"] as? [[String: Any]])?.count == 2)
            #expect((guide["promisedTimeLimit"] as? [String: Any])?["days"] as? Int == 1)
            #expect(guide["locationCodes"] as? [String] == ["T-HALL"])
            #expect(today.status == .ok)
            #expect(before.status == .notFound)
            #expect(try before.problem().code == "catalog.not-published")
            #expect(badDay.status == .badRequest)
            #expect(malformed.status == .badRequest)
            #expect(try malformed.problem().code == "catalog.malformed-code")
            #expect(draft.status == .notFound)
            #expect(try draft.problem().code == "catalog.not-published")
        }
    }

    @Test("search needs a query of at most 100 characters and pages by offset")
    func search() async throws {
        try await TestServer.run { client, platform in
            _ = try await CatalogWebFixture.seed(platform)
            let query = CatalogWebFixture.encoded("营业执照")
            let ok = try await Self.get(client, "/api/v1/catalog/search?q=\(query)&limit=5")
            let missing = try await Self.get(client, "/api/v1/catalog/search")
            let long = try await Self.get(client, "/api/v1/catalog/search?q=" + String(repeating: "x", count: 101))
            let badLimit = try await Self.get(client, "/api/v1/catalog/search?q=\(query)&limit=500")
            let badFilter = try await Self.get(client, "/api/v1/catalog/search?q=\(query)&audience=x")
            #expect(ok.status == .ok)
            let body = try ok.object()
            #expect(body["query"] as? String == "营业执照" && body["total"] is Int && body["hits"] is [Any])
            #expect(missing.status == .badRequest)
            #expect(try missing.problem().detail.contains("营业执照"))
            #expect(long.status == .badRequest && badLimit.status == .badRequest && badFilter.status == .badRequest)
        }
    }

    @Test("departments carry their counts of published items")
    func departments() async throws {
        try await TestServer.run { client, platform in
            let fixture = try await CatalogWebFixture.seed(platform)
            let response = try await Self.get(client, "/api/v1/catalog/departments")
            let items = try #require(try response.object()["items"] as? [[String: Any]])
            let bureau = try #require(items.first { $0["id"] as? String == fixture.department.uuidString })
            let police = try #require(items.first { $0["code"] as? String == "SJZ-GAJ" })
            #expect(bureau["itemCount"] as? Int == 2 && bureau["name"] as? String == "市市场监督管理局")
            #expect(police["itemCount"] as? Int == 0)
        }
    }

    @Test("bundles are listed, and one bundle's guide merges materials and adds up the fees")
    func bundles() async throws {
        try await TestServer.run { client, platform in
            let fixture = try await CatalogWebFixture.seed(platform)
            let list = try await Self.get(client, "/api/v1/catalog/bundles")
            let detail = try await Self.get(client, "/api/v1/catalog/bundles/test-startup")
            let unknown = try await Self.get(client, "/api/v1/catalog/bundles/nothing")
            let malformed = try await Self.get(client, "/api/v1/catalog/bundles/a%20b")
            let bundles = try #require(try list.object()["items"] as? [[String: Any]])
            #expect(bundles.map { $0["code"] as? String } == ["test-startup"])
            #expect(bundles.first?["itemCodes"] as? [String] == [fixture.license, fixture.seal])
            let body = try detail.object()
            let materials = try #require(body["materials"] as? [[String: Any]])
            #expect(materials.count == 5)
            #expect(materials.first?["usedBy"] as? [String] == ["营业执照设立登记", "公章刻制备案"])
            #expect(body["totalFeeFen"] as? Int == 12_000)
            #expect((body["overallTimeLimit"] as? [String: Any])?["days"] as? Int == 2)
            #expect(body["visitsRequired"] as? Int == 1)
            #expect(unknown.status == .notFound)
            #expect(try unknown.problem().code == "catalog.bundle-not-found")
            #expect(malformed.status == .badRequest)
        }
    }

    @Test("locations by division and nearest first, optionally only those handling an item")
    func locations() async throws {
        try await TestServer.run { client, platform in
            let fixture = try await CatalogWebFixture.seed(platform)
            let all = try await Self.get(client, "/api/v1/catalog/locations")
            let district = try await Self.get(client, "/api/v1/catalog/locations?division=130104")
            let badDivision = try await Self.get(client, "/api/v1/catalog/locations?division=0")
            let near = try await Self.get(client, "/api/v1/catalog/locations/nearby?lat=38.0012&lng=114.4603&limit=5")
            let forItem = try await Self.get(
                client, "/api/v1/catalog/locations/nearby?lat=38.0012&lng=114.4603&item=\(fixture.license)")
            let noPoint = try await Self.get(client, "/api/v1/catalog/locations/nearby")
            let outOfRange = try await Self.get(client, "/api/v1/catalog/locations/nearby?lat=91&lng=114")
            let notNumber = try await Self.get(client, "/api/v1/catalog/locations/nearby?lat=north&lng=114")
            let unknownItem = try await Self.get(
                client,
                "/api/v1/catalog/locations/nearby?lat=38&lng=114&item=\(try CatalogWebFixture.code(base: "000111009000").rawValue)"
            )
            func codes(_ response: TestResponse) throws -> [String] {
                try #require(try response.object()["items"] as? [[String: Any]]).compactMap { $0["code"] as? String }
            }
            #expect(try Set(codes(all)) == ["T-HALL", "T-STATION"])
            #expect(try codes(district) == ["T-STATION"])
            #expect(badDivision.status == .badRequest)
            #expect(try codes(near) == ["T-STATION", "T-HALL"])
            let nearest = try #require((try near.object()["items"] as? [[String: Any]])?.first)
            let metres = try #require(nearest["metres"] as? Double)
            #expect(metres < 100 && nearest["distanceLabel"] as? String == "\(Int(metres.rounded()))米")
            #expect(try codes(forItem) == ["T-HALL"])
            #expect(
                noPoint.status == .badRequest && outOfRange.status == .badRequest && notNumber.status == .badRequest)
            #expect(unknownItem.status == .notFound)
        }
    }
}
