//! German phone numbers in the office page's form, `(06151) 13-2324`.

/// A phone or fax number that was checked to be in the page's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phone<'a> {
    /// The area code without its leading zero, e.g. `6151`.
    pub area: &'a str,
    /// The subscriber number before the hyphen, e.g. `13`.
    pub base: &'a str,
    /// The internal extension after the hyphen, e.g. `2324`, if any.
    pub extension: Option<&'a str>,
}

/// What a valid number looks like, for error messages.
pub const PHONE_FORM: &str = "\"(0AREA) NUMBER-EXTENSION\", e.g. \"(06151) 13-2324\"";

/// [`PHONE_FORM`] in German.
pub const PHONE_FORM_DE: &str = "\"(0VORWAHL) RUFNUMMER-DURCHWAHL\", z. B. \"(06151) 13-2324\"";

impl<'a> Phone<'a> {
    /// Parses `(0AREA) NUMBER[-EXTENSION]`; `None` if the text is in any other form.
    pub fn parse(text: &'a str) -> Option<Self> {
        let rest = text.strip_prefix("(0")?;
        let (area, rest) = rest.split_once(") ")?;
        let (base, extension) = match rest.split_once('-') {
            Some((base, ext)) => (base, Some(ext)),
            None => (rest, None),
        };
        let digits =
            |s: &str, min: usize, max: usize| (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
        let area_ok = digits(area, 2, 5) && !area.starts_with('0');
        let ext_ok = extension.is_none_or(|e| digits(e, 1, 6));
        (area_ok && digits(base, 1, 8) && ext_ok).then_some(Phone { area, base, extension })
    }

    /// The RFC 3966 global form, for softphones and `tel:` links: `tel:+49-6151-13-2324`.
    pub fn tel_uri(&self) -> String {
        match self.extension {
            Some(ext) => format!("tel:+49-{}-{}-{}", self.area, self.base, ext),
            None => format!("tel:+49-{}-{}", self.area, self.base),
        }
    }

    /// The number as dialled from abroad: `+49 6151 13-2324`.
    pub fn international(&self) -> String {
        match self.extension {
            Some(ext) => format!("+49 {} {}-{}", self.area, self.base, ext),
            None => format!("+49 {} {}", self.area, self.base),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_page_form() {
        let phone = Phone::parse("(06151) 13-2324").unwrap();
        assert_eq!(phone.area, "6151");
        assert_eq!(phone.base, "13");
        assert_eq!(phone.extension, Some("2324"));
        assert_eq!(phone.international(), "+49 6151 13-2324");
        assert_eq!(phone.tel_uri(), "tel:+49-6151-13-2324");
    }

    #[test]
    fn rejects_other_forms() {
        for bad in ["06151 13-2324", "(06151)13-2324", "(6151) 13-2324", "(06151) 13-", "(06151) 1a-2", "", "(0) 1"] {
            assert_eq!(Phone::parse(bad), None, "{bad:?} should be rejected");
        }
    }
}
