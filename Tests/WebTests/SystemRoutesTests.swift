import Foundation
import HummingbirdTesting
import StorageTesting
import Testing

/// Health, readiness, metrics and the served API contract.
@Suite("System routes")
struct SystemRoutesTests {
    @Test("/healthz answers 200 with a JSON status")
    func health() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(uri: "/healthz", method: .get)

            #expect(response.status == .ok)
            #expect(response.contentType.hasPrefix("application/json"))
            #expect(try response.object()["status"] as? String == "ok")
        }
    }

    @Test("/readyz pings the database and names its dialect", arguments: TestDatabase.available)
    func readiness(kind: TestDatabase) async throws {
        try await TestServer.run(on: kind) { client, _ in
            let response = try await client.execute(uri: "/readyz", method: .get)

            #expect(response.status == .ok)
            let body = try response.object()
            #expect(body["status"] as? String == "ready")
            #expect(body["database"] as? String == kind.rawValue)
        }
    }

    @Test("/metrics emits Prometheus text that counts the requests already served")
    func metrics() async throws {
        try await TestServer.run { client, _ in
            // A request with a distinctive route, so the metric line is ours and not another test's.
            _ = try await client.execute(uri: "/openapi.json", method: .get)

            let response = try await client.execute(uri: "/metrics", method: .get)

            #expect(response.status == .ok)
            #expect(response.contentType.hasPrefix("text/plain; version=0.0.4"))
            let lines = response.text.split(separator: "\n")
            #expect(lines.contains { $0.hasPrefix("# TYPE hb_requests counter") })
            #expect(lines.contains { $0.hasPrefix("hb_requests{") && $0.contains("/openapi.json") })
        }
    }

    @Test("/openapi.json is an OpenAPI 3.1 document")
    func openAPI() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(uri: "/openapi.json", method: .get)

            #expect(response.status == .ok)
            #expect(response.contentType.hasPrefix("application/json"))
            let document = try response.object()
            let version = try #require(document["openapi"] as? String)
            #expect(version.hasPrefix("3.1"))
            #expect(document["paths"] is [String: Any])
        }
    }
}
