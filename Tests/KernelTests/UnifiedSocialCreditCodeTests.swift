import Kernel
import Testing

/// Codes here are made up for the tests, with check characters computed for them.
@Suite struct UnifiedSocialCreditCodeTests {
    @Test(arguments: [
        ("91130102MA0CXXXX1J", RegistrationAuthority.marketRegulation, "企业", "130102"),
        ("92130102L123456784", RegistrationAuthority.marketRegulation, "个体工商户", "130102"),
        ("52130000MJ123456AC", RegistrationAuthority.civilAffairs, "民办非企业单位", "130000"),
        ("12100000400000123X", RegistrationAuthority.establishment, "事业单位", "100000"),  // national level
        ("N2130102000000001B", RegistrationAuthority.agriculture, "村级集体经济组织", "130102"),
        ("Y1110105ABCDEFGH0F", RegistrationAuthority.other, "其他", "110105"),
    ])
    func validCodesAreDecoded(text: String, authority: RegistrationAuthority, type: String, division: String) throws {
        // Act
        let code = try UnifiedSocialCreditCode(text)

        // Verify
        #expect(code.authority == authority)
        #expect(code.organizationTypeName == type)
        #expect(code.division == (try DivisionCode(division)))
        #expect(code.subjectIdentifier == String(text.dropFirst(8).prefix(9)))
    }

    @Test func lowerCaseIsAcceptedAndStoredUpperCase() throws {
        // Act
        let code = try UnifiedSocialCreditCode("91130102ma0cxxxx1j")

        // Verify
        #expect(code.rawValue == "91130102MA0CXXXX1J")
    }

    @Test(arguments: [
        ("91130102MA0CXXXX1", "credit-code.invalid-length"),
        ("91130102MA0CXXXX1JJ", "credit-code.invalid-length"),
        ("91130102MA0CXXXI1J", "credit-code.invalid-character"),  // I is not in the alphabet
        ("91130102MA0CXXXX1O", "credit-code.invalid-character"),
        ("B1130102MA0CXXXX1G", "credit-code.invalid-authority"),
        ("94130102MA0CXXXX19", "credit-code.invalid-type"),  // 市场监管 has no type 4
        ("91990000MA0CXXXX1Y", "credit-code.invalid-division"),  // no province 99
        ("91130102MA0CXXXX1K", "credit-code.invalid-check-character"),
        ("91130102MA0CXXXX2J", "credit-code.invalid-check-character"),
    ])
    func invalidCodesNameTheFaultyPart(text: String, expected: String) {
        // Act
        var thrown: DomainError?
        do { _ = try UnifiedSocialCreditCode(text) } catch { thrown = error }

        // Verify
        #expect(thrown?.code == expected)
        #expect(thrown?.kind == .invalid)
    }

    @Test func theFaultyCharacterPositionIsReported() {
        // Act
        var thrown: DomainError?
        do { _ = try UnifiedSocialCreditCode("91130102MA0CXXXI1J") } catch { thrown = error }

        // Verify
        #expect(thrown?.detail.contains("第16位") == true)
    }

    @Test func everyAuthorityHasTypesAndAName() {
        for authority in RegistrationAuthority.allCases {
            // Verify: a missing table would reject every code of that authority.
            #expect(!authority.organizationTypes.isEmpty, "\(authority)")
            #expect(!authority.name.isEmpty)
        }
    }
}
