public import Foundation
public import Kernel
import Signing

/// What an e-receipt's QR code asserts, signed by the receipt issuer: a CWT claims set (RFC 8392)
/// with the receipt in a private claim, as licenses carry theirs (docs/signed-codes.md).
public struct ReceiptClaims: Sendable, Hashable {
    /// The key-ring issuer that signed it.
    public var issuer: String
    /// When it was issued.
    public var issuedAt: Date
    /// 票据代码 (8 digits).
    public var receiptCode: String
    /// 票据号码 (10 digits).
    public var receiptNumber: String
    /// The order's payment code.
    public var paymentCode: String
    /// The payer, masked.
    public var payerNameMasked: String
    /// The payee department (执收单位).
    public var payee: String
    /// The item paid for.
    public var itemName: String
    /// The total.
    public var amount: Money
    /// Each fee and its amount.
    public var lines: [(name: String, amount: Money)]
    /// The channel's stored name.
    public var channel: String

    /// The private claim key of the receipt map (a negative integer, as CWT reserves small positives).
    static let receiptClaim: Int64 = -260_201

    /// Creates claims.
    public init(
        issuer: String, issuedAt: Date, receiptCode: String, receiptNumber: String, paymentCode: String,
        payerNameMasked: String, payee: String, itemName: String, amount: Money, lines: [(name: String, amount: Money)],
        channel: String
    ) {
        self.issuer = issuer
        self.issuedAt = issuedAt
        self.receiptCode = receiptCode
        self.receiptNumber = receiptNumber
        self.paymentCode = paymentCode
        self.payerNameMasked = payerNameMasked
        self.payee = payee
        self.itemName = itemName
        self.amount = amount
        self.lines = lines
        self.channel = channel
    }

    /// The claims as CBOR bytes, the COSE payload.
    public func encoded() -> [UInt8] {
        let receipt: [CBORValue: CBORValue] = [
            .text("c"): .text(receiptCode), .text("no"): .text(receiptNumber), .text("pc"): .text(paymentCode),
            .text("p"): .text(payerNameMasked), .text("d"): .text(payee), .text("i"): .text(itemName),
            .text("a"): .integer(amount.fen), .text("ch"): .text(channel),
            .text("l"): .array(lines.map { .array([.text($0.name), .integer($0.amount.fen)]) }),
        ]
        let claims: [CBORValue: CBORValue] = [
            .integer(1): .text(issuer), .integer(6): .integer(Int64(issuedAt.timeIntervalSince1970)),
            .integer(Self.receiptClaim): .map(receipt),
        ]
        return CBORValue.map(claims).encoded()
    }

    /// Reads claims from a verified COSE payload; nil when the shape is not a receipt's.
    public init?(cbor bytes: [UInt8]) {
        guard let claims = (try? CBORValue(decoding: bytes))?.mapValue, let issuer = claims[.integer(1)]?.textValue,
            let issuedAt = claims[.integer(6)]?.integerValue,
            let receipt = claims[.integer(Self.receiptClaim)]?.mapValue,
            let code = receipt[.text("c")]?.textValue, let number = receipt[.text("no")]?.textValue,
            let paymentCode = receipt[.text("pc")]?.textValue, let payer = receipt[.text("p")]?.textValue,
            let payee = receipt[.text("d")]?.textValue, let item = receipt[.text("i")]?.textValue,
            let amount = receipt[.text("a")]?.integerValue, let channel = receipt[.text("ch")]?.textValue,
            let lineItems = receipt[.text("l")]?.arrayValue
        else { return nil }
        var lines: [(name: String, amount: Money)] = []
        for item in lineItems {
            guard let pair = item.arrayValue, pair.count == 2, let name = pair[0].textValue,
                let fen = pair[1].integerValue
            else { return nil }
            lines.append((name, Money(fen: fen)))
        }
        self.init(
            issuer: issuer, issuedAt: Date(timeIntervalSince1970: TimeInterval(issuedAt)), receiptCode: code,
            receiptNumber: number, paymentCode: paymentCode, payerNameMasked: payer, payee: payee, itemName: item,
            amount: Money(fen: amount), lines: lines, channel: channel)
    }

    /// Claims are equal when every field is.
    public static func == (lhs: ReceiptClaims, rhs: ReceiptClaims) -> Bool {
        lhs.encoded() == rhs.encoded()
    }

    /// Hashes the encoded claims.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(encoded())
    }
}
