//! The contract's one error: a value that breaks a rule of the contract. It names the field and
//! says what to change; the core, the server and the storyteller map it into their own errors
//! (`VALIDATION`, `INVALID_REQUEST`).

/// A value that breaks a rule of the contract.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ContractError {
    /// `field` holds a value the contract refuses; `message` says what to change.
    #[error("{field}: {message}")]
    Invalid {
        /// The field in its wire spelling, e.g. `targetDuration` or `primaryTrait`.
        field: String,
        /// What is wrong and what to change, e.g. "must be between 60 and 900 seconds".
        message: String,
    },
}

impl ContractError {
    /// `Invalid` for `field`.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        ContractError::Invalid {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The offending field.
    pub fn field(&self) -> &str {
        match self {
            ContractError::Invalid { field, .. } => field,
        }
    }

    /// What to change.
    pub fn message(&self) -> &str {
        match self {
            ContractError::Invalid { message, .. } => message,
        }
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = ContractError> = std::result::Result<T, E>;
