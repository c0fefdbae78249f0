//! Bad input never panics or hangs: random text and damaged copies of real documents either
//! generate code or return an error.

use proptest::prelude::*;

const RULES: &str = include_str!("fixtures/metadata/rules.json");
const EVOVOICE: &str = include_str!("../../schemas/evovoice/types-metadata.json");

fn generate(text: &str) {
    // Ok or Err are both fine; a panic fails the test.
    let _ = dto_codegen::generate_to_string("fuzz.json", text);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_text(text in ".{0,200}") {
        generate(&text);
    }

    #[test]
    fn truncated_documents(cut in 0usize..RULES.len()) {
        let cut = (0..=cut).rev().find(|&i| RULES.is_char_boundary(i)).unwrap_or(0);
        generate(&RULES[..cut]);
    }

    #[test]
    fn damaged_documents(pos in 0usize..EVOVOICE.len(), with in "[\\[\\]{}\":,0-9a-zA-Z`<> ]{1,3}") {
        let mut text = EVOVOICE.to_string();
        if text.is_char_boundary(pos) && text.is_char_boundary((pos + 1).min(text.len())) {
            text.replace_range(pos..(pos + 1).min(text.len()), &with);
        }
        generate(&text);
    }

    #[test]
    fn odd_names_always_give_valid_rust(name in "[A-Za-z_0-9@\\-\\. äß`<>]{1,12}", wire in "[a-z@\\- ]{1,8}") {
        let json = format!(
            r#"{{"types":[{{"name":{name:?},"properties":[{{"name":{name:?},"type":"String"}},
               {{"name":"X","type":"String","dataMember":{{"name":{wire:?}}}}}]}},
               {{"name":"E","isEnum":true,"enumNames":[{name:?},{wire:?}]}}],
              "operations":[{{"request":{{"name":"R","properties":[{{"name":{name:?},"type":{name:?}}}]}},
               "routes":[{{"path":"/r/{{{name}}}"}}]}}]}}"#
        );
        if let Ok(generated) = dto_codegen::generate_to_string("names.json", &json) {
            prop_assert!(syn::parse_file(&generated.code).is_ok(), "{}", generated.code);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Free text from the service lands in doc comments, string literals and routes: whatever
    /// it holds (quotes, backslashes, control characters, any script), the code parses.
    #[test]
    fn any_text_gives_valid_rust(text in any::<String>()) {
        let json = serde_json::json!({
            "types": [
                { "name": "E", "isEnum": true, "enumNames": ["A", "B"], "enumMemberValues": [text, "b"],
                  "enumDescriptions": [text, ""] },
                { "name": "T", "description": text,
                  "properties": [{ "name": "X", "type": "String", "description": text,
                                   "dataMember": { "name": text } }] }
            ],
            "operations": [{
                "request": { "name": "R", "description": text, "properties": [
                    { "name": "Id", "type": "String", "description": format!("{text}\n{text}"),
                      "attributes": [{ "name": "ApiMember", "args": [
                        { "name": "DataType", "type": "String", "value": text }] }] }] },
                "routes": [{ "path": format!("/r/{{Id}}/{text}"), "verbs": "GET" }],
            }]
        })
        .to_string();
        if let Ok(generated) = dto_codegen::generate_to_string("text.json", &json) {
            let file = syn::parse_file(&generated.code);
            prop_assert!(file.is_ok(), "{:?}\n{}", file.err(), generated.code);
        }
    }
}
