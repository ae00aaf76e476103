//! ISO 4217: the active currency codes of list one and their minor units, as published by
//! the maintenance agency on 2026-01-01 (165 codes with minor units; the metals, bond units,
//! SDR, test and "no currency" codes have none and cannot hold money). Nothing else.

/// Active codes with their minor-unit decimals, sorted by code for binary search.
#[rustfmt::skip]
const CURRENCIES: &[(&str, u32)] = &[
    ("AED", 2), ("AFN", 2), ("ALL", 2), ("AMD", 2), ("AOA", 2), ("ARS", 2), ("AUD", 2),
    ("AWG", 2), ("AZN", 2), ("BAM", 2), ("BBD", 2), ("BDT", 2), ("BHD", 3), ("BIF", 0),
    ("BMD", 2), ("BND", 2), ("BOB", 2), ("BOV", 2), ("BRL", 2), ("BSD", 2), ("BTN", 2),
    ("BWP", 2), ("BYN", 2), ("BZD", 2), ("CAD", 2), ("CDF", 2), ("CHE", 2), ("CHF", 2),
    ("CHW", 2), ("CLF", 4), ("CLP", 0), ("CNY", 2), ("COP", 2), ("COU", 2), ("CRC", 2),
    ("CUP", 2), ("CVE", 2), ("CZK", 2), ("DJF", 0), ("DKK", 2), ("DOP", 2), ("DZD", 2),
    ("EGP", 2), ("ERN", 2), ("ETB", 2), ("EUR", 2), ("FJD", 2), ("FKP", 2), ("GBP", 2),
    ("GEL", 2), ("GHS", 2), ("GIP", 2), ("GMD", 2), ("GNF", 0), ("GTQ", 2), ("GYD", 2),
    ("HKD", 2), ("HNL", 2), ("HTG", 2), ("HUF", 2), ("IDR", 2), ("ILS", 2), ("INR", 2),
    ("IQD", 3), ("IRR", 2), ("ISK", 0), ("JMD", 2), ("JOD", 3), ("JPY", 0), ("KES", 2),
    ("KGS", 2), ("KHR", 2), ("KMF", 0), ("KPW", 2), ("KRW", 0), ("KWD", 3), ("KYD", 2),
    ("KZT", 2), ("LAK", 2), ("LBP", 2), ("LKR", 2), ("LRD", 2), ("LSL", 2), ("LYD", 3),
    ("MAD", 2), ("MDL", 2), ("MGA", 2), ("MKD", 2), ("MMK", 2), ("MNT", 2), ("MOP", 2),
    ("MRU", 2), ("MUR", 2), ("MVR", 2), ("MWK", 2), ("MXN", 2), ("MXV", 2), ("MYR", 2),
    ("MZN", 2), ("NAD", 2), ("NGN", 2), ("NIO", 2), ("NOK", 2), ("NPR", 2), ("NZD", 2),
    ("OMR", 3), ("PAB", 2), ("PEN", 2), ("PGK", 2), ("PHP", 2), ("PKR", 2), ("PLN", 2),
    ("PYG", 0), ("QAR", 2), ("RON", 2), ("RSD", 2), ("RUB", 2), ("RWF", 0), ("SAR", 2),
    ("SBD", 2), ("SCR", 2), ("SDG", 2), ("SEK", 2), ("SGD", 2), ("SHP", 2), ("SLE", 2),
    ("SOS", 2), ("SRD", 2), ("SSP", 2), ("STN", 2), ("SVC", 2), ("SYP", 2), ("SZL", 2),
    ("THB", 2), ("TJS", 2), ("TMT", 2), ("TND", 3), ("TOP", 2), ("TRY", 2), ("TTD", 2),
    ("TWD", 2), ("TZS", 2), ("UAH", 2), ("UGX", 0), ("USD", 2), ("USN", 2), ("UYI", 0),
    ("UYU", 2), ("UYW", 4), ("UZS", 2), ("VED", 2), ("VES", 2), ("VND", 0), ("VUV", 0),
    ("WST", 2), ("XAD", 2), ("XAF", 0), ("XCD", 2), ("XCG", 2), ("XOF", 0), ("XPF", 0),
    ("YER", 2), ("ZAR", 2), ("ZMW", 2), ("ZWG", 2),
];

