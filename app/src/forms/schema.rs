//! The contract's schema table: objects and their properties, nested ones indented under their
//! parent. Each row edits name, type, the required / unique / primary key / PII toggles,
//! classification and description; its details hold enum values, examples, glossary and
//! metric links and the rest. Rows move up and down among their siblings.
//!
//! A property is addressed by its object's position and the positions down the `properties`
//! lists (`[2, 0]` = first child of the third property): the same positions the checks report
//! as `schema[o].properties[2].properties[0]`, so a chosen diagnostic finds its row.

use dpstudio_model::{DataContract, EnumValue, Property, SchemaObject, LOGICAL_TYPES};
use leptos::prelude::*;

use super::entity::{chosen, typed, Step};
use super::field::{Spec, check, commit, parse_scalar, remove_button, scalar_text, select, split_list, text};
use super::links::link_picker;
use super::options;
use super::quality::{QualityList, Scope};
use crate::state::Studio;

pub type PropertyPath = Vec<usize>;

/// The property list `parent` points into (`[]` = the object's own properties).
pub fn siblings<'a>(c: &'a DataContract, object: usize, parent: &[usize]) -> Option<&'a Vec<Property>> {
    let mut list = &c.schema.get(object)?.properties;
    for &i in parent {
        list = &list.get(i)?.properties;
    }
    Some(list)
}

pub fn siblings_mut<'a>(c: &'a mut DataContract, object: usize, parent: &[usize]) -> Option<&'a mut Vec<Property>> {
    let mut list = &mut c.schema.get_mut(object)?.properties;
    for &i in parent {
        list = &mut list.get_mut(i)?.properties;
    }
    Some(list)
}

pub fn property<'a>(c: &'a DataContract, object: usize, path: &[usize]) -> Option<&'a Property> {
    let (last, parent) = path.split_last()?;
    siblings(c, object, parent)?.get(*last)
}

pub fn property_mut<'a>(c: &'a mut DataContract, object: usize, path: &[usize]) -> Option<&'a mut Property> {
    let (last, parent) = path.split_last()?;
    siblings_mut(c, object, parent)?.get_mut(*last)
}

/// `schema[0].properties[2].properties[0]`, as the checks write it.
pub fn field_path(object: usize, path: &[usize]) -> String {
    let mut out = format!("schema[{object}]");
    for i in path {
        out.push_str(&format!(".properties[{i}]"));
    }
    out
}

/// Every property of one object, depth first, as paths: the rows of the table.
fn rows_of(object: &SchemaObject) -> Vec<PropertyPath> {
    fn walk(list: &[Property], prefix: &mut PropertyPath, out: &mut Vec<PropertyPath>) {
        for (i, p) in list.iter().enumerate() {
            prefix.push(i);
            out.push(prefix.clone());
            walk(&p.properties, prefix, out);
            prefix.pop();
        }
    }
    let mut out = Vec::new();
    walk(&object.properties, &mut Vec::new(), &mut out);
    out
}

/// A new property name not used among `list`: `new_field`, `new_field_2`, …
fn fresh_name(list: &[Property]) -> String {
    let taken = |n: &str| list.iter().any(|p| p.name == n);
    if !taken("new_field") {
        return "new_field".into();
    }
    (2..).map(|n| format!("new_field_{n}")).find(|n| !taken(n)).unwrap_or_default()
}

fn new_property(list: &[Property]) -> Property {
    Property { name: fresh_name(list), logical_type: "string".into(), ..Default::default() }
}

#[component]
pub fn SchemaEditor(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let objects = studio.read::<DataContract, usize>(&id, |c| c.schema.len());
    let add_object = {
        let id = id.clone();
        move |_| {
            studio.update::<DataContract>(&id, Step::New, |c| {
                let taken = |n: &str| c.schema.iter().any(|o| o.name == n);
                let name = (1..).map(|n| if n == 1 { "new_object".to_owned() } else { format!("new_object_{n}") }).find(|n| !taken(n)).unwrap_or_default();
                c.schema.push(SchemaObject { name, ..Default::default() });
            })
        }
    };
    view! {
        <section class="form-section" data-path="schema">
            <h3 class="section-title">"Schema"</h3>
            {move || (0..objects.get()).map(|o| view! { <ObjectTable id=id.clone() object=o /> }).collect_view()}
            <button class="button small" on:click=add_object>"+ Object (table)"</button>
        </section>
    }
}

