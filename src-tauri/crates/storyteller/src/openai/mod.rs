//! OpenAI-compatible providers: chat completions for stories and scenes, `/audio/speech` for
//! narration, `/images/generations` for pictures. The base URL, key and models come from
//! `OpenAiConfig`, so the same code talks to OpenAI or to a local server (Ollama, llama.cpp).

mod client;
mod local;
mod media;
#[doc(hidden)]
pub mod mp3;
mod writer;

pub use client::OpenAiClient;
pub use local::{LocalModelWriter, ModelProbe, SwitchableWriter, is_loopback, probe};
pub use media::{OpenAiIllustrator, OpenAiNarrator};
pub use writer::OpenAiWriter;
