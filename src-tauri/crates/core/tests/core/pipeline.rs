//! The request pipeline against the real backend: headers, retries under injected faults,
//! `Retry-After`, request-id reuse, error decoding.
