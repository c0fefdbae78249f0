//! DTOs from a reconstructed v8 `/metadata/app.json` (AutoQuery, built-ins in the document).

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
        cost: "123.4500".into(),
        amenities: Amenities::WIFI | Amenities::PARKING,
        created_by: "admin".into(),
        booking_end_date: Some("2024-01-02T00:00:00Z".into()),
        tags: Some(vec!["vip".into()]),
        pairs: Some(vec![KeyValuePair {
            key: "a".into(),
            value: 1,
        }]),
        attachments: Some(vec![dto::Value::String("file".into())]),
        ..Default::default()
    };
    let json = serde_json::to_value(&booking).unwrap();
    assert_eq!(json["amenities"], 5);
    assert_eq!(json["roomType"], "Suite");
    assert_eq!(json["cost"], "123.4500", "decimals keep their text");
    let back: Booking = serde_json::from_value(json).unwrap();
    assert_eq!(back, booking);
    let text = jsv::to_string(&booking).unwrap();
    let back: Booking = jsv::from_str(&text).unwrap();
    assert_eq!(back, booking);
    // Derived members first, then AuditBase's.
    assert!(text.starts_with("{id:1,name:Ann,"), "{text}");
    assert!(text.contains("createdBy:admin"), "{text}");
}

#[test]
fn odd_responses() {
    fn response_of<R: Request>() -> &'static str {
        std::any::type_name::<R::Response>()
    }
    assert_eq!(response_of::<GetVersion>(), "alloc::string::String");
    assert_eq!(
        response_of::<GetBlob>(),
        "alloc::string::String",
        "Task<byte[]> unwrapped; bytes are base64 text"
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
