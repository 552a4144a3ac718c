/// A text message ready for a gateway.
public struct OutgoingSMS: Sendable, Equatable, Codable {
    /// Our message id; gateways echo it so retries are not sent twice.
    public var messageID: String
    /// The mainland mobile number.
    public var phone: String
    /// The full text.
    public var text: String

    /// Creates an SMS.
    public init(messageID: String, phone: String, text: String) {
        self.messageID = messageID
        self.phone = phone
        self.text = text
    }
}

/// Something that can send a text message and name it.
public protocol SMSGateway: Sendable {
    /// Sends `sms`; returns the gateway's id for it, used to match delivery receipts.
    ///
    /// Throws `SMSGatewayError.rejected` when retrying cannot help.
    func send(_ sms: OutgoingSMS) async throws -> String
}

/// Failures of a gateway.
public enum SMSGatewayError: Error, Sendable, Equatable {
    /// The gateway refused the message (bad number, bad signature…); retrying cannot help.
    case rejected(status: Int, reason: String)
    /// The gateway is down or answered with an error that a retry may fix.
    case unavailable(String)
}
