public import Hummingbird
public import Identity
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
    /// The signed-in person's session, when the request carries a live session cookie.
    public var session: SessionInfo?
    /// The signed-in staff member and what they may do, when the request carries a staff session.
    public var staff: StaffContext?
    /// The CSRF token forms on this page must echo (double-submit with the `zt_csrf` cookie).
    public var csrfToken: String

    /// Creates the context for a new request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        requestID = ""
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "-"
        isOperator = false
        session = nil
        staff = nil
        csrfToken = ""
    }

    /// Request bodies above 1 MiB are refused with 413.
    public var maxUploadSize: Int { 1 << 20 }
}
