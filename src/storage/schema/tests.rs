//! The schema's promises to an installed site: shipped migrations never change, a database
//! made by the oldest shipped schema upgrades to today's keeping every row, and a database a
//! newer build has moved past is refused with a message that says what to do.

use std::path::Path;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool};

use super::*;
use crate::idea::IdeaId;
use crate::storage::Db;

/// Each shipped migration and the SHA-384 of its text, as sqlx records it in
/// `_sqlx_migrations`. Add a line for a new migration; never change one.
const SHIPPED: &[(i64, &str)] = &[
    (
        1,
        "2380ea5b5a7371ad5534687110f38db3ccb09e02cbb965e211fc344a6362c8b3c6274a0e134aefd9323a81daf4af0043",
    ),
    (
        2,
        "a2f34238257ed58d507f7a347dc928cd757c81b35d81562ce6f379662c30343c54ec01b03600af2d4e6d311092edad90",
    ),
    (
        3,
        "72cbdd89047960ce0bb5344cf7d9d7a845789d310f3019fc90dc910affec4138e9a75f776aca4149f24d5b0c9446231a",
    ),
    (
        4,
        "8a16446ac40c16611777ce868c8b5fe6a0fc9f6d1c3de280f50afc391e897926b0fb3910ecfb14a80f9e0065c8120005",
    ),
    (
        5,
        "ccf07697071a38105ced189f4b3c06a5e349478444217c41b288ecc419b2949d5a1b099a9088a169df0fd83e93fc0b35",
    ),
    (
        6,
        "3737a9ab3fb677752bcdbe9d81a28163d9df69f0a47abb1edcfd66bddd30121f8e9cd2fde6f16586225ca297b67383c0",
    ),
    (
        7,
        "482ec125328950047a93799312fc579174939ebb70273916044a48b1e93aef065fa0f2540e26cfe76f2ee5e93e3d4645",
    ),
    (
        8,
        "d3dfe326a214cdc1d9ca74445da2328d1ce1e0d2bd5e8341a64c433b57772231fb581ea3b1b1117c7b5fd5157e451fdf",
    ),
    (
        9,
        "c1b63eac62fe51b691c7005da42cf2a862f673eb9a8ce12b9e4b4acb63db4a0d9b70d8b09a196578f16c21bb0d6df06b",
    ),
    (
        10,
        "efc550680e435de004c6ce0ac45395792870b520dd2033f3c760ea2ed0fb501011dc4d0465bc984df8d55d174d37e1a2",
    ),
    (
        11,
        "35374e632f39859539e3191701c976c047f06322cdc209948cad1126d545845cca1cc521524e3dbe79325454e20a04d7",
    ),
    (
        12,
        "20abb49778e10acc26019886adaaf93cb93e8c88dd3ac5c6d1aa90a224edd3f2ca9b98d6736e4a776501cb0702f0cc37",
    ),
    (
        13,
        "b2a4bde12f4aa4f1d0292fa039d9c1393334736b71b0e29d54c3ca85f74b133827ddd4b76e747682810e70d3409d172b",
    ),
    (
        14,
        "b25f1b6ee882fc139cb9a2950ba79cbb1913dac6fd5040adf561f27db1b9119f957d1dfd4c867dbcd5cff8fee1b2e234",
    ),
    (
        15,
        "dfcbb0d8d42117cfb50f104f723c569d2ee8efe18360854e480af14ed80882e4ff74cfb47066159d54192f84038fb195",
    ),
    (
        16,
        "cba8c03c2ea4bc3d40737e78e592dec27bca367450c49a3823c5910713483a0586adf53f87ecbb29be6c30e65562774b",
    ),
    (
        17,
        "31371fe807d393b63fa99c932a7b34281be3398ff146b1129b1aed89f52d59a1748be91c0b5a2852f71154fb69489daf",
    ),
    (
        18,
        "bab8244d1be516ae7f669de3af4a5ae77b0225b3b194bbbf742515927e541c6137f44cf12fa904d4e0d8231016c4f50e",
    ),
    (
        19,
        "54545053f4c6ed9dcba4f8cbee3ea47a8b2c1c3f1d2ea0ea673d1a39f39c85e73abb984bbed02bafc80e74d79bcd979f",
    ),
    (
        20,
        "759e7dd529aa5cf6559e06e5411e1cbdb2fd29e5065903a205423ddc227eed278a3673fa7af433cd633133e00edda0b0",
    ),
    (
        21,
        "b67acd6376e12ea64a87c59c638c3a0d86c1fe86d41078728a938fd63d31c3128df3020e4c3da2eed37afa02155d0ef9",
    ),
    (
        22,
        "0bb843b77d46ee7dd23a5455926bf21c8540a1a7741e6cd6c7e3157b7ab8986c82939d4261c56b49446209bd35bf18f1",
    ),
    (
        23,
        "b67b2276b12fbe498c73b83ca62756b08aaaf6313faf8a53105c8a2d757f5658d12bef2e5e97fd0f31ebe649710234dc",
    ),
    (
        24,
        "e638090f950f34d15fb53eeb5b16bce2d9fc1f63c16570e173cdafe9f9711c1879758cf708904dbf460678b8db83f83a",
    ),
    (
        25,
        "3fcb768ec919d5cb4e8474d9822e7666166f16b3fa90e1cc513793158c0166093a568304944153e319e99ab97c4a791c",
    ),
    (
        26,
        "2d8af80f9456255c3bff6a5844aa24b23cb10fd63d8a29bd8b250a63569453304296aeaf6594f15bafa2e131b213d53a",
    ),
    (
        27,
        "c662bd848a66ce36591d676c35cd903acfe12969df4ebe9d560d43b60417db1993856cb94111714301e6c161da4ba53c",
    ),
    (
        28,
        "33d373e7b34668d1a88baad5eb20f3147f1c88c6d55fd45fec189fa24a8a9bda79f632857260c48e93e03ee83cbd9649",
    ),
];

