//! Stable ids: short, readable slugs that stay the same when names change, so references,
//! file names in exported bundles and diffs do not churn.

/// The id of any entity in a workspace (product, contract, port, domain, …).
pub type Id = String;

/// Turns a display name into an id-friendly slug: lower case ASCII letters, digits and `-`.
/// Returns `"item"` for a name with no usable character, so the result is never empty.
pub fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    let mut pending_dash = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.push(c.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
    }
    if slug.is_empty() {
        slug.push_str("item");
    }
    slug
}

/// A slug of `name` that none of `taken` equals, made unique with a numeric suffix.
pub fn unique_id<'a>(name: &str, taken: impl IntoIterator<Item = &'a str> + Clone) -> Id {
    let base = slugify(name);
    let is_taken = |candidate: &str| taken.clone().into_iter().any(|t| t == candidate);
    if !is_taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !is_taken(candidate))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_keeps_letters_and_digits_and_joins_words() {
        assert_eq!(slugify("Customer 360 — Daily"), "customer-360-daily");
        assert_eq!(slugify("  Orders  "), "orders");
        assert_eq!(slugify("<img src=x>"), "img-src-x");
        assert_eq!(slugify("!!!"), "item");
    }

    #[test]
    fn unique_id_appends_the_first_free_number() {
        let taken = ["orders", "orders-2"];
        assert_eq!(unique_id("Orders", taken.iter().copied()), "orders-3");
        assert_eq!(unique_id("Payments", taken.iter().copied()), "payments");
    }
}
