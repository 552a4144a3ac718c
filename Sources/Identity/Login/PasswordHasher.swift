import HummingbirdBcrypt

/// bcrypt with a configurable cost; tests use a low cost to stay fast.
public struct PasswordHasher: Sendable {
    /// The bcrypt cost factor (work doubles per step).
    public var cost: UInt8

    /// Creates a hasher; 12 is the production default.
    public init(cost: UInt8 = 12) {
        self.cost = cost
    }

    /// A bcrypt hash of `password` with a fresh salt.
    public func hash(_ password: String) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches `hash`.
    public func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }
}
