import CasesModel
import Foundation

extension CaseAPIModels {
    /// A 一件事 application with its part cases, as the bundle API returns it.
    struct Bundle: Encodable {
        var id: UUID
        var code: String
        var name: String
        var state: String
        var stateLabel: String
        var createdAt: Date
        var submittedAt: Date?
        var concludedAt: Date?
        var parts: [Case]

        init(_ bundle: CaseBundle) {
            id = bundle.id
            code = bundle.code
            name = bundle.name
            state = bundle.state.rawValue
            stateLabel = bundle.state.label
            createdAt = bundle.createdAt
            submittedAt = bundle.submittedAt
            concludedAt = bundle.concludedAt
            parts = bundle.parts.map(Case.init)
        }
    }

    /// POST /api/v1/bundles/{code}/cases: the one form of the whole bundle.
    struct NewBundle: Decodable {
        var form: FormData?
    }
}
