import Synchronization

/// The provider's issuer identifier, the base of every endpoint URL.
///
/// Fixed by `ZT_PUBLIC_URL` in production; a development server on a port chosen by the OS sets it
/// once it knows the port.
public final class IssuerURL: Sendable {
    private let state: Mutex<String>

    /// Starts with `value` (no trailing slash).
    public init(_ value: String) {
        state = Mutex(Self.trimmed(value))
    }

    /// The issuer.
    public var value: String { state.withLock { $0 } }

    /// Replaces the issuer.
    public func set(_ value: String) {
        state.withLock { $0 = Self.trimmed(value) }
    }

    private static func trimmed(_ value: String) -> String {
        value.hasSuffix("/") ? String(value.dropLast()) : value
    }
}
