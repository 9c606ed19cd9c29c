//! ko.

use super::en::K;

pub(crate) const KO: &[(K, &str)] = &[];
