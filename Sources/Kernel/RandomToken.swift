import Foundation

/// Unguessable tokens for cookies, CSRF and one-time links, from the system's secure generator.
public enum RandomToken {
    /// `byteCount` random bytes as unpadded base64url (32 bytes give 43 characters).
    public static func make(byteCount: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Base64URL.encode(bytes)
    }
}
