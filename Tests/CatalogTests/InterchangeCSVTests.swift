import Catalog
import CatalogInterchange
import CatalogModel
import Foundation
import Kernel
import Testing

@Suite("The catalog CSV format")
struct InterchangeCSVTests {
    /// A document whose texts hold everything CSV must quote.
    static func awkward() -> CatalogDocument {
        var guide = CatalogFixture.guide("带逗号,引号\"和换行\n的事项")
        guide.conditions = ["第一行\r\n第二行", "含有“中文引号”和\"英文引号\"，以及,逗号"]
        guide.faq = [FAQEntry(question: "问：\"引号\"？", answer: "答：有\n两行，\"\"双引号\"\"")]
        guide.result.sample = ",开头的逗号\r\n第二行"
        guide.appointment = AppointmentCapacity(slotsPerDay: 10, advanceDays: 3)
        guide.legalTimeLimit = TimeLimit(days: 30, unit: .naturalDays)
        let version = CatalogDocument.VersionEntry(
            number: 1, status: .retired, effectiveFrom: "2025-01-01", effectiveUntil: "2026-01-01", guide: guide)
        var draft = version
        draft.number = 2
        draft.status = .draft
        draft.effectiveFrom = nil
        draft.effectiveUntil = nil
        return CatalogDocument(
            items: [
                CatalogDocument.ItemEntry(
                    businessCode: CatalogFixture.code().rawValue, departmentCode: "SJZ-SCJGJ", divisionCode: "130100",
                    versions: [version, draft])
            ],
            locations: [
                CatalogDocument.LocationEntry(
                    code: "SJZ-ZWZX", name: "市民服务中心, A座", divisionCode: "130108", address: "槐安东路\"188\"号\n一楼",
                    hours: "周一至周五", phone: "0311-1", windows: 3, latitude: 38.0215, longitude: 114.5358)
            ],
            bundles: [
                CatalogDocument.BundleEntry(
                    code: "b", name: "一件事", audience: .enterprise, lifeEvent: .startUp, summary: "说明,\"含引号\"",
                    itemCodes: [CatalogFixture.code().rawValue], published: false)
            ])
    }

    @Test("commas, quotes and line breaks in text survive a CSV round trip")
    func awkwardText() throws {
        let document = Self.awkward()

        let data = try CatalogCSV.encode(document)

        #expect(try CatalogCSV.decode(data) == document)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"带逗号,引号\"\"和换行\n的事项\""))
        #expect(text.hasSuffix("\r\n"))
    }

    @Test("a file saved without the byte-order mark or with LF line ends still reads")
    func lenientLineEnds() throws {
        let data = try CatalogCSV.encode(Self.awkward())
        let withCRLF = String(decoding: data.dropFirst(3), as: UTF8.self)
        // By scalars: every CR in the file is the first half of a CRLF.
        let text = String(String.UnicodeScalarView(withCRLF.unicodeScalars.filter { $0 != "\r" }))

        let document = try CatalogCSV.decode(Data(text.utf8))

        // Line ends inside quoted text are kept as written, so the sample's CRLF became LF with the
        // rest; JSON columns escape theirs and are untouched.
        #expect(document.items[0].versions[0].guide.result.sample == ",开头的逗号\n第二行")
        #expect(document.items[0].versions[0].guide.conditions[0] == "第一行\r\n第二行")
        #expect(document.locations == Self.awkward().locations)
    }

    @Test("errors in rows name the line and column, and every bad row is reported")
    func rowErrors() throws {
        let data = try CatalogCSV.encode(Self.awkward())
        var text = String(decoding: data, as: UTF8.self)
        text = text.replacingOccurrences(of: ",retired,", with: ",finished,")
        text = text.replacingOccurrences(of: ",38.0215,", with: ",north,")

        let error = #expect(throws: DomainError.self) { try CatalogCSV.decode(Data(text.utf8)) }

        #expect(error?.detail.contains("第 2 行 status 列") == true)
        #expect(error?.detail.contains("finished") == true)
        #expect(error?.detail.contains("latitude") == true)
    }

    @Test("an unbalanced quote names the line where the field began")
    func unbalancedQuote() throws {
        let header = String(decoding: try CatalogCSV.encode(CatalogDocument()), as: UTF8.self)
        let text = header + "location,\"unterminated\r\nmore\r\n"

        let error = #expect(throws: DomainError.self) { try CatalogCSV.decode(Data(text.utf8)) }

        #expect(error?.detail.contains("第 2 行") == true)
    }
}
