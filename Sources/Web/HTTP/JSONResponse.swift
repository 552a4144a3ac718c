import Foundation
import Hummingbird
import Storage

/// JSON responses with one encoder configuration for the whole API.
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}

extension AppRequestContext {
    /// The actor for domain services: the operator when authenticated, else an anonymous visitor.
    var actor: Actor {
        if isOperator {
            return Actor(id: "operator", channel: "web", clientAddress: clientAddress, roles: ["operator"])
        }
        if let staff {
            return Actor(
                id: "staff:" + staff.session.staffID.uuidString, channel: "web", clientAddress: clientAddress,
                roles: Set(["staff"] + staff.permissions.map(\.rawValue)))
        }
        if let session {
            return Actor(
                id: session.personID.uuidString, channel: "web", clientAddress: clientAddress, roles: ["person"])
        }
        return Actor(id: "anonymous", channel: "web", clientAddress: clientAddress)
    }
}
