public import Foundation

/// An e-receipt (电子票据) as stored: its numbers and its signed code.
public struct PaymentReceipt: Sendable, Hashable {
    /// The order it is for.
    public var orderID: UUID
    /// 票据代码.
    public var receiptCode: String
    /// 票据号码.
    public var receiptNumber: String
    /// The signed QR text (`ZTR1:`…).
    public var signedCode: String
    /// When it was issued.
    public var issuedAt: Date
    /// What the code asserts.
    public var claims: ReceiptClaims?
}
