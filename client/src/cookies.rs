//! The cookies a client keeps and sends back, as ServiceStack's clients do: one base URL, so one
//! jar, keyed by name.

use std::time::{SystemTime, UNIX_EPOCH};

/// Cookies by name, in the order first received.
#[derive(Debug, Default, Clone)]
pub(crate) struct CookieJar {
    cookies: Vec<(String, String)>,
}

impl CookieJar {
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.cookies
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn set(&mut self, name: &str, value: &str) {
        match self.cookies.iter_mut().find(|(n, _)| n == name) {
            Some((_, v)) => value.clone_into(v),
            None => self.cookies.push((name.to_owned(), value.to_owned())),
        }
    }

    pub(crate) fn remove(&mut self, name: &str) {
        self.cookies.retain(|(n, _)| n != name);
    }

    pub(crate) fn clear(&mut self) {
        self.cookies.clear();
    }

    /// The `Cookie` request header, or `None` when the jar is empty.
    pub(crate) fn header(&self) -> Option<String> {
        if self.cookies.is_empty() {
            return None;
        }
        let pairs: Vec<String> = self
            .cookies
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect();
        Some(pairs.join("; "))
    }

    /// Takes in one `Set-Cookie` header: stores the cookie, or removes it when it has already
    /// expired (`Max-Age=0`, or `Expires` in the past: how servers delete cookies). Malformed
    /// headers are ignored, as browsers ignore them.
    pub(crate) fn absorb(&mut self, set_cookie: &str) {
        let mut parts = set_cookie.split(';');
        let Some((name, value)) = parts.next().and_then(|pair| pair.split_once('=')) else {
            return;
        };
        let (name, value) = (name.trim(), value.trim());
        if name.is_empty() {
            return;
        }
        let mut expired = false;
        for attribute in parts {
            let (key, val) = attribute.split_once('=').unwrap_or((attribute, ""));
            let key = key.trim();
            if key.eq_ignore_ascii_case("max-age") {
                // Max-Age wins over Expires.
                match val.trim().parse::<i64>() {
                    Ok(seconds) => {
                        expired = seconds <= 0;
                        break;
                    }
                    Err(_) => continue,
                }
            }
            if key.eq_ignore_ascii_case("expires")
                && let Some(at) = parse_http_date(val.trim())
            {
                let now = SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs() as i64);
                expired = at <= now;
            }
        }
        if expired {
            self.remove(name);
        } else {
            self.set(name, value);
        }
    }
}

/// Seconds since the Unix epoch of an HTTP date: `Thu, 01 Jan 1970 00:00:00 GMT`, also with `-`
/// between the date's parts (`01-Jan-1970`, as .NET writes cookies) and two-digit years.
fn parse_http_date(text: &str) -> Option<i64> {
    let text = text.split_once(',').map_or(text, |(_, rest)| rest);
    let mut fields = text
        .split([' ', '-'])
        .filter(|f| !f.is_empty() && !f.eq_ignore_ascii_case("GMT"));
    let day: i64 = fields.next()?.parse().ok()?;
    let month = fields.next()?;
    let month = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| month.eq_ignore_ascii_case(m))? as i64
        + 1;
    let mut year: i64 = fields.next()?.parse().ok()?;
    if year < 100 {
        year += if year < 70 { 2000 } else { 1900 };
    }
    let mut time = fields.next()?.split(':').map(|t| t.parse::<i64>().ok());
    let (h, m, s) = (time.next()??, time.next()??, time.next()??);
    Some(days_from_civil(year, month, day) * 86_400 + h * 3600 + m * 60 + s)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_and_replaces_by_name() {
        let mut jar = CookieJar::default();
        jar.absorb("ss-pid=1ZqJ;path=/;expires=Mon, 09 Oct 2037 12:00:00 GMT;HttpOnly");
        jar.absorb("ss-id=oTrS;path=/;HttpOnly");
        jar.absorb("ss-id=DBsz;path=/;HttpOnly");
        assert_eq!(jar.header().unwrap(), "ss-pid=1ZqJ; ss-id=DBsz");
        assert_eq!(jar.get("ss-id"), Some("DBsz"));
    }

    #[test]
    fn expired_cookies_are_removed() {
        let mut jar = CookieJar::default();
        jar.absorb("a=1");
        jar.absorb("b=2");
        jar.absorb("c=3");
        jar.absorb("a=; expires=Thu, 01-Jan-1970 00:00:00 GMT; path=/");
        jar.absorb("b=x; Max-Age=0");
        jar.absorb("c=4; Max-Age=60; expires=Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(jar.header().unwrap(), "c=4");
        jar.absorb("garbage");
        jar.absorb("=novalue");
        assert_eq!(jar.header().unwrap(), "c=4");
    }

    #[test]
    fn http_dates() {
        assert_eq!(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(
            parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777)
        );
        assert_eq!(
            parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"),
            Some(784_111_777)
        );
        assert_eq!(parse_http_date("not a date"), None);
    }
}
