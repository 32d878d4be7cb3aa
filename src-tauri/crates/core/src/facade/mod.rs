//! The [`crate::Core`] API, split by domain so each part reads in one sitting.

mod live;
mod session;
mod stories;
