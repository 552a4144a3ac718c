/// What an applicant fills in for one item: the form and the situations (情形) that apply.
public struct CaseApplication: Codable, Sendable, Hashable {
    /// The item's 业务办理项编码.
    public var itemCode: String
    /// The form's values.
    public var form: FormData
    /// The chosen situation codes.
    public var situations: [String]

    /// Creates an application.
    public init(itemCode: String, form: FormData, situations: [String] = []) {
        self.itemCode = itemCode
        self.form = form
        self.situations = situations
    }
}
