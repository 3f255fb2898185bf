//! Starts the reference server: `portal-reference-server [--db FILE] [--dist DIR] [--seed DIR] [--port N]
//! [--writes-per-minute N]` (docs/reference-server.md).

use std::net::SocketAddr;
use std::path::PathBuf;

use portal_reference_server::{router, seed, store::Store, Options, Server};

fn main() -> Result<(), String> {
    let mut db = PathBuf::from("target/reference-server/portal.sqlite");
    let mut dist = Some(PathBuf::from("target/dist"));
    let mut seed_dir = PathBuf::from("public/api");
    let mut port: u16 = 8090;
    let mut writes_per_minute = 120;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--db" => db = PathBuf::from(value()?),
            "--dist" => dist = Some(PathBuf::from(value()?)).filter(|d| d.as_os_str() != "none"),
            "--seed" => seed_dir = PathBuf::from(value()?),
            "--port" => port = value()?.parse().map_err(|e| format!("--port: {e}"))?,
            "--writes-per-minute" => {
                writes_per_minute = value()?
                    .parse()
                    .map_err(|e| format!("--writes-per-minute: {e}"))?
            }
            other => {
                return Err(format!(
                    "unknown argument {other} (see docs/reference-server.md)"
                ))
            }
        }
    }
    if let Some(parent) = db.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    let mut store = Store::open(&db).map_err(|e| format!("{}: {e}", db.display()))?;
    let seeded = seed(&mut store, &seed_dir)?;
    if seeded > 0 {
        println!("seeded {seeded} documents from {}", seed_dir.display());
    }
    let server = Server::new(
        store,
        Options {
            dist,
            writes_per_minute,
        },
    );
    let address = SocketAddr::from(([127, 0, 0, 1], port));
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .map_err(|e| format!("{address}: {e}"))?;
        println!(
            "reference server on http://{address}/ (database {})",
            db.display()
        );
        axum::serve(listener, router(server))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| e.to_string())
    })
}
