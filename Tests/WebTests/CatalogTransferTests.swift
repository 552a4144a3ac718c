import Catalog
import CatalogInterchange
import CatalogModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Web

@Suite("Catalog export and import over the API")
struct CatalogTransferTests {
    static func post(_ client: any TestClientProtocol, _ body: Data, type: String, replace: String? = nil)
        async throws -> TestResponse
    {
        var headers = TestServer.operatorHeaders
        headers[.contentType] = type
        let query = replace.map { "?replace=\($0)" } ?? ""
        return try await client.execute(
            uri: "/api/v1/admin/catalog/import" + query, method: .post, headers: headers,
            body: ByteBuffer(bytes: body))
    }

    @Test("an export imports into an empty installation, as JSON and as CSV")
    func roundTrip() async throws {
        // Setup: a published catalog on one server.
        let (json, csv) = try await TestServer.run { client, platform in
            _ = try await CatalogWebFixture.seed(platform)
            let json = try await client.execute(
                uri: "/api/v1/admin/catalog/export", method: .get, headers: TestServer.operatorHeaders)
            let csv = try await client.execute(
                uri: "/api/v1/admin/catalog/export?format=csv", method: .get, headers: TestServer.operatorHeaders)
            #expect(json.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition]?.hasSuffix(".csv\"") == true)
            return (Data(buffer: json.body), Data(buffer: csv.body))
        }
        let exported = try CatalogJSON.decode(json)

        for (body, type) in [(json, "application/json"), (csv, "text/csv")] {
            try await TestServer.run { client, platform in
                // Act
                let response = try await Self.post(client, body, type: type)

                // Verify
                #expect(response.status == .ok)
                let report = try response.json(ImportReport.self)
                #expect(report.itemsCreated == exported.items.count)
                #expect(report.bundles == exported.bundles.count)
                let again = try await platform.catalog.exportCatalog(
                    actor: .init(id: "operator", channel: "test", clientAddress: "-", roles: ["operator"]))
                #expect(again.items.map(\.businessCode) == exported.items.map(\.businessCode))
                // The same file again is a conflict unless replacing.
                #expect(try await Self.post(client, body, type: type).status == .conflict)
                #expect(try await Self.post(client, body, type: type, replace: "true").status == .ok)
            }
        }
    }

    @Test("a malformed file, an unknown type or a bad flag is a 422 problem and imports nothing")
    func refused() async throws {
        try await TestServer.run { client, platform in
            let broken = try await Self.post(
                client, Data("{\"format\": \"zhengtong-catalog\"".utf8), type: "application/json")
            #expect(broken.status == .unprocessableContent)
            #expect(try broken.problem().code.hasPrefix("catalog."))
            let csv = try await Self.post(client, Data("record,\"unclosed\n".utf8), type: "text/csv")
            #expect(csv.status == .unprocessableContent)
            let xml = try await Self.post(client, Data("<catalog/>".utf8), type: "application/xml")
            #expect(xml.status == .unprocessableContent)
            #expect(try xml.problem().code == "catalog.import-type")
            let flag = try await Self.post(client, Data("{}".utf8), type: "application/json", replace: "yes")
            #expect(flag.status == .unprocessableContent)
            let format = try await client.execute(
                uri: "/api/v1/admin/catalog/export?format=xlsx", method: .get, headers: TestServer.operatorHeaders)
            #expect(format.status == .unprocessableContent)
            #expect(try await platform.catalog.browse(CatalogFilter()).items.isEmpty)
        }
    }
}
