import Foundation
import Guomi
import Storage
import Testing

@Suite("Field sealing and signers")
struct CryptoTests {
    static let master = Array(0..<32).map { UInt8($0) }

    @Test("sealed values open with the same context and cipher-independent", arguments: FieldCipher.allCases)
    func roundTrip(cipher: FieldCipher) throws {
        let sealer = try FieldSealer(masterKey: Self.master, cipher: cipher)
        let sealed = try sealer.seal("13800000000", context: "t.phone")
        #expect(sealed.first == cipher.rawValue)
        #expect(!String(decoding: sealed, as: UTF8.self).contains("13800000000"))
        #expect(try sealer.open(sealed, context: "t.phone") == "13800000000")
        // A sealer configured for the other cipher still opens it: the first byte names the cipher.
        let other = try FieldSealer(masterKey: Self.master, cipher: cipher == .sm4GCM ? .aes256GCM : .sm4GCM)
        #expect(try other.open(sealed, context: "t.phone") == "13800000000")
    }

    @Test("a value moved to another column or altered does not open")
    func contextAndTamper() throws {
        let sealer = try FieldSealer(masterKey: Self.master)
        var sealed = try sealer.seal("130102199003071234", context: "people.id_number")
        #expect(throws: (any Error).self) { try sealer.open(sealed, context: "people.phone") }
        sealed[sealed.count - 1] ^= 1
        #expect(throws: (any Error).self) { try sealer.open(sealed, context: "people.id_number") }
        #expect(throws: FieldSealerError.badKeyLength(16)) { try FieldSealer(masterKey: Array(Self.master.prefix(16))) }
    }

    @Test("blind indexes are stable, keyed and context-bound")
    func blindIndex() throws {
        let sealer = try FieldSealer(masterKey: Self.master)
        let other = try FieldSealer(masterKey: Array(Self.master.reversed()))
        let index = sealer.blindIndex("13800000000", context: "t.phone")
        #expect(index == sealer.blindIndex("13800000000", context: "t.phone"))
        #expect(index != other.blindIndex("13800000000", context: "t.phone"))
        #expect(index != sealer.blindIndex("13800000000", context: "t.other"))
        #expect(index.count == 64)
    }

    @Test("every signer's signature verifies and a changed message does not")
    func signers() throws {
        let signers: [any Signer] = [
            SM2Signer(privateKey: SM2PrivateKey()), P256Signer(), Ed25519Signer(),
        ]
        for signer in signers {
            let message = Array("电子证照 \(signer.algorithm)".utf8)
            let signature = try signer.sign(message)
            #expect(signer.verifier.isValidSignature(signature, for: message), "\(signer.algorithm)")
            #expect(!signer.verifier.isValidSignature(signature, for: message + [0]), "\(signer.algorithm)")
        }
    }

    @Test("AES-GCM refuses a wrong key length and a tampered tag")
    func aes() throws {
        #expect(throws: GuomiError.self) { try AESGCMCipher(key: [1, 2, 3]) }
        let cipher = try AESGCMCipher(key: Self.master)
        var sealed = try cipher.seal(Array("abc".utf8), authenticating: [9])
        #expect(try cipher.open(sealed, authenticating: [9]) == Array("abc".utf8))
        sealed[sealed.count - 1] ^= 0x80
        #expect(throws: GuomiError.authenticationFailed) { try cipher.open(sealed, authenticating: [9]) }
    }
}
