import Foundation

/// The demo channel: nothing leaves the machine; the development inbox page lists every message.
public struct DevelopmentSMSGateway: SMSGateway {
    /// Creates the gateway.
    public init() {}

    /// Accepts the message at once with a local id.
    public func send(_ sms: OutgoingSMS) async throws -> String {
        "dev-" + UUID().uuidString.lowercased()
    }
}
