import Foundation
import Kernel
import Licenses
import Testing

@Suite("License type catalogue")
struct LicenseTypeCatalogueTests {
    @Test("the bundled types load, and each case mapping names existing fields")
    func bundled() throws {
        // Act
        let catalogue = try LicenseTypeCatalogue.bundled()

        // Verify
        #expect(catalogue.types.count >= 6)
        let food = try #require(catalogue.type(issuedBy: "111301000000135718300011100800001"))
        #expect(food.key == "food-business-permit")
        #expect(food.validYears == 5)
        for type in catalogue.types {
            #expect(type.field(type.holderIDField) != nil)
        }
    }

    @Test("a type naming a missing holder field or a bad code is refused with every problem listed")
    func invalid() {
        // Setup
        let broken = LicenseType(
            key: "x", code: "bad-code", name: "坏类型", holder: .person, issuerDepartment: "D", validYears: 0,
            fields: [LicenseField(key: "name", label: "姓名", kind: .personName)], holderNameField: "nobody",
            holderIDField: "name", fromCases: CaseLicenseMapping(items: ["1"], fields: ["ghost": "form.a"]))

        // Act / verify
        #expect {
            try LicenseTypeCatalogue(types: [broken])
        } throws: { error in
            guard let error = error as? DomainError else { return false }
            return error.code == "licenses.types-invalid" && error.detail.contains("bad-code")
                && error.detail.contains("nobody") && error.detail.contains("ghost") && error.detail.contains("有效年限")
                && error.detail.contains("身份证号或统一社会信用代码")
        }
    }
}
