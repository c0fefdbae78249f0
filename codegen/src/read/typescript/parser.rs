//! Recursive-descent parser from TypeScript tokens to a small DTO-oriented syntax tree.
//!
//! Only the declarations ServiceStack emits are modelled (classes, interfaces, enums, type
//! aliases, modules); everything else (functions, imports, `export const`, getters, methods)
//! is skipped as a balanced token run and reported as a warning, so a customised file never
//! makes the reader fail or panic.

use crate::read::decl::{
    AliasDecl, ClassDecl, Decl, EnumDecl, EnumMember, EnumValue, OptionsHeader, Prop, TsFile,
    TsType,
};
use crate::read::syntax::comments::{self, Leading};
use crate::read::syntax::cursor::{Cursor, PResult, ParseError, is_comment};
use crate::read::syntax::lexer::{Pos, Tok, Token, end_pos};

pub(crate) struct Parser<'t> {
    toks: &'t [Token],
    i: usize,
    /// Comments collected since the last significant token.
    pending: Vec<&'t Token>,
    end: Pos,
    depth: usize,
    pub(crate) warnings: Vec<(Pos, String)>,
}

impl<'t> Cursor<'t> for Parser<'t> {
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

    /// Moves past comments, remembering them (except comments that trail code on the same line).
    fn skip_comments(&mut self) {
        while let Some(t) = self.toks.get(self.i) {
            if !is_comment(t) {
                break;
            }
            // A comment on the same line as previous code belongs to that code, not to what follows.
            let trailing = !t.newline_before && self.i > 0;
            if !trailing {
                self.pending.push(t);
            }
            self.i += 1;
        }
    }
}

impl<'t> Parser<'t> {
    pub(crate) fn new(toks: &'t [Token], end: Pos) -> Self {
        Parser {
            toks,
            i: 0,
            pending: Vec::new(),
            end,
            depth: 0,
            warnings: Vec::new(),
        }
    }

    fn take_leading(&mut self) -> Leading {
        self.skip_comments();
        let pending = std::mem::take(&mut self.pending);
        let (leading, warnings) = comments::parse_leading(pending.iter().copied());
        self.warnings.extend(warnings);
        leading
    }

    /// Drops pending comments that lie inside tokens already consumed (a skipped method body
    /// or statement), so `// @Attr` lines there never attach to the next declaration.
    fn forget_comments_inside(&mut self) {
        let last = self.toks[..self.i]
            .iter()
            .rev()
            .find(|t| !is_comment(t))
            .map(|t| t.pos);
        if let Some(last) = last {
            self.pending.retain(|t| t.pos > last);
        }
    }

    // ---------------------------------------------------------------- file level

    pub(crate) fn parse_file(mut self) -> PResult<TsFile> {
        let mut file = TsFile::default();
        // The options header is the first block comment saying `Options:`.
        self.skip_comments();
        if let Some(pos) = self.pending.iter().position(
            |t| matches!(&t.tok, Tok::BlockComment(c) if c.trim_start().starts_with("Options:")),
        ) {
            if let Tok::BlockComment(c) = &self.pending[pos].tok {
                file.header = Some(parse_header(c));
            }
            self.pending.drain(..=pos);
        }
        self.parse_items(&mut file, false)?;
        file.warnings.append(&mut self.warnings);
        Ok(file)
    }

    /// Items until end of input (or the `}` closing a module when `nested`).
    fn parse_items(&mut self, file: &mut TsFile, nested: bool) -> PResult<()> {
        loop {
            match self.peek() {
                None if nested => return self.err("expected `}` closing the module"),
                None => return Ok(()),
                Some(Tok::Punct('}')) if nested => {
                    self.bump();
                    self.pending.clear();
                    return Ok(());
                }
                Some(Tok::Punct(';')) => {
                    self.bump();
                    self.pending.clear();
                }
                _ => self.parse_item(file)?,
            }
        }
    }

