public import Foundation

/// How long a login lasts: idle and absolute limits.
public struct SessionPolicy: Sendable {
    /// A session unused this long ends (30 minutes by default).
    public var idleTimeout: TimeInterval
    /// A session ends this long after login whatever happens (12 hours by default).
    public var absoluteTimeout: TimeInterval

    /// Creates the policy.
    public init(idleTimeout: TimeInterval = 30 * 60, absoluteTimeout: TimeInterval = 12 * 3600) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
    }
}
