import Foundation
import Server
import StorageTesting
import Testing

/// A demo installation generates its operator token and data key once, private to the server's user.
@Suite("Generated secrets")
struct LocalSecretsTests {
    static func mode(_ url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    static func contents(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("operator-token and data-key are created with mode 0600 and reused on the next start")
    func generatedOnceAndReused() async throws {
        try await TestPlatform.with(.sqlite) { test in
            let tokenFile = test.dataDirectory.appendingPathComponent("operator-token")
            let keyFile = test.dataDirectory.appendingPathComponent("data-key")

            let firstToken = try await TestPlatform.start(test.configuration()) { $0.operatorToken }

            #expect(try Self.mode(tokenFile) == 0o600)
            #expect(try Self.mode(keyFile) == 0o600)
            #expect(try Self.contents(tokenFile) == firstToken)
            #expect(firstToken.count == 48, "24 random bytes in hex")
            let key = try Self.contents(keyFile)
            #expect(key.count == 64 && key.allSatisfy(\.isHexDigit))

            let secondToken = try await TestPlatform.start(test.configuration()) { $0.operatorToken }

            #expect(secondToken == firstToken)
            #expect(try Self.contents(keyFile) == key)
        }
    }

    @Test("personal data sealed on one start can be read on the next: the data key is reused")
    func sealedDataSurvivesRestart() async throws {
        try await TestPlatform.with(.sqlite) { test in
            try await TestPlatform.start(test.configuration()) { try await $0.prepare() }

            // The demo SMS is sealed with the generated key; delivering it opens the seal again.
            let delivered = try await TestPlatform.start(test.configuration()) { platform in
                try await platform.prepare()
                try await platform.worker.runBatch()
                return try await platform.messaging.recent().allSatisfy { $0.status != .queued }
            }
            #expect(delivered)
        }
    }

    @Test("a configured operator token is used and no token file is written")
    func configuredToken() async throws {
        try await TestPlatform.with(.sqlite) { test in
            var configuration = test.configuration()
            configuration.operatorToken = "configured-token-abcdefghijklmnop"

            let token = try await TestPlatform.start(configuration) { $0.operatorToken }

            #expect(token == "configured-token-abcdefghijklmnop")
            #expect(
                !FileManager.default.fileExists(
                    atPath: test.dataDirectory.appendingPathComponent("operator-token").path))
        }
    }
}
