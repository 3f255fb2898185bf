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
    /// The write was refused: the document was saved elsewhere (another tab) since it was read.
    Conflict,
}

impl ApiError {
    /// The endpoint involved, if any.
    pub fn endpoint(&self) -> Option<Endpoint> {
        match self {
            ApiError::Network { endpoint }
            | ApiError::Status { endpoint, .. }
            | ApiError::Malformed { endpoint, .. } => Some(*endpoint),
            ApiError::Storage(_) | ApiError::Conflict => None,
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
        }
    }
}

impl std::error::Error for ApiError {}
