import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import StorageTesting
import Testing

/// `buildApplication` as `serve` runs it: a real listening server that migrates before it answers.
@Suite("Application start")
struct BuildApplicationTests {
    @Test("a live server on a fresh database migrates, seeds and reports ready", arguments: TestDatabase.available)
    func liveServer(kind: TestDatabase) async throws {
        try await TestPlatform.with(kind) { test in
            let platform = try await Platform(configuration: test.configuration(), logger: TestPlatform.logger)
            do {
                let app = try await buildApplication(platform: platform, logger: TestPlatform.logger)

                try await app.test(.live) { client in
                    let ready = try await client.execute(uri: "/readyz", method: .get)
                    #expect(ready.status == .ok)
                    #expect(String(buffer: ready.body).contains(#""database":"\#(kind.rawValue)""#))

                    // The demo seed ran before the first request was served.
                    let messages = try await client.execute(
                        uri: "/api/v1/admin/messages", method: .get,
                        headers: [.authorization: "Bearer \(platform.operatorToken)"])
                    #expect(messages.status == .ok)
                    #expect(String(buffer: messages.body).contains("138****0000"))
                }
                try await platform.shutdown()
            } catch {
                try? await platform.shutdown()
                throw error
            }
        }
    }
}
