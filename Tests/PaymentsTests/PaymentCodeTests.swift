import Foundation
import Kernel
import Testing

@testable import Payments

@Suite("Payment codes and fee arithmetic")
struct PaymentCodeTests {
    @Test("codes are 20 digits with region, year and a check digit that catches any single error")
    func codes() {
        let generator = RegionalPaymentCode()
        let code = generator.next(divisionCode: "130100", at: Date(timeIntervalSince1970: 1_777_341_600))

        #expect(code.count == 20)
        #expect(code.hasPrefix("130100261"))
        #expect(generator.isWellFormed(code))
        for index in code.indices {
            var wrong = code
            let digit = code[index] == "0" ? "1" : "0"
            wrong.replaceSubrange(index...index, with: digit)
            #expect(!generator.isWellFormed(wrong))
        }
        #expect(!generator.isWellFormed("1301002610000000001"))
        #expect(!generator.isWellFormed("13010026100000000O18"))
    }

    @Test("half reductions round down in the payer's favour; zero fees make no line")
    func fees() throws {
        let fees = [
            CatalogModelFee.make(name: "登记费", fen: 8001, reductions: ["小微企业免收"]),
            CatalogModelFee.make(name: "工本费", fen: 0, reductions: []),
        ]
        let lines = try FeeCalculator.lines(
            fees: fees, reductions: [FeeReduction(fee: "登记费", basis: "小微企业免收", mode: .half)])

        #expect(lines.count == 1)
        #expect(lines[0].amount == Money(fen: 4000))
        #expect(lines[0].standard == Money(fen: 8001))
        #expect(throws: DomainError.self) {
            try FeeCalculator.lines(
                fees: fees,
                reductions: [
                    FeeReduction(fee: "登记费", basis: "小微企业免收", mode: .half),
                    FeeReduction(fee: "登记费", basis: "小微企业免收", mode: .exempt),
                ])
        }
    }
}
