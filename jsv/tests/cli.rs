//! The `jsv` command-line tool (built with `--features cli`).
#![cfg(feature = "cli")]

use assert_cmd::Command;

fn jsv() -> Command {
    Command::cargo_bin("jsv").expect("the jsv binary is built with --features cli")
}

#[test]
fn fmt_lays_out_compact_input_like_servicestack() {
    jsv()
        .arg("fmt")
        .write_stdin("{Id:1,Tags:[a,b]}\n")
        .assert()
        .success()
        .stdout("{\n\tId: 1,\n\tTags: \n\t[\n\t\ta,\n\t\tb\n\t]\n}\n");
}

#[test]
fn compact_reads_pretty_input() {
    jsv()
        .arg("compact")
        .write_stdin(
            "{\n\tId: 1,\n\tName: Hello World,\n\tTags: \n\t[\n\t\ta,\n\t\t\"b,c\"\n\t]\n}",
        )
        .assert()
        .success()
        .stdout("{Id:1,Name:Hello World,Tags:[a,\"b,c\"]}\n");
}

#[test]
fn json_round_trip() {
    jsv()
        .arg("from-json")
        .write_stdin(r#"{"id":1,"ok":true,"name":"a,b","skip":null,"list":[1.5,2]}"#)
        .assert()
        .success()
        .stdout("{id:1,ok:True,name:\"a,b\",list:[1.5,2]}\n");
    jsv()
        .arg("to-json")
        .write_stdin("{id:1,name:\"a,b\",list:[x,y]}")
        .assert()
        .success()
        .stdout("{\"id\":\"1\",\"name\":\"a,b\",\"list\":[\"x\",\"y\"]}\n");
}

#[test]
fn reads_a_file() {
    let dir = std::env::temp_dir().join(format!("jsv-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("in.jsv");
    std::fs::write(&path, "{A:1}").unwrap();
    jsv()
        .arg("to-json")
        .arg(&path)
        .assert()
        .success()
        .stdout("{\"A\":\"1\"}\n");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_input_reports_line_and_column_with_exit_code_1() {
    let assert = jsv()
        .arg("compact")
        .write_stdin("{\n\tA: 1,\n\tB}")
        .assert()
        .code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("<stdin>:3:3"), "{stderr}");
}

#[test]
fn missing_file_is_exit_code_2() {
    jsv().arg("fmt").arg("/nonexistent/x.jsv").assert().code(2);
}