#[test]
fn shipped_migrations_never_change() {
    let built: Vec<(i64, String)> = MIGRATOR
        .iter()
        .map(|m| {
            let hex = m.checksum.iter().map(|b| format!("{b:02x}")).collect();
            (m.version, hex)
        })
        .collect();
    for (version, checksum) in SHIPPED {
        let Some((_, now)) = built.iter().find(|(v, _)| v == version) else {
            panic!("migration {version} was shipped and is gone");
        };
        assert_eq!(
            now, checksum,
            "migration {version} changed after it shipped: installed sites would refuse to \
             start. Put the change in a new migration."
        );
    }
    assert_eq!(
        built.len(),
        SHIPPED.len(),
        "a new migration: add its checksum to SHIPPED"
    );
    assert_eq!(schema_version(), SHIPPED.last().unwrap().0);
}

/// A database file at the first shipped schema, as the first installations made it.
async fn oldest_schema(path: &Path) -> SqlitePool {
    let only_first = tempfile::tempdir().unwrap();
    let first = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/0001_schema.sql");
    std::fs::copy(&first, only_first.path().join("0001_schema.sql")).unwrap();
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .foreign_keys(true);
    let pool = SqlitePool::connect_with(options).await.unwrap();
    let migrator = Migrator::new(only_first.path()).await.unwrap();
    migrator.run(&pool).await.unwrap();
    pool
}

/// Rows in every table of the first schema, as an early site had them.
const EARLY_ROWS: &str = "
INSERT INTO sectors VALUES ('transport', 'Transport', 'Transport', 1);
INSERT INTO adaptation_themes VALUES ('flooding', 'Oversvømmelse', 'Flooding', 1);
INSERT INTO areas VALUES (1, 'midtbyen', 'Midtbyen',
  '{\"type\":\"MultiPolygon\",\"coordinates\":[[[[9.9,57.0],[10.0,57.0],[10.0,57.1],[9.9,57.0]]]]}',
  57.04, 9.95, 1);
