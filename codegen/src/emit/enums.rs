//! Enums: string enums as Rust enums deriving `dto::Enum` with a catch-all variant; integer
//! and `[Flags]` enums as integer newtypes with one constant per member.

use super::*;

impl Emitter<'_> {
    pub(super) fn enum_item(&mut self, index: usize, e: &EnumDef, code: &mut Code) {
        let def = Arc::clone(&self.types[index]);
        let name = self.ident_for(&def.name, def.arity());
        let docs = doc_attrs(&type_doc(&def));
        let allow = allow_attr(&name);
        match e.repr {
            EnumRepr::String => {
                let mut variants = Code::nested();
                let mut set = NameSet::default();
                let mut wires = HashSet::new();
                for m in &e.members {
                    if !wires.insert(m.wire().to_string()) {
                        self.warn(
                            def.location.clone(),
                            format!(
                                "enum {}: member `{}` repeats wire value `{}`; skipped",
                                def.name,
                                m.name,
                                m.wire()
                            ),
                        );
                        continue;
                    }
                    let first = variants.is_empty();
                    let vname = set.unique(names::variant_name(&m.name));
                    variants.docs(&doc_attrs(m.description.as_deref().unwrap_or("")));
                    if first {
                        variants.line("#[default]");
                    }
                    if names::unraw(&vname) != m.wire() {
                        variants.attr(Doc::args(
                            "dto(",
                            vec![format!("rename = {}", lit(m.wire())).into()],
                        ));
                    }
                    variants.line(format!("{vname},"));
                }
                // Values a newer service adds are kept as sent, not an error.
                let other = set.unique("Unknown".to_string());
                let allow = if set.any_underscore() {
                    Some("#[allow(non_camel_case_types)]")
                } else {
                    allow
                };
                code.docs(&docs);
                code.raw_attrs(allow);
                if variants.is_empty() {
                    self.warn(
                        def.location.clone(),
                        format!(
                            "enum {} has no members; generated as a String alias",
                            def.name
                        ),
                    );
                    code.line(format!("pub type {name} = ::std::string::String;"));
                    return;
                }
                code.raw_attrs(self.type_attrs(&def.name));
                code.line("#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]");
                code.line("#[derive(::dto::Enum, ::dto::Type)]");
                if names::unraw(&name) != def.name {
                    code.attr(Doc::args(
                        "dto(",
                        vec![format!("rename = {}", lit(&def.name)).into()],
                    ));
                }
                code.open(format!("pub enum {name}"));
                code.append(variants);
                code.docs(&doc_attrs_raw(
                    "A value these DTOs do not know (a newer service's), kept as sent.",
                ));
                code.line("#[dto(other)]");
                code.line(format!("{other}(::std::string::String),"));
                code.close();
            }
            EnumRepr::Int | EnumRepr::Flags => {
                let mut next = 0i64;
                let mut values = Vec::new();
                for m in &e.members {
                    let v = m.value.unwrap_or(next);
                    next = v.wrapping_add(1);
                    values.push(v);
                }
                let wide = values.iter().any(|v| i32::try_from(*v).is_err());
                let repr = if wide { "i64" } else { "i32" };
                let mut set = NameSet::default();
                let mut consts = Code::nested();
                for (m, v) in e.members.iter().zip(&values) {
                    let cname = set.unique(names::const_name(&m.name));
                    let mut cdocs = doc_attrs_raw(&format!("`{}` = {v}", m.name));
                    if let Some(d) = &m.description {
                        cdocs.push(String::new());
                        cdocs.extend(doc_attrs(d));
                    }
                    consts.docs(&cdocs);
                    consts.line(format!("pub const {cname}: Self = Self({v});"));
                }
                let what = if e.repr == EnumRepr::Flags {
                    "A `[Flags]` enum: an integer on the wire; combine members with `|`."
                } else {
                    "An integer enum: written as its number on the wire."
                };
                let mut all_docs = docs;
                if !all_docs.is_empty() {
                    all_docs.push(String::new());
                }
                all_docs.extend(doc_attrs_raw(what));
                let flags = e.repr == EnumRepr::Flags;
                // Read by number or by name (ServiceStack writes nullable flags as names).
                let names = e
                    .members
                    .iter()
                    .zip(&values)
                    .map(|(m, v)| format!("{} = {v}", lit(&m.name)).into())
                    .collect();
                let mut dto_args = vec![Doc::args("names(", names)];
                if flags {
                    dto_args.push("flags".into());
                }
                code.docs(&all_docs);
                code.raw_attrs(allow);
                code.raw_attrs(self.type_attrs(&def.name));
                code.line("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]");
                code.line(format!(
                    "#[derive(::serde::Serialize, ::dto::IntEnum, ::dto::Type{})]",
                    if flags { ", ::dto::Flags" } else { "" }
                ));
                code.line("#[serde(transparent)]");
                code.attr(Doc::args("dto(", dto_args));
                code.line(format!("pub struct {name}(pub {repr});"));
                code.blank();
                if consts.is_empty() {
                    code.line(format!("impl {name} {{}}"));
                } else {
                    code.open(format!("impl {name}"));
                    code.append(consts);
                    code.close();
                }
            }
        }
    }
}
