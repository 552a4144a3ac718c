import Foundation
import Kernel
import Testing

@testable import Web

/// The strict multipart reader behind the material uploads.
@Suite("Case page multipart reader")
struct CasePageMultipartTests {
    static let type = "multipart/form-data; boundary=----ztBoundary"

    /// A body with `parts` (name, file name, content type, content), closed properly unless `close` is false.
    static func body(_ parts: [(String, String?, String?, Data)], close: Bool = true) -> Data {
        var data = Data()
        for (name, file, type, content) in parts {
            var header = "------ztBoundary\r\nContent-Disposition: form-data; name=\"\(name)\""
            if let file { header += "; filename=\"\(file)\"" }
            header += "\r\n"
            if let type { header += "Content-Type: \(type)\r\n" }
            data += Data((header + "\r\n").utf8) + content + Data("\r\n".utf8)
        }
        if close { data += Data("------ztBoundary--\r\n".utf8) }
        return data
    }

    @Test("fields and a file come back with their names, file name, type and exact bytes")
    func readsFieldsAndFile() throws {
        // setup: binary content holding CR LF and a fake delimiter without the leading CR LF
        let pdf = Data("%PDF-1.7\r\n--ztBoundary\r\n\u{00}\u{FF}end".utf8)
        let body = Self.body([
            ("materialCode", nil, nil, Data("M03".utf8)),
            ("file", "制度 文本.pdf", "application/pdf", pdf),
        ])
        // act
        let form = try CasePageMultipart.parse(body, contentType: Self.type)
        let upload = try CasePageUpload.from(form)
        // verify
        #expect(form.value("materialCode") == "M03")
        #expect(upload.materialCode == "M03" && upload.fileName == "制度 文本.pdf")
        #expect(upload.mediaType == "application/pdf" && upload.content == pdf)
    }

    @Test("a quoted boundary is read, and octet-stream uploads are typed by their extension")
    func quotedBoundaryAndExtension() throws {
        let body = Self.body([
            ("materialCode", nil, nil, Data("M04".utf8)),
            ("file", "plan.PNG", "application/octet-stream", Data([0x89, 0x50])),
        ])
        let form = try CasePageMultipart.parse(body, contentType: "multipart/form-data; boundary=\"----ztBoundary\"")
        #expect(try CasePageUpload.from(form).mediaType == "image/png")
    }

    @Test(
        "malformed bodies are refused with a Chinese error, never a crash",
        arguments: [
            ("multipart/form-data; boundary=----ztBoundary", Data("no delimiter at all".utf8)),
            ("multipart/form-data", Data("------ztBoundary--".utf8)),
            ("application/x-www-form-urlencoded", Data("a=b".utf8)),
            ("multipart/form-data; boundary=----ztBoundary", Data("------ztBoundary\r\nno header end".utf8)),
            (
                "multipart/form-data; boundary=----ztBoundary",
                Data("------ztBoundary\r\nContent-Disposition: attachment\r\n\r\nx\r\n------ztBoundary--".utf8)
            ),
            (
                "multipart/form-data; boundary=----ztBoundary",
                Data("------ztBoundary\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n------ztBoundary--".utf8)
            ),
        ])
    func refusesMalformed(type: String, body: Data) {
        #expect(throws: DomainError.self) { try CasePageMultipart.parse(body, contentType: type) }
    }

    @Test("an unclosed body is refused; a form without a chosen file asks for one")
    func unclosedAndNoFile() throws {
        let unclosed = Self.body([("materialCode", nil, nil, Data("M03".utf8))], close: false)
        #expect(throws: DomainError.self) { try CasePageMultipart.parse(unclosed, contentType: Self.type) }
        let empty = try CasePageMultipart.parse(
            Self.body([("materialCode", nil, nil, Data("M03".utf8)), ("file", "", "application/octet-stream", Data())]),
            contentType: Self.type)
        let error = try #require(throws: DomainError.self) { try CasePageUpload.from(empty) }
        #expect(error.title == "请选择文件")
    }

    @Test("more parts than allowed are refused")
    func tooManyParts() {
        let parts = (0...CasePageMultipart.maximumParts).map { ("f\($0)", String?.none, String?.none, Data("x".utf8)) }
        #expect(throws: DomainError.self) {
            try CasePageMultipart.parse(Self.body(parts), contentType: Self.type)
        }
    }
}
