import Kernel
import Testing

/// Numbers here are computed for the tests (valid check digits, made-up sequence numbers), not real people's.
@Suite struct ResidentIDNumberTests {
    let divisions: DivisionTable
    let today = day("2026-03-01")

    init() throws {
        divisions = try DivisionTable.standard()
    }

    @Test(arguments: [
        ("130102199003070011", "130102", "1990-03-07", Sex.male),
        ("110105200002290021", "110105", "2000-02-29", Sex.female),
        ("13010219880315004X", "130102", "1988-03-15", Sex.female),
        ("110103198001010013", "110103", "1980-01-01", Sex.male),  // 崇文区, a historical code
    ])
    func validNumbersAreDecoded(text: String, division: String, birth: String, sex: Sex) throws {
        // Act
        let number = try ResidentIDNumber(text, today: today, divisions: divisions)

        // Verify
        #expect(number.division == (try DivisionCode(division)))
        #expect(number.birthDate == day(birth))
        #expect(number.sex == sex)
        #expect(number.rawValue == text)
    }

    @Test func lowerCaseXIsAcceptedAndStoredUpperCase() throws {
        // Act
        let number = try ResidentIDNumber("13010219880315004x", today: today, divisions: divisions)

        // Verify
        #expect(number.rawValue == "13010219880315004X")
    }

    @Test func birthTodayIsValidButTomorrowIsNot() throws {
        // Setup
        let text = "110101202601010013"

        // Act
        let onBirthday = try ResidentIDNumber(text, today: day("2026-01-01"), divisions: divisions)
        let code = errorCode { () throws(DomainError) in
            try ResidentIDNumber(text, today: day("2025-12-31"), divisions: divisions)
        }

        // Verify
        #expect(onBirthday.birthDate == day("2026-01-01"))
        #expect(code == "resident-id.invalid-birth-date")
    }

    @Test(arguments: [
        ("13010219900307001", "resident-id.invalid-length"),
        ("1301021990030700111", "resident-id.invalid-length"),
        ("13010219900307001Y", "resident-id.invalid-character"),
        ("1301021990O307001X", "resident-id.invalid-character"),
        ("13010219900307001１", "resident-id.invalid-character"),
        ("130199199003070010", "resident-id.invalid-division"),  // well-formed but unknown code
        ("130102199002300014", "resident-id.invalid-birth-date"),  // 30 February
        ("13010218991231001X", "resident-id.invalid-birth-date"),  // before 1900
        ("130102199003070012", "resident-id.invalid-check-digit"),
        ("130102199003070101", "resident-id.invalid-check-digit"),  // two digits swapped
    ])
    func invalidNumbersNameTheFaultyPart(text: String, expected: String) {
        // Act
        var thrown: DomainError?
        do { _ = try ResidentIDNumber(text, today: today, divisions: divisions) } catch { thrown = error }

        // Verify
        #expect(thrown?.code == expected)
        #expect(thrown?.kind == .invalid)
        #expect(thrown?.title == "身份证号无效")
    }

    @Test func everyWrongCheckDigitIsCaught() {
        // Setup
        let body = "13010219900307001"
        let candidates = Array("0123456789X").filter { $0 != "1" }

        for candidate in candidates {
            // Act
            let code = errorCode { () throws(DomainError) in
                try ResidentIDNumber(body + String(candidate), today: today, divisions: divisions)
            }

            // Verify
            #expect(code == "resident-id.invalid-check-digit", "check \(candidate)")
        }
    }

    @Test func maskedHidesTheMiddle() throws {
        // Act
        let number = try ResidentIDNumber("130102199003070011", today: today, divisions: divisions)

        // Verify
        #expect(number.masked == "130***********0011")
    }

    @Test func clockConvenienceUsesTheClocksDay() throws {
        // Setup
        let clock = FixedClock(day("2025-12-31").startDate)

        // Act
        let code = errorCode { () throws(DomainError) in try ResidentIDNumber("110101202601010013", clock: clock) }

        // Verify
        #expect(code == "resident-id.invalid-birth-date")
    }
}