    fn parse_item(&mut self, file: &mut TsFile) -> PResult<()> {
        let leading = self.take_leading();
        // After the comments, so skipping always consumes at least the first token.
        let start = self.i;
        let start_pos = self.pos();
        // Modifiers in any order; none of them changes what a DTO means.
        let mut is_abstract = false;
        loop {
            match self.peek() {
                Some(Tok::Ident(w)) if w == "export" || w == "declare" || w == "default" => {
                    self.bump();
                }
                Some(Tok::Ident(w)) if w == "abstract" => {
                    is_abstract = true;
                    self.bump();
                }
                Some(Tok::Ident(w))
                    if w == "const"
                        && matches!(self.peek_nth(1), Some(Tok::Ident(n)) if n == "enum") =>
                {
                    self.bump();
                }
                _ => break,
            }
        }
        let word = match self.peek() {
            Some(Tok::Ident(w)) => w.clone(),
            _ => String::new(),
        };
        match word.as_str() {
            "class" | "interface" => {
                self.bump();
                let mut c = self.parse_class(word == "interface", leading)?;
                c.is_abstract = is_abstract;
                file.decls.push(Decl::Class(c));
            }
            "enum" => {
                self.bump();
                let e = self.parse_enum(leading)?;
                file.decls.push(Decl::Enum(e));
            }
            "type" if matches!(self.peek_nth(1), Some(Tok::Ident(_))) => {
                self.bump();
                match self.parse_alias(leading) {
                    Ok(a) => file.decls.push(Decl::Alias(a)),
                    // A hand-written alias no DTO can be (a function type, a conditional or
                    // mapped type) beside generated DTOs: skipped, not fatal.
                    Err(e) => {
                        self.i = start;
                        self.skip_statement(start);
                        self.forget_comments_inside();
                        let what = describe_construct(&self.toks[start..self.i]);
                        self.warnings.push((
                            start_pos,
                            format!(
                                "skipped type alias that is not a DTO type ({}): {what}",
                                e.message
                            ),
                        ));
                    }
                }
            }
            "module" | "namespace"
                if matches!(self.peek_nth(1), Some(Tok::Ident(_) | Tok::Str(_))) =>
            {
                self.bump();
                let mut name = String::new();
                // `module A.B.C {` and `declare module "name" {`.
                loop {
                    match self.bump().map(|t| &t.tok) {
                        Some(Tok::Ident(w)) | Some(Tok::Str(w)) => name.push_str(w),
                        _ => return self.err("expected a module name"),
                    }
                    if self.eat_punct('.') {
                        name.push('.');
                    } else {
                        break;
                    }
                }
                if self.eat_punct('{') {
                    file.namespaces.push(name);
                    self.enter()?;
                    self.parse_items(file, true)?;
                    self.leave();
                } else {
                    self.eat_punct(';');
                }
            }
            _ => {
                self.skip_statement(start);
                self.forget_comments_inside();
                let what = describe_construct(&self.toks[start..self.i]);
                self.warnings
                    .push((start_pos, format!("skipped unsupported construct: {what}")));
            }
        }
        Ok(())
    }

    /// Skips one unknown statement: balanced tokens up to a `;` or the end of a top-level
    /// `{ }` block, or up to the next line that starts a declaration.
    fn skip_statement(&mut self, start: usize) {
        let mut depth = 0usize;
        loop {
            let Some(t) = self.peek_tok() else { return };
            if depth == 0 && self.i > start && t.newline_before && starts_item(&t.tok) {
                return;
            }
            self.bump();
            match t.tok {
                Tok::Punct('{' | '(' | '[') => depth += 1,
                Tok::Punct('}' | ')' | ']') => {
                    if depth == 0 {
                        // A stray closer: consume it and stop so parsing can resynchronise.
                        return;
                    }
                    depth -= 1;
                    if depth == 0 && t.tok == Tok::Punct('}') {
                        let next = self.peek_tok();
                        if next.is_none_or(|n| n.newline_before || n.tok == Tok::Punct(';')) {
                            self.eat_punct(';');
                            return;
                        }
                    }
                }
                Tok::Punct(';') if depth == 0 => return,
                _ => {}
            }
        }
    }

