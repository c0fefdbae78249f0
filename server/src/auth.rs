//! Who is calling: [`Caller`], the session store behind ServiceStack's `ss-id`/`ss-pid` cookies,
//! and the Basic and credentials sign-in.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine;

/// The authenticated user a handler receives with
/// [`Host::handle_with_caller`](crate::Host::handle_with_caller): what the
/// [`basic_auth`](crate::Host::basic_auth) check returned at sign-in. `Caller::default()` is
/// nobody (a request without a session to an operation that does not require one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Caller {
    /// The user's id (`AuthenticateResponse.userId`, the `X-UAId` cookie).
    pub user_id: Option<String>,
    /// The user name.
    pub user_name: Option<String>,
    /// The name to show.
    pub display_name: Option<String>,
    /// The user's roles.
    pub roles: Vec<String>,
}

impl Caller {
    /// Whether this is a signed-in user rather than `Caller::default()`.
    pub fn is_authenticated(&self) -> bool {
        self.user_id.is_some() || self.user_name.is_some()
    }
}

/// The user-name and password check given to [`Host::basic_auth`](crate::Host::basic_auth).
pub(crate) type CheckCredentials = dyn Fn(&str, &str) -> Option<Caller> + Send + Sync;

/// Signed-in sessions by cookie value.
#[derive(Default)]
pub(crate) struct Sessions {
    by_id: Mutex<HashMap<String, Caller>>,
}

impl Sessions {
    pub(crate) fn get(&self, id: &str) -> Option<Caller> {
        self.by_id
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(id)
            .cloned()
    }

    pub(crate) fn insert(&self, id: String, caller: Caller) {
        self.by_id
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(id, caller);
    }

    pub(crate) fn remove(&self, id: &str) {
        self.by_id
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(id);
    }
}

/// The host's auth configuration and state.
#[derive(Clone, Default)]
pub(crate) struct Auth {
    pub(crate) check: Option<Arc<CheckCredentials>>,
    pub(crate) sessions: Arc<Sessions>,
}

/// The cookies of a request, by name.
pub(crate) fn cookie<'a>(header: Option<&'a str>, name: &str) -> Option<&'a str> {
    header?
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
}

/// `user:password` of an `Authorization: Basic ...` header.
pub(crate) fn basic_credentials(authorization: Option<&str>) -> Option<(String, String)> {
    let (scheme, encoded) = authorization?.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let decoded = String::from_utf8(decoded).ok()?;
    let (user, password) = decoded.split_once(':')?;
    Some((user.to_owned(), password.to_owned()))
}

/// A new session id: 20 characters `[A-Za-z0-9]` as ServiceStack's, from the standard library's
/// randomly keyed SipHash over a counter and the time (not guessable from outside the process).
pub(crate) fn new_session_id() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut id = String::with_capacity(20);
    while id.len() < 20 {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        hasher.write_u128(
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        let mut bits = hasher.finish();
        for _ in 0..10 {
            id.push(ALPHABET[(bits % 62) as usize] as char);
            bits /= 62;
        }
    }
    id
}

/// An HTTP date (RFC 1123) `offset` from now, for cookie expiry.
pub(crate) fn http_date(offset: Duration, past: bool) -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs() as i64;
    let at = if past {
        now - offset.as_secs() as i64
    } else {
        now + offset.as_secs() as i64
    };
    let (days, secs) = (at.div_euclid(86_400), at.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{}, {day:02} {} {year} {:02}:{:02}:{:02} GMT",
        WEEKDAYS[days.rem_euclid(7) as usize],
        MONTHS[(month - 1) as usize],
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// The date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_ids_are_twenty_alphanumerics_and_differ() {
        let a = new_session_id();
        let b = new_session_id();
        assert_eq!(a.len(), 20);
        assert!(a.bytes().all(|c| c.is_ascii_alphanumeric()));
        assert_ne!(a, b);
    }

    #[test]
    fn cookies_and_basic_credentials() {
        let header = Some("ss-id=abc; ss-pid=def;ss-opt=temp");
        assert_eq!(cookie(header, "ss-pid"), Some("def"));
        assert_eq!(cookie(header, "ss-opt"), Some("temp"));
        assert_eq!(cookie(header, "nope"), None);
        assert_eq!(
            basic_credentials(Some("Basic dGVzdDp0ZXN0")),
            Some(("test".into(), "test".into()))
        );
        assert_eq!(basic_credentials(Some("Bearer x")), None);
        assert_eq!(basic_credentials(Some("Basic !!!")), None);
    }

    #[test]
    fn dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        let date = http_date(Duration::from_secs(0), false);
        assert!(date.ends_with(" GMT") && date.len() == 29, "{date}");
    }
}
