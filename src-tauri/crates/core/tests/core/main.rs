//! Integration tests of the core against the real embedded backend (in-process, loopback), with
//! its fault injection. One binary with modules keeps link time down.

mod auth;
mod backend;
mod contract;
mod direct;
mod family;
#[cfg(unix)]
mod fault_matrix;
mod finish;
mod isolation;
mod library;
mod moving;
mod offline_start;
pub mod pipeline;
pub mod realtime;
#[cfg(unix)]
mod recovery;
mod scripted;
mod scripted_http;
mod soak;
mod story;
mod support;
mod sync;
mod tls;
mod two_devices;
