//! `infinite-stories-storyteller` makes the content of a story: the text and its scenes, the
//! narration and the illustrations, with offline engines and OpenAI-compatible providers behind
//! the same traits. It knows nothing about HTTP routes; the server picks providers by
//! configuration. (The engines arrive with the storyteller work; this crate fixes its place.)
