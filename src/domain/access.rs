//! Who may do what: the one place where roles and organisations meet permissions.
//! Handlers ask these questions; the route × role tests check the answers at the boundary.

use super::user::Role;

/// The facts about a signed-in person that permissions depend on.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    pub roles: &'a [Role],
    pub organisation_id: i64,
}

impl Subject<'_> {
    fn is(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Users, roles, new organisations and the audit log.
    pub fn can_administer(&self) -> bool {
        self.is(Role::Administrator)
    }

    /// Overriding the active phase (and, later, scheduling and following progress).
    pub fn can_lead_process(&self) -> bool {
        self.is(Role::ProcessLeader) || self.is(Role::Administrator)
    }

    /// Editing an organisation's details: administrators and process leaders any, a
    /// strategist only their own organisation.
    pub fn can_edit_organisation(&self, organisation_id: i64) -> bool {
        self.can_administer()
            || self.is(Role::ProcessLeader)
            || (self.is(Role::Strategist) && self.organisation_id == organisation_id)
    }

    /// Changing an organisation's name or category is an administrator's decision.
    pub fn can_recategorise_organisation(&self) -> bool {
        self.can_administer()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_strategist_edits_only_their_own_organisation() {
        let strategist = Subject {
            roles: &[Role::Strategist],
            organisation_id: 1,
        };
        assert!(strategist.can_edit_organisation(1));
        assert!(!strategist.can_edit_organisation(2));
        assert!(!strategist.can_recategorise_organisation());
        let editor = Subject {
            roles: &[Role::Editor],
            organisation_id: 1,
        };
        assert!(!editor.can_edit_organisation(1));
        let leader = Subject {
            roles: &[Role::ProcessLeader],
            organisation_id: 1,
        };
        assert!(leader.can_edit_organisation(2));
        assert!(leader.can_lead_process());
        assert!(!leader.can_administer());
    }
}
