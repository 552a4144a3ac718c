import Signing
import Testing

/// Our own COSE_Sign1 messages, for both algorithms: their shape, and each way of tampering with them.
@Suite("COSE_Sign1: sign and verify")
struct COSESign1Tests {
    static let payload = CBORValue.map([.unsigned(1): .text("营业执照"), .integer(-2): .bytes([0, 1, 2])]).encoded()

    /// `message` with its four parts changed by `change`, re-encoded (our encoding is deterministic, so an
    /// unchanged message comes back byte for byte).
    static func rebuilt(_ message: [UInt8], change: (inout [CBORValue]) -> Void) throws -> [UInt8] {
        guard case .tagged(18, .array(var parts)) = try CBORValue(decoding: message) else {
            Issue.record("not a tagged COSE_Sign1")
            return []
        }
        change(&parts)
        return CBORValue.tagged(18, .array(parts)).encoded()
    }

    @Test(
        "the message is tag 18 with protected {1: alg, 4: kid}, an empty unprotected map and r‖s",
        arguments: SigningAlgorithm.allCases)
    func shape(algorithm: SigningAlgorithm) throws {
        // Setup
        let key = try SigningKey.generate(algorithm)

        // Act
        let message = try COSESign1.sign(Self.payload, with: key)
        let verified = try COSESign1.verify(message, keys: [key.jwk])

        // Verify
        #expect(verified == Self.payload)
        guard case .tagged(18, .array(let parts)) = try CBORValue(decoding: message), parts.count == 4 else {
            Issue.record("not a tagged four-item array")
            return
        }
        let protected = try CBORValue(decoding: parts[0].bytesValue ?? [])
        let expectedAlgorithm: Int64 = algorithm == .es256 ? -7 : -65537
        #expect(
            protected == .map([.unsigned(1): .integer(expectedAlgorithm), .unsigned(4): .bytes(Array(key.kid.utf8))]))
        #expect(parts[1] == .map([:]))
        #expect(parts[2] == .bytes(Self.payload))
        #expect(parts[3].bytesValue?.count == 64)
        #expect(try Self.rebuilt(message) { _ in } == message)
    }

    @Test("a changed payload byte fails the signature", arguments: SigningAlgorithm.allCases)
    func changedPayload(algorithm: SigningAlgorithm) throws {
        // Setup
        let key = try SigningKey.generate(algorithm)
        let message = try COSESign1.sign(Self.payload, with: key)
        var payload = Self.payload
        payload[payload.count - 1] ^= 0x01

        // Act
        let tampered = try Self.rebuilt(message) { $0[2] = .bytes(payload) }

        // Verify
        #expect(throws: COSEError.badSignature) { try COSESign1.verify(tampered, keys: [key.jwk]) }
    }

    @Test("a protected header with an added parameter fails the signature", arguments: SigningAlgorithm.allCases)
    func changedProtectedHeader(algorithm: SigningAlgorithm) throws {
        // Setup
        let key = try SigningKey.generate(algorithm)
        let message = try COSESign1.sign(Self.payload, with: key)
        let protected = CBORValue.map([
            .unsigned(1): .integer(algorithm.coseIdentifier), .unsigned(4): .bytes(Array(key.kid.utf8)),
            .unsigned(3): .unsigned(60),
        ])

        // Act
        let tampered = try Self.rebuilt(message) { $0[0] = .bytes(protected.encoded()) }

        // Verify
        #expect(throws: COSEError.badSignature) { try COSESign1.verify(tampered, keys: [key.jwk]) }
    }

    @Test("a kid nobody published is reported as unknown", arguments: SigningAlgorithm.allCases)
    func wrongKid(algorithm: SigningAlgorithm) throws {
        // Setup
        let key = try SigningKey.generate(algorithm)
        let published = try SigningKey.generate(algorithm)
        let message = try COSESign1.sign(Self.payload, with: key)

        // Act
        let error = #expect(throws: COSEError.self) { try COSESign1.verify(message, keys: [published.jwk]) }

        // Verify
        #expect(error == .unknownKey(kid: Array(key.kid.utf8)))
    }

    @Test("an algorithm swapped in the header is caught against the key", arguments: SigningAlgorithm.allCases)
    func swappedAlgorithm(algorithm: SigningAlgorithm) throws {
        // Setup
        let key = try SigningKey.generate(algorithm)
        let message = try COSESign1.sign(Self.payload, with: key)
        let other: SigningAlgorithm = algorithm == .es256 ? .sm2 : .es256
        let protected = CBORValue.map([
            .unsigned(1): .integer(other.coseIdentifier), .unsigned(4): .bytes(Array(key.kid.utf8)),
        ])

        // Act
        let swapped = try Self.rebuilt(message) { $0[0] = .bytes(protected.encoded()) }

        // Verify
        #expect(throws: COSEError.algorithmMismatch(header: other, key: algorithm.rawValue)) {
            try COSESign1.verify(swapped, keys: [key.jwk])
        }
        #expect(throws: COSEError.algorithmNotAllowed(other.coseIdentifier)) {
            try COSESign1.verify(swapped, keys: [key.jwk], allowing: [algorithm])
        }
    }

    @Test("structural faults are named")
    func malformed() throws {
        // Setup
        let key = try SigningKey.generate(.es256)
        let message = try COSESign1.sign(Self.payload, with: key)
        let kid = CBORValue.bytes(Array(key.kid.utf8))
        let cases: [([UInt8], COSEError)] = [
            (CBORValue.tagged(17, .array([])).encoded(), .malformed("tag 17 is not COSE_Sign1 (18)")),
            (try Self.rebuilt(message) { $0.removeLast() }, .malformed("COSE_Sign1 must be an array of four items")),
            (
                try Self.rebuilt(message) { $0[2] = .null },
                .malformed("the payload must be an attached byte string (detached payloads are not supported)")
            ),
            (
                try Self.rebuilt(message) { $0[1] = .map([.unsigned(4): kid]) },
                .malformed("a header parameter appears in both the protected and the unprotected header")
            ),
            (
                try Self.rebuilt(message) { $0[1] = .map([.unsigned(2): .array([.unsigned(4)])]) },
                .malformed("critical header parameters (label 2) are not supported")
            ),
            (
                try Self.rebuilt(message) { $0[3] = .bytes([UInt8](repeating: 1, count: 63)) },
                .malformed("the signature must be 64 bytes (r‖s)")
            ),
            (try Self.rebuilt(message) { $0[0] = .bytes([0x18]) }, .invalidCBOR(.truncated(offset: 0))),
            // The signature's head (0x58 0x40) starts 66 bytes from the end; one byte short, it overruns.
            (Array(message.dropLast()), .invalidCBOR(.lengthExceedsInput(offset: message.count - 66))),
        ]

        for (input, expected) in cases {
            // Act
            let error = #expect(throws: COSEError.self) { try COSESign1.verify(input, keys: [key.jwk]) }

            // Verify
            #expect(error == expected)
        }
    }
}