#[component]
fn ObjectTable(id: String, object: usize) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let rows = studio.read::<DataContract, Vec<PropertyPath>>(&id, move |c| c.schema.get(object).map(rows_of).unwrap_or_default());
    let expanded = RwSignal::new(None::<PropertyPath>);
    let name = studio.read::<DataContract, String>(&id, move |c| c.schema.get(object).map(|o| o.name.clone()).unwrap_or_default());
    let description = studio.read::<DataContract, String>(&id, move |c| c.schema.get(object).map(|o| o.description.clone()).unwrap_or_default());
    let add_field = {
        let id = id.clone();
        move |_| {
            studio.update::<DataContract>(&id, Step::New, |c| {
                if let Some(o) = c.schema.get_mut(object) {
                    let p = new_property(&o.properties);
                    o.properties.push(p);
                }
            })
        }
    };
    let table_rows = {
        let id = id.clone();
        move || {
            rows.get()
                .into_iter()
                .map(|path| view! { <PropertyRow id=id.clone() object path expanded /> })
                .collect_view()
        }
    };
    view! {
        <div class="schema-object" data-path=format!("schema[{object}]")>
            <div class="field-row">
                {text(Spec::new("Object name").path(format!("schema[{object}].name")).testid("object-name"), name, typed::<DataContract>(studio, &id, format!("schema[{object}].name"), move |c, v| if let Some(o) = c.schema.get_mut(object) { o.name = v }))}
                {remove_button("Remove object", chosen::<DataContract, ()>(studio, &id, move |c, ()| {
                    if object < c.schema.len() { c.schema.remove(object); }
                }))}
            </div>
            {text(Spec::new("Object description"), description, typed::<DataContract>(studio, &id, format!("schema[{object}].description"), move |c, v| if let Some(o) = c.schema.get_mut(object) { o.description = v }))}
            <table class="schema-table">
                <thead>
                    <tr>
                        <th scope="col">"Field"</th>
                        <th scope="col">"Type"</th>
                        <th scope="col" title="Required">"Req"</th>
                        <th scope="col" title="Unique">"Uniq"</th>
                        <th scope="col" title="Primary key">"PK"</th>
                        <th scope="col" title="Personal data">"PII"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>{table_rows}</tbody>
            </table>
            <button class="button small" data-testid="add-field" on:click=add_field>"+ Field"</button>
            <QualityList id=id.clone() scope=Scope::Object(object) />
        </div>
    }
}

