import Crypto
public import Foundation

/// The HMAC-SHA256 signature between the platform and an external real-name service (the HTTP
/// population registry and the face-verification service), on requests and on answers.
///
/// The canonical text is the SMS gateway's (docs/messaging.md): method, path, timestamp, nonce and
/// the body's SHA-256, one per line. Answers are signed too, with the method `ANSWER` and the
/// request's nonce, so a forged or replayed "match" or "passed" cannot raise anyone's level.
/// See docs/real-name.md.
public struct RealNameSignature: Sendable {
    /// The key id sent in `X-ZT-Key-Id`.
    public var keyID: String
    // Bytes, not SymmetricKey: the latter is not Sendable.
    private let secretBytes: [UInt8]
    private var secret: SymmetricKey { SymmetricKey(data: secretBytes) }
    /// How far a timestamp may be from now, either way.
    public var tolerance: TimeInterval

    /// Creates a signer with a shared secret.
    public init(keyID: String, secret: String, tolerance: TimeInterval = 300) {
        self.keyID = keyID
        self.secretBytes = Array(secret.utf8)
        self.tolerance = tolerance
    }

    /// Whether the secret is long enough for production (16 bytes or more).
    public var hasStrongSecret: Bool { secretBytes.count >= 16 }

    /// The method line of a signed answer.
    public static let answerMethod = "ANSWER"

    /// The canonical text: method, path, timestamp, nonce and the body's SHA-256, one per line.
    public static func canonical(method: String, path: String, timestamp: String, nonce: String, body: [UInt8])
        -> String
    {
        let bodyHash = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
        return [method.uppercased(), path, timestamp, nonce, bodyHash].joined(separator: "\n")
    }

    /// The lowercase hex signature of a request (or, with `answerMethod`, of an answer).
    public func sign(method: String, path: String, timestamp: String, nonce: String, body: [UInt8]) -> String {
        let text = Self.canonical(method: method, path: path, timestamp: timestamp, nonce: nonce, body: body)
        return HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: secret)
            .map { String(format: "%02x", $0) }.joined()
    }

    /// Checks a signature and the timestamp's freshness, in constant time.
    public func verify(
        method: String, path: String, timestamp: String, nonce: String, body: [UInt8], signature: String,
        now: Date
    ) -> Bool {
        // Without a configured secret anyone could sign; refuse everything instead.
        guard !secretBytes.isEmpty, !nonce.isEmpty else { return false }
        guard let seconds = TimeInterval(timestamp), abs(now.timeIntervalSince1970 - seconds) <= tolerance else {
            return false
        }
        let text = Self.canonical(method: method, path: path, timestamp: timestamp, nonce: nonce, body: body)
        guard let given = Self.bytes(fromHex: signature) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: Data(text.utf8), using: secret)
    }

    private static func bytes(fromHex hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard !digits.isEmpty, digits.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else {
                return nil
            }
            out.append(byte)
            index += 2
        }
        return out
    }
}
