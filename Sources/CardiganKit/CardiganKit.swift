/// cardigan's library: cards, their validation, their history in git, and their renderings.
/// The `cardigan` executable is a thin front over it.
public enum Cardigan {
    /// cardigan's own version.
    public static let version = "0.1.0"
}
