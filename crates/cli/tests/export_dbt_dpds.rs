//! Runs the real `dpstudio` binary: `export --format dbt` writes a dbt project under `dbt/`,
//! `--format dpds` one descriptor per product under `products/<id>/`, whose contract
//! references resolve to the files `--format odcs` writes into the same folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dpstudio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dpstudio")).args(args).output().expect("the binary runs")
}

fn example() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/retail.workspace.json").display().to_string()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dpstudio-export-dbt-dpds-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn dbt_export_writes_a_project_under_dbt() {
    let dir = scratch("dbt");
    let o = dpstudio(&["export", &example(), "--format", "dbt", "--out", &dir.display().to_string()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let project = std::fs::read_to_string(dir.join("dbt/dbt_project.yml")).unwrap();
    assert!(project.contains("name: retail_orders_customers"), "{project}");
    let sql = std::fs::read_to_string(dir.join("dbt/models/daily_revenue/daily_revenue.sql")).unwrap();
    assert!(sql.contains("{{ ref('orders') }}"), "{sql}");
    let yml = std::fs::read_to_string(dir.join("dbt/models/web_orders/_web_orders.yml")).unwrap();
    assert!(yml.contains("enforced: true"), "{yml}");
    assert!(dir.join("dbt/models/sources.yml").is_file());
    assert!(dir.join("dbt/tests/orders_no_future_orders.sql").is_file());
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(stdout.lines().any(|l| l.ends_with("file(s)")), "{stdout}");
}

#[test]
fn dpds_export_references_the_odcs_files_beside_it() {
    let dir = scratch("dpds");
    let out = dir.display().to_string();
    for format in ["dpds", "odcs"] {
        let o = dpstudio(&["export", &example(), "--format", format, "--out", &out]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let file = dir.join("products/daily-revenue/daily-revenue.dpds.json");
    let d: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(d["dataProductDescriptor"], "1.0.0");
    let reference = d["interfaceComponents"]["outputPorts"][0]["promises"]["api"]["definition"]["$ref"].as_str().unwrap();
    assert!(file.parent().unwrap().join(reference).is_file(), "{reference} does not resolve");
    for product in ["web-orders", "customers", "customer-360"] {
        assert!(dir.join(format!("products/{product}/{product}.dpds.json")).is_file(), "{product}");
    }
}
