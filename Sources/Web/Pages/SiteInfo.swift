/// Who runs this installation, for the footer of every page; from configuration.
public struct SiteInfo: Sendable, Equatable {
    /// The portal's name.
    public var name: String
    /// The operating authority.
    public var operatorName: String
    /// Its address.
    public var address: String
    /// The service hotline.
    public var hotline: String
    /// The ICP filing number shown in the footer.
    public var icp: String
    /// Whether this is a demo installation (shows the development inbox).
    public var demo: Bool

    /// Creates the site description.
    public init(name: String, operatorName: String, address: String, hotline: String, icp: String, demo: Bool) {
        self.name = name
        self.operatorName = operatorName
        self.address = address
        self.hotline = hotline
        self.icp = icp
        self.demo = demo
    }
}
