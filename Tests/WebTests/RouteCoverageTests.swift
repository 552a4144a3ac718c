import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

/// The OpenAPI contract and the router agree: no undocumented API route, no documented ghost.
@Suite("API route coverage")
struct RouteCoverageTests {
    /// An operation as "METHOD /path" with every path parameter written `{}`, so that `{id}` and
    /// `{messageId}` compare equal.
    static func normalise(method: String, path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") || segment.hasPrefix(":") ? "{}" : String(segment)
        }
        return method.uppercased() + " " + segments.joined(separator: "/")
    }

    /// The `/api/` operations the router serves and those the served `/openapi.json` documents.
    static func operations() async throws -> (registered: Set<String>, documented: Set<String>) {
        try await TestServer.run { client, platform in
            let router = try await buildRouter(platform: platform)
            let registered = Set(
                router.routes
                    .filter { $0.path.description.hasPrefix("/api/") }
                    .map { normalise(method: $0.method.rawValue, path: $0.path.description) })
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            let paths = try #require(try response.object()["paths"] as? [String: [String: Any]])
            let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]
            let documented = Set(
                paths.filter { $0.key.hasPrefix("/api/") }.flatMap { path, item in
                    item.keys.filter(methods.contains).map { normalise(method: $0, path: path) }
                })
            return (registered, documented)
        }
    }

    @Test("path parameters normalise whatever their name or syntax")
    func normalisation() {
        #expect(Self.normalise(method: "post", path: "/api/v1/x/{id}/retry") == "POST /api/v1/x/{}/retry")
        #expect(Self.normalise(method: "POST", path: "/api/v1/x/:jobId/retry") == "POST /api/v1/x/{}/retry")
    }

    @Test("every registered /api/ route is documented in openapi.json")
    func registeredAreDocumented() async throws {
        let (registered, documented) = try await Self.operations()

        // Guards against an empty router making the comparison vacuous.
        #expect(registered.contains("POST /api/v1/admin/messages"))
        let undocumented = registered.subtracting(documented).sorted()
        #expect(undocumented.isEmpty, "routes missing from openapi.json: \(undocumented)")
    }

    @Test("every documented /api/ operation is registered")
    func documentedAreRegistered() async throws {
        let (registered, documented) = try await Self.operations()

        #expect(documented.contains("GET /api/v1/admin/jobs"))
        let ghosts = documented.subtracting(registered).sorted()
        #expect(ghosts.isEmpty, "documented operations with no route: \(ghosts)")
    }
}
