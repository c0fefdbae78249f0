//! The host against raw HTTP: each case is one of `../shared/spec/server.md`'s measurements of a
//! real ServiceStack 5 server, replayed on the same kind of DTOs.

mod common;

use axum::http::StatusCode;
use common::Server;
use dto::{Dto, IndexMap};
use dto_server::{Caller, Host, HttpError};
use pretty_assertions::assert_eq;
use serde::{Deserialize, Serialize};
use serde_json::json;

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, dto::Type)]
enum Color {
    #[default]
    Red,
    Green,
    Blue,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, dto::Type)]
#[serde(rename_all = "camelCase", default)]
struct Inner {
    #[serde(skip_serializing_if = "Option::is_none")]
    a: Option<String>,
    b: i32,
}

/// ServiceStack's probe DTO: every kind of member, echoed back.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Dto, dto::Type)]
#[serde(rename_all = "camelCase", default)]
#[route("/bind/{Id}", "GET,POST,PUT")]
#[route("/bind", "GET,POST,PUT")]
#[returns(Bind)]
struct Bind {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    count: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    maybe_count: Option<i32>,
    flag: bool,
    color: Color,
    #[serde(skip_serializing_if = "Option::is_none")]
    tags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    nums: Option<Vec<i32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    inner: Option<Inner>,
    #[serde(skip_serializing_if = "Option::is_none")]
    inners: Option<Vec<Inner>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    map: Option<IndexMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ratio: Option<f64>,
}

#[derive(Debug, Default, Serialize, Deserialize, Dto, dto::Type)]
#[serde(rename_all = "camelCase", default)]
#[route("/files/{Path*}", "GET")]
#[returns(Bind)]
struct GetFile {
    path: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize, Dto, dto::Type)]
#[serde(rename_all = "camelCase", default)]
#[route("/items/special")]
#[returns(Bind)]
struct GetSpecial {}

#[derive(Debug, Default, Serialize, Deserialize, Dto, dto::Type)]
#[serde(rename_all = "camelCase", default)]
#[route("/items/{Id}")]
#[returns(Bind)]
struct GetItem {
    id: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize, Dto, dto::Type)]
#[serde(rename_all = "camelCase", default)]
#[route("/customers/{customerId}/breadcrumbs", "GET")]
#[returns(Vec<Bind>)]
struct GetCustomerBreadcrumbs {
    customer_id: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize, Dto, dto::Type)]
#[serde(rename_all = "camelCase", default)]
#[route("/throw/{Kind}")]
#[returns(Bind)]
struct Throw {
    kind: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize, Dto, dto::Type)]
#[serde(rename_all = "camelCase", default)]
#[route("/void/{Id}", "POST")]
#[returns_void]
struct DoVoid {
    id: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize, Dto, dto::Type)]
#[serde(rename_all = "camelCase", default)]
#[route("/me", "GET")]
#[returns(Caller2)]
#[authenticate]
struct GetMe {}

#[derive(Debug, Default, Serialize, Deserialize, dto::Type)]
#[serde(rename_all = "camelCase", default)]
struct Caller2 {
    user_name: Option<String>,
    display_name: Option<String>,
    roles: Vec<String>,
}

/// .NET scalars in the path, the query and the body, echoed back.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Dto, dto::Type)]
#[serde(rename_all = "camelCase", default)]
#[route("/scalars/{Id}", "GET,POST")]
#[returns(Scalars)]
struct Scalars {
    id: dto::Guid,
    at: dto::DateTime,
    #[serde(skip_serializing_if = "Option::is_none")]
    offset: Option<dto::DateTimeOffset>,
    span: dto::TimeSpan,
    cost: dto::Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<dto::Bytes>,
    #[serde(skip_serializing_if = "Option::is_none")]
    costs: Option<Vec<dto::Decimal>>,
}

