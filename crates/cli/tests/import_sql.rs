//! Runs the real `dpstudio` binary: `import` reads a SQL `CREATE TABLE` script into a contract
//! beside ODCS files, and bad SQL fails with file:line:column and writes nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dpstudio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dpstudio")).args(args).output().expect("the binary runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dpstudio-import-sql-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn a_sql_script_becomes_a_contract_beside_odcs_files() {
    let dir = scratch("ok");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/retail.workspace.json");
    let o = dpstudio(&["export", &example.display().to_string(), "--format", "odcs", "--out", &dir.display().to_string()]);
    assert!(o.status.success());
    let sql = dir.join("billing.sql");
    std::fs::write(&sql, "CREATE TABLE invoices (id BIGINT PRIMARY KEY, total NUMERIC(10,2) NOT NULL, note TEXT);\n").unwrap();
    let out = dir.join("w.json");
    let o = dpstudio(&["import", &dir.join("contracts").display().to_string(), &sql.display().to_string(), "--out", &out.display().to_string()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let w = dpstudio_model::from_json(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let billing = w.contracts.iter().find(|c| c.id == "billing").expect("the SQL contract");
    let invoices = &billing.schema[0];
    assert_eq!(invoices.name, "invoices");
    assert!(invoices.properties[0].primary_key);
    assert_eq!(invoices.properties[1].logical_type, "number");
    assert!(invoices.properties[1].required);
    assert!(w.contracts.len() > 1, "the ODCS contracts are there too");
}

#[test]
fn bad_sql_prints_file_line_column() {
    let dir = scratch("bad");
    let sql = dir.join("broken.sql");
    std::fs::write(&sql, "CREATE TABLE t (\n  a INT,\n  b VARCHAR(,\n);\n").unwrap();
    let out = dir.join("w.json");
    let o = dpstudio(&["import", &sql.display().to_string(), "--out", &out.display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains(&format!("{}:3:", sql.display())), "{stderr}");
    assert!(!out.exists(), "nothing written");
}
