//! DTOs from the fixtures: a reconstructed v8 `/metadata/app.json` (AutoQuery, built-ins in the
//! document) and tricky TypeScript (union and flags enums, collection bases, keywords).

use dto::Request;
use pretty_assertions::assert_eq;
use workspace_tests::app_v8::*;

#[test]
fn autoquery_request_inherits_query_base_and_returns_query_response() {
    let q = QueryBookings {
        id: Some(3),
        take: Some(10),
        ..Default::default()
    };
    assert_eq!(q.to_url("GET").unwrap(), "/bookings/3?take=10");
    assert_eq!(
        std::any::type_name::<<QueryBookings as Request>::Response>(),
        std::any::type_name::<QueryResponse<Booking>>()
    );
    const { assert!(QueryBookings::REQUIRES_AUTH) };
    let _two_params: QueryDb_2<Booking, BookingSummary> = QueryDb_2::default();
}

#[test]
fn booking_round_trips_through_json_and_jsv() {
    let booking = Booking {
        id: 1,
        name: "Ann".into(),
        room_type: RoomType::Suite,
        cost: "123.4500".parse().unwrap(),
        amenities: Amenities::WIFI | Amenities::PARKING,
        created_by: "admin".into(),
        booking_end_date: Some("2024-01-02T00:00:00Z".parse().unwrap()),
        tags: Some(vec!["vip".into()]),
        pairs: Some(vec![KeyValuePair {
            key: "a".into(),
            value: 1,
        }]),
        attachments: Some(vec![dto::Value::String("file".into())]),
        ..Default::default()
    };
    let json_text = serde_json::to_string(&booking).unwrap();
    assert!(
        json_text.contains(r#""cost":123.4500"#),
        "decimals keep their scale: {json_text}"
    );
    let json: serde_json::Value = serde_json::from_str(&json_text).unwrap();
    assert_eq!(json["amenities"], 5);
    assert_eq!(json["roomType"], "Suite");
    let back: Booking = serde_json::from_str(&json_text).unwrap();
    assert_eq!(back, booking);
    assert_eq!(back.cost.to_string(), "123.4500");
    let text = jsv::to_string(&booking).unwrap();
    let back: Booking = jsv::from_str(&text).unwrap();
    assert_eq!(back, booking);
    // Derived members first, then AuditBase's.
    assert!(text.starts_with("{id:1,name:Ann,"), "{text}");
    assert!(text.contains("createdBy:admin"), "{text}");
    assert!(text.contains("cost:123.4500,"), "{text}");
    assert!(text.contains("bookingEndDate:2024-01-02,"), "{text}");
}

#[test]
fn odd_responses() {
    fn response_of<R: Request>() -> &'static str {
        std::any::type_name::<R::Response>()
    }
    assert_eq!(response_of::<GetVersion>(), "alloc::string::String");
    assert_eq!(
        response_of::<GetBlob>(),
        std::any::type_name::<dto::Bytes>(),
        "Task<byte[]> unwrapped"
    );
    assert_eq!(
        response_of::<CreatorKitTasks>(),
        std::any::type_name::<dto::Value>()
    );
    assert_eq!(Authenticate::ROUTES.len(), 2);
    let req = GetBlob {
        path: Some("a/b.txt".into()),
    };
    assert!(req.to_url("GET").unwrap().starts_with("/blobs/a"));
}

#[test]
fn tricky_typescript_compiles_and_round_trips() {
    use workspace_tests::tricky_ts as ts;
    let contact = ts::Contact {
        id: 1.0,
        email: Some("a@b".into()),
        color: ts::Color::LightGreen,
        shape: Some(ts::Shape::Self_),
        access: ts::Access::READ | ts::Access::WRITE,
        ..Default::default()
    };
    let json = serde_json::to_value(&contact).unwrap();
    assert_eq!(json["e_mail"], "a@b");
    assert_eq!(json["color"], "light-green");
    assert_eq!(json["shape"], "Self");
    assert_eq!(json["access"], 3);
    let text = jsv::to_string(&contact).unwrap();
    assert_eq!(jsv::from_str::<ts::Contact>(&text).unwrap(), contact);
    let save = ts::SaveNode {
        contacts: Some(ts::Contacts(vec![contact])),
        ..Default::default()
    };
    assert_eq!(save.to_url("POST").unwrap(), "/nodes");
    let _: ts::QueryDb_2<ts::Contact, ts::Node> = Default::default();
}
