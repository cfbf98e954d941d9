//! A minimal W3C WebDriver client, enough to drive Debian's `chromium` through `chromedriver` in the
//! browser tests: open a URL, find elements, click, type, read text, take screenshots.
//!
//! WebDriver is plain JSON over HTTP, so this is a few calls on top of `reqwest` rather than a
//! dependency with its own HTTP and TLS stack.

use serde_json::{Value, json};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A running `chromedriver` process; killed on drop.
pub struct Driver {
    child: Child,
    base: String,
    http: reqwest::Client,
}

/// One browser session (one headless Chromium).
pub struct Session<'d> {
    driver: &'d Driver,
    id: String,
}

/// An element reference returned by `find`.
#[derive(Clone, Debug)]
pub struct Element(String);

pub type Result<T> = std::result::Result<T, String>;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

impl Driver {
    /// Starts `chromedriver` (from `$CHROMEDRIVER` or the PATH) and waits until it is ready.
    pub async fn start() -> Result<Driver> {
        let exe = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let port = free_port();
        let child = Command::new(&exe)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                format!("cannot start {exe:?}: {e} (install Debian's chromium and chromium-driver; .ci/run does)")
            })?;
        let driver = Driver {
            child,
            base: format!("http://127.0.0.1:{port}"),
            http: reqwest::Client::new(),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(r) = driver
                .http
                .get(format!("{}/status", driver.base))
                .send()
                .await
                && let Ok(v) = r.json::<Value>().await
                && v["value"]["ready"] == json!(true)
            {
                return Ok(driver);
            }
            if Instant::now() > deadline {
                return Err("chromedriver did not become ready within 20 s".into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Opens a headless Chromium session with the flags this machine needs (no sandbox as root,
    /// no background networking: the network is closed and Chromium would retry forever).
    pub async fn session(&self) -> Result<Session<'_>> {
        let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": binary,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-quic", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--window-size=1280,900"]
            }
        }}});
        let v = self
            .call(reqwest::Method::POST, "/session", Some(caps))
            .await?;
        let id = v["sessionId"]
            .as_str()
            .ok_or_else(|| format!("no sessionId in {v}"))?
            .to_string();
        Ok(Session { driver: self, id })
    }

    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<Value> {
        let mut req = self
            .http
            .request(method.clone(), format!("{}{path}", self.base));
        if let Some(b) = body {
            req = req.json(&b);
        } else if method == reqwest::Method::POST {
            req = req.json(&json!({}));
        }
        let resp = req
            .send()
            .await
            .map_err(|e| format!("{method} {path}: {e}"))?;
        let status = resp.status();
        let v: Value = resp
            .json()
            .await
            .map_err(|e| format!("{method} {path}: bad JSON: {e}"))?;
        if !status.is_success() {
            return Err(format!(
                "{method} {path}: {status}: {}",
                v["value"]["message"]
            ));
        }
        Ok(v["value"].clone())
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Session<'_> {
    fn path(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.id)
    }

    pub async fn goto(&self, url: &str) -> Result<()> {
        self.driver
            .call(
                reqwest::Method::POST,
                &self.path("/url"),
                Some(json!({"url": url})),
            )
            .await
            .map(|_| ())
    }

    pub async fn current_url(&self) -> Result<String> {
        let v = self
            .driver
            .call(reqwest::Method::GET, &self.path("/url"), None)
            .await?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    pub async fn title(&self) -> Result<String> {
        let v = self
            .driver
            .call(reqwest::Method::GET, &self.path("/title"), None)
            .await?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    /// The first element matching a CSS selector.
    pub async fn find(&self, css: &str) -> Result<Element> {
        let body = json!({"using": "css selector", "value": css});
        let v = self
            .driver
            .call(reqwest::Method::POST, &self.path("/element"), Some(body))
            .await?;
        v[ELEMENT_KEY]
            .as_str()
            .map(|s| Element(s.to_string()))
            .ok_or_else(|| format!("no element for {css:?}"))
    }

    /// Every element matching a CSS selector.
    pub async fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        let body = json!({"using": "css selector", "value": css});
        let v = self
            .driver
            .call(reqwest::Method::POST, &self.path("/elements"), Some(body))
            .await?;
        Ok(v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e[ELEMENT_KEY].as_str().map(|s| Element(s.to_string())))
                    .collect()
            })
            .unwrap_or_default())
    }

    pub async fn click(&self, el: &Element) -> Result<()> {
        self.driver
            .call(
                reqwest::Method::POST,
                &self.path(&format!("/element/{}/click", el.0)),
                None,
            )
            .await
            .map(|_| ())
    }

    pub async fn type_text(&self, el: &Element, text: &str) -> Result<()> {
        let body = json!({"text": text});
        self.driver
            .call(
                reqwest::Method::POST,
                &self.path(&format!("/element/{}/value", el.0)),
                Some(body),
            )
            .await
            .map(|_| ())
    }

    pub async fn text(&self, el: &Element) -> Result<String> {
        let v = self
            .driver
            .call(
                reqwest::Method::GET,
                &self.path(&format!("/element/{}/text", el.0)),
                None,
            )
            .await?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    pub async fn attr(&self, el: &Element, name: &str) -> Result<Option<String>> {
        let v = self
            .driver
            .call(
                reqwest::Method::GET,
                &self.path(&format!("/element/{}/attribute/{name}", el.0)),
                None,
            )
            .await?;
        Ok(v.as_str().map(str::to_string))
    }

    /// Runs a script in the page and returns its result.
    pub async fn execute(&self, script: &str) -> Result<Value> {
        self.driver
            .call(
                reqwest::Method::POST,
                &self.path("/execute/sync"),
                Some(json!({"script": script, "args": []})),
            )
            .await
    }

    /// Clicks an element that leads to another page (a link, a submit button) and returns once
    /// the new page has replaced the old one and finished loading.
    pub async fn click_and_wait(&self, el: &Element) -> Result<()> {
        let old = self.find("html").await?;
        self.click(el).await?;
        self.wait_replaced(&old).await
    }

    /// Types into a field where the text ends with Enter (a form submit) and returns once the
    /// resulting page has loaded.
    pub async fn type_and_wait(&self, el: &Element, text: &str) -> Result<()> {
        let old = self.find("html").await?;
        self.type_text(el, text).await?;
        self.wait_replaced(&old).await
    }

    /// Why: chromedriver returns from a click or from "send keys" once the events are dispatched,
    /// and a form POST (or a submit by Enter) may only start navigating a moment later, so reading
    /// the page at once races with the navigation. The old document's root going stale is the
    /// sign the new page is there; then we wait for it to finish loading. Ten seconds at most.
    async fn wait_replaced(&self, old: &Element) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let probe = self
                .driver
                .call(
                    reqwest::Method::GET,
                    &self.path(&format!("/element/{}/name", old.0)),
                    None,
                )
                .await;
            match probe {
                Err(e) if e.contains("stale") => break,
                Err(e) => return Err(e),
                Ok(_) if Instant::now() >= deadline => {
                    return Err("the page was not replaced within 10 s".into());
                }
                Ok(_) => tokio::time::sleep(Duration::from_millis(25)).await,
            }
        }
        loop {
            let state = self.execute("return document.readyState").await?;
            if state == "complete" {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(format!("the new page is still {state} after 10 s"));
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// The visible text of the whole page.
    pub async fn body_text(&self) -> Result<String> {
        let body = self.find("body").await?;
        self.text(&body).await
    }

    /// Saves a PNG screenshot of the viewport.
    pub async fn screenshot(&self, path: &Path) -> Result<()> {
        let v = self
            .driver
            .call(reqwest::Method::GET, &self.path("/screenshot"), None)
            .await?;
        let b64 = v.as_str().ok_or("screenshot: no data")?;
        let png = decode_base64(b64)?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(path, png).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub async fn close(self) -> Result<()> {
        self.driver
            .call(reqwest::Method::DELETE, &self.path(""), None)
            .await
            .map(|_| ())
    }
}

/// Standard base64 (RFC 4648) as WebDriver returns screenshots.
fn decode_base64(s: &str) -> Result<Vec<u8>> {
    fn val(c: u8) -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some((c - b'A') as u32),
            b'a'..=b'z' => Some((c - b'a' + 26) as u32),
            b'0'..=b'9' => Some((c - b'0' + 52) as u32),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    }
    let bytes: Vec<u8> = s
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
        .collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut acc = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            acc |= val(c).ok_or_else(|| format!("bad base64 byte {c}"))? << (18 - 6 * i);
        }
        let n = chunk.len() * 6 / 8;
        out.extend_from_slice(&acc.to_be_bytes()[1..1 + n]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_decodes_padding_variants() {
        assert_eq!(super::decode_base64("TWFu").unwrap(), b"Man");
        assert_eq!(super::decode_base64("TWE=").unwrap(), b"Ma");
        assert_eq!(super::decode_base64("TQ==").unwrap(), b"M");
        assert!(super::decode_base64("T*==").is_err());
    }
}
