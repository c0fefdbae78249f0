//! Any input: reading never panics or hangs, whatever reads as a `Value` writes and reads back the
//! same, and its pretty text written directly is the textual layout of its compact text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde::Deserialize;

#[derive(Deserialize, Debug)]
#[allow(dead_code)]
struct Record {
    id: i64,
    name: Option<String>,
    tags: Vec<Option<String>>,
    ratio: f64,
    flag: bool,
    child: Option<Box<Record>>,
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = jsv::from_str::<Record>(text);
    let _ = jsv::format(text);
    let mut de = jsv::Deserializer::from_str(text).trim_whitespace(true);
    let _ = jsv::Value::deserialize(&mut de);
    if let Ok(value) = jsv::from_str::<jsv::Value>(text) {
        let written = jsv::to_string(&value).expect("a Value always writes");
        let again: jsv::Value = jsv::from_str(&written).expect("written JSV reads back");
        assert_eq!(jsv::to_string(&again).unwrap(), written);
        assert_eq!(
            jsv::to_string_pretty(&value).unwrap(),
            jsv::format(&written)
        );
    }
});
