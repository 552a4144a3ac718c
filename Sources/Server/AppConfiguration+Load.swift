import Configuration
public import Foundation
import Storage
import SystemPackage

extension AppConfiguration {
    /// Reads settings from environment variables, then from the JSON file named by `ZT_CONFIG_FILE`.
    ///
    /// Environment variables win over the file, which wins over the defaults.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) async throws
        -> AppConfiguration
    {
        var providers: [any ConfigProvider] = [EnvironmentVariablesProvider(environmentVariables: environment)]
        if let file = environment["ZT_CONFIG_FILE"], !file.isEmpty {
            providers.append(try await FileProvider<JSONSnapshot>(filePath: FilePath(file)))
        }
        let reader = ConfigReader(providers: providers)
        var config = AppConfiguration()
        config.host = reader.string(forKey: "zt.host", default: config.host)
        config.port = reader.int(forKey: "zt.port", default: config.port)
        config.dataDirectory = reader.string(forKey: "zt.dataDir", default: config.dataDirectory)
        config.databaseURL = reader.string(forKey: "database.url", isSecret: true, default: config.databaseURL)
        config.demo = reader.bool(forKey: "zt.demo", default: config.demo)
        config.operatorToken = reader.string(forKey: "zt.operatorToken", isSecret: true, default: "")
        config.dataKeyHex = reader.string(forKey: "zt.dataKey", isSecret: true, default: "")
        config.auditHash = reader.string(forKey: "zt.auditHash", default: config.auditHash)
        config.fieldCipher = reader.string(forKey: "zt.fieldCipher", default: config.fieldCipher)
        config.smsGatewayURL = reader.string(forKey: "zt.smsGatewayUrl", default: "")
        config.smsKeyID = reader.string(forKey: "zt.smsKeyId", default: config.smsKeyID)
        config.smsSecret = reader.string(forKey: "zt.smsSecret", isSecret: true, default: "")
        config.logLevel = reader.string(forKey: "zt.logLevel", default: config.logLevel)
        config.logFormat = reader.string(forKey: "zt.logFormat", default: config.logFormat)
        config.workerConcurrency = reader.int(forKey: "zt.workerConcurrency", default: config.workerConcurrency)
        config.pollMilliseconds = reader.int(forKey: "zt.pollMs", default: config.pollMilliseconds)
        config.siteName = reader.string(forKey: "zt.siteName", default: config.siteName)
        config.siteOperator = reader.string(forKey: "zt.siteOperator", default: config.siteOperator)
        config.siteAddress = reader.string(forKey: "zt.siteAddress", default: config.siteAddress)
        config.siteHotline = reader.string(forKey: "zt.siteHotline", default: config.siteHotline)
        config.siteICP = reader.string(forKey: "zt.siteIcp", default: config.siteICP)
        try config.validate()
        return config
    }

    /// Refuses settings that cannot work, with a Chinese explanation.
    public func validate() throws {
        func fail(_ message: String) -> ConfigurationError { ConfigurationError(message: message) }
        guard (0...65535).contains(port) else { throw fail("ZT_PORT 应为 0 至 65535 之间的整数") }
        guard ["SHA-256", "SM3"].contains(auditHash) else { throw fail("ZT_AUDIT_HASH 只能是 SHA-256 或 SM3") }
        guard FieldCipher(name: fieldCipher) != nil else { throw fail("ZT_FIELD_CIPHER 只能是 SM4-GCM 或 AES-256-GCM") }
        guard ["json", "text"].contains(logFormat) else { throw fail("ZT_LOG_FORMAT 只能是 json 或 text") }
        guard dataKeyHex.isEmpty || (dataKeyHex.count == 64 && dataKeyHex.allSatisfy(\.isHexDigit)) else {
            throw fail("ZT_DATA_KEY 应为 64 位十六进制数字（32 字节）")
        }
        guard (1...64).contains(workerConcurrency) else { throw fail("ZT_WORKER_CONCURRENCY 应在 1 至 64 之间") }
        if !demo && smsGatewayURL.isEmpty { throw fail("生产模式（ZT_DEMO=false）必须配置 ZT_SMS_GATEWAY_URL") }
        if !smsGatewayURL.isEmpty && smsSecret.count < 16 { throw fail("配置了短信网关时，ZT_SMS_SECRET 至少 16 个字符") }
        if !demo && operatorToken.count < 24 { throw fail("生产模式必须设置至少 24 个字符的 ZT_OPERATOR_TOKEN") }
    }
}

/// A setting that cannot work.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    /// The Chinese explanation.
    public var message: String
    /// The explanation.
    public var description: String { "配置错误：" + message }
}
