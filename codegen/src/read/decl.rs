//! The declaration tree the TypeScript and C# readers parse into (classes, interfaces, enums,
//! aliases, with their comments and attributes), and its lowering into the [`Schema`]: what both
//! readers share, below them.

pub(crate) mod lower;

use crate::error::{Error, Result};
use crate::model::{Schema, SourceLocation};
use crate::read::syntax::comments::Leading;
use crate::read::syntax::cursor::PResult;
use crate::read::syntax::lexer::Pos;

pub(crate) use lower::Flavor;

/// Lowers a parsed file (or its parse error, which gets `file:line:column`) whose first line is
/// line `line_offset + 1` of `file`.
pub(crate) fn lower_parsed(
    parsed: PResult<TsFile>,
    file: &str,
    line_offset: u32,
    flavor: Flavor,
) -> Result<Schema> {
    let parsed = parsed.map_err(|e| {
        Error::parse(
            SourceLocation::new(file, e.pos.line + line_offset, e.pos.column),
            e.message,
        )
    })?;
    let lowering = lower::Lowering {
        file,
        line_offset,
        flavor,
    };
    Ok(lowering.lower(&parsed))
}

/// A TypeScript type expression, as far as DTOs need it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TsType {
    /// A named type with optional generic arguments (`string`, `Foo`, `Array<T>`, `A.B`).
    Named { name: String, args: Vec<TsType> },
    /// `T[]`.
    Array(Box<TsType>),
    /// `{ [index: K]: V; }`.
    Map {
        key: Box<TsType>,
        value: Box<TsType>,
    },
    /// `A | B | ...` (with at least two members).
    Union(Vec<TsType>),
    /// A string literal type `"A"`.
    StrLit(String),
    /// A number literal type `1`.
    NumLit(String),
    /// Anything without a DTO meaning (object literals, functions, tuples, intersections...).
    Opaque(&'static str),
}

/// A class or interface member that carries data.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Prop {
    pub name: String,
    pub pos: Pos,
    pub optional: bool,
    pub ty: TsType,
    pub leading: Leading,
    /// `declare public x: T;` redeclaration of a base member (norbix dialect).
    pub redeclared: bool,
}

/// `class` or `interface`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ClassDecl {
    pub name: String,
    pub pos: Pos,
    pub is_interface: bool,
    pub is_abstract: bool,
    pub type_params: Vec<String>,
    pub extends: Vec<TsType>,
    pub implements: Vec<TsType>,
    pub props: Vec<Prop>,
    /// `[key: K]: V;` member: the class is a map.
    pub index: Option<(TsType, TsType)>,
    /// The verb `getMethod() { return 'POST'; }` returns (v6+ request DTOs).
    pub method: Option<String>,
    pub leading: Leading,
}

/// An enum member value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum EnumValue {
    Str(String),
    /// Number or simple constant expression, as written (`1`, `-1`, `1 << 3`, `A | B`).
    Expr(String),
}

/// One `Name = value` of an enum.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EnumMember {
    pub name: String,
    pub pos: Pos,
    pub value: Option<EnumValue>,
    pub leading: Leading,
}

/// `enum` declaration.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EnumDecl {
    pub name: String,
    pub pos: Pos,
    pub members: Vec<EnumMember>,
    pub leading: Leading,
}

/// `type Name<T> = ...;`
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AliasDecl {
    pub name: String,
    pub pos: Pos,
    pub type_params: Vec<String>,
    pub ty: TsType,
    pub leading: Leading,
}

/// A top-level declaration.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Decl {
    Class(ClassDecl),
    Enum(EnumDecl),
    Alias(AliasDecl),
}

/// The `/* Options: ... */` header: `(key, value, commented_out)` in file order.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct OptionsHeader {
    pub entries: Vec<(String, String, bool)>,
}

/// A parsed file.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct TsFile {
    pub header: Option<OptionsHeader>,
    pub decls: Vec<Decl>,
    /// Module/namespace names met (GlobalNamespace); declarations inside are flattened.
    pub namespaces: Vec<String>,
    /// Where the namespace changes (C#): from declaration index `.0` on, declarations are in
    /// namespace `.1` (`None` outside every namespace).
    pub namespace_changes: Vec<(usize, Option<String>)>,
    pub warnings: Vec<(Pos, String)>,
}

impl TsFile {
    /// The namespace declaration `index` is in, when the file says (C#'s namespace blocks).
    pub fn namespace_of(&self, index: usize) -> Option<&str> {
        self.namespace_changes
            .iter()
            .rev()
            .find(|(from, _)| *from <= index)
            .and_then(|(_, namespace)| namespace.as_deref())
    }
}