#[component]
fn PropertyRow(id: String, object: usize, path: PropertyPath, expanded: RwSignal<Option<PropertyPath>>) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let at = field_path(object, &path);
    let depth = path.len() - 1;
    let read_text = |get: fn(&Property) -> String| {
        let path = path.clone();
        studio.read::<DataContract, String>(&id, move |c| property(c, object, &path).map(get).unwrap_or_default())
    };
    let read_flag = |get: fn(&Property) -> bool| {
        let path = path.clone();
        studio.read::<DataContract, bool>(&id, move |c| property(c, object, &path).is_some_and(get))
    };
    let toggle = |set: fn(&mut Property, bool)| {
        let path = path.clone();
        chosen::<DataContract, bool>(studio, &id, move |c, v| if let Some(p) = property_mut(c, object, &path) { set(p, v) })
    };
    let choose = |set: fn(&mut Property, String)| {
        let path = path.clone();
        chosen::<DataContract, String>(studio, &id, move |c, v| if let Some(p) = property_mut(c, object, &path) { set(p, v) })
    };
    let name_input = {
        let path = path.clone();
        typed::<DataContract>(studio, &id, format!("{at}.name"), move |c, v| if let Some(p) = property_mut(c, object, &path) { p.name = v })
    };
    let is_open = {
        let path = path.clone();
        Signal::derive(move || expanded.with(|e| e.as_ref() == Some(&path)))
    };
    let toggle_details = {
        let path = path.clone();
        move |_| expanded.update(|e| *e = if e.as_ref() == Some(&path) { None } else { Some(path.clone()) })
    };
    let row_action = |action: fn(&mut Vec<Property>, usize)| {
        let path = path.clone();
        chosen::<DataContract, ()>(studio, &id, move |c, ()| {
            let Some((last, parent)) = path.split_last() else { return };
            if let Some(list) = siblings_mut(c, object, parent) {
                if *last < list.len() {
                    action(list, *last);
                }
            }
        })
    };
    let move_up = row_action(|list, i| if i > 0 { list.swap(i, i - 1) });
    let move_down = row_action(|list, i| if i + 1 < list.len() { list.swap(i, i + 1) });
    let remove = row_action(|list, i| {
        list.remove(i);
    });
    let add_child = {
        let path = path.clone();
        chosen::<DataContract, ()>(studio, &id, move |c, ()| {
            if let Some(p) = property_mut(c, object, &path) {
                let child = new_property(&p.properties);
                p.properties.push(child);
                if p.logical_type.is_empty() || p.logical_type == "string" {
                    p.logical_type = "object".into();
                }
            }
        })
    };
    let name = read_text(|p| p.name.clone());
    let label = move || format!("Field {}", name.get());
    // `contract/object.parent.child`, as the impact analysis names fields.
    let field_id = {
        let (id, path) = (id.clone(), path.clone());
        Memo::new(move |_| {
            studio.workspace.with(|ws| {
                let c = ws.contract(&id)?;
                let mut names = vec![c.schema.get(object)?.name.clone()];
                for depth in 1..=path.len() {
                    names.push(property(c, object, &path[..depth])?.name.clone());
                }
                Some(format!("{id}/{}", names.join(".")))
            })
        })
    };
    view! {
        <tr class="property-row" data-path=at.clone() class:open=move || is_open.get()>
            <td class="property-name" style:padding-left=format!("{}px", 4 + depth * 16)>
                {text(Spec::new("Field name").path(format!("{at}.name")).testid("field-name").compact(), name, name_input)}
            </td>
            <td>
                {select(Spec::new("Logical type").path(format!("{at}.logicalType")).testid("field-type").compact(), read_text(|p| p.logical_type.clone()), options::fixed(&LOGICAL_TYPES), choose(|p, v| p.logical_type = v))}
            </td>
            <td>{check(Spec::new("Required").path(format!("{at}.required")).compact(), read_flag(|p| p.required), toggle(|p, v| p.required = v))}</td>
            <td>{check(Spec::new("Unique").path(format!("{at}.unique")).compact(), read_flag(|p| p.unique), toggle(|p, v| p.unique = v))}</td>
            <td>{check(Spec::new("Primary key").path(format!("{at}.primaryKey")).compact(), read_flag(|p| p.primary_key), toggle(|p, v| p.primary_key = v))}</td>
            <td>{check(Spec::new("PII").path(format!("{at}.pii")).compact(), read_flag(|p| p.pii), toggle(|p, v| p.pii = v))}</td>
            <td class="row-actions">
                <button class="button icon small" title="Details" aria-label=move || format!("Details of {}", label()) aria-expanded=move || is_open.get().to_string()
                    on:click=toggle_details>"⋯"</button>
                <button class="button icon small" title="Show what this field reaches downstream" aria-label=move || format!("Impact of {}", label())
                    on:click=move |_| studio.impact_field.set(field_id.get())>"◎"</button>
                <button class="button icon small" title="Move up" aria-label="Move up" on:click=move |_| move_up.run(())>"↑"</button>
                <button class="button icon small" title="Move down" aria-label="Move down" on:click=move |_| move_down.run(())>"↓"</button>
                <button class="button icon small" title="Add a nested field" aria-label="Add nested field" on:click=move |_| add_child.run(())>"↳"</button>
                {remove_button("Remove field", remove)}
            </td>
        </tr>
        <Show when=move || is_open.get()>
            <PropertyDetails id=id.clone() object path=path.clone() />
        </Show>
    }
}

const CLASSIFICATIONS: [&str; 5] = ["public", "internal", "confidential", "restricted", "sensitive"];

