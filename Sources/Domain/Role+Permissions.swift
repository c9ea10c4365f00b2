/// What each role may ask of the hub.
///
/// Kept beside `Role` rather than in the hub so the station, the hub and the tests read
/// the same table. Labelers and shift leads label (a lead fills in on a queue); trainers
/// write and grade courses and admins hold the answer keys and move data, so neither's
/// judgements enter a project's answers: an admin who can see gold must not be scored
/// against it.
extension Role {
    /// Whether annotations by a person in this role count as a project's work.
    public var mayLabel: Bool {
        switch self {
        case .labeler, .lead: true
        case .trainer, .admin: false
        }
    }

    /// The roles that may label, for sentences that tell a person what to ask for.
    public static var labelingRoles: [Role] { allCases.filter(\.mayLabel) }

    /// Whether a person in this role may decide what joins a gold pool from the work
    /// (see a candidate's consensus and answer key): leads and trainers, and admins.
    public var mayReviewGold: Bool {
        switch self {
        case .lead, .trainer, .admin: true
        case .labeler: false
        }
    }

    public static var goldReviewingRoles: [Role] { allCases.filter(\.mayReviewGold) }

    /// Whether a person in this role may publish courses and mark essays: trainers, who
    /// write them, and admins.
    public var mayTeach: Bool {
        switch self {
        case .trainer, .admin: true
        case .labeler, .lead: false
        }
    }

    public static var teachingRoles: [Role] { allCases.filter(\.mayTeach) }

    /// Whether a person in this role may make cohorts and assign courses: trainers, shift
    /// leads (who see who is slipping) and admins.
    public var mayAssignCourses: Bool {
        switch self {
        case .trainer, .lead, .admin: true
        case .labeler: false
        }
    }

    public static var assigningRoles: [Role] { allCases.filter(\.mayAssignCourses) }
}

extension Role {
    /// Whether a person in this role may watch the floor and act on it (pause, move,
    /// change a project's gold rate, overlap or priority, answer flags): shift leads
    /// and admins.
    public var mayLead: Bool {
        switch self {
        case .lead, .admin: true
        case .labeler, .trainer: false
        }
    }

    public static var leadingRoles: [Role] { allCases.filter(\.mayLead) }
}
