import CasesModel
import Foundation
import Kernel
import Testing

@Suite struct CaseNumberTests {
    // MARK: the check digit

    @Test func checkDigitMatchesAPublishedMod1110Example() {
        // Act: the Croatian OIB 69435151530 uses ISO 7064 MOD 11,10 over its first ten digits.
        let digit = CaseNumber.checkDigit("6943515153")

        // Verify
        #expect(digit == "0")
    }

    @Test func numberHasItsParts() throws {
        // Act
        let number = try CaseNumber(division: "130100", day: Self.day("2026-11-30"), serial: 12)

        // Verify: the check digit agrees with an independent MOD 11,10 computation.
        #expect(number.rawValue == "1301002026113000000125")
        #expect(number.grouped == "130100 20261130 0000012 5")
        #expect(number.description == number.rawValue)
        #expect(number.division == "130100")
        #expect(number.day == Self.day("2026-11-30"))
        #expect(number.serial == 12)
    }

    @Test func everySingleDigitErrorIsDetected() throws {
        // Setup
        let samples = try [1, 12, 4_711, 9_999_999].map { serial in
            try CaseNumber(division: "130102", day: Self.day("2026-10-10"), serial: serial).rawValue
        }

        // Act
        var undetected: [String] = []
        for text in samples {
            for position in 0..<22 {
                for digit in "0123456789" where digit != Array(text)[position] {
                    var wrong = Array(text)
                    wrong[position] = digit
                    if Self.passesCheck(String(wrong)) { undetected.append(String(wrong)) }
                }
            }
        }

        // Verify
        #expect(undetected.isEmpty)
    }

    @Test func adjacentTranspositionsAreAlmostAlwaysDetected() throws {
        // Setup
        let samples = try (1...200).map { serial in
            try CaseNumber(division: "130100", day: Self.day("2026-11-30"), serial: serial).rawValue
        }

        // Act
        var swaps = 0
        var detected = 0
        for text in samples {
            let digits = Array(text)
            for position in 0..<21 where digits[position] != digits[position + 1] {
                var swapped = digits
                swapped.swapAt(position, position + 1)
                swaps += 1
                if !Self.passesCheck(String(swapped)) { detected += 1 }
            }
        }

        // Verify: MOD 11,10 has a few blind pairs (about 2% of swaps), as docs/statutory-clock.md says.
        #expect(swaps > 2000)
        #expect(Double(detected) / Double(swaps) >= 0.97)
    }

    // MARK: parsing

    @Test(arguments: ["1301002026113000000125", "130100 20261130 0000012 5", "130100-20261130-0000012-5"])
    func parsesPlainAndGroupedForms(text: String) throws {
        // Act
        let number = try CaseNumber(parsing: text)

        // Verify
        #expect(number == (try CaseNumber(division: "130100", day: Self.day("2026-11-30"), serial: 12)))
    }

    @Test func roundTripsThroughTextAndJSON() throws {
        // Setup
        let number = try CaseNumber(division: "650102", day: Self.day("2026-02-14"), serial: 9_999_999)

        // Act
        let parsed = try CaseNumber(parsing: number.rawValue)
        let regrouped = try CaseNumber(parsing: number.grouped)
        let json = try JSONEncoder().encode([number])
        let decoded = try JSONDecoder().decode([CaseNumber].self, from: json)

        // Verify
        #expect(parsed == number)
        #expect(regrouped == number)
        #expect(decoded == [number])
        #expect(String(decoding: json, as: UTF8.self) == "[\"\(number.rawValue)\"]")
    }

    @Test(arguments: [
        ("130100202611300000012", "cases.case-number-invalid-length"),  // 21 digits
        ("13010020261130000001255", "cases.case-number-invalid-length"),
        ("", "cases.case-number-invalid-length"),
        ("13010020261130000001A5", "cases.case-number-invalid-character"),
        ("１301002026113000000125", "cases.case-number-invalid-character"),  // full-width digit
        ("1301002026113000000124", "cases.case-number-invalid-check-digit"),
    ])
    func refusesMalformedText(text: String, code: String) {
        // Act
        let thrown = Self.errorCode { () throws(DomainError) in try CaseNumber(parsing: text) }

        // Verify
        #expect(thrown == code)
    }

    @Test(arguments: [
        ("130100", "20261331", "0000001", "cases.case-number-invalid-date"),
        ("130100", "20260229", "0000001", "cases.case-number-invalid-date"),
        ("130100", "20261130", "0000000", "cases.case-number-invalid-serial"),
        ("030100", "20261130", "0000001", "cases.case-number-invalid-division"),
    ])
    func refusesWellCheckedNumbersWithImpossibleParts(
        division: String, date: String, serial: String, code: String
    ) {
        // Setup: a correct check digit, so that only the part itself is wrong.
        let body = division + date + serial
        let text = body + String(CaseNumber.checkDigit(body))

        // Act
        var thrown: DomainError?
        do throws(DomainError) { _ = try CaseNumber(parsing: text) } catch { thrown = error }

        // Verify
        #expect(thrown?.code == code)
        #expect(thrown?.title == "办件编号无效")
    }

    @Test func malformedJSONIsRefused() {
        // Act
        let decoded = try? JSONDecoder().decode([CaseNumber].self, from: Data("[\"1301002026113000000124\"]".utf8))

        // Verify
        #expect(decoded == nil)
    }

    // MARK: building

    @Test(arguments: [0, -1, 10_000_000])
    func refusesSerialsOutOfRange(serial: Int) {
        // Act
        let code = Self.errorCode { () throws(DomainError) in
            try CaseNumber(division: "130100", day: Self.day("2026-11-30"), serial: serial)
        }

        // Verify
        #expect(code == "cases.case-number-invalid-serial")
    }

    @Test(arguments: ["012345", "13010", "1301000", "13010a", ""])
    func refusesBadDivisions(division: String) {
        // Act
        let code = Self.errorCode { () throws(DomainError) in
            try CaseNumber(division: division, day: Self.day("2026-11-30"), serial: 1)
        }

        // Verify
        #expect(code == "cases.case-number-invalid-division")
    }

    @Test func ordersByDivisionThenDayThenSerial() throws {
        // Setup
        let first = try CaseNumber(division: "130100", day: Self.day("2026-11-30"), serial: 2)
        let second = try CaseNumber(division: "130100", day: Self.day("2026-11-30"), serial: 10)
        let third = try CaseNumber(division: "130100", day: Self.day("2026-12-01"), serial: 1)
        let fourth = try CaseNumber(division: "130102", day: Self.day("2026-01-01"), serial: 1)

        // Act
        let sorted = [fourth, second, third, first].sorted()

        // Verify
        #expect(sorted == [first, second, third, fourth])
    }

    // MARK: helpers

    private static func passesCheck(_ text: String) -> Bool {
        CaseNumber.checkDigit(String(text.prefix(21))) == text.last
    }

    private static func day(_ text: String) -> CalendarDay {
        try! CalendarDay(parsing: text)
    }

    private static func errorCode<T>(_ body: () throws(DomainError) -> T) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return error.code
        }
    }
}
