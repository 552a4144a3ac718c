import Foundation
import Hummingbird
import Kernel

/// One material upload as a case form posts it: the material's code and the chosen file.
struct CasePageUpload: Sendable {
    var materialCode: String
    var fileName: String
    var mediaType: String
    var content: Data

    /// The media types told by file name, for browsers that send `application/octet-stream`.
    static let byExtension = [
        "pdf": "application/pdf", "ofd": "application/ofd", "png": "image/png", "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
    ]

    /// Reads the multipart body of `request`: fields `keyField` (the material's code, or its name
    /// on a 一件事 page) and `file`.
    static func read(_ request: Request, _ context: AppRequestContext, keyField: String = "materialCode")
        async throws -> CasePageUpload
    {
        var request = request
        let body = try await request.collectBody(upTo: CSRFCheckMiddleware.maximumUploadBytes)
        let form = try CasePageMultipart.parse(
            Data(body.readableBytesView), contentType: request.headers[.contentType] ?? "")
        return try from(form, keyField: keyField)
    }

    /// The upload a parsed form carries, or a Chinese refusal when a part is missing.
    static func from(_ form: CasePageMultipart, keyField: String = "materialCode") throws -> CasePageUpload {
        let code = (form.value(keyField) ?? "").trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty else {
            throw DomainError(.invalid, code: "cases.material-code", title: "请选择材料", detail: "请说明上传的是哪一项材料。")
        }
        guard let file = form.file("file"), let name = file.fileName else {
            throw DomainError(.invalid, code: "cases.material-missing-file", title: "请选择文件", detail: "请先选择要上传的文件。")
        }
        var type = (file.contentType ?? "").split(separator: ";").first.map(String.init) ?? ""
        if type.isEmpty || type == "application/octet-stream" {
            let suffix = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
            type = byExtension[suffix] ?? "application/octet-stream"
        }
        return CasePageUpload(materialCode: code, fileName: name, mediaType: type, content: file.data)
    }
}
