//! Any input read as MetadataJson (`types.json`): reading and emitting never panic or hang, and whatever is
//! generated is valid Rust (`syn` parses it).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let generated = dto_codegen::Config::new()
        .input_text("types.json", text)
        .format(dto_codegen::Format::MetadataJson)
        .generate_string();
    if let Ok(generated) = generated {
        if let Err(error) = syn::parse_file(&generated.code) {
            panic!("generated code is not valid Rust: {error}\n{}", generated.code);
        }
    }
});
