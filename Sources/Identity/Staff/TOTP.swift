import Crypto
public import Foundation

/// Time-based one-time passwords (RFC 6238) with HMAC-SHA1, as every authenticator app speaks.
///
/// SHA-1 is what the apps support; its collision weakness does not touch HMAC.
public struct TOTP: Sendable {
    /// The shared secret.
    public let secret: [UInt8]
    /// The number of digits in a code: 6 for use, 8 for the RFC's test vectors.
    public let digits: Int
    /// The length of one time step in seconds.
    public let period: Int64
    /// Steps accepted on either side of the current one, for clock drift and typing time.
    public let window: Int64

    /// The issuer shown in authenticator apps.
    public static let issuer = "政通"

    /// Creates a generator for `secret`.
    public init(secret: [UInt8], digits: Int = 6, period: Int64 = 30, window: Int64 = 1) {
        self.secret = secret
        self.digits = digits
        self.period = period
        self.window = window
    }

    /// A new random 160-bit secret, the length RFC 4226 recommends.
    public static func randomSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<20).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// The time step `date` falls in.
    public func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970).rounded(.down)) / period
    }

    /// The code for time step `step` (RFC 4226 HOTP with the step as counter).
    public func code(step: Int64) -> String {
        let counter = (0..<8).map { UInt8(truncatingIfNeeded: UInt64(bitPattern: step) >> (56 - 8 * UInt64($0))) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: counter, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary =
            (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8)
            | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let text = String(binary % modulus)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// The code valid at `date`.
    public func code(at date: Date) -> String {
        code(step: step(at: date))
    }

    /// The step whose code `code` is, within the window around `date`, or nil.
    ///
    /// The caller stores the step and refuses it next time, so a code works once.
    public func matchingStep(_ code: String, at date: Date) -> Int64? {
        let typed = code.filter { !$0.isWhitespace }
        guard typed.count == digits, typed.allSatisfy(\.isASCII), typed.allSatisfy(\.isNumber) else { return nil }
        let now = step(at: date)
        // Every candidate is computed, so the time taken does not tell which step matched.
        var found: Int64?
        for candidate in (now - window)...(now + window) where Self.same(self.code(step: candidate), typed) {
            found = found ?? candidate
        }
        return found
    }

    /// The `otpauth://` URI an authenticator app scans to add `account` under the issuer 政通.
    public func provisioningURI(account: String) -> String {
        let issuer = Self.percentEncoded(Self.issuer)
        let label = issuer + ":" + Self.percentEncoded(account)
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(issuer)"
            + "&algorithm=SHA1&digits=\(digits)&period=\(period)"
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters.
    static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Compares in time independent of where the strings differ.
    static func same(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