    /// Skips a balanced group that starts at the current opener.
    fn skip_group(&mut self) -> PResult<()> {
        let open_pos = self.pos();
        let mut stack = Vec::new();
        loop {
            let Some(t) = self.bump() else {
                return Err(ParseError {
                    pos: open_pos,
                    message: "unbalanced brackets: this group is never closed".into(),
                });
            };
            match t.tok {
                Tok::Punct(c @ ('{' | '(' | '[')) => stack.push(c),
                Tok::Punct(c @ ('}' | ')' | ']')) => {
                    let open = match c {
                        '}' => '{',
                        ')' => '(',
                        _ => '[',
                    };
                    if stack.pop() != Some(open) {
                        return Err(ParseError {
                            pos: t.pos,
                            message: format!("unbalanced `{c}`"),
                        });
                    }
                    if stack.is_empty() {
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
    }

    fn type_params(&mut self) -> PResult<Vec<String>> {
        let mut params = Vec::new();
        if !self.eat_punct('<') {
            return Ok(params);
        }
        loop {
            // Prettier leaves a trailing comma in multi-line parameter lists.
            if self.eat_punct('>') && !params.is_empty() {
                return Ok(params);
            }
            let (name, _) = self.ident("a type parameter name")?;
            params.push(name);
            if self.eat_ident("extends") {
                self.parse_type()?;
            }
            if self.eat_punct('=') {
                self.parse_type()?;
            }
            if self.eat_punct(',') {
                continue;
            }
            self.expect_punct('>')?;
            return Ok(params);
        }
    }

    fn type_list(&mut self) -> PResult<Vec<TsType>> {
        let mut list = vec![self.parse_type()?];
        while self.eat_punct(',') {
            list.push(self.parse_type()?);
        }
        Ok(list)
    }

    // ---------------------------------------------------------------- classes

    fn parse_class(&mut self, is_interface: bool, leading: Leading) -> PResult<ClassDecl> {
        let (name, pos) = self.ident("a class name")?;
        let type_params = self.type_params()?;
        let mut extends = Vec::new();
        let mut implements = Vec::new();
        loop {
            if self.eat_ident("extends") {
                extends.extend(self.type_list()?);
            } else if self.eat_ident("implements") {
                implements.extend(self.type_list()?);
            } else {
                break;
            }
        }
        self.pending.clear();
        self.expect_punct('{')?;
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
        self.parse_members(&mut class)?;
        Ok(class)
    }

    fn parse_members(&mut self, class: &mut ClassDecl) -> PResult<()> {
        loop {
            match self.peek() {
                None => return self.err(format!("expected `}}` closing `{}`", class.name)),
                Some(Tok::Punct('}')) => {
                    self.bump();
                    self.pending.clear();
                    return Ok(());
                }
                Some(Tok::Punct(';' | ',')) => {
                    self.bump();
                }
                _ => self.parse_member(class)?,
            }
        }
    }

    fn parse_member(&mut self, class: &mut ClassDecl) -> PResult<()> {
        let leading = self.take_leading();
        let start_pos = self.pos();
        let mut is_static = false;
        let mut redeclared = false;
        // Modifiers, unless the word is itself the member name (`public static: string`).
        while let Some(Tok::Ident(w)) = self.peek() {
            let modifier = matches!(
                w.as_str(),
                "public"
                    | "private"
                    | "protected"
                    | "readonly"
                    | "static"
                    | "declare"
                    | "abstract"
                    | "override"
                    | "async"
                    | "get"
                    | "set"
            );
            let next_is_name = matches!(
                self.peek_nth(1),
                Some(Tok::Ident(_) | Tok::Str(_) | Tok::Num(_) | Tok::Punct('['))
            );
            if !(modifier && next_is_name) {
                break;
            }
            match w.as_str() {
                "static" => is_static = true,
                "declare" => redeclared = true,
                "get" | "set" => {
                    // Accessors compute values; they are not wire members.
                    self.bump();
                    self.skip_method(start_pos, "accessor")?;
                    self.forget_comments_inside();
                    return Ok(());
                }
                _ => {}
            }
            self.bump();
        }

        if self.is_punct('[') {
            // `[key: string]: V;` index signature (or a computed member we skip).
            let is_index = matches!(self.peek_nth(1), Some(Tok::Ident(_)))
                && self.peek_nth(2) == Some(&Tok::Punct(':'));
            if !is_index {
                self.skip_group()?;
                self.skip_member_rest(start_pos, "computed member")?;
                self.forget_comments_inside();
                return Ok(());
            }
            self.bump();
            self.bump();
            self.bump();
            let key = self.parse_type()?;
            self.expect_punct(']')?;
            self.eat_punct('?');
            self.expect_punct(':')?;
            let value = self.parse_type()?;
            self.end_member();
            if class.index.is_some() {
                self.warnings.push((
                    start_pos,
                    format!(
                        "`{}` has more than one index signature; the first one is used",
                        class.name
                    ),
                ));
            } else {
                class.index = Some((key, value));
            }
            return Ok(());
        }

        if self.is_punct('(') || self.is_punct('<') {
            // Call signature `(x: T): U;` in an interface: not data.
            self.skip_method(start_pos, "call signature")?;
            self.forget_comments_inside();
            return Ok(());
        }
        let name = match self.peek() {
            Some(Tok::Ident(w) | Tok::Str(w) | Tok::Num(w)) => w.clone(),
            _ => return self.err(format!("expected a member of `{}`", class.name)),
        };
        self.bump();
        let optional = self.eat_punct('?');
        self.eat_punct('!');
        if self.is_punct('(') || self.is_punct('<') {
            let body_start = self.i;
            self.skip_method(start_pos, "method")?;
            if name == "getMethod" {
                class.method = self.toks[body_start..self.i]
                    .iter()
                    .find_map(|t| match &t.tok {
                        Tok::Str(s) if !s.is_empty() => Some(s.to_ascii_uppercase()),
                        _ => None,
                    });
            }
            self.forget_comments_inside();
            return Ok(());
        }
        let ty = if self.eat_punct(':') {
            self.parse_type()?
        } else {
            if !is_static {
                self.warnings.push((
                    start_pos,
                    format!(
                        "`{}.{name}` has no type annotation; treated as any",
                        class.name
                    ),
                ));
            }
            TsType::Named {
                name: "any".into(),
                args: vec![],
            }
        };
        if self.eat_punct('=') {
            self.skip_expression()?;
        }
        self.end_member();
        self.forget_comments_inside();
        if is_static {
            // Static members are not instance data and never go over the wire.
            return Ok(());
        }
        class.props.push(Prop {
            name,
            pos: start_pos,
            optional,
            ty,
            leading,
            redeclared,
        });
        Ok(())
    }

    /// After a member: `;` or `,`, or nothing when the next token is on a new line or `}`.
    fn end_member(&mut self) {
        if !self.eat_punct(';') {
            self.eat_punct(',');
        }
    }

    fn skip_method(&mut self, start_pos: Pos, what: &str) -> PResult<()> {
        // Name (for accessors), generic params, parameter list, return type, body.
        if matches!(self.peek(), Some(Tok::Ident(_) | Tok::Str(_))) {
            self.bump();
        }
        if self.is_punct('<') {
            self.type_params()?;
        }
        if !self.is_punct('(') {
            return self.err(format!("expected `(` in {what}"));
        }
        self.skip_group()?;
        self.skip_member_rest(start_pos, what)
    }

    fn skip_member_rest(&mut self, _start_pos: Pos, _what: &str) -> PResult<()> {
        if self.eat_punct(':') {
            self.parse_type()?;
        }
        if self.is_punct('{') {
            self.skip_group()?;
        } else if self.eat_punct('=') {
            self.skip_expression()?;
        }
        self.end_member();
        Ok(())
    }

    /// Skips an initializer expression up to `;`, `,` or `}` at depth 0, or a new line that
    /// starts another member.
    fn skip_expression(&mut self) -> PResult<()> {
        let first = self.i;
        loop {
            let Some(t) = self.peek_tok() else {
                return Ok(());
            };
            match t.tok {
                Tok::Punct(';' | ',' | '}') => return Ok(()),
                Tok::Punct('{' | '(' | '[') => self.skip_group()?,
                _ if t.newline_before && self.i > first && !matches!(t.tok, Tok::Punct(_)) => {
                    return Ok(());
                }
                _ => {
                    self.bump();
                }
            }
        }
    }

    // ---------------------------------------------------------------- enums and aliases

    fn parse_enum(&mut self, leading: Leading) -> PResult<EnumDecl> {
        let (name, pos) = self.ident("an enum name")?;
        self.pending.clear();
        self.expect_punct('{')?;
        let mut members = Vec::new();
        loop {
            let member_leading = self.take_leading();
            let mpos = self.pos();
            let mname = match self.peek() {
                Some(Tok::Punct('}')) => {
                    self.bump();
                    break;
                }
                Some(Tok::Punct(',')) => {
                    self.bump();
                    continue;
                }
                Some(Tok::Ident(w) | Tok::Str(w)) => w.clone(),
                None => return self.err(format!("expected `}}` closing enum `{name}`")),
                _ => return self.err(format!("expected a member of enum `{name}`")),
            };
            self.bump();
            let value = if self.eat_punct('=') {
                Some(self.enum_value()?)
            } else {
                None
            };
            members.push(EnumMember {
                name: mname,
                pos: mpos,
                value,
                leading: member_leading,
            });
            if !self.eat_punct(',') && !self.is_punct('}') {
                return self.err(format!("expected `,` or `}}` in enum `{name}`"));
            }
        }
        self.pending.clear();
        Ok(EnumDecl {
            name,
            pos,
            members,
            leading,
        })
    }

    fn enum_value(&mut self) -> PResult<EnumValue> {
        if let Some(Tok::Str(s)) = self.peek() {
            let s = s.clone();
            self.bump();
            if !self.is_punct(',') && !self.is_punct('}') {
                return self.err("expected `,` or `}` after an enum value");
            }
            return Ok(EnumValue::Str(s));
        }
        let mut text = String::new();
        loop {
            match self.peek() {
                Some(Tok::Punct(',' | '}')) | None => break,
                Some(t) => {
                    let piece = match t {
                        Tok::Ident(w) | Tok::Num(w) => w.clone(),
                        Tok::Str(s) => format!("{s:?}"),
                        Tok::Punct(c) => c.to_string(),
                        _ => String::new(),
                    };
                    // Space only between two words (`1 << 3` becomes `1<<3`, `- 1` becomes `-1`).
                    if text.ends_with(|c: char| c.is_alphanumeric() || c == '_')
                        && piece.starts_with(|c: char| c.is_alphanumeric() || c == '_')
                    {
                        text.push(' ');
                    }
                    text.push_str(&piece);
                    self.bump();
                }
            }
        }
        if text.is_empty() {
            return self.err("expected an enum value");
        }
        Ok(EnumValue::Expr(text))
    }

    fn parse_alias(&mut self, leading: Leading) -> PResult<AliasDecl> {
        let (name, pos) = self.ident("a type alias name")?;
        let type_params = self.type_params()?;
        self.expect_punct('=')?;
        let ty = self.parse_type()?;
        self.eat_punct(';');
        self.pending.clear();
        Ok(AliasDecl {
            name,
            pos,
            type_params,
            ty,
            leading,
        })
    }

    // ---------------------------------------------------------------- types

    pub(crate) fn parse_type(&mut self) -> PResult<TsType> {
        self.enter()?;
        let r = self.parse_union();
        self.leave();
        r
    }

    fn parse_union(&mut self) -> PResult<TsType> {
        self.eat_punct('|');
        let mut parts = vec![self.parse_intersection()?];
        while self.eat_punct('|') {
            parts.push(self.parse_intersection()?);
        }
        // Conditional types (`A extends B ? C : D`) have no DTO meaning.
        if self.is_ident("extends") {
            self.bump();
            self.parse_type()?;
            self.expect_punct('?')?;
            self.parse_type()?;
            self.expect_punct(':')?;
            self.parse_type()?;
            return Ok(TsType::Opaque("conditional type"));
        }
        Ok(if parts.len() == 1 {
            parts.pop().unwrap_or(TsType::Opaque("empty union"))
        } else {
            TsType::Union(parts)
        })
    }

    fn parse_intersection(&mut self) -> PResult<TsType> {
        self.eat_punct('&');
        let first = self.parse_postfix()?;
        if !self.is_punct('&') {
            return Ok(first);
        }
        while self.eat_punct('&') {
            self.parse_postfix()?;
        }
        Ok(TsType::Opaque("intersection type"))
    }

    fn parse_postfix(&mut self) -> PResult<TsType> {
        let mut ty = self.parse_primary()?;
        // `[` on a new line would be a new member; in a type it always follows directly.
        while self.is_punct('[') && !self.peek_tok().is_some_and(|t| t.newline_before) {
            self.bump();
            if self.eat_punct(']') {
                ty = TsType::Array(Box::new(ty));
            } else {
                self.parse_type()?;
                self.expect_punct(']')?;
                ty = TsType::Opaque("indexed access type");
            }
        }
        Ok(ty)
    }

    fn parse_primary(&mut self) -> PResult<TsType> {
        let Some(tok) = self.peek() else {
            return self.err("expected a type");
        };
        match tok {
            Tok::Str(s) => {
                let s = s.clone();
                self.bump();
                Ok(TsType::StrLit(s))
            }
            Tok::Num(n) => {
                let n = n.clone();
                self.bump();
                Ok(TsType::NumLit(n))
            }
            Tok::Punct('-') if matches!(self.peek_nth(1), Some(Tok::Num(_))) => {
                self.bump();
                let Some(Tok::Num(n)) = self.bump().map(|t| &t.tok) else {
                    return self.err("expected a number");
                };
                Ok(TsType::NumLit(format!("-{n}")))
            }
            Tok::Punct('{') => self.parse_object_type(),
            Tok::Punct('[') => {
                self.bump();
                while !self.eat_punct(']') {
                    self.eat_punct('.');
                    self.eat_punct('.');
                    self.eat_punct('.');
                    self.parse_type()?;
                    self.eat_punct('?');
                    if !self.eat_punct(',') && !self.is_punct(']') {
                        return self.err("expected `,` or `]` in a tuple type");
                    }
                }
                Ok(TsType::Opaque("tuple type"))
            }
            Tok::Punct('(') => {
                if self.paren_is_function() {
                    self.skip_group()?;
                    self.expect_punct('=')?;
                    self.expect_punct('>')?;
                    self.parse_type()?;
                    return Ok(TsType::Opaque("function type"));
                }
                self.bump();
                let inner = self.parse_type()?;
                self.expect_punct(')')?;
                Ok(inner)
            }
            Tok::Ident(w) if w == "new" => {
                self.bump();
                self.type_params()?;
                self.skip_group()?;
                self.expect_punct('=')?;
                self.expect_punct('>')?;
                self.parse_type()?;
                Ok(TsType::Opaque("constructor type"))
            }
            Tok::Ident(w) if w == "typeof" || w == "keyof" || w == "readonly" || w == "unique" => {
                let w = w.clone();
                self.bump();
                let inner = self.parse_postfix()?;
                Ok(match w.as_str() {
                    // `readonly T[]` is still an array of T.
                    "readonly" => inner,
                    "keyof" => TsType::Named {
                        name: "string".into(),
                        args: vec![],
                    },
                    _ => TsType::Opaque("typeof type"),
                })
            }
            Tok::Ident(_) => {
                let (mut name, _) = self.ident("a type name")?;
                while self.is_punct('.') && matches!(self.peek_nth(1), Some(Tok::Ident(_))) {
                    self.bump();
                    let (part, _) = self.ident("a type name")?;
                    name.push('.');
                    name.push_str(&part);
                }
                let mut args = Vec::new();
                if self.eat_punct('<') {
                    args = self.type_list()?;
                    self.expect_punct('>')?;
                }
                Ok(TsType::Named { name, args })
            }
            _ => self.err("expected a type"),
        }
    }

    /// Looks past a balanced `( ... )` for `=>`.
    fn paren_is_function(&mut self) -> bool {
        self.skip_comments();
        let mut depth = 0usize;
        let mut j = self.i;
        while let Some(t) = self.toks.get(j) {
            match t.tok {
                Tok::Punct('(') => depth += 1,
                Tok::Punct(')') => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        let rest: Vec<&Tok> = self.toks[j + 1..]
                            .iter()
                            .filter(|t| !is_comment(t))
                            .take(2)
                            .map(|t| &t.tok)
                            .collect();
                        return rest == [&Tok::Punct('='), &Tok::Punct('>')];
                    }
                }
                _ => {}
            }
            j += 1;
        }
        false
    }

    /// `{ [index: string]: T; }` is a map; other object literal types are opaque.
    fn parse_object_type(&mut self) -> PResult<TsType> {
        let open = self.pos();
        self.expect_punct('{')?;
        let is_index = self.is_punct('[')
            && matches!(self.peek_nth(1), Some(Tok::Ident(_)))
            && self.peek_nth(2) == Some(&Tok::Punct(':'));
        if is_index {
            self.bump();
            self.bump();
            self.bump();
            let key = self.parse_type()?;
            self.expect_punct(']')?;
            self.expect_punct(':')?;
            let value = self.parse_type()?;
            self.eat_punct(';');
            self.eat_punct(',');
            if self.eat_punct('}') {
                return Ok(TsType::Map {
                    key: Box::new(key),
                    value: Box::new(value),
                });
            }
        }
        // Any other object literal type: skip its members.
        let mut depth = 1usize;
        loop {
            let Some(t) = self.bump() else {
                return Err(ParseError {
                    pos: open,
                    message: "unterminated object type: `{` is never closed".into(),
                });
            };
            match t.tok {
                Tok::Punct('{') => depth += 1,
                Tok::Punct('}') => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(TsType::Opaque("object literal type"));
                    }
                }
                _ => {}
            }
        }
    }
}

