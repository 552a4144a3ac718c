/// One document an applicant provides (申请材料).
public struct RequiredMaterial: Codable, Sendable, Hashable {
    /// Stable within the item across versions, such as `M01`; diffs and cases refer to it.
    public var code: String
    /// The name, such as 居民身份证.
    public var name: String
    /// Where it comes from.
    public var source: MaterialSource
    /// Original, copy or both.
    public var form: MaterialForm
    /// How many copies (份数).
    public var copies: Int
    /// Whether it must be provided (必要) or only in some cases (非必要/容缺).
    public var required: Bool
    /// Whether the applicant is exempt from handing it in (免提交), because the department gets it
    /// from the license library or shared data.
    public var exempt: Bool
    /// The e-license type that satisfies it, when its source is the license library.
    public var licenseType: String?
    /// The situation codes under which it applies; empty means always.
    public var situations: [String]
    /// What to watch for (填报须知), possibly empty.
    public var notes: String

    /// Creates a material.
    public init(
        code: String, name: String, source: MaterialSource = .applicant, form: MaterialForm = .original,
        copies: Int = 1, required: Bool = true, exempt: Bool = false, licenseType: String? = nil,
        situations: [String] = [], notes: String = ""
    ) {
        self.code = code
        self.name = name
        self.source = source
        self.form = form
        self.copies = copies
        self.required = required
        self.exempt = exempt
        self.licenseType = licenseType
        self.situations = situations
        self.notes = notes
    }

    /// Whether the material applies when the applicant's situations are `chosen`.
    public func applies(to chosen: Set<String>) -> Bool {
        situations.isEmpty || !chosen.isDisjoint(with: situations)
    }
}
