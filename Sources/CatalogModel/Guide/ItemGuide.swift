/// Everything one version of an item says to the public (办事指南): the content that drafts edit,
/// reviewers publish, imports load and the service hall shows.
public struct ItemGuide: Codable, Sendable, Hashable {
    /// The item's name in the implementation list, such as 食品经营许可（新办）.
    public var name: String
    /// The kind of power or service.
    public var itemType: ItemType
    /// Whom it serves.
    public var audiences: [Audience]
    /// Themes (主题分类) it is browsed under, such as 社会保障.
    public var themes: [String]
    /// Life events it belongs to.
    public var lifeEvents: [LifeEvent]
    /// Words people search with that the name does not contain, such as 开饭店.
    public var keywords: [String]
    /// Laws and regulations it rests on (设定依据).
    public var legalBasis: [String]
    /// Who may apply and on what conditions (受理条件).
    public var conditions: [String]
    /// The branches that decide which materials apply.
    public var situations: [Situation]
    /// The materials.
    public var materials: [RequiredMaterial]
    /// The charges; empty means free of charge.
    public var fees: [Fee]
    /// The limit in law, if the law sets one.
    public var legalTimeLimit: TimeLimit?
    /// The limit the department promises.
    public var promisedTimeLimit: TimeLimit
    /// How often the applicant must come in person (到现场次数).
    public var visitsRequired: Int
    /// How far it can be handled online.
    public var onlineDepth: OnlineDepth
    /// The ways to apply.
    public var channels: [ServiceChannel]
    /// Counter appointments, if any are offered.
    public var appointment: AppointmentCapacity?
    /// The handling process.
    public var steps: [ProcessStep]
    /// Common questions.
    public var faq: [FAQEntry]
    /// What the applicant receives.
    public var result: ItemResult
    /// The codes of the service locations that handle it.
    public var locationCodes: [String]
    /// The telephone for questions (咨询电话).
    public var consultationPhone: String
    /// The telephone for complaints (监督投诉电话).
    public var complaintPhone: String

    /// Creates a guide.
    public init(
        name: String, itemType: ItemType, audiences: [Audience], themes: [String] = [],
        lifeEvents: [LifeEvent] = [], keywords: [String] = [], legalBasis: [String] = [],
        conditions: [String] = [], situations: [Situation] = [], materials: [RequiredMaterial] = [],
        fees: [Fee] = [], legalTimeLimit: TimeLimit? = nil, promisedTimeLimit: TimeLimit,
        visitsRequired: Int = 1, onlineDepth: OnlineDepth = .submission,
        channels: [ServiceChannel] = [.online, .window], appointment: AppointmentCapacity? = nil,
        steps: [ProcessStep] = [], faq: [FAQEntry] = [], result: ItemResult, locationCodes: [String] = [],
        consultationPhone: String = "12345", complaintPhone: String = "12345"
    ) {
        self.name = name
        self.itemType = itemType
        self.audiences = audiences
        self.themes = themes
        self.lifeEvents = lifeEvents
        self.keywords = keywords
        self.legalBasis = legalBasis
        self.conditions = conditions
        self.situations = situations
        self.materials = materials
        self.fees = fees
        self.legalTimeLimit = legalTimeLimit
        self.promisedTimeLimit = promisedTimeLimit
        self.visitsRequired = visitsRequired
        self.onlineDepth = onlineDepth
        self.channels = channels
        self.appointment = appointment
        self.steps = steps
        self.faq = faq
        self.result = result
        self.locationCodes = locationCodes
        self.consultationPhone = consultationPhone
        self.complaintPhone = complaintPhone
    }

    /// Whether it is handled on the spot (即办件).
    public var isImmediate: Bool { promisedTimeLimit.days == 0 }

    /// The total of the standard charges in fen.
    public var totalFeeFen: Int { fees.reduce(0) { $0 + $1.amountFen } }

    /// The materials that apply when the applicant's situations are `chosen`.
    public func materials(for chosen: Set<String>) -> [RequiredMaterial] {
        materials.filter { $0.applies(to: chosen) }
    }
}
