//! The server's storage: one SQLite database holding each user's documents with their versions, the answers to
//! filing attempts (by idempotency key), export files and the demo sessions.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde_json::Value;

/// A document as stored: its JSON text and its version (the ETag's number).
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub version: i64,
    pub body: String,
}

/// The answer given to a filing attempt, kept so a repeat of the attempt gets it again.
#[derive(Clone, Debug, PartialEq)]
pub struct Replay {
    pub status: u16,
    pub version: i64,
    pub body: String,
}

pub struct Store {
    connection: Connection,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS documents (
    user TEXT NOT NULL, name TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY (user, name));
CREATE TABLE IF NOT EXISTS attempts (
    user TEXT NOT NULL, key TEXT NOT NULL, status INTEGER NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL,
    made_at TEXT NOT NULL, PRIMARY KEY (user, key));
CREATE TABLE IF NOT EXISTS exports (
    user TEXT NOT NULL, reference TEXT NOT NULL, content_type TEXT NOT NULL, body BLOB NOT NULL,
    PRIMARY KEY (user, reference));
CREATE TABLE IF NOT EXISTS sessions (token TEXT PRIMARY KEY, user TEXT NOT NULL);
";

/// The company's documents are kept under this user.
pub const COMPANY: &str = "";

impl Store {
    /// Opens (creating if need be) the database file at `path`.
    pub fn open(path: &Path) -> rusqlite::Result<Store> {
        Store::with(Connection::open(path)?)
    }

    /// A database in memory, for the tests.
    pub fn in_memory() -> rusqlite::Result<Store> {
        Store::with(Connection::open_in_memory()?)
    }

    fn with(connection: Connection) -> rusqlite::Result<Store> {
        // WAL: a write is durable once its transaction commits, and reads do not wait for it.
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.execute_batch(SCHEMA)?;
        Ok(Store { connection })
    }

    /// Whether anything was ever seeded.
    pub fn is_empty(&self) -> rusqlite::Result<bool> {
        let count: i64 =
            self.connection
                .query_row("SELECT COUNT(*) FROM documents", [], |row| row.get(0))?;
        Ok(count == 0)
    }

    /// Stores a seed document (version 1) and, for a user, their demo session `demo-{user}`.
    pub fn seed(&mut self, user: &str, name: &str, body: &str) -> rusqlite::Result<()> {
        let transaction = self.connection.transaction()?;
        transaction.execute(
            "INSERT OR REPLACE INTO documents (user, name, version, body) VALUES (?1, ?2, 1, ?3)",
            params![user, name, body],
        )?;
        if user != COMPANY {
            transaction.execute(
                "INSERT OR IGNORE INTO sessions (token, user) VALUES (?1, ?2)",
                params![format!("demo-{user}"), user],
            )?;
        }
        transaction.commit()
    }

    /// The user a session token belongs to.
    pub fn session_user(&self, token: &str) -> rusqlite::Result<Option<String>> {
        self.connection
            .query_row(
                "SELECT user FROM sessions WHERE token = ?1",
                [token],
                |row| row.get(0),
            )
            .optional()
    }

    pub fn document(&self, user: &str, name: &str) -> rusqlite::Result<Option<Stored>> {
        read(&self.connection, user, name)
    }

    /// The answer an earlier attempt with `key` got at `since` or later (an RFC 3339 time in UTC), if any.
    pub fn replay(&self, user: &str, key: &str, since: &str) -> rusqlite::Result<Option<Replay>> {
        self.connection
            .query_row(
                "SELECT status, version, body FROM attempts WHERE user = ?1 AND key = ?2 AND made_at >= ?3",
                params![user, key, since],
                |row| {
                    Ok(Replay {
                        status: row.get(0)?,
                        version: row.get(1)?,
                        body: row.get(2)?,
                    })
                },
            )
            .optional()
    }

    /// Replaces `name` with `body` if its version is still `based_on`, appends `event` to the user's activity log
    /// and keeps the answer under the attempt's `key`, all in one transaction. `Ok(Err(current))` when the
    /// document has changed since `based_on` (nothing is stored).
    pub fn write(
        &mut self,
        user: &str,
        name: &str,
        based_on: i64,
        body: &str,
        event: &Value,
        key: Option<(&str, &str)>,
    ) -> rusqlite::Result<Result<Stored, Stored>> {
        let transaction = self.connection.transaction()?;
        let Some(current) = read(&transaction, user, name)? else {
            return Err(rusqlite::Error::QueryReturnedNoRows);
        };
        if current.version != based_on {
            return Ok(Err(current));
        }
        let version = current.version + 1;
        transaction.execute(
            "UPDATE documents SET version = ?3, body = ?4 WHERE user = ?1 AND name = ?2",
            params![user, name, version, body],
        )?;
        append_event(&transaction, user, event)?;
        if let Some((key, now)) = key {
            // A key is kept for a day (docs/api/openapi.yaml): older attempts go, so one reused later files anew.
            let day_before = chrono::DateTime::parse_from_rfc3339(now)
                .map(|t| (t - chrono::Duration::days(1)).to_utc().to_rfc3339())
                .unwrap_or_default();
            transaction.execute(
                "DELETE FROM attempts WHERE user = ?1 AND made_at < ?2",
                params![user, day_before],
            )?;
            transaction.execute(
                "INSERT OR REPLACE INTO attempts (user, key, status, version, body, made_at) VALUES (?1, ?2, 200, ?3, ?4, ?5)",
                params![user, key, version, body, now],
            )?;
        }
        transaction.commit()?;
        Ok(Ok(Stored {
            version,
            body: body.to_string(),
        }))
    }

    pub fn export_file(
        &self,
        user: &str,
        reference: &str,
    ) -> rusqlite::Result<Option<(String, Vec<u8>)>> {
        self.connection
            .query_row(
                "SELECT content_type, body FROM exports WHERE user = ?1 AND reference = ?2",
                params![user, reference],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()
    }

    /// Stores an export's file once: `false` if the export already has one.
    pub fn put_export_file(
        &self,
        user: &str,
        reference: &str,
        content_type: &str,
        body: &[u8],
    ) -> rusqlite::Result<bool> {
        let inserted = self.connection.execute(
            "INSERT OR IGNORE INTO exports (user, reference, content_type, body) VALUES (?1, ?2, ?3, ?4)",
            params![user, reference, content_type, body],
        )?;
        Ok(inserted == 1)
    }
}

fn read(connection: &Connection, user: &str, name: &str) -> rusqlite::Result<Option<Stored>> {
    connection
        .query_row(
            "SELECT version, body FROM documents WHERE user = ?1 AND name = ?2",
            params![user, name],
            |row| {
                Ok(Stored {
                    version: row.get(0)?,
                    body: row.get(1)?,
                })
            },
        )
        .optional()
}

/// Appends `event` to the user's activity log (a new version of it).
fn append_event(transaction: &Transaction, user: &str, event: &Value) -> rusqlite::Result<()> {
    let Some(activity) = read(transaction, user, "activity.json")? else {
        return Ok(());
    };
    let mut log: Value = serde_json::from_str(&activity.body)
        .map_err(|error| rusqlite::Error::ToSqlConversionFailure(Box::new(error)))?;
    if let Some(events) = log.get_mut("events").and_then(Value::as_array_mut) {
        events.push(event.clone());
    }
    transaction.execute(
        "UPDATE documents SET version = version + 1, body = ?2 WHERE user = ?1 AND name = 'activity.json'",
        params![user, log.to_string()],
    )?;
    Ok(())
}
