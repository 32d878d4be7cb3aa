//! The server's integration tests: one binary, a module per surface. Every test starts its own
//! server on 127.0.0.1:0 with a manual clock; nothing sleeps — except the crash drill, which runs
//! the standalone binary and kills it at real moments.

mod auth;
mod codec;
mod crash_drill;
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
