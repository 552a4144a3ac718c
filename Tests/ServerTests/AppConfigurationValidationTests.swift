import Foundation
import Server
import Testing

/// Settings that cannot work are refused at start-up with a Chinese explanation.
@Suite("Configuration validation")
struct AppConfigurationValidationTests {
    @Test(
        "invalid settings throw ConfigurationError naming the variable, in Chinese",
        arguments: [
            (["ZT_PORT": "70000"], "ZT_PORT"),
            (["ZT_PORT": "-1"], "ZT_PORT"),
            (["ZT_AUDIT_HASH": "MD5"], "ZT_AUDIT_HASH"),
            (["ZT_FIELD_CIPHER": "DES"], "ZT_FIELD_CIPHER"),
            (["ZT_LOG_FORMAT": "xml"], "ZT_LOG_FORMAT"),
            (["ZT_DATA_KEY": "abc"], "ZT_DATA_KEY"),
            (["ZT_DATA_KEY": String(repeating: "g", count: 64)], "ZT_DATA_KEY"),
            (["ZT_WORKER_CONCURRENCY": "0"], "ZT_WORKER_CONCURRENCY"),
            (["ZT_POLL_MS": "0"], "ZT_POLL_MS"),
            // Values that cannot be read must not silently become the default.
            (["ZT_PORT": "eighty"], "ZT_PORT"),
            (["ZT_DEMO": "flase"], "ZT_DEMO"),
            (["ZT_WORKER_CONCURRENCY": "four"], "ZT_WORKER_CONCURRENCY"),
            (["ZT_CONFIG_FILE": "/nonexistent/zhengtong.json"], "ZT_CONFIG_FILE"),
            (["ZT_DEMO": "false"], "ZT_SMS_GATEWAY_URL"),
            (["ZT_SMS_GATEWAY_URL": "https://sms.example", "ZT_SMS_SECRET": "short"], "ZT_SMS_SECRET"),
            (
                [
                    "ZT_DEMO": "false", "ZT_SMS_GATEWAY_URL": "https://sms.example",
                    "ZT_SMS_SECRET": "sixteen-or-more-chars", "ZT_OPERATOR_TOKEN": "too-short",
                ], "ZT_OPERATOR_TOKEN"
            ),
            (["ZT_PUBLIC_URL": "zwfw.example.gov.cn"], "ZT_PUBLIC_URL"),
            (["ZT_FACE_VERIFIER": "magic"], "ZT_FACE_VERIFIER"),
            (["ZT_FACE_VERIFIER": "http"], "ZT_FACE_VERIFIER_URL"),
            (
                [
                    "ZT_DEMO": "false", "ZT_SMS_GATEWAY_URL": "https://sms.example",
                    "ZT_SMS_SECRET": "sixteen-or-more-chars", "ZT_OPERATOR_TOKEN": String(repeating: "t", count: 24),
                    "ZT_PUBLIC_URL": "https://zwfw.example.gov.cn", "ZT_FACE_VERIFIER": "development",
                ], "ZT_FACE_VERIFIER"
            ),
            (["ZT_PUBLIC_URL": "https://zwfw.example.gov.cn/?a=1"], "ZT_PUBLIC_URL"),
            (
                [
                    "ZT_DEMO": "false", "ZT_SMS_GATEWAY_URL": "https://sms.example",
                    "ZT_SMS_SECRET": "sixteen-or-more-chars", "ZT_OPERATOR_TOKEN": String(repeating: "t", count: 24),
                    "ZT_PUBLIC_URL": "http://zwfw.example.gov.cn",
                ], "ZT_PUBLIC_URL"
            ),
        ])
    func refused(environment: [String: String], variable: String) async throws {
        let error = try await #require(throws: ConfigurationError.self) {
            try await AppConfiguration.load(environment: environment)
        }

        #expect(error.message.contains(variable))
        #expect(error.message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
        #expect(error.description.hasPrefix("配置错误："))
    }

    @Test("a complete production configuration is accepted")
    func productionAccepted() async throws {
        let configuration = try await AppConfiguration.load(environment: AppConfigurationLoadTests.production)

        #expect(!configuration.demo)
    }

    @Test("the boundary values are accepted", arguments: ["0", "65535"])
    func portBoundaries(port: String) async throws {
        let configuration = try await AppConfiguration.load(environment: ["ZT_PORT": port])

        #expect(configuration.port == Int(port))
    }

    @Test("validate() checks a configuration built in code, too")
    func validateDirectly() {
        var configuration = AppConfiguration()
        configuration.auditHash = "MD5"

        #expect(throws: ConfigurationError.self) { try configuration.validate() }
    }
}
