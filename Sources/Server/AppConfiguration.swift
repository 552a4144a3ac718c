import Foundation

/// Every setting of a Zhengtong server; docs/configuration.md lists them with their variables.
public struct AppConfiguration: Sendable {
    /// Address to listen on (`ZT_HOST`).
    public var host = "127.0.0.1"
    /// Port to listen on; 0 picks a free one (`ZT_PORT`).
    public var port = 8080
    /// Folder for the SQLite file, generated keys and other local state (`ZT_DATA_DIR`).
    public var dataDirectory = "./var"
    /// `postgres://…` for PostgreSQL, else a SQLite path; empty means `<data>/zhengtong.sqlite` (`DATABASE_URL`).
    public var databaseURL = ""
    /// PostgreSQL schema search path for every connection; nil keeps the server's default.
    ///
    /// Not read from the environment: tests set it to give each test its own empty schema.
    public var databaseSearchPath: String?
    /// The most PostgreSQL connections this instance holds (`ZT_DATABASE_POOL_SIZE`).
    public var databasePoolSize = 20
    /// Demo mode: demo data, development SMS inbox (`ZT_DEMO`).
    public var demo = true
    /// Whether demo mode also loads the demo service catalog (`ZT_DEMO_CATALOG`); a city trying
    /// the demo with its own catalog turns it off and runs `zhengtong catalog import`.
    public var demoCatalog = true
    /// Whether a demo installation seeds sixty days of ratings for the scoreboards
    /// (`ZT_DEMO_EVALUATION`); needs the demo catalog.
    public var demoEvaluationHistory = true
    /// A folder of extra process definitions for cases (`ZT_PROCESS_DIRECTORY`); empty for the
    /// bundled ones only. See docs/process-format.md.
    public var processDirectory = ""
    /// A CSV of holiday and make-up days in the bundled calendar's format (`ZT_CALENDAR_FILE`):
    /// a new year's State Council arrangement, or the region's own days. Empty for none.
    public var calendarFile = ""
    /// The years `calendarFile` gives completely (`ZT_CALENDAR_YEARS`, as `2027,2028`); only
    /// these become covered, so a file of local festivals alone cannot declare a year known.
    public var calendarYears: [Int] = []
    /// Operator token; generated into the data folder when empty (`ZT_OPERATOR_TOKEN`).
    public var operatorToken = ""
    /// 64 hex digits of the master key for personal data; generated when empty (`ZT_DATA_KEY`).
    public var dataKeyHex = ""
    /// The audit chain's hash: `SM3` or `SHA-256` (`ZT_AUDIT_HASH`).
    public var auditHash = "SM3"
    /// The algorithm new licenses are signed with: `SM2` or `ES256` (`ZT_LICENSE_SIGNING`).
    public var licenseSigningAlgorithm = "SM2"
    /// Whether the demo payment channel, whose own page plays the payer, is offered
    /// (`ZT_PAYMENT_SANDBOX`); on in demo mode. Never in production: anyone could "pay".
    public var paymentSandbox = true
    /// Hours a payment order can be paid after it is issued (`ZT_PAYMENT_ORDER_HOURS`).
    public var paymentOrderHours = 72
    /// WeChat Pay (`ZT_WECHATPAY_*`) and Alipay (`ZT_ALIPAY_*`) merchant settings; a channel is offered
    /// when its app id is set (docs/configuration.md).
    public var paymentChannels = PaymentChannelSettings()
    /// Natural days a concluded case or counter visit can be rated (`ZT_RATING_WINDOW_DAYS`).
    public var ratingWindowDays = 15
    /// Working days to call a bad reviewer back (`ZT_CALLBACK_WORKDAYS`).
    public var callbackWorkdays = 3
    /// The most working days a rectification may take (`ZT_RECTIFICATION_WORKDAYS`).
    public var rectificationWorkdays = 15
    /// The cipher for personal data at rest: `SM4-GCM` or `AES-256-GCM` (`ZT_FIELD_CIPHER`).
    public var fieldCipher = "SM4-GCM"
    /// SMS gateway base URL; empty uses the development inbox (`ZT_SMS_GATEWAY_URL`).
    public var smsGatewayURL = ""
    /// Key id for the SMS gateway (`ZT_SMS_KEY_ID`).
    public var smsKeyID = "zhengtong"
    /// Shared secret for the SMS gateway and its receipts (`ZT_SMS_SECRET`).
    public var smsSecret = ""
    /// Log level: trace, debug, info, notice, warning, error (`ZT_LOG_LEVEL`).
    public var logLevel = "info"
    /// Log format: `json` or `text` (`ZT_LOG_FORMAT`).
    public var logFormat = "json"
    /// Jobs run at once per instance (`ZT_WORKER_CONCURRENCY`).
    public var workerConcurrency = 4
    /// How often idle workers poll, in milliseconds (`ZT_POLL_MS`).
    public var pollMilliseconds = 500
    /// Whether session cookies carry `Secure`; turn off only for plain-HTTP development on a
    /// host other than 127.0.0.1 (`ZT_COOKIE_SECURE`).
    public var cookieSecure = true
    /// Minutes of inactivity after which a login ends (`ZT_SESSION_IDLE_MINUTES`).
    public var sessionIdleMinutes = 30
    /// Hours after which a login ends however active (`ZT_SESSION_ABSOLUTE_HOURS`).
    public var sessionAbsoluteHours = 12
    /// bcrypt cost for passwords, 10–15 (`ZT_BCRYPT_COST`); tests lower it below 10 in code only.
    public var bcryptCost = 12
    /// The address people and applications reach the server at, the OIDC issuer (`ZT_PUBLIC_URL`);
    /// empty means `http://host:port`, for development only.
    public var publicURL = ""
    /// An external population registry (`ZT_REGISTRY_URL`); empty uses the database registry.
    public var registryURL = ""
    /// The key id sent to it (`ZT_REGISTRY_KEY_ID`).
    public var registryKeyID = "zhengtong"
    /// The signing secret shared with it (`ZT_REGISTRY_SECRET`).
    public var registrySecret = ""
    /// The key of the hashes sent instead of names and numbers (`ZT_REGISTRY_INDEX_KEY`); empty sends them in clear.
    public var registryIndexKey = ""
    /// Face verification for L3 (`ZT_FACE_VERIFIER`): `http`, `development` (demo only) or `none`;
    /// empty means `http` when `ZT_FACE_VERIFIER_URL` is set, else `development` in demo mode and `none` in production.
    public var faceVerifier = ""
    /// The 实人认证 service (`ZT_FACE_VERIFIER_URL`).
    public var faceVerifierURL = ""
    /// The key id sent to it (`ZT_FACE_KEY_ID`).
    public var faceKeyID = "zhengtong"
    /// The signing secret shared with it (`ZT_FACE_SECRET`).
    public var faceSecret = ""
    /// Portal name (`ZT_SITE_NAME`).
    public var siteName = "政通网上办事大厅"
    /// Operating authority (`ZT_SITE_OPERATOR`).
    public var siteOperator = "政通演示市政务服务和数据管理局"
    /// Its address (`ZT_SITE_ADDRESS`).
    public var siteAddress = "演示市人民路 1 号"
    /// Service hotline (`ZT_SITE_HOTLINE`).
    public var siteHotline = "12345"
    /// ICP filing (`ZT_SITE_ICP`).
    public var siteICP = "演示站点，无 ICP 备案"

    /// The defaults: a demo server on 127.0.0.1:8080 with SQLite in ./var.
    public init() {}

    /// The SQLite file used when `databaseURL` is empty.
    public var defaultSQLitePath: String {
        URL(fileURLWithPath: dataDirectory).appendingPathComponent("zhengtong.sqlite").path
    }

    /// The face verifier in force, with the default resolved.
    public var resolvedFaceVerifier: String {
        if !faceVerifier.isEmpty { return faceVerifier }
        if !faceVerifierURL.isEmpty { return "http" }
        return demo ? "development" : "none"
    }

    /// Whether the database is PostgreSQL.
    public var usesPostgres: Bool {
        databaseURL.hasPrefix("postgres://") || databaseURL.hasPrefix("postgresql://")
    }
}
