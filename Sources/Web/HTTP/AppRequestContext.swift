public import Hummingbird
import Logging
import NIOCore

/// The per-request context: request id, client address and the acting operator, if any.
public struct AppRequestContext: RequestContext {
    /// Hummingbird's own storage.
    public var coreContext: CoreRequestContextStorage
    /// The id echoed in `X-Request-ID` and every log line of the request.
    public var requestID: String
    /// The client's address as the socket saw it.
    public var clientAddress: String
    /// Set when the request carries the operator credential.
    public var isOperator: Bool

    /// Creates the context for a new request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        requestID = ""
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "-"
        isOperator = false
    }

    /// Request bodies above 1 MiB are refused with 413.
    public var maxUploadSize: Int { 1 << 20 }
}
