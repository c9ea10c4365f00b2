import Domain
import Foundation

/// How a logon (or an idle-screen unlock) went.
///
/// An unknown username gives `.wrongPassword`, exactly like a wrong password, so the
/// screen cannot be used to find out which accounts exist.
public enum LogonResult: Equatable, Sendable {
    /// The password was right; `previousLogonAt` is the logon before this one, to show.
    case success(Account, previousLogonAt: Date?)
    case wrongPassword
    /// The account was already locked; even the right password is refused.
    case locked
    /// This failure locked the account.
    case justLocked
}
