import Foundation
import Server
import Storage
import StorageTesting
import Testing

/// `Platform.prepare()` is what `serve` runs before listening: it must be safe to run on every start.
@Suite("Platform preparation")
struct PlatformPrepareTests {
    @Test("a second prepare migrates nothing and seeds nothing", arguments: TestDatabase.available)
    func prepareTwice(kind: TestDatabase) async throws {
        try await TestPlatform.with(kind) { test in
            try await TestPlatform.start(test.configuration()) { platform in
                try await platform.prepare()
                let messages = try await platform.messaging.recent()
                #expect(messages.count == 2, "the demo seeds send a welcome inbox message and an SMS")

                try await platform.prepare()

                #expect(try await platform.migrate().isEmpty)
                #expect(try await platform.seed().isEmpty)
                #expect(try await platform.messaging.recent().count == 2)
            }
        }
    }

    @Test("a restart on the same data does not migrate or seed again", arguments: TestDatabase.available)
    func restart(kind: TestDatabase) async throws {
        try await TestPlatform.with(kind) { test in
            let first = try await TestPlatform.start(test.configuration()) { platform in
                try await platform.prepare()
                return Set(try await platform.messaging.recent().map(\.id))
            }

            try await TestPlatform.start(test.configuration()) { platform in
                try await platform.prepare()

                #expect(Set(try await platform.messaging.recent().map(\.id)) == first)
                #expect(try await platform.migrate().isEmpty)
            }
        }
    }

    @Test("the development face verifier serves demos; production offers none unless a real one is configured")
    func faceVerifierByMode() async throws {
        try await TestPlatform.with(.sqlite) { test in
            try await TestPlatform.start(test.configuration()) { platform in
                #expect(platform.realName.faceNotice == "演示环境，未进行真实人脸核验")
            }
            var production = test.configuration()
            production.demo = false
            production.smsGatewayURL = "http://127.0.0.1:9"
            production.smsSecret = "sixteen-or-more-chars"
            production.operatorToken = String(repeating: "p", count: 24)
            try await TestPlatform.start(production) { platform in
                #expect(!platform.realName.offersFaceVerification)
            }
            production.faceVerifierURL = "http://face.example.gov.cn"
            production.faceSecret = "sixteen-or-more-chars"
            await #expect(throws: ConfigurationError.self) {
                try await TestPlatform.start(production) { _ in }
            }
        }
    }

    @Test("production mode migrates but loads no demo data", arguments: TestDatabase.available)
    func productionHasNoSeeds(kind: TestDatabase) async throws {
        try await TestPlatform.with(kind) { test in
            var configuration = test.configuration()
            configuration.demo = false
            configuration.smsGatewayURL = "http://127.0.0.1:9"
            configuration.smsSecret = "sixteen-or-more-chars"
            configuration.operatorToken = String(repeating: "p", count: 24)

            try await TestPlatform.start(configuration) { platform in
                try await platform.prepare()

                #expect(try await platform.messaging.recent().isEmpty)
                #expect(try await platform.migrate().isEmpty)
            }
        }
    }
}
