import Crypto
import Foundation
import Guomi
import Kernel

/// A private signing key (P-256 or SM2) and its public JWK: for ID tokens and signed documents.
public struct SigningKey: Sendable {
    /// The algorithm the key signs with.
    public let algorithm: SigningAlgorithm
    /// The raw private scalar (32 bytes for both curves).
    public let privateBytes: [UInt8]
    /// The public half as a JWK, with its thumbprint as `kid`.
    public let jwk: JSONWebKey

    /// The key id: the JWK thumbprint.
    public var kid: String { jwk.kid }

    /// Reads a key from its raw private scalar.
    public init(algorithm: SigningAlgorithm, privateBytes: [UInt8]) throws {
        self.algorithm = algorithm
        self.privateBytes = privateBytes
        let point: [UInt8] =
            switch algorithm {
            case .es256:
                Array(try P256.Signing.PrivateKey(rawRepresentation: privateBytes).publicKey.x963Representation)
            case .sm2: try SM2PrivateKey(rawRepresentation: privateBytes).publicKey.x963Representation
            }
        jwk = Self.publicJWK(algorithm: algorithm, uncompressedPoint: point)
    }

    /// A new random key.
    public static func generate(_ algorithm: SigningAlgorithm) throws -> SigningKey {
        switch algorithm {
        case .es256:
            try SigningKey(algorithm: algorithm, privateBytes: Array(P256.Signing.PrivateKey().rawRepresentation))
        case .sm2: try SigningKey(algorithm: algorithm, privateBytes: SM2PrivateKey().rawRepresentation)
        }
    }

    /// The JWS signature over `input`: r‖s, 64 bytes, for both algorithms (RFC 7518 §3.4).
    public func sign(_ input: [UInt8]) throws -> [UInt8] {
        switch algorithm {
        case .es256:
            Array(try P256.Signing.PrivateKey(rawRepresentation: privateBytes).signature(for: input).rawRepresentation)
        case .sm2: try SM2PrivateKey(rawRepresentation: privateBytes).signature(for: input).rawRepresentation
        }
    }

    /// Whether `signature` (r‖s) over `input` was made by the private half of `jwk`.
    public static func isValid(_ signature: [UInt8], for input: [UInt8], by jwk: JSONWebKey) -> Bool {
        VerifyingKey(jwk: jwk)?.isValid(signature, for: input) ?? false
    }

    /// The JWK with its RFC 7638 thumbprint (SHA-256 over the required members in order) as `kid`.
    public static func publicJWK(algorithm: SigningAlgorithm, uncompressedPoint point: [UInt8]) -> JSONWebKey {
        let x = Base64URL.encode(point[1...32])
        let y = Base64URL.encode(point[33...64])
        let members = #"{"crv":"\#(algorithm.curve)","kty":"EC","x":"\#(x)","y":"\#(y)"}"#
        let thumbprint = Base64URL.encode(SHA256.hash(data: Data(members.utf8)))
        return JSONWebKey(
            kty: "EC", crv: algorithm.curve, x: x, y: y, kid: thumbprint, alg: algorithm.rawValue, use: "sig")
    }
}
