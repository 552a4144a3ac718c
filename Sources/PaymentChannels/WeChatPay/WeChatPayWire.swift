import Foundation

/// The JSON messages of WeChat Pay APIv3 that the adapter sends and reads, with camel-case names
/// mapped to WeChat's snake case by the coders below. Only the fields the adapter uses are read.
enum WeChatPayWire {
    /// An amount as WeChat writes it: integer fen and a currency.
    struct Amount: Codable {
        var total: Int64
        var currency: String
    }

    /// `POST /v3/pay/transactions/native`.
    struct NativePrepay: Encodable {
        var appid: String
        var mchid: String
        var description: String
        var outTradeNo: String
        var timeExpire: String
        var notifyUrl: String
        var amount: Amount
    }

    /// The answer to a Native prepay.
    struct NativePrepayAnswer: Decodable {
        var codeUrl: String
    }

    /// A transaction, as a query answers and as a notification's resource holds it.
    struct Transaction: Decodable {
        struct Amount: Decodable {
            var total: Int64?
            var payerTotal: Int64?
        }

        var mchid: String?
        var outTradeNo: String
        var transactionId: String?
        var tradeState: String
        var successTime: String?
        var amount: Amount?
    }

    /// `POST …/close`.
    struct Close: Encodable {
        var mchid: String
    }

    /// `POST /v3/refund/domestic/refunds`.
    struct Refund: Encodable {
        struct Amount: Encodable {
            var refund: Int64
            var total: Int64
            var currency: String
        }

        var outTradeNo: String
        var outRefundNo: String
        var reason: String
        var amount: Amount
    }

    /// The answer to a refund.
    struct RefundAnswer: Decodable {
        var refundId: String?
        var outRefundNo: String
        var status: String
    }

    /// The answer to `GET /v3/bill/tradebill`.
    struct BillAnswer: Decodable {
        var hashType: String
        var hashValue: String
        var downloadUrl: String
    }

    /// An error answer.
    struct Failure: Decodable {
        var code: String
        var message: String?
    }

    /// A notification's envelope.
    struct Notification: Decodable {
        struct Resource: Decodable {
            var algorithm: String
            var ciphertext: String
            var nonce: String
            var associatedData: String?
            var originalType: String?
        }

        var id: String?
        var eventType: String?
        var resourceType: String?
        var resource: Resource
    }

    static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // These messages hold only strings and integers, which always encode.
        return (try? Array(encoder.encode(value))) ?? []
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) -> T? {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(type, from: Data(bytes))
    }
}
