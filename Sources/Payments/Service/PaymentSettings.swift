public import Foundation
public import Signing

/// How a deployment runs its payments.
public struct PaymentSettings: Sendable {
    /// How long an order can be paid after it is issued.
    public var orderLifetime: TimeInterval
    /// The platform's public address; channels post their notifications below it. Read when used,
    /// because a development server learns its port only once it listens.
    public var publicBaseURL: URL { baseURL() }
    private let baseURL: @Sendable () -> URL
    /// How long after opening a trade the platform first asks the channel, if no notification came.
    public var firstQueryDelay: TimeInterval
    /// The key-ring issuer that signs e-receipts.
    public var receiptIssuer: String
    /// The name printed on receipts as their issuer (开票单位).
    public var receiptIssuerName: String
    /// The algorithm receipts are signed with.
    public var receiptAlgorithm: SigningAlgorithm

    /// Creates settings with a fixed public address; the defaults suit the demo.
    public init(
        orderLifetime: TimeInterval = 72 * 3600, publicBaseURL: URL, firstQueryDelay: TimeInterval = 120,
        receiptIssuer: String = "zhengtong-receipts", receiptIssuerName: String = "政通非税收入电子票据",
        receiptAlgorithm: SigningAlgorithm = .sm2
    ) {
        self.init(
            orderLifetime: orderLifetime, publicBaseURL: { publicBaseURL }, firstQueryDelay: firstQueryDelay,
            receiptIssuer: receiptIssuer, receiptIssuerName: receiptIssuerName, receiptAlgorithm: receiptAlgorithm)
    }

    /// Creates settings whose public address is read when needed.
    public init(
        orderLifetime: TimeInterval = 72 * 3600, publicBaseURL: @escaping @Sendable () -> URL,
        firstQueryDelay: TimeInterval = 120,
        receiptIssuer: String = "zhengtong-receipts", receiptIssuerName: String = "政通非税收入电子票据",
        receiptAlgorithm: SigningAlgorithm = .sm2
    ) {
        self.orderLifetime = orderLifetime
        self.baseURL = publicBaseURL
        self.firstQueryDelay = firstQueryDelay
        self.receiptIssuer = receiptIssuer
        self.receiptIssuerName = receiptIssuerName
        self.receiptAlgorithm = receiptAlgorithm
    }
}