fn starts_item(t: &Tok) -> bool {
    matches!(t, Tok::Ident(w) if matches!(w.as_str(),
        "export" | "declare" | "class" | "interface" | "enum" | "type" | "import"
        | "function" | "namespace" | "module" | "abstract" | "const" | "let" | "var"))
}

fn describe_construct(toks: &[Token]) -> String {
    let words: Vec<String> = toks
        .iter()
        .filter(|t| !is_comment(t))
        .take(3)
        .map(|t| match &t.tok {
            Tok::Ident(w) | Tok::Num(w) => w.clone(),
            Tok::Str(s) => format!("{s:?}"),
            Tok::Punct(c) => c.to_string(),
            _ => String::new(),
        })
        .collect();
    if words.is_empty() {
        "empty statement".into()
    } else {
        format!("`{} ...`", words.join(" "))
    }
}

/// Parses the options header body (`Key: value` lines, `//Key: value` when not requested).
pub(crate) fn parse_header(text: &str) -> OptionsHeader {
    let mut entries = Vec::new();
    for line in text.lines().skip(1) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (commented, rest) = match line.strip_prefix("//") {
            Some(r) => (true, r.trim_start()),
            None => (false, line),
        };
        if let Some((k, v)) = rest.split_once(':') {
            entries.push((k.trim().to_string(), v.trim().to_string(), commented));
        }
    }
    OptionsHeader { entries }
}

/// Tokenizes and parses a whole TypeScript file.
pub(crate) fn parse(src: &str) -> PResult<TsFile> {
    let toks =
        crate::read::syntax::lexer::tokenize(src, crate::read::syntax::lexer::Lang::TypeScript)?;
    let end = end_pos(src);
    Parser::new(&toks, end).parse_file()
}
