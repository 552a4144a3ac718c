import Kernel
import Testing

@Suite struct ISO7064Mod11Tests {
    // ISO/IEC 7064 annex example for MOD 11,10: "0794" takes check digit 5.
    @Test func standardExample() {
        #expect(ISO7064.mod11_10("0794") == "5")
    }

    // Computed by hand with the hybrid recurrence (P₀ = 10, S = (P + d) mod 10 or 10, P = 2S mod 11):
    // "1" → S = 1, P = 2, check = (11 − 2) mod 10 = 9.
    @Test func singleDigit() {
        #expect(ISO7064.mod11_10("1") == "9")
    }

    @Test func everySingleDigitErrorChangesTheCheck() {
        let base = "13010026100000012345"
        let body = String(base.dropLast())
        let check = ISO7064.mod11_10(body)
        for (index, original) in body.enumerated() {
            for digit in "0123456789" where digit != original {
                var changed = Array(body)
                changed[index] = digit
                #expect(ISO7064.mod11_10(String(changed)) != check, "position \(index) digit \(digit)")
            }
        }
    }

    @Test func refusesNonDigits() {
        #expect(ISO7064.mod11_10("12A4") == nil)
        #expect(ISO7064.mod11_10("１２") == nil)
    }
}
