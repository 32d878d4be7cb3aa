//! Who may join, hear and write which realtime topics. The anon key is in every copy of the
//! app, so it must not open a generation's progress or a family's presence: a generation's
//! `progress-<requestId>` is heard only by the user who made it (the server tags each progress
//! broadcast with its owner) and written only by the server; `presence-<userId>` (optionally
//! `presence-<userId>:<room>`) is joined only by that account's devices. Other topics keep
//! Supabase's public-channel rules.

use crate::gateway::Caller;

/// A generation's progress topic prefix.
pub(crate) const PROGRESS: &str = "progress-";
/// A family's presence topic prefix.
pub(crate) const PRESENCE: &str = "presence-";

/// The account a `presence-…` topic belongs to.
fn presence_owner(name: &str) -> Option<&str> {
    let rest = name.strip_prefix(PRESENCE)?;
    Some(rest.split_once(':').map_or(rest, |(owner, _)| owner))
}

/// Whether `caller` may join (and so read) channel `name`; the refusal says why.
pub(crate) fn may_join(caller: &Caller, name: &str) -> Result<(), String> {
    if name.starts_with(PROGRESS) {
        return match caller {
            Caller::Anon => Err(format!(
                "Unauthorized: {name} is a generation's progress; join it with the access token of the user who started it"
            )),
            _ => Ok(()),
        };
    }
    if let Some(owner) = presence_owner(name) {
        return match caller {
            Caller::Service => Ok(()),
            Caller::User(u) if u.sub == owner => Ok(()),
            _ => Err(format!(
                "Unauthorized: {name} belongs to another account; presence topics are presence-<your user id>[:<room>]"
            )),
        };
    }
    Ok(())
}

/// Whether `caller` may broadcast on channel `name`; the refusal says why.
pub(crate) fn may_send(caller: &Caller, name: &str) -> Result<(), String> {
    if name.starts_with(PROGRESS) && !matches!(caller, Caller::Service) {
        return Err(format!(
            "Unauthorized: only the server writes a generation's progress ({name})"
        ));
    }
    may_join(caller, name)
}

/// Whether a channel joined as `caller` may hear a broadcast meant for `audience` (a user id;
/// `None` is everyone on the topic).
pub(crate) fn may_hear(caller: &Caller, audience: Option<&str>) -> bool {
    match (audience, caller) {
        (None, _) | (Some(_), Caller::Service) => true,
        (Some(a), Caller::User(u)) => u.sub == a,
        (Some(_), Caller::Anon) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gateway::UserClaims;

    fn user(sub: &str) -> Caller {
        Caller::User(UserClaims {
            sub: sub.into(),
            session_id: String::new(),
        })
    }

    #[test]
    fn progress_is_the_owners_and_the_servers() {
        assert!(may_join(&Caller::Anon, "progress-r1").is_err());
        assert!(may_join(&user("a"), "progress-r1").is_ok());
        assert!(may_send(&user("a"), "progress-r1").is_err());
        assert!(may_send(&Caller::Service, "progress-r1").is_ok());
        assert!(may_hear(&user("a"), Some("a")));
        assert!(!may_hear(&user("b"), Some("a")));
        assert!(!may_hear(&Caller::Anon, Some("a")));
    }

    #[test]
    fn presence_stays_in_the_account() {
        assert!(may_join(&user("a"), "presence-a").is_ok());
        assert!(may_join(&user("a"), "presence-a:kitchen").is_ok());
        assert!(may_join(&user("b"), "presence-a").is_err());
        assert!(may_join(&Caller::Anon, "presence-a").is_err());
        assert!(may_send(&user("b"), "presence-a:x").is_err());
        assert!(may_join(&Caller::Anon, "room-1").is_ok());
    }
}