fn app() -> axum::Router {
    Host::new("Probe")
        .handle(|req: Bind| async move { Ok::<_, HttpError>(req) })
        .handle(|req: Scalars| async move { Ok::<_, HttpError>(req) })
        .handle(|req: GetFile| async move {
            Ok::<_, HttpError>(Bind {
                id: req.path,
                ..Bind::default()
            })
        })
        .handle(|_: GetSpecial| async move {
            Ok::<_, HttpError>(Bind {
                name: Some("special".into()),
                ..Bind::default()
            })
        })
        .handle(|req: GetItem| async move {
            Ok::<_, HttpError>(Bind {
                id: req.id,
                name: Some("item".into()),
                ..Bind::default()
            })
        })
        .handle(|req: GetCustomerBreadcrumbs| async move {
            Ok::<_, HttpError>(vec![Bind {
                id: req.customer_id,
                ..Bind::default()
            }])
        })
        .handle(|req: Throw| async move {
            match req.kind.as_deref() {
                Some("teapot") => Err(HttpError::new(
                    StatusCode::IM_A_TEAPOT,
                    "CustomErrorCode",
                    "I'm a teapot, \"short\"",
                )),
                Some("notfound") => Err(HttpError::not_found("Session abc not found")),
                Some("argument") => Err(HttpError::new(
                    StatusCode::BAD_REQUEST,
                    "ArgumentException",
                    "Bad thing\nParameter name: Field1",
                )
                .with_field_error("Field1", "ArgumentException", "Bad thing\n")),
                Some("panic") => panic!("Boom, \"quoted\""),
                Some("null") => Ok(None),
                _ => Ok(Some(Bind::default())),
            }
            .map(|b: Option<Bind>| b.unwrap_or_default())
        })
        .handle(|_: DoVoid| async move { Ok::<_, HttpError>(()) })
        .handle_with_caller(|_: GetMe, caller: Caller| async move {
            Ok::<_, HttpError>(Caller2 {
                user_name: caller.user_name,
                display_name: caller.display_name,
                roles: caller.roles,
            })
        })
        .basic_auth(|user, password| {
            (user == "test" && password == "test").then(|| Caller {
                user_id: Some("1".into()),
                user_name: Some("test".into()),
                display_name: Some("Test User".into()),
                roles: Vec::new(),
            })
        })
        .into_router()
}

const JSON: (&str, &str) = ("Content-Type", "application/json; charset=utf-8");
const JSV: (&str, &str) = ("Content-Type", "application/jsv");
const FORM: (&str, &str) = ("Content-Type", "application/x-www-form-urlencoded");
const ACCEPT_JSON: (&str, &str) = ("Accept", "application/json");
const ACCEPT_JSV: (&str, &str) = ("Accept", "application/jsv");

