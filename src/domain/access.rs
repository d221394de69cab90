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

    /// Scheduling, changing and cancelling the programme's events; approving members' events;
    /// seeing every registration; registering anyone, also after the deadline.
    pub fn can_schedule_events(&self) -> bool {
        self.can_lead_process()
    }

    /// Proposing an event of one's own organisation for the shared calendar.
    pub fn can_propose_event(&self) -> bool {
        self.is(Role::Strategist) || self.can_schedule_events()
    }

    /// Registering people of `organisation_id` (not only oneself).
    pub fn can_register_for(&self, organisation_id: i64) -> bool {
        self.can_schedule_events()
            || (self.is(Role::Strategist) && self.organisation_id == organisation_id)
    }

    /// Writing an event's minutes.
    pub fn can_write_minutes(&self) -> bool {
        self.can_schedule_events() || self.is(Role::Editor)
    }
}

use super::event::{Audience, EventStatus};

/// Whether an event is shown to a visitor (`None`: not signed in).
pub fn can_see_event(
    viewer: Option<&Subject>,
    audience: Audience,
    status: EventStatus,
    organisation_id: Option<i64>,
) -> bool {
    match status {
        EventStatus::Published | EventStatus::Cancelled => {
            audience == Audience::Public || viewer.is_some()
        }
        EventStatus::Draft | EventStatus::Proposed | EventStatus::Rejected => {
            viewer.is_some_and(|v| {
                v.can_schedule_events() || organisation_id.is_some_and(|o| o == v.organisation_id)
            })
        }
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

    #[test]
    fn events_are_seen_by_audience_and_status() {
        let member = Subject {
            roles: &[Role::Strategist],
            organisation_id: 1,
        };
        let leader = Subject {
            roles: &[Role::ProcessLeader],
            organisation_id: 9,
        };
        use super::super::event::{Audience::*, EventStatus::*};
        assert!(can_see_event(None, Public, Published, None));
        assert!(!can_see_event(None, Members, Published, None));
        assert!(can_see_event(Some(&member), Members, Cancelled, None));
        assert!(can_see_event(Some(&member), Public, Proposed, Some(1)));
        assert!(!can_see_event(Some(&member), Public, Proposed, Some(2)));
        assert!(can_see_event(Some(&leader), Members, Proposed, Some(2)));
        assert!(member.can_register_for(1) && !member.can_register_for(2));
    }
}
