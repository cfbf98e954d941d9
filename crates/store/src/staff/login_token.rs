//! The login form's CSRF tokens: issued by the server, checked by the server.
//!
//! Before a session exists, the login form is protected by a double-submit token (cookie
//! `vigie_login` = form field `login_csrf`). A double-submit token alone accepts any value the
//! client chose; these tokens are `<issued-at>.<nonce>.<mac>`, where the MAC is HMAC-SHA-256 under
//! a key kept in the database (`server_secret`, made once, shared by every replica). A token is
//! accepted when its MAC is right and it is younger than [`MAX_AGE`].

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr};
use sha2::{Digest, Sha256};

use super::{constant_time_eq, hex, random_token};

/// How long a login form stays usable.
pub const MAX_AGE: Duration = Duration::hours(1);

const KEY_NAME: &str = "login_csrf";

/// The signing key, created on first use (every replica then reads the same one). A read on
/// every call; the one write happens once per database.
async fn key(db: &DatabaseConnection) -> Result<String, DbErr> {
    if let Some(k) = stored_key(db).await? {
        return Ok(k);
    }
    let insert = Query::insert()
        .into_table("server_secret")
        .columns(["name", "value"])
        .values_panic([KEY_NAME.into(), random_token().into()])
        // Two replicas creating it at once: the first one wins, both read it back.
        .on_conflict(OnConflict::column("name").do_nothing().to_owned())
        .to_owned();
    db.execute(&insert).await?;
    stored_key(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("server_secret login_csrf".into()))
}

async fn stored_key(db: &DatabaseConnection) -> Result<Option<String>, DbErr> {
    let select = Query::select()
        .column("value")
        .from("server_secret")
        .and_where(Expr::col("name").eq(Expr::val(KEY_NAME)))
        .to_owned();
    let backend = db.get_database_backend();
    match db.query_one_raw(backend.build(&select)).await? {
        Some(row) => Ok(Some(row.try_get::<String>("", "value")?)),
        None => Ok(None),
    }
}

/// HMAC-SHA-256 (RFC 2104), as hex.
fn hmac_hex(key: &[u8], message: &[u8]) -> String {
    const BLOCK: usize = 64;
    let mut k = [0u8; BLOCK];
    if key.len() > BLOCK {
        k[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        k[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| k.iter().map(|b| b ^ byte).collect::<Vec<u8>>();
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    let outer = Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize();
    hex(&outer)
}

fn sign(key: &str, issued: i64, nonce: &str) -> String {
    hmac_hex(key.as_bytes(), format!("{issued:x}.{nonce}").as_bytes())
}

/// A new token for a login form.
pub async fn issue(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<String, DbErr> {
    let key = key(db).await?;
    let issued = now.timestamp();
    let nonce: String = random_token().chars().take(32).collect();
    let mac = sign(&key, issued, &nonce);
    Ok(format!("{issued:x}.{nonce}.{mac}"))
}

/// Whether `token` was issued by a server of this database less than [`MAX_AGE`] ago.
pub async fn is_valid(
    db: &DatabaseConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let mut parts = token.split('.');
    let (Some(issued), Some(nonce), Some(mac), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Ok(false);
    };
    let Ok(issued_at) = i64::from_str_radix(issued, 16) else {
        return Ok(false);
    };
    let age = now.timestamp() - issued_at;
    if !(-60..=MAX_AGE.num_seconds()).contains(&age) || nonce.len() != 32 {
        return Ok(false);
    }
    let key = key(db).await?;
    let expected = sign(&key, issued_at, nonce);
    Ok(constant_time_eq(expected.as_bytes(), mac.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::hmac_hex;

    #[test]
    fn hmac_matches_rfc_4231() {
        // Test case 2.
        assert_eq!(
            hmac_hex(b"Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        // Test case 6: a key longer than the block.
        assert_eq!(
            hmac_hex(
                &[0xaa; 131],
                b"Test Using Larger Than Block-Size Key - Hash Key First"
            ),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }
}
