//! Reader for C# DTO source, as shown in a metadata page's C# tab (`?op=X&lang=csharp`) or
//! `/types/csharp`: classes with `[Route]`, `[Api]`, `[ApiMember]`, `[DataContract]`/`[DataMember]`
//! attributes, `{ get; set; }` properties, enums, inheritance and generics.
//!
//! It produces the same syntax tree as the TypeScript reader (with C# type names kept as
//! written, e.g. `int?` as `Nullable<int>`), so one lowering step turns both into the IR.

use crate::read::decl::{
    self, ClassDecl, Decl, EnumDecl, EnumMember, EnumValue, Flavor, Prop, TsFile, TsType,
};
use crate::read::syntax::comments::{self, Attr, Leading};
use crate::read::syntax::cursor::{Cursor, PResult, ParseError};
use crate::read::syntax::lexer::{Lang, Pos, Tok, Token, end_pos, tokenize};

/// Reads C# DTOs whose first line is line `line_offset + 1` of `file`; wire names are the .NET
/// names, camel-cased for a camelCase host.
pub(crate) fn read_with_offset(
    text: &str,
    file: &str,
    line_offset: u32,
    camel: bool,
) -> crate::error::Result<crate::model::Schema> {
    decl::lower_parsed(parse(text), file, line_offset, Flavor::CSharp { camel })
}

/// Parses C# DTO source into the shared syntax tree.
pub(crate) fn parse(src: &str) -> PResult<TsFile> {
    let toks = tokenize(src, Lang::CSharp)?;
    let mut p = CsParser {
        toks: &toks,
        i: 0,
        end: end_pos(src),
        depth: 0,
        docs: Vec::new(),
        file: TsFile::default(),
    };
    p.items(false)?;
    Ok(p.file)
}

/// Parses a C# display type (`List<Foo>`, `int?`, `Dictionary<string, string>`) as shown
/// in a metadata page's parameter tables.
pub(crate) fn parse_type_str(src: &str) -> PResult<TsType> {
    let toks = tokenize(src, Lang::CSharp)?;
    let mut p = CsParser {
        toks: &toks,
        i: 0,
        end: end_pos(src),
        depth: 0,
        docs: Vec::new(),
        file: TsFile::default(),
    };
    let ty = p.ty()?;
    if p.peek().is_some() {
        return p.err("unexpected text after the type");
    }
    Ok(ty)
}

/// Maps a parsed C# type to the IR (`int` → `I32`, `List<T>` → list, ...).
pub(crate) fn type_ref(t: &TsType) -> crate::model::TypeRef {
    decl::lower::csharp_type_ref(t)
}

/// True when `src` looks like C# DTO source rather than TypeScript.
pub(crate) fn looks_like_csharp(src: &str) -> bool {
    src.contains("{ get; set; }")
        || src.contains("public partial class ")
        || (src.contains("namespace ") && src.contains("public class "))
        || src.contains("using ServiceStack")
}

struct CsParser<'t> {
    toks: &'t [Token],
    i: usize,
    end: Pos,
    depth: usize,
    /// `///` doc comment lines seen since the last significant token.
    docs: Vec<String>,
    file: TsFile,
}

const MODIFIERS: &[&str] = &[
    "public",
    "internal",
    "private",
    "protected",
    "partial",
    "abstract",
    "sealed",
    "static",
    "readonly",
    "new",
    "virtual",
    "override",
    "required",
    "unsafe",
    "extern",
    "volatile",
    "async",
];

impl<'t> Cursor<'t> for CsParser<'t> {
    fn tokens(&self) -> &'t [Token] {
        self.toks
    }

    fn index(&self) -> usize {
        self.i
    }

    fn set_index(&mut self, i: usize) {
        self.i = i;
    }

    fn end(&self) -> Pos {
        self.end
    }

    fn depth_mut(&mut self) -> &mut usize {
        &mut self.depth
    }

    fn skip_comments(&mut self) {
        while let Some(t) = self.toks.get(self.i) {
            match &t.tok {
                Tok::LineComment(c) => {
                    if let Some(doc) = c.strip_prefix('/') {
                        self.docs.push(doc.to_string());
                    }
                }
                Tok::BlockComment(_) => {}
                _ => break,
            }
            self.i += 1;
        }
    }
}