/// The active codes alone, in the same order: what the JSON Schema offers editors.
pub static CODES: [&str; CURRENCIES.len()] = codes();

const fn codes() -> [&'static str; CURRENCIES.len()] {
    let mut out = [""; CURRENCIES.len()];
    let mut i = 0;
    while i < CURRENCIES.len() {
        out[i] = CURRENCIES[i].0;
        i += 1;
    }
    out
}

/// Codes of list one without minor units: precious metals, bond-market units, the SDR and
/// other units of account, the test code and "no currency".
const WITHOUT_MINOR_UNITS: &[&str] = &[
    "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX",
];

/// Codes withdrawn from list one that goal files still meet, with the code that replaced each.
#[rustfmt::skip]
const WITHDRAWN: &[(&str, &str)] = &[
    ("ANG", "XCG"), ("BGN", "EUR"), ("BYR", "BYN"), ("CUC", "CUP"), ("DEM", "EUR"),
    ("EEK", "EUR"), ("ESP", "EUR"), ("FRF", "EUR"), ("HRK", "EUR"), ("ITL", "EUR"),
    ("LTL", "EUR"), ("LVL", "EUR"), ("MRO", "MRU"), ("SLL", "SLE"), ("STD", "STN"),
    ("VEF", "VES"), ("ZWL", "ZWG"),
];

/// The minor-unit decimals of an active ISO 4217 code (EUR 2, JPY 0, BHD 3, CLF 4), or `None`
/// for anything else, including lower-case spellings.
pub fn minor_units(code: &str) -> Option<u32> {
    CURRENCIES
        .binary_search_by(|(c, _)| (*c).cmp(code))
        .ok()
        .map(|i| CURRENCIES[i].1)
}

/// Why `code` is not usable as a plan's currency, and what to write instead.
pub fn why_not(code: &str) -> (String, String) {
    let upper = code.trim().to_ascii_uppercase();
    if minor_units(&upper).is_some() {
        return (
            format!("\"{code}\" is not written as an ISO 4217 code"),
            format!("write it in capitals: \"{upper}\""),
        );
    }
    if let Some((_, now)) = WITHDRAWN.iter().find(|(old, _)| *old == upper) {
        return (
            format!("\"{code}\" was withdrawn from ISO 4217"),
            format!("write the code that replaced it: \"{now}\""),
        );
    }
    if WITHOUT_MINOR_UNITS.contains(&upper.as_str()) {
        return (
            format!(
                "\"{code}\" is an ISO 4217 unit without minor units, not a currency money can be planned in"
            ),
            "write the currency the team sells in, such as \"EUR\" or \"USD\"".to_string(),
        );
    }
    (
        format!("\"{code}\" is not an ISO 4217 currency code"),
        "write the three-letter code of the currency, such as \"EUR\", \"USD\", \"GBP\" or \"JPY\""
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_unique() {
        assert!(CURRENCIES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(CURRENCIES.len(), 165);
        assert!(CODES.iter().all(|c| minor_units(c).is_some()));
        assert_eq!((CODES[0], CODES[164]), ("AED", "ZWG"));
    }

    #[test]
    fn minor_units_follow_iso_4217() {
        for (code, units) in [
            ("EUR", 2),
            ("USD", 2),
            ("JPY", 0),
            ("KRW", 0),
            ("ISK", 0),
            ("BHD", 3),
            ("KWD", 3),
            ("TND", 3),
            ("CLF", 4),
            ("UYW", 4),
            ("XCG", 2),
            ("ZWG", 2),
        ] {
            assert_eq!(minor_units(code), Some(units), "{code}");
        }
    }

    #[test]
    fn unknown_withdrawn_and_unit_codes_have_none() {
        for code in [
            "eur", "EURO", "€", "", "ABC", "HRK", "ANG", "BGN", "XAU", "XXX", "XTS",
        ] {
            assert_eq!(minor_units(code), None, "{code}");
        }
    }

    #[test]
    fn the_reason_names_the_fix() {
        assert!(why_not("eur").1.contains("\"EUR\""));
        assert!(why_not("HRK").1.contains("\"EUR\""));
        assert!(why_not("ANG").1.contains("\"XCG\""));
        assert!(why_not("XAU").0.contains("without minor units"));
        assert!(why_not("ABC").0.contains("not an ISO 4217"));
    }
}
