//! Search on the engine of the run (SQLite, or PostgreSQL with `VIGIE_TEST_POSTGRES`): the index
//! follows imports, re-imports and rebuilds; words match without case or accents, as prefixes
//! and from their singular; compounds match as phrases; snippets mark the matches.

use std::path::PathBuf;

use vigie_store::Store;
use vigie_store::query::search::{self, SearchFilter};

fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn seed(prefix: &str) -> (String, Vec<u8>) {
    let path = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    (
        path.file_name().unwrap().to_string_lossy().into_owned(),
        std::fs::read(&path).unwrap(),
    )
}

async fn seeded() -> Store {
    let store = vigie_store::testing::fresh_store().await;
    let mut names: Vec<PathBuf> = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for path in names {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        store
            .import_document(&name, &std::fs::read(&path).unwrap())
            .await
            .unwrap();
    }
    store
}

/// (total, the hits' snippets joined) for `q`.
async fn find(store: &Store, q: &str) -> (u64, String) {
    let page = search::search(
        store.conn(),
        &SearchFilter {
            q: q.into(),
            page: 1,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let text = page
        .items
        .iter()
        .flat_map(|h| {
            [h.title_snippet.clone(), h.body_snippet.clone()]
                .into_iter()
                .chain(h.passages.iter().map(|p| p.snippet.clone()))
        })
        .collect::<Vec<_>>()
        .join(" | ");
    (page.total, text)
}

#[tokio::test]
async fn search_matches_words_as_people_type_them() {
    let store = seeded().await;
    let (n, text) = find(&store, "NUMERIQUE").await;
    assert!(n > 0);
    assert!(
        text.contains("\u{2}numérique\u{3}") || text.contains("\u{2}Numérique\u{3}"),
        "{text}"
    );
    // A plural finds the singular, a prefix its words.
    assert_eq!(find(&store, "numériques").await.0, n);
    assert!(find(&store, "numéri").await.0 >= n);
    // A compound is one phrase.
    let (n, text) = find(&store, "e-santé").await;
    assert!(n > 0 && text.contains('\u{2}'), "{text}");
    // Syntax of either engine is a plain word.
    for hostile in [
        "' OR 1=1 --",
        "a & b | !c",
        "NEAR(x",
        "*",
        "\"",
        "<b>",
        "x:*",
    ] {
        search::search(
            store.conn(),
            &SearchFilter {
                q: hostile.into(),
                page: 1,
                ..Default::default()
            },
        )
        .await
        .unwrap_or_else(|e| panic!("{hostile:?}: {e}"));
    }
    assert_eq!(find(&store, "zzzyyyxxx").await.0, 0);
}

#[tokio::test]
async fn the_index_follows_reimports_and_rebuilds() {
    let store = seeded().await;
    let (name, bytes) = seed("000");
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(find(&store, "xylophone").await.0, 0);
    let (before, _) = find(&store, "task force").await;
    assert!(before > 0);
    // The same question re-imported with another subject: updated in place, and in the index.
    let changed = text.replacen("task force", "xylophone", 1);
    assert_ne!(changed, text, "seed 000 names the task force");
    store
        .import_document(&name, changed.as_bytes())
        .await
        .unwrap();
    assert!(find(&store, "xylophone").await.0 > 0);
    let after_reimport = (
        find(&store, "xylophone").await,
        find(&store, "task force").await,
    );
    // A rebuild from the tables finds exactly the same.
    search::rebuild_index(store.conn()).await.unwrap();
    assert_eq!(
        (
            find(&store, "xylophone").await,
            find(&store, "task force").await
        ),
        after_reimport
    );
}
