//! `Request::to_url`: route choice, path variables, query strings.

#![allow(missing_docs)]

use std::collections::BTreeMap;

use dto::{Dto, Error, PathValueProblem, Request, Route};
use pretty_assertions::assert_eq;
use serde::Serialize;

#[derive(Debug, Clone, Copy, Serialize)]
pub enum SessionStatus {
    Active,
    OnHold,
    #[serde(rename = "Ended/Closed")]
    Ended,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DateRange {
    pub from: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

#[derive(Debug, Default, Serialize, Dto)]
#[serde(rename_all = "camelCase")]
#[route("/sessions", "GET")]
pub struct FindSessions {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ids: Option<Vec<u32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<DateRange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<SessionStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statuses: Option<Vec<SessionStatus>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caller_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
    #[serde(skip)]
    pub client_only: String,
}

#[test]
fn get_with_lists_objects_enums_and_escapes() {
    let request = FindSessions {
        ids: Some(vec![1, 2]),
        range: Some(DateRange {
            from: "2017-01-01".into(),
            to: Some("a,b".into()),
        }),
        status: Some(SessionStatus::OnHold),
        statuses: Some(vec![SessionStatus::Active, SessionStatus::Ended]),
        caller_name: Some("Doe, \"JJ\" & Sons: 100%".into()),
        page: Some(2),
        ended: Some(false),
        labels: Some(BTreeMap::from([("team".to_owned(), "a b".to_owned())])),
        client_only: "never sent".into(),
    };
    let url = request.to_url("GET").unwrap();
    assert_eq!(
        url,
        "/sessions\
         ?ids=%5B1%2C2%5D\
         &range=%7Bfrom%3A2017-01-01%2Cto%3A%22a%2Cb%22%7D\
         &status=OnHold\
         &statuses=%5BActive%2CEnded%2FClosed%5D\
         &callerName=Doe%2C%20%22JJ%22%20%26%20Sons%3A%20100%25\
         &page=2\
         &ended=False\
         &labels=%7Bteam%3Aa%20b%7D"
    );
    // What the server sees after decoding: scalars verbatim, lists and objects as JSV.
    let decoded: Vec<(String, String)> = url
        .split_once('?')
        .unwrap()
        .1
        .split('&')
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap();
            (name.to_owned(), decode(value))
        })
        .collect();
    assert_eq!(
        decoded,
        [
            ("ids", "[1,2]"),
            ("range", r#"{from:2017-01-01,to:"a,b"}"#),
            ("status", "OnHold"),
            ("statuses", "[Active,Ended/Closed]"),
            ("callerName", "Doe, \"JJ\" & Sons: 100%"),
            ("page", "2"),
            ("ended", "False"),
            ("labels", "{team:a b}"),
        ]
        .map(|(n, v)| (n.to_owned(), v.to_owned()))
    );
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn get_without_fields_has_no_query_string() {
    assert_eq!(FindSessions::default().to_url("GET").unwrap(), "/sessions");
    // HEAD and OPTIONS put fields in the query too; other verbs have no route, so /json/reply.
    let request = FindSessions {
        page: Some(1),
        ..Default::default()
    };
    assert_eq!(
        request.to_url("HEAD").unwrap(),
        "/json/reply/FindSessions?page=1"
    );
    assert_eq!(
        request.to_url("options").unwrap(),
        "/json/reply/FindSessions?page=1"
    );
    assert_eq!(request.to_url("POST").unwrap(), "/json/reply/FindSessions");
}

#[derive(Debug, Default, Serialize, Dto)]
#[serde(rename_all = "camelCase")]
#[route("/customers", "GET")]
#[route("/customers/{id}", "GET,DELETE")]
#[route("/accounts/{accountId}/customers/{id}", "GET")]
#[route("/customers/{id}", "PUT")]
#[returns(Vec<String>)]
pub struct Customer {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

fn customer(id: Option<&str>, account_id: Option<&str>, name: Option<&str>) -> Customer {
    Customer {
        id: id.map(Into::into),
        account_id: account_id.map(Into::into),
        name: name.map(Into::into),
    }
}

#[test]
fn route_choice_depends_on_which_fields_are_set() {
    assert_eq!(
        customer(None, None, None).to_url("GET").unwrap(),
        "/customers"
    );
    assert_eq!(
        customer(None, None, Some("Ann")).to_url("GET").unwrap(),
        "/customers?name=Ann"
    );
    assert_eq!(
        customer(Some("7"), None, None).to_url("GET").unwrap(),
        "/customers/7"
    );
    assert_eq!(
        customer(Some("7"), None, Some("Ann"))
            .to_url("GET")
            .unwrap(),
        "/customers/7?name=Ann"
    );
    assert_eq!(
        customer(Some("7"), Some("a1"), None).to_url("GET").unwrap(),
        "/accounts/a1/customers/7"
    );
    assert_eq!(
        customer(Some("7"), Some("a1"), Some("Ann"))
            .to_url("get")
            .unwrap(),
        "/accounts/a1/customers/7?name=Ann"
    );
    // accountId alone fills no route with a variable: the route without variables, accountId in the query.
    assert_eq!(
        customer(None, Some("a1"), None).to_url("GET").unwrap(),
        "/customers?accountId=a1"
    );
}

#[test]
fn routes_for_other_verbs() {
    assert_eq!(
        customer(Some("7"), Some("a1"), Some("Ann"))
            .to_url("PUT")
            .unwrap(),
        "/customers/7"
    );
    assert_eq!(
        customer(Some("7"), Some("a1"), Some("Ann"))
            .to_url("DELETE")
            .unwrap(),
        "/customers/7?accountId=a1&name=Ann"
    );
    // No route allows POST or PATCH: the pre-defined route.
    assert_eq!(
        customer(Some("7"), None, None).to_url("POST").unwrap(),
        "/json/reply/Customer"
    );
    assert_eq!(
        customer(Some("7"), None, None).to_url("PATCH").unwrap(),
        "/json/reply/Customer"
    );
}

#[test]
fn routes_allowing_the_verb_without_their_variables_are_an_error() {
    let err = customer(None, Some("a1"), Some("Ann"))
        .to_url("DELETE")
        .unwrap_err();
    assert_eq!(err.missing_variables(), ["id"]);
    assert_eq!(
        err.to_string(),
        "Customer: no route allowing DELETE has all its variables set (`/customers/{id}` needs id)"
    );
    let Error::MissingRouteVariables {
        request,
        verb,
        routes,
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!((*request, verb.as_str()), ("Customer", "DELETE"));
    assert_eq!(routes.len(), 1);
    assert_eq!(routes[0].path, "/customers/{id}");

    let err = customer(None, None, None).to_url("put").unwrap_err();
    assert_eq!(err.missing_variables(), ["id"]);
    assert!(err.to_string().contains("no route allowing PUT"), "{err}");
}

#[derive(Debug, Default, Serialize, Dto)]
#[route("/a/{x}/{y}", "GET")]
#[route("/b/{z}/{y}", "GET")]
#[route("/products/{productId}/product-lines/{lineNumber}", "GET")]
#[route("/product-lines/{productId}/{lineNumber}", "GET")]
#[allow(non_snake_case)]
pub struct Ties {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub x: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub y: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub z: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub productId: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lineNumber: Option<u8>,
}

#[test]
fn ties_go_to_the_shorter_path_then_the_first_declared() {
    let ties = Ties {
        productId: Some(1),
        lineNumber: Some(2),
        ..Default::default()
    };
    assert_eq!(ties.to_url("GET").unwrap(), "/product-lines/1/2");
    let ties = Ties {
        x: Some(1),
        y: Some(2),
        z: Some(3),
        ..Default::default()
    };
    assert_eq!(ties.to_url("GET").unwrap(), "/a/1/2?z=3");
    let ties = Ties {
        y: Some(2),
        z: Some(3),
        ..Default::default()
    };
    assert_eq!(ties.to_url("GET").unwrap(), "/b/3/2");
    // No route has all its variables: every route allowing GET is listed with what it misses.
    let err = Ties {
        y: Some(2),
        ..Default::default()
    }
    .to_url("GET")
    .unwrap_err();
    assert_eq!(
        err.missing_variables(),
        ["x", "z", "productId", "lineNumber"]
    );
}

#[derive(Debug, Default, Serialize, Dto)]
#[serde(rename_all = "camelCase")]
#[route("/sessions/{sessionId}/members/{memberId}", "DELETE")]
#[returns_void]
pub struct RemoveMember {
    pub session_id: String,
    pub member_id: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notify: Vec<String>,
}

#[test]
fn delete_with_path_variables() {
    let request = RemoveMember {
        session_id: "s1".into(),
        member_id: 42,
        reason: None,
        notify: vec![],
    };
    assert_eq!(request.to_url("DELETE").unwrap(), "/sessions/s1/members/42");
    let request = RemoveMember {
        session_id: "s 1".into(),
        member_id: 42,
        reason: Some("left early".into()),
        notify: vec!["a@b.c".into(), "x,y".into()],
    };
    assert_eq!(
        request.to_url("delete").unwrap(),
        "/sessions/s%201/members/42?reason=left%20early&notify=%5Ba%40b.c%2C%22x%2Cy%22%5D"
    );
}

#[derive(Debug, Default, Serialize, Dto)]
pub struct Ping {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Default, Serialize, Dto)]
pub struct Unit;

#[derive(Debug, Default, Serialize, Dto)]
#[serde(rename = "Hello.World")]
pub struct Renamed {}

#[test]
fn no_route_uses_the_predefined_route() {
    assert_eq!(Ping::default().to_url("GET").unwrap(), "/json/reply/Ping");
    assert_eq!(
        Ping {
            note: Some("a&b".into())
        }
        .to_url("GET")
        .unwrap(),
        "/json/reply/Ping?note=a%26b"
    );
    assert_eq!(
        Ping {
            note: Some("a&b".into())
        }
        .to_url("POST")
        .unwrap(),
        "/json/reply/Ping"
    );
    assert_eq!(Unit.to_url("GET").unwrap(), "/json/reply/Unit");
    assert_eq!(
        Renamed {}.to_url("DELETE").unwrap(),
        "/json/reply/Hello.World"
    );
    assert_eq!(Renamed::NAME, "Hello.World");
}

#[derive(Debug, Serialize, PartialEq, Eq, Clone, Copy)]
pub enum Kind {
    #[serde(rename = "big one")]
    Big,
}

#[derive(Debug, Serialize)]
pub struct Point {
    pub x: i32,
}

#[derive(Debug, Default, Serialize, Dto)]
#[route("/items/{id}", "GET")]
#[route("/items/{id}/{flag}/{kind}/{ratio}", "PUT")]
#[route("/lists/{list}", "POST")]
#[route("/points/{point}", "PATCH")]
pub struct Item {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flag: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratio: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list: Option<Vec<u8>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub point: Option<Point>,
}

fn item_id(id: &str) -> Item {
    Item {
        id: Some(id.into()),
        ..Default::default()
    }
}

#[test]
fn path_values_are_percent_encoded_segments() {
    assert_eq!(item_id("a+b").to_url("GET").unwrap(), "/items/a%2Bb");
    assert_eq!(item_id("a/b").to_url("GET").unwrap(), "/items/a%2Fb");
    assert_eq!(item_id("a b").to_url("GET").unwrap(), "/items/a%20b");
    assert_eq!(
        item_id("Zoë日本😀").to_url("GET").unwrap(),
        "/items/Zo%C3%AB%E6%97%A5%E6%9C%AC%F0%9F%98%80"
    );
    assert_eq!(
        item_id("?#%&=").to_url("GET").unwrap(),
        "/items/%3F%23%25%26%3D"
    );
    assert_eq!(
        item_id("a,b:{c}").to_url("GET").unwrap(),
        "/items/a%2Cb%3A%7Bc%7D"
    );
    assert_eq!(item_id("-._~").to_url("GET").unwrap(), "/items/-._~");
    let item = Item {
        flag: Some(true),
        kind: Some(Kind::Big),
        ratio: Some(0.5),
        ..item_id("7")
    };
    assert_eq!(item.to_url("PUT").unwrap(), "/items/7/True/big%20one/0.5");
}

#[test]
fn values_that_cannot_be_path_segments_are_errors() {
    let err = item_id("").to_url("GET").unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidPathValue {
                request: "Item",
                route: "/items/{id}",
                variable: "id",
                problem: PathValueProblem::Empty
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("`{id}`") && err.to_string().contains("is empty"),
        "{err}"
    );

    let list = Item {
        list: Some(vec![1, 2]),
        ..Default::default()
    };
    let err = list.to_url("POST").unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidPathValue {
                variable: "list",
                problem: PathValueProblem::List,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("is a list"), "{err}");

    let point = Item {
        point: Some(Point { x: 1 }),
        ..Default::default()
    };
    let err = point.to_url("PATCH").unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidPathValue {
                problem: PathValueProblem::Object,
                ..
            }
        ),
        "{err:?}"
    );
}

#[derive(Debug, Default, Serialize, Dto)]
#[serde(rename_all = "camelCase")]
#[route("/users/{UserID}/files/{Path*}", "GET")]
#[route("/files/{name}.{ext}", "ANY")]
pub struct Files {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ext: Option<String>,
}

#[test]
fn variables_match_wire_names_case_insensitively_and_wildcards_keep_slashes() {
    let files = Files {
        user_id: Some(3),
        path: Some("docs/a b/c+d.txt".into()),
        ..Default::default()
    };
    assert_eq!(
        files.to_url("GET").unwrap(),
        "/users/3/files/docs/a%20b/c%2Bd.txt"
    );
    // A wildcard may be unset (ServiceStack's rule); it then stands for nothing.
    let files = Files {
        user_id: Some(3),
        ..Default::default()
    };
    assert_eq!(files.to_url("GET").unwrap(), "/users/3/files/");
    // `.` separates variables too; ANY allows every verb.
    let files = Files {
        name: Some("report".into()),
        ext: Some("pdf".into()),
        ..Default::default()
    };
    assert_eq!(files.to_url("POST").unwrap(), "/files/report.pdf");
    assert_eq!(files.to_url("GET").unwrap(), "/files/report.pdf");
    let files = Files {
        name: Some("report".into()),
        ext: Some("pdf".into()),
        user_id: Some(1),
        path: None,
    };
    // Both routes qualify for GET with two variables; the shorter path wins.
    assert_eq!(files.to_url("GET").unwrap(), "/files/report.pdf?userId=1");
}

#[derive(Debug, Serialize, Dto)]
#[route("/things/{type}/{self_}", "get")]
pub struct RawNames {
    pub r#type: String,
    pub self_: u8,
    pub r#match: Option<bool>,
}

#[test]
fn raw_identifiers_are_named_without_r_hash() {
    let raw = RawNames {
        r#type: "t".into(),
        self_: 1,
        r#match: Some(true),
    };
    assert_eq!(raw.to_url("GET").unwrap(), "/things/t/1?match=True");
    assert_eq!(RawNames::ROUTES[0].verbs, ["GET"]);
    let wire: Vec<&str> = RawNames::MEMBERS.iter().map(|m| m.wire_name).collect();
    assert_eq!(wire, ["type", "self_", "match"]);
    // `None` is left out of the query.
    let raw = RawNames {
        r#type: "t".into(),
        self_: 1,
        r#match: None,
    };
    assert_eq!(raw.to_url("GET").unwrap(), "/things/t/1");
}

#[derive(Debug, Serialize, Dto)]
#[route("/q/{value}", "GET")]
#[returns(Vec<T>)]
pub struct Generic<T: Clone>
where
    T: std::fmt::Debug,
{
    pub value: T,
    pub extra: Option<T>,
}

#[test]
fn generic_requests() {
    let q = Generic {
        value: 5u16,
        extra: Some(6),
    };
    assert_eq!(q.to_url("GET").unwrap(), "/q/5?extra=6");
    assert_eq!(Generic::<String>::NAME, "Generic");
    let _: Vec<u16> = <Generic<u16> as Request>::Response::new();
}

/// A hand-written impl with a route `#[derive(Dto)]` would have rejected.
#[derive(Serialize)]
struct HandWritten {
    id: u8,
}

impl Request for HandWritten {
    const NAME: &'static str = "HandWritten";
    const ROUTES: &'static [Route] = &[Route {
        path: "/hand/{id",
        verbs: &[],
    }];
    type Response = ();
}

