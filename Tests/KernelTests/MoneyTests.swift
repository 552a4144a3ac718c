import Foundation
import Kernel
import Testing

@Suite struct MoneyTests {
    @Test(
        arguments: [
            ("12.30", 1230), ("12.3", 1230), ("12", 1200), ("0.05", 5), ("0", 0), ("-5.00", -500),
            ("92233720368547758.07", Int64.max),
        ] as [(String, Int64)])
    func parsingReadsYuanIntoFen(text: String, fen: Int64) throws {
        // Act
        let money = try Money(parsing: text)

        // Verify
        #expect(money.fen == fen)
    }

    @Test(arguments: [
        "12.345", "12.", ".5", "012.30", "+1", " 1", "1 ", "1,234.00", "1e3", "", "-", "1.2.3", "１２", "¥12",
    ])
    func parsingRefusesAnythingLoose(text: String) {
        // Act
        let code = errorCode { () throws(DomainError) in try Money(parsing: text) }

        // Verify
        #expect(code == "money.invalid-amount")
    }

    @Test func parsingAnAmountTooLargeOverflows() {
        // Act
        let code = errorCode { () throws(DomainError) in try Money(parsing: "92233720368547758.08") }

        // Verify
        #expect(code == "money.overflow")
    }

    @Test(
        arguments: [
            (123_456, "¥1,234.56", "1,234.56元"), (5, "¥0.05", "0.05元"), (100_000_000, "¥1,000,000.00", "1,000,000.00元"),
            (-123_456, "-¥1,234.56", "-1,234.56元"), (99_999, "¥999.99", "999.99元"),
        ] as [(Int64, String, String)])
    func formatting(fen: Int64, symbol: String, yuan: String) {
        // Setup
        let money = Money(fen: fen)

        // Act and verify
        #expect(money.formatted() == symbol)
        #expect(money.formatted(.yuan) == yuan)
        #expect(money.description == symbol)
    }

    @Test(arguments: [0, 7, 1230, -1, -99_999, Int64.max, Int64.min + 1] as [Int64])
    func decimalTextParsesBack(fen: Int64) throws {
        // Act
        let round = try Money(parsing: Money(fen: fen).decimalText)

        // Verify
        #expect(round.fen == fen)
    }

    @Test func arithmeticIsExact() throws {
        // Setup: ten 0.10 fees, the sum that floating point gets wrong.
        let fees = Array(repeating: try Money(parsing: "0.10"), count: 10)

        // Act
        let total = try Money.sum(fees)
        let change = try Money(parsing: "5").subtracting(Money(fen: 1))
        let copies = try Money(fen: 250).multiplied(by: 3)

        // Verify
        #expect(total == Money(fen: 100))
        #expect(change.decimalText == "4.99")
        #expect(copies == Money(fen: 750))
    }

    @Test func overflowThrowsInsteadOfTrapping() {
        // Setup
        let large = Money(fen: .max)

        // Act
        let sum = errorCode { () throws(DomainError) in try large.adding(Money(fen: 1)) }
        let difference = errorCode { () throws(DomainError) in try Money(fen: .min).subtracting(Money(fen: 1)) }
        let product = errorCode { () throws(DomainError) in try large.multiplied(by: 2) }

        // Verify
        #expect(sum == "money.overflow")
        #expect(difference == "money.overflow")
        #expect(product == "money.overflow")
    }

    @Test func codableUsesIntegerFen() throws {
        // Setup
        let money = Money(fen: 1230)

        // Act
        let json = try JSONEncoder().encode([money])
        let decoded = try JSONDecoder().decode([Money].self, from: json)

        // Verify
        #expect(String(decoding: json, as: UTF8.self) == "[1230]")
        #expect(decoded == [money])
    }
}