impl<'t> CsParser<'t> {
    fn skip_group(&mut self) -> PResult<()> {
        let open = self.pos();
        let mut depth = 0usize;
        loop {
            let Some(t) = self.bump() else {
                return Err(ParseError {
                    pos: open,
                    message: "unbalanced brackets: this group is never closed".into(),
                });
            };
            match t.tok {
                Tok::Punct('{' | '(' | '[') => depth += 1,
                Tok::Punct('}' | ')' | ']') => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
    }

    /// Skips to the `;` ending a statement (balanced), or past a `{ }` block. Always consumes
    /// at least one token, so callers looping over statements make progress.
    fn skip_statement(&mut self) -> PResult<()> {
        if self.is_punct('}') || self.is_punct(')') || self.is_punct(']') {
            self.bump();
            return Ok(());
        }
        loop {
            match self.peek() {
                None => return Ok(()),
                Some(Tok::Punct(';')) => {
                    self.bump();
                    return Ok(());
                }
                Some(Tok::Punct('{')) => {
                    self.skip_group()?;
                    self.eat_punct(';');
                    return Ok(());
                }
                Some(Tok::Punct('(' | '[')) => self.skip_group()?,
                Some(Tok::Punct('}')) => return Ok(()),
                _ => {
                    self.bump();
                }
            }
        }
    }

    /// `[A(..), B] [C]` attribute lists.
    fn attributes(&mut self) -> PResult<Vec<Attr>> {
        let mut attrs = Vec::new();
        while self.is_punct('[') {
            self.bump();
            // `[assembly: X]` / `[return: X]` targets.
            if matches!(self.peek_nth(1), Some(Tok::Punct(':')))
                && !matches!(self.peek_nth(2), Some(Tok::Punct(':')))
            {
                self.bump();
                self.bump();
            }
            loop {
                let pos = self.pos();
                let (mut name, _) = self.ident("an attribute name")?;
                while self.eat_punct('.') {
                    name = self.ident("an attribute name")?.0;
                }
                let mut args = Vec::new();
                if self.is_punct('(') {
                    let start = self.i;
                    self.skip_group()?;
                    args = comments::parse_attr_args(&self.toks[start..self.i]).map_err(|m| {
                        ParseError {
                            pos,
                            message: format!("cannot read the arguments of [{name}]: {m}"),
                        }
                    })?;
                }
                attrs.push(Attr { name, args, pos });
                if !self.eat_punct(',') {
                    break;
                }
            }
            self.expect_punct(']')?;
        }
        Ok(attrs)
    }

    fn take_leading(&mut self, attrs: Vec<Attr>) -> Leading {
        let docs = std::mem::take(&mut self.docs);
        Leading {
            doc: xml_doc(&docs),
            attrs,
        }
    }

    fn items(&mut self, nested: bool) -> PResult<()> {
        loop {
            self.docs.clear();
            match self.peek() {
                None if nested => return self.err("expected `}` closing the namespace"),
                None => return Ok(()),
                Some(Tok::Punct('}')) if nested => {
                    self.bump();
                    return Ok(());
                }
                Some(Tok::Punct(';')) => {
                    self.bump();
                }
                Some(Tok::Ident(w)) if w == "using" => self.skip_statement()?,
                Some(Tok::Ident(w)) if w == "namespace" => {
                    self.bump();
                    let mut name = self.ident("a namespace name")?.0;
                    while self.eat_punct('.') {
                        name.push('.');
                        name.push_str(&self.ident("a namespace name")?.0);
                    }
                    // Nested blocks name their namespace from the outer one.
                    let outer = self
                        .file
                        .namespace_of(self.file.decls.len())
                        .map(str::to_string);
                    let name = match (&outer, nested) {
                        (Some(outer), true) => format!("{outer}.{name}"),
                        _ => name,
                    };
                    self.file.namespaces.push(name.clone());
                    let at = self.file.decls.len();
                    self.file.namespace_changes.push((at, Some(name)));
                    if self.eat_punct('{') {
                        self.enter()?;
                        self.items(true)?;
                        self.depth -= 1;
                        let at = self.file.decls.len();
                        self.file.namespace_changes.push((at, outer));
                    } else {
                        self.expect_punct(';')?;
                    }
                }
                _ => {
                    let start_pos = self.pos();
                    let attrs = self.attributes()?;
                    if !self.type_decl(attrs)? {
                        let what = match self.peek() {
                            Some(Tok::Ident(w)) => format!("`{w} ...`"),
                            _ => "statement".into(),
                        };
                        self.skip_statement()?;
                        self.file.warnings.push((
                            start_pos,
                            format!("skipped unsupported C# construct: {what}"),
                        ));
                    }
                }
            }
        }
    }

    /// Parses a class/struct/record/interface/enum declaration after its attributes.
    /// Returns false (consuming only modifiers) when the next tokens are not one.
    fn type_decl(&mut self, attrs: Vec<Attr>) -> PResult<bool> {
        let mut is_abstract = false;
        let mut is_public = true;
        while let Some(Tok::Ident(w)) = self.peek() {
            if !MODIFIERS.contains(&w.as_str()) {
                break;
            }
            if w == "abstract" {
                is_abstract = true;
            }
            if w == "private" || w == "internal" {
                is_public = false;
            }
            self.bump();
        }
        let _ = is_public;
        let leading = self.take_leading(attrs);
        let kind = match self.peek() {
            Some(Tok::Ident(w)) => w.clone(),
            _ => return Ok(false),
        };
        match kind.as_str() {
            "class" | "struct" | "interface" | "record" => {
                self.bump();
                if kind == "record" && (self.is_ident("class") || self.is_ident("struct")) {
                    self.bump();
                }
                let mut c = self.class(kind == "interface", leading)?;
                c.is_abstract = is_abstract;
                self.file.decls.push(Decl::Class(c));
                Ok(true)
            }
            "enum" => {
                self.bump();
                let e = self.enum_decl(leading)?;
                self.file.decls.push(Decl::Enum(e));
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    fn class(&mut self, is_interface: bool, leading: Leading) -> PResult<ClassDecl> {
        let (name, pos) = self.ident("a class name")?;
        let mut type_params = Vec::new();
        if self.eat_punct('<') {
            loop {
                type_params.push(self.ident("a type parameter")?.0);
                if !self.eat_punct(',') {
                    break;
                }
            }
            self.expect_punct('>')?;
        }
        if self.is_punct('(') {
            // Positional record parameters are not supported as members; skip them.
            self.skip_group()?;
        }
        let mut extends = Vec::new();
        let mut implements = Vec::new();
        if self.eat_punct(':') {
            let mut first = true;
            loop {
                let ty = self.ty()?;
                let is_iface = match &ty {
                    TsType::Named { name, .. } => looks_like_interface(name),
                    _ => false,
                };
                if is_interface || !first || is_iface {
                    if is_interface && !is_iface {
                        extends.push(ty);
                    } else {
                        implements.push(ty);
                    }
                } else {
                    extends.push(ty);
                }
                first = false;
                if !self.eat_punct(',') {
                    break;
                }
            }
        }
        // `where T : class, new()` constraints.
        while self.is_ident("where") {
            while !self.is_punct('{') && self.peek().is_some() {
                if self.is_punct('(') {
                    self.skip_group()?;
                } else {
                    self.bump();
                }
            }
        }
        let mut class = ClassDecl {
            name,
            pos,
            is_interface,
            is_abstract: false,
            type_params,
            extends,
            implements,
            props: Vec::new(),
            index: None,
            method: None,
            leading,
        };
        if self.eat_punct(';') {
            return Ok(class);
        }
        self.expect_punct('{')?;
        self.enter()?;
        loop {
            self.docs.clear();
            match self.peek() {
                None => return self.err(format!("expected `}}` closing `{}`", class.name)),
                Some(Tok::Punct('}')) => {
                    self.bump();
                    break;
                }
                Some(Tok::Punct(';')) => {
                    self.bump();
                }
                _ => self.member(&mut class, is_interface)?,
            }
        }
        self.depth -= 1;
        self.eat_punct(';');
        Ok(class)
    }

    fn member(&mut self, class: &mut ClassDecl, in_interface: bool) -> PResult<()> {
        let docs_before = self.docs.clone();
        let attrs = self.attributes()?;
        let start = self.i;
        let mut public = in_interface;
        let mut is_static = false;
        while let Some(Tok::Ident(w)) = self.peek() {
            if !MODIFIERS.contains(&w.as_str()) && w != "const" && w != "event" {
                break;
            }
            match w.as_str() {
                "public" => public = true,
                "static" | "const" | "event" => is_static = true,
                _ => {}
            }
            self.bump();
        }
        if matches!(self.peek(), Some(Tok::Ident(w)) if matches!(w.as_str(), "class" | "struct" | "interface" | "enum" | "record"))
        {
            // Nested types become top-level declarations.
            self.i = start;
            self.docs = docs_before;
            self.type_decl(attrs)?;
            return Ok(());
        }
        let pos = self.pos();
        // Constructor: `Name(`.
        if matches!(self.peek(), Some(Tok::Ident(w)) if *w == class.name)
            && self.peek_nth(1) == Some(&Tok::Punct('('))
        {
            self.bump();
            self.skip_group()?;
            return self.skip_body();
        }
        let ty = self.ty()?;
        let name = match self.peek() {
            Some(Tok::Ident(w)) => w.clone(),
            _ => return self.err(format!("expected a member name in `{}`", class.name)),
        };
        self.bump();
        if name == "this" {
            // Indexer.
            self.skip_group()?;
            return self.skip_body();
        }
        let leading = self.take_leading(attrs);
        let is_ignored =
            leading.attr("IgnoreDataMember").is_some() || leading.attr("Ignore").is_some();
        match self.peek() {
            Some(Tok::Punct('(' | '<')) => {
                // Method.
                if self.is_punct('<') {
                    self.skip_angles()?;
                }
                self.skip_group()?;
                while self.is_ident("where") {
                    while !self.is_punct('{') && !self.is_punct(';') && self.peek().is_some() {
                        self.bump();
                    }
                }
                self.skip_body()
            }
            Some(Tok::Punct('{')) => {
                // Property with accessors, optional initializer.
                self.skip_group()?;
                if self.eat_punct('=') {
                    self.skip_statement()?;
                }
                if public && !is_static && !is_ignored {
                    class.props.push(Prop {
                        name,
                        pos,
                        optional: false,
                        ty,
                        leading,
                        redeclared: false,
                    });
                }
                Ok(())
            }
            Some(Tok::Punct('=')) if self.peek_nth(1) == Some(&Tok::Punct('>')) => {
                // Expression-bodied property: computed, not data.
                self.skip_statement()
            }
            Some(Tok::Punct(';' | '=' | ',')) => {
                // Field(s).
                let mut names = vec![(name, pos)];
                loop {
                    if self.eat_punct('=') {
                        while !self.is_punct(';') && !self.is_punct(',') && self.peek().is_some() {
                            if self.is_punct('(') || self.is_punct('{') || self.is_punct('[') {
                                self.skip_group()?;
                            } else {
                                self.bump();
                            }
                        }
                    }
                    if self.eat_punct(',') {
                        let p = self.pos();
                        names.push((self.ident("a field name")?.0, p));
                        continue;
                    }
                    self.expect_punct(';')?;
                    break;
                }
                if public && !is_static && !is_ignored {
                    for (name, pos) in names {
                        class.props.push(Prop {
                            name,
                            pos,
                            optional: false,
                            ty: ty.clone(),
                            leading: leading.clone(),
                            redeclared: false,
                        });
                    }
                }
                Ok(())
            }
            _ => self.err(format!("expected `{{`, `;` or `(` after member `{name}`")),
        }
    }

    fn skip_angles(&mut self) -> PResult<()> {
        let mut depth = 0usize;
        loop {
            match self.bump().map(|t| &t.tok) {
                None => return self.err("expected `>`"),
                Some(Tok::Punct('<')) => depth += 1,
                Some(Tok::Punct('>')) => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
    }

    fn skip_body(&mut self) -> PResult<()> {
        if self.is_ident("base") || self.is_punct(':') {
            // `: base(x)` constructor initializer.
            self.eat_punct(':');
            self.bump();
            if self.is_punct('(') {
                self.skip_group()?;
            }
        }
        if self.is_punct('{') {
            self.skip_group()
        } else {
            self.skip_statement()
        }
    }

    fn enum_decl(&mut self, leading: Leading) -> PResult<EnumDecl> {
        let (name, pos) = self.ident("an enum name")?;
        if self.eat_punct(':') {
            self.ty()?;
        }
        self.expect_punct('{')?;
        let mut members = Vec::new();
        loop {
            self.docs.clear();
            if self.eat_punct('}') {
                break;
            }
            if self.eat_punct(',') {
                continue;
            }
            let attrs = self.attributes()?;
            let mpos = self.pos();
            let (mname, _) = match self.peek() {
                Some(Tok::Ident(_)) => self.ident("an enum member")?,
                None => return self.err(format!("expected `}}` closing enum `{name}`")),
                _ => return self.err(format!("expected a member of enum `{name}`")),
            };
            let mleading = self.take_leading(attrs);
            let mut value = None;
            if self.eat_punct('=') {
                let mut text = String::new();
                while !self.is_punct(',') && !self.is_punct('}') {
                    match self.bump().map(|t| &t.tok) {
                        None => return self.err(format!("expected `}}` closing enum `{name}`")),
                        Some(Tok::Ident(w) | Tok::Num(w)) => {
                            if text.ends_with(|c: char| c.is_alphanumeric()) {
                                text.push(' ');
                            }
                            text.push_str(w);
                        }
                        Some(Tok::Punct(c)) => text.push(*c),
                        Some(Tok::Str(s)) => text.push_str(s),
                        _ => {}
                    }
                }
                value = Some(EnumValue::Expr(text));
            }
            // `[EnumMember(Value="x")]` is the wire name: record it as the string value.
            if let Some(v) = mleading.attr("EnumMember").and_then(|a| a.named("Value"))
                && value.is_none()
            {
                value = Some(EnumValue::Str(v.text().to_string()));
            }
            members.push(EnumMember {
                name: mname,
                pos: mpos,
                value,
                leading: mleading,
            });
        }
        self.eat_punct(';');
        Ok(EnumDecl {
            name,
            pos,
            members,
            leading,
        })
    }

    /// A C# type: `A.B<C, D>?[]`.
    fn ty(&mut self) -> PResult<TsType> {
        self.enter()?;
        let r = self.ty_inner();
        self.depth -= 1;
        r
    }

    fn ty_inner(&mut self) -> PResult<TsType> {
        if self.is_punct('(') {
            // Tuple type.
            self.skip_group()?;
            return Ok(TsType::Opaque("tuple type"));
        }
        let (mut name, _) = self.ident("a type")?;
        if name == "global" && self.is_punct(':') {
            self.bump();
            self.expect_punct(':')?;
            name = self.ident("a type")?.0;
        }
        while self.is_punct('.') {
            self.bump();
            // Qualified names keep only the last segment: DTO names are unique without namespaces.
            name = self.ident("a type name")?.0;
        }
        let mut args = Vec::new();
        if self.eat_punct('<') {
            loop {
                args.push(self.ty()?);
                if !self.eat_punct(',') {
                    break;
                }
            }
            self.expect_punct('>')?;
        }
        let mut ty = TsType::Named { name, args };
        loop {
            if self.eat_punct('?') {
                ty = TsType::Named {
                    name: "Nullable".into(),
                    args: vec![ty],
                };
            } else if self.is_punct('[') && matches!(self.peek_nth(1), Some(Tok::Punct(']' | ',')))
            {
                self.bump();
                while self.eat_punct(',') {}
                self.expect_punct(']')?;
                ty = TsType::Array(Box::new(ty));
            } else {
                return Ok(ty);
            }
        }
    }
}

/// .NET naming convention: `IReturn`, `IPost`, `IHasSessionId`.
fn looks_like_interface(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next() == Some('I') && chars.next().is_some_and(|c| c.is_ascii_uppercase())
}

/// Text of `///` XML doc lines: `<summary>` content with tags removed.
fn xml_doc(lines: &[String]) -> Option<String> {
    if lines.is_empty() {
        return None;
    }
    let joined = lines.join("\n");
    let text = match (joined.find("<summary>"), joined.find("</summary>")) {
        (Some(a), Some(b)) if b > a => joined[a + "<summary>".len()..b].to_string(),
        _ => joined,
    };
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let lines: Vec<&str> = out
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        None
    } else {
        Some(crate::read::syntax::decode_entities(&lines.join("\n")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"
using System;
using ServiceStack;

namespace Evo.Voice
{
    ///<summary>
    ///Converts the call
    ///</summary>
    [Route("/sessions/{SessionId}/conference/members", "POST")]
    [Api(Description="Converts the call")]
    public partial class AddConferenceMember
        : IReturn<SessionInfo>, IPost
    {
        ///<summary>
        ///The ID of the active session
        ///</summary>
        [ApiMember(Description="The ID of the active session", ParameterType="path")]
        public virtual string SessionId { get; set; }

        public virtual int? Count { get; set; }
        public virtual List<Dictionary<string, NodeParameter>> Maps { get; set; } = new();
        public virtual byte[] Data { get; set; }
        [IgnoreDataMember]
        public virtual string Ignored { get; set; }
        public static string Static { get; set; }
        public AddConferenceMember() { Maps = new List<Dictionary<string, NodeParameter>>(); }
        public string Get() => "x";
    }

    public class SessionInfo : EntityInfo { public SessionDialState DialState { get; set; } }

    [DataContract]
    public class QueryResponse<T> : IHasResponseStatus
    {
        [DataMember(Order=1, Name="results")]
        public virtual List<T> Results { get; set; }
    }

    [Flags]
    public enum EndpointFlags : int
    {
        None = 0,
        CanDial = 1,
        [EnumMember(Value="can-receive")]
        CanReceive = 1 << 1,
        All = CanDial | CanReceive,
    }

    public enum SessionDialState { None, Active }
}
"#;

    #[test]
    fn parses_csharp_dtos() {
        let file = parse(SRC).unwrap();
        assert!(looks_like_csharp(SRC));
        assert_eq!(file.namespaces, ["Evo.Voice"]);
        let Decl::Class(c) = &file.decls[0] else {
            panic!()
        };
        assert_eq!(c.name, "AddConferenceMember");
        assert_eq!(c.leading.doc.as_deref(), Some("Converts the call"));
        assert!(c.leading.attr("Route").is_some());
        assert!(c.extends.is_empty());
        assert_eq!(c.implements.len(), 2);
        let names: Vec<&str> = c.props.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["SessionId", "Count", "Maps", "Data"]);
        assert_eq!(
            c.props[0].leading.doc.as_deref(),
            Some("The ID of the active session")
        );
        assert_eq!(
            c.props[1].ty,
            TsType::Named {
                name: "Nullable".into(),
                args: vec![TsType::Named {
                    name: "int".into(),
                    args: vec![]
                }]
            }
        );
        assert!(matches!(&c.props[3].ty, TsType::Array(_)));
        let Decl::Class(s) = &file.decls[1] else {
            panic!()
        };
        assert_eq!(s.extends.len(), 1);
        let Decl::Class(q) = &file.decls[2] else {
            panic!()
        };
        assert_eq!(q.type_params, ["T"]);
        assert_eq!(q.implements.len(), 1);
        let Decl::Enum(e) = &file.decls[3] else {
            panic!()
        };
        assert!(e.leading.attr("Flags").is_some());
        assert_eq!(e.members[2].value, Some(EnumValue::Expr("1<<1".into())));
        assert!(e.members[2].leading.attr("EnumMember").is_some());
        let Decl::Enum(e) = &file.decls[4] else {
            panic!()
        };
        assert_eq!(e.members.len(), 2);
    }

    /// The real `/types/csharp` capture in `../shared/samples` (skipped when absent).
    #[test]
    fn real_types_csharp() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/samples/types-csharp.cs");
        let Ok(src) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: {} is not available", path.display());
            return;
        };
        use crate::model::{EnumRepr, Primitive, TypeRef};
        let s = read_with_offset(&src, "types-csharp.cs", 0, true).unwrap();
        assert!(s.warnings.is_empty(), "{:?}", s.warnings);
        let op = s.find_operation("AddConferenceMember").unwrap();
        assert_eq!(op.response, Some(TypeRef::named("SessionInfo")));
        assert_eq!(
            op.routes[0].path,
            "/sessions/{sessionId}/conference/members"
        );
        let acm = s.find_type("AddConferenceMember", 0).unwrap();
        assert_eq!(acm.properties[0].wire_name, "sessionId");
        assert_eq!(
            acm.properties[0].description.as_deref(),
            Some("The ID of the active session")
        );
        assert_eq!(
            s.find_type("SessionInfo", 0).unwrap().base,
            Some(TypeRef::named("EntityInfo"))
        );
        assert_eq!(
            s.find_type("NodeParameterMap", 0).unwrap().base,
            Some(TypeRef::map(
                TypeRef::Primitive(Primitive::String),
                TypeRef::named("NodeParameter")
            ))
        );
        let flags = s.find_type("EndpointFlags", 0).unwrap().as_enum().unwrap();
        assert_eq!(flags.repr, EnumRepr::Flags);
        assert_eq!(flags.members.last().unwrap().value, Some(15));
        let ls = s.find_type("ListSessions", 0).unwrap();
        assert_eq!(
            ls.base,
            Some(TypeRef::generic(
                "ListRequest",
                vec![TypeRef::named("SessionInfo")]
            ))
        );
        assert!(s.find_operation("DeleteSession").unwrap().returns_void);
        assert_eq!(s.find_type("ListRequest", 1).unwrap().generic_params, ["T"]);
    }

    #[test]
    fn errors_have_positions() {
        let e = parse("public class A {\n  public int X { get; set; }\n").unwrap_err();
        assert_eq!(e.pos.line, 3);
        let e = parse("public class A {\n  public int { get; set; }\n}").unwrap_err();
        assert_eq!((e.pos.line, e.pos.column), (2, 14));
    }
}
