import Identity
import Messaging
import Storage

/// Sends identity's login codes as urgent SMS through Messaging.
struct MessagingLoginCodeSender: LoginCodeSender {
    let messaging: MessagingService

    func sendLoginCode(phone: String, code: String, minutes: Int) async throws {
        _ = try await messaging.send(
            SendMessage(
                channel: .sms, recipient: phone, template: "platform.verification-code",
                parameters: ["code": code, "minutes": String(minutes)], urgent: true),
            by: .system)
    }
}
