//! Struct definitions for the classic JSON benchmark documents (`twitter.json`, `citm_catalog.json`,
//! `canada.json`), written for these benchmarks after the documents' shapes.
//!
//! JSV has no null literal: a JSON `null` member becomes an absent JSV member, so every member that is
//! ever `null` is an `Option` (serde_json reads `null` into it, jsv reads the member's absence).
//! Members that are always `null` in the documents are `Option<String>`: what they would hold is unknown.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

// ---- twitter.json ----

/// The search API response.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Twitter {
    /// The tweets found.
    pub statuses: Vec<Status>,
    /// About the search.
    pub search_metadata: SearchMetadata,
}

/// A tweet.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Status {
    /// Search metadata of this tweet.
    pub metadata: StatusMetadata,
    /// Creation time, as Twitter writes it.
    pub created_at: String,
    /// Tweet ID.
    pub id: u64,
    /// Tweet ID as text.
    pub id_str: String,
    /// The tweet's text.
    pub text: String,
    /// The posting client as an HTML link.
    pub source: String,
    /// Whether truncated.
    pub truncated: bool,
    /// The tweet replied to.
    pub in_reply_to_status_id: Option<u64>,
    /// The tweet replied to, as text.
    pub in_reply_to_status_id_str: Option<String>,
    /// The user replied to.
    pub in_reply_to_user_id: Option<u64>,
    /// The user replied to, as text.
    pub in_reply_to_user_id_str: Option<String>,
    /// The user replied to, by screen name.
    pub in_reply_to_screen_name: Option<String>,
    /// The author.
    pub user: User,
    /// Always null in the document.
    pub geo: Option<String>,
    /// Always null in the document.
    pub coordinates: Option<String>,
    /// Always null in the document.
    pub place: Option<String>,
    /// Always null in the document.
    pub contributors: Option<String>,
    /// The retweeted tweet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retweeted_status: Option<Box<Status>>,
    /// Retweets.
    pub retweet_count: u32,
    /// Likes.
    pub favorite_count: u32,
    /// Hashtags, links, mentions and media in the text.
    pub entities: StatusEntities,
    /// Liked by the searching user.
    pub favorited: bool,
    /// Retweeted by the searching user.
    pub retweeted: bool,
    /// Sensitive-content flag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub possibly_sensitive: Option<bool>,
    /// Language code.
    pub lang: String,
}

/// Why a tweet was found.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct StatusMetadata {
    /// `recent` or `popular`.
    pub result_type: String,
    /// Language code.
    pub iso_language_code: String,
}

/// A Twitter account.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct User {
    /// User ID.
    pub id: u64,
    /// User ID as text.
    pub id_str: String,
    /// Display name.
    pub name: String,
    /// Handle.
    pub screen_name: String,
    /// Free-text location.
    pub location: String,
    /// Profile text.
    pub description: String,
    /// Home page.
    pub url: Option<String>,
    /// Links in the profile.
    pub entities: UserEntities,
    /// Protected account.
    pub protected: bool,
    /// Followers.
    pub followers_count: u32,
    /// Following.
    pub friends_count: u32,
    /// Lists the user is on.
    pub listed_count: u32,
    /// Creation time.
    pub created_at: String,
    /// Likes given.
    pub favourites_count: u32,
    /// Offset from UTC in seconds.
    pub utc_offset: Option<i32>,
    /// Time zone name.
    pub time_zone: Option<String>,
    /// Geotagging on.
    pub geo_enabled: bool,
    /// Verified account.
    pub verified: bool,
    /// Tweets posted.
    pub statuses_count: u32,
    /// Language code.
    pub lang: String,
    /// Contributors enabled.
    pub contributors_enabled: bool,
    /// Is a translator.
    pub is_translator: bool,
    /// Translation enabled.
    pub is_translation_enabled: bool,
    /// Profile colour.
    pub profile_background_color: String,
    /// Background image.
    pub profile_background_image_url: String,
    /// Background image over HTTPS.
    pub profile_background_image_url_https: String,
    /// Background tiled.
    pub profile_background_tile: bool,
    /// Avatar.
    pub profile_image_url: String,
    /// Avatar over HTTPS.
    pub profile_image_url_https: String,
    /// Banner.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile_banner_url: Option<String>,
    /// Link colour.
    pub profile_link_color: String,
    /// Sidebar border colour.
    pub profile_sidebar_border_color: String,
    /// Sidebar fill colour.
    pub profile_sidebar_fill_color: String,
    /// Text colour.
    pub profile_text_color: String,
    /// Background image shown.
    pub profile_use_background_image: bool,
    /// Default profile.
    pub default_profile: bool,
    /// Default avatar.
    pub default_profile_image: bool,
    /// Followed by the searching user.
    pub following: bool,
    /// Follow request pending.
    pub follow_request_sent: bool,
    /// Notifications on.
    pub notifications: bool,
}

/// Links in a user's profile.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct UserEntities {
    /// The home page link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<UrlList>,
    /// Links in the description.
    pub description: UrlList,
}

/// A list of links.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct UrlList {
    /// The links.
    pub urls: Vec<Url>,
}

/// A shortened link.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Url {
    /// The t.co link.
    pub url: String,
    /// Where it goes.
    pub expanded_url: String,
    /// What is shown.
    pub display_url: String,
    /// Character range in the text.
    pub indices: (u32, u32),
}

