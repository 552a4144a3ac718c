public import PaymentChannels

/// The channels a deployment offers, filled in by the composition root (ARCHITECTURE rule 6).
public struct PaymentChannelRegistry: Sendable {
    private var channels: [PaymentChannelID: any PaymentChannel] = [:]
    private var order: [PaymentChannelID] = []

    /// An empty registry.
    public init() {}

    /// Adds `channel`, replacing one with the same id.
    public mutating func register(_ channel: any PaymentChannel) {
        if channels[channel.id] == nil { order.append(channel.id) }
        channels[channel.id] = channel
    }

    /// The channel with `id`.
    public func channel(_ id: PaymentChannelID) -> (any PaymentChannel)? {
        channels[id]
    }

    /// The scan-to-pay channels, in the order they were registered.
    public var scanChannels: [PaymentChannelID] { order }
}
