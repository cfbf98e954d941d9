//! `vigie serve [--db URL] [--addr 127.0.0.1:8080]`: the dashboard over an existing database.

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Context;
use vigie_store::Store;

/// Where the dashboard listens unless told otherwise: loopback only, so a first run never
/// exposes anything to the network.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";

#[derive(clap::Args)]
pub struct Args {
    /// Address to listen on (`0.0.0.0:8080` to accept connections from other machines).
    #[arg(long, default_value = DEFAULT_ADDR)]
    pub addr: SocketAddr,
    /// Mark the staff session cookie `Secure` (sent over HTTPS only): use it behind a TLS proxy.
    #[arg(long)]
    pub secure_cookies: bool,
    /// Render every public page at every request instead of serving the copy kept since the
    /// last change to the data (to measure the rendering itself).
    #[arg(long)]
    pub no_page_cache: bool,
    /// For the load benchmark only: also serve `/_baseline/{bytes}`, a static body of that size.
    #[arg(long, hide = true)]
    pub baseline_route: bool,
}

pub async fn run(db: &str, args: Args) -> anyhow::Result<ExitCode> {
    let store = Store::open_for_serving(db)
        .await
        .with_context(|| format!("cannot open the database {db}"))?;
    let auth = vigie_web::auth::AuthConfig {
        secure_cookies: args.secure_cookies,
        ..Default::default()
    };
    serve_state(
        store,
        args.addr,
        auth,
        !args.no_page_cache,
        args.baseline_route,
    )
    .await
}

/// Serves `store` on `addr` until Ctrl-C (or SIGTERM), then finishes the requests under way.
pub async fn serve(store: Store, addr: SocketAddr) -> anyhow::Result<ExitCode> {
    serve_with(store, addr, vigie_web::auth::AuthConfig::default()).await
}

/// [`serve`] with staff login settings.
pub async fn serve_with(
    store: Store,
    addr: SocketAddr,
    auth: vigie_web::auth::AuthConfig,
) -> anyhow::Result<ExitCode> {
    serve_state(store, addr, auth, true, false).await
}

async fn serve_state(
    store: Store,
    addr: SocketAddr,
    auth: vigie_web::auth::AuthConfig,
    page_cache: bool,
    baseline_route: bool,
) -> anyhow::Result<ExitCode> {
    let listener = tokio::net::TcpListener::bind(addr).await.with_context(|| {
        format!("cannot listen on {addr} (is another server using it? try --addr 127.0.0.1:8081)")
    })?;
    let local = listener.local_addr()?;
    let mut state = vigie_web::AppState::new(store.conn().clone())
        .with_auth(auth)
        .with_change_probe(store.change_probe());
    if !page_cache {
        state = state.without_page_cache();
    }
    println!("Vigie is serving http://{local}/  (Ctrl-C to stop)");
    let mut routes = vigie_web::routes();
    if baseline_route {
        routes = routes.merge(vigie_web::baseline_routes());
    }
    vigie_web::serve_until(
        vigie_web::finish(routes, state),
        listener,
        shutdown_signal(),
    )
    .await
    .context("the web server stopped")?;
    Ok(ExitCode::SUCCESS)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
