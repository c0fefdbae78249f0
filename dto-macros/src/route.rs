//! Route paths and verb lists as ServiceStack's `[Route(path, verbs)]` takes them, checked at compile
//! time. The `dto` crate reads paths with the same rules at run time.

/// A route variable: `{name}` or the wildcard `{name*}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variable {
    pub name: String,
    pub wildcard: bool,
}

/// The variables of a route path, or what is wrong with it.
///
/// Rules: the path starts with `/`; it has no `?` or `#`; braces are balanced and do not nest; a
/// variable is `{name}` or `{name*}` with a non-empty name without `/`, `.` or `*`, and fills a whole
/// component between `/` and `.` separators (`/files/{Name}.{Ext}` is fine, `/a-{Id}` is not: this is
/// the form ServiceStack's C# client can fill in); a variable occurs once.
pub fn parse_path(path: &str) -> Result<Vec<Variable>, String> {
    if !path.starts_with('/') {
        return Err(format!("a route path must start with `/`: `{path}`"));
    }
    if let Some(c) = path.chars().find(|&c| c == '?' || c == '#') {
        return Err(format!(
            "a route path cannot contain `{c}`: put query parameters in fields, not in the route"
        ));
    }
    // Balance first, so the message says what is actually wrong.
    let mut open = false;
    for c in path.chars() {
        match c {
            '{' if open => return Err(format!("route variables cannot nest: `{path}`")),
            '{' => open = true,
            '}' if !open => {
                return Err(format!("unbalanced braces: `}}` without `{{` in `{path}`"));
            }
            '}' => open = false,
            _ => {}
        }
    }
    if open {
        return Err(format!("unbalanced braces: `{{` without `}}` in `{path}`"));
    }
    let mut variables: Vec<Variable> = Vec::new();
    for component in path.split(['/', '.']) {
        if !component.contains(['{', '}']) {
            continue;
        }
        let Some(inner) = component
            .strip_prefix('{')
            .and_then(|c| c.strip_suffix('}'))
        else {
            return Err(format!(
                "a route variable must fill a whole path segment, as in `/{{Id}}/` or `/{{Name}}.{{Ext}}`: `{component}`"
            ));
        };
        if inner.contains(['{', '}']) {
            return Err(format!(
                "a route variable must fill a whole path segment, as in `/{{Id}}/` or `/{{Name}}.{{Ext}}`: `{component}`"
            ));
        }
        let (name, wildcard) = match inner.strip_suffix('*') {
            Some(name) => (name, true),
            None => (inner, false),
        };
        if name.is_empty() {
            return Err(format!("empty route variable `{component}`"));
        }
        if name.contains('*') {
            return Err(format!(
                "`*` can only end a route variable (`{{Path*}}`): `{component}`"
            ));
        }
        if name.chars().any(char::is_whitespace) {
            return Err(format!(
                "a route variable name cannot contain whitespace: `{component}`"
            ));
        }
        if variables.iter().any(|v| v.name.eq_ignore_ascii_case(name)) {
            return Err(format!("route variable `{name}` occurs twice in `{path}`"));
        }
        variables.push(Variable {
            name: name.to_owned(),
            wildcard,
        });
    }
    Ok(variables)
}

/// The HTTP verbs a route may list (upper case). `ANY` (or `*`) means every verb.
pub const VERBS: &[&str] = &["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

/// Splits a verb list (`"GET,POST"`, `"get post"`) into upper-case verbs. `*` becomes `ANY`.
/// Err names the first unknown verb, or says the list is empty.
pub fn parse_verbs(list: &str) -> Result<Vec<String>, String> {
    let mut verbs: Vec<String> = Vec::new();
    for verb in list.split([',', ' ', '\t']).filter(|v| !v.is_empty()) {
        let upper = verb.to_ascii_uppercase();
        let upper = if upper == "*" {
            "ANY".to_owned()
        } else {
            upper
        };
        if upper != "ANY" && !VERBS.contains(&upper.as_str()) {
            return Err(format!(
                "unknown HTTP verb `{verb}`: expected {}, or ANY (also `*`) for every verb",
                VERBS.join(", ")
            ));
        }
        if !verbs.contains(&upper) {
            verbs.push(upper);
        }
    }
    if verbs.is_empty() {
        return Err(
            "empty verb list: leave the verbs out for a route that allows any verb".to_owned(),
        );
    }
    Ok(verbs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(path: &str) -> Vec<String> {
        parse_path(path)
            .unwrap()
            .into_iter()
            .map(|v| v.name)
            .collect()
    }

    #[test]
    fn good_paths() {
        assert_eq!(
            names("/sessions/{sessionId}/conference/members"),
            ["sessionId"]
        );
        assert_eq!(names("/files/{Name}.{Ext}"), ["Name", "Ext"]);
        assert_eq!(names("/"), Vec::<String>::new());
        assert_eq!(
            parse_path("/files/{Path*}").unwrap(),
            [Variable {
                name: "Path".into(),
                wildcard: true
            }]
        );
    }

    #[test]
    fn bad_paths() {
        for (path, needle) in [
            ("sessions/{id}", "start with `/`"),
            ("/a?b=1", "cannot contain `?`"),
            ("/a/{id", "`{` without `}`"),
            ("/a/id}", "`}` without `{`"),
            ("/a/{{id}}", "cannot nest"),
            ("/a/{}", "empty route variable"),
            ("/a/{*}", "empty route variable"),
            ("/a/x{id}", "whole path segment"),
            ("/a/{id}x", "whole path segment"),
            ("/a/{a}{b}", "whole path segment"),
            ("/a/{a*b}", "can only end"),
            ("/a/{a b}", "whitespace"),
            ("/a/{id}/{ID}", "occurs twice"),
        ] {
            let err = parse_path(path).unwrap_err();
            assert!(err.contains(needle), "{path}: {err}");
        }
    }

    #[test]
    fn verbs() {
        assert_eq!(parse_verbs("GET,post").unwrap(), ["GET", "POST"]);
        assert_eq!(parse_verbs(" put , Delete ").unwrap(), ["PUT", "DELETE"]);
        assert_eq!(parse_verbs("*").unwrap(), ["ANY"]);
        assert_eq!(parse_verbs("GET,GET").unwrap(), ["GET"]);
        assert!(parse_verbs("FETCH").unwrap_err().contains("`FETCH`"));
        assert!(parse_verbs(" , ").unwrap_err().contains("empty verb list"));
    }
}
