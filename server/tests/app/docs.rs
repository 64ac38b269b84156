//! ARCHITECTURE.md's feature map is true: every file it names exists in the layer it names,
//! and every page and server-function file is in it, so a feature added or renamed without its
//! row fails here rather than leaving a newcomer searching.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The rows of the feature map: the feature and its cells, page to tests.
fn feature_map() -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let start = text
        .find("| Feature | Page")
        .expect("the feature map's header");
    text[start..]
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let cells: Vec<String> = line
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_owned())
                .collect();
            (cells[0].clone(), cells[1..].to_vec())
        })
        .collect()
}

/// The files a cell names (in backticks, ending in .rs or .ts).
fn files(cell: &str) -> Vec<&str> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(|f| f.split(' ').next().unwrap_or(f))
        .filter(|f| f.ends_with(".rs") || f.ends_with(".ts"))
        .collect()
}

#[test]
fn every_file_the_feature_map_names_exists_and_every_page_and_server_function_is_mapped() {
    // Where each column's paths are relative to.
    let bases: [&[&str]; 6] = [
        &["app/src"],
        &["app/src", "server/src", "."],
        &["src", "server/src", "."],
        &["src/storage"],
        &["app/src"],
        &["server/tests/app", "end2end/tests"],
    ];
    let map = feature_map();
    assert!(map.len() >= 15, "{} features", map.len());
    let mut named = Vec::new();
    for (feature, cells) in &map {
        assert_eq!(cells.len(), 6, "{feature}: six layers");
        for (cell, bases) in cells.iter().zip(bases) {
            for file in files(cell) {
                let found = bases.iter().any(|b| root().join(b).join(file).exists());
                assert!(found, "{feature}: {file} is not in {bases:?}");
                named.push(file.to_owned());
            }
        }
    }
    for folder in ["pages", "server_fns"] {
        for entry in std::fs::read_dir(root().join("app/src").join(folder)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if name == "mod.rs" || name == "not_found.rs" {
                continue;
            }
            let path = format!("{folder}/{name}");
            assert!(
                named.contains(&path),
                "{path} is in no row of the feature map"
            );
        }
    }
}