#[test]
fn binding_order_of_body_path_query_and_form() {
    let server = Server::start(app());
    let pick = |r: common::Raw| {
        let v = r.json();
        (v["id"].clone(), v["name"].clone(), v["count"].clone())
    };
    // Query overrides path.
    assert_eq!(
        pick(server.get("/bind/P?id=Q&name=qn", &[ACCEPT_JSON])),
        (json!("Q"), json!("qn"), json!(0))
    );
    // JSON body < path < query.
    let r = server.request(
        "POST",
        "/bind/P?id=Q&name=qn&count=7",
        &[JSON, ACCEPT_JSON],
        r#"{"id":"B","name":"bn","count":5}"#,
    );
    assert_eq!(pick(r), (json!("Q"), json!("qn"), json!(7)));
    // JSV body behaves like JSON.
    let r = server.request(
        "POST",
        "/bind/P?id=Q&name=qn&count=7",
        &[JSV, ACCEPT_JSON],
        "{id:B,name:bn,count:5}",
    );
    assert_eq!(pick(r), (json!("Q"), json!("qn"), json!(7)));
    // text/jsv bodies too.
    let r = server.request(
        "POST",
        "/bind",
        &[("Content-Type", "text/jsv"), ACCEPT_JSON],
        "{name:bn}",
    );
    assert_eq!(r.json()["name"], "bn");
    // A form overrides query and path.
    let r = server.request(
        "POST",
        "/bind/P?id=Q&name=qn&count=7",
        &[FORM, ACCEPT_JSON],
        "id=B&name=bn&count=5",
    );
    assert_eq!(pick(r), (json!("B"), json!("bn"), json!(5)));
    // Path over JSON body.
    let r = server.request("PUT", "/bind/P", &[JSON, ACCEPT_JSON], r#"{"id":"B"}"#);
    assert_eq!(r.json()["id"], "P");
    // Merged member by member.
    let r = server.request(
        "POST",
        "/bind?count=7&flag=true",
        &[JSON, ACCEPT_JSON],
        r#"{"name":"bn"}"#,
    );
    assert_eq!(
        r.json(),
        json!({"name":"bn","count":7,"flag":true,"color":"Red"})
    );
    // A pre-defined route with a body ignores the query.
    let r = server.request(
        "POST",
        "/json/reply/Bind?id=Q&count=7",
        &[JSON],
        r#"{"id":"B","name":"bn"}"#,
    );
    assert_eq!(pick(r), (json!("B"), json!("bn"), json!(0)));
    // A body without Content-Type, or as text/plain, is ignored.
    let r = server.request("POST", "/bind/P", &[ACCEPT_JSON], r#"{"name":"x"}"#);
    assert_eq!(
        r.json(),
        json!({"id":"P","count":0,"flag":false,"color":"Red"})
    );
    let r = server.request(
        "POST",
        "/bind/P",
        &[("Content-Type", "text/plain"), ACCEPT_JSON],
        r#"{"name":"x"}"#,
    );
    assert_eq!(r.json()["name"], json!(null));
    // Names in another case, C# clients' PascalCase bodies included.
    let r = server.request(
        "POST",
        "/bind",
        &[JSON, ACCEPT_JSON],
        r#"{"NAME":"n1","Count":3,"Inner":{"A":"x","B":2}}"#,
    );
    assert_eq!(r.json()["name"], "n1");
    assert_eq!(r.json()["count"], 3);
    assert_eq!(r.json()["inner"], json!({"a":"x","b":2}));
    // An empty body binds the defaults.
    let r = server.request("POST", "/bind", &[JSON, ACCEPT_JSON], "");
    assert_eq!(r.status, 200);
}

#[test]
fn query_values_are_jsv_for_the_members_type() {
    let server = Server::start(app());
    let bind = |query: &str| {
        let r = server.get(&format!("/bind?{query}"), &[ACCEPT_JSON]);
        assert_eq!(r.status, 200, "{query}: {}", r.body);
        r.json()
    };
    let v = bind("tags=a,b,c&nums=1,2,3");
    assert_eq!(
        (&v["tags"], &v["nums"]),
        (&json!(["a", "b", "c"]), &json!([1, 2, 3]))
    );
    let v = bind("tags=[a,b]&nums=[1,2]");
    assert_eq!(
        (&v["tags"], &v["nums"]),
        (&json!(["a", "b"]), &json!([1, 2]))
    );
    assert_eq!(bind("tags=a,%22b,c%22,d")["tags"], json!(["a", "b,c", "d"]));
    let v = bind("tags=a&tags=b&nums=1&nums=2");
    assert_eq!(
        (&v["tags"], &v["nums"]),
        (&json!(["a", "b"]), &json!([1, 2]))
    );
    assert_eq!(bind("inner=%7Ba:x,b:2%7D")["inner"], json!({"a":"x","b":2}));
    assert_eq!(bind("inner=%7BA:x,B:2%7D")["inner"], json!({"a":"x","b":2}));
    assert_eq!(
        bind("inners=%5B%7Ba:x%7D,%7Ba:y%7D%5D")["inners"],
        json!([{"a":"x","b":0},{"a":"y","b":0}])
    );
    assert_eq!(
        bind("inners=%7Ba:x%7D,%7Ba:y%7D")["inners"],
        json!([{"a":"x","b":0},{"a":"y","b":0}])
    );
    assert_eq!(
        bind("map=%7Bk:v,%22a,b%22:c%7D")["map"],
        json!({"k":"v","a,b":"c"})
    );
    for color in ["Blue", "blue", "2"] {
        assert_eq!(bind(&format!("color={color}"))["color"], "Blue", "{color}");
    }
    for flag in ["True", "true", "1"] {
        assert_eq!(bind(&format!("flag={flag}"))["flag"], true, "{flag}");
    }
    let v = bind("flag=&maybeCount=");
    assert_eq!(
        (&v["flag"], &v["maybeCount"]),
        (&json!(false), &json!(null))
    );
    assert_eq!(bind("count=+5")["count"], 5);
    assert_eq!(bind("ratio=1e3")["ratio"], 1000.0);
    assert_eq!(bind("NAME=n1&CoUnT=3")["count"], 3);
    assert_eq!(bind("name=a+b")["name"], "a b");
    assert_eq!(bind("unknown=1&name=x")["name"], "x");
    // A string member keeps the text as sent.
    assert_eq!(bind("name=%22quoted%22")["name"], "\"quoted\"");
    assert_eq!(bind("name=[x]")["name"], "[x]");
}

#[test]
fn dotnet_scalars_bind_from_path_query_and_bodies() {
    let server = Server::start(app());
    const ID: &str = "0d6a5b1e2f5c4a1b9c8e6f3b2a1d0e9f";
    let jsv_echo = format!(
        "{{id:{ID},at:2012-06-21T13:14:15.678Z,offset:2020-01-02T03:04:05.0000000+02:00,\
         span:PT1H30M,cost:3.30,data:AQID}}"
    );
    let json_echo = format!(
        r#"{{"id":"{ID}","at":"/Date(1340284455678)/","offset":"/Date(1577934245000+0200)/","span":"PT1H30M","cost":3.30,"data":"AQID"}}"#
    );
    // The D and B forms of the Guid in the path, every other value in the query.
    for path_id in [
        "0d6a5b1e-2f5c-4a1b-9c8e-6f3b2a1d0e9f",
        "%7B0D6A5B1E-2F5C-4A1B-9C8E-6F3B2A1D0E9F%7D",
    ] {
        let query = "at=2012-06-21T13:14:15.678Z&offset=2020-01-02T03:04:05%2B02:00\
                     &span=01:30:00&cost=3.30&data=AQID";
        let r = server.get(&format!("/scalars/{path_id}?{query}"), &[ACCEPT_JSV]);
        assert_eq!(
            (r.status, r.body.as_str()),
            (200, jsv_echo.as_str()),
            "{path_id}"
        );
        let r = server.get(&format!("/scalars/{path_id}.json?{query}"), &[]);
        assert_eq!(
            (r.status, r.body.as_str()),
            (200, json_echo.as_str()),
            "{path_id}"
        );
    }
    // Bodies in both formats, in what ServiceStack's own clients send.
    let r = server.request(
        "POST",
        &format!("/scalars/{ID}"),
        &[JSON, ACCEPT_JSV],
        &json_echo,
    );
    assert_eq!((r.status, r.body.as_str()), (200, jsv_echo.as_str()));
    let r = server.request(
        "POST",
        &format!("/scalars/{ID}"),
        &[JSV, ACCEPT_JSON],
        &jsv_echo,
    );
    assert_eq!((r.status, r.body.as_str()), (200, json_echo.as_str()));
    // Nested numbers keep their digits too.
    let nested = json_echo.replace(
        r#""data":"AQID""#,
        r#""data":"AQID","costs":[1.50,2.250,null]"#,
    );
    let post_json = |body: &str| {
        server.request(
            "POST",
            &format!("/scalars/{ID}"),
            &[JSON, ACCEPT_JSON],
            body,
        )
    };
    let r = post_json(&nested);
    assert_eq!(
        r.status, 400,
        "a null decimal in a list does not bind: {}",
        r.body
    );
    let nested = nested.replace(",null]", "]");
    let r = post_json(&nested);
    assert_eq!((r.status, r.body.as_str()), (200, nested.as_str()));
    // A value that is not the member's type is a 400 naming the member.
    let r = server.get(&format!("/scalars/{ID}?at=2012-13-01"), &[ACCEPT_JSON]);
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(
        r.body.contains("'2012-13-01' is an Invalid value for 'at'"),
        "{}",
        r.body
    );
}

#[test]
fn values_that_do_not_bind_are_400_naming_the_member() {
    let server = Server::start(app());
    for (query, field, value) in [
        ("count=abc", "count", "abc"),
        ("count=1.5", "count", "1.5"),
        ("flag=yes", "flag", "yes"),
        ("color=Purple", "color", "Purple"),
        ("Nums=1,x", "Nums", "1,x"),
    ] {
        let r = server.get(&format!("/bind?{query}"), &[ACCEPT_JSON]);
        assert_eq!(r.status_line, "HTTP/1.1 400 Bad Request", "{query}");
        assert_eq!(
            r.json(),
            json!({"responseStatus":{"errorCode":"SerializationException","message":"Unable to bind to request 'Bind'","errors":[{"errorCode":"SerializationException","fieldName":field,"message":format!("'{value}' is an Invalid value for '{field}'")}]}}),
            "{query}"
        );
    }
    let r = server.get("/bind?count=abc", &[ACCEPT_JSV]);
    assert_eq!(
        r.body,
        "{responseStatus:{errorCode:SerializationException,message:Unable to bind to request 'Bind',errors:[{errorCode:SerializationException,fieldName:count,message:'abc' is an Invalid value for 'count'}]}}"
    );
    // Bad bodies: malformed, a member of the wrong type, not an object. Never a panic.
    for (content_type, body) in [
        (JSON, r#"{"count":"abc""#),
        (JSON, r#"{"count":"abc","name":"n"}"#),
        (JSON, "[1,2]"),
        (JSV, "{count:abc}"),
        (JSV, "{count:[1,2"),
        (JSV, "[1,2]"),
    ] {
        let r = server.request("POST", "/bind", &[content_type, ACCEPT_JSON], body);
        assert_eq!(r.status, 400, "{body}: {}", r.body);
        assert_eq!(
            r.json()["responseStatus"]["errorCode"],
            "SerializationException",
            "{body}"
        );
    }
    let r = server.request(
        "POST",
        "/bind",
        &[JSON, ACCEPT_JSON],
        r#"{"count":"abc","name":"n"}"#,
    );
    assert_eq!(
        r.json()["responseStatus"]["errors"][0]["fieldName"],
        "count"
    );
}

#[test]
fn routing_rules() {
    let server = Server::start(app());
    let id = |path: &str| {
        let r = server.get(path, &[ACCEPT_JSON]);
        assert_eq!(r.status, 200, "{path}: {}", r.body);
        r.json()
    };
    assert_eq!(id("/items/special")["name"], "special");
    assert_eq!(
        id("/items/other"),
        json!({"id":"other","name":"item","count":0,"flag":false,"color":"Red"})
    );
    assert_eq!(id("/files/a/b/c.txt")["id"], "a/b/c.txt");
    assert_eq!(id("/files")["id"], json!(null));
    assert_eq!(id("/files/")["id"], json!(null));
    assert_eq!(id("/CUSTOMERS/x/Breadcrumbs")[0]["id"], "x");
    assert_eq!(id("/customers/x/breadcrumbs/")[0]["id"], "x");
    assert_eq!(id("/customers/a.b/breadcrumbs")[0]["id"], "a.b");
    assert_eq!(id("/customers/x.json/breadcrumbs")[0]["id"], "x.json");
    assert_eq!(id("/customers/a%20b+c/breadcrumbs")[0]["id"], "a b c");
    for (method, path) in [
        ("GET", "/customers//breadcrumbs"),
        ("GET", "/customers/a%2Fb/breadcrumbs"),
        ("PUT", "/customers/x/breadcrumbs"),
        ("POST", "/files/a"),
        ("HEAD", "/files/a"),
        ("GET", "/no/such/route"),
    ] {
        let r = server.request(method, path, &[ACCEPT_JSV], "");
        assert_eq!(r.status_line, "HTTP/1.1 404 Not Found", "{method} {path}");
        assert_eq!(r.header("content-type"), Some("text/plain; charset=utf-8"));
        if method != "HEAD" {
            assert_eq!(r.body, "404");
        }
        assert_eq!(r.header("vary"), Some("Accept"));
        assert!(r.header("x-powered-by").is_some());
        assert!(
            r.all("set-cookie").is_empty(),
            "no session cookies on a 404"
        );
    }
}

#[test]
fn predefined_routes() {
    let server = Server::start(app());
    let r = server.get("/JSON/reply/getcustomerbreadcrumbs?customerId=q", &[]);
    assert_eq!(
        r.json(),
        json!([{"id":"q","count":0,"flag":false,"color":"Red"}])
    );
    let r = server.request(
        "DELETE",
        "/jsv/reply/GetCustomerBreadcrumbs?customerId=q",
        &[],
        "",
    );
    assert_eq!(r.header("content-type"), Some("application/jsv"));
    assert_eq!(r.body, "[{id:q,count:0,flag:False,color:Red}]");
    let r = server.request("POST", "/json/oneway/Bind", &[JSON], r#"{"id":"a"}"#);
    assert_eq!(r.status, 200);
    assert_eq!(r.body, r#"{"id":"a","count":0,"flag":false,"color":"Red"}"#);
    let r = server.request("POST", "/api/Bind", &[JSON, ACCEPT_JSON], r#"{"id":"a"}"#);
    assert_eq!(r.json()["id"], "a");

    let r = server.get("/json/reply/NoSuchOp", &[]);
    assert_eq!(r.status_line, "HTTP/1.1 405 Method Not Allowed");
    assert_eq!(
        r.body,
        r#"{"responseStatus":{"errorCode":"NotImplementedException","message":"The operation 'NoSuchOp' does not exist for this service"}}"#
    );
}

#[test]
fn content_negotiation() {
    let server = Server::start(app());
    let content_type = |path: &str, accept: Option<&str>| {
        let headers: Vec<(&str, &str)> = accept.map(|a| ("Accept", a)).into_iter().collect();
        let r = server.get(path, &headers);
        assert_eq!(r.status, 200, "{path}");
        r.header("content-type").unwrap().to_owned()
    };
    const J: &str = "application/json; charset=utf-8";
    const V: &str = "application/jsv";
    let crumbs = "/customers/x/breadcrumbs";
    assert_eq!(content_type(&format!("{crumbs}.jsv?format=json"), None), V);
    assert_eq!(content_type(&format!("{crumbs}?format=json"), Some(V)), J);
    assert_eq!(content_type(&format!("{crumbs}?format=JSV"), None), V);
    assert_eq!(content_type(&format!("{crumbs}.json"), Some(V)), J);
    assert_eq!(
        content_type("/json/reply/GetCustomerBreadcrumbs", Some(V)),
        J
    );
    assert_eq!(
        content_type("/json/reply/GetCustomerBreadcrumbs?format=jsv", None),
        V
    );
    assert_eq!(content_type(crumbs, Some(V)), V);
    assert_eq!(content_type(crumbs, Some("application/json")), J);
    assert_eq!(
        content_type(crumbs, Some("application/jsv, application/json")),
        J
    );
    assert_eq!(
        content_type(crumbs, Some("application/json;q=0.5, application/jsv")),
        J
    );
    // Where ServiceStack answers its HTML page: JSON.
    for accept in [Some("text/jsv"), Some("*/*"), Some("text/html"), None] {
        assert_eq!(content_type(crumbs, accept), J, "{accept:?}");
    }
}

#[test]
fn errors_in_servicestacks_shape() {
    let server = Server::start(app());
    let r = server.get("/throw/teapot", &[ACCEPT_JSON]);
    assert_eq!(r.status_line, "HTTP/1.1 418 CustomErrorCode");
    assert_eq!(
        r.body,
        r#"{"responseStatus":{"errorCode":"CustomErrorCode","message":"I'm a teapot, \"short\"","errors":[]}}"#
    );
    let r = server.get("/throw/teapot", &[ACCEPT_JSV]);
    assert_eq!(
        r.body,
        r#"{responseStatus:{errorCode:CustomErrorCode,message:"I'm a teapot, ""short""",errors:[]}}"#
    );
    let r = server.get("/throw/notfound", &[ACCEPT_JSON]);
    assert_eq!(r.status_line, "HTTP/1.1 404 NotFound");
    assert_eq!(
        r.body,
        r#"{"responseStatus":{"errorCode":"NotFound","message":"Session abc not found","errors":[]}}"#
    );
    let r = server.get("/throw/argument", &[ACCEPT_JSV]);
    assert_eq!(r.status_line, "HTTP/1.1 400 ArgumentException");
    assert_eq!(
        r.body,
        "{responseStatus:{errorCode:ArgumentException,message:\"Bad thing\nParameter name: Field1\",errors:[{errorCode:ArgumentException,fieldName:Field1,message:\"Bad thing\n\"}]}}"
    );
    // A panicking handler is a 500 with a ResponseStatus, and the host goes on.
    let r = server.get("/throw/panic", &[ACCEPT_JSON]);
    assert_eq!(r.status_line, "HTTP/1.1 500 Exception");
    assert_eq!(
        r.body,
        r#"{"responseStatus":{"errorCode":"Exception","message":"Boom, \"quoted\"","errors":[]}}"#
    );
    assert_eq!(server.get("/throw/fine", &[ACCEPT_JSON]).status, 200);
    // Void: 204, no Content-Type, no body.
    let r = server.request("POST", "/void/1", &[JSON], "{}");
    assert_eq!(r.status_line, "HTTP/1.1 204 No Content");
    assert_eq!(r.header("content-type"), None);
    assert_eq!(r.body, "");
    let r = server.request("POST", "/json/reply/DoVoid", &[JSON], "{}");
    assert_eq!(r.status, 204);
}

#[test]
fn headers_and_session_cookies() {
    let server = Server::start(app());
    let r = server.get("/items/x", &[ACCEPT_JSON]);
    assert_eq!(r.header("vary"), Some("Accept"));
    assert!(
        r.header("x-powered-by")
            .unwrap()
            .starts_with("ServiceStack/5.00")
    );
    let cookies = r.all("set-cookie");
    assert_eq!(cookies.len(), 2, "{cookies:?}");
    let id = cookies.iter().find(|c| c.starts_with("ss-id=")).unwrap();
    assert!(
        id.ends_with(";path=/;HttpOnly")
            && id.len() == "ss-id=".len() + 20 + ";path=/;HttpOnly".len()
    );
    let pid = cookies.iter().find(|c| c.starts_with("ss-pid=")).unwrap();
    assert!(
        pid.contains(";path=/;expires=") && pid.ends_with(" GMT;HttpOnly"),
        "{pid}"
    );
    let r = server.get("/items/x", &[ACCEPT_JSON, ("Cookie", "ss-id=a; ss-pid=b")]);
    assert!(r.all("set-cookie").is_empty());
}

#[test]
fn authentication() {
    let server = Server::start(app());
    // No credentials: an empty 401 with a challenge.
    let r = server.get("/me", &[ACCEPT_JSON]);
    assert_eq!(r.status_line, "HTTP/1.1 401 Unauthorized");
    assert_eq!(
        r.header("www-authenticate"),
        Some("basic realm=\"/auth/basic\"")
    );
    assert_eq!(r.header("content-type"), None);
    assert_eq!(r.body, "");
    assert_eq!(
        server.get("/me", &[("Authorization", "Bearer abc")]).status,
        401
    );

    // Basic: a fresh session every time.
    let r = server.get(
        "/me",
        &[ACCEPT_JSON, ("Authorization", "Basic dGVzdDp0ZXN0")],
    );
    assert_eq!(r.status, 200);
    assert_eq!(
        r.body,
        r#"{"userName":"test","displayName":"Test User","roles":[]}"#
    );
    let cookies = r.all("set-cookie");
    assert!(
        cookies.iter().any(|c| c.starts_with("ss-opt=temp;")),
        "{cookies:?}"
    );
    assert!(
        cookies.iter().any(|c| c.starts_with("X-UAId=1;")),
        "{cookies:?}"
    );

    let r = server.get(
        "/me",
        &[ACCEPT_JSON, ("Authorization", "Basic dGVzdDp3cm9uZw==")],
    );
    assert_eq!(r.status_line, "HTTP/1.1 401 Invalid UserName or Password");
    assert_eq!(
        r.body,
        r#"{"responseStatus":{"errorCode":"Unauthorized","message":"Invalid UserName or Password"}}"#
    );

    // Credentials: the session cookie authenticates later requests.
    let r = server.request(
        "POST",
        "/auth/credentials",
        &[JSON, ACCEPT_JSON],
        r#"{"userName":"test","password":"test"}"#,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    assert_eq!(v["userId"], "1");
    assert_eq!(v["displayName"], "Test User");
    assert_eq!(v["responseStatus"], json!({}));
    let session = v["sessionId"].as_str().unwrap().to_owned();
    let cookies = r.all("set-cookie");
    assert!(
        cookies.contains(&&*format!("ss-id={session};path=/;HttpOnly")),
        "{cookies:?}"
    );
    let cookie = format!("ss-id={session}; ss-pid=p; ss-opt=temp; X-UAId=1");
    let r = server.get("/me", &[ACCEPT_JSON, ("Cookie", &cookie)]);
    assert_eq!(r.status, 200);
    assert!(r.all("set-cookie").is_empty());

    // The C# client's way, in JSV; and a form with rememberMe: the session is ss-pid.
    let r = server.request(
        "POST",
        "/jsv/reply/Authenticate",
        &[JSV],
        "{provider:credentials,UserName:test,Password:test}",
    );
    assert_eq!(r.status, 200);
    assert!(r.body.starts_with("{userId:1,sessionId:"), "{}", r.body);
    assert!(
        r.body
            .ends_with(",userName:test,displayName:Test User,responseStatus:{}}"),
        "{}",
        r.body
    );
    let r = server.request(
        "POST",
        "/auth/credentials",
        &[FORM, ACCEPT_JSON],
        "userName=test&password=test&rememberMe=true",
    );
    let session = r.json()["sessionId"].as_str().unwrap().to_owned();
    assert!(
        r.all("set-cookie")
            .iter()
            .any(|c| c.starts_with(&format!("ss-pid={session};")))
    );
    assert!(
        r.all("set-cookie")
            .iter()
            .any(|c| c.starts_with("ss-opt=perm;"))
    );
    let cookie = format!("ss-id=other; ss-pid={session}; ss-opt=perm");
    assert_eq!(server.get("/me", &[("Cookie", &cookie)]).status, 200);

    let r = server.request(
        "POST",
        "/auth/credentials",
        &[JSON, ACCEPT_JSON],
        r#"{"userName":"test","password":"nope"}"#,
    );
    assert_eq!(r.status_line, "HTTP/1.1 401 Unauthorized");
    assert_eq!(
        r.body,
        r#"{"responseStatus":{"errorCode":"Unauthorized","message":"Invalid UserName or Password","errors":[]}}"#
    );
    let r = server.get(
        "/auth/credentials?userName=test&password=test",
        &[ACCEPT_JSON],
    );
    assert_eq!(r.status, 200);

    let r = server.get("/auth/nope", &[ACCEPT_JSON]);
    assert_eq!(r.status_line, "HTTP/1.1 404 NotFound");
    assert_eq!(
        r.json()["responseStatus"]["message"],
        "No configuration was added for OAuth provider 'nope'"
    );

    let r = server.get("/auth/logout", &[ACCEPT_JSON, ("Cookie", &cookie)]);
    assert_eq!(r.body, r#"{"responseStatus":{}}"#);
    assert!(
        r.all("set-cookie")
            .iter()
            .any(|c| c.starts_with("ss-pid=;path=/;expires="))
    );
    assert_eq!(server.get("/me", &[("Cookie", &cookie)]).status, 401);
}

#[test]
fn batches() {
    let server = Server::start(app());
    let r = server.request(
        "POST",
        "/json/reply/Bind[]",
        &[JSON],
        r#"[{"id":"a"},{"id":"b","count":2}]"#,
    );
    assert_eq!(r.header("x-autobatch-completed"), Some("2"));
    assert_eq!(
        r.body,
        r#"[{"id":"a","count":0,"flag":false,"color":"Red"},{"id":"b","count":2,"flag":false,"color":"Red"}]"#
    );
    let r = server.request(
        "POST",
        "/jsv/reply/Bind[]",
        &[JSV],
        "[{id:a},{id:b,count:2}]",
    );
    assert_eq!(
        r.body,
        "[{id:a,count:0,flag:False,color:Red},{id:b,count:2,flag:False,color:Red}]"
    );
    let r = server.request("POST", "/json/reply/Bind[]", &[JSON], "[]");
    assert_eq!((r.status, r.body.as_str()), (200, "[]"));
    assert_eq!(r.header("x-autobatch-completed"), None);
    // The second of three fails: its error, after one completed.
    let r = server.request(
        "POST",
        "/json/reply/Throw[]",
        &[JSON],
        r#"[{"kind":"fine"},{"kind":"argument"},{"kind":"fine"}]"#,
    );
    assert_eq!(r.status_line, "HTTP/1.1 400 ArgumentException");
    assert_eq!(r.header("x-autobatch-completed"), Some("1"));
    assert_eq!(r.json()["responseStatus"]["errorCode"], "ArgumentException");
    let r = server.request("POST", "/json/oneway/Bind[]", &[JSON], r#"[{"id":"a"}]"#);
    assert_eq!(r.header("x-autobatch-completed"), Some("1"));
    let r = server.request("POST", "/json/reply/Bind[]", &[FORM], "id=a");
    assert_eq!(r.body, "[]");
}

#[test]
fn expect_100_continue() {
    let server = Server::start(app());
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(server.addr).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let body = r#"{"id":"x"}"#;
    write!(
        stream,
        "POST /json/reply/Bind HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: {}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .unwrap();
    let mut interim = [0u8; 25];
    stream.read_exact(&mut interim).unwrap();
    assert_eq!(&interim, b"HTTP/1.1 100 Continue\r\n\r\n");
    stream.write_all(body.as_bytes()).unwrap();
    let mut rest = Vec::new();
    stream.read_to_end(&mut rest).unwrap();
    let r = common::Raw::parse(&rest);
    assert_eq!(r.json()["id"], "x");
}

#[test]
fn concurrent_requests() {
    let server = Server::start(app());
    std::thread::scope(|scope| {
        for t in 0..8 {
            let server = &server;
            scope.spawn(move || {
                for i in 0..25 {
                    let r = server.get(&format!("/bind/{t}-{i}?count={i}"), &[ACCEPT_JSV]);
                    assert_eq!(
                        r.body,
                        format!("{{id:{t}-{i},count:{i},flag:False,color:Red}}")
                    );
                }
            });
        }
    });
}

#[test]
fn jsv_extractor_and_response() {
    use dto_server::Jsv;
    async fn echo(Jsv(bind): Jsv<Bind>) -> Jsv<Bind> {
        Jsv(bind)
    }
    let server = Server::start(axum::Router::new().route("/echo", axum::routing::post(echo)));
    for content_type in [
        "application/jsv",
        "text/jsv",
        "application/jsv; charset=utf-8",
    ] {
        let r = server.request(
            "POST",
            "/echo",
            &[("Content-Type", content_type)],
            "{id:x,tags:[a,\"b,c\"]}",
        );
        assert_eq!(r.status, 200, "{content_type}");
        assert_eq!(r.header("content-type"), Some("application/jsv"));
        assert_eq!(
            r.body,
            "{id:x,count:0,flag:False,color:Red,tags:[a,\"b,c\"]}"
        );
    }
    let r = server.request("POST", "/echo", &[JSON], r#"{"id":"x"}"#);
    assert_eq!(r.status, 415);
    assert_eq!(
        r.body,
        "Expected request with `Content-Type: application/jsv`"
    );
    let r = server.request("POST", "/echo", &[JSV], "{id:x,\ncount:abc}");
    assert_eq!(r.status, 400);
    assert!(r.body.contains("at line 2 column"), "{}", r.body);
}
