/// A company of the ecosystem graph: its name, its sector (for its colour and its
/// cluster), and the business units rolled up into it (NVentures into NVIDIA).
public struct GraphNode: Sendable, Hashable {
    public let name: String
    public let sector: String?
    /// Units of this group whose edges are drawn as the group's.
    public let units: [String]
}