#[component]
fn PropertyDetails(id: String, object: usize, path: PropertyPath) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let at = field_path(object, &path);
    let read = |get: fn(&Property) -> String| {
        let path = path.clone();
        studio.read::<DataContract, String>(&id, move |c| property(c, object, &path).map(get).unwrap_or_default())
    };
    let typing = |field: &str, set: fn(&mut Property, String)| {
        let path = path.clone();
        typed::<DataContract>(studio, &id, format!("{at}.{field}"), move |c, v| if let Some(p) = property_mut(c, object, &path) { set(p, v) })
    };
    let committed = |set: fn(&mut Property, String)| {
        let path = path.clone();
        chosen::<DataContract, String>(studio, &id, move |c, v| if let Some(p) = property_mut(c, object, &path) { set(p, v) })
    };
    let read_ids = |get: fn(&Property) -> Vec<String>| {
        let path = path.clone();
        studio.read::<DataContract, Vec<String>>(&id, move |c| property(c, object, &path).map(get).unwrap_or_default())
    };
    let set_ids = |set: fn(&mut Property, Vec<String>)| {
        let path = path.clone();
        chosen::<DataContract, Vec<String>>(studio, &id, move |c, v| if let Some(p) = property_mut(c, object, &path) { set(p, v) })
    };
    view! {
        <tr class="property-details">
            <td colspan="7">
                <div class="details-grid">
                    {text(Spec::new("Description").path(format!("{at}.description")).multiline(), read(|p| p.description.clone()), typing("description", |p, v| p.description = v))}
                    {text(Spec::new("Business name").path(format!("{at}.businessName")), read(|p| p.business_name.clone()), typing("businessName", |p, v| p.business_name = v))}
                    {text(Spec::new("Physical type").path(format!("{at}.physicalType")).placeholder("e.g. VARCHAR(64)"), read(|p| p.physical_type.clone()), typing("physicalType", |p, v| p.physical_type = v))}
                    {select(Spec::new("Classification").path(format!("{at}.classification")), read(|p| p.classification.clone()), options::fixed_or_none(&CLASSIFICATIONS), committed(|p, v| p.classification = v))}
                    {commit(Spec::new("Allowed values (enum, comma separated)").path(format!("{at}.enum")), read(|p| p.enum_values.iter().map(|e| scalar_text(&e.value)).collect::<Vec<_>>().join(", ")), committed(|p, v| p.enum_values = enum_values(&p.enum_values, &v)))}
                    {commit(Spec::new("Examples (comma separated)").path(format!("{at}.examples")), read(|p| p.examples.iter().map(scalar_text).collect::<Vec<_>>().join(", ")), committed(|p, v| p.examples = split_list(&v).iter().map(|x| parse_scalar(x)).collect()))}
                    {text(Spec::new("Semantic type").path(format!("{at}.semanticType")).placeholder("e.g. email, currency"), read(|p| p.semantic_type.clone()), typing("semanticType", |p, v| p.semantic_type = v))}
                    {link_picker(Spec::new("Glossary terms").path(format!("{at}.glossary")), read_ids(|p| p.glossary.clone()), options::glossary(studio), set_ids(|p, v| p.glossary = v))}
                    {link_picker(Spec::new("Metrics").path(format!("{at}.metrics")), read_ids(|p| p.metrics.clone()), options::metrics(studio), set_ids(|p, v| p.metrics = v))}
                    {commit(Spec::new("Lineage: source fields (comma separated)").path(format!("{at}.transformSourceObjects")).placeholder("e.g. erp.orders.id"), read(|p| p.transform_source_objects.join(", ")), committed(|p, v| p.transform_source_objects = split_list(&v)))}
                    {commit(Spec::new("Tags (comma separated)"), read(|p| p.tags.join(", ")), committed(|p, v| p.tags = split_list(&v)))}
                </div>
            </td>
        </tr>
    }
}

/// The enum values typed as a list, keeping the labels and descriptions of values that stay.
fn enum_values(old: &[EnumValue], text: &str) -> Vec<EnumValue> {
    split_list(text)
        .iter()
        .map(|piece| {
            let value = parse_scalar(piece);
            old.iter().find(|e| e.value == value).cloned().unwrap_or_else(|| EnumValue::new(value))
        })
        .collect()
}
