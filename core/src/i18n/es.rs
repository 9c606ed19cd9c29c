//! es.

use super::en::K;

pub(crate) const ES: &[(K, &str)] = &[];
