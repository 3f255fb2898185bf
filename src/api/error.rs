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
}

impl ApiError {
    /// The endpoint involved, if any.
    pub fn endpoint(&self) -> Option<Endpoint> {
        match self {
            ApiError::Network { endpoint }
            | ApiError::Status { endpoint, .. }
            | ApiError::Malformed { endpoint, .. } => Some(*endpoint),
            ApiError::Storage(_) => None,
        }
    }

    /// A short heading for the problem.
    pub fn title(&self) -> String {
        match self.endpoint() {
            Some(endpoint) => format!("We could not load {}", endpoint.subject()),
            None => "Your change was not saved in this browser".to_string(),
        }
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => f.write_str(
                "This browser does not allow this site to store data, so changes last only until you leave or reload the page.",
            ),
            StorageError::QuotaExceeded => f.write_str(
                "This browser's storage for this site is full, so the change lasts only until you leave or reload the page.",
            ),
            StorageError::Failed(detail) => write!(
                f,
                "The browser could not store the change ({detail}), so it lasts only until you leave or reload the page."
            ),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Network { .. } => f.write_str(
                "The server could not be reached. Check your internet connection, then try again.",
            ),
            ApiError::Status { status, .. } if *status >= 500 => write!(
                f,
                "The server had a problem (error {status}). Nothing you saved is lost. Try again in a moment."
            ),
            ApiError::Status { status: 404, .. } => f.write_str(
                "The server could not find this information (error 404). Try again; if it keeps happening, contact us.",
            ),
            ApiError::Status { status, .. } => write!(
                f,
                "The server refused the request (error {status}). Try again; if it keeps happening, contact us."
            ),
            ApiError::Malformed { .. } => f.write_str(
                "The server sent an answer we could not read. Nothing you saved is lost. Try again in a moment.",
            ),
            ApiError::Storage(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_what_failed_and_what_to_do() {
        let error = ApiError::Status {
            endpoint: Endpoint::Requests,
            status: 500,
        };
        assert_eq!(error.title(), "We could not load your requests");
        assert!(error.to_string().contains("error 500"));
        assert!(ApiError::Network {
            endpoint: Endpoint::Profile
        }
        .to_string()
        .contains("connection"));
        assert!(ApiError::Storage(StorageError::QuotaExceeded)
            .to_string()
            .contains("full"));
    }
}
