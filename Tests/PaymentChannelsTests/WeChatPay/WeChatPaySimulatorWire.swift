import Foundation

/// The merchant requests the simulator reads and the answers it writes, in WeChat's snake case.
enum WeChatPaySimulatorWire {
    struct Amount: Codable {
        var total: Int64
        var currency: String?
    }

    struct NativePrepay: Decodable {
        var appid: String
        var mchid: String
        var description: String
        var outTradeNo: String
        var timeExpire: String?
        var notifyUrl: String
        var amount: Amount
    }

    struct Close: Decodable {
        var mchid: String
    }

    struct Refund: Decodable {
        struct Amount: Decodable {
            var refund: Int64
            var total: Int64
            var currency: String
        }

        var outTradeNo: String
        var outRefundNo: String
        var reason: String?
        var amount: Amount
    }

    struct Transaction: Encodable {
        struct Payer: Encodable {
            var openid: String
        }

        struct Amount: Encodable {
            var total: Int64
            var payerTotal: Int64?
            var currency: String
            var payerCurrency: String
        }

        var appid: String
        var mchid: String
        var outTradeNo: String
        var transactionId: String?
        var tradeType: String
        var tradeState: String
        var tradeStateDesc: String
        var bankType: String?
        var attach: String
        var successTime: String?
        var payer: Payer?
        var amount: Amount
    }

    struct Notification: Encodable {
        struct Resource: Encodable {
            var originalType: String
            var algorithm: String
            var ciphertext: String
            var associatedData: String
            var nonce: String
        }

        var id: String
        var createTime: String
        var resourceType: String
        var eventType: String
        var summary: String
        var resource: Resource
    }

    static func decode<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) -> T? {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(type, from: Data(bytes))
    }

    static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return (try? Array(encoder.encode(value))) ?? []
    }

    /// An error answer `{"code":…,"message":…}`.
    static func failure(_ code: String, _ message: String) -> [UInt8] {
        encode(["code": code, "message": message])
    }

    /// Beijing time in WeChat's API form, `2026-02-14T10:08:24+08:00`.
    static func apiTime(_ date: Date) -> String {
        formatter("yyyy-MM-dd'T'HH:mm:ssXXXXX").string(from: date)
    }

    /// Beijing time in WeChat's bill form, `2026-02-14 10:08:24`.
    static func billTime(_ date: Date) -> String {
        formatter("yyyy-MM-dd HH:mm:ss").string(from: date)
    }

    /// Parses the API form; Foundation's parser, not the adapter's.
    static func parseAPITime(_ text: String) -> Date? {
        formatter("yyyy-MM-dd'T'HH:mm:ssXXXXX").date(from: text)
    }

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = format
        return formatter
    }
}
