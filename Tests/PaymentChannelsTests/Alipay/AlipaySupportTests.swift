import Foundation
import Testing

@testable import PaymentChannels

/// The shared helpers the Alipay adapter stands on.
@Suite struct AlipaySupportTests {
    @Test func formDecodingFollowsTheURLStandard() throws {
        // `+` is a space, `%2B` a plus, names without `=` have empty values, empty segments vanish.
        let pairs = try FormURLEncoding.decode(Array("a=1+2%2B3&&b&c=%E4%B8%AD%e6%96%87&d=".utf8))
        #expect(pairs.map(\.name) == ["a", "b", "c", "d"])
        #expect(pairs.map(\.value) == ["1 2+3", "", "中文", ""])
    }

    @Test(arguments: ["a=%", "a=%4", "a=%GG", "a=%FF"])
    func brokenFormsAreMalformed(_ body: String) {
        #expect(throws: PaymentChannelError.self) { try FormURLEncoding.decode(Array(body.utf8)) }
    }

    @Test func formEncodingMatchesPython() {
        // Expected text from Python: urllib.parse.urlencode({"k": "a b+c/中*"}, quote_via=quote_plus, safe="*").
        #expect(FormURLEncoding.encode([("k", "a b+c/中*")]) == "k=a+b%2Bc%2F%E4%B8%AD*")
        // The URL standard escapes `~`, which Python leaves alone; both decode it the same way.
        #expect(FormURLEncoding.encode([("k", "~")]) == "k=%7E")
    }

    @Test func shanghaiTimeRoundTrips() throws {
        // 2026-03-04 02:00:00 UTC is 10:00 in Beijing (UTC+8, no daylight saving).
        let date = Date(timeIntervalSince1970: 1_772_589_600)
        #expect(ShanghaiTime.text(date) == "2026-03-04 10:00:00")
        #expect(ShanghaiTime.date("2026-03-04 10:00:00") == date)
    }

    @Test(arguments: ["2026-02-30 10:00:00", "2026-03-04T10:00:00", "2026-03-04 24:00:00", "2026-3-4 10:00:00", ""])
    func shanghaiTimeRefusesOtherText(_ text: String) {
        #expect(ShanghaiTime.date(text) == nil)
    }

    @Test func csvLinesHonourQuotes() {
        #expect(CSVLine.fields("a\t,\"b,c\"\t,\"d\"\"e\",") == ["a\t", "b,c", "d\"e", ""])
        #expect(CSVLine.fields("a,\"b") == nil)
        #expect(CSVLine.fields("\"a\"x,b") == nil)
    }
}
