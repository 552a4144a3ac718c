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
            do {
                providers.append(try await FileProvider<JSONSnapshot>(filePath: FilePath(file)))
            } catch {
                throw ConfigurationError(message: "无法读取 ZT_CONFIG_FILE 指定的配置文件 \(file)：文件不存在或不是有效的 JSON")
            }
        }
        let reader = ConfigReader(providers: providers)
        // The non-throwing readers fall back to the default for a value they cannot convert, so a typo
        // such as ZT_DEMO=flase would silently start a demo server; these refuse it instead.
        func int(_ key: ConfigKey, _ variable: String, default value: Int) throws -> Int {
            if let number = reader.int(forKey: key) { return number }
            if reader.string(forKey: key) != nil { throw ConfigurationError(message: "\(variable) 应为整数") }
            return value
        }
        func bool(_ key: ConfigKey, _ variable: String, default value: Bool) throws -> Bool {
            if let flag = reader.bool(forKey: key) { return flag }
            if reader.string(forKey: key) != nil { throw ConfigurationError(message: "\(variable) 只能是 true 或 false") }
            return value
        }
        var config = AppConfiguration()
        config.host = reader.string(forKey: "zt.host", default: config.host)
        config.port = try int("zt.port", "ZT_PORT", default: config.port)
        config.dataDirectory = reader.string(forKey: "zt.dataDir", default: config.dataDirectory)
        config.databaseURL = reader.string(forKey: "database.url", isSecret: true, default: config.databaseURL)
        config.demo = try bool("zt.demo", "ZT_DEMO", default: config.demo)
        config.demoCatalog = try bool("zt.demo-catalog", "ZT_DEMO_CATALOG", default: config.demoCatalog)
        config.demoEvaluationHistory = try bool(
            "zt.demo-evaluation", "ZT_DEMO_EVALUATION", default: config.demoEvaluationHistory)
        config.processDirectory = reader.string(forKey: "zt.processDirectory", default: "")
        config.calendarFile = reader.string(forKey: "zt.calendarFile", default: "")
        let years = reader.string(forKey: "zt.calendarYears", default: "")
        config.calendarYears = try years.split(separator: ",").map { text in
            guard let year = Int(text.trimmingCharacters(in: .whitespaces)), (2000...2100).contains(year) else {
                throw ConfigurationError(message: "ZT_CALENDAR_YEARS 应为逗号分隔的年份，例如 2027,2028")
            }
            return year
        }
        config.operatorToken = reader.string(forKey: "zt.operatorToken", isSecret: true, default: "")
        config.dataKeyHex = reader.string(forKey: "zt.dataKey", isSecret: true, default: "")
        config.auditHash = reader.string(forKey: "zt.auditHash", default: config.auditHash)
        config.licenseSigningAlgorithm = reader.string(
            forKey: "zt.licenseSigning", default: config.licenseSigningAlgorithm)
        config.fieldCipher = reader.string(forKey: "zt.fieldCipher", default: config.fieldCipher)
        config.paymentSandbox = try bool("zt.paymentSandbox", "ZT_PAYMENT_SANDBOX", default: config.demo)
        config.paymentOrderHours = try int(
            "zt.paymentOrderHours", "ZT_PAYMENT_ORDER_HOURS", default: config.paymentOrderHours)
        config.ratingWindowDays = try int(
            "zt.ratingWindowDays", "ZT_RATING_WINDOW_DAYS", default: config.ratingWindowDays)
        config.callbackWorkdays = try int(
            "zt.callbackWorkdays", "ZT_CALLBACK_WORKDAYS", default: config.callbackWorkdays)
        config.rectificationWorkdays = try int(
            "zt.rectificationWorkdays", "ZT_RECTIFICATION_WORKDAYS", default: config.rectificationWorkdays)
        config.paymentChannels = PaymentChannelSettings(
            wechatBaseURL: reader.string(forKey: "zt.wechatpayUrl", default: ""),
            wechatAppID: reader.string(forKey: "zt.wechatpayAppId", default: ""),
            wechatMerchantID: reader.string(forKey: "zt.wechatpayMchId", default: ""),
            wechatSerialNumber: reader.string(forKey: "zt.wechatpaySerial", default: ""),
            wechatKeyFile: reader.string(forKey: "zt.wechatpayKeyFile", default: ""),
            wechatPublicKeyFile: reader.string(forKey: "zt.wechatpayPublicKeyFile", default: ""),
            wechatPublicKeyID: reader.string(forKey: "zt.wechatpayPublicKeyId", default: ""),
            wechatAPIv3Key: reader.string(forKey: "zt.wechatpayApiv3Key", isSecret: true, default: ""),
            alipayGateway: reader.string(forKey: "zt.alipayUrl", default: ""),
            alipayAppID: reader.string(forKey: "zt.alipayAppId", default: ""),
            alipayKeyFile: reader.string(forKey: "zt.alipayKeyFile", default: ""),
            alipayPublicKeyFile: reader.string(forKey: "zt.alipayPublicKeyFile", default: ""),
            alipaySellerID: reader.string(forKey: "zt.alipaySellerId", default: ""))
        config.smsGatewayURL = reader.string(forKey: "zt.smsGatewayUrl", default: "")
        config.smsKeyID = reader.string(forKey: "zt.smsKeyId", default: config.smsKeyID)
        config.smsSecret = reader.string(forKey: "zt.smsSecret", isSecret: true, default: "")
        config.logLevel = reader.string(forKey: "zt.logLevel", default: config.logLevel)
        config.logFormat = reader.string(forKey: "zt.logFormat", default: config.logFormat)
        config.workerConcurrency = try int(
            "zt.workerConcurrency", "ZT_WORKER_CONCURRENCY", default: config.workerConcurrency)
        config.pollMilliseconds = try int("zt.pollMs", "ZT_POLL_MS", default: config.pollMilliseconds)
        config.databasePoolSize = try int(
            "zt.databasePoolSize", "ZT_DATABASE_POOL_SIZE", default: config.databasePoolSize)
        config.cookieSecure = try bool("zt.cookieSecure", "ZT_COOKIE_SECURE", default: config.cookieSecure)
        config.sessionIdleMinutes = try int(
            "zt.sessionIdleMinutes", "ZT_SESSION_IDLE_MINUTES", default: config.sessionIdleMinutes)
        config.sessionAbsoluteHours = try int(
            "zt.sessionAbsoluteHours", "ZT_SESSION_ABSOLUTE_HOURS", default: config.sessionAbsoluteHours)
        config.bcryptCost = try int("zt.bcryptCost", "ZT_BCRYPT_COST", default: config.bcryptCost)
        config.registryURL = reader.string(forKey: "zt.registryUrl", default: "")
        config.registryKeyID = reader.string(forKey: "zt.registryKeyId", default: config.registryKeyID)
        config.registrySecret = reader.string(forKey: "zt.registrySecret", isSecret: true, default: "")
        config.registryIndexKey = reader.string(forKey: "zt.registryIndexKey", isSecret: true, default: "")
        config.faceVerifier = reader.string(forKey: "zt.faceVerifier", default: "")
        config.faceVerifierURL = reader.string(forKey: "zt.faceVerifierUrl", default: "")
        config.faceKeyID = reader.string(forKey: "zt.faceKeyId", default: config.faceKeyID)
        config.faceSecret = reader.string(forKey: "zt.faceSecret", isSecret: true, default: "")
        config.publicURL = reader.string(forKey: "zt.publicUrl", default: config.publicURL)
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
        guard ["SM2", "ES256"].contains(licenseSigningAlgorithm) else {
            throw fail("ZT_LICENSE_SIGNING 只能是 SM2 或 ES256")
        }
        guard FieldCipher(name: fieldCipher) != nil else { throw fail("ZT_FIELD_CIPHER 只能是 SM4-GCM 或 AES-256-GCM") }
        guard ["json", "text"].contains(logFormat) else { throw fail("ZT_LOG_FORMAT 只能是 json 或 text") }
        guard (1...720).contains(paymentOrderHours) else { throw fail("ZT_PAYMENT_ORDER_HOURS 应在 1 至 720 之间") }
        guard (1...365).contains(ratingWindowDays) else { throw fail("ZT_RATING_WINDOW_DAYS 应在 1 至 365 之间") }
        guard (1...30).contains(callbackWorkdays) else { throw fail("ZT_CALLBACK_WORKDAYS 应在 1 至 30 之间") }
        guard (1...60).contains(rectificationWorkdays) else {
            throw fail("ZT_RECTIFICATION_WORKDAYS 应在 1 至 60 之间")
        }
        guard publicURL.hasPrefix("https://") || !paymentChannels.anyConfigured else {
            throw fail("接入微信支付或支付宝时须设置 ZT_PUBLIC_URL 为 https 地址，支付渠道向它发送支付通知")
        }
        guard demo || !paymentSandbox else { throw fail("演示支付渠道（ZT_PAYMENT_SANDBOX）只能在演示模式下开启") }
        guard dataKeyHex.isEmpty || (dataKeyHex.count == 64 && dataKeyHex.allSatisfy(\.isHexDigit)) else {
            throw fail("ZT_DATA_KEY 应为 64 位十六进制数字（32 字节）")
        }
        guard (1...64).contains(workerConcurrency) else { throw fail("ZT_WORKER_CONCURRENCY 应在 1 至 64 之间") }
        guard (1...1440).contains(sessionIdleMinutes) else { throw fail("ZT_SESSION_IDLE_MINUTES 应在 1 至 1440 之间") }
        guard (1...720).contains(sessionAbsoluteHours) else { throw fail("ZT_SESSION_ABSOLUTE_HOURS 应在 1 至 720 之间") }
        guard (4...15).contains(bcryptCost), demo || bcryptCost >= 10 else {
            throw fail("ZT_BCRYPT_COST 应在 10 至 15 之间")
        }
        // Zero or a negative interval would make idle workers poll the database in a busy loop.
        guard (10...60_000).contains(pollMilliseconds) else { throw fail("ZT_POLL_MS 应在 10 至 60000 之间") }
        guard (1...500).contains(databasePoolSize) else { throw fail("ZT_DATABASE_POOL_SIZE 应在 1 至 500 之间") }
        if !demo && smsGatewayURL.isEmpty { throw fail("生产模式（ZT_DEMO=false）必须配置 ZT_SMS_GATEWAY_URL") }
        if !smsGatewayURL.isEmpty && smsSecret.count < 16 { throw fail("配置了短信网关时，ZT_SMS_SECRET 至少 16 个字符") }
        if !publicURL.isEmpty {
            guard let url = URL(string: publicURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil,
                url.query == nil, url.fragment == nil
            else { throw fail("ZT_PUBLIC_URL 应为 http(s)://主机[:端口][/路径]，不含查询参数") }
        }
        guard ["http", "development", "none"].contains(resolvedFaceVerifier) else {
            throw fail("ZT_FACE_VERIFIER 只能是 http、development 或 none")
        }
        if resolvedFaceVerifier == "http" && faceVerifierURL.isEmpty {
            throw fail("ZT_FACE_VERIFIER=http 时必须设置 ZT_FACE_VERIFIER_URL")
        }
        if !demo && resolvedFaceVerifier == "development" {
            throw fail(
                "生产模式不能使用演示人脸核验（ZT_FACE_VERIFIER=development）；请配置 ZT_FACE_VERIFIER_URL、ZT_FACE_KEY_ID 和 ZT_FACE_SECRET")
        }
        if !demo && operatorToken.count < 24 { throw fail("生产模式必须设置至少 24 个字符的 ZT_OPERATOR_TOKEN") }
        // The issuer names every token; a production server must not invent it from its bind address.
        if !demo && !publicURL.hasPrefix("https://") { throw fail("生产模式必须设置 https 开头的 ZT_PUBLIC_URL") }
    }
}

/// A setting that cannot work.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    /// The Chinese explanation.
    public var message: String
    /// The explanation.
    public var description: String { "配置错误：" + message }
}
