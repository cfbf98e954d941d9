//! Data-driven: every seed and every good fixture is read, and the document is compared with its
//! insta snapshot (`tests/snapshots/`). The snapshots were read line by line against the source
//! files when they were accepted; `seeds.rs` checks the seeds' fields with literal values on top.

mod common;

use common::{good_files, read};

#[test]
fn every_seed_and_good_fixture_matches_its_snapshot() {
    let files = good_files();
    assert!(files.len() >= 5, "no documents found");
    for (name, path) in files {
        let doc = read(&path).unwrap_or_else(|e| panic!("{e}"));
        insta::assert_yaml_snapshot!(name, doc);
    }
}
