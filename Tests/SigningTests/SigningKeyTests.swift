import Kernel
import Signing
import Testing

@Suite("Signing keys: raw scalars, r‖s signatures, JWK publication")
struct SigningKeyTests {
    @Test("a key read back from its private scalar signs what its JWK verifies", arguments: SigningAlgorithm.allCases)
    func roundTrip(algorithm: SigningAlgorithm) throws {
        // Setup
        let key = try SigningKey.generate(algorithm)
        let restored = try SigningKey(algorithm: algorithm, privateBytes: key.privateBytes)
        let message = Array("营业执照 91130100MA0XXXXXX0".utf8)

        // Act
        let signature = try restored.sign(message)

        // Verify
        #expect(restored.jwk == key.jwk)
        #expect(signature.count == 64)
        #expect(SigningKey.isValid(signature, for: message, by: key.jwk))
        #expect(!SigningKey.isValid(signature, for: message + [0], by: key.jwk))
        let other = try SigningKey.generate(algorithm)
        #expect(!SigningKey.isValid(signature, for: message, by: other.jwk))
    }
}