#[derive(Serialize)]
struct NotAStruct(Vec<u8>);

impl Request for NotAStruct {
    const NAME: &'static str = "NotAStruct";
    type Response = ();
}

#[test]
fn hand_written_requests() {
    let err = HandWritten { id: 1 }.to_url("GET").unwrap_err();
    assert!(
        matches!(
            err,
            Error::MalformedRoute {
                route: "/hand/{id",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("`{` without `}`"), "{err}");

    let err = NotAStruct(vec![1]).to_url("GET").unwrap_err();
    assert!(
        matches!(
            err,
            Error::Serialize {
                request: "NotAStruct",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(std::error::Error::source(&err).is_some());
    assert!(err.to_string().contains("struct or a map"), "{err}");

    // Defaults of the optional items.
    assert_eq!(NotAStruct::ROUTES, &[]);
    const { assert!(!NotAStruct::REQUIRES_AUTH) };
    assert_eq!(NotAStruct::DESCRIPTION, None);
    assert_eq!(NotAStruct::MEMBERS, &[]);
}

#[test]
fn build_url_from_parts() {
    static ROUTES: [Route; 1] = [Route::new("/x/{a}", &["GET"])];
    let fields = jsv::query::to_query_pairs(&BTreeMap::from([("A", "1 2"), ("b", "3")])).unwrap();
    assert_eq!(
        dto::url::build_url("X", &ROUTES, "GET", &fields).unwrap(),
        "/x/1%202?b=3"
    );
    assert!(dto::url::has_request_body("post"));
    assert!(!dto::url::has_request_body("Head"));
}

#[derive(Debug, Default, Serialize, Dto)]
#[route("/contacts/{id}/{ignore}", "GET")]
#[route("/contacts/{id}", "GET")]
pub struct Contact {
    pub id: u32,
}

#[test]
fn ignore_variables_need_no_field() {
    // The route with `{ignore}` cannot be filled in, so the other one is used.
    assert_eq!(Contact { id: 3 }.to_url("GET").unwrap(), "/contacts/3");
}

#[test]
fn url_pieces_for_clients() {
    static ROUTES: [Route; 3] = [
        Route::new("/flows/{flowId}/nodes/{nodeId}", &["ANY", "PATCH", "POST"]),
        Route::new("/flows/{flowId}/nodes", &["POST"]),
        Route::new("/flows", &[]),
    ];
    assert_eq!(ROUTES[0].preferred_verb(), "PATCH");
    assert_eq!(ROUTES[2].preferred_verb(), "POST");

    let flow_only = jsv::query::to_query_pairs(&BTreeMap::from([("flowId", "f 1")])).unwrap();
    // Declaration order, not the most variables: the first route whose variables are all set.
    let first = dto::url::first_complete_route(&ROUTES, &flow_only).unwrap();
    assert_eq!(first.map(|r| r.path), Some("/flows/{flowId}/nodes"));
    let none = dto::url::first_complete_route(&ROUTES[..1], &flow_only).unwrap();
    assert_eq!(none, None);

    assert_eq!(
        dto::url::fill_route("F", &ROUTES[1], "GET", &flow_only).unwrap(),
        "/flows/f%201/nodes"
    );
    let error = dto::url::fill_route("F", &ROUTES[0], "PATCH", &flow_only).unwrap_err();
    assert_eq!(error.missing_variables(), ["nodeId"]);

    // No route allows GET here: the caller chooses the pre-defined route.
    static POST_ONLY: [Route; 1] = [Route::new("/flows/{flowId}/nodes", &["POST"])];
    assert_eq!(
        dto::url::route_url("F", &POST_ONLY, "GET", &flow_only).unwrap(),
        None
    );
    assert_eq!(
        dto::url::predefined_url("/api/F", "GET", &flow_only),
        "/api/F?flowId=f%201"
    );
    assert_eq!(
        dto::url::predefined_url("/api/F", "PUT", &flow_only),
        "/api/F"
    );
}

#[test]
fn builtin_dtos_read_either_case_and_write_camel_case() {
    let pascal = r#"{"ResponseStatus":{"ErrorCode":"NotEmpty","Message":"m","Errors":[{"ErrorCode":"NotEmpty","FieldName":"Name","Message":"'Name' must not be empty."}]}}"#;
    let camel = r#"{"responseStatus":{"errorCode":"NotEmpty","message":"m","errors":[{"errorCode":"NotEmpty","fieldName":"Name","message":"'Name' must not be empty."}]}}"#;
    let a: dto::ErrorResponse = serde_json::from_str(pascal).unwrap();
    let b: dto::ErrorResponse = serde_json::from_str(camel).unwrap();
    assert_eq!(a, b);
    assert_eq!(serde_json::to_string(&a).unwrap(), camel);
    let status = a.response_status.unwrap();
    assert_eq!(status.field_errors()[0].field_name, "Name");
    assert_eq!(
        jsv::to_string(&dto::ResponseStatus::new("NotFound", "Session x not found")).unwrap(),
        "{errorCode:NotFound,message:Session x not found}"
    );

    let auth = dto::Authenticate {
        provider: Some("credentials".into()),
        user_name: Some("test".into()),
        password: Some("test".into()),
        ..Default::default()
    };
    assert_eq!(auth.to_url("POST").unwrap(), "/auth/credentials");
    assert_eq!(
        dto::GetAccessToken::default().to_url("POST").unwrap(),
        "/access-token"
    );
}
