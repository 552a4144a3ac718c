import Foundation
import Guomi

/// Seals personal data for storage and computes blind indexes to find it again.
///
/// A sealed value starts with one byte naming its cipher, so values sealed before a change of
/// `ZT_FIELD_CIPHER` still open afterwards. Sub-keys come from the master key by HMAC-SM3.
public struct FieldSealer: Sendable {
    /// The cipher new values are sealed with.
    public let cipher: FieldCipher
    private let sm4: SM4GCMCipher
    private let aes: AESGCMCipher
    private let indexKey: [UInt8]

    /// Derives the sealing and index keys from a 32-byte master key.
    public init(masterKey: [UInt8], cipher: FieldCipher = .sm4GCM) throws {
        guard masterKey.count == 32 else { throw FieldSealerError.badKeyLength(masterKey.count) }
        let sealKey = HMACSM3.authenticationCode(for: Array("zhengtong field seal v1".utf8), key: masterKey)
        sm4 = try SM4GCMCipher(key: Array(sealKey.prefix(16)))
        aes = try AESGCMCipher(key: sealKey)
        indexKey = HMACSM3.authenticationCode(for: Array("zhengtong blind index v1".utf8), key: masterKey)
        self.cipher = cipher
    }

    /// Encrypts `text`, binding `context` (table.column) so a value copied elsewhere fails to open.
    public func seal(_ text: String, context: String) throws -> [UInt8] {
        let aad = Array(context.utf8)
        switch cipher {
        case .sm4GCM: return [cipher.rawValue] + (try sm4.seal(Array(text.utf8), authenticating: aad))
        case .aes256GCM: return [cipher.rawValue] + (try aes.seal(Array(text.utf8), authenticating: aad))
        }
    }

    /// Decrypts what `seal` produced for the same context, whichever cipher sealed it.
    public func open(_ sealed: [UInt8], context: String) throws -> String {
        guard let tag = sealed.first, let used = FieldCipher(rawValue: tag) else {
            throw FieldSealerError.unknownAlgorithm
        }
        let body = Array(sealed.dropFirst())
        let aad = Array(context.utf8)
        let plain =
            switch used {
            case .sm4GCM: try sm4.open(body, authenticating: aad)
            case .aes256GCM: try aes.open(body, authenticating: aad)
            }
        return String(decoding: plain, as: UTF8.self)
    }

    /// A keyed HMAC-SM3 of `text`, for equality lookups without storing the value in clear.
    public func blindIndex(_ text: String, context: String) -> String {
        HMACSM3.authenticationCode(for: Array((context + "\u{1F}" + text).utf8), key: indexKey).hexString
    }
}

/// The ciphers personal data can be sealed with; the raw value is the sealed value's first byte.
public enum FieldCipher: UInt8, Sendable, CaseIterable {
    /// AES-256-GCM (swift-crypto).
    case aes256GCM = 1
    /// SM4-GCM (Guomi), the default.
    case sm4GCM = 2

    /// Parses `SM4-GCM` or `AES-256-GCM`.
    public init?(name: String) {
        switch name.uppercased() {
        case "SM4-GCM": self = .sm4GCM
        case "AES-256-GCM": self = .aes256GCM
        default: return nil
        }
    }
}

/// Why a field could not be sealed or opened.
public enum FieldSealerError: Error, Sendable, Equatable {
    /// The master key must be 32 bytes.
    case badKeyLength(Int)
    /// The sealed value names a cipher this build does not know.
    case unknownAlgorithm
}
