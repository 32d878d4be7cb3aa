//! The server's integration tests: one binary, a module per surface. Every test starts its own
//! server on 127.0.0.1:0 with a manual clock; nothing sleeps.

mod auth;
mod codec;
mod durability;
mod faults;
mod functions;
mod fuzz;
mod gateway;
mod module_graph;
mod realtime;
mod rest;
mod serve;
mod storage;
mod support;
mod topics;
mod ws;
