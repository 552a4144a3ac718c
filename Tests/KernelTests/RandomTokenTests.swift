import Kernel
import Testing

@Suite("Random tokens")
struct RandomTokenTests {
    @Test("32 bytes give 43 URL-safe characters, and tokens do not repeat")
    func shape() {
        let tokens = (0..<1000).map { _ in RandomToken.make() }
        #expect(tokens.allSatisfy { $0.count == 43 })
        #expect(
            tokens.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") } }
        )
        #expect(Set(tokens).count == tokens.count)
        #expect(RandomToken.make(byteCount: 16).count == 22)
    }
}
