/// An error a domain service reports to its caller, with a Chinese message for people.
///
/// The web layer maps each kind to an HTTP status and an RFC 9457 problem document;
/// domains never know about HTTP.
public struct DomainError: Error, Sendable, Equatable {
    /// What kind of failure this is; decides the HTTP status.
    public enum Kind: String, Sendable {
        /// The input is malformed or breaks a rule (400/422).
        case invalid
        /// The thing asked for does not exist (404).
        case notFound
        /// The state of the thing forbids the change (409).
        case conflict
        /// The caller is not who they must be (401).
        case unauthenticated
        /// The caller may not do this (403).
        case forbidden
        /// Too many attempts; try later (429).
        case rateLimited
        /// A dependency is down (503).
        case unavailable
    }

    /// The kind of failure.
    public var kind: Kind
    /// A stable machine code, such as `calendar.unknown-year`.
    public var code: String
    /// A short Chinese title.
    public var title: String
    /// A Chinese sentence saying what went wrong and what to do.
    public var detail: String

    /// Creates a domain error.
    public init(_ kind: Kind, code: String, title: String, detail: String) {
        self.kind = kind
        self.code = code
        self.title = title
        self.detail = detail
    }
}
