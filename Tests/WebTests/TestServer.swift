import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Logging
import Server
import Storage
import StorageTesting

/// Runs the real application (`buildApplication`) against a fresh database for one test.
enum TestServer {
    /// The operator token every test server uses (production needs at least 24 characters).
    static let operatorToken = "test-operator-token-0123456789abcdef"
    /// The SMS gateway secret, which also signs delivery receipts.
    static let smsSecret = "test-sms-gateway-secret-0123"
    /// Tuesday 4 March 2025, 10:00 in Beijing: a working day outside the SMS quiet hours (22:00–08:00),
    /// so a non-urgent SMS is due at once.
    static let daytime = Date(timeIntervalSince1970: 1_741_053_600)

    /// Headers that authenticate as the operator.
    static var operatorHeaders: HTTPFields { [.authorization: "Bearer \(operatorToken)"] }

    /// A well-formed CSRF token that tests send both as the `zt_csrf` cookie and the `_csrf` field.
    static let csrf = "test-csrf-token-0123456789abcdefABCDEFGHIJK"

    /// Headers of a browser form post that passes the CSRF check.
    static var formHeaders: HTTPFields {
        [.contentType: "application/x-www-form-urlencoded", .cookie: "zt_csrf=\(csrf)"]
    }

    /// JSON request headers for the operator.
    static var operatorJSONHeaders: HTTPFields {
        [.authorization: "Bearer \(operatorToken)", .contentType: "application/json"]
    }

    /// Builds a server on `kind`, runs `body` with a client for it, then tears everything down.
    ///
    /// `demo: false` gives a production configuration; its SMS gateway points at a closed port, so
    /// deliveries fail without leaving the machine. The demo catalog is left out unless asked for:
    /// catalog tests publish the items they count.
    static func run<T: Sendable>(
        on kind: TestDatabase = .sqlite, demo: Bool = true, demoCatalog: Bool = false,
        clock: FixedClock = FixedClock(daytime),
        _ body: @Sendable (any TestClientProtocol, Platform) async throws -> T
    ) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zt-web-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = AppConfiguration()
        configuration.dataDirectory = folder.path
        configuration.port = 0
        configuration.demo = demo
        configuration.demoCatalog = demoCatalog
        // Tests count the ratings they make; the demo's rating history would only add noise.
        configuration.demoEvaluationHistory = false
        configuration.operatorToken = operatorToken
        configuration.smsSecret = smsSecret
        // Fast polling so background delivery happens within a test's patience.
        configuration.pollMilliseconds = 20
        // bcrypt at its lowest cost: tests check behaviour, not the work factor.
        configuration.bcryptCost = 4
        if !demo { configuration.smsGatewayURL = "http://127.0.0.1:9" }
        switch kind {
        case .sqlite:
            return try await serve(configuration, clock: clock, body)
        case .postgres:
            let base = configuration
            return try await PostgresSchema.withFresh(prefix: "web_") { url, schema in
                var configuration = base
                configuration.databaseURL = url
                configuration.databaseSearchPath = schema
                // Tests run side by side against one server; small pools keep them under max_connections.
                configuration.databasePoolSize = 6
                return try await serve(configuration, clock: clock, body)
            }
        }
    }

    private static func serve<T: Sendable>(
        _ configuration: AppConfiguration, clock: FixedClock,
        _ body: @Sendable (any TestClientProtocol, Platform) async throws -> T
    ) async throws -> T {
        let platform = try await Platform(configuration: configuration, clock: clock, logger: logger)
        do {
            let app = try await buildApplication(platform: platform, logger: logger)
            let result = try await app.test(.router) { client in try await body(client, platform) }
            try await platform.shutdown()
            return result
        } catch {
            try? await platform.shutdown()
            throw error
        }
    }

    /// Quiet: failures that tests provoke on purpose would otherwise flood the output.
    static let logger: Logger = {
        var logger = Logger(label: "web-test")
        logger.logLevel = .critical
        return logger
    }()
}
