//! Vigie's core: the domain model, French text normalisation and the document readers.
//!
//! Everything here is pure: functions take text or bytes and return values. No file system, no
//! database, no HTTP — those live in `vigie-store`, `vigie-web` and `vigie-cli`.

pub mod model;
pub mod read;
pub mod text;

pub use model::*;
pub use read::{ReadError, read_document};
