import Kernel
import Testing

@Suite("License identifiers (GB/T 36903) and ISO/IEC 7064 MOD 37,36")
struct LicenseIdentifierTests {
    // Identifiers published by issuing systems (a construction-ministry interface document and a
    // Zhejiang project portal); their check characters were computed by those systems, not by us.
    static let examples = [
        "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U",
        "1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0",
    ]

    @Test("published identifiers parse and keep their parts", arguments: examples)
    func published(text: String) throws {
        // Act
        let identifier = try LicenseIdentifier(text)

        // Verify
        #expect(identifier.description == text)
        #expect(identifier.typeCode.hasPrefix("11100000000013338W"))
        #expect(identifier.issuerCode.count == 18)
    }

    @Test("every other check character is refused and the right one is named", arguments: examples)
    func wrongCheck(text: String) {
        // Setup
        let right = text.last!
        let others = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".filter { $0 != right }

        // Act / verify
        for wrong in others {
            let forged = String(text.dropLast()) + String(wrong)
            #expect(throws: DomainError.self) { try LicenseIdentifier(forged) }
            do {
                _ = try LicenseIdentifier(forged)
            } catch {
                #expect(error.code == "license-id.invalid-check")
                #expect(error.detail.contains("应为 \(right)"))
            }
        }
    }

    @Test("a single changed or swapped character is caught")
    func typos() throws {
        // Setup
        let text = Self.examples[0]
        let serialStart = text.range(of: ".2023")!.upperBound

        // Act
        var changed = text
        changed.replaceSubrange(serialStart..<text.index(after: serialStart), with: "1")
        let digits = Array(text)
        var swapped = digits
        let letter = digits.firstIndex(of: "L")!
        swapped.swapAt(letter - 1, letter)

        // Verify
        #expect(throws: DomainError.self) { try LicenseIdentifier(changed) }
        #expect(digits[letter - 1] != digits[letter])
        #expect(throws: DomainError.self) { try LicenseIdentifier(String(swapped)) }
    }

    @Test("building computes the check character; a new version gets its own")
    func build() throws {
        // Act
        let first = try LicenseIdentifier(
            typeCode: "11100000000013338W011", issuerCode: "11430000006122244l", serial: "20230000403", version: 1)
        let second = try first.withVersion(2)

        // Verify
        #expect(first.description == Self.examples[0])
        #expect(
            second.description.hasPrefix("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002."))
        #expect(try LicenseIdentifier(second.description) == second)
    }

    @Test(
        "malformed identifiers get a reason",
        arguments: [
            ("2.16.156.1.11100000000013338W011.11430000006122244L.1.001.U", "license-id.invalid-root"),
            ("1.2.156.3005.2.11100000000013338W011.11430000006122244L.1.001", "license-id.invalid-shape"),
            ("1.2.156.3005.2.11100000000013338W011.11430000006122244L.1.01.U", "license-id.invalid-version"),
            ("1.2.156.3005.2.11100000000013338W011.1143000000612224.1.001.U", "license-id.invalid-issuer"),
            ("1.2.156.3005.2.111-00.11430000006122244L.1.001.U", "license-id.invalid-type"),
            ("1.2.156.3005.2.11100000000013338W011.11430000006122244L.营业.001.U", "license-id.invalid-serial"),
            ("1.2.156.3005.2.11100000000013338W011.11430000006122244L.1.000.U", "license-id.invalid-version"),
        ])
    func malformed(text: String, code: String) {
        #expect(throws: DomainError.self) { try LicenseIdentifier(text) }
        do { _ = try LicenseIdentifier(text) } catch { #expect(error.code == code) }
    }

    @Test("MOD 37,36 makes the hybrid system's final step land on 1")
    func hybridProperty() {
        // Appending the check character and running the recurrence once more must leave S = 1: the
        // defining property of the ISO/IEC 7064 hybrid systems, checked here on varied inputs.
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        for text in ["0", "Z", "11430000006122244L", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "99999999999999999999"] {
            let check = ISO7064.mod37_36(text)!
            var product = 36
            var sum = 0
            for character in text + String(check) {
                sum = (product + alphabet.firstIndex(of: character)!) % 36
                if sum == 0 { sum = 36 }
                product = (sum * 2) % 37
            }
            #expect(sum == 1, "\(text)")
        }
        #expect(ISO7064.mod37_36("ab") == nil)
    }
}
