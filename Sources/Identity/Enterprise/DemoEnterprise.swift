/// What the enterprise demo seed created: the enterprise, its representative, and an agent with
/// the password a tester logs in with.
public struct DemoEnterprise: Sendable {
    /// 演示市政通科技有限公司.
    public var enterprise: Enterprise
    /// The demo citizen 张三, its legal representative.
    public var representative: PersonProfile
    /// The demo agent 王伟.
    public var agent: PersonProfile
    /// 王伟's password.
    public var agentPassword: String
    /// 王伟's grant: all items for one year.
    public var grant: AgentGrant
}
