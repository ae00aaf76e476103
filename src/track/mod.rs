//! Reading actual results (CRM exports) to track progress against goals.

pub mod csv_read;
pub mod dates;
pub mod numbers;
