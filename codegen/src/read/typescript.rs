//! TypeScript DTOs reader: `/types/typescript` and the ambient `/types/typescript.d`, in every
//! dialect ServiceStack has emitted (v1 `.d.ts` to v10 classes).
//!
//! Pipeline: the shared `syntax::lexer` (tokens with line:column, comments kept) → `parser`
//! (recursive descent into the declaration tree of `decl`; unknown constructs skipped with a
//! warning) → `decl::lower` (declarations → [`Schema`], shared with the C# reader).
//!
//! What TypeScript cannot say, and what this reader does about it:
//! * `number` hides the .NET numeric type: properties get [`Primitive::Number`](crate::model::Primitive::Number)
//!   and the emitter applies its number policy; `Date` is a date-time.
//! * `?` decides [`Property::optional`](crate::model::Property::optional), except in v5-era files
//!   where no member has `?` (it carried no meaning then): there every property is optional.
//! * A numbered `enum` is a string enum on the wire unless `// @Flags()` precedes it.
//! * `type X = "A" | "B"` is a string enum; other type aliases are substituted where used.
//! * A class with an index signature `[key: string]: V`, or extending `Dictionary<V>` /
//!   `Array<T>`, has a map / list base.
//! * `implements IReturn<T>` / `IReturnVoid` (or `extends` in `.d.ts` interfaces) and
//!   `// @Route(...)` make the class an operation.

pub(crate) mod parser;

use crate::error::Result;
use crate::model::Schema;
use crate::read::decl::{self, Flavor};

/// Reads TypeScript DTOs from `text`; `file` names the input in messages.
///
/// Errors (unterminated strings or comments, unbalanced braces, a declaration that cannot be
/// parsed) carry `file:line:column`. Constructs that are valid TypeScript but not DTOs
/// (functions, imports, `export const`, methods, getters) are skipped with a warning.
pub fn read(text: &str, file: &str) -> Result<Schema> {
    read_with_offset(text, file, 0)
}

/// Reads TypeScript whose first line is line `line_offset + 1` of `file` (a page's code block).
pub(crate) fn read_with_offset(text: &str, file: &str, line_offset: u32) -> Result<Schema> {
    decl::lower_parsed(parser::parse(text), file, line_offset, Flavor::TypeScript)
}

/// True when `text` looks like TypeScript DTOs (declarations or a ServiceStack options header).
///
/// Metadata pages also contain TypeScript, so callers that accept both should ask
/// `page::looks_like_page` first.
pub(crate) fn looks_like_typescript(text: &str) -> bool {
    let head: String = text.chars().take(8192).collect();
    let markers = [
        "export class ",
        "export interface ",
        "export enum ",
        "export type ",
        "export abstract class ",
        "declare module ",
        "declare namespace ",
        "/* Options:",
        "/* options:",
    ];
    markers.iter().any(|m| head.contains(m))
        || head.lines().any(|l| {
            let l = l.trim_start();
            l.starts_with("interface ")
                || l.starts_with("declare class ")
                || (l.starts_with("type ") && l.contains(" = "))
        })
}
