//! fr.

use super::en::K;

pub(crate) const FR: &[(K, &str)] = &[];
