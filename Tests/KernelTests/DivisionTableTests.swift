import Kernel
import Testing

@Suite struct DivisionTableTests {
    let table: DivisionTable

    init() throws {
        table = try DivisionTable.standard()
    }

    @Test func lookupGivesNameLevelParentAndFlag() throws {
        // Act
        let division = try table.division(DivisionCode("130102"))

        // Verify
        #expect(division.name == "长安区")
        #expect(division.level == .county)
        #expect(division.parent == (try DivisionCode("130100")))
        #expect(!division.isHistorical)
    }

    @Test func historicalCodesAreKnownAndFlagged() throws {
        // Act
        let division = try table.division(DivisionCode("110103"))

        // Verify
        #expect(division.name == "崇文区")
        #expect(division.isHistorical)
    }

    @Test(arguments: [
        ("130102", ["长安区", "石家庄市", "河北省"]),
        ("110105", ["朝阳区", "北京市"]),  // municipality: no city tier
        ("130000", ["河北省"]),
    ])
    func chainRunsUpToTheProvince(code: String, names: [String]) throws {
        // Act
        let chain = try table.chain(of: DivisionCode(code))

        // Verify
        #expect(chain.map(\.name) == names)
        #expect(chain.last?.level == .province)
    }

    @Test func fullNameReadsFromTheProvinceDown() throws {
        // Act
        let name = try table.fullName(of: DivisionCode("130102"))

        // Verify
        #expect(name == "河北省石家庄市长安区")
    }

    @Test func childrenLeaveOutHistoricalUnlessAsked() throws {
        // Setup
        let city = try DivisionCode("130100")
        let historical = try DivisionCode("130103")

        // Act
        let current = table.children(of: city)
        let all = table.children(of: city, includingHistorical: true)

        // Verify
        #expect(current.contains { $0.name == "长安区" })
        #expect(!current.contains { $0.code == historical })
        #expect(all.contains { $0.code == historical })
        #expect(all.map(\.code) == all.map(\.code).sorted())
    }

    @Test func thereAreThirtyFourProvinces() {
        // Act
        let provinces = table.provinces

        // Verify
        #expect(provinces.count == 34)
        #expect(provinces.first?.name == "北京市")
    }

    @Test func unknownCodeIsNotFound() throws {
        // Setup
        let code = try DivisionCode("130199")

        // Act
        var thrown: DomainError?
        do { _ = try table.division(code) } catch { thrown = error }

        // Verify
        #expect(!table.contains(code))
        #expect(thrown?.kind == .notFound)
        #expect(thrown?.code == "division.not-found")
    }

    @Test(arguments: ["13010", "1301021", "013010", "13010a", "１３０１０２"])
    func malformedCodesAreInvalid(text: String) {
        // Act
        let code = errorCode { () throws(DomainError) in try DivisionCode(text) }

        // Verify
        #expect(code == "division.invalid-code")
    }

    @Test func aTableWithAMissingParentIsRefused() {
        // Setup
        let csv = "code,name,level,parent,current\n130000,河北省,province,,1\n130102,长安区,county,130100,1\n"

        // Act
        let code = errorCode { () throws(DomainError) in try DivisionTable(csv: csv) }

        // Verify
        #expect(code == "reference-data.invalid-file")
    }
}
