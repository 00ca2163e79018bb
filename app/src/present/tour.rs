//! The order present mode steps in and what each step shows: products by domain (in the
//! workspace's domain order, products without a domain last), then left to right by their place
//! on the canvas; or the domains that have a frame on the canvas, in the workspace's order.

use dpstudio_model::{NodeKind, Workspace};

use crate::canvas::geometry::{self, Rect};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Products,
    Domains,
}

impl Mode {
    pub fn other(self) -> Mode {
        match self {
            Mode::Products => Mode::Domains,
            Mode::Domains => Mode::Products,
        }
    }

    pub fn noun(self, n: usize) -> &'static str {
        match (self, n) {
            (Mode::Products, 1) => "product",
            (Mode::Products, _) => "products",
            (Mode::Domains, 1) => "domain",
            (Mode::Domains, _) => "domains",
        }
    }
}

/// Where domain `id` comes in the workspace's list; no domain (or an unknown one) after all.
fn domain_rank(ws: &Workspace, domain: Option<&String>) -> usize {
    let domains = &ws.context.domains;
    domain.and_then(|d| domains.iter().position(|x| &x.id == d)).unwrap_or(domains.len())
}

/// The ids of the stops of `mode`, in presenting order.
pub fn stops(ws: &Workspace, mode: Mode) -> Vec<String> {
    match mode {
        Mode::Products => {
            let mut products: Vec<_> = ws
                .products
                .iter()
                .map(|p| (domain_rank(ws, p.domain.as_ref()), geometry::position(ws, NodeKind::Product, &p.id), &p.id))
                .collect();
            // A stable sort: products at the same place keep the workspace's order.
            products.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.x.total_cmp(&b.1.x)).then(a.1.y.total_cmp(&b.1.y)));
            products.into_iter().map(|(_, _, id)| id.clone()).collect()
        }
        Mode::Domains => ws
            .context
            .domains
            .iter()
            .filter(|d| geometry::domain_frame(ws, &d.id).is_some())
            .map(|d| d.id.clone())
            .collect(),
    }
}

/// The part of the canvas a stop shows: the product with room for its port labels, or the
/// domain's frame.
pub fn area(ws: &Workspace, mode: Mode, id: &str) -> Option<Rect> {
    match mode {
        Mode::Products => ws.product(id).map(|p| geometry::product_rect(ws, p).grow(24.0)),
        Mode::Domains => geometry::domain_frame(ws, id),
    }
}

/// Where to land when switching from `mode` at stop `id`: the domain of the product shown, or
/// the first product of the domain shown.
pub fn switch_to(ws: &Workspace, mode: Mode, id: Option<&str>) -> usize {
    let Some(id) = id else { return 0 };
    let target = mode.other();
    let wanted = match mode {
        Mode::Products => ws.product(id).and_then(|p| p.domain.clone()),
        Mode::Domains => Some(id.to_owned()),
    };
    let Some(wanted) = wanted else { return 0 };
    stops(ws, target)
        .iter()
        .position(|stop| match target {
            Mode::Domains => *stop == wanted,
            Mode::Products => ws.product(stop).is_some_and(|p| p.domain.as_deref() == Some(wanted.as_str())),
        })
        .unwrap_or(0)
}
