import Kernel
import Testing

@testable import Signing

/// The compact code: prefix + Base45(zlib(COSE_Sign1)), its limits and its error for each layer.
@Suite("Signed codes: encode, decode, limits")
struct SignedCodeTests {
    static let format = SignedCode(prefix: "ZT1:")
    static let claims = CBORValue.map([
        .unsigned(1): .text("130100"), .unsigned(2): .text("营业执照"), .unsigned(3): .unsigned(1_767_225_600),
    ]).encoded()

    /// Bytes that do not compress, the same on every run (xorshift64).
    static func noise(_ count: Int) -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
    }

    /// `bytes` as a code of `format`, bypassing signing: for feeding the decoder broken layers.
    static func code(of bytes: [UInt8]) -> String { format.prefix + Base45.encode(bytes) }

    @Test(
        "a code round-trips for both algorithms and stays in the QR alphanumeric set",
        arguments: SigningAlgorithm.allCases)
    func roundTrip(algorithm: SigningAlgorithm) throws {
        // Setup
        let key = try SigningKey.generate(algorithm)

        // Act
        let text = try Self.format.encode(Self.claims, signedBy: key)
        let payload = try Self.format.decode(text, keys: [key.jwk])

        // Verify
        #expect(payload == Self.claims)
        #expect(text.hasPrefix("ZT1:"))
        #expect(text.utf8.allSatisfy { "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8.contains($0) })
        let message = try Zlib.decompress(try Base45.decode(text.dropFirst(4)), limit: 16 * 1024)
        #expect(try COSESign1.verify(message, keys: [key.jwk]) == Self.claims)
    }

    @Test("the prefix must match exactly: another domain's, lowercase or missing are refused")
    func prefix() throws {
        // Setup
        let key = try SigningKey.generate(.es256)
        let text = try Self.format.encode(Self.claims, signedBy: key)
        let receipts = SignedCode(prefix: "ZR1:")

        // Act / Verify
        #expect(throws: SignedCodeError.wrongPrefix(expected: "ZR1:")) { try receipts.decode(text, keys: [key.jwk]) }
        #expect(throws: SignedCodeError.wrongPrefix(expected: "ZT1:")) {
            try Self.format.decode("zt1:" + text.dropFirst(4), keys: [key.jwk])
        }
        #expect(throws: SignedCodeError.wrongPrefix(expected: "ZT1:")) {
            try Self.format.decode(String(text.dropFirst(4)), keys: [key.jwk])
        }
    }

    @Test("over-long text and non-Base45 text are refused before any decoding")
    func textErrors() {
        // Setup
        let long = "ZT1:" + String(repeating: "0", count: 4293)
        let small = SignedCode(prefix: "ZT1:", maxTextLength: 10)

        // Act / Verify
        #expect(throws: SignedCodeError.tooLong(limit: 4296)) { try Self.format.decode(long, keys: []) }
        #expect(throws: SignedCodeError.tooLong(limit: 10)) { try small.decode("ZT1:0000000", keys: []) }
        #expect(throws: SignedCodeError.notBase45(.invalidCharacter(offset: 3))) {
            try Self.format.decode("ZT1:BB8b", keys: [])
        }
        #expect(throws: SignedCodeError.notBase45(.danglingCharacter)) { try Self.format.decode("ZT1:BB8A", keys: []) }
    }

    @Test("a zip bomb stops at the decompressed-size limit")
    func zipBomb() throws {
        // Setup: 1 MiB of zeros deflates to about a kilobyte
        let bomb = try Zlib.compress([UInt8](repeating: 0, count: 1 << 20))
        let text = Self.code(of: bomb)

        // Act
        let error = #expect(throws: SignedCodeError.self) { try Self.format.decode(text, keys: []) }

        // Verify
        #expect(text.utf8.count < SignedCode.defaultMaxTextLength)
        #expect(error == .tooLarge(limit: 16 * 1024))
    }

    @Test("the size limit is exact: the limit inflates, one byte more does not")
    func sizeBoundary() throws {
        // Setup
        let atLimit = try Zlib.compress([UInt8](repeating: 7, count: 1000))
        let overLimit = try Zlib.compress([UInt8](repeating: 7, count: 1001))

        // Act
        let inflated = try Zlib.decompress(atLimit, limit: 1000)

        // Verify
        #expect(inflated == [UInt8](repeating: 7, count: 1000))
        #expect(throws: SignedCodeError.tooLarge(limit: 1000)) { try Zlib.decompress(overLimit, limit: 1000) }
    }

    @Test("uncompressed, truncated or padded zlib streams are refused")
    func brokenCompression() throws {
        // Setup
        let key = try SigningKey.generate(.es256)
        let message = try COSESign1.sign(Self.claims, with: key)
        let compressed = try Zlib.compress(message)
        let broken: [[UInt8]] = [
            message, Array(compressed.dropLast(4)), Array(compressed.prefix(compressed.count / 2)), compressed + [0],
            [],
        ]

        for bytes in broken {
            // Act
            let error = #expect(throws: SignedCodeError.self) {
                try Self.format.decode(Self.code(of: bytes), keys: [key.jwk])
            }

            // Verify
            #expect(error == .badCompression)
        }
        #expect(try Self.format.decode(Self.code(of: compressed), keys: [key.jwk]) == Self.claims)
    }

    @Test("COSE failures come through with their cause")
    func coseErrors() throws {
        // Setup
        let key = try SigningKey.generate(.sm2)
        let text = try Self.format.encode(Self.claims, signedBy: key)
        let junk = Self.code(of: try Zlib.compress([0x01]))

        // Act / Verify
        #expect(throws: SignedCodeError.cose(.unknownKey(kid: Array(key.kid.utf8)))) {
            try Self.format.decode(text, keys: [])
        }
        #expect(throws: SignedCodeError.cose(.algorithmNotAllowed(-65537))) {
            try Self.format.decode(text, keys: [key.jwk], allowing: [.es256])
        }
        #expect(throws: SignedCodeError.cose(.malformed("COSE_Sign1 must be an array of four items"))) {
            try Self.format.decode(junk, keys: [key.jwk])
        }
    }

    @Test("the encoder refuses to issue what the decoder would refuse")
    func encoderLimits() throws {
        // Setup
        let key = try SigningKey.generate(.es256)

        // Act / Verify: 20 KiB is over the size limit; 3 KiB of noise is under it but over the text limit
        #expect(throws: SignedCodeError.tooLarge(limit: 16 * 1024)) {
            try Self.format.encode(Self.noise(20 * 1024), signedBy: key)
        }
        #expect(throws: SignedCodeError.tooLong(limit: 4296)) {
            try Self.format.encode(Self.noise(3 * 1024), signedBy: key)
        }
    }

    @Test("each error has a stable code and a Chinese explanation for people")
    func domainErrors() {
        // Setup
        let errors: [(SignedCodeError, String)] = [
            (.tooLong(limit: 4296), "signed-code.too-long"),
            (.wrongPrefix(expected: "ZT1:"), "signed-code.wrong-prefix"),
            (.notBase45(.danglingCharacter), "signed-code.not-base45"),
            (.badCompression, "signed-code.bad-compression"),
            (.tooLarge(limit: 16384), "signed-code.too-large"), (.cose(.malformed("x")), "signed-code.malformed"),
            (.cose(.invalidCBOR(.truncated(offset: 0))), "signed-code.malformed"),
            (.cose(.algorithmNotAllowed(-8)), "signed-code.algorithm-not-allowed"),
            (.cose(.unknownKey(kid: [1])), "signed-code.unknown-key"),
            (.cose(.algorithmMismatch(header: .sm2, key: "ES256")), "signed-code.algorithm-mismatch"),
            (.cose(.badSignature), "signed-code.bad-signature"),
        ]

        for (error, code) in errors {
            // Act
            let domain = error.domainError

            // Verify
            #expect(domain.code == code)
            #expect(domain.kind == .invalid)
            #expect(domain.title.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
        }
        #expect(SignedCodeError.wrongPrefix(expected: "ZT1:").domainError.detail.contains("ZT1:"))
    }
}
