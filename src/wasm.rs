//! The WebAssembly edge.
