//! Errors the api layer returns, each one something a person can be told about.

use std::fmt;

use super::endpoint::Endpoint;

/// Why browser storage could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// Storage is switched off or blocked (private mode, site settings).
    Unavailable,
    /// Storage is full.
    QuotaExceeded,
    /// Any other failure, with the browser's description.
    Failed(String),
    /// Another tab runs a newer version of the portal, whose stored data this tab must not overwrite.
    UpdatedInAnotherTab,
}

/// A failed read or write.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The request never got an answer: offline, refused, or aborted.
    Network { endpoint: Endpoint },
    /// The server answered with an error status.
    Status { endpoint: Endpoint, status: u16 },
    /// The server answered, but not with data of the expected shape.
    Malformed { endpoint: Endpoint, detail: String },
    /// A change could not be kept in browser storage.
    Storage(StorageError),
    /// The write was refused: the document was saved elsewhere (another tab or device) since it was read.
    Conflict,
    /// The session is over (HTTP 401): the user signs in again; nothing was done.
    SessionOver,
    /// The server refused the action for this user (HTTP 403).
    Forbidden { endpoint: Endpoint },
    /// Too many requests (HTTP 429); the server says how long to wait, when it does.
    RateLimited { retry_after_seconds: Option<u64> },
}

impl ApiError {
    /// The endpoint involved, if any.
    pub fn endpoint(&self) -> Option<Endpoint> {
        match self {
            ApiError::Network { endpoint }
            | ApiError::Status { endpoint, .. }
            | ApiError::Malformed { endpoint, .. }
            | ApiError::Forbidden { endpoint } => Some(*endpoint),
            ApiError::Storage(_)
            | ApiError::Conflict
            | ApiError::SessionOver
            | ApiError::RateLimited { .. } => None,
        }
    }
}

/// A short technical description, for logs; what the user reads comes from the message catalogues
/// (`text::labels::error_title` and `error_text`).
impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => f.write_str("storage unavailable"),
            StorageError::QuotaExceeded => f.write_str("storage full"),
            StorageError::Failed(detail) => write!(f, "storage failed: {detail}"),
            StorageError::UpdatedInAnotherTab => f.write_str("stored by a newer version"),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Network { endpoint } => write!(f, "{}: no answer", endpoint.file()),
            ApiError::Status { endpoint, status } => {
                write!(f, "{}: HTTP {status}", endpoint.file())
            }
            ApiError::Malformed { endpoint, detail } => {
                write!(f, "{}: unreadable ({detail})", endpoint.file())
            }
            ApiError::Storage(error) => error.fmt(f),
            ApiError::Conflict => f.write_str("saved elsewhere since it was read"),
            ApiError::SessionOver => f.write_str("session over"),
            ApiError::Forbidden { endpoint } => write!(f, "{}: not allowed", endpoint.file()),
            ApiError::RateLimited {
                retry_after_seconds: Some(seconds),
            } => write!(f, "rate limited (retry after {seconds} s)"),
            ApiError::RateLimited {
                retry_after_seconds: None,
            } => f.write_str("rate limited"),
        }
    }
}

impl std::error::Error for ApiError {}
