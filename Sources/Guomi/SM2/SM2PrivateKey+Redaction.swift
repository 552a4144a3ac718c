extension SM2PrivateKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// A redacted form that never includes the secret scalar.
    public var description: String { "SM2PrivateKey(<redacted>)" }

    /// The same redacted form, so `debugPrint` and string interpolation in logs stay safe.
    public var debugDescription: String { description }

    /// An empty mirror so `dump` cannot reach the scalar either.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
