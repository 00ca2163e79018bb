//! Contract diff: what changed between two versions of a data contract, which changes break
//! consumers, and which semantic-version bump that needs.
//!
//! A contract is a two-sided promise: readers rely on fields, types, keys and SLAs; writers
//! rely on what the contract accepts. So a change is breaking when it can make a reader's or a
//! writer's working pipeline fail: a removed field, any logical type change, a narrower physical
//! type, a field that becomes required or optional, a removed enum value, a changed key,
//! a new uniqueness constraint, a weaker SLA. Additions are minor; documentation is a patch.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use dpstudio_model::{DataContract, Property, QualityRule, SchemaObject, SlaProperty, Workspace};
use serde::Serialize;

/// The semantic-version bump a change needs, ordered from none to major.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bump {
    None,
    Patch,
    Minor,
    Major,
}

impl Bump {
    pub fn as_str(self) -> &'static str {
        match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }
}

impl fmt::Display for Bump {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of change; serialised in kebab-case (`property-removed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    ContractRemoved,
    ContractAdded,
    ObjectRemoved,
    ObjectAdded,
    PropertyRemoved,
    PropertyAdded,
    PropertyRenamed,
    TypeChanged,
    TypeNarrowed,
    TypeWidened,
    BecameRequired,
    BecameOptional,
    EnumValueRemoved,
    EnumValueAdded,
    EnumAdded,
    EnumRemoved,
    PrimaryKeyChanged,
    UniqueAdded,
    UniqueRemoved,
    ClassificationChanged,
    PiiChanged,
    SlaWeakened,
    SlaStrengthened,
    SlaRemoved,
    SlaAdded,
    SlaChanged,
    QualityRuleRemoved,
    QualityRuleAdded,
    /// Lifecycle status changed (e.g. active → deprecated): consumers should hear of it.
    StatusChanged,
    Documentation,
    Other,
}

/// One change, at a path inside the contract (`orders.customer_id`, `sla.latency`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    pub kind: ChangeKind,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    pub breaking: bool,
    pub bump: Bump,
    pub message: String,
}

/// The diff of one contract id between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContractDiff {
    pub contract: String,
    pub old_version: Option<String>,
    pub new_version: Option<String>,
    pub changes: Vec<Change>,
    /// The bump the changes need.
    pub required: Bump,
    /// The bump the version numbers show (`None` when they are equal or unparseable).
    pub actual: Bump,
    /// `None` when the new version bumps enough; otherwise why not.
    pub version_problem: Option<String>,
}

impl ContractDiff {
    pub fn is_breaking(&self) -> bool {
        self.changes.iter().any(|c| c.breaking)
    }
}

/// Compares two versions of one contract.
pub fn diff(old: &DataContract, new: &DataContract) -> ContractDiff {
    let mut out = Vec::new();
    objects(&old.schema, &new.schema, &mut out);
    sla(&old.sla, &new.sla, &mut out);
    quality("quality", &old.quality, &new.quality, &mut out);
    if old.status != new.status {
        let (before, after) = (old.status.as_str().to_owned(), new.status.as_str().to_owned());
        out.push(change(ChangeKind::StatusChanged, "status", Some(before), Some(after), "lifecycle status changed"));
    }
    if old.description != new.description || old.name != new.name || old.terms != new.terms {
        out.push(change(ChangeKind::Documentation, "description", None, None, "the name, description or terms changed"));
    }
    if out.is_empty() && !same_apart_from_version(old, new) {
        out.push(change(ChangeKind::Other, "", None, None, "other contract fields changed (servers, roles, team, …)"));
    }
    finish(old.id.clone(), Some(old.version.clone()), Some(new.version.clone()), out)
}

/// Diffs every contract id found in either workspace, in id order; unchanged contracts are
/// left out. A removed contract is breaking; an added one is minor.
pub fn diff_workspaces(old: &Workspace, new: &Workspace) -> Vec<ContractDiff> {
    let olds: BTreeMap<&str, &DataContract> = old.contracts.iter().map(|c| (c.id.as_str(), c)).collect();
    let news: BTreeMap<&str, &DataContract> = new.contracts.iter().map(|c| (c.id.as_str(), c)).collect();
    let ids: BTreeSet<&str> = olds.keys().chain(news.keys()).copied().collect();
    let mut diffs = Vec::new();
    for id in ids {
        let d = match (olds.get(id), news.get(id)) {
            (Some(o), Some(n)) => diff(o, n),
            (Some(o), None) => finish(
                id.to_owned(),
                Some(o.version.clone()),
                None,
                vec![change(ChangeKind::ContractRemoved, "", Some(o.version.clone()), None, "the contract was removed")],
            ),
            (None, Some(n)) => finish(
                id.to_owned(),
                None,
                Some(n.version.clone()),
                vec![change(ChangeKind::ContractAdded, "", None, Some(n.version.clone()), "a new contract")],
            ),
            (None, None) => continue,
        };
        if !d.changes.is_empty() {
            diffs.push(d);
        }
    }
    diffs
}

fn finish(contract: String, old_version: Option<String>, new_version: Option<String>, changes: Vec<Change>) -> ContractDiff {
    let required = changes.iter().map(|c| c.bump).max().unwrap_or(Bump::None);
    let (actual, version_problem) = match (&old_version, &new_version) {
        (Some(o), Some(n)) => check_version(o, n, required),
        _ => (Bump::None, None),
    };
    ContractDiff { contract, old_version, new_version, changes, required, actual, version_problem }
}

/// Classifies `kind` as breaking and its bump. Kept in one table so the policy reads at once.
fn policy(kind: ChangeKind) -> (bool, Bump) {
    use ChangeKind::*;
    match kind {
        ContractRemoved | ObjectRemoved | PropertyRemoved | PropertyRenamed | TypeChanged | TypeNarrowed
        | BecameRequired | BecameOptional | EnumValueRemoved | EnumAdded | PrimaryKeyChanged | UniqueAdded
        | UniqueRemoved | SlaWeakened | SlaRemoved => (true, Bump::Major),
        ContractAdded | ObjectAdded | PropertyAdded | TypeWidened | EnumValueAdded | EnumRemoved | SlaStrengthened
        | SlaAdded | QualityRuleAdded | StatusChanged => (false, Bump::Minor),
        // Decided per case in `classification` and `pii`; minor when not breaking.
        ClassificationChanged | PiiChanged | SlaChanged => (false, Bump::Minor),
        QualityRuleRemoved | Documentation | Other => (false, Bump::Patch),
    }
}

fn change(kind: ChangeKind, path: &str, before: Option<String>, after: Option<String>, message: &str) -> Change {
    let (breaking, bump) = policy(kind);
    Change { kind, path: path.to_owned(), before, after, breaking, bump, message: message.to_owned() }
}

fn breaking(mut c: Change) -> Change {
    c.breaking = true;
    c.bump = Bump::Major;
    c
}

fn same_apart_from_version(old: &DataContract, new: &DataContract) -> bool {
    let mut a = old.clone();
    a.version.clear();
    let mut b = new.clone();
    b.version.clear();
    a == b
}

// ---- schema ------------------------------------------------------------------------------

fn objects(old: &[SchemaObject], new: &[SchemaObject], out: &mut Vec<Change>) {
    for o in old {
        match new.iter().find(|n| n.name == o.name) {
            None => out.push(change(ChangeKind::ObjectRemoved, &o.name, Some(o.name.clone()), None, "object removed")),
            Some(n) => {
                properties(&o.name, &flatten(&o.properties), &flatten(&n.properties), out);
                primary_key(&o.name, o, n, out);
                quality(&format!("{}.quality", o.name), &o.quality, &n.quality, out);
                if o.description != n.description || o.business_name != n.business_name {
                    out.push(change(ChangeKind::Documentation, &o.name, None, None, "object description changed"));
                }
            }
        }
    }
    for n in new {
        if !old.iter().any(|o| o.name == n.name) {
            out.push(change(ChangeKind::ObjectAdded, &n.name, None, Some(n.name.clone()), "object added"));
        }
    }
}

/// Every property with its path below the object (`customer.id`, `tags[]`), in order.
fn flatten(properties: &[Property]) -> Vec<(String, &Property)> {
    fn walk<'a>(prefix: &str, properties: &'a [Property], out: &mut Vec<(String, &'a Property)>) {
        for p in properties {
            let path = if prefix.is_empty() { p.name.clone() } else { format!("{prefix}.{}", p.name) };
            out.push((path.clone(), p));
            walk(&path, &p.properties, out);
            if let Some(items) = &p.items {
                let item_path = format!("{path}[]");
                out.push((item_path.clone(), items));
                walk(&item_path, &items.properties, out);
            }
        }
    }
    let mut out = Vec::new();
    walk("", properties, &mut out);
    out
}

fn properties(object: &str, old: &[(String, &Property)], new: &[(String, &Property)], out: &mut Vec<Change>) {
    let news: BTreeMap<&str, &Property> = new.iter().map(|(k, p)| (k.as_str(), *p)).collect();
    let olds: BTreeMap<&str, &Property> = old.iter().map(|(k, p)| (k.as_str(), *p)).collect();
    let removed: Vec<&(String, &Property)> = old.iter().filter(|(k, _)| !news.contains_key(k.as_str())).collect();
    let added: Vec<&(String, &Property)> = new.iter().filter(|(k, _)| !olds.contains_key(k.as_str())).collect();

    // A rename is reported only when it is clear: exactly one field left and one came, and
    // they are the same apart from the name. Otherwise it is a removal and an addition.
    if let ([(from, before)], [(to, after)]) = (removed.as_slice(), added.as_slice()) {
        if same_but_name(before, after) {
            out.push(change(
                ChangeKind::PropertyRenamed,
                &format!("{object}.{from}"),
                Some(from.clone()),
                Some(to.clone()),
                "property renamed: readers using the old name break",
            ));
            return compare_common(object, old, &news, out);
        }
    }
    for (path, p) in &removed {
        // Children of a removed property are covered by its removal.
        if removed.iter().any(|(parent, _)| is_child(path, parent)) {
            continue;
        }
        out.push(change(ChangeKind::PropertyRemoved, &format!("{object}.{path}"), Some(p.logical_type.clone()), None, "property removed"));
    }
    for (path, p) in &added {
        if added.iter().any(|(parent, _)| is_child(path, parent)) {
            continue;
        }
        let mut c = change(ChangeKind::PropertyAdded, &format!("{object}.{path}"), None, Some(p.logical_type.clone()), "property added");
        if p.required {
            // Writers that do not send it yet now fail.
            c = breaking(c);
            c.message = "required property added: existing writers do not provide it".into();
        }
        out.push(c);
    }
    compare_common(object, old, &news, out);
}

fn is_child(path: &str, parent: &str) -> bool {
    path.len() > parent.len() && path.starts_with(parent) && matches!(path.as_bytes()[parent.len()], b'.' | b'[')
}

fn same_but_name(a: &Property, b: &Property) -> bool {
    let mut a = a.clone();
    let mut b = b.clone();
    a.name.clear();
    b.name.clear();
    a.physical_name.clear();
    b.physical_name.clear();
    a == b
}

fn compare_common(object: &str, old: &[(String, &Property)], news: &BTreeMap<&str, &Property>, out: &mut Vec<Change>) {
    for (path, before) in old {
        if let Some(after) = news.get(path.as_str()) {
            property(&format!("{object}.{path}"), before, after, out);
        }
    }
}

fn property(path: &str, old: &Property, new: &Property, out: &mut Vec<Change>) {
    if old.logical_type != new.logical_type {
        let kind = logical_change(&old.logical_type, &new.logical_type);
        let message = if kind == ChangeKind::TypeNarrowed {
            "logical type narrowed: existing values may not fit"
        } else {
            "logical type changed: readers parsing the old type break"
        };
        out.push(change(kind, path, Some(old.logical_type.clone()), Some(new.logical_type.clone()), message));
    } else if old.physical_type != new.physical_type {
        let kind = physical_change(&old.physical_type, &new.physical_type);
        let message = match kind {
            ChangeKind::TypeWidened => "physical type widened",
            ChangeKind::TypeNarrowed => "physical type narrowed: longer values no longer fit",
            _ => "physical type changed",
        };
        out.push(change(kind, path, Some(old.physical_type.clone()), Some(new.physical_type.clone()), message));
    }
    if old.required != new.required {
        let (kind, message) = if new.required {
            (ChangeKind::BecameRequired, "now required: writers that leave it empty fail")
        } else {
            (ChangeKind::BecameOptional, "now optional: readers may meet nulls")
        };
        out.push(change(kind, path, Some(old.required.to_string()), Some(new.required.to_string()), message));
    }
    if old.unique != new.unique {
        let (kind, message) = if new.unique {
            (ChangeKind::UniqueAdded, "now unique: duplicate values are rejected")
        } else {
            (ChangeKind::UniqueRemoved, "no longer unique: joins on it may fan out")
        };
        out.push(change(kind, path, Some(old.unique.to_string()), Some(new.unique.to_string()), message));
    }
    enum_values(path, old, new, out);
    classification(path, old, new, out);
    quality(&format!("{path}.quality"), &old.quality, &new.quality, out);
    if old.description != new.description || old.business_name != new.business_name {
        out.push(change(ChangeKind::Documentation, path, None, None, "property description changed"));
    }
}

/// Logical types that can hold every value of another: integer → number, date → timestamp,
/// anything scalar → string. Going the other way narrows. Widening a *logical* type still
/// breaks readers that parse the old type, so every logical change is breaking; narrowing only
/// gets its own kind so the message says what happened.
fn logical_change(old: &str, new: &str) -> ChangeKind {
    let widens = |from: &str, to: &str| {
        matches!((from, to), ("integer", "number") | ("date", "timestamp"))
            || (to == "string" && !matches!(from, "" | "string" | "object" | "array"))
    };
    if widens(new, old) {
        ChangeKind::TypeNarrowed
    } else {
        ChangeKind::TypeChanged
    }
}

/// `varchar(16)` → `varchar(32)` widens; the reverse narrows; another base type changes.
fn physical_change(old: &str, new: &str) -> ChangeKind {
    let (old_base, old_args) = split_type(old);
    let (new_base, new_args) = split_type(new);
    if old_base != new_base || old_args.len() != new_args.len() || old_args.is_empty() {
        return ChangeKind::TypeChanged;
    }
    let all_ge = old_args.iter().zip(&new_args).all(|(o, n)| n >= o);
    let all_le = old_args.iter().zip(&new_args).all(|(o, n)| n <= o);
    match (all_ge, all_le) {
        (true, false) => ChangeKind::TypeWidened,
        (false, true) => ChangeKind::TypeNarrowed,
        _ => ChangeKind::TypeChanged,
    }
}

fn split_type(t: &str) -> (String, Vec<u64>) {
    let t = t.trim().to_ascii_lowercase();
    match t.split_once('(') {
        Some((base, rest)) => {
            let args = rest.trim_end_matches(')').split(',').filter_map(|a| a.trim().parse().ok()).collect();
            (base.trim().to_owned(), args)
        }
        None => (t, Vec::new()),
    }
}

fn enum_values(path: &str, old: &Property, new: &Property, out: &mut Vec<Change>) {
    let olds: Vec<String> = old.enum_values.iter().map(|e| e.value.to_string()).collect();
    let news: Vec<String> = new.enum_values.iter().map(|e| e.value.to_string()).collect();
    match (olds.is_empty(), news.is_empty()) {
        (true, true) => {}
        (true, false) => out.push(change(ChangeKind::EnumAdded, path, None, Some(news.join(", ")), "values are now restricted to a list")),
        (false, true) => out.push(change(ChangeKind::EnumRemoved, path, Some(olds.join(", ")), None, "values are no longer restricted")),
        (false, false) => {
            for v in olds.iter().filter(|v| !news.contains(v)) {
                out.push(change(ChangeKind::EnumValueRemoved, path, Some(v.clone()), None, "allowed value removed"));
            }
            for v in news.iter().filter(|v| !olds.contains(v)) {
                out.push(change(ChangeKind::EnumValueAdded, path, None, Some(v.clone()), "allowed value added"));
            }
        }
    }
}

/// More restrictive classification or newly personal data: consumers may lose access or need
/// new handling, so breaking. Loosening is minor.
fn classification(path: &str, old: &Property, new: &Property, out: &mut Vec<Change>) {
    let rank = |c: &str| match c.to_ascii_lowercase().as_str() {
        "" | "public" => 0,
        "internal" => 1,
        "confidential" => 2,
        "restricted" => 3,
        _ => 4,
    };
    if old.classification != new.classification {
        let c = change(
            ChangeKind::ClassificationChanged,
            path,
            Some(old.classification.clone()),
            Some(new.classification.clone()),
            "classification changed",
        );
        out.push(if rank(&new.classification) > rank(&old.classification) { breaking(c) } else { c });
    }
    if old.pii != new.pii {
        let c = change(ChangeKind::PiiChanged, path, Some(old.pii.to_string()), Some(new.pii.to_string()), "personal-data flag changed");
        out.push(if new.pii { breaking(c) } else { c });
    }
}

fn primary_key(object: &str, old: &SchemaObject, new: &SchemaObject, out: &mut Vec<Change>) {
    let key = |o: &SchemaObject| -> Vec<(i64, String)> {
        let mut k: Vec<(i64, String)> = flatten(&o.properties)
            .into_iter()
            .filter(|(_, p)| p.primary_key)
            .map(|(path, p)| (p.primary_key_position.unwrap_or(0), path))
            .collect();
        k.sort();
        k
    };
    let names = |k: &[(i64, String)]| k.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", ");
    let (before, after) = (key(old), key(new));
    if before != after {
        out.push(change(ChangeKind::PrimaryKeyChanged, object, Some(names(&before)), Some(names(&after)), "primary key changed"));
    }
}

// ---- quality -----------------------------------------------------------------------------

fn quality(path: &str, old: &[QualityRule], new: &[QualityRule], out: &mut Vec<Change>) {
    let label = |r: &QualityRule| {
        [&r.id, &r.name, &r.metric, &r.query].into_iter().find(|s| !s.is_empty()).cloned().unwrap_or_else(|| "rule".into())
    };
    for r in old.iter().filter(|r| !new.contains(r)) {
        out.push(change(ChangeKind::QualityRuleRemoved, path, Some(label(r)), None, "quality rule removed or changed: consumers lose a check"));
    }
    for r in new.iter().filter(|r| !old.contains(r)) {
        out.push(change(ChangeKind::QualityRuleAdded, path, None, Some(label(r)), "quality rule added"));
    }
}

// ---- SLA ---------------------------------------------------------------------------------

/// Whether a bigger value is a better promise for an SLA property, or `None` when unknown.
fn higher_is_better(property: &str) -> Option<bool> {
    match property.to_ascii_lowercase().as_str() {
        "availability" | "retention" => Some(true),
        "latency" | "freshness" | "frequency" | "timeofavailability" | "throughput_delay" => Some(false),
        _ => None,
    }
}

/// The value in a common unit (seconds for durations, the number itself otherwise).
fn normalised(sla: &SlaProperty) -> Option<f64> {
    // Value methods rather than a match on its variants: this crate does not depend on
    // serde_json by name.
    let number = match sla.value.as_str() {
        Some(s) => s.trim().trim_end_matches('%').trim().parse().ok(),
        None => sla.value.as_f64(),
    }?;
    let factor = match sla.unit.to_ascii_lowercase().as_str() {
        "s" | "sec" | "second" | "seconds" => 1.0,
        "m" | "min" | "minute" | "minutes" => 60.0,
        "h" | "hr" | "hour" | "hours" => 3600.0,
        "d" | "day" | "days" => 86_400.0,
        "w" | "week" | "weeks" => 604_800.0,
        "mo" | "month" | "months" => 2_592_000.0,
        "y" | "yr" | "year" | "years" => 31_536_000.0,
        _ => 1.0,
    };
    Some(number * factor)
}

fn show(sla: &SlaProperty) -> String {
    let value = match sla.value.as_str() {
        Some(s) => s.to_owned(),
        None => sla.value.to_string(),
    };
    if sla.unit.is_empty() { value } else { format!("{value} {}", sla.unit) }
}

fn sla(old: &[SlaProperty], new: &[SlaProperty], out: &mut Vec<Change>) {
    let key = |s: &SlaProperty| (s.property.to_ascii_lowercase(), s.element.clone());
    for o in old {
        let path = format!("sla.{}", o.property);
        let Some(n) = new.iter().find(|n| key(n) == key(o)) else {
            out.push(change(ChangeKind::SlaRemoved, &path, Some(show(o)), None, "SLA property removed: nothing is promised any more"));
            continue;
        };
        if show(o) == show(n) {
            continue;
        }
        let verdict = match (higher_is_better(&o.property), normalised(o), normalised(n)) {
            (Some(up), Some(a), Some(b)) if a != b => {
                let better = if up { b > a } else { b < a };
                if better { ChangeKind::SlaStrengthened } else { ChangeKind::SlaWeakened }
            }
            _ => ChangeKind::SlaChanged,
        };
        let message = match verdict {
            ChangeKind::SlaWeakened => "SLA weakened: consumers get a weaker promise",
            ChangeKind::SlaStrengthened => "SLA strengthened",
            _ => "SLA changed",
        };
        out.push(change(verdict, &path, Some(show(o)), Some(show(n)), message));
    }
    for n in new.iter().filter(|n| !old.iter().any(|o| key(o) == key(n))) {
        out.push(change(ChangeKind::SlaAdded, &format!("sla.{}", n.property), None, Some(show(n)), "SLA property added"));
    }
}

// ---- versions ----------------------------------------------------------------------------

/// `1.2.3`, `v1.2`, `1.2.3-rc.1` → (1, 2, 3); parts that are missing count as 0.
fn parse_version(v: &str) -> Option<(u64, u64, u64)> {
    let core = v.trim().trim_start_matches('v');
    let core = core.split(['-', '+']).next()?;
    let mut parts = core.split('.').map(|p| p.parse::<u64>());
    let major = parts.next()?.ok()?;
    let minor = parts.next().unwrap_or(Ok(0)).ok()?;
    let patch = parts.next().unwrap_or(Ok(0)).ok()?;
    Some((major, minor, patch))
}

/// The bump from `old` to `new`, and a problem when it is less than `required`. Below 1.0.0
/// semver allows breaking changes in a minor release, so a minor bump satisfies a major need.
fn check_version(old: &str, new: &str, required: Bump) -> (Bump, Option<String>) {
    let (Some(o), Some(n)) = (parse_version(old), parse_version(new)) else {
        let problem = (required > Bump::None)
            .then(|| format!("cannot compare versions '{old}' and '{new}': use MAJOR.MINOR.PATCH"));
        return (Bump::None, problem);
    };
    if n < o {
        return (Bump::None, Some(format!("version went backwards: {old} → {new}")));
    }
    let actual = if n.0 > o.0 {
        Bump::Major
    } else if n.1 > o.1 {
        Bump::Minor
    } else if n.2 > o.2 {
        Bump::Patch
    } else {
        Bump::None
    };
    let enough = if o.0 == 0 && required == Bump::Major { actual >= Bump::Minor } else { actual >= required };
    let problem = (!enough).then(|| {
        format!("the changes need a {required} version bump, but {old} → {new} is {}", if actual == Bump::None { "no bump".to_owned() } else { format!("a {actual} bump") })
    });
    (actual, problem)
}

#[cfg(test)]
mod tests {
    use dpstudio_model::{EnumValue, SchemaObject};

    use super::*;

    fn prop(name: &str, logical: &str) -> Property {
        Property { name: name.into(), logical_type: logical.into(), ..Default::default() }
    }

    fn contract(version: &str, properties: Vec<Property>) -> DataContract {
        DataContract {
            id: "orders".into(),
            name: "Orders".into(),
            version: version.into(),
            schema: vec![SchemaObject { name: "orders".into(), properties, ..Default::default() }],
            sla: vec![
                SlaProperty { property: "latency".into(), value: 4.into(), unit: "h".into(), ..Default::default() },
                SlaProperty { property: "availability".into(), value: 99.9.into(), unit: "%".into(), ..Default::default() },
            ],
            ..Default::default()
        }
    }

    fn base() -> Vec<Property> {
        let mut id = prop("order_id", "string");
        id.primary_key = true;
        id.required = true;
        let mut status = prop("status", "string");
        status.enum_values = vec![EnumValue::new("open"), EnumValue::new("closed")];
        status.physical_type = "varchar(16)".into();
        vec![id, prop("amount", "number"), status]
    }

    /// Diffs the base contract against one changed by `edit`, versions 1.0.0 → `new_version`.
    fn check(new_version: &str, edit: impl FnOnce(&mut DataContract)) -> ContractDiff {
        let old = contract("1.0.0", base());
        let mut new = contract(new_version, base());
        edit(&mut new);
        diff(&old, &new)
    }

    fn kinds(d: &ContractDiff) -> Vec<(ChangeKind, &str, bool)> {
        d.changes.iter().map(|c| (c.kind, c.path.as_str(), c.breaking)).collect()
    }

    #[test]
    fn identical_contracts_have_no_changes() {
        let d = check("1.0.0", |_| {});
        assert!(d.changes.is_empty());
        assert_eq!((d.required, d.version_problem), (Bump::None, None));
    }

    #[test]
    fn removed_property_is_breaking_and_needs_major() {
        let d = check("1.1.0", |c| {
            c.schema[0].properties.remove(1);
            c.schema[0].properties.push(prop("note", "string"));
        });
        assert_eq!(
            kinds(&d),
            vec![(ChangeKind::PropertyRemoved, "orders.amount", true), (ChangeKind::PropertyAdded, "orders.note", false)]
        );
        assert_eq!(d.required, Bump::Major);
        assert_eq!(d.actual, Bump::Minor);
        assert!(d.version_problem.as_deref().unwrap_or_default().contains("major"));
        assert!(d.is_breaking());
    }

    #[test]
    fn clear_rename_is_reported_as_rename() {
        let d = check("2.0.0", |c| c.schema[0].properties[1].name = "net_amount".into());
        assert_eq!(kinds(&d), vec![(ChangeKind::PropertyRenamed, "orders.amount", true)]);
        assert_eq!(d.changes[0].after.as_deref(), Some("net_amount"));
        assert_eq!(d.version_problem, None);
    }

    #[test]
    fn types_required_unique_and_keys() {
        let d = check("2.0.0", |c| {
            let p = &mut c.schema[0].properties;
            p[1].logical_type = "integer".into();
            p[1].required = true;
            p[1].unique = true;
            p[1].primary_key = true;
            p[2].physical_type = "varchar(8)".into();
        });
        assert_eq!(
            kinds(&d),
            vec![
                (ChangeKind::TypeNarrowed, "orders.amount", true),
                (ChangeKind::BecameRequired, "orders.amount", true),
                (ChangeKind::UniqueAdded, "orders.amount", true),
                (ChangeKind::TypeNarrowed, "orders.status", true),
                (ChangeKind::PrimaryKeyChanged, "orders", true),
            ]
        );
    }

    #[test]
    fn widening_a_physical_type_is_minor() {
        let d = check("1.1.0", |c| c.schema[0].properties[2].physical_type = "varchar(64)".into());
        assert_eq!(kinds(&d), vec![(ChangeKind::TypeWidened, "orders.status", false)]);
        assert_eq!((d.required, d.version_problem), (Bump::Minor, None));
    }

    #[test]
    fn enum_value_removed_breaks_added_does_not() {
        let d = check("1.1.0", |c| c.schema[0].properties[2].enum_values = vec![EnumValue::new("open"), EnumValue::new("void")]);
        assert_eq!(
            kinds(&d),
            vec![(ChangeKind::EnumValueRemoved, "orders.status", true), (ChangeKind::EnumValueAdded, "orders.status", false)]
        );
        assert_eq!(d.changes[0].before.as_deref(), Some("\"closed\""));
    }

    #[test]
    fn sla_weakened_and_strengthened_compare_units() {
        let d = check("2.0.0", |c| {
            c.sla[0].value = 300.into();
            c.sla[0].unit = "min".into(); // 5 h > 4 h: weaker
            c.sla[1].value = 99.99.into(); // higher availability: stronger
        });
        assert_eq!(
            kinds(&d),
            vec![(ChangeKind::SlaWeakened, "sla.latency", true), (ChangeKind::SlaStrengthened, "sla.availability", false)]
        );
        let d = check("1.0.1", |c| c.sla[0].value = 120.into()); // 120 h
        assert_eq!(kinds(&d), vec![(ChangeKind::SlaWeakened, "sla.latency", true)]);
        assert!(d.version_problem.is_some());
        let d = check("2.0.0", |c| {
            c.sla.remove(1);
        });
        assert_eq!(kinds(&d), vec![(ChangeKind::SlaRemoved, "sla.availability", true)]);
    }

    #[test]
    fn removed_quality_rule_is_a_non_breaking_note() {
        let rule = QualityRule { metric: "nullValues".into(), ..Default::default() };
        let mut old = contract("1.0.0", base());
        old.schema[0].properties[0].quality = vec![rule];
        let new = contract("1.0.1", base());
        let d = diff(&old, &new);
        assert_eq!(kinds(&d), vec![(ChangeKind::QualityRuleRemoved, "orders.order_id.quality", false)]);
        assert_eq!((d.required, d.version_problem), (Bump::Patch, None));
    }

    #[test]
    fn nested_removal_reports_the_parent_only() {
        let mut address = prop("address", "object");
        address.properties = vec![prop("street", "string"), prop("city", "string")];
        let mut with = base();
        with.push(address);
        let d = diff(&contract("1.0.0", with), &contract("2.0.0", base()));
        assert_eq!(kinds(&d), vec![(ChangeKind::PropertyRemoved, "orders.address", true)]);
    }

    #[test]
    fn deprecation_is_a_minor_note() {
        let d = check("1.1.0", |c| c.status = dpstudio_model::Status::Deprecated);
        assert_eq!(kinds(&d), vec![(ChangeKind::StatusChanged, "status", false)]);
        assert_eq!(d.changes[0].after.as_deref(), Some("deprecated"));
        assert_eq!((d.required, d.version_problem), (Bump::Minor, None));
    }

    #[test]
    fn fields_not_compared_one_by_one_still_show_as_other() {
        let d = check("1.0.1", |c| c.tenant = "acme".into());
        assert_eq!(kinds(&d), vec![(ChangeKind::Other, "", false)]);
        assert_eq!(d.required, Bump::Patch);
    }

    #[test]
    fn version_rules() {
        assert_eq!(check_version("1.2.3", "2.0.0", Bump::Major), (Bump::Major, None));
        assert_eq!(check_version("0.3.0", "0.4.0", Bump::Major), (Bump::Minor, None));
        assert!(check_version("1.2.3", "1.2.2", Bump::Patch).1.unwrap().contains("backwards"));
        assert!(check_version("one", "two", Bump::Minor).1.is_some());
        assert_eq!(check_version("one", "two", Bump::None).1, None);
        assert_eq!(parse_version("v1.2.3-rc.1"), Some((1, 2, 3)));
    }

    #[test]
    fn workspace_diff_reports_removed_and_added_contracts() {
        let mut old = Workspace::default();
        old.contracts.push(contract("1.0.0", base()));
        let mut gone = contract("1.0.0", base());
        gone.id = "gone".into();
        old.contracts.push(gone);
        let mut new = Workspace::default();
        let mut changed = contract("1.0.1", base());
        changed.description.purpose = "now documented".into();
        new.contracts.push(changed);
        let mut fresh = contract("0.1.0", base());
        fresh.id = "fresh".into();
        new.contracts.push(fresh);
        let diffs = diff_workspaces(&old, &new);
        let summary: Vec<(&str, ChangeKind, bool)> =
            diffs.iter().map(|d| (d.contract.as_str(), d.changes[0].kind, d.is_breaking())).collect();
        assert_eq!(
            summary,
            vec![
                ("fresh", ChangeKind::ContractAdded, false),
                ("gone", ChangeKind::ContractRemoved, true),
                ("orders", ChangeKind::Documentation, false),
            ]
        );
    }
}
