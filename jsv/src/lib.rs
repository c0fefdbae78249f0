//! JSV for serde (work in progress).
