import Foundation
import Hummingbird
import HummingbirdTesting
import StorageTesting
import Testing

/// The audit verify API walks the hash chain that every command extends.
@Suite("Audit API")
struct AuditAPITests {
    static func verify(_ client: any TestClientProtocol) async throws -> [String: Any] {
        let response = try await client.execute(
            uri: "/api/v1/admin/audit/verify", method: .get, headers: TestServer.operatorHeaders)
        #expect(response.status == .ok)
        return try response.object()
    }

    @Test("the chain is intact and one entry longer per accepted send", arguments: TestDatabase.available)
    func intactAfterSends(kind: TestDatabase) async throws {
        try await TestServer.run(on: kind) { client, _ in
            let before = try await Self.verify(client)
            let entriesBefore = try #require(before["entries"] as? Int)

            for phone in ["13800000001", "13800000002", "13800000003"] {
                let sent = try await MessagingAPITests.send(client, try MessagingAPITests.sendBody(recipient: phone))
                #expect(sent.status == .accepted)
            }
            // A refused send is not a command that happened, so it must not be audited.
            _ = try await MessagingAPITests.send(client, try MessagingAPITests.sendBody(recipient: "bad"))

            let after = try await Self.verify(client)
            #expect(after["intact"] as? Bool == true)
            #expect(after["entries"] as? Int == entriesBefore + 3)
            let head = try #require(after["headHash"] as? String)
            #expect(head != before["headHash"] as? String)
            #expect(after["brokenAt"] == nil)
        }
    }

    @Test("the audit API needs the operator")
    func needsOperator() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(uri: "/api/v1/admin/audit/verify", method: .get)

            #expect(response.status == .unauthorized)
        }
    }
}
