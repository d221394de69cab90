//! The final publication as a PDF report: who may publish an edition, who may preview
//! it, and which languages an edition is built in.

use super::access::Subject;
use super::lang::Lang;
use super::publication::can_edit;

/// The languages every edition is built in, in the order they are built.
pub const LANGUAGES: [Lang; 3] = [Lang::Sv, Lang::Nb, Lang::En];

/// Publishing an edition is publishing: the editorial team's decision (editors and
/// administrators), as for any other text.
pub fn can_publish(subject: &Subject) -> bool {
    can_edit(subject)
}

/// Reading the report as the workspace stands now, before it is published: the
/// editorial team and the process leaders who follow the programme.
pub fn can_preview(subject: &Subject) -> bool {
    can_edit(subject) || subject.can_lead_process()
}

/// The edition that follows the latest one (none yet: the first).
pub fn next_edition(latest: Option<i64>) -> i64 {
    latest.map_or(1, |n| n + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::user::Role;

    fn subject(roles: &[Role]) -> Subject<'_> {
        Subject {
            roles,
            organisation_id: 1,
        }
    }

    #[test]
    fn editors_publish_and_process_leaders_only_preview() {
        assert!(can_publish(&subject(&[Role::Editor])));
        assert!(can_publish(&subject(&[Role::Administrator])));
        assert!(!can_publish(&subject(&[Role::ProcessLeader])));
        assert!(can_preview(&subject(&[Role::ProcessLeader])));
        assert!(can_preview(&subject(&[Role::Editor])));
        assert!(!can_preview(&subject(&[Role::Strategist])));
        assert!(!can_preview(&subject(&[])));
    }

    #[test]
    fn editions_count_up_from_one() {
        assert_eq!(next_edition(None), 1);
        assert_eq!(next_edition(Some(4)), 5);
    }
}
