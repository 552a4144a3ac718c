/// The command to send one message from a template.
public struct SendMessage: Sendable, Equatable, Codable {
    /// The channel.
    public var channel: MessageChannel
    /// An account id for `inbox`, a mobile number for `sms`.
    public var recipient: String
    /// The template code.
    public var template: String
    /// Values for the template's placeholders.
    public var parameters: [String: String]
    /// Urgent messages ignore the SMS quiet hours (22:00–08:00).
    public var urgent: Bool

    /// Creates the command.
    public init(
        channel: MessageChannel, recipient: String, template: String, parameters: [String: String],
        urgent: Bool = false
    ) {
        self.channel = channel
        self.recipient = recipient
        self.template = template
        self.parameters = parameters
        self.urgent = urgent
    }
}