INSERT INTO residents VALUES (1, 'anna@example.dk', 'Anna', 1, 1700000000, NULL);
INSERT INTO residents VALUES (2, 'bo@example.dk', NULL, NULL, 1700000100, NULL);
INSERT INTO residents VALUES (3, NULL, NULL, NULL, 1700000200, 1700100000);
INSERT INTO staff_users VALUES (1, 'karen', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g', 'admin', 1700000000, NULL);
INSERT INTO ideas VALUES (1, 'Cykelsti langs fjorden', 'En sikker cykelsti hele vejen langs fjorden.',
  'mitigation', 'transport', NULL, 1, 57.05, 9.92, NULL, 1, 'published', NULL, 'new', NULL, 0,
  1700001000, 1700001000);
INSERT INTO ideas VALUES (2, 'Regnvandsbede i Vestbyen', 'Plant regnvandsbede, så kældrene holdes tørre.',
  'adaptation', NULL, 'flooding', 1, NULL, NULL, NULL, 2, 'pending', NULL, 'new', NULL, 0,
  1700002000, 1700002000);
INSERT INTO ideas VALUES (3, 'Cykelsti ved fjorden', 'Samme idé som den første, med andre ord.',
  'mitigation', 'transport', NULL, 1, NULL, NULL, NULL, 3, 'hidden', 'duplicate', 'new', NULL, 0,
  1700003000, 1700003000);
INSERT INTO supports VALUES (1, 1, 1700004000), (1, 2, 1700004100), (2, 1, 1700004200);
INSERT INTO reports VALUES (1, 1, 2, 'off_topic', 'Hører ikke hjemme her', 1700005000, NULL, NULL);
INSERT INTO status_changes VALUES (1, 1, 'in_plan', 'Cykelstien er med i planen.', NULL, 1, 1700006000);
UPDATE ideas SET status = 'in_plan' WHERE id = 1;
INSERT INTO audit_events VALUES (1, 1, 'idea.status', 'idea', 1, '{\"status\":\"new\"}',
  '{\"status\":\"in_plan\"}', 1700006000);
";

/// A table's columns.
async fn columns_of(pool: &SqlitePool, table: &str) -> Vec<String> {
    sqlx::query_scalar("SELECT name FROM pragma_table_info(?)")
        .bind(table)
        .fetch_all(pool)
        .await
        .unwrap()
}

/// A table's rows in these columns, quoted as SQLite quotes them, sorted.
async fn rows_of(pool: &SqlitePool, table: &str, columns: &[String]) -> Vec<String> {
    let quoted = columns
        .iter()
        .map(|c| format!("quote(\"{c}\")"))
        .collect::<Vec<_>>()
        .join(" || ',' || ");
    let mut rows: Vec<String> = sqlx::query_scalar(&format!("SELECT {quoted} FROM {table}"))
        .fetch_all(pool)
        .await
        .unwrap();
    rows.sort();
    rows
}

#[tokio::test]
async fn a_database_of_the_oldest_schema_upgrades_keeping_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("site.db");
    let early = oldest_schema(&path).await;
    sqlx::raw_sql(EARLY_ROWS).execute(&early).await.unwrap();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\'
         AND name NOT LIKE 'sqlite%' ORDER BY name",
    )
    .fetch_all(&early)
    .await
    .unwrap();
    let mut before = Vec::new();
    for table in &tables {
        let columns = columns_of(&early, table).await;
        let rows = rows_of(&early, table, &columns).await;
        assert!(!rows.is_empty(), "{table} has no early rows");
        before.push((table, columns, rows));
    }
    early.close().await;

    let db = Db::open(path.to_str().unwrap()).await.unwrap();
    let applied: i64 = sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(applied, schema_version());
    assert!(db.integrity_ok().await.unwrap());
    let broken: Vec<String> = sqlx::query_scalar("SELECT \"table\" FROM pragma_foreign_key_check")
        .fetch_all(db.pool())
        .await
        .unwrap();
    assert!(broken.is_empty(), "rows pointing nowhere: {broken:?}");
    // Every row is still there with the values it had (later migrations may add columns and
    // rows, never take away or change what was stored).
    for (table, columns, rows) in &before {
        let now = rows_of(db.pool(), table, columns).await;
        let lost: Vec<_> = rows.iter().filter(|row| !now.contains(row)).collect();
        assert!(lost.is_empty(), "{table} lost or changed {lost:?}");
    }
    // And the site reads them as it reads its own.
    let idea = db.published_idea(IdeaId(1)).await.unwrap().expect("public");
    assert_eq!(idea.summary.title, "Cykelsti langs fjorden");
    assert_eq!(idea.summary.supports, 2);
    assert_eq!(idea.summary.area_name, "Midtbyen");
    let answer = idea.history.iter().find_map(|entry| entry.answer.clone());
    assert_eq!(answer.unwrap().da, "Cykelstien er med i planen.");
    assert!(
        db.published_idea(IdeaId(2)).await.unwrap().is_none(),
        "still pending"
    );
    let anna = db
        .resident_for_email("anna@example.dk", 1_800_000_000)
        .await
        .unwrap();
    assert_eq!(anna.0, 1, "the same resident, not a new one");
    assert_eq!(db.support_count(IdeaId(1)).await.unwrap(), Some(2));
}

#[tokio::test]
async fn a_database_from_a_newer_build_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("site.db");
    let db = Db::open(path.to_str().unwrap()).await.unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (?, 'from the future', 1, x'00', 0)",
    )
    .bind(schema_version() + 1)
    .execute(db.pool())
    .await
    .unwrap();
    db.close().await;
    let Err(refused) = Db::open(path.to_str().unwrap()).await else {
        panic!("a database of a newer schema was opened");
    };
    assert!(
        matches!(refused, StorageError::NewerSchema { database, build }
            if database == schema_version() + 1 && build == schema_version()),
        "{refused:?}"
    );
    assert!(
        refused.to_string().contains("restore the backup"),
        "{refused}"
    );
}