/// Hashtags, links, mentions and media of a tweet.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct StatusEntities {
    /// Hashtags.
    pub hashtags: Vec<Hashtag>,
    /// Cashtags (always empty in the document).
    pub symbols: Vec<String>,
    /// Links.
    pub urls: Vec<Url>,
    /// Mentions.
    pub user_mentions: Vec<UserMention>,
    /// Photos.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media: Option<Vec<Media>>,
}

/// A hashtag.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Hashtag {
    /// The tag without `#`.
    pub text: String,
    /// Character range in the text.
    pub indices: (u32, u32),
}

/// A mention.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct UserMention {
    /// Handle.
    pub screen_name: String,
    /// Display name.
    pub name: String,
    /// User ID.
    pub id: u64,
    /// User ID as text.
    pub id_str: String,
    /// Character range in the text.
    pub indices: (u32, u32),
}

/// An attached photo.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Media {
    /// Media ID.
    pub id: u64,
    /// Media ID as text.
    pub id_str: String,
    /// Character range in the text.
    pub indices: (u32, u32),
    /// Image URL.
    pub media_url: String,
    /// Image URL over HTTPS.
    pub media_url_https: String,
    /// The t.co link.
    pub url: String,
    /// What is shown.
    pub display_url: String,
    /// Where it goes.
    pub expanded_url: String,
    /// `photo`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Renditions.
    pub sizes: MediaSizes,
    /// The tweet the photo came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_status_id: Option<u64>,
    /// The tweet the photo came from, as text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_status_id_str: Option<String>,
}

/// The renditions of a photo.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct MediaSizes {
    /// Medium.
    pub medium: MediaSize,
    /// Small.
    pub small: MediaSize,
    /// Thumbnail.
    pub thumb: MediaSize,
    /// Large.
    pub large: MediaSize,
}

/// One rendition.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct MediaSize {
    /// Width.
    pub w: u32,
    /// Height.
    pub h: u32,
    /// `fit` or `crop`.
    pub resize: String,
}

/// About a search.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct SearchMetadata {
    /// Seconds taken.
    pub completed_in: f64,
    /// Highest ID.
    pub max_id: u64,
    /// Highest ID as text.
    pub max_id_str: String,
    /// Query for the next page.
    pub next_results: String,
    /// The query.
    pub query: String,
    /// Query to refresh.
    pub refresh_url: String,
    /// Results asked for.
    pub count: u32,
    /// Lowest ID.
    pub since_id: u64,
    /// Lowest ID as text.
    pub since_id_str: String,
}

// ---- citm_catalog.json ----

/// A ticketing catalogue; maps are keyed by IDs written as text.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CitmCatalog {
    /// Area names.
    pub area_names: IndexMap<String, String>,
    /// Audience names.
    pub audience_sub_category_names: IndexMap<String, String>,
    /// Block names (empty).
    pub block_names: IndexMap<String, String>,
    /// Events by ID.
    pub events: IndexMap<String, Event>,
    /// Performances.
    pub performances: Vec<Performance>,
    /// Seat category names.
    pub seat_category_names: IndexMap<String, String>,
    /// Sub-topic names.
    pub sub_topic_names: IndexMap<String, String>,
    /// Subject names (empty).
    pub subject_names: IndexMap<String, String>,
    /// Topic names.
    pub topic_names: IndexMap<String, String>,
    /// Sub-topics of each topic.
    pub topic_sub_topics: IndexMap<String, Vec<u64>>,
    /// Venue names.
    pub venue_names: IndexMap<String, String>,
}

/// An event.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    /// Always null.
    pub description: Option<String>,
    /// Event ID.
    pub id: u64,
    /// Logo path.
    pub logo: Option<String>,
    /// Name.
    pub name: String,
    /// Sub-topics.
    pub sub_topic_ids: Vec<u64>,
    /// Always null.
    pub subject_code: Option<String>,
    /// Always null.
    pub subtitle: Option<String>,
    /// Topics.
    pub topic_ids: Vec<u64>,
}

/// A performance of an event.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Performance {
    /// The event.
    pub event_id: u64,
    /// Performance ID.
    pub id: u64,
    /// Logo path.
    pub logo: Option<String>,
    /// Always null.
    pub name: Option<String>,
    /// Prices.
    pub prices: Vec<Price>,
    /// Seating.
    pub seat_categories: Vec<SeatCategory>,
    /// Always null.
    pub seat_map_image: Option<String>,
    /// Start, in milliseconds since 1970.
    pub start: u64,
    /// Venue.
    pub venue_code: String,
}

/// A price.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Price {
    /// Amount in cents.
    pub amount: u64,
    /// Audience.
    pub audience_sub_category_id: u64,
    /// Seat category.
    pub seat_category_id: u64,
}

/// A seat category and its areas.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SeatCategory {
    /// Areas.
    pub areas: Vec<Area>,
    /// Seat category.
    pub seat_category_id: u64,
}

/// An area of a venue.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Area {
    /// Area ID.
    pub area_id: u64,
    /// Blocks (always empty).
    pub block_ids: Vec<u64>,
}

// ---- canada.json ----

/// A GeoJSON feature collection.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Canada {
    /// `FeatureCollection`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The features.
    pub features: Vec<Feature>,
}

/// A GeoJSON feature.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Feature {
    /// `Feature`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Properties.
    pub properties: FeatureProperties,
    /// The shape.
    pub geometry: Geometry,
}

/// A feature's properties.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct FeatureProperties {
    /// Name.
    pub name: String,
}

/// A polygon geometry: rings of `[longitude, latitude]` points.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Geometry {
    /// `Polygon`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The rings.
    pub coordinates: Vec<Vec<(f64, f64)>>,
}
