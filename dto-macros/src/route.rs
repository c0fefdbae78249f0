//! Route paths and verb lists as ServiceStack's `[Route(path, verbs)]` takes them, checked at compile
//! time with the grammar `dto` uses at run time (the `dto-route` crate).

/// A route variable: `{name}` or the wildcard `{name*}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variable {
    pub name: String,
    pub wildcard: bool,
}

/// The variables of a route path, or what is wrong with it.
pub fn parse_path(path: &str) -> Result<Vec<Variable>, String> {
    let variables = dto_route::variables(path).map_err(|e| e.to_string())?;
    Ok(variables
        .into_iter()
        .map(|v| Variable {
            name: v.name.to_owned(),
            wildcard: v.wildcard,
        })
        .collect())
}

/// Splits a verb list (`"GET,POST"`, `"get post"`) into upper-case verbs (`*` becomes `ANY`), or
/// names the first unknown verb, or says the list is empty.
pub fn parse_verbs(list: &str) -> Result<Vec<String>, String> {
    dto_route::parse_verbs(list).map_err(|e| e.to_string())
}
