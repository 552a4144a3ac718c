import Foundation
import Identity
import Testing

@Suite("TOTP and base32")
struct TOTPTests {
    /// RFC 6238 Appendix B, SHA-1, with its 20-byte ASCII secret.
    static let rfcSecret = Array("12345678901234567890".utf8)
    static let rfcVectors: [(TimeInterval, String)] = [
        (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"), (1_234_567_890, "89005924"),
        (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ]

    @Test("the RFC 6238 SHA-1 vectors, 8 digits")
    func rfc6238() {
        let totp = TOTP(secret: Self.rfcSecret, digits: 8)

        let codes = Self.rfcVectors.map { totp.code(at: Date(timeIntervalSince1970: $0.0)) }

        #expect(codes == Self.rfcVectors.map(\.1))
    }

    @Test("6-digit codes are the last six digits of the same truncation")
    func sixDigits() {
        let totp = TOTP(secret: Self.rfcSecret)

        let codes = Self.rfcVectors.map { totp.code(at: Date(timeIntervalSince1970: $0.0)) }

        #expect(codes == Self.rfcVectors.map { String($0.1.suffix(6)) })
    }

    @Test("the RFC 4648 base32 vectors, without padding")
    func base32() {
        let vectors = [
            ("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI"),
        ]
        for (plain, encoded) in vectors {
            #expect(Base32.encode(Array(plain.utf8)) == encoded)
            #expect(Base32.decode(encoded) == Array(plain.utf8))
        }
        #expect(Base32.decode("MZXW6YTBOI======") == Array("foobar".utf8), "padding is accepted")
        #expect(Base32.decode("mzxw 6ytb-oi") == Array("foobar".utf8), "as people type it from paper")
        #expect(Base32.decode("MZXW1") == nil, "1 is not in the alphabet")
        #expect(Base32.decode("MY=A") == nil, "nothing after padding")
    }

    @Test("a code is accepted one step either side and no further; the matching step is returned")
    func window() {
        let totp = TOTP(secret: Self.rfcSecret)
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let step = totp.step(at: now)

        for offset in Int64(-1)...1 {
            #expect(totp.matchingStep(totp.code(step: step + offset), at: now) == step + offset)
        }
        #expect(totp.matchingStep(totp.code(step: step - 2), at: now) == nil)
        #expect(totp.matchingStep(totp.code(step: step + 2), at: now) == nil)
        #expect(totp.matchingStep(" " + totp.code(step: step) + " ", at: now) == step, "spaces are ignored")
        #expect(totp.matchingStep("12345", at: now) == nil)
        #expect(totp.matchingStep("١٢٣٤٥٦", at: now) == nil, "only ASCII digits")
    }

    @Test("the provisioning URI names the issuer 政通, percent-encoded")
    func provisioningURI() {
        let totp = TOTP(secret: Array("foobar".utf8))

        let uri = totp.provisioningURI(account: "rsj-admin")

        #expect(
            uri == "otpauth://totp/%E6%94%BF%E9%80%9A:rsj-admin?secret=MZXW6YTBOI&issuer=%E6%94%BF%E9%80%9A"
                + "&algorithm=SHA1&digits=6&period=30")
    }

    @Test("random secrets are 160 bits and differ")
    func randomSecrets() {
        let first = TOTP.randomSecret()

        #expect(first.count == 20)
        #expect(first != TOTP.randomSecret())
    }
}
