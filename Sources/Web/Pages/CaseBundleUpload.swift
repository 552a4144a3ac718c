import Foundation
import Hummingbird

/// One shared-material upload as the 一件事 page posts it: the material's name and the chosen file.
struct CaseBundleUpload: Sendable {
    var materialName: String
    var fileName: String
    var mediaType: String
    var content: Data

    /// Reads the multipart body of `request`: fields `materialName` and `file`.
    static func read(_ request: Request, _ context: AppRequestContext) async throws -> CaseBundleUpload {
        let upload = try await CasePageUpload.read(request, context, keyField: "materialName")
        return CaseBundleUpload(
            materialName: upload.materialCode, fileName: upload.fileName, mediaType: upload.mediaType,
            content: upload.content)
    }
}
