//! The user routes' table: ServiceStack's matching rules on the DTOs' `#[route]` templates.
//!
//! Literal segments match ignoring case; a `{var}` takes one non-empty segment (or, inside a
//! segment like `{Name}.{Ext}`, the text up to the next literal); a `{var*}` takes the rest of
//! the path, slashes included, possibly nothing. Among the routes that match and allow the verb,
//! the one with the most literal segments wins, then the one without a wildcard, then the one
//! declared (registered) first.

use dto::{Route, RoutePiece};

/// One part of a segment pattern.
#[derive(Debug, Clone)]
enum Part {
    Literal(&'static str),
    Variable(&'static str),
}

#[derive(Debug, Clone)]
struct Entry {
    operation: usize,
    route: &'static Route,
    segments: Vec<Vec<Part>>,
    wildcard: Option<&'static str>,
    literal_segments: usize,
}

/// The routes of every registered operation.
#[derive(Debug, Clone, Default)]
pub(crate) struct RouteTable {
    entries: Vec<Entry>,
}

/// A matched route: the operation's index and the variables' values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Matched {
    pub(crate) operation: usize,
    pub(crate) variables: Vec<(&'static str, String)>,
}

impl RouteTable {
    /// Adds `route` of operation number `operation`. Malformed routes (only possible for a
    /// hand-written `Request` impl; the derive rejects them) are an error.
    pub(crate) fn add(
        &mut self,
        operation: usize,
        route: &'static Route,
    ) -> Result<(), dto::Error> {
        let mut segments: Vec<Vec<Part>> = vec![Vec::new()];
        let mut wildcard = None;
        for piece in route.pieces()? {
            match piece {
                RoutePiece::Text(text) => {
                    for (i, part) in text.split('/').enumerate() {
                        if i > 0 {
                            segments.push(Vec::new());
                        }
                        if !part.is_empty() {
                            segments
                                .last_mut()
                                .expect("one segment")
                                .push(Part::Literal(part));
                        }
                    }
                }
                RoutePiece::Variable(variable) if variable.wildcard => {
                    wildcard = Some(variable.name)
                }
                RoutePiece::Variable(variable) => segments
                    .last_mut()
                    .expect("one segment")
                    .push(Part::Variable(variable.name)),
            }
        }
        // The leading `/` gives an empty first segment; a trailing `/` an empty last one.
        segments.retain(|segment| !segment.is_empty());
        let literal_segments = segments
            .iter()
            .filter(|s| s.iter().all(|p| matches!(p, Part::Literal(_))))
            .count();
        self.entries.push(Entry {
            operation,
            route,
            segments,
            wildcard,
            literal_segments,
        });
        Ok(())
    }

    /// The route for `verb` on a decoded path's `segments` (empty ones already dropped).
    pub(crate) fn find(&self, verb: &str, segments: &[&str]) -> Option<Matched> {
        let mut best: Option<(&Entry, Vec<(&'static str, String)>)> = None;
        for entry in &self.entries {
            if !entry.route.allows(verb) {
                continue;
            }
            let Some(variables) = entry.matches(segments) else {
                continue;
            };
            let better = match &best {
                None => true,
                Some((current, _)) => {
                    (entry.literal_segments, entry.wildcard.is_none())
                        > (current.literal_segments, current.wildcard.is_none())
                }
            };
            if better {
                best = Some((entry, variables));
            }
        }
        best.map(|(entry, variables)| Matched {
            operation: entry.operation,
            variables,
        })
    }
}

impl Entry {
    fn matches(&self, segments: &[&str]) -> Option<Vec<(&'static str, String)>> {
        let fixed = self.segments.len();
        if segments.len() < fixed || (self.wildcard.is_none() && segments.len() != fixed) {
            return None;
        }
        let mut variables = Vec::new();
        for (pattern, segment) in self.segments.iter().zip(segments) {
            match_segment(pattern, segment, &mut variables)?;
        }
        if let Some(name) = self.wildcard {
            let rest = segments[fixed..].join("/");
            if !rest.is_empty() {
                variables.push((name, rest));
            }
        }
        Some(variables)
    }
}

/// Matches one segment against its pattern, a run of literals and variables (`{Name}.{Ext}`):
/// a variable takes the text up to the next literal (the rest, for the last part).
fn match_segment(
    pattern: &[Part],
    segment: &str,
    variables: &mut Vec<(&'static str, String)>,
) -> Option<()> {
    let mut rest = segment;
    for (i, part) in pattern.iter().enumerate() {
        match part {
            Part::Literal(literal) => {
                let head = rest.get(..literal.len())?;
                if !head.eq_ignore_ascii_case(literal) {
                    return None;
                }
                rest = &rest[literal.len()..];
            }
            Part::Variable(name) => {
                let end = match pattern.get(i + 1) {
                    Some(Part::Literal(next)) => find_ignore_case(rest, next)?,
                    _ => rest.len(),
                };
                if end == 0 {
                    return None;
                }
                variables.push((name, rest[..end].to_owned()));
                rest = &rest[end..];
            }
        }
    }
    rest.is_empty().then_some(())
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    (0..=haystack.len().checked_sub(needle.len())?).find(|&i| {
        haystack
            .get(i..i + needle.len())
            .is_some_and(|window| window.eq_ignore_ascii_case(needle))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    static ROUTES: [Route; 7] = [
        Route::new("/items/{Id}", &[]),
        Route::new("/items/special", &[]),
        Route::new("/files/{Path*}", &["GET"]),
        Route::new("/customers/{customerId}/breadcrumbs", &["GET"]),
        Route::new("/sessions/{sessionId}", &["GET"]),
        Route::new("/sessions/{sessionId}", &["DELETE"]),
        Route::new("/img/{Name}.{Ext}", &[]),
    ];

    fn table() -> RouteTable {
        let mut table = RouteTable::default();
        for (i, route) in ROUTES.iter().enumerate() {
            table.add(i, route).unwrap();
        }
        table
    }

    fn find(verb: &str, path: &str) -> Option<(usize, Vec<(&'static str, String)>)> {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        table()
            .find(verb, &segments)
            .map(|m| (m.operation, m.variables))
    }

    #[test]
    fn servicestacks_matching_rules() {
        assert_eq!(find("GET", "/items/special"), Some((1, vec![])));
        assert_eq!(
            find("GET", "/items/other"),
            Some((0, vec![("Id", "other".into())]))
        );
        assert_eq!(
            find("GET", "/files/a/b/c.txt"),
            Some((2, vec![("Path", "a/b/c.txt".into())]))
        );
        assert_eq!(find("GET", "/files"), Some((2, vec![])));
        assert_eq!(
            find("GET", "/Customers/x/Breadcrumbs/"),
            Some((3, vec![("customerId", "x".into())]))
        );
        assert_eq!(
            find("GET", "/customers/a.b/breadcrumbs"),
            Some((3, vec![("customerId", "a.b".into())]))
        );
        assert_eq!(find("PUT", "/sessions/x"), None);
        assert_eq!(find("DELETE", "/SESSIONS/Ab").map(|m| m.0), Some(5));
        assert_eq!(find("GET", "/customers/breadcrumbs"), None);
        assert_eq!(find("GET", "/nothing"), None);
        assert_eq!(
            find("GET", "/img/logo.PNG"),
            Some((6, vec![("Name", "logo".into()), ("Ext", "PNG".into())]))
        );
        assert_eq!(find("GET", "/img/.png"), None);
    }
}
