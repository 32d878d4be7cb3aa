//! What the UI asks for when it wants a story: the contract's [`StoryRequest`] (the very value the
//! server parses and the writer gets) plus what the core itself does with it (narrate,
//! illustrate) and the id the UI cancels it by.

use serde::Deserialize;

use crate::api::models::StoryRequest;

/// What the UI asks for.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct GenerateRequest {
    /// Request id to use (and to cancel with); made up when absent.
    #[serde(default)]
    pub request_id: Option<String>,
    /// The story.
    pub story: StoryRequest,
    /// Make the narration.
    #[serde(default = "yes")]
    pub narration: bool,
    /// Make the illustrations.
    #[serde(default = "yes")]
    pub illustrations: bool,
}

fn yes() -> bool {
    true
}
