//! Rust identifiers from .NET names: snake_case fields, PascalCase types and variants,
//! SCREAMING_SNAKE constants, keyword escaping and de-duplication.

use std::collections::HashSet;

use heck::{ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};

/// Keywords that can be written as raw identifiers (`r#type`).
const RAW_KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "else", "enum", "extern", "false", "fn", "for", "if",
    "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "static",
    "struct", "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn",
    "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized",
    "virtual", "yield", "try", "gen",
];

/// Keywords that cannot be raw identifiers; they get a trailing `_`.
const NON_RAW_KEYWORDS: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Names a generated type must not take because generated code or derives need them
/// unqualified, or because they are Rust primitive types (which would be confusing).
const RESERVED_TYPE_NAMES: &[&str] = &[
    "bool", "char", "str", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64",
    "u128", "usize", "f32", "f64",
];

/// Replaces every character but ASCII letters, digits and `_` with `_` (so an identifier can
/// always be built), and makes sure the result does not start with a digit and is not empty.
fn sanitize(raw: &str) -> String {
    let mut out: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// Escapes a keyword: raw identifier when possible, trailing `_` otherwise. Returns the
/// text to parse as an identifier (`r#type`, `self_`).
pub fn escape_keyword(name: &str) -> String {
    if NON_RAW_KEYWORDS.contains(&name) {
        format!("{name}_")
    } else if RAW_KEYWORDS.contains(&name) {
        format!("r#{name}")
    } else {
        name.to_string()
    }
}

/// The text serde sees for an identifier (without `r#`).
pub fn unraw(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

/// snake_case field name for a .NET property name (keyword-escaped).
pub fn field_name(name: &str) -> String {
    let snake = sanitize(name).to_snake_case();
    let snake = if snake.is_empty() || snake.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{snake}")
    } else {
        snake
    };
    escape_keyword(&snake)
}

/// PascalCase type name (keyword-escaped, `Self` → `Self_`).
pub fn type_name(name: &str) -> String {
    let clean = sanitize(name);
    // Keep names that start upper-case as written (`SessionInfo`, `QueryDb_1` from TypeScript
    // output): they are the service's names. Only lower-case starts are converted.
    let pascal = if clean.starts_with(|c: char| c.is_ascii_lowercase()) {
        let converted = clean.to_upper_camel_case();
        if converted.is_empty() {
            clean
        } else {
            converted
        }
    } else {
        clean
    };
    let pascal = if pascal.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{pascal}")
    } else {
        pascal
    };
    if RESERVED_TYPE_NAMES.contains(&pascal.as_str()) {
        return format!("{pascal}_");
    }
    escape_keyword(&pascal)
}

/// PascalCase enum variant name.
pub fn variant_name(name: &str) -> String {
    let clean = sanitize(name);
    let mut pascal = clean.to_upper_camel_case();
    if pascal.is_empty() {
        pascal = "Empty".to_string();
    }
    if pascal.starts_with(|c: char| c.is_ascii_digit()) {
        pascal.insert(0, 'V');
    }
    escape_keyword(&pascal)
}

/// SCREAMING_SNAKE constant name.
pub fn const_name(name: &str) -> String {
    let mut shout = sanitize(name).to_shouty_snake_case();
    if shout.is_empty() || shout.starts_with(|c: char| c.is_ascii_digit()) {
        shout.insert(0, '_');
    }
    if shout == "_" {
        shout = "EMPTY".to_string();
    }
    escape_keyword(&shout)
}

/// Hands out unique names: the second `id` becomes `id_2`, and so on.
#[derive(Default)]
pub struct NameSet {
    used: HashSet<String>,
}

impl NameSet {
    /// Reserves `name` (or a suffixed variant of it) and returns the name reserved.
    pub fn unique(&mut self, name: String) -> String {
        if self.used.insert(unraw(&name).to_string()) {
            return name;
        }
        let base = unraw(&name).trim_end_matches('_').to_string();
        for i in 2.. {
            let candidate = format!("{base}_{i}");
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
        unreachable!("an unbounded counter always finds a free name")
    }
}

impl NameSet {
    /// Whether any name handed out contains `_` (which needs `non_camel_case_types` allowed
    /// for type and variant names).
    pub fn any_underscore(&self) -> bool {
        self.used.iter().any(|n| n.contains('_'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields() {
        assert_eq!(field_name("SessionId"), "session_id");
        assert_eq!(field_name("Type"), "r#type");
        assert_eq!(field_name("Self"), "self_");
        assert_eq!(field_name("super"), "super_");
        assert_eq!(field_name("crate"), "crate_");
        assert_eq!(field_name("2ndLine"), "_2nd_line");
        assert_eq!(field_name("x-id"), "x_id");
        assert_eq!(field_name("@type"), "r#type");
    }

    #[test]
    fn types_and_variants() {
        assert_eq!(type_name("SessionInfo"), "SessionInfo");
        assert_eq!(type_name("Self"), "Self_");
        assert_eq!(type_name("QueryDb_1"), "QueryDb_1");
        assert_eq!(type_name("my_type"), "MyType");
        assert_eq!(type_name("str"), "Str");
        assert_eq!(type_name("u8"), "U8");
        assert_eq!(variant_name("camelUPPER"), "CamelUpper");
        assert_eq!(variant_name("json_object"), "JsonObject");
        assert_eq!(variant_name("1st"), "V1st");
        assert_eq!(const_name("CanDial"), "CAN_DIAL");
    }

    #[test]
    fn name_set_suffixes() {
        let mut set = NameSet::default();
        assert_eq!(set.unique("id".into()), "id");
        assert_eq!(set.unique("id".into()), "id_2");
        assert_eq!(set.unique("r#type".into()), "r#type");
        assert_eq!(set.unique("type".into()), "type_2");
    }
}

/// A `#[serde(rename_all = "..")]` rule the emitter can use for a struct's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenameAll {
    /// `camelCase`
    Camel,
    /// `PascalCase`
    Pascal,
}

impl RenameAll {
    /// The rule's name in `#[serde(rename_all = ..)]`.
    pub fn as_str(self) -> &'static str {
        match self {
            RenameAll::Camel => "camelCase",
            RenameAll::Pascal => "PascalCase",
        }
    }

    /// The wire name serde gives a field (its name without `r#`) under this rule: serde's
    /// own algorithm (`_` separates words; the letter after one is upper-cased, ASCII only),
    /// which `dto::Dto` and `dto::Type` apply the same way.
    pub fn apply(self, field: &str) -> String {
        let field = unraw(field);
        let mut pascal = String::with_capacity(field.len());
        let mut capitalize = true;
        for ch in field.chars() {
            if ch == '_' {
                capitalize = true;
            } else if capitalize {
                pascal.push(ch.to_ascii_uppercase());
                capitalize = false;
            } else {
                pascal.push(ch);
            }
        }
        if self == RenameAll::Camel
            && let Some(first) = pascal.get_mut(0..1)
        {
            first.make_ascii_lowercase();
        }
        pascal
    }
}

#[cfg(test)]
mod rename_all_tests {
    use super::RenameAll;

    #[test]
    fn serde_rules() {
        assert_eq!(RenameAll::Camel.apply("session_id"), "sessionId");
        assert_eq!(RenameAll::Camel.apply("r#type"), "type");
        assert_eq!(RenameAll::Pascal.apply("session_id"), "SessionId");
        assert_eq!(RenameAll::Camel.apply("u_long"), "uLong");
        assert_eq!(RenameAll::Camel.apply("_marker"), "marker");
        assert_eq!(RenameAll::Pascal.apply("a1_b"), "A1B");
    }
}
