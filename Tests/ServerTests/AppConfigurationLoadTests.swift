import Foundation
import Server
import Testing

/// `AppConfiguration.load(environment:)`: environment variables over a JSON file over the defaults.
@Suite("Configuration loading")
struct AppConfigurationLoadTests {
    /// Production settings that pass validation, to combine with the variable under test.
    static let production: [String: String] = [
        "ZT_DEMO": "false", "ZT_SMS_GATEWAY_URL": "https://sms.example.gov.cn",
        "ZT_SMS_SECRET": "sixteen-or-more-chars", "ZT_OPERATOR_TOKEN": String(repeating: "t", count: 24),
        "ZT_PUBLIC_URL": "https://zwfw.example.gov.cn",
    ]

    /// Writes `json` to a new temporary file and returns its path.
    static func configFile(_ json: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zt-config-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        return url.path
    }

    @Test("an empty environment gives the documented defaults")
    func defaults() async throws {
        let configuration = try await AppConfiguration.load(environment: [:])

        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.dataDirectory == "./var")
        #expect(configuration.databaseURL.isEmpty)
        #expect(configuration.demo)
        #expect(configuration.auditHash == "SM3")
        #expect(configuration.fieldCipher == "SM4-GCM")
        #expect(configuration.databaseSearchPath == nil)
    }

    @Test("environment variables are read under their documented names")
    func environment() async throws {
        let environment = Self.production.merging(
            [
                "ZT_HOST": "0.0.0.0", "ZT_PORT": "9090", "ZT_DATA_DIR": "/srv/zhengtong",
                "DATABASE_URL": "postgres://zt:secret@db.internal:5432/zhengtong", "ZT_AUDIT_HASH": "SHA-256",
                "ZT_FIELD_CIPHER": "AES-256-GCM", "ZT_SMS_KEY_ID": "city-gw", "ZT_LOG_LEVEL": "debug",
                "ZT_LOG_FORMAT": "text", "ZT_WORKER_CONCURRENCY": "8", "ZT_POLL_MS": "250",
                "ZT_SITE_NAME": "石家庄市网上办事大厅", "ZT_SITE_HOTLINE": "12345-1",
            ], uniquingKeysWith: { _, new in new })

        let configuration = try await AppConfiguration.load(environment: environment)

        #expect(configuration.host == "0.0.0.0")
        #expect(configuration.port == 9090)
        #expect(configuration.dataDirectory == "/srv/zhengtong")
        #expect(configuration.databaseURL == "postgres://zt:secret@db.internal:5432/zhengtong")
        #expect(configuration.usesPostgres)
        #expect(!configuration.demo)
        #expect(configuration.smsGatewayURL == "https://sms.example.gov.cn")
        #expect(configuration.smsSecret == "sixteen-or-more-chars")
        #expect(configuration.operatorToken.count == 24)
        #expect(configuration.publicURL == "https://zwfw.example.gov.cn")
        #expect(configuration.auditHash == "SHA-256")
        #expect(configuration.fieldCipher == "AES-256-GCM")
        #expect(configuration.smsKeyID == "city-gw")
        #expect(configuration.logLevel == "debug")
        #expect(configuration.logFormat == "text")
        #expect(configuration.workerConcurrency == 8)
        #expect(configuration.pollMilliseconds == 250)
        #expect(configuration.siteName == "石家庄市网上办事大厅")
        #expect(configuration.siteHotline == "12345-1")
    }

    @Test("a JSON file named by ZT_CONFIG_FILE is read")
    func jsonFile() async throws {
        let path = try Self.configFile(
            """
            {"zt": {"port": 7070, "siteName": "文件里的站名", "auditHash": "SHA-256"},
             "database": {"url": "postgres://file@db:5432/zt"}}
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let configuration = try await AppConfiguration.load(environment: ["ZT_CONFIG_FILE": path])

        #expect(configuration.port == 7070)
        #expect(configuration.siteName == "文件里的站名")
        #expect(configuration.auditHash == "SHA-256")
        #expect(configuration.databaseURL == "postgres://file@db:5432/zt")
    }

    @Test("an environment variable wins over the file")
    func environmentWins() async throws {
        let path = try Self.configFile(#"{"zt": {"port": 7070, "siteName": "文件里的站名"}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let configuration = try await AppConfiguration.load(
            environment: ["ZT_CONFIG_FILE": path, "ZT_PORT": "6060"])

        #expect(configuration.port == 6060)
        // What the environment does not set still comes from the file.
        #expect(configuration.siteName == "文件里的站名")
    }
}
